"""How results are shown: money to the cent, plain text, JSON and CSV. Rounding happens here, once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

CENT = Decimal("0.01")


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def cents(amount: Decimal) -> str:
    """Money for machines: ``"33352.00"``."""
    return str(amount.quantize(CENT, rounding=ROUND_HALF_UP))


def money(amount: Decimal) -> str:
    """Money for people: ``"$33,352.00"``."""
    rounded = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    return f"-${-rounded:,}" if rounded < 0 else f"${rounded:,}"


def number(value: Decimal, places: int = 6) -> str:
    """A factor or a count of hours, to at most ``places`` decimals, without trailing zeros: 0.666667, 17.5, 1."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def to_json(data: Any) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False)


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def card(heading: str, fields: Sequence[tuple[str, str]], width: int = 100) -> str:
    """A small aligned two-column block: a heading, then one ``label  value`` line per field."""
    pad = max(len(label) for label, _ in fields) + 2
    lines = [heading]
    for label, value in fields:
        if len(value) + pad + 2 > width:
            import textwrap

            value = ("\n" + " " * (pad + 2)).join(textwrap.wrap(value, width - pad - 2))
        lines.append(f"  {label.ljust(pad)}{value}")
    return "\n".join(lines)
