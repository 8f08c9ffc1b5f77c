"""How a costing is shown: the pinned JSON, CSV, a table with a chart, and a self-contained HTML report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from paycalc.contract.models import Contract
from paycalc.membership.costing import Costing, Line, Period, TitleLine
from paycalc.membership.fiscal import ONE_DAY
from paycalc.output.files import safe_cell
from paycalc.output.render import cents, percent


def offer_labels(proposals: Sequence[Contract]) -> list[str]:
    """Each offer as a committee names it: its ``name``, or its file's name (without ``.yaml``) where two
    offers share a name."""
    specs = [p.proposal for p in proposals if p.proposal is not None]
    names = [spec.name for spec in specs]
    return [spec.file.removesuffix(".yaml") if names.count(spec.name) > 1 else spec.name for spec in specs]


def _line(line: Line) -> dict[str, Any]:
    return {
        "name": line.name,
        "payroll": cents(line.payroll),
        "lump_sums": cents(line.lump_sums),
        "recurring": cents(line.recurring),
        "increase": cents(line.increase),
        "gap": None if line.gap is None else cents(line.gap),
        "percent": percent(line.percent),
        "smallest": None if line.smallest is None else cents(line.smallest),
        "median": None if line.median is None else cents(line.median),
        "largest": None if line.largest is None else cents(line.largest),
    }


def _title(title: str, line: TitleLine, names: Sequence[str], by: str = "title") -> dict[str, Any]:
    return {
        by: title,
        "members": line.members,
        "status_quo": cents(line.status_quo),
        "increases": [cents(increase) for _, _, increase in line.offers],
        "proposals": [
            {
                "name": name,
                "recurring": cents(recurring),
                "lump_sums": cents(lumps),
                "increase": cents(increase),
                "median": None if median is None else cents(median),
            }
            for name, (recurring, lumps, increase), median in zip(names, line.offers, line.medians, strict=True)
        ],
    }


def _period(period: Period, by_title: bool, by: str = "title") -> dict[str, Any]:
    record: dict[str, Any] = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "members": period.members,
        "status_quo": cents(period.status_quo),
        "cost_of_one_percent": cents(period.cost_of_one_percent),
        "proposals": [_line(line) for line in period.proposals],
    }
    if by_title:
        names = [line.name for line in period.proposals]
        record[f"by_{by}"] = [_title(title, line, names, by) for title, line in period.by_title.items()]
    return record


def status_quo_words(costing: Costing) -> str:
    """What the status quo is, in words: a schedule frozen, or what another contract's scale paid."""
    if costing.paid_contract:
        return f"what {costing.paid_contract} paid, its schedule in force each day"
    return f"the {costing.status_quo_base} schedule frozen"


def as_record(costing: Costing, by_title: bool = False) -> dict[str, Any]:
    """The pinned JSON; ``by_title``: each period's breakdown (``by_title``, or ``by_step`` when grouped by step)."""
    rollover = costing.rollover
    return {
        "status_quo_base": costing.status_quo_base.isoformat(),
        **({"paid_contract": costing.paid_contract} if costing.paid_contract else {}),
        "method": costing.method,
        "periods": [_period(p, by_title, costing.by) for p in costing.periods],
        "total": _period(costing.total, by_title, costing.by),
        "rollover": {
            "on": rollover.on.isoformat(),
            "members": rollover.members,
            "status_quo": cents(rollover.status_quo),
            "proposals": [
                {"name": line.name, "recurring": cents(increase)}
                for line, increase in zip(costing.total.proposals, rollover.increases, strict=True)
            ],
        },
    }


CSV_COLUMNS = (
    "kind", "start", "end", "title", "members", "status_quo", "cost_of_one_percent", "proposal",
    "payroll", "lump_sums", "recurring", "increase", "gap", "percent", "smallest", "median", "largest",
)  # fmt: skip


def csv_header(costing: Costing) -> tuple[str, ...]:
    """:data:`CSV_COLUMNS`, its ``title`` column named ``step`` when the breakdown is by step."""
    return (*CSV_COLUMNS[:3], costing.by, *CSV_COLUMNS[4:])


def csv_rows(costing: Costing, by_title: bool = False) -> list[list[Any]]:
    """Rows of a ``kind``: ``period`` (a fiscal year), ``total`` (the whole range), ``title`` (a title in a
    fiscal year or the range, with ``--by title``; ``step`` with ``--by step``) and ``rollover`` (the recurring
    increase annualised on the last day), one per proposal: a spreadsheet that sums the rows of one kind never
    counts twice."""
    rows = []
    for period in (*costing.periods, costing.total):
        head = _period(period, False)
        kind = "total" if period is costing.total else "period"
        fixed = [kind, head["start"], head["end"], "", *(head[key] for key in CSV_COLUMNS[4:7])]
        for line in head["proposals"]:
            rows.append([*fixed, safe_cell(line["name"]), *(line[key] for key in CSV_COLUMNS[8:])])
    if by_title:
        for period in (*costing.periods, costing.total):
            for title, entry in period.by_title.items():
                fixed = [costing.by, period.start.isoformat(), period.end.isoformat(), safe_cell(title), entry.members]
                fixed += [cents(entry.status_quo), cents(entry.status_quo.scaleb(-2))]
                offers = zip(period.proposals, entry.offers, entry.medians, strict=True)
                for line, (recurring, lumps, increase), median in offers:
                    share = increase / entry.status_quo * 100 if entry.status_quo else None
                    money_cells = [cents(entry.status_quo + recurring), cents(lumps), cents(recurring), cents(increase)]
                    middle = None if median is None else cents(median)
                    rows.append([*fixed, safe_cell(line.name), *money_cells, None, percent(share), None, middle, None])
    rollover = costing.rollover
    day = rollover.on.isoformat()
    for line, increase in zip(costing.total.proposals, rollover.increases, strict=True):
        fixed = ["rollover", day, day, "", rollover.members, cents(rollover.status_quo), None, safe_cell(line.name)]
        share = increase / rollover.status_quo * 100 if rollover.status_quo else None
        rows.append([*fixed, cents(rollover.status_quo + increase), None, cents(increase), cents(increase), None,
                     percent(share), None, None, None])  # fmt: skip
    return rows


def label(period: Period) -> str:
    """A whole fiscal year as ``2018-19``; a part of one by its days."""
    after = period.end + ONE_DAY
    whole = after.year == period.start.year + 1 and (after.month, after.day) == (period.start.month, period.start.day)
    return f"{period.start.year}-{str(period.end.year)[2:]}" if whole else f"{period.start} to {period.end}"
