"""The costing report: one self-contained HTML file (no network, no scripts, no fonts), for a committee.

The headline first (each offer over the whole range, recurring and one-time apart, the rollover and the
gap), then the fiscal years, the titles, the members who gain least and most, the assumptions, and an
appendix of each offer's schedules with their sources. Every figure carries a ``data-key``: its place in
``cost --format json --by title`` (``members.N...``: in the ``--per-member`` JSON), so a test can check
the page against the JSON. Rendered with Jinja2 (autoescaped, no ``| safe`` on user text) from
``templates/report.html.j2``; imported only for ``--format html``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from paycalc.contract.models import Contract
from paycalc.membership.costing import Costing
from paycalc.output import proposal_cells, report_charts
from paycalc.output.cost_members import Named
from paycalc.output.cost_render import as_record, label, offer_labels, status_quo_words
from paycalc.output.render import money, published, signed_money, signed_percent
from paycalc.rules import core
from paycalc.rules.proposal import describe

METHOD_WORDS = {
    "semimonthly": "24 checks a year, periods the 1st-15th and the 16th-end of each month, annual / 24 a period",
    "biweekly": "26 checks a year, 14-day periods from the anchor, annual / 26 a period",
    "monthly": "12 checks a year, calendar months, annual / 12 a month",
    "daily": "each day annual / the days of its year",
}


def _money(text: str | None, signed: bool = False) -> str:
    """A JSON money string for people: ``$1,234.50``, or ``+$1,234.50`` for a change; blank for None."""
    if text is None:
        return ""
    return signed_money(Decimal(text)) if signed else money(Decimal(text))


def _percent(text: str | None) -> str:
    return "" if text is None else signed_percent(Decimal(text))


def _rate(rate: Decimal) -> str:
    """A published rate: ``$33,352.00``, or to its own places if finer (``$18.2575``)."""
    shown = published(rate)
    return money(rate) if len(shown.partition(".")[2]) <= 2 else f"${rate:,f}"


def html(
    costing: Costing,
    proposals: list[Contract],
    solved: Any = None,
    *,
    named: tuple[Sequence[Named], Sequence[Named]] = ((), ()),
    carried: Sequence[str] = (),
    made: tuple[str, datetime.date] = ("", datetime.date(1970, 1, 1)),
) -> str:
    """The report; ``named``: the members who gain least and most (:class:`paycalc.output.cost_members.Extremes`);
    ``made``: the roster's name and the day it was made."""
    import jinja2

    from paycalc._version import __version__

    record = as_record(costing, by_title=True)
    names = offer_labels(proposals)
    pairs = enumerate(zip(costing.periods, record["periods"], strict=True))
    rows = [_row(label(period), data, f"periods.{i}", False) for i, (period, data) in pairs]
    rows.append(_row("Total", record["total"], "total", True))
    least, most = named
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("paycalc.output", "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return environment.get_template("report.html.j2").render(
        names=names,
        colours=[report_charts.colour(k) for k in range(len(names))],
        base=costing.status_quo_base,
        status_quo=status_quo_words(costing),
        version=__version__,
        roster=made[0],
        made=made[1].isoformat(),
        members=f"{costing.total.members:,}",
        start=costing.total.start,
        end=costing.total.end,
        fiscal=costing.fiscal_year_start,
        method=costing.method,
        method_words=METHOD_WORDS.get(costing.method, costing.method),
        headline=_headline(record, names),
        rollover_on=costing.rollover.on,
        rollover_members=costing.rollover.members,
        proposals=[_spec(contract, names[k]) for k, contract in enumerate(proposals)],
        rows=rows,
        by=costing.by,
        titles=[_title(i, entry, costing.by) for i, entry in enumerate(record["total"][f"by_{costing.by}"])],
        bars=report_charts.fiscal_bars(costing, names),
        title_bars=report_charts.title_bars(costing),
        carried=list(carried),
        least=[_member(m) for m in least],
        most=[_member(m) for m in most],
        appendix=[_schedules(contract) for contract in proposals],
        solved=getattr(solved, "summary", None),
        solved_percent=str(getattr(solved, "percent", "")),
    )


