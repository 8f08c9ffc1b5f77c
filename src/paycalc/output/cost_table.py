"""The costing as a terminal table: the fiscal years (one block per offer where the table would not fit the
terminal), the headline, the gaps between offers, the spread of one member's increase, the cost of 1%, a bar
chart per offer and, with ``--by``, each title or step."""

from __future__ import annotations

from collections.abc import Sequence

from paycalc.membership.costing import Costing
from paycalc.output.cost_render import label, status_quo_words
from paycalc.output.render import bar_chart, money, signed_money, signed_percent, table


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
    if max(map(len, text.splitlines())) > width:  # a narrow terminal, or long offer names: one block per offer
        text = _blocks(costing, names, title, width)
    text += "\n\n" + textwrap.fill(_headline(costing, names), width)
    if len(names) > 1:
        gaps = [
            [label(p) if p is not costing.total else "Total", short, signed_money(line.gap)]
            for p in (*costing.periods, costing.total)
            for short, line in zip(names[1:], p.proposals[1:], strict=True)
        ]
        named = len(names[0]) <= 20  # a long name goes in the title, which wraps, not in a column's head
        text += "\n\n" + table(
            ("Fiscal year", "Offer", f"Gap to {names[0]}" if named else "Gap"),
            gaps,
            title="Between offers: each offer's increase minus the first's" + ("" if named else f" ({names[0]})"),
            right=(2,),
            wrap=(1,),
            width=width,
        )
    said = "The increase of one member: the least, the median and the most"
    if len(names) == 1:  # one offer: named in the title
        rows = [[row[0], *row[2:]] for row in spread]
        text += "\n\n" + table(("Fiscal year", "Least", "Median", "Most"), rows, title=f"{said}, {names[0]}",
                                right=(1, 2, 3), width=width)  # fmt: skip
    else:
        heads = ("Fiscal year", "Proposal", "Least", "Median", "Most")
        text += "\n\n" + table(heads, spread, title=said, right=(2, 3, 4), wrap=(1,), width=width)
    ones = ", ".join(f"{label(p)} {money(p.cost_of_one_percent)}" for p in costing.periods)
    ones_line = f"Cost of 1% (of the status quo payroll): {ones}; total {money(costing.total.cost_of_one_percent)}."
    text += "\n\n" + textwrap.fill(ones_line, width)
    every = [p.proposals[k].increase for p in costing.periods for k in range(len(names))]
    shared, figures = max(every, default=None), max((len(money(x)) for x in every), default=0)
    for k, short in enumerate(names):  # one scale for every offer, and each bar labelled with the table's figure
        text += "\n\n" + textwrap.fill(f"Increase by fiscal year, {short}:", width) + "\n"
        text += bar_chart(
            [label(p) for p in costing.periods],
            [p.proposals[k].increase for p in costing.periods],
            width=width,
            top=shared,
            figures=figures,
        )
    if by_title:
        text += "\n\n" + _by_group(costing, names, width)
    return text


def _blocks(costing: Costing, names: Sequence[str], title: str, width: int) -> str:
    """The costing table as blocks that fit a narrow terminal: the status quo's payroll, then each offer's
    figures under its name, one line per fiscal year and the total."""
    import textwrap

    shown = [(label(p) if p is not costing.total else "Total", p) for p in (*costing.periods, costing.total)]
    text = textwrap.fill(title, width) + "\n\n"
    text += table(
        ("Fiscal year", "Members", "Payroll"),
        [[name, str(p.members), money(p.status_quo)] for name, p in shown],
        title="Status quo",
        right=(1, 2),
        width=width,
    )
    for k, short in enumerate(names):
        rows = []
        for name, p in shown:
            line = p.proposals[k]
            rows.append([name, money(line.payroll), signed_money(line.recurring), signed_money(line.lump_sums),
                         signed_money(line.increase), signed_percent(line.percent)])  # fmt: skip
        columns = ("Fiscal year", "Payroll", "Recurring", "One-time", "Increase", "Percent")
        text += "\n\n" + table(columns, rows, title=textwrap.fill(short, width), right=range(1, 6), width=width)
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


def _by_group(costing: Costing, names: Sequence[str], width: int) -> str:
    """Each title (or step) over the whole range: one column per offer, or one line per offer where the
    offers' names would not fit ``width`` as columns."""
    said = "title" if costing.by == "title" else "step on the range's first day on payroll"
    title = f"By {said}, over the whole range"
    head = (costing.by.capitalize(), "Members", "Status quo")
    rows = []
    for group, entry in costing.total.by_title.items():
        increases = [signed_money(increase) for _, _, increase in entry.offers]
        rows.append([group, str(entry.members), money(entry.status_quo), *increases])
    columns = (*head, *(f"Increase, {short}" for short in names))
    text = table(columns, rows, title=title, right=range(1, 3 + len(names)), width=width)
    if max(map(len, text.splitlines())) <= width:  # every title and step whole on its line
        return text
    if len(names) == 1:  # one offer: named in the title
        return table((*head, "Increase"), rows, title=f"{title}: {names[0]}", right=(1, 2, 3), wrap=(0,), width=width)
    lines = []
    for row in rows:
        for k, (short, increase) in enumerate(zip(names, row[3:], strict=True)):
            lines.append([*(row[:3] if not k else ["", "", ""]), short, increase])
    return table((*head, "Offer", "Increase"), lines, title=title, right=(1, 2, 4), wrap=(3, 0), width=width)
