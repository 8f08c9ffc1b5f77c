"""The running sums of a costing, in integer cents: per fiscal year, per proposal and per title.

The spread of per-member increases is kept exactly, in little memory: members on a common path share
their increase, so those are counted by value; the rest are listed as 8-byte integers.
"""

from __future__ import annotations

import heapq
from array import array
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

Summary = tuple[Decimal | None, Decimal | None, Decimal | None]  # the smallest, median and largest


def money_of(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def median_of(low: int, high: int) -> Decimal:
    """The median of values whose middle two (the same one, for an odd count) are ``low`` and ``high`` cents."""
    return (Decimal(low + high) / 2).scaleb(-2)


class Spread:
    """The per-member increases of one proposal in one piece: members on a common path counted by value
    (they share it), the others listed as 8-byte integers; the median is exact either way."""

    __slots__ = ("counts", "known", "listed")

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()
        self.listed = array("q")
        self.known: Summary | None = None  # a summary worked out already (in columns)

    @classmethod
    def of(cls, summary: Summary) -> Spread:
        """A spread whose summary is known: the smallest, median and largest of values summed elsewhere."""
        spread = cls()
        spread.known = summary
        return spread

    def add(self, value: int, weight: int, counted: bool) -> None:
        if counted:
            self.counts[value] += weight
        else:
            self.listed.append(value)

    def summary(self) -> Summary:
        """The smallest, median and largest, exactly as if every member's value were listed."""
        if self.known is not None:
            return self.known
        total = len(self.listed) + sum(self.counts.values())
        if not total:
            return None, None, None
        merged = heapq.merge(((value, 1) for value in sorted(self.listed)), sorted(self.counts.items()))
        wanted = [(total - 1) // 2, total // 2]  # the middle position(s), counting from 0
        middle: list[int] = []
        seen, smallest, largest = 0, None, 0
        for value, count in merged:
            smallest = value if smallest is None else smallest
            largest = value
            seen += count
            while wanted and wanted[0] < seen:
                middle.append(value)
                wanted.pop(0)
        assert smallest is not None
        return money_of(smallest), median_of(middle[0], middle[1]), money_of(largest)


class Sums:
    """Running sums of a costing: per piece (the last slot is the whole range) and per title."""

    def __init__(self, pieces: int, proposals: int) -> None:
        n = pieces + 1
        self.pieces, self.proposals = pieces, proposals
        self.members = [0] * n
        self.status_quo = [0] * n
        self.payroll = [[0] * n for _ in range(proposals)]
        self.lumps = [[0] * n for _ in range(proposals)]
        self.increases = [[Spread() for _ in range(n)] for _ in range(proposals)]
        # title -> per piece: [members, status quo, then payroll and lump sums of each proposal]
        self.titles: dict[str, list[list[int]]] = {}
        self.title_spreads: dict[str, list[list[Spread]]] = {}  # title -> per proposal, per piece
        self.members_on_last = 0  # members on payroll on the range's last day
        self.rollover_old = 0  # annual pay on the last day, summed: the status quo's
        self.rollover_new = [0] * proposals  # and each proposal's

    def add(
        self,
        group: str | Sequence[str],
        on_payroll: list[bool],
        old: list[int],
        new: list[list[int]],
        lumps: list[list[int]],
        weight: int = 1,
        counted: bool = False,
    ) -> None:
        """``weight`` members alike: on payroll in the pieces marked, paid ``old`` and ``new`` in each.

        ``group``: their title, or one group per piece and then the whole range's (a step that moves).
        ``counted``: they are on a common path, so their increases are counted by value.
        """
        n = self.pieces
        groups = [group] * (n + 1) if isinstance(group, str) else list(group)
        whole = [0] * self.proposals
        for i in range(n):
            if not on_payroll[i]:
                continue
            per_group, spreads = self._group(groups[i])
            self.members[i] += weight
            self.status_quo[i] += old[i] * weight
            per_group[0][i] += weight
            per_group[1][i] += old[i] * weight
            for k in range(self.proposals):
                change = new[k][i] + lumps[k][i] - old[i]
                self.payroll[k][i] += new[k][i] * weight
                self.lumps[k][i] += lumps[k][i] * weight
                self.increases[k][i].add(change, weight, counted)
                spreads[k][i].add(change, weight, counted)
                per_group[2 + 2 * k][i] += new[k][i] * weight
                per_group[3 + 2 * k][i] += lumps[k][i] * weight
                whole[k] += change
        per_group, spreads = self._group(groups[n])
        self.members[n] += weight
        self.status_quo[n] += sum(old) * weight
        per_group[0][n] += weight
        per_group[1][n] += sum(old) * weight
        for k in range(self.proposals):
            self.payroll[k][n] += sum(new[k]) * weight
            self.lumps[k][n] += sum(lumps[k]) * weight
            self.increases[k][n].add(whole[k], weight, counted)
            spreads[k][n].add(whole[k], weight, counted)
            per_group[2 + 2 * k][n] += sum(new[k]) * weight
            per_group[3 + 2 * k][n] += sum(lumps[k]) * weight

    def _group(self, name: str) -> tuple[list[list[int]], list[list[Spread]]]:
        """A group's sums per piece (members, status quo, then each proposal's payroll and lump sums) and spreads."""
        n = self.pieces + 1
        sums = self.titles.setdefault(name, [[0] * n for _ in range(2 + 2 * self.proposals)])
        spreads = self.title_spreads.get(name)
        if spreads is None:
            spreads = self.title_spreads[name] = [[Spread() for _ in range(n)] for _ in range(self.proposals)]
        return sums, spreads

    def add_rollover(self, on_payroll: bool, old: int, new: Sequence[int], weight: int = 1) -> None:
        """Annual pay on the range's last day, of ``weight`` members: the status quo's and each proposal's."""
        self.members_on_last += weight if on_payroll else 0
        self.rollover_old += old * weight
        for k, value in enumerate(new):
            self.rollover_new[k] += value * weight
