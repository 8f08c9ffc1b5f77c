"""The compact id set answers exactly as a Python set does; a costing spread as the values written out."""

from hypothesis import example, given
from hypothesis import strategies as st

from paycalc.membership.idset import IdSet


@given(st.lists(st.text(max_size=12) | st.sampled_from(["a", "ab", "abc", "", "é", "e\u0301"]), max_size=400))
@example(["ab", "a", "ab", "a"])  # an id that is a prefix of another, after it
@example(["a", "ab", "abc", "ab"])  # and before it
@example(["M1", "M10", "M100", "M10"])
def test_the_id_set_agrees_with_a_python_set(ids: list[str]) -> None:
    compact, reference = IdSet(), set()
    for id_ in ids:
        assert compact.add(id_) == (id_ not in reference)
        reference.add(id_)
    assert len(compact) == len(reference)


def test_it_grows_past_its_first_table_and_still_finds_every_id() -> None:
    compact = IdSet()
    ids = [f"M{n:07d}" for n in range(5000)]  # the table starts at 1024 slots: it doubles three times
    assert all(compact.add(id_) for id_ in ids)
    assert not any(compact.add(id_) for id_ in ids)
    assert compact.add("M0005000") and len(compact) == 5001


@given(st.lists(st.tuples(st.integers(-(10**9), 10**9), st.integers(1, 5), st.booleans()), min_size=1, max_size=200))
def test_a_spread_of_counted_and_listed_values_is_that_of_the_values_written_out(
    entries: list[tuple[int, int, bool]],
) -> None:
    from decimal import Decimal

    from paycalc.membership.cost_sums import Spread

    spread, written = Spread(), []
    for value, weight, counted in entries:
        weight = weight if counted else 1  # a listed value stands for one member
        spread.add(value, weight, counted)
        written += [value] * weight
    written.sort()
    middle = len(written) // 2
    median = Decimal(written[middle]) if len(written) % 2 else Decimal(written[middle - 1] + written[middle]) / 2
    assert spread.summary() == (Decimal(written[0]) / 100, median / 100, Decimal(written[-1]) / 100)
