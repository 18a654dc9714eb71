"""Labelled log lines ([INFO], [-OK-], [WARN], [ERROR]), coloured on a terminal."""
from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Iterator, TextIO

_COLOURS = {"INFO": "\033[36m", "-OK-": "\033[32m", "WARN": "\033[33m", "ERROR": "\033[31m"}
_RESET = "\033[0m"
# A download still running after this many seconds gets a line with its rate this often (not on a terminal,
# where the one line is redrawn): a slow transfer shows that it moves.
PROGRESS_INTERVAL = 15.0


def colour_wanted(stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    if "NO_COLOR" in environ or "NOCOLOR" in environ:
        return False
    return hasattr(stream, "isatty") and stream.isatty()


class Log:
    """Writes to stderr: build frontends show it, and stdout stays free for hook results."""

    def __init__(self, stream: TextIO | None = None, colour: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.colour = colour_wanted(self.stream) if colour is None else colour

    def _line(self, label: str, message: str) -> None:
        tag = f"[{label}]"
        if self.colour:
            tag = f"{_COLOURS[label]}{tag}{_RESET}"
        for line in str(message).splitlines() or [""]:
            self.stream.write(f"{tag} {line}\n")
        self.stream.flush()

    def info(self, message: str) -> None:
        self._line("INFO", message)

    def ok(self, message: str) -> None:
        self._line("-OK-", message)

    def warn(self, message: str) -> None:
        self._line("WARN", message)

    def error(self, message: str) -> None:
        self._line("ERROR", message)

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Announce a pipeline stage and report its duration."""
        self.info(f"{name} ...")
        start = time.monotonic()
        yield
        self.ok(f"{name} ({time.monotonic() - start:.1f} s)")

    def progress(self, label: str, total: int | None) -> "Progress":
        return Progress(self, label, total)


class Progress:
    """Download progress: a rewritten line on a terminal; otherwise a line per quarter, and a line with the
    rate every PROGRESS_INTERVAL seconds for a slow download."""

    def __init__(self, log: Log, label: str, total: int | None) -> None:
        self.log, self.label, self.total = log, label, total
        self.done = 0
        self._next_quarter = 1
        self._last_draw = 0.0
        self._start = self._last_line = time.monotonic()

    def update(self, amount: int) -> None:
        self.done += amount
        now = time.monotonic()
        if self.log.colour:
            if now - self._last_draw > 0.1:
                self._last_draw = now
                self.log.stream.write(f"\r[INFO] {self.label}: {self._text()}, {self._rate(now)}")
                self.log.stream.flush()
            return
        quarter_line = False
        if self.total:
            while self._next_quarter <= 4 and self.done * 4 >= self.total * self._next_quarter:
                self._next_quarter += 1
                quarter_line = True
        if quarter_line:
            self._last_line = now
            self.log.info(f"{self.label}: {self._text()}")
        elif now - self._last_line >= PROGRESS_INTERVAL:
            self._last_line = now
            self.log.info(f"{self.label}: {self._text()}, {self._rate(now)} (slow)")

    def finish(self) -> None:
        if self.log.colour:
            self.log.stream.write("\r\033[K")
            self.log.stream.flush()

    def _text(self) -> str:
        if self.total:
            return f"{_size(self.done)} of {_size(self.total)} ({100 * self.done // self.total}%)"
        return _size(self.done)

    def _rate(self, now: float) -> str:
        return f"{_size(int(self.done / max(now - self._start, 1e-3)))}/s"


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count // 1024} KiB"
    return f"{count / (1024 * 1024):.1f} MiB"
