"""The only code that reads schedule and proposal files: find a folder, validate it, and cache the result.

Validating means importing PyYAML and pydantic, which costs more than the whole pay calculation. So a
valid folder's :class:`Contract` is cached in the user's cache folder as JSON: data only, which cannot
run code; so is a proposal checked against a contract (its entry sealed with the proposal's bytes and the
contract's JSON). An entry carries a SHA-256 digest over its own content, the source files' bytes,
paycalc's version and Python's version; an entry that fails any check (or a sanity check of its rates) is
ignored and rebuilt. ``PAYCALC_CACHE_DIR`` moves the cache; set it empty to turn caching off.
"""

from __future__ import annotations

import os
import stat
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from paycalc._version import __version__
from paycalc.contract.errors import Problem, ScheduleError
from paycalc.contract.models import Contract

if TYPE_CHECKING:
    from collections.abc import Callable

    from paycalc.contract.models import Proposal

T = TypeVar("T")

FOLDER_HINT = "a schedules folder holds contract.yaml and one YAML file per effective date"
MAX_FILE_BYTES = 1 << 20  # a schedule file is a few kilobytes


def bundled_folder(name: str = "schedules") -> Path:
    """A folder shipped with paycalc: the NYC DOE - UFT paraprofessional schedules, or the proposals."""
    installed = Path(__file__).parents[1] / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / name  # a source checkout: src/paycalc/contract/../../../<name>


# The contracts shipped with paycalc: short name -> folder (in the wheel, beside this package's code).
BUNDLED_CONTRACTS = {
    "nyc-paras": "schedules",
    "lunenburg-paras": "contracts/lunenburg-paras",
    "lunenburg-paras-posted": "contracts/lunenburg-paras-posted",
}
DEFAULT_CONTRACT = "nyc-paras"


def bundled_contract(name: str) -> Path:
    """A bundled contract's folder by its short name (any case); raises :class:`InputError` naming the others."""
    from paycalc.contract.errors import InputError

    folder = BUNDLED_CONTRACTS.get(name.strip().lower())
    if folder is None:
        known = ", ".join(BUNDLED_CONTRACTS)
        what = "is empty" if not name.strip() else "is not a bundled contract"
        raise InputError(f"--contract {name!r} {what} (one of: {known}; 'paycalc contracts' lists them)")
    return bundled_folder(folder)


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, opened without blocking (a FIFO or device is refused, never waited on).

    Raises ``OSError`` with a ``strerror`` that says what is wrong in words.
    """
    import errno

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            exc.strerror = "a symbolic link to a file that does not exist"
        elif exc.errno == errno.ELOOP:
            exc.strerror = "a symbolic link that loops"
        raise
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = file.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit // 1024} KiB")
    return data


def _read_folder(folder: Path) -> list[tuple[str, bytes]]:
    def fail(message: str) -> ScheduleError:
        return ScheduleError([Problem(str(folder), "", message)], str(folder))

    try:
        if not folder.is_dir():
            raise fail(f"{'is not a folder' if folder.exists() else 'no such folder'} ({FOLDER_HINT})")
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror} ({FOLDER_HINT})") from None
    files, problems = [], []
    for name in names:
        if not name.endswith((".yaml", ".yml")):
            continue
        try:
            files.append((name, read_regular(folder / name)))
        except OSError as exc:
            problems.append(Problem(str(folder / name), "", f"cannot be read: {exc.strerror}"))
    if problems:
        raise ScheduleError(problems, str(folder))
    return files


def check_folder(folder: str | os.PathLike[str]) -> tuple[Contract | None, list[Problem]]:
    """Validate a folder from scratch (no cache): the contract, or every problem found."""
    path = Path(folder)
    try:
        files = _read_folder(path)
    except ScheduleError as exc:
        return None, list(exc.problems)
    from paycalc.contract import schema

    return schema.build(path, files)


def _cache_dir() -> Path | None:
    configured = os.environ.get("PAYCALC_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "paycalc"


def _sha256(data: bytes = b"") -> Any:
    """SHA-256 from Python's own module where there is one: loading OpenSSL for hashlib costs 5 ms a start."""
    try:
        from _sha256 import sha256  # type: ignore[import-not-found, unused-ignore]
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import sha256
    return sha256(data)


