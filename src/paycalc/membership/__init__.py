"""A membership: the roster stream, retro and costing over rosters, their sums, pricing in several processes.

Imports :mod:`paycalc.rules` and :mod:`paycalc.contract`.
"""
