"""SIGTERM (CI cancellation, timeout(1), `kill`) as an exception, so that the build unwinds: `finally`
blocks and context managers remove `*.part` downloads, staging folders and the work folder. Python's
default for SIGTERM ends the process at once and leaves them behind. Standard library only."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

EXIT_CODE = 128 + 15  # what a shell reports for a process ended by SIGTERM


class Terminated(BaseException):
    """Raised in the main thread on SIGTERM (SIGHUP too); a BaseException, so no `except Exception` eats it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.name = signal.Signals(signum).name


@contextmanager
def terminate_by_exception() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise Terminated. Further signals are ignored from then
    on, so that the cleanup they asked for is not cut short by a second one."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # A signal already ignored (nohup) stays ignored.
    names = [name for name in ("SIGTERM", "SIGHUP")
             if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) is not signal.SIG_IGN]
    if not names:
        yield
        return

    def handler(signum: int, frame: object) -> None:
        for name in names:
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        raise Terminated(signum)

    previous = {name: signal.signal(getattr(signal, name), handler) for name in names}
    try:
        yield
    finally:
        for name, old in previous.items():
            signal.signal(getattr(signal, name), old)
