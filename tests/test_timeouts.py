"""A time limit stops work cleanly with a ConversionError."""

from __future__ import annotations

import threading
import time

import pytest

from pressconv.errors import ConversionError
from pressconv.timeouts import call_with_timeout


def spin(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "done"


def test_work_within_the_limit_returns_its_value():
    assert call_with_timeout(5, spin, 0.01) == "done"


def test_no_limit_means_no_timer():
    assert call_with_timeout(None, spin, 0.01) == "done"


def test_work_over_the_limit_is_stopped_in_the_main_thread():
    started = time.monotonic()
    with pytest.raises(ConversionError, match="time limit of 0.2 s"):
        call_with_timeout(0.2, spin, 30)
    assert time.monotonic() - started < 10  # stopped, not run to the end (30 s)


def test_work_over_the_limit_is_stopped_in_another_thread_too():
    errors = []

    def run():
        try:
            call_with_timeout(1, time.sleep, 30)
        except ConversionError as error:
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(25)
    assert not thread.is_alive() and len(errors) == 1
