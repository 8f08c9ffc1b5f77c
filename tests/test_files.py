"""Writing user files: a read-only file is never replaced, a replaced file keeps its mode, and a folder
is never written through a symbolic link. (Tests run as root here, for whom every file is writable:
the mode bits, not ``os.access``, decide.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paycalc.contract.errors import InputError
from paycalc.output.files import check_output, write_atomically, write_folder


@pytest.mark.parametrize("mode", [0o444, 0o555, 0o400])
def test_a_read_only_file_is_never_replaced(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "out.csv"
    target.write_text("kept\n")
    target.chmod(mode)
    with pytest.raises(InputError, match="it is read-only"):
        check_output(str(target))
    assert target.read_text() == "kept\n"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(mode)
    write_atomically(str(target), lambda out: out.write("new\n"))
    assert (target.read_text(), target.stat().st_mode & 0o7777) == ("new\n", mode)


def test_a_folder_is_never_written_through_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    os.symlink(real, link)
    with pytest.raises(InputError, match="it is a symbolic link"):
        write_folder(str(link), {"contract.yaml": "x\n"}, force=True)
    assert list(real.iterdir()) == []


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.text(alphabet="ab,\r", max_size=12), max_size=30),
    st.integers(1, 40),
    st.booleans(),
)
def test_byte_ranges_give_each_line_once_in_order(lines: list[str], block: int, ended: bool) -> None:
    """``lines_from`` over consecutive ranges (as the pricing processes read a roster): every line after
    the header exactly once, in order, however the ranges cut the lines."""
    import tempfile

    from paycalc.output.files import lines_from

    text = "\n".join(["id,x", *lines]) + ("\n" if ended else "")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        path.write_bytes(text.encode())
        header = len(b"id,x\n") if lines or ended else len(text.encode())
        size = len(text.encode())
        got = b"".join(
            lines_from(str(path), start, min(start + block, size), header) for start in range(header, size, block)
        )
    assert got == text.encode()[header:]
