"""The strict YAML reader's bounds, at their edges: dates from 1900 to 2199, numbers of at most 20 digits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from paycalc.contract.yamlread import read_yaml


@pytest.mark.parametrize(("text", "value"), [("1900-01-01", date(1900, 1, 1)), ("2199-12-31", date(2199, 12, 31))])
def test_the_first_and_last_dates_are_read(text: str, value: date) -> None:
    data, problems = read_yaml("f.yaml", f"day: {text}\n".encode())
    assert problems == [] and data == {"day": value}


@pytest.mark.parametrize("text", ["1899-12-31", "2200-01-01"])
def test_a_date_outside_1900_to_2199_is_refused(text: str) -> None:
    data, problems = read_yaml("f.yaml", f"day: {text}\n".encode())
    assert data is None
    assert [(p.key, p.message) for p in problems] == [
        ("line 1, column 6", f"{text!r} is not a date between 1900 and 2199 (an ISO date such as 2018-06-16)")
    ]


def test_a_20_digit_number_is_read_exactly_and_a_21_digit_one_is_refused() -> None:
    twenty = "1234567890123456.7890"  # 20 digits
    data, problems = read_yaml("f.yaml", f"amount: {twenty}\n".encode())
    assert problems == [] and data == {"amount": Decimal(twenty)}
    data, problems = read_yaml("f.yaml", b"amount: 12345678901234567.8901\n")  # 21 digits
    assert data is None
    assert problems[0].message == "'12345678901234567.8901'... has more than 20 digits (no contract has such amounts)"
