"""How results are shown: money to the cent, plain text, JSON and CSV. Rounding happens here, once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from paycalc.rules.core import round_cents


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def cents(amount: Decimal) -> str:
    """Money for machines: ``"33352.00"``."""
    return str(round_cents(amount))


def cents_text(value: int) -> str:
    """Money in whole cents for machines, as :func:`cents` writes it: ``40790`` as ``"407.90"``, ``-5`` as
    ``"-0.05"`` (without a Decimal made for each of a roster's many amounts)."""
    whole, part = divmod(abs(value), 100)
    return f"{'-' if value < 0 else ''}{whole}.{part:02d}"


def published(rate: Decimal) -> str:
    """A rate as published: to the cent, or to its own places if finer (an hourly rate of 18.2575)."""
    exponent = rate.as_tuple().exponent
    return format(rate, "f") if isinstance(exponent, int) and exponent < -2 else cents(rate)


def money(amount: Decimal) -> str:
    """Money for people: ``"$33,352.00"``."""
    rounded = round_cents(amount)
    return f"-${-rounded:,}" if rounded < 0 else f"${rounded:,}"


_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(13)}  # 1, 0.1, ... 0.000000000001


def number(value: Decimal, places: int = 6) -> str:
    """A factor or a count of hours, to at most ``places`` decimals, without trailing zeros: 0.666667, 17.5, 1."""
    rounded = value.quantize(_QUANTA.get(places) or Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def to_json(data: Any) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False)


