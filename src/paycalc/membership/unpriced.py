"""The columns' refusal, in a module of its own: what imports it (the roster job, before it knows whether a
roster goes through the columns) does not import numpy with it."""

from __future__ import annotations


class Unpriced(Exception):
    """These rows are for the scalar path: it prices them, or names the row in error."""