def _headline(record: dict[str, Any], names: list[str]) -> list[dict[str, Any]]:
    cards = []
    rollover = record["rollover"]["proposals"]
    for k, (name, line) in enumerate(zip(names, record["total"]["proposals"], strict=True)):
        cards.append(
            {
                "name": name,
                "colour": report_charts.colour(k),
                "k": k,
                "increase": _money(line["increase"], True),
                "recurring": _money(line["recurring"], True),
                "lump_sums": _money(line["lump_sums"], True),
                "percent": _percent(line["percent"]),
                "rollover": _money(rollover[k]["recurring"], True),
                "gap": _money(line["gap"], True),
            }
        )
    return cards


def _row(shown_as: str, data: dict[str, Any], key: str, total: bool) -> dict[str, Any]:
    return {
        "label": shown_as,
        "key": key,
        "total": total,
        "members": data["members"],
        "status_quo": _money(data["status_quo"]),
        "one": _money(data["cost_of_one_percent"]),
        "lines": [
            {
                "payroll": _money(line["payroll"]),
                "recurring": _money(line["recurring"], True),
                "lump_sums": _money(line["lump_sums"], True),
                "increase": _money(line["increase"], True),
                "gap": _money(line["gap"], True),
                "percent": _percent(line["percent"]),
                "smallest": _money(line["smallest"], True),
                "median": _money(line["median"], True),
                "largest": _money(line["largest"], True),
            }
            for line in data["proposals"]
        ],
    }


def _title(i: int, entry: dict[str, Any], by: str) -> dict[str, Any]:
    return {
        "key": f"total.by_{by}.{i}",
        "title": entry[by],
        "members": entry["members"],
        "status_quo": _money(entry["status_quo"]),
        "offers": [
            {"increase": _money(offer["increase"], True), "median": _money(offer["median"], True)}
            for offer in entry["proposals"]
        ],
    }


def _member(named: Named) -> dict[str, Any]:
    return {
        "key": f"members.{named.place}.total",
        "id": named.id,
        "carried": list(named.carried),
        "title": named.title,
        "status_quo": money(named.status_quo),
        "increases": [signed_money(x) for x in named.increases],
    }


def _spec(contract: Contract, short: str) -> dict[str, Any]:
    spec = contract.proposal
    assert spec is not None
    changes = "; ".join(f"{c.effective}: {describe(c)}" for c in spec.changes) or "no changes"
    lumps = "; ".join(
        f"{x.name} ${x.amount:,} on {x.paid}{' pro-rated' if x.prorate else ''}, hired by {x.eligible_on}"
        for x in spec.lump_sums
    )
    return {"name": spec.name, "file": spec.file, "short": short, "changes": changes, "lump_sums": lumps}


def _schedules(contract: Contract) -> dict[str, Any]:
    """An offer's schedules from its base on: the base schedule and each one the offer makes, with sources."""
    spec = contract.proposal
    assert spec is not None
    base = core.schedule_on(contract, spec.base)
    tiers = [tier.label for tier in contract.tiers]
    found = []
    for schedule in contract.schedules:
        if schedule.effective < base.effective:
            continue
        shown = tiers[: schedule.steps] if schedule.steps else tiers
        source = schedule.source
        if schedule.effective > base.effective:
            source += f"; built on the {base.effective} schedule ({base.source}) of {contract.name}"
        else:
            source = f"the base schedule: {contract.name}, {source}"
        rows = [
            {"title": title, "rates": [_rate(rates[label]) for label in shown]}
            for title, rates in schedule.rates.items()
        ]
        changed = core.stepped(contract) and schedule.effective > base.effective  # a step contract: cell by cell
        cells = proposal_cells.cells(contract, base, schedule) if changed else []
        added = any(cell.added for cell in cells)
        found.append(
            {"effective": schedule.effective, "source": source, "tiers": shown, "rows": rows, "grid": _grid(cells)}
            | {"titles": list(dict.fromkeys(cell.title for cell in cells)), "added": added}
        )
    return {"name": spec.name, "file": spec.file, "schedules": found}


def _grid(cells: Sequence[proposal_cells.Cell]) -> list[dict[str, Any]]:
    """The cells as a step x title grid: per step, each title's old and new rate and the change."""
    steps: dict[str, dict[str, Any]] = {}
    for cell in cells:
        row = steps.setdefault(cell.step, {"step": f"{cell.step} (new)" if cell.added else cell.step, "cells": []})
        change = ("-" if cell.change < 0 else "+") + _rate(abs(cell.change))
        row["cells"].append(
            {"old": _rate(cell.old), "new": _rate(cell.new), "change": change, "percent": signed_percent(cell.percent)}
        )
    return list(steps.values())
