"""Work in other processes, with the standard library's pool, results in the order asked.

:class:`Ordered` hands items to a :class:`concurrent.futures.ProcessPoolExecutor` of ``jobs - 1``
processes (started fresh, not forked, so no thread of this process is copied), each holding a copy of
the *worker* (anything with a ``run(item)`` method, sent once), and runs an item itself whenever each
process has two waiting: while the processes start (a fresh Python importing numpy, about 0.3 s) this
one works, and no process waits on another. With one job everything runs here. At most ``4 x jobs``
items are out at once, so memory follows the item, not the input. The workers ignore Ctrl-C, SIGTERM
and SIGHUP: this process handles them, cancels what is queued and waits for the items being worked on
(a fraction of a second) before it unwinds, so no process is left behind; and on Linux each worker ends
when this process does, even by ``kill -9`` (``PR_SET_PDEATHSIG``). A worker that dies raises
:class:`WorkerDied`, never a hang or a dropped item.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from paycalc.contract.errors import WorkerDied

if TYPE_CHECKING:  # imported when a pool starts: with one job (a short roster) they cost 16 ms for nothing
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["Ordered", "WorkerDied", "cores", "each"]

T = TypeVar("T")
_worker: Worker | None = None  # in a process of the pool: its copy of the worker


class Worker(Protocol):
    def run(self, item: Any) -> Any: ...


def cores() -> int:
    """The cores this process may run on (its CPU affinity), not the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_SIGNALS = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


@contextmanager
def _held() -> Iterator[None]:
    """Signals held back while the pool starts, feeds or stops its processes, then handled as usual: a
    handler that raises never cuts a process's start in two. They are blocked in this thread (a process
    started meanwhile begins with them blocked, until :func:`_start` ignores them) and, should another
    thread take one, only noted until the end."""
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    before = {signum: signal.signal(signum, lambda signum, _: noted.append(signum)) for signum in _SIGNALS}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for signum, handler in before.items():
            signal.signal(signum, handler)
        for signum in dict.fromkeys(noted):
            signal.raise_signal(signum)


@contextmanager
def _main_unread() -> Iterator[None]:
    """A process started fresh imports the parent's main script again, when it was run by its path
    (multiprocessing's rule): paycalc's is its console script, which imports the CLI and typer, about
    40 ms of each process's start, for nothing a worker uses. The script's path is hidden while the pool
    starts its processes, as in an interactive session (``python -m paycalc`` is never imported again)."""
    import sys

    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or getattr(main, "__spec__", None) is not None:
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


def _start(worker: Worker, parent: int) -> None:
    global _worker
    for signum in _SIGNALS:
        signal.signal(signum, signal.SIG_IGN)  # the parent stops the pool; a worker never half-answers
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
    _end_with(parent)
    _worker = worker
    import atexit

    atexit.register(_without_teardown)


def _without_teardown() -> None:
    """A worker's last step once the pool sends it away, its every result sent and its output flushed (by
    multiprocessing, as a process ends): it ends at once, not through the interpreter's teardown (every module and
    object freed one by one: 30 to 40 ms of a long roster's end, as this process waits for it)."""
    os._exit(0)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _end_with(parent: int) -> None:
    """This process ends when ``parent`` does, however it ends (``kill -9`` too): Linux sends it SIGKILL, which it
    cannot ignore. Had the parent already ended before this was asked, it ends now."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the pool's own pipes are all there is
        return
    if os.getppid() != parent:
        os._exit(1)


def _run(item: Any) -> Any:
    assert _worker is not None
    return _worker.run(item)


class Ordered(Generic[T]):
    """Items in, results out in the order they went in; ``with`` it so its processes end with it.

    With ``jobs`` of 2 or more, ``jobs - 1`` processes are started; this process takes an item itself
    when every other has two waiting (it would otherwise wait)."""

    def __init__(self, worker: Worker, jobs: int) -> None:
        self.worker = worker
        self.jobs = jobs
        self._executor: ProcessPoolExecutor | None = None
        self._out: deque[tuple[T, Future[Any], bool]] = deque()  # along, result, sent to a process

    def __enter__(self) -> Ordered[T]:
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            with _held():
                self._executor = ProcessPoolExecutor(
                    self.jobs - 1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(self.worker, os.getpid()),
                )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            with _held():
                self._executor.shutdown(wait=True, cancel_futures=True)

    def put(self, item: Any, along: T) -> Iterator[tuple[T, Any]]:
        """Queue ``item`` (with ``along``, given back with its result); yields the results now due, in order."""
        if self._executor is None:
            yield along, self.worker.run(item)
            return
        waiting = sum(1 for _, future, sent in self._out if sent and not future.done())
        if waiting < 2 * (self.jobs - 1):
            with _held(), _main_unread():  # a process started here is whole before a signal is handled
                self._out.append((along, self._executor.submit(_run, item), True))
        else:
            from concurrent.futures import Future

            here: Future[Any] = Future()
            try:
                here.set_result(self.worker.run(item))
            except Exception as exc:  # raised in order, as a worker's would be
                here.set_exception(exc)
            self._out.append((along, here, False))
        while self._out and (len(self._out) > 4 * self.jobs or self._out[0][1].done()):
            yield self._next()

    def rest(self) -> Iterator[tuple[T, Any]]:
        """The results still out, in order."""
        while self._out:
            yield self._next()

    def _next(self) -> tuple[T, Any]:
        from concurrent.futures.process import BrokenProcessPool

        along, future, _ = self._out.popleft()
        try:
            return along, future.result()
        except BrokenProcessPool:
            raise WorkerDied("a pricing process stopped before it answered (--jobs 1 prices in this process)") from None


def each(pool: Ordered[T], items: Iterator[tuple[Any, T]], then: Callable[[T, Any], None]) -> None:
    """Run every item through ``pool`` and hand each result, in order, to ``then``."""
    for item, along in items:
        for done in pool.put(item, along):
            then(*done)
    for done in pool.rest():
        then(*done)
