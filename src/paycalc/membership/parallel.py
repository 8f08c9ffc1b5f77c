"""A long roster priced on two processor cores: every other batch of rows goes to a forked worker.

The worker is a fork of paycalc itself (the contract and every cache come with it), so nothing but
rows and results crosses: rows to it, results back, through two pipes, pickled. Results come back in
the rows' order, exactly as pricing them one by one gives them; only the time differs.

- Used only where ``os.fork`` exists and this process may run on two or more cores (its CPU affinity,
  not the machine's count), and only for a roster that fills the worker's first batch (1,000 rows): a
  shorter one is priced in the one process.
- The worker ignores Ctrl-C (the terminal sends it to both): paycalc stops it. It reads until its
  pipe closes, so it ends with paycalc however paycalc ends; it never writes a file, and leaves by
  ``os._exit``, so nothing of paycalc's (a half-written output, buffered text) runs twice.
- If the worker fails (killed, out of memory), paycalc prices its batch itself and goes on alone.

This is I/O and process control, so it lives at the edge; :mod:`paycalc.membership.roster` only takes a mapper.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

Item = TypeVar("Item")
BATCH = 500  # rows this process prices at a time; the worker takes twice as many, as this process
# also reads the rows, checks ids, sums the totals and writes them: so both cores are busy about equally


class _Worker:
    def __init__(self, price: Callable[[Any], Any]) -> None:
        worker_reads, paycalc_writes = os.pipe()
        paycalc_reads, worker_writes = os.pipe()
        try:
            self.pid = os.fork()
        except OSError:
            for fd in (worker_reads, paycalc_writes, paycalc_reads, worker_writes):
                os.close(fd)
            raise
        if self.pid == 0:  # the worker
            os.close(paycalc_writes)
            os.close(paycalc_reads)
            _serve(price, worker_reads, worker_writes)
        os.close(worker_reads)
        os.close(worker_writes)
        self._send = os.fdopen(paycalc_writes, "wb")
        self._receive = os.fdopen(paycalc_reads, "rb")

    def send(self, batch: list[Any]) -> None:
        pickle.dump(batch, self._send, protocol=pickle.HIGHEST_PROTOCOL)
        self._send.flush()

    def receive(self) -> list[Any]:
        results: list[Any] = pickle.load(self._receive)
        return results

    def stop(self) -> None:
        for stream in (self._send, self._receive):
            with contextlib.suppress(OSError):
                stream.close()
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)


def _serve(price: Callable[[Any], Any], read_fd: int, write_fd: int) -> None:
    """The worker's whole life: price each batch it is sent, until its pipe closes; then leave."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for name in ("SIGTERM", "SIGHUP"):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        with os.fdopen(read_fd, "rb") as source, os.fdopen(write_fd, "wb") as sink:
            while True:
                try:
                    batch = pickle.load(source)
                except EOFError:
                    break
                pickle.dump([price(item) for item in batch], sink, protocol=pickle.HIGHEST_PROTOCOL)
                sink.flush()
    except BaseException:  # a closed pipe, a signal, anything: paycalc carries on without it
        status = 1
    os._exit(status)


class _Raised:
    """An exception that pricing an item raised, held until the items before it have been handed on."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def _price_all(price: Callable[[Any], Any], batch: list[Any]) -> list[Any]:
    """The batch priced; if an item raises, the results up to it and then the exception, held."""
    try:
        return [price(item) for item in batch]
    except Exception:
        results: list[Any] = []
        for item in batch:
            try:
                results.append(price(item))
            except Exception as exc:
                results.append(_Raised(exc))
                break
        return results


def _hand_on(batch: list[Any], results: list[Any]) -> Iterator[tuple[Any, Any]]:
    for item, result in zip(batch, results, strict=False):  # results stop early at a held exception
        if isinstance(result, _Raised):
            raise result.error
        yield item, result


class _Helper:
    """The worker as paycalc sees it: batches handed over and collected; if it fails, paycalc prices them."""

    def __init__(self, price: Callable[[Any], Any]) -> None:
        self.price = price
        self.worker: _Worker | None = None
        with contextlib.suppress(OSError):  # no pipe or process to be had: this process prices it all
            self.worker = _Worker(price)

    def hand_over(self, batch: list[Any]) -> bool:
        if self.worker is not None:
            try:
                self.worker.send(batch)
                return True
            except OSError:
                self.stop()
        return False

    def collect(self, batch: list[Any], handed_over: bool) -> list[Any]:
        if handed_over and self.worker is not None:
            try:
                results = self.worker.receive()
                if len(results) == len(batch):
                    return results
            except (OSError, EOFError, pickle.UnpicklingError):
                pass
            self.stop()
        return _price_all(self.price, batch)

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None


def _usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, as ``taskset`` sets it), not the machine's."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def in_two_processes(price: Callable[[Item], Any], items: Iterable[Item]) -> Iterator[tuple[Item, Any]]:
    """Each item with ``price(item)``, in order; batches alternate between a worker and this process.

    The worker prices one batch while this process prices the next and then hands on the results of
    both (so the reading, checking and writing around them overlap with the worker's next batch).
    """
    rows = iter(items)
    theirs = list(islice(rows, 2 * BATCH))
    if len(theirs) < 2 * BATCH or not hasattr(os, "fork") or _usable_cores() < 2:
        for item in theirs:
            yield item, price(item)
        for item in rows:
            yield item, price(item)
        return
    helper = _Helper(price)
    try:
        handed_over = helper.hand_over(theirs)
        while theirs:
            mine = list(islice(rows, BATCH))
            priced_mine = _price_all(price, mine)
            priced_theirs = helper.collect(theirs, handed_over)
            following = list(islice(rows, 2 * BATCH))
            handed_over = bool(following) and helper.hand_over(following)
            yield from _hand_on(theirs, priced_theirs)
            yield from _hand_on(mine, priced_mine)
            theirs = following
    finally:
        helper.stop()
