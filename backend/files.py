"""File safety in one place: whatever a build writes appears whole or not at all, and concurrent builds
sharing a cache make each entry once.

- atomic_file: a temporary sibling renamed over the final file only when complete;
- staged_folder: the same for a folder;
- cache_lock: a lock beside a cache entry (the holder named to a waiting build, a killed build's leftovers
  swept, a read-only cache used without a lock);
- cached_folder: lock, reuse when complete (its marker file), else stage and replace;
- check_safe_name (inputs/archive.py): archive member names that stay inside the extraction folder."""
from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from .errors import BuildError
from .inputs.archive import check_safe_name  # noqa: F401 (one name check for tar, zip and 7z)
from .log import Log

if TYPE_CHECKING:  # filelock is imported where a lock is taken: the standard-library commands use this module too
    from filelock import FileLock

# How long a build waits for another one holding the same cache entry: long, since building OpenCV from
# source under its lock takes many minutes on a small machine; the wait is reported every LOCK_NOTICE s.
LOCK_TIMEOUT = 3600.0
LOCK_NOTICE = 30.0
OTHER_CACHE = "give another cache folder: -C cache-dir=PATH (or FFCV_BUILD_CACHE_DIR=PATH)"


@contextmanager
def atomic_file(final: Path, *, prefix: str | None = None, suffix: str = ".part", mode: int | None = None,
                on_error: Callable[[Path, OSError], BuildError] | None = None) -> Iterator[Path]:
    """A temporary sibling of `final` to write; renamed to `final` only if the block succeeds (with `mode`, else
    mkstemp's private one), and removed whatever happens. OSErrors of making or renaming it become
    on_error(path, exc) when given."""
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f"{final.name}." if prefix is None else prefix, suffix=suffix,
                                             dir=final.parent)
    except OSError as exc:
        if on_error is None:
            raise
        raise on_error(final.parent, exc) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        try:
            if mode is not None:
                os.chmod(temp, mode)
            os.replace(temp, final)
        except OSError as exc:
            if on_error is None:
                raise
            raise on_error(final, exc) from exc
    finally:
        temp.unlink(missing_ok=True)


def writable(folder: Path) -> bool:
    """Whether this process may create files in `folder` (its effective user, as for the files themselves)."""
    if os.access in os.supports_effective_ids:
        return os.access(folder, os.W_OK, effective_ids=True)
    return os.access(folder, os.W_OK)


def _read_only_error(exc: OSError) -> bool:
    return isinstance(exc, PermissionError) or exc.errno == errno.EROFS


def _not_a_folder(path: Path) -> bool:
    try:
        return path.exists() and not path.is_dir()
    except OSError:  # a parent we may not look into
        return False


def cache_error(path: Path, exc: OSError) -> BuildError:
    """One clear message for a cache path that cannot be used: which path, what is wrong, what to do."""
    blocker = next((p for p in (path, *path.parents) if _not_a_folder(p)), None)
    if blocker is not None and (blocker != path or isinstance(exc, (FileExistsError, NotADirectoryError))):
        return BuildError(f"The cache path {blocker} is a file, where a folder is needed.",
                          f"Remove or rename {blocker}, or {OTHER_CACHE}.")
    if isinstance(exc, IsADirectoryError):
        return BuildError(f"The cache holds a folder at {path}, where it keeps a file.",
                          f"Remove {path} (the build makes it again), or {OTHER_CACHE}.")
    if _read_only_error(exc):
        return BuildError(f"The cache at {path} is not {'usable' if _not_a_folder(path) else 'writable'} "
                          f"({exc.strerror}).",
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
    from filelock import FileLock

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
    from filelock import Timeout

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


@contextmanager
def cached_folder(final: Path, marker: str, log: Log | None = None) -> Iterator[Path | None]:
    """Under cache_lock(final): None if `final` is complete (holds `marker`), else a staging folder to fill,
    which replaces `final` (and whatever was there without a marker) when the block succeeds. The block
    writes `marker` last; a staging folder without it is an error, never published."""
    with cache_lock(final, log):
        if (final / marker).is_file():
            yield None
            return
        with staged_folder(final) as staging:
            yield staging
            if not (staging / marker).is_file():
                raise BuildError(f"{final.name}: the staged folder lacks its marker {marker}; not kept.")
