"""``paycalc cost --roster`` in columns: a plain CSV roster (or a sheet's twin) read in blocks of whole records
(:mod:`paycalc.output.member_columns`) and costed as arrays (:mod:`paycalc.membership.cost_columns`); None where
the member-by-member path must cost it. Cut into ranges as :mod:`paycalc.jobs.columnar` cuts a retro roster."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from paycalc.jobs import columnar, why
from paycalc.jobs.columnar import BREAK, in_records, plain_roster, ranges
from paycalc.membership.unpriced import Unpriced


def costed(
    source: str,
    header: list[str],
    costing: Callable[..., Any],
    on_invalid: Any = None,
    grown: Iterable[tuple[int, int, int]] | None = None,
    placing: Callable[[str], datetime.date] | None = None,
) -> Any:
    """The costing of a plain CSV roster (``header``: its columns as paycalc reads them) read in columns, by
    ``costing(kinds, chunks, skipped)`` (:func:`paycalc.membership.cost_columns.cost` with the run's terms), a
    block of ``COST_BLOCK`` bytes at a time; None when the roster or the terms are for the member-by-member path.
    With ``on_invalid`` (``--skip-invalid``), rows the rules refuse are left out and handed to it, in order;
    ``grown``: a twin's byte ranges as its sheet is parsed (:func:`paycalc.jobs.sheet_twins.growing`), costed as they
    come (each ends where a row does: whole records); ``placing``: a step to its hire date. A roster whose quoted
    cells hold line breaks is costed again, cut at its records (:mod:`paycalc.reading.records`)."""
    from paycalc.output import member_skips
    from paycalc.output.member_columns import Members
    from paycalc.reading.files import lines_from

    plain = plain_roster(source)
    if plain is None:
        return None
    where = grown if grown is not None else ranges(len(plain[0]), plain[1], columnar.COST_BLOCK)
    records = grown is not None
    while True:
        members = Members(header, on_invalid is not None, placing, records)
        blocks = (lines_from(source, *at) for at in where)
        priced: list[tuple[int, str]] = []
        try:
            found = costing(members.kinds, members.chunks(blocks), priced if on_invalid is not None else None)
            members.check()
            break
        except Unpriced as exc:
            if str(exc) != BREAK or records:
                why.decline(str(exc))
                return None
        where, records = in_records(source, list(where), plain[1]), True  # again, cut at its records
    for error in member_skips.in_order(members.refusals, priced, members.numbers):
        on_invalid(error)
    return found
