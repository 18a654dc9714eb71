"""Verified, cached downloads: sha256 checked on every use, atomic writes, shared safely."""
from __future__ import annotations

import errno
import hashlib
import http.client
import os
import re
import shutil
import socket
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from filelock import FileLock, Timeout

from . import net
from .errors import BuildError
from .log import Log

CHUNK = 1 << 16
TIMEOUT_SECONDS = net.READ_TIMEOUT
# A download slower than MIN_RATE bytes/s over RATE_WINDOW seconds is abandoned (and tried again): a
# server trickling a byte now and then never trips the per-read timeout. Read at call time (tests).
MIN_RATE = 1024
RATE_WINDOW = 60.0
# How long a build waits for another one holding the same cache entry: long, since building OpenCV from
# source under its lock takes many minutes on a small machine; the wait is reported every LOCK_NOTICE s.
LOCK_TIMEOUT = 3600.0
LOCK_NOTICE = 30.0
OTHER_CACHE = "give another cache folder: -C cache-dir=PATH (or FFCV_BUILD_CACHE_DIR=PATH)"


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


def writable(folder: Path) -> bool:
    """Whether this process may create files in `folder` (its effective user, as for the files themselves)."""
    if os.access in os.supports_effective_ids:
        return os.access(folder, os.W_OK, effective_ids=True)
    return os.access(folder, os.W_OK)


def _read_only_error(exc: OSError) -> bool:
    return isinstance(exc, PermissionError) or exc.errno == errno.EROFS


def cache_error(path: Path, exc: OSError) -> BuildError:
    """One clear message for a cache path that cannot be used: which path, what is wrong, what to do."""
    blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None and (blocker != path or isinstance(exc, (FileExistsError, NotADirectoryError))):
        return BuildError(f"The cache path {blocker} is a file, where a folder is needed.",
                          f"Remove or rename {blocker}, or {OTHER_CACHE}.")
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return BuildError(f"The cache holds a folder at {path}, where it keeps a file.",
                          f"Remove {path} (the build makes it again), or {OTHER_CACHE}.")
    if _read_only_error(exc):
        return BuildError(f"The cache at {path} is not writable ({exc.strerror}).",
                          f"Fix its permissions, or {OTHER_CACHE}.")
    return BuildError(f"Cannot use the cache at {path}: {exc.strerror or exc}.", f"Fix it, or {OTHER_CACHE}.")


# Temporary names next to a cache entry `name`: mkstemp's download files and mkdtemp's staging folders
# (8 random characters from tempfile's alphabet). Exact patterns: another entry's files never match.
def _stale_patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(re.escape(name) + r"\.[a-z0-9_]{8}\.part"),
            re.compile(r"\." + re.escape(name) + r"\.[a-z0-9_]{8}"))


def sweep_stale(path: Path, log: Log | None = None) -> None:
    """Remove what a killed build left of `path` (`*.part` downloads, staging folders). Only under
    cache_lock(path): whoever else could be writing them holds that lock."""
    part, staging = _stale_patterns(path.name)
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if part.fullmatch(entry.name) or staging.fullmatch(entry.name):
            if log is not None:
                log.info(f"removing {entry.path}, left by a build that was killed")
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                Path(entry.path).unlink(missing_ok=True)


def _owner_file(path: Path) -> Path:
    return Path(str(path) + ".lock.owner")


def _lock_owner(path: Path) -> str:
    """'pid N' (and host) of the build holding the lock, as it wrote it; 'pid unknown' if not (yet) written."""
    try:
        pid, _, host = _owner_file(path).read_text(encoding="utf-8").strip().partition(" ")
    except OSError:
        return "pid unknown"
    if not pid.isdigit():
        return "pid unknown"
    return f"pid {pid}" + (f" on {host}" if host and host != socket.gethostname() else "")


@contextmanager
def _unlocked_read_only(path: Path) -> Iterator[None]:
    """A cache folder we cannot write: what it holds is complete (entries appear only by rename), so it is
    read without a lock; anything the block would have to write becomes one clear error."""
    try:
        yield
    except OSError as exc:
        if not _read_only_error(exc):
            raise
        raise BuildError(f"The cache folder {path.parent} is read-only, and {path.name} is not ready in it "
                         f"({exc.strerror}: {exc.filename}).",
                         "Fill the cache once where it is writable (python -m backend fetch -C cache-dir=...), "
                         f"or {OTHER_CACHE}.") from exc


@contextmanager
def cache_lock(path: Path, log: Log | None = None, timeout: float | None = None) -> Iterator[None]:
    """A lock beside the cached file or folder `path`, so that concurrent builds make it once. A wait is
    reported with the holder's pid; stale leftovers of killed builds are swept once the lock is ours. A
    read-only cache folder is used without a lock (nothing can change it)."""
    log = log if log is not None else Log()
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    lock_path = Path(str(path) + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cache_error(path.parent, exc) from exc
    if not writable(path.parent):
        with _unlocked_read_only(path):
            yield
        return
    lock = FileLock(str(lock_path))
    _acquire(lock, lock_path, path, log, timeout)
    try:
        try:
            _owner_file(path).write_text(f"{os.getpid()} {socket.gethostname()}\n", encoding="utf-8")
        except OSError:
            pass  # only used to name us to a waiting build
        sweep_stale(path, log)
        yield
    finally:
        _owner_file(path).unlink(missing_ok=True)
        lock.release()


def _acquire(lock: FileLock, lock_path: Path, path: Path, log: Log, timeout: float) -> None:
    start = time.monotonic()
    notice = min(LOCK_NOTICE, timeout) if timeout > 0 else LOCK_NOTICE
    first = True
    while True:
        waited = time.monotonic() - start
        try:
            lock.acquire(timeout=0 if first else max(0.0, min(notice, timeout - waited)))
            return
        except Timeout:
            pass
        except OSError as exc:
            raise cache_error(lock_path, exc) from exc
        waited = time.monotonic() - start
        owner = _lock_owner(path)
        if waited >= timeout:
            raise BuildError(f"Gave up after {waited:.0f} s waiting for another build ({owner}) that holds "
                             f"{lock_path}.",
                             "If that build is stuck, stop it and run again; if no build is running, delete "
                             f"{lock_path}.")
        log.info(f"waiting for another build of {path.name} ({owner}) to finish with it" +
                 ("" if first else f" ({waited:.0f} s so far)"))
        first = False


@contextmanager
def staged_folder(final: Path) -> Iterator[Path]:
    """A temporary sibling of `final` to fill; renamed to `final` (replacing it) only if the block succeeds, and
    removed whatever happens: a cache folder is complete or absent. Call under cache_lock(final)."""
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    except OSError as exc:
        raise cache_error(final.parent, exc) from exc
    try:
        yield staging
        if final.exists():
            shutil.rmtree(final)
        os.replace(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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
    try:
        handle, temp_name = tempfile.mkstemp(prefix=dest.name + ".", suffix=".part", dir=dest.parent)
    except OSError as exc:
        raise cache_error(dest.parent, exc) from exc
    temp = Path(temp_name)
    digest = hashlib.sha256()
    try:
        with os.fdopen(handle, "wb") as out:
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
        try:
            os.replace(temp, dest)
        except OSError as exc:
            raise cache_error(dest, exc) from exc
    finally:
        temp.unlink(missing_ok=True)


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
