"""The only code that reads schedule files: find a folder, validate it, and cache the result.

Validating means importing PyYAML and pydantic, which costs more than the whole pay calculation. So a
valid folder's :class:`Contract` is cached in the user's cache folder with the folder's path, paycalc's
version, Python's version and every file's name and bytes: any edit to a file, or a new paycalc,
validates again. ``PAYCALC_CACHE_DIR`` moves the cache; set it empty to turn caching off.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from paycalc import __version__
from paycalc.errors import Problem, ScheduleError
from paycalc.models import Contract

FOLDER_HINT = "a schedules folder holds contract.yaml and one YAML file per effective date"


def bundled_folder() -> Path:
    """The NYC DOE - UFT paraprofessional schedules shipped with paycalc."""
    installed = Path(__file__).parent / "schedules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "schedules"  # a source checkout: src/paycalc/../../schedules


def _read_folder(folder: Path) -> list[tuple[str, bytes]]:
    if not folder.exists():
        raise ScheduleError([Problem(str(folder), "", f"no such folder ({FOLDER_HINT})")], str(folder))
    if not folder.is_dir():
        raise ScheduleError([Problem(str(folder), "", f"is not a folder ({FOLDER_HINT})")], str(folder))
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    try:
        return [(p.name, p.read_bytes()) for p in paths]
    except OSError as exc:
        raise ScheduleError([Problem(str(folder), "", f"cannot be read: {exc.strerror}")], str(folder)) from None


def check_folder(folder: str | os.PathLike[str]) -> tuple[Contract | None, list[Problem]]:
    """Validate a folder from scratch (no cache): the contract, or every problem found."""
    path = Path(folder)
    try:
        files = _read_folder(path)
    except ScheduleError as exc:
        return None, list(exc.problems)
    from paycalc import schema

    return schema.build(path, files)


def _cache_dir() -> Path | None:
    configured = os.environ.get("PAYCALC_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "paycalc"


def _fingerprint(folder: Path, files: list[tuple[str, bytes]]) -> tuple[object, ...]:
    return (__version__, sys.version, str(folder), tuple(files))


def _cached(path: Path, fingerprint: tuple[object, ...]) -> Contract | None:
    try:
        stored_fingerprint, contract = pickle.loads(path.read_bytes())
    except Exception:  # missing, unreadable, or written by something else: validate again
        return None
    return contract if stored_fingerprint == fingerprint and isinstance(contract, Contract) else None


def _store(path: Path, fingerprint: tuple[object, ...], contract: Contract) -> None:
    """Write the cache entry atomically; a cache that cannot be written is simply not used."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump((fingerprint, contract), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


@lru_cache(maxsize=16)
def _load(absolute: Path, folder: Path) -> Contract:
    files = _read_folder(folder)
    fingerprint = _fingerprint(absolute, files)
    cache_dir = _cache_dir()
    entry = cache_dir / f"contract-{zlib.crc32(str(absolute).encode()):08x}.pickle" if cache_dir else None
    if entry is not None and (contract := _cached(entry, fingerprint)) is not None:
        return contract
    from paycalc import schema

    contract, problems = schema.build(folder, files)
    if contract is None:
        raise ScheduleError(problems, str(folder))
    if entry is not None:
        _store(entry, fingerprint, contract)
    return contract


def load_contract(folder: str | os.PathLike[str] | None = None) -> Contract:
    """Load and validate a schedules folder (default: the bundled one); raises :class:`ScheduleError`.

    A folder is read once per process: a long-running program that edits schedule files should
    validate them with :func:`check_folder`.
    """
    path = bundled_folder() if folder is None else Path(folder)
    return _load(path.absolute(), path)
