"""The compact id set answers exactly as a Python set does."""

from hypothesis import given
from hypothesis import strategies as st

from paycalc.idset import IdSet


@given(st.lists(st.text(max_size=12) | st.sampled_from(["a", "ab", "abc", "", "é", "e\u0301"]), max_size=400))
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
