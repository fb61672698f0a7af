"""Stopping a conversion that runs too long, cleanly, with a ConversionError.

In the main thread of a POSIX process an interval timer interrupts the work
where it is (all of pressconv's work is Python code, so the signal is seen
quickly); elsewhere the work runs in a child process that is killed at the
deadline.  Output is written atomically after the work, so a stopped
conversion leaves nothing behind.
"""

from __future__ import annotations

import signal
import threading
from typing import Any, Callable, TypeVar

from .errors import ConversionError

T = TypeVar("T")


class _Expired(BaseException):
    """Raised inside the work by the timer; BaseException so no ``except Exception`` eats it."""


def call_with_timeout(seconds: float | None, work: Callable[..., T], *args: Any,
                      what: str = "conversion", **kwargs: Any) -> T:
    """``work(*args, **kwargs)``, or ConversionError after ``seconds`` (None: no limit)."""
    if not seconds:
        return work(*args, **kwargs)
    if seconds < 0:
        raise ValueError("timeout must be positive")
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        return _with_timer(seconds, work, args, kwargs, what)
    return _in_child_process(seconds, work, args, kwargs, what)


def _with_timer(seconds: float, work: Callable[..., T], args: tuple, kwargs: dict, what: str) -> T:
    def expire(signum: int, frame: Any) -> None:
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work(*args, **kwargs)
    except _Expired:
        raise ConversionError("%s stopped after the time limit of %g s" % (what, seconds),
                              hint="raise the limit with --timeout / timeout=, or check the "
                                   "input for pathological size") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_child_process(seconds: float, work: Callable[..., T], args: tuple, kwargs: dict,
                      what: str) -> T:
    import concurrent.futures as futures
    import multiprocessing

    pool = futures.ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        return pool.submit(work, *args, **kwargs).result(timeout=seconds)
    except futures.TimeoutError:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        raise ConversionError("%s stopped after the time limit of %g s" % (what, seconds),
                              hint="raise the limit with --timeout / timeout=") from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
