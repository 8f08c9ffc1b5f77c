"""A :class:`Contract` as a schedules folder's files (contract.yaml + one YAML per date). Pure: text out.

``paycalc propose FILE --write DIR`` uses it so that a proposal becomes a folder any paycalc command
reads with ``--schedules DIR``, giving the same answers as ``--proposal FILE``. Strings are written as
JSON strings (valid YAML double-quoted scalars) and amounts in plain decimal notation, so the strict
loader reads back exactly what was written.
"""

from __future__ import annotations

import json
from decimal import Decimal

from paycalc.contract.models import Contract, PayTerms, Schedule


def _s(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _n(amount: Decimal) -> str:
    return format(amount, "f")


def contract_yaml(contract: Contract) -> str:
    lines = [
        f"# Written by paycalc from {contract.proposal.file if contract.proposal else contract.folder}.",
        f"name: {_s(contract.name)}",
        "parties:",
        *(f"  - {_s(party)}" for party in contract.parties),
        f"term: {{start: {contract.term_start}, end: {contract.term_end}}}",
        f"source: {_s(contract.source)}",
        *([f"regular_hours_per_week: {_n(contract.regular_hours)}"] if contract.regular_hours is not None else []),
        *terms_yaml(contract.terms),
        *([f"cpi: {_s(contract.cpi)}"] if contract.cpi else []),
        "longevity_tiers:",
        *(f"  - {{label: {_s(t.label)}, min_years: {t.min_years}}}" for t in contract.tiers),
        "titles:",
    ]
    for title in contract.titles:
        lines.append(f"  - name: {_s(title.name)}")
        if title.aliases:
            lines.append(f"    aliases: [{', '.join(map(_s, title.aliases))}]")
        if title.notes:
            lines.append("    notes:")
            lines.extend(f"      - {_s(note)}" for note in title.notes)
        if title.hired_before is not None:
            lines.append(f"    hired_before: {title.hired_before}")
    return "\n".join(lines) + "\n"


def terms_yaml(terms: PayTerms) -> list[str]:
    """The pay-terms keys that differ from the defaults (an annual contract's file gains none)."""
    lines = []
    if terms.basis != "annual":
        lines.append(f"pay_basis: {terms.basis}")
    if terms.hours_per_day is not None:
        lines.append(f"regular_hours_per_day: {_n(terms.hours_per_day)}")
    if terms.days_per_year is not None:
        lines.append(f"regular_days_per_year: {_n(terms.days_per_year)}")
    if terms.step_advance is not None:
        lines.append(f'step_advance: "{terms.step_advance[0]:02d}-{terms.step_advance[1]:02d}"')
    if terms.new_hire_cutoff is not None:
        lines.append(f'new_hire_cutoff: "{terms.new_hire_cutoff[0]:02d}-{terms.new_hire_cutoff[1]:02d}"')
    if terms.freezes:
        lines.append("step_freezes:")
        lines.extend(f"  - {{from: {first}, to: {last}}}" for first, last in terms.freezes)
    if terms.differentials:
        lines.append("differentials:")
        lines.extend(f"  {_s(d.name)}: {{{d.kind}: {_n(d.amount)}}}" for d in terms.differentials)
    if terms.pay_periods is not None:
        lines.append(f"pay_periods: {terms.pay_periods}")
    if terms.anchor is not None:
        lines.append(f"pay_period_anchor: {terms.anchor}")
    if terms.pay_cycles:
        lines.append(f"pay_cycles: [{', '.join(map(str, terms.pay_cycles))}]")
    if terms.check_split != "calendar_days":
        lines.append(f"check_split: {terms.check_split}")
    return lines


def schedule_yaml(schedule: Schedule) -> str:
    lines = [
        f"effective: {schedule.effective}",
        f"source: {{article: {_s(schedule.source)}}}",
    ]
    if schedule.hours_per_day is not None:
        lines.append(f"regular_hours_per_day: {_n(schedule.hours_per_day)}")
    if schedule.days_per_year is not None:
        lines.append(f"regular_days_per_year: {_n(schedule.days_per_year)}")
    if schedule.longevity:
        amounts = ", ".join(f"{_s(label)}: {_n(amount)}" for label, amount in schedule.longevity.items())
        lines.append(f"longevity: {{{amounts}}}")
    lines.append("rates:")
    for title, row in schedule.rates.items():  # the steps it prints (a member past them is paid its top)
        cells = ", ".join(f"{_s(label)}: {_n(rate)}" for label, rate in list(row.items())[: schedule.steps])
        lines.append(f"  {_s(title)}: {{{cells}}}")
    if schedule.printed:
        lines.append("printed_annual:")
        for title, row in schedule.printed.items():
            cells = ", ".join(f"{_s(label)}: {_n(value)}" for label, value in row.items())
            lines.append(f"  {_s(title)}: {{{cells}}}")
    return "\n".join(lines) + "\n"


def folder_files(contract: Contract) -> dict[str, str]:
    """File name -> text for every file of the folder."""
    files = {"contract.yaml": contract_yaml(contract)}
    for schedule in contract.schedules:
        files[f"{schedule.effective}.yaml"] = schedule_yaml(schedule)
    return files
