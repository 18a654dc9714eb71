"""Stage: get FFCV's released sdist (bundled, local, cached or downloaded), always sha256-verified."""
from __future__ import annotations

import os
from pathlib import Path

from . import download, index
from .context import BuildContext
from .errors import BuildError


def needs_network(ctx: BuildContext) -> bool:
    """True if fetching the upstream sdist would go to the index (so pip's settings are needed)."""
    pin = ctx.upstream
    if ctx.settings.upstream_sdist or ctx.settings.offline or ctx.bundled_sdist.is_file():
        return False
    cached = ctx.cache_dir / "upstream" / pin.filename
    return not (cached.is_file() and download.file_sha256(cached) == pin.sha256)


def upstream_sdist(ctx: BuildContext) -> Path:
    """Path of the verified upstream sdist."""
    pin, log = ctx.upstream, ctx.log
    if ctx.settings.upstream_sdist is not None:
        local = ctx.settings.upstream_sdist
        if not local.is_file():
            raise BuildError(f"upstream-sdist {local} does not exist.")
        download.verify_file(local, pin.sha256)
        log.info(f"upstream: {local} (local file, sha256 verified)")
        return local
    if ctx.bundled_sdist.is_file():
        download.verify_file(ctx.bundled_sdist, pin.sha256)
        log.info(f"upstream: {pin.filename} bundled in this sdist (sha256 verified)")
        return ctx.bundled_sdist

    cached = ctx.cache_dir / "upstream" / pin.filename
    with download.cache_lock(cached):
        if download.cached_verified(cached, pin.sha256, log):
            log.info(f"upstream: {cached} (cached, sha256 verified)")
            return cached
        if ctx.settings.offline:
            raise BuildError(f"offline=true and {pin.filename} is not in the cache ({cached.parent}).",
                             "Run once with the network (python -m backend fetch), or pass -C upstream-sdist=PATH.")
        index_urls = [ctx.settings.index_url] if ctx.settings.index_url else index.pip_index_urls(dict(os.environ))
        url = index.find_file_url(index_urls, pin.project, pin.filename)
        log.info(f"upstream: downloading {url}")
        download.download(url, cached, pin.sha256, log)
        log.ok(f"upstream: {pin.filename} downloaded and verified ({cached.stat().st_size // 1024} KiB)")
        return cached
