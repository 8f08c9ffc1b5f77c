"""A comparison of two schedules as the records JSON and CSV show (money and percent as strings)."""

from __future__ import annotations

from paycalc.output.render import percent, published
from paycalc.rules.results import Comparison

COLUMNS = ("title", "longevity", "from_rate", "to_rate", "change", "percent")


def as_record(result: Comparison) -> dict[str, object]:
    record: dict[str, object] = {"from": result.from_schedule.isoformat(), "to": result.to_schedule.isoformat()}
    record["rows"] = row_records(result)
    if result.cpi is not None:
        record["cpi"] = result.cpi
        record["real"] = {
            "smallest": percent(result.real_smallest),
            "median": percent(result.real_median),
            "largest": percent(result.real_largest),
        }
        if result.cpi_years is not None:
            record["cpi_years"] = list(result.cpi_years)
    return record


def row_records(result: Comparison) -> list[dict[str, str | None]]:
    """The rows with money and percent as strings (2 decimals, half up), as JSON and CSV show them."""
    return [
        {
            "title": row.title,
            "longevity": row.longevity,
            "from_rate": published(row.from_rate),
            "to_rate": published(row.to_rate),
            "change": published(row.change),
            "percent": percent(row.percent),
        }
        | ({"real_percent": percent(row.real_percent)} if result.cpi is not None else {})
        for row in result.rows
    ]
