"""The files a command reads, so that ``--output`` never replaces one of them."""

from paycalc.contract.errors import PaycalcError
from paycalc.contract.models import Contract


def input_files(contract: Contract, proposals: list[str], *others: str) -> list[str]:
    """Every file a command reads, for ``--output`` never to replace one: its roster (``others``), its proposal
    files, and its contract's schedule files."""
    import os

    from paycalc.contract.loader import find_proposal

    found = [name for name in others if name and name != "-"]
    for name in proposals:
        try:
            found.append(str(find_proposal(name)))
        except PaycalcError:
            continue
    folder = contract.folder
    if folder and os.path.isdir(folder):
        found += [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.endswith((".yaml", ".yml"))]
    return found
