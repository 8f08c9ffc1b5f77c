"""Schedule folders: strict loading, one broken fixture per failure mode, and the cache."""

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

import paycalc
from paycalc.contract import loader
from tests.conftest import FIXTURES, REPO

BROKEN = FIXTURES / "broken"
SCHEDULE = "2020-07-01.yaml"

# case folder: (file, key, what the problem must say); every case has exactly these problems
CASES: dict[str, list[tuple[str, str, str]]] = {
    "duplicate-key": [(SCHEDULE, "line 7, column 3", "key 'Aide' appears twice in one mapping, on line 6 and line 7")],
    "unknown-key": [
        (
            SCHEDULE,
            "notes",
            "unknown key (accepted here: effective, source, longevity, rates, regular_hours_per_day, "
            "regular_days_per_year, printed_annual)",
        )
    ],
    "misspelled-nested-key": [
        (SCHEDULE, "source.page", "unknown key (accepted here: article, pages, heading, layout, document)"),
    ],
    "missing-key": [(SCHEDULE, "rates", "missing (this key is required)")],
    "own-days-on-annual": [
        (SCHEDULE, "regular_days_per_year", "is for hourly and daily contracts (this one is paid annual rates)")
    ],
    "printed-unknown-step": [(SCHEDULE, "printed_annual.Aide.5-year", "is not a step this schedule prints (base)")],
    "step-gap": [(SCHEDULE, "rates.Aide", "has no base rate (a rate for each of: base, 5-year)")],
    "date-not-iso": [(SCHEDULE, "effective", "'07/01/2020' is not a date (an ISO date such as 2018-06-16)")],
    "amount-not-a-number": [(SCHEDULE, "rates.Aide.base", "'twenty thousand' is not an amount")],
    "amount-infinite": [(SCHEDULE, "rates.Aide.base", "'.inf' is not an amount")],
    "amount-negative": [
        (SCHEDULE, "rates.Aide.base", "-20000 is negative (an amount of 0 or more)"),
        (SCHEDULE, "rates.Aide.5-year", "-19500 is negative (an amount of 0 or more)"),
    ],
    "mistyped-cell": [
        (SCHEDULE, "rates.Assistant.5-year", "25050 is not the base rate 25000 + 5-year longevity 500 = 25500"),
    ],
    "longevity-row-below-base": [(SCHEDULE, "rates.Aide.5-year", "19500 is below the base rate 20000")],
    "missing-title": [(SCHEDULE, "rates", "has no row for 'Assistant' (every schedule covers every title)")],
    "alias-as-title": [
        (SCHEDULE, "rates.Asst", "is not a title of contract.yaml (write it as 'Assistant')"),
        (SCHEDULE, "rates", "has no row for 'Assistant'"),
    ],
    "missing-tier-rate": [(SCHEDULE, "rates.Aide", "has no 5-year rate (a rate for each of: base, 5-year)")],
    "unknown-longevity-tier": [(SCHEDULE, "longevity.10-year", "is not a longevity tier (tiers: base, 5-year)")],
    "tiers-not-ascending": [("contract.yaml", "longevity_tiers.1.min_years", "0 is not above 0 of tier 'base'")],
    "first-tier-not-zero": [
        ("contract.yaml", "longevity_tiers.0.min_years", "is 1 (the first tier starts at 0 years)")
    ],
    "term-reversed": [("contract.yaml", "term", "starts 2023-06-30, after it ends 2020-07-01")],
    "alias-collision": [("contract.yaml", "titles.1.aliases.0", "'AIDE' also matches title 'Aide'")],
    "duplicate-effective-date": [
        (SCHEDULE, "effective", "2020-07-01 is also the effective date of 2020-07-01-copy.yaml")
    ],
    "no-schedules": [("", "", "has no schedule files (one YAML file per effective date beside contract.yaml)")],
    "no-contract-file": [("", "", "has no contract.yaml")],
    "yaml-syntax": [(SCHEDULE, "line 7, column 12", "not valid YAML: expected ',' or '}'")],
    "not-a-mapping": [(SCHEDULE, "", "expected a mapping of keys to values at the top level")],
    "yml-extension": [("2020-07-01.yml", "", "schedule files end in .yaml (rename it)")],
}


def test_every_broken_fixture_has_a_case() -> None:
    assert sorted(CASES) == sorted(p.name for p in BROKEN.iterdir())


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_folder_reports_each_problem_with_file_and_key(case: str) -> None:
    folder = BROKEN / case
    contract, problems = paycalc.check_folder(folder)
    assert contract is None
    expected = CASES[case]
    assert len(problems) == len(expected), problems
    for problem, (file, key, message) in zip(problems, expected, strict=True):
        assert problem.file == str(folder / file if file else folder)
        assert problem.key == key
        assert message in problem.message


@pytest.mark.parametrize("case", sorted(CASES))
def test_loading_a_broken_folder_raises_with_the_first_problem(case: str) -> None:
    folder = BROKEN / case
    with pytest.raises(paycalc.ScheduleError) as raised:
        paycalc.load_contract(folder)
    file, key, message = CASES[case][0]
    where = str(folder / file if file else folder)
    assert str(raised.value).startswith(f"{where}: {key}: " if key else f"{where}: ")
    assert message in str(raised.value)
    more = len(CASES[case]) - 1
    assert (f"and {more} more problem" in str(raised.value)) == bool(more)
    assert "\n" not in str(raised.value)


