"""The committee's costing report in a real browser (Debian's Chromium, through Playwright), by geometry.

At 1,280 and 390 px: nothing scrolls sideways, every table, chart and card lies inside the viewport,
every cell of a visible table header is on screen, and every figure on the page equals the JSON
(``cost -f json --by title`` and the ``--per-member`` JSON). The headline comes first, the appendix
names its sources, axe finds no serious violation. ``PAYCALC_SCREENSHOTS=DIR`` keeps the screenshots
(``docs/`` holds the README's). Skipped without Chromium, except under ``CI=true``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from paycalc.cli import app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HAVE_BROWSER = Path(CHROMIUM).exists()
if not HAVE_BROWSER and os.environ.get("CI") == "true":
    raise RuntimeError(f"CI=true and no Chromium at {CHROMIUM}: .ci/run installs it (apt-get install chromium)")
pytestmark = pytest.mark.skipif(not HAVE_BROWSER, reason="Chromium is not installed (apt-get install chromium)")

BOARD = """name: Board offer <b>final</b>
base: 2018-06-16
changes:
  - {effective: 2019-07-01, percent: 1.5}
  - {effective: 2020-07-01, percent: -0.5}
lump_sums:
  - {name: signing bonus, amount: 750, paid: 2019-10-15, eligible_on: 2019-06-30}
"""
TITLES = ("Teacher Aide", "Ed. Asst.", "Ed. Asst. B", "Ed. Assoc.", "Aux. Trainer", "Ed. Asst. A-I")


def _roster() -> str:
    """A committee's roster: 120 members with names (one of them markup) and schools, fixed by a seed."""
    pick = random.Random(20)
    lines = ["ID,Name,School,Title,Hired,Hours,Notes"]
    for n in range(120):
        name = "<img src=x onerror=alert(1)>" if n == 7 else f"Member {n} {pick.choice(['Diaz', 'Okafor', 'Nguyen'])}"
        hired = f"{pick.randint(1996, 2020)}-{pick.randint(1, 12):02d}-{pick.randint(1, 28):02d}"
        hired = "2021-06-16" if n == 7 else hired  # hired at the very end: the one who gains least, named
        lines.append(
            f"{1000 + n},{name},P.S. {pick.randint(1, 40)},{pick.choice(TITLES)},{hired},{pick.choice(['', '25'])},"
        )
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("report")
    (folder / "committee.csv").write_text(_roster())
    (folder / "board.yaml").write_text(BOARD)
    args = ["cost", "--roster", "committee.csv", "--proposal", "uft-2019-2022", "--proposal", "board.yaml"]
    args += ["--from", "2018-07-01", "--to", "2021-06-30"]
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": "1767225600"})  # 2026-01-01
    html = folder / "report.html"
    per_member = folder / "members.json"
    home = Path.cwd()
    os.chdir(folder)  # the files by the names a committee types
    try:
        made = runner.invoke(app, [*args, "-f", "html", "-o", "report.html"])
        assert made.exit_code == 0, made.output
        result = runner.invoke(app, [*args, "-f", "json", "--by", "title", "--per-member", "members.json"])
        assert result.exit_code == 0, result.output
    finally:
        os.chdir(home)
    data = json.loads(result.stdout)
    data["members"] = json.loads(per_member.read_text())
    return html, data


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


def _value(data: Any, key: str) -> str:
    for part in key.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return str(data)


def _shown(text: str) -> str:
    return text.replace("$", "").replace(",", "").replace("%", "").removeprefix("+")


OUTSIDE = """() => {
  const width = window.innerWidth;
  const out = [];
  for (const e of document.querySelectorAll('table, svg, figure, .card, .bars, td, p, h1, h2, h3, li')) {
    const r = e.getBoundingClientRect();
    const outside = r.left < -0.5 || r.right > width + 0.5;
    if (r.width > 0 && outside) out.push(e.tagName + ": " + e.textContent.slice(0, 40));
  }
  for (const th of document.querySelectorAll('th')) {  // a header cell shown is wholly on screen
    const r = th.getBoundingClientRect();
    if (r.width > 2 && (r.left < -0.5 || r.right > width + 0.5)) out.push('TH: ' + th.textContent);
  }
  return out;
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_every_table_and_chart_fits_and_every_figure_equals_the_json(
    report: tuple[Path, dict[str, Any]], browser: Any, width: int
) -> None:
    html, data = report
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(html.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(OUTSIDE) == []
    figures = page.evaluate(
        "() => [...document.querySelectorAll('[data-key]')].map(e => [e.dataset.key, e.innerText, "
        "e.getBoundingClientRect().width])"
    )
    assert len(figures) >= 150
    for key, shown, size in figures:
        assert _shown(shown.strip()) == _value(data, key), key
        assert size > 0, key  # shown, not hidden
    headings = page.evaluate("() => [...document.querySelectorAll('h2')].map(h => h.textContent)")
    assert headings[0] == "Over the life of the contract" and headings[-1].startswith("Appendix")
    text = page.evaluate("document.body.innerText")
    assert "Roster committee.csv, 120 members" in text and "Made on 2026-01-01" in text
    assert "Article Three A.1, page 8" in text and "board.yaml" in text
    assert "<img src=x onerror=alert(1)>" in text and "Board offer <b>final</b>" in text  # shown as text
    assert page.evaluate("document.querySelectorAll('img, script').length") == 0
    # every date and fiscal year on one line: never "2021-" at a line's end and "06-30" on the next
    lines = page.evaluate(
        "() => [...document.querySelectorAll('.nw')].map(e => [e.textContent, new Set("
        "[...e.getClientRects()].map(r => Math.round(r.top))).size])"
    )
    assert len(lines) > 20 and all(count == 1 for _, count in lines), [t for t, c in lines if c != 1]
    keep = os.environ.get("PAYCALC_SCREENSHOTS")
    if keep:
        page.screenshot(path=str(Path(keep) / f"costing-report-{width}.png"), full_page=False)
    page.close()


def test_the_report_passes_axe(report: tuple[Path, dict[str, Any]], browser: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(report[0].as_uri())
    results = Axe().run(page)
    page.close()
    assert [
        (v["id"], v["impact"]) for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ] == []
