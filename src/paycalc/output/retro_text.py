"""Retro pay for one person as a table, JSON or CSV: its segments, lump sums, instalments and totals."""

from typing import Any

from paycalc.output.render import Format, cents, money, table, terminal_width, to_csv, to_json
from paycalc.rules.retro_results import RetroResult

SEGMENT_COLUMNS = ("start", "end", "schedule", "longevity", "owed_rate", "paid_rate", "owed", "paid", "retro")


def segment_records(result: RetroResult) -> list[dict[str, object]]:
    return [
        {
            "start": s.start.isoformat(),
            "end": s.end.isoformat(),
            "schedule": s.schedule.isoformat(),
            "longevity": s.longevity,
            "owed_rate": cents(s.owed_rate),
            "paid_rate": cents(s.paid_rate),
            "owed": cents(s.owed),
            "paid": cents(s.paid),
            "retro": cents(s.retro),
        }
        | ({"title": s.title} if result.changes else {})
        for s in result.segments
    ]


def record(result: RetroResult, proposal: str | None = None) -> dict[str, Any]:
    """The answer as JSON shows it: money as strings to the cent."""
    lumps = [{"name": x.name, "paid": x.paid.isoformat(), "amount": cents(x.amount)} for x in result.lump_sums]
    payments = [{"paid": day.isoformat(), "amount": cents(amount)} for day, amount in result.instalments]
    return (
        ({"proposal": proposal} if proposal else {})
        | {
            "title": result.title,
            "hired": result.hired.isoformat(),
            **({"placed": result.placed} if result.placed else {}),
            "from": result.start.isoformat(),
            "to": result.end.isoformat(),
            "method": result.method,
            "paid_basis": result.paid_basis,
            "owed": cents(result.owed),
            "paid": cents(result.paid),
            "retro": cents(result.retro),
            "segments": segment_records(result),
        }
        | ({"pay_cycles": result.cycles} if result.cycles else {})
        | ({"changes": list(result.changes)} if result.changes else {})
        | ({"fiscal_years": fiscal_records(result)} if result.fiscal_years else {})
        | ({"lump_sums": lumps} if proposal else {})
        | ({"instalments": payments} if payments else {})
    )


def fiscal_records(result: RetroResult) -> list[dict[str, Any]]:
    return [
        {
            "fiscal_year": f"FY{year.year % 100:02d}",
            "from": year.start.isoformat(),
            "to": year.end.isoformat(),
            "owed": cents(year.owed),
            "paid": cents(year.paid),
            "retro": cents(year.retro),
        }
        for year in result.fiscal_years
    ]


def fiscal_table(result: RetroResult) -> str:
    """Owed, paid and retro by fiscal year, when the period holds more than one."""
    if len(result.fiscal_years) < 2:
        return ""
    rows = [
        (f"FY{y.year % 100:02d}", f"{y.start} to {y.end}", money(y.owed), money(y.paid), money(y.retro))
        for y in result.fiscal_years
    ]
    columns = ("Fiscal year", "Days", "Owed", "Paid", "Retro")
    return "\n\n" + table(columns, rows, title="By fiscal year", right=range(2, 5), width=terminal_width())


def render(result: RetroResult, format: Format, proposal: str | None = None) -> str:
    if format is Format.json:
        return to_json(record(result, proposal))
    if format is Format.csv:
        return to_csv(SEGMENT_COLUMNS, ([r[c] for c in SEGMENT_COLUMNS] for r in segment_records(result))).rstrip("\n")
    rows = [
        (
            s.start.isoformat(),
            s.longevity if s.title is None else f"{s.title}, {s.longevity}",
            money(s.owed_rate),
            money(s.paid_rate),
            money(s.owed),
            money(s.paid),
            money(s.retro),
        )
        for s in result.segments
    ]
    for lump in result.lump_sums:
        rows.append((lump.paid.isoformat(), lump.name, "", "", money(lump.amount), "", money(lump.amount)))
    rows.append(("Total", "", "", "", money(result.owed), money(result.paid), money(result.retro)))
    method = f"{result.method} ({result.cycles} checks a year)" if result.cycles else result.method
    who = result.placed or f"hired {result.hired}"
    heading = f"{result.title}, {who}: retro pay {result.start} to {result.end}, {method}, paid: {result.paid_basis}"
    columns = ("From", "Row", "Owed a year", "Paid a year", "Owed", "Paid", "Retro")
    wrap = (1,) if result.changes else ()  # titles in the Row column wrap to fit the terminal
    text = table(columns, rows, title=heading, right=range(2, 7), wrap=wrap, width=terminal_width())
    text += fiscal_table(result)
    if result.changes:
        import textwrap

        text += "\n" + textwrap.fill(f"Assignment changes: {', '.join(result.changes)}.", terminal_width())
    if result.instalments:
        import textwrap

        listed = ", ".join(f"{day} {money(amount)}" for day, amount in result.instalments)
        text += "\n\n" + textwrap.fill(f"Paid in instalments: {listed}.", terminal_width())
    if proposal:
        import textwrap

        text += "\n" + textwrap.fill(f"Under the proposal {proposal!r}, not a published schedule.", terminal_width())
    return text
