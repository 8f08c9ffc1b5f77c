"""All 8 x 12 x 3 = 288 published rates come back exactly through paycalc.annual_pay.

The expected values are the columns of Article Three A.1 pasted from the contract text
(../shared/seeds/uft-paraprofessional-contract-2009-2018.txt), in the order the contract prints the
titles; they are not read from the YAML files.
"""

from decimal import Decimal

import pytest

import paycalc

TITLES = [
    "Teacher Aide", "Ed. Asst.", "Ed. Asst. A-I", "Ed. Asst. A-II", "Ed. Asst. B", "Ed. Assoc.",
    "Aux. Trainer", "Bil. Prof. Asst.", "Ed. Assoc. A", "Aux. Trainer A", "Ed. Assoc. B", "Aux. Trainer B",
]  # fmt: skip

# effective date: (Base Pay, Base Pay Plus 5 Yr. Longevity, Base Pay Plus 15 Yr. Longevity) columns
PRINTED = {
    "2008-05-19": (
        "$21,713 $24,692 $25,038 $25,379 $26,343 $30,128 $31,774 $31,774 $32,588 $32,588 $34,540 $34,540",
        "$22,213 $25,192 $25,538 $25,879 $26,843 $30,628 $32,274 $32,274 $33,088 $33,088 $35,040 $35,040",
        "$23,300 $26,279 $26,625 $26,966 $27,930 $31,715 $33,361 $33,361 $34,175 $34,175 $36,127 $36,127",
    ),
    "2013-05-01": (  # split across pages 4 and 5 after Bil. Prof. Asst.
        "$21,930 $24,939 $25,288 $25,633 $26,606 $30,429 $32,092 $32,092 $32,914 $32,914 $34,885 $34,885",
        "$22,435 $25,444 $25,793 $26,138 $27,111 $30,934 $32,597 $32,597 $33,419 $33,419 $35,390 $35,390",
        "$23,533 $26,542 $26,891 $27,236 $28,209 $32,032 $33,695 $33,695 $34,517 $34,517 $36,488 $36,488",
    ),
    "2014-05-01": (
        "$22,149 $25,188 $25,541 $25,889 $26,872 $30,733 $32,413 $32,413 $33,243 $33,243 $35,234 $35,234",
        "$22,659 $25,698 $26,051 $26,399 $27,382 $31,243 $32,923 $32,923 $33,753 $33,753 $35,744 $35,744",
        "$23,768 $26,807 $27,160 $27,508 $28,491 $32,352 $34,032 $34,032 $34,862 $34,862 $36,853 $36,853",
    ),
    "2015-05-01": (  # split across pages 5 and 6 after Ed. Asst. A-I
        "$22,818 $25,949 $26,312 $26,671 $27,684 $31,661 $33,392 $33,392 $34,247 $34,247 $36,298 $36,298",
        "$23,343 $26,474 $26,837 $27,196 $28,209 $32,186 $33,917 $33,917 $34,772 $34,772 $36,823 $36,823",
        "$24,486 $27,617 $27,980 $28,339 $29,352 $33,329 $35,060 $35,060 $35,915 $35,915 $37,966 $37,966",
    ),
    "2016-05-01": (  # the 15-yr column is printed after the heading "EFFECTIVE MAY 1, 2017"
        "$23,614 $26,855 $27,230 $27,602 $28,650 $32,766 $34,558 $34,558 $35,442 $35,442 $37,565 $37,565",
        "$24,157 $27,398 $27,773 $28,145 $29,193 $33,309 $35,101 $35,101 $35,985 $35,985 $38,108 $38,108",
        "$25,340 $28,581 $28,956 $29,328 $30,376 $34,492 $36,284 $36,284 $37,168 $37,168 $39,291 $39,291",
    ),
    "2017-05-01": (
        "$24,688 $28,077 $28,469 $28,858 $29,954 $34,257 $36,130 $36,130 $37,055 $37,055 $39,274 $39,274",
        "$25,256 $28,645 $29,037 $29,426 $30,522 $34,825 $36,698 $36,698 $37,623 $37,623 $39,842 $39,842",
        "$26,493 $29,882 $30,274 $30,663 $31,759 $36,062 $37,935 $37,935 $38,860 $38,860 $41,079 $41,079",
    ),
    "2018-05-01": (  # split across pages 7 and 8 after Ed. Assoc. A.
        "$25,172 $28,627 $29,027 $29,424 $30,541 $34,929 $36,838 $36,838 $37,781 $37,781 $40,044 $40,044",
        "$25,751 $29,206 $29,606 $30,003 $31,120 $35,508 $37,417 $37,417 $38,360 $38,360 $40,623 $40,623",
        "$27,012 $30,467 $30,867 $31,264 $32,381 $36,769 $38,678 $38,678 $39,621 $39,621 $41,884 $41,884",
    ),
    "2018-06-16": (
        "$25,927 $29,486 $29,898 $30,307 $31,457 $35,977 $37,943 $37,943 $38,914 $38,914 $41,245 $41,245",
        "$26,523 $30,082 $30,494 $30,903 $32,053 $36,573 $38,539 $38,539 $39,510 $39,510 $41,841 $41,841",
        "$27,822 $31,381 $31,793 $32,202 $33,352 $37,872 $39,838 $39,838 $40,809 $40,809 $43,140 $43,140",
    ),
}
# completed years that land on each row: base, 5-year, 15-year
ROWS = [(0, "base"), (5, "5-year"), (15, "15-year")]


def _cells() -> list[tuple[str, str, int, str, Decimal]]:
    cells = []
    for effective, columns in PRINTED.items():
        for (years, label), column in zip(ROWS, columns, strict=True):
            amounts = column.split()
            assert len(amounts) == len(TITLES)
            for title, amount in zip(TITLES, amounts, strict=True):
                cells.append((effective, title, years, label, Decimal(amount.replace("$", "").replace(",", ""))))
    return cells


CELLS = _cells()


def test_every_published_cell_is_covered() -> None:
    assert len(CELLS) == 288


@pytest.mark.parametrize(("effective", "title", "years", "label", "expected"), CELLS)
def test_published_rate(effective: str, title: str, years: int, label: str, expected: Decimal) -> None:
    result = paycalc.annual_pay(title, effective, years=years)
    assert result.schedule.isoformat() == effective
    assert result.longevity == label
    assert result.rate == expected
    assert result.annual == expected  # full time, full workyear: the published rate, to the cent


def test_mission_example() -> None:
    assert paycalc.annual_pay("Ed. Asst. B", "2018-06-16", years=16).annual == Decimal("33352.00")
