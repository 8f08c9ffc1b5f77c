"""Paychecks as a table, JSON or CSV: each check's dates, gross, what priced it, and what was paid."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from paycalc.output.render import Format, cents, money, signed_money, table, terminal_width, to_csv, to_json
from paycalc.rules.paychecks import Check

CSV_COLUMNS = ("pay_date", "start", "end", "days", "gross", "paid", "difference", "schedules")


def record(
    title: str,
    hired: datetime.date,
    start: datetime.date,
    end: datetime.date,
    method: str,
    checks: Sequence[Check],
    paid: Mapping[datetime.date, Decimal] | None = None,
    placed: str = "",
) -> dict[str, Any]:
    """The answer as JSON shows it (money as strings to the cent); ``paid`` adds paid and difference."""
    gross = sum((c.gross for c in checks), Decimal("0.00"))
    rows = []
    for check in checks:
        row: dict[str, Any] = {
            "pay_date": check.pay_date.isoformat(),
            "start": check.start.isoformat(),
            "end": check.end.isoformat(),
            "days": check.days,
            "gross": cents(check.gross),
            "schedules": [{"title": t, "schedule": s.isoformat(), "row": r} for t, s, r in check.rows],
        }
        if paid is not None:  # a check the paid list leaves out has no paid figure and no difference
            got = paid.get(check.pay_date)
            row |= {"paid": None, "difference": None}
            if got is not None:
                row |= {"paid": cents(got), "difference": cents(check.gross - got)}
        rows.append(row)
    answer: dict[str, Any] = {
        "title": title,
        "hired": hired.isoformat(),
        **({"placed": placed} if placed else {}),
        "from": start.isoformat(),
        "to": end.isoformat(),
        "method": method,
        "checks": rows,
        "gross": cents(gross),
    }
    if paid is not None:
        total = sum(paid.values(), Decimal("0.00"))
        listed = sum((c.gross for c in checks if c.pay_date in paid), Decimal("0.00"))
        unlisted = sum(1 for c in checks if c.pay_date not in paid)
        answer |= {"paid": cents(total), "difference": cents(listed - total), "checks_not_in_paid": unlisted}
    return answer


def render(answer: dict[str, Any], format: Format) -> str:
    if format is Format.json:
        return to_json(answer)
    with_paid = "paid" in answer
    if format is Format.csv:
        cells = (
            [
                c["pay_date"],
                c["start"],
                c["end"],
                c["days"],
                c["gross"],
                c.get("paid") or "",
                c.get("difference") or "",
                " | ".join(f"{s['title']} {s['schedule']} {s['row']}" for s in c["schedules"]),
            ]
            for c in answer["checks"]
        )
        return to_csv(CSV_COLUMNS, cells).rstrip("\n")
    titles = {s["title"] for c in answer["checks"] for s in c["schedules"]}
    rows = []
    for c in answer["checks"]:
        priced = "; ".join(
            (f"{s['title']}, " if len(titles) > 1 else "") + f"{s['row']} ({s['schedule']})" for s in c["schedules"]
        )
        gross = money(Decimal(c["gross"]))
        extra = []
        if with_paid:
            extra = (
                ["", ""] if c["paid"] is None else [money(Decimal(c["paid"])), signed_money(Decimal(c["difference"]))]
            )
        rows.append([c["pay_date"], f"{c['start'][5:]} to {c['end'][5:]}", priced or "-", gross, *extra])
    total = ["Total", f"{len(rows)} checks", "", money(Decimal(answer["gross"]))]
    if with_paid:
        total += [money(Decimal(answer["paid"])), signed_money(Decimal(answer["difference"]))]
    rows.append(total)
    columns = ["Pay date", "Pays for", "Row (schedule)", "Gross", *(["Paid", "Difference"] if with_paid else [])]
    who = answer.get("placed") or f"hired {answer['hired']}"
    heading = f"{answer['title']}, {who}: paychecks {answer['from']} to {answer['to']}, {answer['method']}"
    width = terminal_width()
    text = table(columns, rows, title=heading, right=range(3, len(columns)), wrap=(2,), width=width)
    missing = answer.get("checks_not_in_paid", 0)
    if missing:
        import textwrap

        said = f"{missing} check{'s are' if missing != 1 else ' is'} not in the paid list: the difference counts only"
        text += "\n" + textwrap.fill(f"{said} the checks it lists.", width)
    return text
