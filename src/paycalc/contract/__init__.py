"""The contract: reading schedule and proposal folders (strict YAML, schema, cache) into frozen models.

Imports nothing from paycalc but itself (and ``paycalc._version``).
"""