def _sources_digest(folder: Path, files: list[tuple[str, bytes]]) -> str:
    """What an entry must have been built from: the files' names and bytes, paycalc's and Python's versions."""
    digest = _sha256(f"{__version__}\0{sys.version}\0{folder}\0".encode())
    for name, content in files:
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return str(digest.hexdigest())


def _sealed(sources: str, content: str) -> str:
    return str(_sha256(f"{sources}\0{content}".encode()).hexdigest())


def _cached(path: Path, sources: str, decode: Callable[[str], T]) -> T | None:
    try:
        digest, _, content = read_regular(path, 16 * MAX_FILE_BYTES).decode().partition("\n")
        if digest != _sealed(sources, content):
            return None
        return decode(content)
    except Exception:  # missing, unreadable, not ours, or tampered with: validate again
        return None


def _store(path: Path, sources: str, content: str) -> None:
    """Write the cache entry atomically; a cache that cannot be written is simply not used."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(f"{_sealed(sources, content)}\n{content}")
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


@lru_cache(maxsize=16)
def _load(absolute: Path, folder: Path) -> Contract:
    import zlib

    files = _read_folder(folder)
    sources = _sources_digest(absolute, files)
    cache_dir = _cache_dir()
    entry = cache_dir / f"contract-{zlib.crc32(str(absolute).encode()):08x}.json" if cache_dir else None
    from paycalc.contract import cache_format

    if entry is not None and (contract := _cached(entry, sources, cache_format.decode)) is not None:
        return contract
    from paycalc.contract import schema

    contract, problems = schema.build(folder, files)
    if contract is None:
        raise ScheduleError(problems, str(folder))
    if entry is not None:
        _store(entry, sources, cache_format.encode(contract))
    return contract


def load_contract(folder: str | os.PathLike[str] | None = None) -> Contract:
    """Load and validate a schedules folder (default: the bundled one); raises :class:`ScheduleError`.

    A folder is read once per process: a long-running program that edits schedule files should
    validate them with :func:`check_folder`.
    """
    path = bundled_folder() if folder is None else Path(folder)
    return _load(path.absolute(), path)


def bundled_proposals() -> list[Path]:
    """The example proposals shipped with paycalc (``paycalc propose --examples`` lists them)."""
    folder = bundled_folder("proposals")
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def find_proposal(name: str | os.PathLike[str]) -> Path:
    """A proposal file by its path, or a bundled example by its name (with or without ``.yaml``)."""
    path = Path(name)
    if path.exists() or os.path.islink(path):
        return path
    for example in bundled_proposals():
        if str(name) in (example.name, example.stem):
            return example
    examples = ", ".join(p.stem for p in bundled_proposals()) or "none"
    raise ScheduleError(
        [Problem(str(name), "", f"no such proposal file (a YAML proposal file, or a bundled example: {examples})")]
    )


def read_proposal(path: str | os.PathLike[str], contract: Contract) -> Proposal:
    """A proposal file read and checked against ``contract``; raises :class:`ScheduleError` naming file and key.

    Applying it is a rule (:func:`paycalc.rules.proposal.apply`); :func:`paycalc.load_proposal` does both.
    """
    import zlib

    from paycalc.contract import cache_format, proposal_cache

    file = find_proposal(path)
    try:
        text = read_regular(file)
    except OSError as exc:
        raise ScheduleError([Problem(str(path), "", f"cannot be read: {exc.strerror}")]) from None
    cache_dir = _cache_dir()
    entry = cache_dir / f"proposal-{zlib.crc32(str(file.absolute()).encode()):08x}.json" if cache_dir else None
    # what it was checked against, as it was named: the file's bytes, the contract, paycalc's and Python's versions
    named = f"{__version__}\0{sys.version}\0{path}\0{file.absolute()}\0{len(text)}\0".encode()
    sources = "" if entry is None else str(_sha256(named + text + cache_format.encode(contract).encode()).hexdigest())
    if entry is not None and (spec := _cached(entry, sources, proposal_cache.decode)) is not None:
        return spec
    from paycalc.contract import proposal_schema

    spec, problems = proposal_schema.build(str(path), text, contract)
    if spec is None:
        raise ScheduleError(problems, lister=f"paycalc propose {path}")
    if entry is not None:
        _store(entry, sources, proposal_cache.encode(spec))
    return spec
