"""Verified, cached downloads: sha256 checked on every use, written through files.atomic_file under
files.cache_lock (re-exported here for callers)."""
from __future__ import annotations

import hashlib
import http.client
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import BinaryIO

from ..errors import BuildError
from ..files import OTHER_CACHE, atomic_file, cache_error, cache_lock, staged_folder, writable  # noqa: F401 (callers' names)
from ..log import Log
from . import net

CHUNK = 1 << 16
TIMEOUT_SECONDS = net.READ_TIMEOUT
# A download slower than MIN_RATE bytes/s over RATE_WINDOW seconds is abandoned (and tried again): a
# server trickling a byte now and then never trips the per-read timeout. Read at call time (tests).
MIN_RATE = 1024
RATE_WINDOW = 60.0


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_file(path: Path, sha256: str) -> None:
    actual = file_sha256(path)
    if actual != sha256:
        raise BuildError(f"sha256 mismatch for {path}: expected {sha256}, got {actual}.",
                         "The file is not the pinned one: delete it, or point at the right file.")


def cached_verified(path: Path, sha256: str, log: Log) -> bool:
    """True if `path` holds the pinned file; a wrong file is removed (never trusted)."""
    if not path.is_file():
        return False
    actual = file_sha256(path)
    if actual == sha256:
        return True
    log.warn(f"Cached {path.name} has sha256 {actual}, expected {sha256}: removing it.")
    path.unlink()
    return False


def download(url: str, dest: Path, sha256: str, log: Log) -> None:
    """Download `url` to `dest` through a temporary file; `dest` appears only if verified. Transient
    failures (refused, reset, timeouts, 5xx, cut short, slower than MIN_RATE) are tried again."""
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cache_error(dest.parent, exc) from exc
    try:
        net.with_retries(lambda: _transfer(url, dest, sha256, log), f"download of {dest.name}", log.warn)
    except (net.Failed, urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        reason = str(exc) if isinstance(exc, net.Failed) else net.describe(exc)
        raise BuildError(f"Download of {url} failed: {reason}.",
                         "Check the network or the index, or build offline from a cached or local sdist "
                         "(-C upstream-sdist=PATH).") from exc


def _transfer(url: str, dest: Path, sha256: str, log: Log) -> None:
    digest = hashlib.sha256()
    with atomic_file(dest, on_error=cache_error) as temp:
        with temp.open("wb") as out:
            with urllib.request.urlopen(url, timeout=net.READ_TIMEOUT) as response:
                length = response.headers.get("Content-Length", "")
                expected = int(length) if length.strip().isdigit() else None
                progress = log.progress(f"downloading {dest.name}", expected)
                try:
                    received = _copy(response, out, digest, progress.update, temp)
                finally:
                    progress.finish()
        if expected is not None and received < expected:
            raise net.Transient(f"the connection closed after {received} of {expected} bytes")
        actual = digest.hexdigest()
        if actual != sha256:
            raise BuildError(f"sha256 mismatch for {url}: expected {sha256}, got {actual}.",
                             "The index served a different file than the pinned one; nothing was kept.")


def _copy(response: BinaryIO, out: BinaryIO, digest: "hashlib._Hash", update, temp: Path) -> int:
    """Copy the body, checking the rate every RATE_WINDOW seconds; returns the bytes received."""
    # read1 returns what has arrived (at most CHUNK): read() would wait for a whole CHUNK, so a trickle
    # would never come back to the rate check.
    read = getattr(response, "read1", response.read)
    min_rate, window = MIN_RATE, RATE_WINDOW
    received = window_bytes = 0
    window_start = time.monotonic()
    while True:
        block = read(CHUNK)
        if not block:
            return received
        try:
            out.write(block)
        except OSError as exc:  # a full disk is no network failure: not tried again
            raise BuildError(f"Cannot write {temp}: {exc.strerror or exc}.",
                             f"Free space in {temp.parent}, or {OTHER_CACHE}.") from exc
        digest.update(block)
        update(len(block))
        received += len(block)
        window_bytes += len(block)
        now = time.monotonic()
        if now - window_start >= window:
            if window_bytes < min_rate * (now - window_start):
                raise net.Transient(f"{window_bytes} bytes in {now - window_start:.0f} s, slower than the "
                                    f"minimum of {min_rate} bytes/s")
            window_start, window_bytes = now, 0
