"""Worker processes for batch conversion, a hard stop for stuck files, a progress line.

Each job runs under :func:`pressconv.timeouts.call_with_timeout` inside its
worker, which stops Python code at the limit.  Code the timer cannot
interrupt (a long call inside a C extension) is caught here: every worker
reports when it starts a job, and a job still running a few seconds past its
limit has its worker killed.  That breaks the process pool, so the jobs that
were running beside it are started again in a fresh pool; only the stuck
file fails.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from typing import Any, Callable, TextIO

# multiprocessing and concurrent.futures (~8 ms of imports) are imported inside
# _context and _round: converting a single file, or using only Progress, never needs them.

GRACE = 3.0  #: seconds past the time limit before a worker is killed
MAX_TRIES = 3  #: a job whose worker died this often fails

_started: Any = None  # in a worker: where to say which job begins


def _init_worker(queue: Any) -> None:
    global _started
    _started = queue
    # Ctrl-C goes to the whole process group; the parent alone decides what to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(index: int, job: Any, timeout: float | None, runner: Callable) -> Any:
    if _started is not None:
        _started.put((index, os.getpid()))
    return runner(job, timeout)


def _context() -> Any:
    import multiprocessing

    # fork: workers start in milliseconds and inherit loaded writers and registered plug-ins
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def run_parallel(jobs: list, timeout: float | None, workers: int,
                 runner: Callable[[Any, float | None], Any], done: Callable[[Any], None]) -> None:
    """Run ``runner(job, timeout)`` for every job in ``workers`` processes; ``done(outcome)`` each."""
    pending = list(enumerate(jobs))
    tries: dict[int, int] = {}
    while pending:
        pending = _round(pending, timeout, workers, runner, done, tries)


def _round(pending: list, timeout: float | None, workers: int, runner: Callable,
           done: Callable, tries: dict[int, int]) -> list:
    """One process pool; returns the jobs to run again because a worker died beside them."""
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from .batch import Outcome

    context = _context()
    # read only while watching the time limit; unread, its pipe would fill and block workers
    queue = context.SimpleQueue() if timeout else None
    pool = ProcessPoolExecutor(min(workers, len(pending)), mp_context=context,
                               initializer=_init_worker, initargs=(queue,))
    futures: dict[Future, tuple[int, Any]] = {
        pool.submit(_work, index, job, timeout, runner): (index, job) for index, job in pending}
    started: dict[int, tuple[int, float]] = {}  # job index → (worker pid, start)
    again: list = []
    waiting = set(futures)
    try:
        while waiting:
            finished, waiting = wait(waiting, timeout=0.2 if timeout else None,
                                     return_when=FIRST_COMPLETED)
            while queue is not None and not queue.empty():
                index, pid = queue.get()
                started[index] = (pid, time.monotonic())
            for future in finished:
                index, job = futures[future]
                try:
                    done(future.result())
                except BrokenProcessPool:
                    if index in started or queue is None:  # it ran when the worker died
                        tries[index] = tries.get(index, 0) + 1
                    if tries.get(index, 0) >= MAX_TRIES:
                        done(Outcome(job.source, error="%s: the worker process died converting "
                                     "it (a crash or out of memory)" % job.source))
                    else:
                        again.append((index, job))
            if timeout:
                now = time.monotonic()
                for future in [f for f in waiting if futures[f][0] in started]:
                    index, job = futures[future]
                    pid, since = started[index]
                    if now - since > timeout + GRACE:
                        _kill(pid)
                        waiting.discard(future)
                        done(Outcome(job.source, error="%s: conversion stopped after the time "
                                     "limit of %g s (its worker was killed)" % (job.source, timeout)))
    except BaseException:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return again


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Progress:
    """A one-line progress bar on a terminal; messages are printed above it."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.done = self.failed = 0
        self.start = time.monotonic()
        self._shown = False  # the bar is on the screen
        self._last = 0.0  # when it was last drawn

    def say(self, line: str) -> None:
        """Print a message line (the bar, if shown, is redrawn below it)."""
        self._clear()
        print(line, file=self.stream)
        self._draw(force=True)

    def advance(self, failed: bool = False) -> None:
        """Count one finished job."""
        self.done += 1
        self.failed += failed
        self._draw(force=self.done == self.total)

    def close(self) -> None:
        """Remove the bar."""
        self._clear()

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self._shown = False

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self._last < 0.1):
            return
        rate = self.done / max(now - self.start, 1e-6)
        text = " %d/%d  %d failed  %.1f files/s" % (self.done, self.total, self.failed, rate)
        size = max(10, min(40, shutil.get_terminal_size().columns - len(text) - 3))
        filled = size * self.done // max(self.total, 1)
        self.stream.write("\r[%s%s]%s" % ("#" * filled, "-" * (size - filled), text))
        self.stream.flush()
        self._shown, self._last = True, now
