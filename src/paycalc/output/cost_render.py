"""How a costing is shown: the pinned JSON, CSV, a table with a chart, and a self-contained HTML report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from paycalc.membership.costing import Costing, Line, Period, TitleLine
from paycalc.membership.fiscal import ONE_DAY
from paycalc.output.files import safe_cell
from paycalc.output.render import bar_chart, cents, money, percent, signed_money, signed_percent, table


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


def render_table(costing: Costing, names: Sequence[str], by_title: bool, width: int) -> str:
    import textwrap

    rows, spread = [], []
    for period in (*costing.periods, costing.total):
        shown_as = "Total" if period is costing.total else label(period)
        rows.append([shown_as, str(period.members), "status quo", money(period.status_quo), "", "", "", ""])
        for short, line in zip(names, period.proposals, strict=True):
            shown = [signed_money(line.recurring), signed_money(line.lump_sums), signed_money(line.increase)]
            rows.append(["", "", short, money(line.payroll), *shown, signed_percent(line.percent)])
            least, middle, most = (signed_money(x) for x in (line.smallest, line.median, line.largest))
            spread.append([shown_as, short, least, middle, most])
            shown_as = ""
    columns = ["Fiscal year", "Members", "Payroll of", "Payroll", "Recurring", "One-time", "Increase", "Percent"]
    title = f"Costing against the status quo ({status_quo_words(costing)}), {costing.method}"
    text = table(columns, rows, title=title, right=(1, 3, 4, 5, 6, 7), wrap=(0, 2), width=width)
    if max(map(len, text.splitlines())) > width:  # a narrow terminal: the column the others say goes
        lumps = any(line.lump_sums for p in costing.periods for line in p.proposals)
        gone = 4 if lumps else 5  # Recurring is the increase less the one-time; One-time is all $0.00
        columns.pop(gone)
        rows = [[*row[:gone], *row[gone + 1 :]] for row in rows]
        said = "recurring: the increase less the one-time" if lumps else "no one-time payments"
        text = table(columns, rows, title=f"{title} ({said})", right=(1, 3, 4, 5, 6), wrap=(0, 2), width=width)
    text += "\n\n" + textwrap.fill(_headline(costing, names), width)
    if len(names) > 1:
        gaps = [
            [label(p) if p is not costing.total else "Total", short, signed_money(line.gap)]
            for p in (*costing.periods, costing.total)
            for short, line in zip(names[1:], p.proposals[1:], strict=True)
        ]
        text += "\n\n" + table(
            ("Fiscal year", "Offer", f"Gap to {names[0]}"),
            gaps,
            title="Between offers: each offer's increase minus the first's",
            right=(2,),
            wrap=(1,),
            width=width,
        )
    text += "\n\n" + table(
        ("Fiscal year", "Proposal", "Least", "Median", "Most"),
        spread,
        title="The increase of one member: the least, the median and the most",
        right=(2, 3, 4),
        wrap=(1,),
        width=width,
    )
    ones = ", ".join(f"{label(p)} {money(p.cost_of_one_percent)}" for p in costing.periods)
    ones_line = f"Cost of 1% (of the status quo payroll): {ones}; total {money(costing.total.cost_of_one_percent)}."
    text += "\n\n" + textwrap.fill(ones_line, width)
    every = [p.proposals[k].increase for p in costing.periods for k in range(len(names))]
    shared, figures = max(every, default=None), max((len(money(x)) for x in every), default=0)
    for k, short in enumerate(names):  # one scale for every offer, and each bar labelled with the table's figure
        text += f"\n\nIncrease by fiscal year, {short}:\n"
        text += bar_chart(
            [label(p) for p in costing.periods],
            [p.proposals[k].increase for p in costing.periods],
            width=width,
            top=shared,
            figures=figures,
        )
    if by_title:
        title_rows = []
        for title, entry in costing.total.by_title.items():
            title_rows.append([title, str(entry.members), money(entry.status_quo),
                               *(signed_money(increase) for _, _, increase in entry.offers)])  # fmt: skip
        said = "title" if costing.by == "title" else "step on the range's first day on payroll"
        text += "\n\n" + table(
            (costing.by.capitalize(), "Members", "Status quo", *(f"Increase, {short}" for short in names)),
            title_rows,
            title=f"By {said}, over the whole range",
            right=range(1, 3 + len(names)),
            wrap=(0,),
            width=width,
        )
    return text


def _headline(costing: Costing, names: Sequence[str]) -> str:
    """Each offer over the whole range, recurring and one-time apart, and the rollover."""
    parts = [
        f"{short} {signed_money(line.increase)} ({signed_money(line.recurring)} recurring, "
        f"{signed_money(line.lump_sums)} one-time)"
        for short, line in zip(names, costing.total.proposals, strict=True)
    ]
    rollover = costing.rollover
    inherited = "; ".join(
        f"{short} {signed_money(increase)}" for short, increase in zip(names, rollover.increases, strict=True)
    )
    return (
        f"Over the whole range: {'; '.join(parts)}. Rollover, the recurring increase annualised on "
        f"{rollover.on} ({rollover.members} members on payroll), which the next contract inherits: {inherited} a year."
    )
