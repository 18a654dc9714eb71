"""Pinned files from the package index: local copy, cache or download, always sha256-verified."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..context import BuildContext
from ..errors import BuildError
from . import download, index


def local_candidates(ctx: BuildContext, filename: str) -> list[Path]:
    """Where the `local-files` setting offers `filename`: an entry with that name, or that name inside an
    entry that is a folder (a mirror on disk). An entry that does not exist is an error, not skipped."""
    found = []
    for path in ctx.settings.local_files:
        if path.is_dir():
            if (path / filename).exists():
                found.append(path / filename)
        elif not path.exists():
            raise BuildError(f"local-files names {path}, which does not exist.",
                             "Name existing files, or folders holding them (a mirror).")
        elif path.name == filename:
            found.append(path)
    return found


def local_copy(ctx: BuildContext, filename: str, sha256: str) -> Path | None:
    """`filename` from the `local-files` setting, verified."""
    for path in local_candidates(ctx, filename):
        if not path.is_file():
            raise BuildError(f"local-files: {path} is not a file.", f"Put the pinned {filename} there.")
        download.verify_file(path, sha256)
        return path
    return None


def cached_path(ctx: BuildContext, kind: str, filename: str) -> Path:
    return ctx.cache_dir / kind / filename


def is_cached(ctx: BuildContext, kind: str, filename: str, sha256: str) -> bool:
    cached = cached_path(ctx, kind, filename)
    return cached.is_file() and download.file_sha256(cached) == sha256


def fetch_from_index(ctx: BuildContext, kind: str, project: str, filename: str, sha256: str) -> Path:
    """`filename` of `project` on the package index, through the cache (kind: the cache subfolder)."""

    def locate() -> str:
        if ctx.settings.index_url:  # the setting replaces pip's index settings
            return index.find_file_url([ctx.settings.index_url], project, filename, warn=ctx.log.warn)
        pip = index.pip_sources(dict(os.environ))
        return index.find_file_url([] if pip.no_index else pip.index_urls, project, filename, pip.find_links,
                                   pip.no_index, warn=ctx.log.warn)

    return _fetch(ctx, kind, filename, sha256, locate)


def fetch_url(ctx: BuildContext, kind: str, url: str, filename: str, sha256: str) -> Path:
    """A file pinned by URL (not on the package index), through the cache like fetch_from_index."""
    return _fetch(ctx, kind, filename, sha256, lambda: url)


def _fetch(ctx: BuildContext, kind: str, filename: str, sha256: str, locate: Callable[[], str]) -> Path:
    log = ctx.log
    local = local_copy(ctx, filename, sha256)
    if local is not None:
        log.info(f"{kind}: {local} (local file, sha256 verified)")
        return local
    cached = cached_path(ctx, kind, filename)
    # Entries appear only complete (by rename), so a verified one is used without the lock: a read-only
    # cache holding everything works, and a build waits only for files still being downloaded.
    try:
        if cached.is_file() and download.file_sha256(cached) == sha256:
            log.info(f"{kind}: {cached} (cached, sha256 verified)")
            return cached
    except OSError as exc:
        raise download.cache_error(cached, exc) from exc
    if cached.is_dir():
        raise download.cache_error(cached, IsADirectoryError(21, "Is a directory", str(cached)))
    with download.cache_lock(cached, log):
        if download.cached_verified(cached, sha256, log):
            log.info(f"{kind}: {cached} (cached, sha256 verified)")
            return cached
        if ctx.settings.offline:
            raise BuildError(f"offline=true and {filename} is not in the cache ({cached.parent}).",
                             "Run once with the network (python -m backend fetch), or name a local copy or "
                             "a folder holding it (-C local-files=PATH).")
        if not download.writable(cached.parent):  # before asking any index
            raise BuildError(f"The cache folder {cached.parent} is read-only, and {filename} is not in it.",
                             "Fill the cache once where it is writable (python -m backend fetch -C "
                             f"cache-dir=...), or {download.OTHER_CACHE}.")
        url = locate()
        log.info(f"{kind}: downloading {url}")
        download.download(url, cached, sha256, log)
        log.ok(f"{kind}: {filename} downloaded and verified ({cached.stat().st_size // 1024} KiB)")
        return cached
