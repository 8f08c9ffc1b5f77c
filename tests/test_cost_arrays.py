"""The running sums of a costing in columns: distinct values with counts, medians, sums chunk by chunk.

Expected values are worked by hand in each test (cents in, dollars out).
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from paycalc.membership import cost_arrays
from paycalc.membership.cost_sums import Spread
from paycalc.membership.unpriced import Unpriced


def ints(*values: int) -> np.ndarray:  # type: ignore[type-arg]
    return np.array(values, dtype=np.int64)


def test_values_merge_into_distinct_ones_with_their_counts() -> None:
    held = (ints(1, 5), ints(2, 1))  # 1 twice, 5 once
    values, counts = cost_arrays._merge([held, (ints(-2, 3, 5), ints(1, 1, 2))])
    assert values.tolist() == [-2, 1, 3, 5]
    assert counts.tolist() == [1, 2, 1, 3]
    assert [a.tolist() for a in cost_arrays._merge([cost_arrays._none(), cost_arrays._none()])] == [[], []]
    counted = cost_arrays.Counts()
    for chunk in ([5, 1], [1], [5, 5, 3, -2], []):
        counted.add(ints(*chunk))
    assert [a.tolist() for a in counted.counted()] == [[-2, 1, 3, 5], [1, 2, 1, 3]]


def test_the_median_of_counted_values_is_the_median_of_them_listed() -> None:
    # -5, 0, 0, 7: the middle two are 0 and 0
    assert cost_arrays._summary(ints(-5, 0, 7), ints(1, 2, 1)) == (Decimal("-0.05"), Decimal("0"), Decimal("0.07"))
    # -5, -5, 0, 7: the middle two are -5 and 0: -2.5 cents
    assert cost_arrays._summary(ints(-5, 0, 7), ints(2, 1, 1))[1] == Decimal("-0.025")
    # 3, 3, 3, 9, 9: an odd count, the third
    assert cost_arrays._summary(ints(3, 9), ints(3, 2))[1] == Decimal("0.03")
    assert cost_arrays._summary(ints(), ints()) == (None, None, None)


@given(st.lists(st.integers(-(10**6), 10**6), min_size=1, max_size=40), st.integers(1, 5))
def test_counted_in_chunks_the_spread_is_the_one_of_every_value_listed(values: list[int], chunks: int) -> None:
    counted = cost_arrays.Counts()
    for n in range(chunks):
        counted.add(np.array(values[n::chunks], dtype=np.int64))
    held = counted.counted()
    listed = Spread()
    for value in values:
        listed.add(value, 1, counted=False)
    assert cost_arrays._summary(*held) == listed.summary()


def test_each_title_has_its_own_median_and_a_title_with_none_has_none() -> None:
    bound = cost_arrays.BOUND
    title = ints(0, 0, 0, 2, 2)
    values = ints(-100, 40, 40, 7, 8)
    counted = cost_arrays.Counts()
    counted.add(title * (2 * bound) + values + bound)
    keys, counts = counted.counted()
    assert cost_arrays._medians(keys, counts, 3) == [Decimal("0.40"), None, Decimal("0.075")]


def test_sums_are_exact_and_refused_where_64_bits_might_not_hold_them() -> None:
    assert cost_arrays.total(ints(2**40, 2**40, -3)) == 2**41 - 3
    with pytest.raises(Unpriced):
        cost_arrays.total(ints(2**61, 2**61))


def test_two_chunks_sum_as_one() -> None:
    """Two members in one piece, one offer: the status quo pays 100 and 200 cents, the offer 110 and 260,
    a lump sum of 5 to the first; the second is off payroll in the piece, so counts only over the range
    (as Sums.add counts a member: off payroll nothing is paid, so the two never differ in a real costing)."""
    pay = np.array([[[100], [200]], [[110], [260]]], dtype=np.int64)  # [payroll][member][piece]
    lumps = np.array([[[5], [0]]], dtype=np.int64)
    on = np.array([[True], [False]])
    title = ints(0, 0)
    one = cost_arrays.Running(1, 1)
    one.title("Aide")
    one.add(pay, lumps, on, title)
    two = cost_arrays.Running(1, 1)
    two.title("Aide")
    two.add(pay[:, :1], lumps[:, :1], on[:1], title[:1])
    two.add(pay[:, 1:], lumps[:, 1:], on[1:], title[1:])
    for running in (one, two):
        sums = running.done()
        assert sums.members == [1, 2]  # in the piece those on payroll; over the range every member
        assert sums.status_quo == [100, 300]
        assert sums.payroll == [[110, 370]]
        assert sums.lumps == [[5, 5]]
        # the increase in the piece: 110 + 5 - 100 = 15 (the first only); over the range 15 and 0
        assert sums.increases[0][0].summary() == (Decimal("0.15"), Decimal("0.15"), Decimal("0.15"))
        assert sums.increases[0][1].summary() == (Decimal("0.00"), Decimal("0.075"), Decimal("0.15"))
        assert sums.titles["Aide"] == [[1, 2], [100, 300], [110, 370], [5, 5]]
        assert sums.title_spreads["Aide"][0][1].summary()[1] == Decimal("0.075")
