"""Pinned files from the package index: local copy, cache or download, always sha256-verified."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from . import download, index
from .context import BuildContext
from .errors import BuildError


def local_copy(ctx: BuildContext, filename: str, sha256: str) -> Path | None:
    """A file named by the `local-files` setting (a mirror on disk), verified."""
    for path in ctx.settings.local_files:
        if path.name == filename:
            if not path.is_file():
                raise BuildError(f"local-files names {path}, which does not exist.")
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
        index_urls = [ctx.settings.index_url] if ctx.settings.index_url else index.pip_index_urls(dict(os.environ))
        return index.find_file_url(index_urls, project, filename)

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
    with download.cache_lock(cached):
        if download.cached_verified(cached, sha256, log):
            log.info(f"{kind}: {cached} (cached, sha256 verified)")
            return cached
        if ctx.settings.offline:
            raise BuildError(f"offline=true and {filename} is not in the cache ({cached.parent}).",
                             "Run once with the network (python -m backend fetch), or name a local copy "
                             "(-C local-files=PATH).")
        url = locate()
        log.info(f"{kind}: downloading {url}")
        download.download(url, cached, sha256, log)
        log.ok(f"{kind}: {filename} downloaded and verified ({cached.stat().st_size // 1024} KiB)")
        return cached
