"""Roster jobs: a whole roster file read, priced and written, below the API and the command line.

``retro_roster`` reads a roster (CSV, .xlsx or stdin), chooses the engine (in columns, in processes, for a plain
CSV; row by row for every other shape), shows progress on a terminal and writes one total per id, all or nothing;
``cost_roster`` opens a costing roster. Notes for a person go to a ``say`` callback; failures are
:class:`~paycalc.contract.errors.PaycalcError`s whose text names the file, line or cell.
"""
