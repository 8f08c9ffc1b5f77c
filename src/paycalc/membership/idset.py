"""An exact set of ids in about 25 bytes each, for the one-row-per-id checks of a long roster.

A Python ``set`` of short strings costs about 90 bytes an id (the string object and its slot). Here
the ids' UTF-8 bytes sit end to end in one buffer, each after its length, and an open-addressing
table of 8-byte offsets (linear probing, at most half full) finds them: every lookup compares the
bytes themselves, so the answer is exact, never a guess from a hash.
"""

from __future__ import annotations

import struct
from array import array

_EMPTY = -1
_LENGTH = struct.Struct("<I")


class IdSet:
    __slots__ = ("_buffer", "_count", "_slots")

    def __init__(self) -> None:
        self._slots = array("q", [_EMPTY]) * 1024
        self._buffer = bytearray()
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, id_: str) -> bool:
        """Add ``id_``; False if it was already there."""
        data = id_.encode("utf-8", "surrogatepass")
        slots, buffer = self._slots, self._buffer
        mask = len(slots) - 1
        i = hash(data) & mask
        size = len(data)
        while (offset := slots[i]) != _EMPTY:
            if _LENGTH.unpack_from(buffer, offset)[0] == size and buffer.startswith(data, offset + 4):
                return False
            i = (i + 1) & mask
        slots[i] = len(buffer)
        buffer += _LENGTH.pack(size)
        buffer += data
        self._count += 1
        if 2 * self._count > len(slots):
            self._grow()
        return True

    def _grow(self) -> None:
        buffer = self._buffer
        slots = array("q", [_EMPTY]) * (2 * len(self._slots))
        mask = len(slots) - 1
        offset = 0
        while offset < len(buffer):
            size = _LENGTH.unpack_from(buffer, offset)[0]
            i = hash(bytes(buffer[offset + 4 : offset + 4 + size])) & mask
            while slots[i] != _EMPTY:
                i = (i + 1) & mask
            slots[i] = offset
            offset += 4 + size
        self._slots = slots