def guarded(cell: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula: text that starts with = + - @ or a tab or carriage
    return gets a leading ', whatever file it came from (a roster, a contract's titles, a proposal's name);
    a plain number, negative ones too, is left as it is."""
    if not isinstance(cell, str) or not cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        return cell
    import re

    return cell if re.fullmatch(r"-?\d+(\.\d+)?%?", cell) else "'" + cell


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([guarded(cell) for cell in header])
    writer.writerows([guarded(cell) for cell in row] for row in rows)
    return out.getvalue()


def card(heading: str, fields: Sequence[tuple[str, str]], width: int = 100) -> str:
    """A small aligned two-column block: a heading, then one ``label  value`` line per field."""
    fields = [(visible(label), visible(value)) for label, value in fields]
    pad = max(len(label) for label, _ in fields) + 2
    lines = [visible(heading)]
    for label, value in fields:
        if len(value) + pad + 2 > width:
            import textwrap

            value = ("\n" + " " * (pad + 2)).join(textwrap.wrap(value, width - pad - 2))
        lines.append(f"  {label.ljust(pad)}{value}")
    return drawable("\n".join(lines))


def percent(value: Decimal | None) -> str | None:
    """A percent for machines, to 2 decimals half up: ``"19.41"``; None stays None."""
    return None if value is None else str(round_cents(value))


def signed_percent(value: Decimal | None) -> str:
    """A percent for people: ``"+19.41%"``, or blank."""
    text = percent(value)
    return "" if text is None else f"{'+' if not text.startswith('-') else ''}{text}%"


def signed_money(amount: Decimal | None) -> str:
    """A change for people: ``"+$4,214.00"``, or blank."""
    if amount is None:
        return ""
    return f"+{money(amount)}" if amount >= 0 else money(amount)


def table(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    title: str | None = None,
    right: Iterable[int] = (),
    wrap: Iterable[int] = (),
    width: int = 80,
) -> str:
    """A plain table: a header, a rule, one line per row (more where a text column wraps).

    ``title`` goes on a line of its own above the table; ``right`` lists the columns (by number) to align
    right, ``wrap`` the text columns that may wrap to fit ``width``. No other cell is ever cut or wrapped:
    when the table cannot fit ``width``, it is drawn wider. (Drawn here rather than by rich: importing rich
    cost a table command half again its start-up; bench/coldstart.py.)
    """
    import textwrap

    right, wrap = set(right), set(wrap)
    cells = [[*map(visible, columns)], *([visible(str(cell)) for cell in row] for row in rows)]
    count = len(columns)
    widths = [max(len(row[i]) for row in cells) for i in range(count)]
    overhead = 1 + 2 * (count - 1)  # a leading space, two between columns
    floor = {i: max(len(word) for row in cells for word in row[i].split() or [""]) for i in wrap}
    while sum(widths) + overhead > width:
        shrinkable = [i for i in wrap if widths[i] > floor[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    lines = []
    for n, row in enumerate(cells):
        parts = [
            textwrap.wrap(cell, widths[i], break_long_words=False) or [""] if i in wrap else [cell]
            for i, cell in enumerate(row)
        ]
        for k in range(max(map(len, parts))):
            texts = [part[k] if k < len(part) else "" for part in parts]
            line = "  ".join(
                text.rjust(widths[i]) if i in right else text.ljust(widths[i]) for i, text in enumerate(texts)
            )
            lines.append(" " + line.rstrip())
        if n == 0:
            lines.append(" " + "─" * (sum(widths) + 2 * (count - 1)))
    text = drawable("\n".join(lines))
    if not title:
        return text
    return f"{textwrap.fill(visible(title), width)}\n\n{text}"


# control characters (C0 but newline and tab, DEL, C1): a user's text never moves the cursor, clears the
# screen or rings the bell; shown as \x1b instead
_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))}


def visible(text: str) -> str:
    """``text`` safe to show on a terminal: each control character written out (``\\x1b``), never sent."""
    return text.translate(_CONTROLS)


def for_terminal(text: str) -> str:
    """``text`` as :func:`visible` makes it when standard output is a terminal; as it is for a pipe or file."""
    import sys

    return visible(text) if sys.stdout.isatty() else text


_ASCII = str.maketrans({"─": "-", "█": "#", "│": "|", "▏": "|", "…": "..."})


def drawable(text: str) -> str:
    """``text`` with box-drawing and bar characters as ASCII when stdout cannot encode them (cp1252, latin-1)."""
    import sys

    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "─█│▏".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return text.translate(_ASCII)
    return text


def terminal_width(limit: int = 120) -> int:
    """The terminal's width (80 when it cannot be told, e.g. in a pipe), at most ``limit``."""
    import shutil

    return min(shutil.get_terminal_size((80, 24)).columns, limit)


def bar_chart(
    labels: Sequence[str],
    amounts: Sequence[Decimal],
    *,
    width: int = 80,
    marks: Sequence[Decimal] | None = None,
    top: Decimal | None = None,
    figures: int = 0,
) -> str:
    """Horizontal bars from zero, one line per amount, fitting in ``width`` columns; an amount of 0 or less
    draws no bar but is shown as it is.

    ``marks``, one per bar, are drawn as ``│`` at their place on the scale (e.g. pay that kept up with prices).
    ``top`` sets the scale's end and ``figures`` the width of the amounts, so several charts share one scale.
    """
    shown = [money(amount) for amount in amounts]
    label_width = max(map(len, labels))
    amount_width = max([figures, *map(len, shown)])
    room = max(10, width - label_width - amount_width - 2)
    top = max([*amounts, *(marks or []), *([top] if top is not None else []), Decimal(0)]) or Decimal(1)

    def position(amount: Decimal) -> int:
        return int((amount / top * room).to_integral_value(rounding=ROUND_HALF_UP)) if amount > 0 else 0

    lines = []
    for i, (label, amount, text) in enumerate(zip(labels, amounts, shown, strict=True)):
        length = position(amount)
        bar = list("█" * length + " " * (room - length))
        if marks is not None:
            bar[min(max(position(marks[i]) - 1, 0), room - 1)] = "│"
        lines.append(f"{label.ljust(label_width)} {''.join(bar)} {text.rjust(amount_width)}")
    return drawable("\n".join(lines))
