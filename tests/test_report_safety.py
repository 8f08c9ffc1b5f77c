"""The costing report and CSV never run what a user wrote: markup is escaped, a formula is guarded."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from paycalc.cli import app

ROSTER = "id,title,hired\n1,Teacher Aide,2010-01-04\n2,Ed. Asst. B,2001-09-04\n"


def proposal(tmp_path: Path, name: str, percent: str = "2") -> Path:
    path = tmp_path / "offer.yaml"
    path.write_text(
        f"name: '{name}'\nbase: 2018-06-16\nchanges:\n  - {{effective: 2019-07-01, percent: {percent}}}\n",
        encoding="utf-8",
    )
    return path


def cost(tmp_path: Path, name: str, fmt: str, percent: str = "2") -> str:
    roster = tmp_path / "staff.csv"
    roster.write_text(ROSTER)
    result = CliRunner().invoke(
        app,
        ["cost", "--roster", str(roster), "--proposal", str(proposal(tmp_path, name, percent)), "--from",
         "2019-07-01", "--to", "2020-06-30", "--format", fmt],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stdout


def test_markup_in_a_proposal_name_is_escaped_everywhere_in_the_report(tmp_path: Path) -> None:
    page = cost(tmp_path, "<script>alert(1)</script><b>x</b>", "html")
    assert "<script>alert" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_formula_in_a_proposal_name_is_guarded_in_the_csv(tmp_path: Path) -> None:
    text = cost(tmp_path, '=HYPERLINK("http://x")', "csv")
    names = {row["proposal"] for row in csv.DictReader(io.StringIO(text)) if row.get("proposal")}
    assert names == {'\'=HYPERLINK("http://x")'}


def test_a_cut_is_drawn_with_its_sign(tmp_path: Path) -> None:
    page = cost(tmp_path, "give-back", "html", percent="-1")
    # the bar's label equals the table's figure, with its minus sign before the dollar sign
    assert "<title>-$" in page and "$-" not in page


def test_a_negative_bar_is_drawn_below_the_axis(tmp_path: Path) -> None:
    import re

    page = cost(tmp_path, "give-back", "html", percent="-1")
    chart = page[page.index("<svg") : page.index("</svg>")]
    zero = float(re.search(r'<line x1="[\d.]+" y1="([\d.]+)"', chart).group(1))  # type: ignore[union-attr]
    bars = re.findall(
        r'<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"[^>]*><title>([^<]+)</title>', chart
    )
    assert bars
    for top, height, label in bars:
        assert label.startswith("-$")  # a cut: its label has the sign
        assert float(top) == zero and float(height) > 0  # it hangs from the axis


def report(tmp_path: Path, *offers: Path, to: str = "2020-06-30", roster_text: str = ROSTER, **env: str) -> str:
    """The HTML report of ``roster_text`` (written to staff.csv) under ``offers``, from 2019-07-01 to ``to``."""
    roster = tmp_path / "staff.csv"
    roster.write_text(roster_text)
    chosen = [a for offer in offers for a in ("--proposal", str(offer))]
    args = ["cost", "--roster", str(roster), *chosen, "--from", "2019-07-01", "--to", to, "--format", "html"]
    result = CliRunner().invoke(app, args, env=env or None)
    assert result.exit_code == 0, result.output
    return result.stdout


def _two_offers(tmp_path: Path) -> str:
    up = proposal(tmp_path, "up", "3")
    down = tmp_path / "down.yaml"
    down.write_text("name: down\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: -1}\n")
    return report(tmp_path, up, down, to="2021-06-30")


def test_the_columns_are_drawn_to_scale_from_the_axis_each_offer_in_its_colour(tmp_path: Path) -> None:
    import re

    page = _two_offers(tmp_path)
    chart = page[page.index("<svg") : page.index("</svg>")]
    zero = float(re.search(r'<line x1="[\d.]+" y1="([\d.]+)"', chart).group(1))  # type: ignore[union-attr]
    bars = re.findall(
        r'<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="([^"]+)"><title>([^<]+)', chart
    )
    assert len(bars) == 4  # two fiscal years, two offers
    scale = []
    for top, height, _fill, figure in bars:
        value = Decimal(figure.replace("$", "").replace(",", ""))
        if value >= 0:
            assert abs(float(top) + float(height) - zero) < 0.11  # stands on the axis
        else:
            assert abs(float(top) - zero) < 0.11  # hangs from it
        scale.append(float(height) / abs(float(value)))
    assert max(scale) - min(scale) < 0.002 * max(scale)  # one scale for every column
    assert len({fill for _, _, fill, figure in bars if figure.startswith("+")}) == 1
    assert len({fill for _, _, fill, _ in bars}) == 2  # each offer its own colour
    # every figure drawn is also written beside its column, with its sign
    for *_, figure in bars:
        assert f">{figure}</text>" in chart


def test_every_change_in_the_report_carries_its_sign(tmp_path: Path) -> None:
    import re

    page = _two_offers(tmp_path)
    changes = re.findall(
        r'data-key="[^"]*\.(?:increase|recurring|lump_sums|gap|smallest|median|largest)">([^<]*)<', page
    )
    assert len(changes) > 30
    assert all(text.startswith(("+$", "-$")) for text in changes if text), changes
    levels = re.findall(r'data-key="[^"]*\.(?:status_quo|payroll|cost_of_one_percent)">([^<]*)<', page)
    assert levels and all(text.startswith("$") for text in levels), levels  # amounts, not changes: no sign
    assert "None" not in page
    # the title bars: each as wide as its increase, on one scale
    widths = re.findall(r'width: ([\d.]+)%; background: [^"]+"></span><span class="figure">([^<]+)<', page)
    ratios = [float(w) / abs(float(f.replace("$", "").replace(",", ""))) for w, f in widths if float(w)]
    assert widths and max(ratios) - min(ratios) < 0.01 * max(ratios)


def test_the_appendix_shows_each_offers_schedules_from_its_base_with_their_sources(tmp_path: Path) -> None:
    import re

    roster = tmp_path / "staff.csv"
    roster.write_text(ROSTER)
    long_name = tmp_path / ("an-offer-with-a-very-long-file-name-indeed" + ".yaml")
    long_name.write_text("name: long\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 1}\n")
    result = CliRunner().invoke(
        app,
        ["cost", "--roster", str(roster), "--proposal", "uft-2019-2022", "--proposal", str(long_name),
         "--from", "2019-07-01", "--to", "2020-06-30", "--format", "html"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    appendix = result.stdout[result.stdout.index("Appendix") :]
    effective = re.findall(r"<strong>Effective ([\d-]+)</strong>", appendix)
    # uft-2019-2022: its base and its three changes; the long one: its base and its one change
    assert effective == ["2018-06-16", "2019-02-14", "2020-05-14", "2021-05-14", "2018-06-16", "2019-07-01"]
    sources = re.findall(r"Source: ([^<]+)\.</span>", appendix)
    assert (
        sources[0].startswith("the base schedule: NYC Board of Education") and "Article Three A.1, page 8" in sources[0]
    )
    assert sources[1].startswith("proposal uft-2019-2022, change 1 of 3: +2%")
    assert "built on the 2018-06-16 schedule (Article Three A.1, page 8)" in sources[1]
    # Teacher Aide on 2019-02-14, by hand in test_proposal_rules.py: $26,946, $28,254, $29,579
    assert '<td data-label="Title">Teacher Aide</td><td class="n" data-label="base">$26,946.00</td>' in appendix
    # offers by their names (the file's name only in the offer's description)
    assert '<th class="n" scope="col">Increase, long</th>' in result.stdout
    assert "Increase, an-offer-with" not in result.stdout


def test_a_report_of_an_empty_roster_shows_blanks_not_none(tmp_path: Path) -> None:
    page = report(tmp_path, proposal(tmp_path, "up"), roster_text="id,title,hired\n")
    assert "None" not in page and 'data-label="Least"' in page


def _offer(tmp_path: Path, file: str, text: str) -> Path:
    path = tmp_path / file
    path.write_text(text, encoding="utf-8")
    return path


def test_the_report_names_its_roster_marks_the_total_row_and_signs_each_gap(tmp_path: Path) -> None:
    import re

    one = _offer(
        tmp_path, "one.yaml", "name: One\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 1}\n"
    )
    two = _offer(
        tmp_path, "two.yaml", "name: Two\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 2}\n"
    )
    page = report(tmp_path, one, two, SOURCE_DATE_EPOCH="1700000000")
    assert f"Roster <strong>{tmp_path / 'staff.csv'}</strong>" in page
    assert 'Made on <span class="nw">2023-11-14</span>' in page
    fiscal = r"<tr( class=\"total\")?><td data-label=\"Fiscal year\"><span class=\"nw\">([^<]*)</span></td>"
    rows = re.findall(fiscal, page)  # a label never wraps at its hyphen
    assert ("", "2019-20") in rows and (' class="total"', "Total") in rows
    assert all((marked == ' class="total"') == (label == "Total") for marked, label in rows)  # only totals marked
    for key in ("total", "periods.0"):  # 2% costs more than 1%: the gap is a change, shown with its sign
        gap = re.search(rf'data-key="{key}.proposals.1.gap">([^<]*)<', page)
        assert gap is not None and gap.group(1).startswith("+$"), key


def test_offers_of_one_name_go_by_their_files_and_an_offer_of_lump_sums_alone_has_no_changes(
    tmp_path: Path,
) -> None:
    bonus = "{name: bonus, amount: 500, paid: 2019-10-31, eligible_on: 2019-09-14}"
    lumps = f"name: Bonus only\nbase: 2018-06-16\nlump_sums:\n  - {bonus}\n"
    one = _offer(tmp_path, "first-bonus.yaml", lumps)
    two = _offer(tmp_path, "second-bonus.yaml", lumps)  # the same name: told apart by the files' names
    page = report(tmp_path, one, two)
    assert '<th class="n" scope="col">Increase, first-bonus</th>' in page
    assert '<th class="n" scope="col">Increase, second-bonus</th>' in page
    assert "Increase, Bonus only" not in page
    assert "): no changes; lump sums: bonus $500" in page


def test_an_hourly_rate_finer_than_cents_is_shown_to_its_own_places_in_the_appendix(tmp_path: Path) -> None:
    from tests.test_locals import CONTRACT

    folder = tmp_path / "fine"
    folder.mkdir()
    (folder / "contract.yaml").write_text(CONTRACT)
    rates = "{step 1: 18.2575, step 2: 19.125, step 3: 20.00, step 4: 21.50}"
    (folder / "2023-07-01.yaml").write_text(f"effective: 2023-07-01\nsource: {{article: A}}\nrates:\n  Para: {rates}\n")
    roster = tmp_path / "staff.csv"
    roster.write_text("id,title,hired\n1,Para,2020-01-06\n")
    offer = _offer(
        tmp_path, "up.yaml", "name: Up\nbase: 2023-07-01\nchanges:\n  - {effective: 2024-07-01, percent: 0}\n"
    )
    result = CliRunner().invoke(
        app,
        ["cost", "--roster", str(roster), "--schedules", str(folder), "--proposal", str(offer), "--from",
         "2023-07-01", "--to", "2024-06-30", "--format", "html"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert ">$18.2575<" in result.stdout and ">$19.125<" in result.stdout  # not $18.26, not $19.13
    assert "$20.00" in result.stdout


def test_the_report_names_the_five_who_gain_least_and_the_five_who_gain_most(tmp_path: Path) -> None:
    """Eight Teacher Aides on the base row, 10 to 31 hours a week: under a 2% raise the increase grows
    with the hours (pro-rated), so the least are those of 10, 13, 16, 19 and 22 hours, the most those of
    31, 28, 25, 22 and 19."""
    roster = "id,title,hired,hours\n" + "".join(f"h{h},Teacher Aide,2018-01-08,{h}\n" for h in range(10, 32, 3))
    page = report(tmp_path, proposal(tmp_path, "two"), roster_text=roster)
    members = page.split("<h2>Members</h2>")[1].split("The spread of one member")[0]
    least, most = members.split("Who gains most")
    ids = [[cell.split("<")[0] for cell in part.split('<td data-label="Id">')[1:]] for part in (least, most)]
    assert ids == [["h10", "h13", "h16", "h19", "h22"], ["h31", "h28", "h25", "h22", "h19"]]
