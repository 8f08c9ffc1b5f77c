"""Output: tables, charts, JSON/CSV records, spreadsheets, the HTML report, and writing files safely.

Imports :mod:`paycalc.membership`, :mod:`paycalc.rules` and :mod:`paycalc.contract`.
"""
