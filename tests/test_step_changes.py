"""Each row's step changes on a contract with its own step rule (#30: ``membership.step_changes``), asked once
per distinct (hire date, start, end) and kept from chunk to chunk: what is kept answers as the rule answers
afresh, whatever keys came before; a step that falls is refused."""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import paycalc
from paycalc.membership import step_changes
from paycalc.rules import steps

EXAMPLE = Path(__file__).parent.parent / "examples" / "hourly-local"  # steps each July 1, a freeze
HOURLY = paycalc.load_contract(EXAMPLE)
FIRST = datetime.date(2023, 7, 1).toordinal()

DAYS = st.integers(0, 1100)  # days into the example's term


def _rows(data: list[tuple[int, int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    hired = np.array([FIRST - 4000 + h * 4 for h, _, _ in data], dtype=np.int64)
    start = np.array([FIRST + s for _, s, _ in data], dtype=np.int64)
    end = start + np.array([e for _, _, e in data], dtype=np.int64)
    return hired, start, end


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1000), DAYS, st.integers(0, 3)), min_size=1, max_size=30), st.data())
def test_what_is_kept_answers_as_the_rule_answers_afresh(rows: list[tuple[int, int, int]], data: st.DataObject) -> None:
    """Rows one day apart (keys one apart) come in several chunks through one memory."""
    known: step_changes.Known = {}
    for _ in range(3):
        chunk = data.draw(st.lists(st.sampled_from(rows), min_size=1, max_size=12))
        hired, start, end = _rows(chunk)
        kept = step_changes.of_rows(HOURLY, known, hired, start, end)
        fresh = step_changes.of_rows(HOURLY, {}, hired, start, end)
        for a, b in zip(kept, fresh, strict=True):
            assert (a == b).all()
        for n in range(len(hired)):  # and as the scalar rule itself answers, row by row
            day = datetime.date.fromordinal
            first, changed = steps.changes(HOURLY, day(int(hired[n])), day(int(start[n])), day(int(end[n])))
            assert kept[0][n] == first
            moves = [(d.toordinal(), t) for d, t in sorted(changed.items())]
            assert [
                (int(d), int(t)) for d, t in zip(kept[1][n], kept[2][n], strict=True) if d != step_changes.NEVER
            ] == moves


def test_a_step_that_falls_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernel's edges take the highest tier reached: a fall is left to the row-by-row path."""
    monkeypatch.setattr(steps, "changes", lambda *_: (3, {datetime.date(2024, 7, 1): 2}))
    hired, start, end = _rows([(1, 2, 3)])
    with pytest.raises(step_changes.Falling):
        step_changes.of_rows(HOURLY, {}, hired, start, end)


def test_a_row_ending_the_day_before_a_step_is_not_answered_with_one_ending_on_it() -> None:
    """Keys one apart: the same member to June 30 and to July 1 (a step day); kept, each is its own."""
    hired = np.array([datetime.date(2020, 1, 15).toordinal()] * 2, dtype=np.int64)  # step 3, 4 on July 1
    start = np.array([datetime.date(2025, 6, 1).toordinal()] * 2, dtype=np.int64)
    end = np.array([datetime.date(2025, 7, 1).toordinal(), datetime.date(2025, 6, 30).toordinal()], dtype=np.int64)
    known: step_changes.Known = {}
    step_changes.of_rows(HOURLY, known, hired[:1], start[:1], end[:1])  # the one to July 1 first
    _, moves, _ = step_changes.of_rows(HOURLY, known, hired[1:], start[1:], end[1:])
    assert (moves == step_changes.NEVER).all()  # no step inside June
    _, moves, _ = step_changes.of_rows(HOURLY, known, hired[:1], start[:1], end[:1])
    assert moves[0][0] == datetime.date(2025, 7, 1).toordinal()
