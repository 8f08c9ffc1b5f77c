"""Why the columns declined a roster, for ``-v`` to say: each place that leaves a roster to the row-by-row (or
member-by-member) path gives its reason here, and the job says the last one given."""

from __future__ import annotations

_reasons: list[str] = []


def clear() -> None:
    """A new job: no reason yet."""
    _reasons.clear()


def decline(reason: str) -> bool:
    """Keep ``reason`` (what the columns cannot read, in a user's words); False, for ``return decline(...)``."""
    _reasons.append(reason)
    return False


def last() -> str:
    """The last reason given (the one that sent the roster row by row)."""
    return _reasons[-1] if _reasons else "the columns declined it"
