"""Price indexes: a bundled CPI-U series or a user's CSV file, read into a :class:`Cpi` record."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import plain_decimal
from paycalc.contract.loader import read_regular


class Cpi(NamedTuple):
    """A consumer price index series: annual averages by calendar year."""

    name: str
    source: str
    values: dict[int, Decimal]


CPI_SERIES = ("us", "ny-metro")


def load_cpi(series: str) -> Cpi:
    """A CPI series: a bundled one by name (``us``, ``ny-metro``), or a CSV file ``year,value`` of one's own.

    Raises :class:`InputError` naming the file and line of anything that is not a year and a plain
    decimal index above 0.
    """
    import csv

    bundled = series in CPI_SERIES
    path = Path(__file__).parents[1] / "data" / "cpi-u.csv" if bundled else Path(series)
    column = series if bundled else "value"
    accepted = f"a bundled series ({', '.join(CPI_SERIES)}) or a CSV file with the header year,value"
    try:
        text = read_regular(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError(f"--cpi {series}: cannot be read: {reason} ({accepted})") from None
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip() and line[0] != "#"]
    reader = csv.reader(line for _, line in lines)
    header = next(reader, [])
    if "year" not in header or column not in header:
        raise InputError(f"--cpi {series}: the header is {','.join(header)!r} ({accepted})")
    values: dict[int, Decimal] = {}
    for (number, _), row in zip(lines[1:], reader, strict=True):
        if len(row) > len(header):
            raise InputError(
                f"--cpi {series}: line {number}: {','.join(row)!r} has {len(row)} cells, the header {len(header)} "
                "(a decimal comma? write 245.120, not 245,120)"
            )
        cells = dict(zip(header, row, strict=False))
        year, value = cells.get("year", "").strip(), plain_decimal(cells.get(column, ""))
        if not (year.isascii() and year.isdigit() and len(year) == 4) or value is None or value <= 0:
            raise InputError(f"--cpi {series}: line {number}: {','.join(row)!r} is not a year and an index above 0")
        if int(year) in values:
            raise InputError(f"--cpi {series}: line {number}: {year} appears twice")
        values[int(year)] = value
    if not values:
        raise InputError(f"--cpi {series}: no years ({accepted})")
    name = series if bundled else path.name
    bls = {"us": "CUUR0000SA0", "ny-metro": "CUURS12ASA0"}
    source = f"BLS CPI-U annual averages, series {bls[series]}" if bundled else str(path)
    return Cpi(name, source, values)
