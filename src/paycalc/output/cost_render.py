"""How a costing is shown: the pinned JSON, CSV, a table with a chart, and a self-contained HTML report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from paycalc.membership.costing import Costing, Line, Period
from paycalc.output.files import safe_cell
from paycalc.output.render import bar_chart, cents, money, percent, signed_money, signed_percent, table


def _line(line: Line) -> dict[str, Any]:
    return {
        "name": line.name,
        "payroll": cents(line.payroll),
        "lump_sums": cents(line.lump_sums),
        "increase": cents(line.increase),
        "percent": percent(line.percent),
        "smallest": None if line.smallest is None else cents(line.smallest),
        "median": None if line.median is None else cents(line.median),
        "largest": None if line.largest is None else cents(line.largest),
    }


def _period(period: Period, by_title: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "members": period.members,
        "status_quo": cents(period.status_quo),
        "cost_of_one_percent": cents(period.cost_of_one_percent),
        "proposals": [_line(line) for line in period.proposals],
    }
    if by_title:
        record["by_title"] = [
            {"title": title, "status_quo": cents(sq), "increases": [cents(x) for x in increases]}
            for title, (sq, increases) in period.by_title.items()
        ]
    return record


def as_record(costing: Costing, by_title: bool = False) -> dict[str, Any]:
    return {
        "status_quo_base": costing.status_quo_base.isoformat(),
        "method": costing.method,
        "periods": [_period(p, by_title) for p in costing.periods],
        "total": _period(costing.total, by_title),
    }


CSV_COLUMNS = (
    "kind", "start", "end", "members", "status_quo", "cost_of_one_percent", "proposal",
    "payroll", "lump_sums", "increase", "percent", "smallest", "median", "largest",
)  # fmt: skip


def csv_rows(costing: Costing) -> list[list[Any]]:
    """One row per fiscal year (``kind`` period) and for the whole range (``kind`` total), per proposal: a
    spreadsheet that sums the rows of one kind never counts a total twice."""
    rows = []
    for period in (*costing.periods, costing.total):
        head = _period(period, False)
        kind = "total" if period is costing.total else "period"
        fixed = [kind, *(head[key] for key in CSV_COLUMNS[1:6])]
        for line in head["proposals"]:
            rows.append([*fixed, safe_cell(line["name"]), *(line[key] for key in CSV_COLUMNS[7:])])
    return rows


def _label(period: Period) -> str:
    return f"{period.start} to {period.end}"


def render_table(costing: Costing, names: Sequence[str], by_title: bool, width: int) -> str:
    rows, spread = [], []
    for period in (*costing.periods, costing.total):
        label = "Total" if period is costing.total else _label(period)
        rows.append([label, str(period.members), "status quo", money(period.status_quo), "", ""])
        for short, line in zip(names, period.proposals, strict=True):
            shown = [money(line.payroll + line.lump_sums), signed_money(line.increase), signed_percent(line.percent)]
            rows.append(["", "", short, *shown])
            least, middle, most = (
                money(x) if x is not None else "" for x in (line.smallest, line.median, line.largest)
            )
            spread.append([label, short, least, middle, most])
            label = ""
    text = table(
        ("Fiscal year", "Members", "Payroll of", "Payroll + lump sums", "Increase", "Percent"),
        rows,
        title=f"Costing against the status quo (the {costing.status_quo_base} schedule frozen), {costing.method}",
        right=(1, 3, 4, 5),
        wrap=(2,),  # a long offer's name wraps, so the table fits the terminal
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
    ones = ", ".join(f"{_label(p)} {money(p.cost_of_one_percent)}" for p in costing.periods)
    import textwrap

    ones_line = f"Cost of 1% (of the status quo payroll): {ones}; total {money(costing.total.cost_of_one_percent)}."
    text += "\n\n" + textwrap.fill(ones_line, width)
    every = [p.proposals[k].increase for p in costing.periods for k in range(len(names))]
    shared, figures = max(every, default=None), max((len(money(x)) for x in every), default=0)
    for k, short in enumerate(names):  # one scale for every offer, and each bar labelled with the table's figure
        text += f"\n\nIncrease by fiscal year, {short}:\n"
        text += bar_chart(
            [str(p.start.year) + "-" + str(p.end.year)[2:] for p in costing.periods],
            [p.proposals[k].increase for p in costing.periods],
            width=width,
            top=shared,
            figures=figures,
        )
    if by_title:
        title_rows = []
        for title, (sq, increases) in costing.total.by_title.items():
            title_rows.append([title, money(sq), *(signed_money(x) for x in increases)])
        text += "\n\n" + table(
            ("Title", "Status quo", *(f"Increase, {short}" for short in names)),
            title_rows,
            title="By title, over the whole range",
            right=range(1, 2 + len(names)),
            width=width,
        )
    return text