def test_the_bundled_schedules_are_valid() -> None:
    contract, problems = paycalc.check_folder(REPO / "schedules")
    assert problems == []
    assert contract is not None
    assert [s.effective.isoformat() for s in contract.schedules] == [
        "2008-05-19", "2013-05-01", "2014-05-01", "2015-05-01", "2016-05-01", "2017-05-01", "2018-05-01", "2018-06-16"
    ]  # fmt: skip
    assert (contract.term_start.isoformat(), contract.term_end.isoformat()) == ("2009-11-01", "2018-11-30")
    assert len(contract.titles) == 12
    assert [(t.label, t.min_years) for t in contract.tiers] == [("base", 0), ("5-year", 5), ("15-year", 15)]
    assert all(s.source.startswith("Article Three A.1, page") for s in contract.schedules)


def test_decimal_amounts_in_yaml_are_read_exactly() -> None:
    contract = paycalc.load_contract(FIXTURES / "other-local")
    assert contract.schedules[0].longevity["10-year"] == Decimal("2149.75")
    assert contract.schedules[1].rates["Paraeducator"]["10-year"] == Decimal("34337.77")
    assert contract.regular_hours == Decimal(35)


def test_missing_folder_and_file_instead_of_folder(tmp_path: Path) -> None:
    with pytest.raises(
        paycalc.ScheduleError, match=r"nowhere: no such folder \(a schedules folder holds contract.yaml"
    ):
        paycalc.load_contract(tmp_path / "nowhere")
    file = tmp_path / "file.yaml"
    file.write_text("x: 1\n")
    with pytest.raises(paycalc.ScheduleError, match=r"file.yaml: is not a folder"):
        paycalc.load_contract(file)


# --- the cache -------------------------------------------------------------------------------------


def _copy(src: Path, dst: Path) -> Path:
    dst.mkdir()
    for f in src.iterdir():
        (dst / f.name).write_bytes(f.read_bytes())
    return dst


def test_a_valid_folder_is_cached_and_an_edit_invalidates_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("PAYCALC_CACHE_DIR", str(cache))
    folder = _copy(FIXTURES / "other-local", tmp_path / "local")
    first = loader._load(folder.absolute(), folder)
    assert len(list(cache.glob("contract-*.json"))) == 1

    # the cached copy is used: schema validation is not run again
    loader._load.cache_clear()
    monkeypatch.setattr("paycalc.contract.schema.build", lambda *a: pytest.fail("validated again"))
    assert loader._load(folder.absolute(), folder) == first
    monkeypatch.undo()
    monkeypatch.setenv("PAYCALC_CACHE_DIR", str(cache))

    # a mistyped cell written into a file is caught, not served from the cache
    loader._load.cache_clear()
    path = folder / "2024-07-01.yaml"
    path.write_text(path.read_text().replace("34337.77", "34337.78"))
    with pytest.raises(
        paycalc.ScheduleError, match=re.escape("34337.78 is not the base rate 32188.02 + 10-year longevity 2149.75")
    ):
        loader._load(folder.absolute(), folder)


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("PAYCALC_CACHE_DIR", str(blocker / "cache"))
    folder = _copy(FIXTURES / "other-local", tmp_path / "local")
    assert loader._load(folder.absolute(), folder).name.startswith("Riverside")


def test_a_corrupt_cache_entry_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("PAYCALC_CACHE_DIR", str(cache))
    folder = _copy(FIXTURES / "other-local", tmp_path / "local")
    loader._load(folder.absolute(), folder)
    loader._load.cache_clear()
    for entry in cache.iterdir():
        entry.write_bytes(b"not a cache entry")
    assert loader._load(folder.absolute(), folder).name.startswith("Riverside")
    assert not [p for p in cache.iterdir() if p.name.startswith(".tmp-")]  # nothing half-written left


def test_caching_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAYCALC_CACHE_DIR", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    folder = _copy(FIXTURES / "other-local", tmp_path / "local")
    loader._load(folder.absolute(), folder)
    assert not (tmp_path / ".cache").exists()
    assert os.listdir(tmp_path) == ["local"]


def test_an_hourly_contract_comes_back_from_the_cache_with_all_its_pay_terms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("PAYCALC_CACHE_DIR", str(cache))
    folder = _copy(Path(__file__).parents[1] / "examples" / "hourly-local", tmp_path / "hourly")
    first = loader._load(folder.absolute(), folder)
    loader._load.cache_clear()
    monkeypatch.setattr("paycalc.contract.schema.build", lambda *a: pytest.fail("validated again"))
    again = loader._load(folder.absolute(), folder)
    assert again == first
    assert again.terms.step_advance == (7, 1) and again.terms.anchor is not None
    assert [d.name for d in again.terms.differentials][:2] == ["associate", "bachelor"]


def test_a_sealed_cache_entry_is_still_checked_when_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seal says who wrote the entry; the decode checks say whether its content makes sense."""
    import json as json_module

    from paycalc.contract import cache_format

    monkeypatch.setenv("PAYCALC_CACHE_DIR", str(tmp_path / "cache"))
    folder = loader.bundled_folder()
    files = loader._read_folder(folder)
    sources = loader._sources_digest(folder.absolute(), files)
    data = json_module.loads(cache_format.encode(paycalc.load_contract(folder)))
    data["schedules"][-1]["rates"]["Ed. Asst. B"]["15-year"] = "99999"  # no longer base + its longevity
    content = json_module.dumps(data)
    entry = tmp_path / "entry.json"
    entry.write_text(f"{loader._sealed(sources, content)}\n{content}")
    assert loader._cached(entry, sources, cache_format.decode) is None  # a valid seal, content refused: checked again
    good = cache_format.encode(paycalc.load_contract(folder))
    entry.write_text(f"{loader._sealed(sources, good)}\n{good}")
    assert loader._cached(entry, sources, cache_format.decode) == paycalc.load_contract(folder)
