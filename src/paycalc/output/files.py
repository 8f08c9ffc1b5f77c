"""Reading and writing the user's own files (rosters in, results out), as a careful Unix tool does.

- An output is written to a temporary file beside it and moved into place only when complete; on an
  error, Ctrl-C, SIGTERM or SIGHUP the temporary file is removed and the old file is untouched.
- An output that is a symbolic link is written through to its target; the link stays.
- Only regular files are replaced: a device, folder or pipe is refused, and so is a read-only file
  (even for root) and a file that is one of the inputs.
- A new file gets the mode the umask gives (0644 under the usual umask 022); a replaced file keeps its mode.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from paycalc.contract.errors import InputError

SPREADSHEET_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula: a leading ' before = + - @ tab or CR."""
    return "'" + text if text.startswith(SPREADSHEET_TRIGGERS) else text


class Interrupted(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like Ctrl-C does, so temporary files are removed."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


@contextmanager
def signals_unwind() -> Iterator[None]:
    """While inside, SIGTERM, SIGHUP and SIGINT raise :class:`Interrupted` (main thread only)."""

    def handler(signum: int, frame: Any) -> None:
        raise Interrupted(signum)

    previous = {}
    try:
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            if hasattr(signal, name):
                previous[getattr(signal, name)] = signal.signal(getattr(signal, name), handler)
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")  # --output names that mean stdout


def check_output(output: str, inputs: Sequence[str] = ()) -> Path:
    """The real path to write ``output`` to, or :class:`InputError` saying why it must not be replaced."""
    if output in STDOUT_NAMES:
        return Path("-")
    target = Path(os.path.realpath(output))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise InputError(f"cannot write {output}: its folder {target.parent} does not exist") from None
        return target
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"will not replace {output}: it is not a regular file (give a file path, or '-' for stdout)")
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(f"will not replace {output}: it is read-only (make it writable, or give another path)")
    for source in inputs:
        if source != "-" and _identity(source) == (info.st_dev, info.st_ino):
            raise InputError(f"will not write {output}: it is the input {source} (give another output path)")
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _new_file_mode() -> int:
    return 0o666 & ~_umask()


_ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


@contextmanager
def temporary(prefix: str, suffix: str, folder: str | None = None) -> Iterator[tuple[int, str]]:
    """A new temporary file (its descriptor and path), removed when the block ends however it ends (unless
    moved away first). It is made with SIGTERM, SIGHUP and SIGINT held: one that arrives while the file is
    made waits until the block has begun, so it cannot leave the file behind."""
    import tempfile
    import threading

    held = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _ENDING) if held else None
    try:
        fd, path = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    except BaseException:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        raise
    try:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal held arrives here, inside the block
        yield fd, path
    finally:
        with suppress(FileNotFoundError):  # moved into place
            os.unlink(path)


def write_atomically(output: str, write: Callable[[IO[Any]], None], *, binary: bool = False) -> None:
    """Write with ``write`` into a temporary file and move it into place (or copy it to stdout for '-')
    only once ``write`` has finished: a failed or interrupted run leaves nothing behind."""
    import shutil
    import tempfile

    mode = "w+b" if binary else "w+"
    encoding = None if binary else "utf-8"
    if output in STDOUT_NAMES:
        with signals_unwind(), tempfile.TemporaryFile(mode, encoding=encoding, newline=None if binary else "") as spool:
            write(spool)
            spool.seek(0)
            if binary:
                shutil.copyfileobj(spool, sys.stdout.buffer)
            elif sys.stdout.isatty():  # a user's text (an id, a name) never drives the terminal
                from paycalc.output.render import visible

                for line in spool:
                    sys.stdout.write(visible(line))
            else:
                shutil.copyfileobj(spool, sys.stdout)
        return
    target = check_output(output)
    keep = os.stat(target).st_mode & 0o7777 if target.exists() else _new_file_mode()
    with signals_unwind(), temporary(f".{target.name}.", ".tmp", str(target.parent)) as (fd, tmp):
        with os.fdopen(fd, "wb" if binary else "w", encoding=encoding, newline=None if binary else "") as out:
            write(out)
        os.chmod(tmp, keep)
        os.replace(tmp, target)


def write_folder(folder: str, files: dict[str, str], *, force: bool = False) -> None:
    """Write a folder of text files all at once: built beside it, then swapped into place.

    A folder that exists and holds anything is refused unless ``force``, and even then unless it is a
    paycalc schedules folder: regular ``.yaml`` files only, ``contract.yaml`` among them, no subfolder.
    Then the old folder is renamed aside, the new one renamed into its place, and only then the old one
    removed: at every moment the path holds the old folder whole or the new one whole.
    """
    import shutil
    import tempfile

    target = Path(folder)
    existing = target.exists() or target.is_symlink()
    if existing and (target.is_symlink() or not target.is_dir()):
        what = "a symbolic link" if target.is_symlink() else "a file"
        raise InputError(f"will not write the folder {folder}: it is {what} (give a folder path)")
    entries = list(os.scandir(target)) if existing else []
    if entries and not force:
        raise InputError(f"will not write into {folder}: it is not empty (give an empty or new folder, or --force)")
    strangers = [
        e.name for e in entries if not (e.is_file(follow_symlinks=False) and e.name.endswith((".yaml", ".yml")))
    ]
    if strangers or (entries and "contract.yaml" not in {e.name for e in entries}):
        what = f"it holds {strangers[0]!r}" if strangers else "it has no contract.yaml"
        raise InputError(
            f"will not replace {folder}: {what}, so it is not a paycalc schedules folder (--force replaces only those)"
        )
    parent = target.absolute().parent
    if not parent.is_dir():
        raise InputError(f"cannot write {folder}: its folder {parent} does not exist")
    with signals_unwind():
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp"))
        aside = None
        try:
            for name, text in files.items():
                (staging / name).write_text(text, encoding="utf-8")
                os.chmod(staging / name, _new_file_mode())
            os.chmod(staging, (os.stat(target).st_mode & 0o7777) if existing else 0o777 & ~_umask())
            if existing:
                aside = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".old"))
                os.rename(target, aside / "folder")
                try:
                    os.rename(staging, target)
                except BaseException:
                    os.rename(aside / "folder", target)  # put the old folder back whole
                    raise
            else:
                os.rename(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            if (aside is not None and not (aside / "folder").exists()) or (aside is not None and target.exists()):
                shutil.rmtree(aside, ignore_errors=True)
