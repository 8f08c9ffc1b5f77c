"""Proposals: the change rule against the published tables, the worked successor example, the file
format's failure modes, lump sums, instalments, --write, and the CLI.

Expected schedules are the contract's printed columns (tests/test_golden.py's PRINTED, pasted from the
contract text); other expected values are worked out in the test.
"""

import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from paycalc.contract.models import Instalment
from paycalc.rules import proposal
from tests.conftest import FIXTURES, REPO
from tests.test_golden import PRINTED, ROWS, TITLES

runner = CliRunner()


def write(tmp_path: Path, text: str, name: str = "offer.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def printed(effective: str) -> dict[str, dict[str, Decimal]]:
    """The printed schedule of ``effective``: title -> row label -> rate."""
    table: dict[str, dict[str, Decimal]] = {title: {} for title in TITLES}
    for (_, label), column in zip(ROWS, PRINTED[effective], strict=True):
        for title, amount in zip(TITLES, column.split(), strict=True):
            table[title][label] = Decimal(amount.replace("$", "").replace(",", ""))
    return table


@pytest.mark.parametrize(
    ("base", "effective", "percent"),
    [
        ("2008-05-19", "2013-05-01", "1"),
        ("2013-05-01", "2014-05-01", "1"),
        ("2018-05-01", "2018-06-16", "3"),
        ("2014-05-01", "2015-05-01", "[1, 2]"),  # 1% then 2% on one date, compounded before rounding
        ("2016-05-01", "2017-05-01", "[2, 2.5]"),
    ],
)
def test_a_proposal_regenerates_the_published_schedule(tmp_path: Path, base: str, effective: str, percent: str) -> None:
    offer = write(tmp_path, f"name: test\nbase: {base}\nchanges:\n  - {{effective: {effective}, percent: {percent}}}\n")
    result = runner.invoke(app, ["schedules", "show", effective, "--proposal", str(offer), "--format", "json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["proposal"] == "test"
    expected = printed(effective)
    assert {t: {k: Decimal(v) for k, v in row.items()} for t, row in shown["rates"].items()} == expected
    assert sum(len(row) for row in expected.values()) == 36


def test_raising_each_printed_cell_instead_misses_cells_by_a_dollar() -> None:
    """Why the rule raises base rates and longevity amounts, not the printed rows."""
    before, after = printed("2018-05-01"), printed("2018-06-16")
    misses = [
        (title, label)
        for title, row in before.items()
        for label, rate in row.items()
        if (rate * Decimal("1.03")).quantize(Decimal(1), rounding=ROUND_HALF_UP) != after[title][label]
    ]
    assert len(misses) == 12


def test_the_successor_example_gives_28448_for_a_new_teacher_aide() -> None:
    # base 25,927 -> x1.02 = 26,445.54 -> 26,446 -> x1.025 = 27,107.15 -> 27,107 -> x1.03 = 27,920.21 -> 27,920
    # new under-5 amount 500 -> x1.025 = 512.50 -> 513 -> x1.03 = 528.39 -> 528;  27,920 + 528 = 28,448
    result = runner.invoke(
        app,
        ["pay", "--proposal", "uft-2019-2022", "--title", "Teacher Aide", "--date", "2021-05-14", "--years", "0"],
    )
    assert result.exit_code == 0, result.output
    assert "Annual pay  $28,448.00" in result.stdout
    assert "Proposal    UFT 2019-2022 successor agreement (reconstruction)" in result.stdout
    contract = paycalc.load_proposal(Path(__file__).parent.parent / "proposals" / "uft-2019-2022.yaml")
    schedule = contract.schedules[-1]
    assert schedule.longevity == {"base": Decimal(528), "5-year": Decimal(1909), "15-year": Decimal(3307)}
    # 5-year: 596 x 1.02 = 607.92 -> 608, + 1,200 = 1,808 -> x1.025 = 1,853.20 -> 1,853 -> x1.03 = 1,908.59 -> 1,909
    assert schedule.rates["Teacher Aide"] == {
        "base": Decimal(28448),
        "5-year": Decimal(27920 + 1909),
        "15-year": Decimal(27920 + 3307),
    }


def _one_change(tmp_path: Path, change: str, rounding: str = "dollar") -> paycalc.Contract:
    offer = write(tmp_path, f"name: t\nbase: 2018-06-16\nrounding: {rounding}\nchanges:\n  - {change}\n")
    return paycalc.load_proposal(offer)


def test_percents_on_one_date_compound_before_rounding(tmp_path: Path) -> None:
    rates = _one_change(tmp_path, "{effective: 2019-01-01, percent: [1, 2]}").schedules[-1].rates
    # Ed. Asst. base 29,486 x 1.01 x 1.02 = 29,486 x 1.0302 = 30,376.4772 -> 30,376
    # (rounding after each percent would give 29,780.86 -> 29,781 -> 30,376.62 -> 30,377)
    assert rates["Ed. Asst."]["base"] == Decimal(30376)
    # 15-year amount 1,895 x 1.0302 = 1,952.229 -> 1,952
    assert rates["Ed. Asst."]["15-year"] == Decimal(30376 + 1952)


def test_rounding_to_the_cent(tmp_path: Path) -> None:
    rates = _one_change(tmp_path, "{effective: 2019-01-01, percent: 2.5}", "cent").schedules[-1].rates
    # 25,927 x 1.025 = 26,575.175 -> 26,575.18 (half up); 596 x 1.025 = 610.90
    assert rates["Teacher Aide"]["base"] == Decimal("26575.18")
    assert rates["Teacher Aide"]["5-year"] == Decimal("26575.18") + Decimal("610.90")


def test_a_negative_percent_is_a_give_back(tmp_path: Path) -> None:
    rates = _one_change(tmp_path, "{effective: 2019-01-01, percent: -1}").schedules[-1].rates
    # 25,927 x 0.99 = 25,667.73 -> 25,668; 1,895 x 0.99 = 1,876.05 -> 1,876
    assert rates["Teacher Aide"]["base"] == Decimal(25668)
    assert rates["Teacher Aide"]["15-year"] == Decimal(25668 + 1876)


def test_a_proposal_replaces_published_schedules_after_its_base(tmp_path: Path) -> None:
    contract = _one_change(tmp_path, "{effective: 2017-01-01, percent: 0}".replace("2017", "2019"))
    dates = [s.effective.isoformat() for s in contract.schedules]
    assert dates[-2:] == ["2018-06-16", "2019-01-01"]
    offer = write(tmp_path, "name: t\nbase: 2016-05-01\nchanges:\n  - {effective: 2017-01-01, percent: 1}\n", "b.yaml")
    dates = [s.effective.isoformat() for s in paycalc.load_proposal(offer).schedules]
    assert dates == ["2008-05-19", "2013-05-01", "2014-05-01", "2015-05-01", "2016-05-01", "2017-01-01"]


BROKEN = [
    ("name: x\nbase: 2018-06-16\nchanges: []\nextra: 1\n", "offer.yaml: extra: unknown key (accepted here: name, base"),
    ("base: 2018-06-16\n", "offer.yaml: name: missing (this key is required)"),
    ("name: x\nname: y\nbase: 2018-06-16\n", "offer.yaml: line 2, column 1: key 'name' appears twice"),
    ("name: x\nbase: 2001-01-01\n", "offer.yaml: base: 2001-01-01 is before the first schedule 2008-05-19"),
    (  # the first change may fall on the base date (it then replaces that schedule), never before it
        "name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2018-06-15, percent: 1}\n",
        "offer.yaml: changes.0.effective: 2018-06-15 is not after the base date 2018-06-16",
    ),
    (  # a later change on the same date as the one before
        "name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2018-06-16, percent: 1}\n"
        "  - {effective: 2018-06-16, percent: 1}\n",
        "offer.yaml: changes.1.effective: 2018-06-16 is not after the change before 2018-06-16",
    ),
    (
        "name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-01-01, add: {10-year: 5}}\n",
        "offer.yaml: changes.0.add.10-year: is not a longevity tier (tiers: base, 5-year, 15-year)",
    ),
    (
        "name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-01-01, percent: -101}\n",
        "offer.yaml: changes.0.percent: -101 is out of range (a percent from -100 to 100)",
    ),
    (
        "name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-01-01, percent: 2%}\n",
        "offer.yaml: changes.0.percent: '2%' is not a percent",
    ),
    (
        "name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-01-01, percent: 02}\n",
        "offer.yaml: changes.0.percent: '02' is not a percent",
    ),
    (
        "name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-01-01}\n",
        "offer.yaml: changes.0: has none of percent, add, titles and add_step",
    ),
    (
        "name: x\nbase: 2018-06-16\nrounding: nickel\n",
        "offer.yaml: rounding: input should be 'dollar' or 'cent'",
    ),
    (
        "name: x\nbase: 2018-06-16\ninstalments:\n  - {paid: 2019-01-01, share: 60}\n"
        "  - {paid: 2020-01-01, share: 30}\n",
        "offer.yaml: instalments: shares add up to 90 (each above 0, adding up to 100)",
    ),
    (
        "name: &n x\nbase: 2018-06-16\n",
        "offer.yaml: line 1, column 7: anchors (&name) are not accepted",
    ),
    (
        "name: x\nbase: 2018-02-30\n",
        "offer.yaml: line 2, column 7: '2018-02-30' is not a date between 1900 and 2199",
    ),
    (
        "name: x\nbase: 2018-06-16\nlump_sums:\n  - {name: b, amount: 1e3, paid: 2019-01-01}\n",
        "offer.yaml: lump_sums.0.amount: '1e3' is not an amount",
    ),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_a_broken_proposal_is_one_error_line_naming_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    offer = write(tmp_path, text)
    result = runner.invoke(app, ["pay", "--title", "Teacher Aide", "--years", "0", "--proposal", str(offer)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"Error: {tmp_path}/{message}")


def test_add_needs_a_base_schedule_with_longevity_amounts(tmp_path: Path) -> None:
    folder = tmp_path / "no-amounts"
    folder.mkdir()
    (folder / "contract.yaml").write_bytes((FIXTURES / "other-local" / "contract.yaml").read_bytes())
    text = (FIXTURES / "other-local" / "2023-07-01.yaml").read_text()
    (folder / "2023-07-01.yaml").write_text("\n".join(line for line in text.splitlines() if "longevity" not in line))
    plain = write(tmp_path, "name: p\nbase: 2023-07-01\nchanges:\n  - {effective: 2024-07-01, percent: 2}\n")
    rates = paycalc.load_proposal(plain, folder).schedules[-1].rates
    # no amounts: each row is raised, to the cent by default as the base has cents:
    # 31,250.50 x 1.02 = 31,875.51; 35,000.00 x 1.02 = 35,700.00
    assert rates["Paraeducator"]["base"] == Decimal("31875.51")
    assert rates["Paraeducator"]["20-year"] == Decimal(35700)
    dollars = write(
        tmp_path, "name: d\nbase: 2023-07-01\nrounding: dollar\nchanges:\n  - {effective: 2024-07-01, percent: 2}\n"
    )
    assert paycalc.load_proposal(dollars, folder).schedules[-1].rates["Paraeducator"]["base"] == Decimal(31876)
    adding = write(tmp_path, "name: a\nbase: 2023-07-01\nchanges:\n  - {effective: 2024-07-01, add: {base: 5}}\n")
    with pytest.raises(paycalc.ScheduleError, match=r"'add' on 2024-07-01 needs longevity amounts"):
        paycalc.load_proposal(adding, folder)


# --- lump sums and instalments ---------------------------------------------------------------------

MOA = ["--proposal", "moa-2014", "--title", "Teacher Aide", "--from", "2014-06-01", "--to", "2014-06-30"]
# paid the 2014-05-01 schedule, as owed: the retro is the bonus alone (without it, what was paid is the
# status quo, the MOA's base 2008-05-19 frozen: tests/test_retro_proposal.py)
PAID_AS_OWED = ["--paid-schedule", "2014-05-01"]


def retro_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["retro", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_lump_sum_goes_to_those_hired_on_or_before_its_eligibility_day() -> None:
    on_the_day = retro_json(*MOA, "--hired", "2014-06-03", "--from", "2014-06-03")
    assert on_the_day["lump_sums"] == [{"name": "ratification bonus", "paid": "2014-06-30", "amount": "1000.00"}]
    day_after = retro_json(*MOA, "--hired", "2014-06-04", "--from", "2014-06-04")
    assert day_after["lump_sums"] == []
    # owed under the MOA's 2014-05-01 schedule ($22,149), paid the status quo, its base 2008-05-19 frozen
    # ($21,713); semimonthly, June 3-15 is 13 of 15 days, June 4-15 12, then June 16-30 whole:
    #   from June 3: 22,149 x 13/360 = 799.825 -> 799.83, + 922.88 owed; 21,713 x 13/360 = 784.08, + 904.71 paid
    #   from June 4: 22,149 x 12/360 = 738.30, + 922.88 owed; 21,713 x 12/360 = 723.77, + 904.71 paid
    assert on_the_day["paid_basis"] == "schedule 2008-05-19"
    owed, paid = Decimal("799.83") + Decimal("922.88"), Decimal("784.08") + Decimal("904.71")
    assert on_the_day["retro"] == str(owed - paid + 1000)
    owed, paid = Decimal("738.30") + Decimal("922.88"), Decimal("723.77") + Decimal("904.71")
    assert day_after["retro"] == str(owed - paid)


def test_a_lump_sum_is_pro_rated_and_rounded_once() -> None:
    # 1,000 x 20 / 30 = 666.666... -> 666.67; x workyear 0.5: 333.333... -> 333.33
    assert retro_json(*MOA, "--hired", "2010-01-04", "--hours", "20")["lump_sums"][0]["amount"] == "666.67"
    both = retro_json(*MOA, "--hired", "2010-01-04", "--hours", "20", "--workyear", "0.5")
    assert both["lump_sums"][0]["amount"] == "333.33"


def test_a_lump_sum_paid_outside_the_period_is_not_owed() -> None:
    result = retro_json(*MOA[:4], "--hired", "2010-01-04", "--from", "2014-07-01", "--to", "2014-09-30")
    assert result["lump_sums"] == []


def test_instalments_split_the_retro_wages_exactly_and_leave_the_lump_sum_whole() -> None:
    result = retro_json(*MOA, "--hired", "2010-01-04", "--instalments", "2015-10-15:12.5,2017-10-15:87.5")
    # June 2014, paid the status quo (2008-05-19, $21,713) and owed the MOA's 2014-05-01 rate ($22,149):
    # two checks, 2 x 922.88 - 2 x 904.71 = 36.34 of wages; the $1,000 bonus is paid on its own day, whole.
    # 36.34 x 12.5% = 4.5425 -> 4.54; the last takes 31.80
    assert result["retro"] == "1036.34"
    assert result["instalments"] == [
        {"paid": "2015-10-15", "amount": "4.54"},
        {"paid": "2017-10-15", "amount": "31.80"},
    ]
    bonus_only = retro_json(
        *MOA, *PAID_AS_OWED, "--hired", "2010-01-04", "--instalments", "2015-10-15:50,2017-10-15:50"
    )
    assert bonus_only["retro"] == "1000.00"
    assert [p["amount"] for p in bonus_only["instalments"]] == ["0.00", "0.00"]  # nothing of wages to split


def test_the_proposals_instalments_apply_by_default() -> None:
    result = retro_json(*MOA, "--hired", "2010-01-04", "--hours", "20")
    # at 20 of 30 hours: owed 22,149 x 2/3 = 14,766 -> 615.25 a check; paid 21,713 x 2/3 = 14,475.33 -> 603.14:
    # wages 2 x 12.11 = 24.22. x 12.5% = 3.0275 -> 3.03; x 25% = 6.055 -> 6.06; the last 24.22 - 21.21 = 3.01
    amounts = [Decimal(p["amount"]) for p in result["instalments"]]  # type: ignore[index]
    assert amounts == [Decimal(x) for x in ("3.03", "3.03", "6.06", "6.06", "3.03", "3.01")]
    assert sum(amounts) == Decimal("24.22")


@given(
    total=st.decimals(min_value=-100000, max_value=100000, places=2),
    shares=st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=8),
)
def test_instalments_always_add_up_to_the_total(total: Decimal, shares: list[int]) -> None:
    scale = Decimal(100) / sum(shares)
    parts = [Decimal(s) * scale for s in shares[:-1]]
    parts = [p.quantize(Decimal("0.0001")) for p in parts]
    parts.append(Decimal(100) - sum(parts, Decimal(0)))
    if parts[-1] <= 0:
        return
    instalments = [Instalment(paycalc_date(i), p) for i, p in enumerate(parts)]
    payments = proposal.split(total, proposal.check_instalments(instalments))
    assert sum(amount for _, amount in payments) == total
    for (_, amount), share in zip(payments[:-1], parts[:-1], strict=True):
        assert amount == (total * share / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def paycalc_date(i: int):  # type: ignore[no-untyped-def]
    from datetime import date

    return date(2020 + i, 1, 1)


@pytest.mark.parametrize(
    ("instalments", "message"),
    [
        ("2015-10-15:50,2016-10-15:40", "instalment shares add up to 90, not 100"),
        ("2015-10-15:50;2016-10-15:50", "instalment '2015-10-15:50;2016-10-15:50' is not DATE:PERCENT"),
        ("2016-10-15:50,2015-10-15:50", "instalment dates 2016-10-15 and 2015-10-15 are not ascending"),
        ("2015-10-15:1e2", "instalment '2015-10-15:1e2' is not DATE:PERCENT"),
        ("2015-13-15:100", "instalment date '2015-13-15' is not a valid date"),
    ],
)
def test_a_bad_instalment_list_is_refused(instalments: str, message: str) -> None:
    result = runner.invoke(app, ["retro", *MOA, "--hired", "2010-01-04", "--instalments", instalments])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {message}")


def test_a_roster_gets_one_column_per_instalment_and_a_lump_sum_column() -> None:
    roster = "id,title,hired,from,to,hours\nA1,Teacher Aide,2010-01-04,2014-06-01,2014-06-30,20\n"
    result = runner.invoke(
        app,
        ["retro", "--proposal", "moa-2014", "--roster", "-"],
        input=roster.replace("hours\n", "hours,paid_schedule\n").replace(",20\n", ",20,2014-05-01\n"),
    )
    assert result.exit_code == 0, result.output
    header, row = result.stdout.splitlines()
    assert header.split(",")[5:8] == ["lump_sums", "instalment_2015-10-15", "instalment_2017-10-15"]
    # paid as owed: the retro is the prorated bonus, paid whole on its day; no wages to split
    assert row.split(",")[:8] == ["A1", "1", *row.split(",")[2:4], "666.67", "666.67", "0.00", "0.00"]


# --- propose --write -------------------------------------------------------------------------------


def test_a_written_folder_validates_and_gives_the_same_answers(tmp_path: Path) -> None:
    folder = tmp_path / "successor"
    result = runner.invoke(app, ["propose", "uft-2019-2022", "--write", str(folder)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["schedules", "validate", str(folder)]).exit_code == 0
    written = paycalc.load_contract(folder)
    proposed = paycalc.load_proposal("uft-2019-2022")
    assert written.schedules == proposed.schedules
    for args in (
        dict(title="Teacher Aide", on="2021-05-14", years=0),
        dict(title="Ed. Asst. B", on="2020-06-01", years=16),
    ):
        assert (
            paycalc.annual_pay(**args, schedules=written).annual
            == paycalc.annual_pay(**args, schedules=proposed).annual
        )  # type: ignore[arg-type]
    again = runner.invoke(app, ["propose", "uft-2019-2022", "--write", str(folder)])
    assert again.exit_code == 1
    assert "it is not empty (give an empty or new folder, or --force)" in again.stderr
    assert runner.invoke(app, ["propose", "uft-2019-2022", "--write", str(folder), "--force"]).exit_code == 0


def test_propose_shows_each_schedule_with_its_raise_against_the_base() -> None:
    result = runner.invoke(app, ["propose", "uft-2019-2022", "--format", "json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert [s["effective"] for s in shown["schedules"]] == ["2019-02-14", "2020-05-14", "2021-05-14"]
    # Teacher Aide base: 25,927 -> 28,448 is +9.72% (2,521 / 25,927 = 0.097234...)
    assert shown["schedules"][2]["rates"]["Teacher Aide"]["base"] == "28448.00"
    assert shown["base"] == "2018-06-16"
    examples = runner.invoke(app, ["propose", "--examples"])
    assert "uft-2019-2022" in examples.stdout and "moa-2014" in examples.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["propose"], 2, "Error: missing FILE"),
        (["propose", "uft-2019-2022", "--format", "csv"], 2, "Usage: paycalc propose [OPTIONS] [FILE]"),
        (["propose", "no-such-offer"], 1, "Error: no-such-offer: no such proposal file (a YAML proposal file, or a"),
    ],
)
def test_propose_errors(args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert result.stderr.startswith(message)


def test_propose_takes_its_formats_in_any_case_and_lists_only_those() -> None:
    assert runner.invoke(app, ["propose", "uft-2019-2022", "--format", "JSON"]).stdout.startswith("{")
    assert "<table|json>" in runner.invoke(app, ["propose", "-h"]).stdout
    refused = runner.invoke(app, ["propose", "uft-2019-2022", "--format", "csv"])
    assert "'csv' is not one of 'table', 'json'" in refused.stderr


def test_the_api_takes_instalments() -> None:
    moa = paycalc.load_proposal("moa-2014")
    result = paycalc.retro_pay(
        "Teacher Aide", hired="2010-01-04", start="2014-06-01", end="2014-06-30", schedules=moa,
        instalments="2015-10-15:50,2016-10-15:50",
    )  # fmt: skip
    # the wages owed, 36.34 (as above), 50% each; the $1,000 bonus is not split
    assert result.instalments == ((date(2015, 10, 15), Decimal("18.17")), (date(2016, 10, 15), Decimal("18.17")))


_CONTRACTS = {
    "nyc": None,
    "hourly-local": REPO / "examples" / "hourly-local",
    "other-local": FIXTURES / "other-local",
    "lunenburg": paycalc.contract.loader.bundled_contract("lunenburg-paras"),
}


@settings(max_examples=40, deadline=None)
@given(
    which=st.sampled_from(sorted(_CONTRACTS)), pick=st.integers(min_value=0, max_value=20), later=st.integers(1, 400)
)
def test_a_zero_percent_proposal_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory, which: str, pick: int, later: int
) -> None:
    contract = paycalc.load_contract(_CONTRACTS[which])
    base = contract.schedules[pick % len(contract.schedules)]
    effective = base.effective + timedelta(days=later)
    folder = tmp_path_factory.mktemp("zero")
    text = f"name: zero\nbase: {base.effective}\nchanges:\n  - {{effective: {effective}, percent: 0}}\n"
    made = paycalc.load_proposal(write(folder, text), contract).schedules[-1]
    assert made.rates == base.rates
    assert (made.steps, made.days_per_year, made.hours_per_day) == (base.steps, base.days_per_year, base.hours_per_day)


def _propose(*args: str) -> Any:
    return runner.invoke(app, ["propose", "uft-2019-2022", *args])


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ({"notes.txt": "mine"}, "it holds 'notes.txt'"),
        ({"sub/contract.yaml": "x"}, "it holds 'sub'"),
        ({"2019-01-01.yaml": "x"}, "it has no contract.yaml"),
    ],
)
def test_force_replaces_only_a_schedules_folder(tmp_path: Path, extra: dict[str, str], said: str) -> None:
    folder = tmp_path / "offer"
    folder.mkdir()
    for name, text in extra.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    before = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    result = _propose("--write", str(folder), "--force")
    assert result.exit_code == 1
    assert said in result.stderr and "not a paycalc schedules folder" in result.stderr
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["offer"]  # nothing left beside it


def test_force_swaps_a_schedules_folder_whole(tmp_path: Path) -> None:
    folder = tmp_path / "offer"
    assert _propose("--write", str(folder)).exit_code == 0
    (folder / "2030-01-01.yaml").write_text("an old schedule file of this folder")
    folder.chmod(0o700)
    result = _propose("--write", str(folder), "--force")
    assert result.exit_code == 0, result.output
    assert not (folder / "2030-01-01.yaml").exists()  # the old schedule files it replaces are gone
    assert (folder / "contract.yaml").exists() and (folder / "2021-05-14.yaml").exists()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in tmp_path.iterdir()] == ["offer"]
    assert runner.invoke(app, ["schedules", "validate", str(folder)]).exit_code == 0


def test_a_proposal_whose_schedules_could_not_be_written_is_refused_when_it_loads(tmp_path: Path) -> None:
    # +100% a year: the Aux. Trainer 15-year rate, $39,838 on 2018-06-16, doubled eight times by 2026-07-01 is
    # 39,838 x 256 = 10,198,528, the first rate over $10,000,000 (the 2025 doubling gives 5,099,264)
    changes = "".join(f"  - {{effective: {year}-07-01, percent: 100}}\n" for year in range(2019, 2031))
    path = write(tmp_path, f"name: big\nbase: 2018-06-16\nchanges:\n{changes}")
    with pytest.raises(
        paycalc.ScheduleError,
        match=r"the change of 2026-07-01 makes Aux. Trainer 15-year 10,198,528, over the 10,000,000 limit",
    ):
        paycalc.load_proposal(path)
    many = write(
        tmp_path,
        "name: m\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: ["
        + ", ".join(["100"] * 21)
        + "]}\n",
        "m.yaml",
    )
    with pytest.raises(paycalc.ScheduleError, match=r"compound to more than 1,000,000 times the rates"):
        paycalc.load_proposal(many)


@pytest.mark.parametrize(
    ("tail", "key", "message"),
    [
        (
            "instalments:\n  - {paid: 2020-01-01, share: 50}\n  - {paid: 2020-01-01, share: 50}\n",
            "instalments.1.paid",
            "2020-01-01 is not after 2020-01-01",
        ),
        (
            "instalments:\n  - {paid: 2020-01-01, share: 0}\n  - {paid: 2020-02-01, share: 100}\n",
            "instalments.0.share",
            "is 0 (a share above 0: a payment)",
        ),
        (
            "lump_sums:\n  - {name: b, amount: 100, paid: 2019-09-01, eligible_on: 2019-10-01}\n",
            "lump_sums.0.eligible_on",
            "2019-10-01 is after the paid day 2019-09-01",
        ),
    ],
)
def test_instalments_and_lump_sums_that_cannot_be_paid(tmp_path: Path, tail: str, key: str, message: str) -> None:
    path = write(tmp_path, "name: i\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 2}\n" + tail)
    with pytest.raises(paycalc.ScheduleError) as raised:
        paycalc.load_proposal(path)
    assert [(p.key, p.message) for p in raised.value.problems] == [(key, message)]


def test_a_proposal_without_term_end_runs_to_its_last_change_or_the_base_contracts_end(tmp_path: Path) -> None:
    late = write(tmp_path, "name: l\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 2}\n", "l.yaml")
    # the base contract ends 2018-11-30; the change of 2019-07-01 is later: the term runs to it
    assert paycalc.load_proposal(late).term_end == date(2019, 7, 1)
    early = write(tmp_path, "name: e\nbase: 2016-05-01\nchanges:\n  - {effective: 2016-09-01, percent: 2}\n", "e.yaml")
    assert paycalc.load_proposal(early).term_end == date(2018, 11, 30)  # the base contract's own end


def test_propose_lists_every_problem_its_error_elsewhere_points_to(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name: p\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 200}\n"
        "lump_sums:\n  - {name: b, amount: -5, paid: 2019-09-01}\n",
    )
    elsewhere = runner.invoke(app, ["pay", "--title", "Teacher Aide", "--years", "1", "--proposal", str(path)])
    assert f"(and 1 more problem: 'paycalc propose {path}' lists them all)" in elsewhere.stderr
    listed = runner.invoke(app, ["propose", str(path)])
    assert listed.exit_code == 1
    assert listed.stdout.splitlines() == [
        f"{path}: changes.0.percent: 200 is out of range (a percent from -100 to 100)",
        f"{path}: lump_sums.0.amount: -5 is negative (an amount of 0 or more)",
    ]
    assert listed.stderr == f"Error: 2 problems in {path} (each line above names the key)\n"
