"""What a schedules folder must hold, checked with pydantic, and how it becomes a :class:`Contract`.

Imported only when a folder is validated (the loader caches the result), because pydantic and PyYAML
cost more to import than the whole pay calculation.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from paycalc.contract.errors import Problem
from paycalc.contract.formats import ContractFile, ScheduleFile, SourceSpec
from paycalc.contract.inputs import title_key
from paycalc.contract.models import Contract, Schedule, Tier, Title
from paycalc.contract.schedule_checks import check_schedule, printed_steps
from paycalc.contract.schema_errors import parse as _parse
from paycalc.contract.terms_schema import check_terms, terms_of
from paycalc.contract.yamlread import read_yaml

CONTRACT_FILE = "contract.yaml"


# --- one folder -> one contract ----------------------------------------------------------------


def _check_contract(where: str, spec: ContractFile) -> list[Problem]:
    problems = []
    if spec.term.start > spec.term.end:
        problems.append(Problem(where, "term", f"starts {spec.term.start}, after it ends {spec.term.end}"))
    if spec.regular_hours_per_week is not None and not 0 < spec.regular_hours_per_week <= 168:
        problems.append(
            Problem(
                where,
                "regular_hours_per_week",
                f"is {spec.regular_hours_per_week} (the hours of a regular week, above 0 and at most 168, e.g. 30)",
            )
        )
    problems += check_terms(where, spec, spec.regular_hours_per_week is not None)
    tiers = spec.longevity_tiers
    if tiers[0].min_years != 0:
        problems.append(
            Problem(where, "longevity_tiers.0.min_years", f"is {tiers[0].min_years} (the first tier starts at 0 years)")
        )
    for i, (before, tier) in enumerate(itertools.pairwise(tiers), start=1):
        if tier.min_years <= before.min_years:
            problems.append(
                Problem(
                    where,
                    f"longevity_tiers.{i}.min_years",
                    f"{tier.min_years} is not above {before.min_years} of tier {before.label!r} "
                    "(tiers ascend by years)",
                )
            )
    labels = [tier.label for tier in tiers]
    for label in sorted({label for label in labels if labels.count(label) > 1}):
        problems.append(Problem(where, "longevity_tiers", f"label {label!r} is used twice (each tier its own label)"))
    owner: dict[str, str] = {}
    for i, title in enumerate(spec.titles):
        for field, name in [("name", title.name)] + [(f"aliases.{j}", a) for j, a in enumerate(title.aliases)]:
            key = title_key(name)
            if not key:
                problems.append(Problem(where, f"titles.{i}.{field}", f"{name!r} has no letters or digits"))
            elif owner.setdefault(key, title.name) != title.name or (field != "name" and key == title_key(title.name)):
                problems.append(
                    Problem(
                        where,
                        f"titles.{i}.{field}",
                        f"{name!r} also matches title {owner[key]!r} (names and aliases must differ, "
                        "ignoring case, spacing and punctuation)",
                    )
                )
    return problems


def _source_text(source: SourceSpec) -> str:
    if source.pages is None:
        text = source.article
    else:
        pages = str(source.pages)
        text = f"{source.article}, {'pages' if '-' in pages else 'page'} {pages}"
    return f"{source.document}, {text}" if source.document else text


def build(folder: Path, files: list[tuple[str, bytes]]) -> tuple[Contract | None, list[Problem]]:
    """Validate a folder's files (name, content) and build the contract; every problem is reported."""
    files = [(str(folder / name), content) for name, content in files]  # problems name the file by its path
    texts = dict(files)
    contract_path = str(folder / CONTRACT_FILE)
    if contract_path not in texts:
        return None, [Problem(str(folder), "", f"has no {CONTRACT_FILE} (the contract's name, term, tiers and titles)")]
    data, problems = read_yaml(contract_path, texts[contract_path])
    contract_spec: ContractFile | None = None
    if data is not None:
        contract_spec, found = _parse(contract_path, data, ContractFile)
        problems += found
    if contract_spec is not None:
        problems += _check_contract(contract_path, contract_spec)

    schedules: list[tuple[str, ScheduleFile]] = []
    for name, text in files:
        if name == contract_path:
            continue
        if not name.endswith(".yaml"):
            problems.append(Problem(name, "", "schedule files end in .yaml (rename it)"))
            continue
        data, found = read_yaml(name, text)
        problems += found
        if data is not None:
            spec, found = _parse(name, data, ScheduleFile)
            problems += found
            if spec is not None:
                schedules.append((name, spec))
    if not schedules and not problems:
        problems.append(
            Problem(str(folder), "", f"has no schedule files (one YAML file per effective date beside {CONTRACT_FILE})")
        )
    first_file: dict[date, str] = {}
    for name, spec in schedules:
        other = first_file.setdefault(spec.effective, name)
        if other != name:
            problems.append(
                Problem(
                    name,
                    "effective",
                    f"{spec.effective} is also the effective date of {Path(other).name} (one file per date)",
                )
            )
        if contract_spec is not None:
            problems += check_schedule(name, spec, contract_spec)
    if problems or contract_spec is None:
        return None, problems

    spec = contract_spec
    titles = tuple(
        Title(t.name, tuple(t.aliases), tuple(" ".join(n.split()) for n in t.notes), t.hired_before)
        for t in spec.titles
    )
    lookup = {title_key(name): t for t in titles for name in (t.name, *t.aliases)}
    contract = Contract(
        name=spec.name,
        parties=tuple(spec.parties),
        term_start=spec.term.start,
        term_end=spec.term.end,
        source=" ".join(spec.source.split()),
        regular_hours=spec.regular_hours_per_week,
        tiers=tuple(Tier(t.label, t.min_years) for t in spec.longevity_tiers),
        titles=titles,
        schedules=tuple(
            _schedule(name, s, [tier.label for tier in spec.longevity_tiers], titles)
            for name, s in sorted(schedules, key=lambda pair: pair[1].effective)
        ),
        folder=str(folder),
        lookup=lookup,
        cpi=spec.cpi,
        terms=terms_of(spec),
    )
    return contract, []


def _schedule(name: str, s: ScheduleFile, labels: list[str], titles: tuple[Title, ...]) -> Schedule:
    """A checked schedule file as a :class:`Schedule`, its top step's rate filled in above it."""
    steps = printed_steps(s, labels)
    return Schedule(
        effective=s.effective,
        source=_source_text(s.source),
        longevity={label: s.longevity[label] for label in labels if label in s.longevity},
        rates={
            t.name: {label: s.rates[t.name][labels[min(i, steps - 1)]] for i, label in enumerate(labels)}
            for t in titles
        },
        file=Path(name).name,
        steps=steps if steps < len(labels) else None,
        hours_per_day=s.regular_hours_per_day,
        days_per_year=s.regular_days_per_year,
        printed={t.name: dict(s.printed_annual[t.name]) for t in titles if t.name in s.printed_annual},
    )
