"""The kernel's whole-schedule tables grown as rate ids are added (#30: a roster of amounts paid adds thousands a
block): tabulated a few at a time, they hold what one pass over every rate holds."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from paycalc.membership.rate_spans import RateSpans
from paycalc.rules import period_arrays

EDGES = np.array([733000, 733180, 733545, 733910, 734400], dtype=np.int64)


def _pay(rates: np.ndarray, ids: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    return period_arrays.semimonthly(rates[0][ids], rates[1][ids], first, last)


@given(
    st.lists(st.tuples(st.integers(0, 10**9), st.sampled_from([1, 2, 4, 5, 20, 25, 50, 100])), min_size=1, max_size=40),
    st.lists(st.integers(1, 9), max_size=6),
)
def test_tables_grown_in_steps_hold_what_one_pass_holds(rates: list[tuple[int, int]], steps: list[int]) -> None:
    every = np.array(rates, dtype=np.int64).T
    whole = RateSpans(EDGES)
    whole.grow(every, _pay)
    grown = RateSpans(EDGES)
    made = 0
    for step in [*steps, len(rates)]:  # a few ids more each time, as blocks bring them
        made = min(made + step, len(rates))
        grown.grow(every[:, :made], _pay)
        grown.grow(every[:, :made], _pay)  # asked again with nothing new: unchanged
    count = len(rates)
    assert (grown.spans[:count] == whole.spans[:count]).all()
    assert (grown.sums[:count] == whole.sums[:count]).all()
    first = np.repeat(EDGES[:-1][None, :], count, axis=0)
    expected = _pay(every, np.repeat(np.arange(count), len(EDGES) - 1), first.ravel(), np.tile(EDGES[1:] - 1, count))
    assert (whole.spans[:count].ravel() == expected).all()  # each a whole schedule's days at the rate
    assert (whole.sums[:count, -1] == whole.spans[:count].sum(axis=1)).all()
    for table in (whole, grown):  # the running sums from 0: schedules 0..j-1 (the room past them never read)
        assert (table.sums[:count, 0] == 0).all()
        assert (table.sums[:count, 1:] == np.cumsum(table.spans[:count], axis=1)).all()


def test_each_rate_is_tabulated_once() -> None:
    """Only the ids new since the last call are worked out, each once a schedule: a million amounts are not worked
    out again each block."""
    asked: list[int] = []

    def counted(rates: np.ndarray, ids: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
        asked.extend(ids.ravel().tolist())
        return _pay(rates, ids, first, last)

    every = np.array([(100 * n + 2500000, 100) for n in range(50)], dtype=np.int64).T
    spans = RateSpans(EDGES)
    for made in (3, 3, 10, 11, 50, 50):
        spans.grow(every[:, :made], counted)
    assert sorted(asked) == sorted(list(range(50)) * (len(EDGES) - 1))
    assert len(spans.spans) >= 50
