"""Real raises: pay against consumer prices. Pure arithmetic over a loaded CPI series.

A date's price level is its calendar year's annual average. A year the series does not have is an
error naming the last year available, never an extrapolation.

- ``real_percent`` of a raise from ``a`` (on date d1) to ``b`` (on d2) = (b / a x CPI(d1) / CPI(d2) - 1) x 100.
- ``real_annual`` of a history row = its annual pay x CPI(last row's year) / CPI(its year): dollars of the
  last row's year. ``real_cumulative`` = real_annual / the first row's real_annual - 1, in percent.
- ``kept_up`` = the first row's annual x CPI(row's year) / CPI(first row's year): the pay that would
  have kept up with prices since the first row.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

from paycalc.contract.errors import InputError
from paycalc.rules.core import median
from paycalc.rules.results import Comparison, History

if TYPE_CHECKING:
    from paycalc.contract.cpi import Cpi

HUNDRED = Decimal(100)


def level(cpi: Cpi, on: date) -> Decimal:
    """The price level of ``on``: its calendar year's annual average."""
    value = cpi.values.get(on.year)
    if value is None:
        first, last = min(cpi.values), max(cpi.values)
        raise InputError(
            f"no CPI for {on.year} in the {cpi.name} series (it runs {first} to {last}; a year's average is known "
            "only once the year is over: give your own series with --cpi FILE, a CSV of year,value)"
        )
    return value


def real_percent(before: Decimal, after: Decimal, cpi_before: Decimal, cpi_after: Decimal) -> Decimal | None:
    if not before:
        return None
    with localcontext(prec=40):
        return (after / before * cpi_before / cpi_after - 1) * HUNDRED


def compare(comparison: Comparison, cpi: Cpi, start: date, end: date) -> Comparison:
    """The comparison with each row's real percent and their smallest, median and largest."""
    before, after = level(cpi, start), level(cpi, end)
    rows = tuple(
        row._replace(real_percent=real_percent(row.from_rate, row.to_rate, before, after)) for row in comparison.rows
    )
    reals = [row.real_percent for row in rows if row.real_percent is not None]
    return comparison._replace(
        rows=rows,
        cpi=cpi.name,
        real_smallest=min(reals, default=None),
        real_median=median(reals) if reals else None,
        real_largest=max(reals, default=None),
        cpi_years=(start.year, end.year),
    )


def history(result: History, cpi: Cpi) -> History:
    """The history with each row in dollars of the last row's year, and the pay that kept up with prices."""
    rows = result.rows
    last, first = level(cpi, rows[-1].date), level(cpi, rows[0].date)
    with localcontext(prec=40):
        real = [row.annual * last / level(cpi, row.date) for row in rows]
        return result._replace(
            cpi=cpi.name,
            rows=tuple(
                row._replace(
                    real_annual=amount,
                    real_cumulative=None if i == 0 or not real[0] else (amount / real[0] - 1) * HUNDRED,
                    kept_up=rows[0].annual * level(cpi, row.date) / first,
                )
                for i, (row, amount) in enumerate(zip(rows, real, strict=True))
            ),
        )
