"""One person's history as the records JSON and CSV show (money and percent as strings, null on the first row)."""

from __future__ import annotations

from paycalc.output.render import cents, percent, published
from paycalc.rules.results import History

COLUMNS = ("schedule", "date", "years", "longevity", "rate", "annual", "change", "percent", "cumulative")
REAL_COLUMNS = ("real_annual", "real_cumulative", "kept_up")


def as_record(result: History) -> dict[str, object]:
    said = {"changes": list(result.changes)} if result.changes else {}
    return {"title": result.title, **({"cpi": result.cpi} if result.cpi else {}), **said, "rows": row_records(result)}


def row_records(result: History) -> list[dict[str, object]]:
    """The rows with money and percent as strings (2 decimals, half up); null where there is no row before."""
    return [
        {
            "schedule": row.schedule.isoformat(),
            "date": row.date.isoformat(),
            "years": row.years,
            "longevity": row.longevity,
            "rate": published(row.rate),
            "annual": cents(row.annual),
            "change": None if row.change is None else cents(row.change),
            "percent": percent(row.percent),
            "cumulative": percent(row.cumulative),
        }
        | ({"title": row.title} if result.changes else {})
        | (
            {
                "real_annual": cents(row.real_annual),
                "real_cumulative": percent(row.real_cumulative),
                "kept_up": cents(row.kept_up),
            }
            if row.real_annual is not None and row.kept_up is not None
            else {}
        )
        for row in result.rows
    ]
