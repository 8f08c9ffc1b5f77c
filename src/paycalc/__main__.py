"""``python -m paycalc``: the same as the ``paycalc`` command."""

from paycalc.cli import main

main()
