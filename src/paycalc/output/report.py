"""The costing report: one self-contained HTML file (no network, no scripts, no fonts), charts as inline SVG.

Rendered with Jinja2 (autoescaped) from ``templates/report.html.j2``; imported only for ``--format html``.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from paycalc.contract.models import Contract
from paycalc.membership.costing import Costing, Period
from paycalc.output.cost_render import as_record
from paycalc.rules.proposal import describe

COLOURS = ("#1f6fb2", "#d9822b", "#2e8540", "#8e44ad", "#c0392b")
METHOD_WORDS = {
    "semimonthly": "24 checks a year, periods the 1st-15th and the 16th-end of each month, annual / 24 a period",
    "biweekly": "26 checks a year, 14-day periods from the anchor, annual / 26 a period",
    "monthly": "12 checks a year, calendar months, annual / 12 a month",
    "daily": "each day annual / the days of its year",
}


def _money(text: str | None) -> str:
    if text is None:
        return ""
    value = Decimal(text)
    return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"


def _bars(costing: Costing, count: int) -> str:
    """Grouped bars: the increase per fiscal year, one bar per proposal, zero line marked."""
    periods = costing.periods
    values = [[float(p.proposals[k].increase) for k in range(count)] for p in periods]
    exact = [[p.proposals[k].increase for k in range(count)] for p in periods]  # the table's figures
    top = max([0.0, *(v for row in values for v in row)]) or 1.0
    bottom = min([0.0, *(v for row in values for v in row)])
    span = top - bottom or 1.0
    width, height, left, base_y = 640, 260, 90, 20
    plot = height - 60
    group = (width - left - 10) / max(len(periods), 1)
    bar = min(40.0, group * 0.8 / max(count, 1))
    zero = base_y + plot * top / span
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="Increase by fiscal year">']
    parts.append(f'<line x1="{left}" y1="{zero:.1f}" x2="{width - 10}" y2="{zero:.1f}" stroke="#5b6b7b"/>')
    for tick in (top, bottom) if bottom < 0 else (top,):
        y = base_y + plot * (top - tick) / span
        shown = f"-${-tick:,.0f}" if tick < 0 else f"${tick:,.0f}"
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{shown}</text>')
    parts.append(f'<text x="{left - 6}" y="{zero + 4:.1f}" font-size="11" text-anchor="end">$0</text>')
    for i, (period, row) in enumerate(zip(periods, values, strict=True)):
        x0 = left + group * i + (group - bar * count) / 2
        for k, value in enumerate(row):
            figure = _money(str(exact[i][k]))
            y = base_y + plot * (top - max(value, 0)) / span
            h = plot * abs(value) / span
            parts.append(
                f'<rect x="{x0 + k * bar:.1f}" y="{y:.1f}" width="{bar - 2:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS[k % len(COLOURS)]}"><title>{figure}</title></rect>'
            )
        label = f"{period.start.year}-{str(period.end.year)[2:]}"
        parts.append(
            f'<text x="{x0 + bar * count / 2:.1f}" y="{height - 20}" font-size="12" text-anchor="middle">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _spread(costing: Costing, count: int) -> str:
    """Per proposal, the range of per-member gains over the whole range: smallest to largest, median marked."""
    lines = list(costing.total.proposals)
    values = [float(v) for line in lines for v in (line.smallest, line.largest) if v is not None]
    if not values:
        return ""
    low, high = min([0.0, *values]), max([0.0, *values])
    span = high - low or 1.0
    width, left, row_h = 640, 150, 34
    height = 30 + row_h * count
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="Per-member gains over the range">']

    def x(v: float) -> float:
        return left + (width - left - 20) * (v - low) / span

    parts.append(f'<line x1="{x(0):.1f}" y1="5" x2="{x(0):.1f}" y2="{height - 20}" stroke="#5b6b7b"/>')
    for k, line in enumerate(lines):
        if line.smallest is None or line.largest is None or line.median is None:
            continue
        y = 20 + row_h * k
        colour = COLOURS[k % len(COLOURS)]
        name = escape(_short(line.name))  # a proposal's name is the user's text: never markup
        parts.append(f'<text x="{left - 8}" y="{y + 4}" font-size="12" text-anchor="end">{name}</text>')
        parts.append(
            f'<line x1="{x(float(line.smallest)):.1f}" y1="{y}" x2="{x(float(line.largest)):.1f}" y2="{y}" '
            f'stroke="{colour}" stroke-width="8" stroke-linecap="round"/>'
        )
        parts.append(
            f'<circle cx="{x(float(line.median)):.1f}" cy="{y}" r="6" fill="#fff" stroke="{colour}" stroke-width="3"/>'
        )
    parts.append(f'<text x="{x(0):.1f}" y="{height - 5}" font-size="11" text-anchor="middle">$0</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(name: str) -> str:
    return name if len(name) <= 22 else name[:21] + "…"


def html(costing: Costing, proposals: list[Contract], solved: Any = None) -> str:
    import jinja2

    from paycalc._version import __version__

    record = as_record(costing)
    rows = []
    for i, period in enumerate((*costing.periods, costing.total)):
        data = record["total"] if period is costing.total else record["periods"][i]
        key = "total" if period is costing.total else f"periods.{i}"
        rows.append(_row(period, data, key, period is costing.total))
    specs = []
    for k, contract in enumerate(proposals):
        spec = contract.proposal
        assert spec is not None
        changes = "; ".join(f"{c.effective}: {describe(c)}" for c in spec.changes) or "no changes"
        lumps = "; ".join(
            f"{x.name} ${x.amount:,} on {x.paid}{' pro-rated' if x.prorate else ''}, hired by {x.eligible_on}"
            for x in spec.lump_sums
        )
        specs.append(
            {"name": spec.name, "file": spec.file, "short": _short(spec.file.removesuffix(".yaml")), "changes": changes,
             "lump_sums": lumps, "colour": COLOURS[k % len(COLOURS)]}
        )  # fmt: skip
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("paycalc.output", "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return environment.get_template("report.html.j2").render(
        names=[s["short"] for s in specs],
        base=costing.status_quo_base,
        version=__version__,
        members=f"{costing.total.members:,}",
        start=costing.total.start,
        end=costing.total.end,
        fiscal=costing.fiscal_year_start,
        method=costing.method,
        method_words=METHOD_WORDS.get(costing.method, costing.method),
        proposals=specs,
        rows=rows,
        bars=_bars(costing, len(proposals)),
        spread=_spread(costing, len(proposals)),
        solved=getattr(solved, "summary", None),
        solved_percent=str(getattr(solved, "percent", "")),
    )


def _row(period: Period, data: dict[str, Any], key: str, total: bool) -> dict[str, Any]:
    return {
        "label": "Total" if total else f"{period.start} to {period.end}",
        "key": key,
        "total": total,
        "members": data["members"],
        "status_quo": _money(data["status_quo"]),
        "one": _money(data["cost_of_one_percent"]),
        "lines": [
            {
                "payroll": _money(line["payroll"]),
                "lump_sums": _money(line["lump_sums"]),
                "increase": _money(line["increase"]),
                "percent": "" if line["percent"] is None else f"{line['percent']}%",
                "smallest": _money(line["smallest"]),
                "median": _money(line["median"]),
                "largest": _money(line["largest"]),
            }
            for line in data["proposals"]
        ],
    }
