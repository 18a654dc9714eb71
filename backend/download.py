"""Verified, cached downloads: sha256 checked on every use, atomic writes, shared safely."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from filelock import FileLock

from .errors import BuildError
from .log import Log

CHUNK = 1 << 16
TIMEOUT_SECONDS = 60


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


def cache_lock(path: Path) -> FileLock:
    """A lock beside the cached file, so that concurrent builds download it once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(path) + ".lock", timeout=600)


@contextmanager
def staged_folder(final: Path) -> Iterator[Path]:
    """A temporary sibling of `final` to fill; renamed to `final` (replacing it) only if the block succeeds, and
    removed whatever happens: a cache folder is complete or absent. Call under cache_lock(final)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
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
    """Download `url` to `dest` through a temporary file; `dest` appears only if verified."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=dest.name + ".", suffix=".part", dir=dest.parent)
    temp = Path(temp_name)
    digest = hashlib.sha256()
    try:
        with os.fdopen(handle, "wb") as out:
            try:
                response = urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS)
            except (urllib.error.URLError, OSError) as exc:
                raise BuildError(f"Download of {url} failed: {exc}.",
                                 "Check the network or the index, or build offline from a cached or local sdist "
                                 "(-C upstream-sdist=PATH).") from exc
            with response:
                length = response.headers.get("Content-Length")
                progress = log.progress(f"downloading {dest.name}", int(length) if length else None)
                try:
                    for block in iter(lambda: response.read(CHUNK), b""):
                        out.write(block)
                        digest.update(block)
                        progress.update(len(block))
                except OSError as exc:
                    raise BuildError(f"Download of {url} broke off: {exc}.") from exc
                finally:
                    progress.finish()
        actual = digest.hexdigest()
        if actual != sha256:
            raise BuildError(f"sha256 mismatch for {url}: expected {sha256}, got {actual}.",
                             "The index served a different file than the pinned one; nothing was kept.")
        os.replace(temp, dest)
    finally:
        temp.unlink(missing_ok=True)
