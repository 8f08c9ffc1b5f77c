"""The pure pay rules: tiers and steps, pay terms, pay periods, raises, inflation, proposals, retro.

No I/O, no clock, no printing. Imports only :mod:`paycalc.contract`.
"""
