"""Labelled log lines ([INFO], [-OK-], [WARN], [ERROR]), coloured on a terminal."""
from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Iterator, TextIO

_COLOURS = {"INFO": "\033[36m", "-OK-": "\033[32m", "WARN": "\033[33m", "ERROR": "\033[31m"}
_RESET = "\033[0m"


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
    """Download progress: a rewritten line on a terminal, a line per quarter otherwise."""

    def __init__(self, log: Log, label: str, total: int | None) -> None:
        self.log, self.label, self.total = log, label, total
        self.done = 0
        self._next_quarter = 1
        self._last_draw = 0.0

    def update(self, amount: int) -> None:
        self.done += amount
        if self.log.colour:
            now = time.monotonic()
            if now - self._last_draw > 0.1:
                self._last_draw = now
                self.log.stream.write(f"\r[INFO] {self.label}: {self._text()}")
                self.log.stream.flush()
        elif self.total:
            while self._next_quarter <= 4 and self.done * 4 >= self.total * self._next_quarter:
                self.log.info(f"{self.label}: {self._text()}")
                self._next_quarter += 1

    def finish(self) -> None:
        if self.log.colour:
            self.log.stream.write("\r\033[K")
            self.log.stream.flush()

    def _text(self) -> str:
        done_kb = self.done // 1024
        if self.total:
            return f"{done_kb} of {self.total // 1024} KiB ({100 * self.done // self.total}%)"
        return f"{done_kb} KiB"
