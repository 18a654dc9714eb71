"""Network reads shared by the index lookup and the downloads: what counts as a transient failure, and
retries with backoff for those (as pip's and cibuildwheel's downloads do). Standard library only."""
from __future__ import annotations

import http.client
import time
import urllib.error
from typing import Callable, TypeVar

T = TypeVar("T")

# Seconds without a byte before a read gives up (the socket timeout of every request).
READ_TIMEOUT = 60.0
# Waits before the second and third attempt; read at call time, so tests can shorten them.
RETRY_DELAYS: tuple[float, ...] = (1.0, 4.0)
# Answers a server gives when it may succeed a moment later.
TRANSIENT_HTTP = frozenset({408, 425, 429, 500, 502, 503, 504})


class Transient(Exception):
    """A failure worth another attempt that no library exception describes (a transfer cut short, too slow)."""


class Failed(Exception):
    """The last attempt failed; the message says why (and after how many attempts)."""


def describe(exc: BaseException) -> str:
    """A short reason for a network failure, without the exception's class names."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        return getattr(reason, "strerror", None) or str(reason)
    if isinstance(exc, http.client.IncompleteRead):
        return f"the connection closed early, after {len(exc.partial)} bytes"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(exc, TimeoutError):
        return f"no data for {READ_TIMEOUT:g} s"
    return str(exc) or type(exc).__name__


def is_transient(exc: BaseException) -> bool:
    """Connection refused or reset, timeouts, DNS hiccups, 5xx/429 answers and transfers cut short; not
    404s, local files that are missing, URLs urllib cannot read, or our own BuildErrors."""
    if isinstance(exc, Transient):
        return True
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code in TRANSIENT_HTTP
    if isinstance(exc, urllib.error.URLError):
        # A string reason is urllib's own complaint about the URL ("unknown url type"); missing local files
        # (file:// URLs) do not come back either.
        return isinstance(exc.reason, OSError) and not isinstance(
            exc.reason, (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError))
    return isinstance(exc, (ConnectionError, TimeoutError, http.client.HTTPException)) or (
        type(exc) is OSError)


def with_retries(attempt: Callable[[], T], what: str, warn: Callable[[str], None] | None = None) -> T:
    """`attempt()`, run again after RETRY_DELAYS while it fails transiently. Any other exception passes
    through; the last transient failure becomes Failed."""
    delays = RETRY_DELAYS
    attempts = len(delays) + 1
    for number in range(attempts):
        try:
            return attempt()
        except Exception as exc:  # noqa: BLE001 - sorted into transient and not below
            if not is_transient(exc):
                raise
            if number == attempts - 1:
                after = f" (after {attempts} attempts)" if attempts > 1 else ""
                raise Failed(describe(exc) + after) from exc
            if warn is not None:
                warn(f"{what}: {describe(exc)}; trying again in {delays[number]:g} s "
                     f"(attempt {number + 2} of {attempts})")
            time.sleep(delays[number])
    raise AssertionError("unreachable")
