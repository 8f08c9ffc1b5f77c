"""The report's charts: each bar carries its figure (the table's, with its sign), an axis at $0 and a legend.

The increase by fiscal year is an inline SVG of grouped columns; the increase by title is made of plain
HTML bars, which reflow on a phone like the text around them. User text is escaped here (SVG) or by
the template (HTML).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from paycalc.membership.costing import Costing
from paycalc.output.cost_render import label
from paycalc.output.render import signed_money

COLOURS = ("#1f6fb2", "#b35806", "#2e8540", "#8e44ad", "#c0392b")


def colour(k: int) -> str:
    return COLOURS[k % len(COLOURS)]


def fiscal_bars(costing: Costing, names: list[str]) -> str:
    """Columns of the increase per fiscal year, one per offer, hanging from the $0 axis when negative;
    each labelled with its figure (turned upright, so labels never overlap) and titled for a pointer."""
    periods, count = costing.periods, len(names)
    exact = [[p.proposals[k].increase for k in range(count)] for p in periods]
    values = [float(v) for row in exact for v in row]
    top, bottom = max([0.0, *values]) or 1.0, min([0.0, *values])
    span = top - bottom or 1.0
    ticks = [(top, _whole(top)), (0.0, "$0")] + ([(bottom, _whole(bottom))] if bottom < 0 else [])
    longest = max(len(signed_money(v)) for row in exact for v in row) if values else 4
    # room for the upright figures above the columns (and below, for a cut) and the ticks beside the axis
    width, right, below = 480, 8, 30
    left = 14 + 7 * max(len(text) for _, text in ticks)
    above = 14 + 7.6 * longest
    plot = 150
    height = above + plot + below + (above if bottom < 0 else 0)
    group = (width - left - right) / max(len(periods), 1)
    bar = min(36.0, group * 0.8 / max(count, 1))
    zero = above + plot * top / span
    name = "Increase by fiscal year, each offer a column: " + ", ".join(escape(n) for n in names)
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{name}">']
    parts.append(f'<line x1="{left}" y1="{zero:.1f}" x2="{width - right}" y2="{zero:.1f}" stroke="#44525f"/>')
    parts.append(f'<line x1="{left}" y1="{above}" x2="{left}" y2="{above + plot}" stroke="#44525f"/>')
    for value, text in ticks:
        y = above + plot * (top - value) / span
        parts.append(f'<text x="{left - 5}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{text}</text>')
    for i, period in enumerate(periods):
        x0 = left + group * i + (group - bar * count) / 2
        for k in range(count):
            value = float(exact[i][k])
            figure = signed_money(exact[i][k])
            y = above + plot * (top - max(value, 0)) / span
            h = plot * abs(value) / span
            x = x0 + k * bar
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar - 3:.1f}" height="{h:.1f}" '
                f'fill="{colour(k)}"><title>{figure}</title></rect>'
            )
            mid = x + (bar - 3) / 2
            edge, anchor = (y - 4, "start") if value >= 0 else (y + h + 4, "end")
            parts.append(
                f'<text x="{mid:.1f}" y="{edge:.1f}" font-size="13" text-anchor="{anchor}" dominant-baseline="middle" '
                f'transform="rotate(-90 {mid:.1f} {edge:.1f})">{figure}</text>'
            )
        parts.append(
            f'<text x="{x0 + bar * count / 2:.1f}" y="{height - 8}" font-size="12" text-anchor="middle">'
            f"{escape(label(period))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _whole(value: float) -> str:
    """An axis tick: whole dollars, with its sign when negative."""
    return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"


def title_bars(costing: Costing) -> dict[str, Any]:
    """Per title, per offer, its increase over the whole range as a bar on a track with $0 marked: where
    the bar starts and how wide it is, in percent of the track (negative bars run left of $0). Bars use at
    most 70% of the track, so the figure after the longest one still fits beside it."""
    entries = costing.total.by_title
    values = [increase for entry in entries.values() for _, _, increase in entry.offers]
    top, bottom = max([Decimal(0), *values]), min([Decimal(0), *values])
    span = (top - bottom) or Decimal(1)
    zero = float(-bottom / span * 70)
    found = []
    for title, entry in entries.items():
        bars = []
        for k, (_, _, increase) in enumerate(entry.offers):
            size = float(abs(increase) / span * 70)
            start = zero if increase >= 0 else zero - size
            figure = signed_money(increase)
            bars.append({"start": f"{start:.2f}", "size": f"{size:.2f}", "colour": colour(k), "figure": figure})
        found.append({"title": title, "members": entry.members, "bars": bars})
    return {"zero": f"{zero:.2f}", "titles": found}
