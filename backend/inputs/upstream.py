"""Stage: get FFCV's released sdist (bundled, local, cached or downloaded), always sha256-verified."""
from __future__ import annotations

from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from . import download, fetch

CACHE_KIND = "upstream"


def needs_network(ctx: BuildContext) -> bool:
    """True if fetching the upstream sdist would go to the index (so pip's settings are needed)."""
    pin = ctx.upstream
    if ctx.settings.upstream_sdist or ctx.settings.offline or ctx.bundled_sdist.is_file():
        return False
    if fetch.local_candidates(ctx, pin.filename):
        return False
    return not fetch.is_cached(ctx, CACHE_KIND, pin.filename, pin.sha256)


def upstream_sdist(ctx: BuildContext) -> Path:
    """Path of the verified upstream sdist."""
    pin, log = ctx.upstream, ctx.log
    if ctx.settings.upstream_sdist is not None:
        local = ctx.settings.upstream_sdist
        if local.is_dir():
            inside = local / pin.filename
            raise BuildError(f"upstream-sdist {local} is a folder; it names the sdist file itself.",
                             f"Use -C upstream-sdist={inside}" + ("" if inside.is_file() else
                                                                  f" (the pinned file, {pin.filename})") +
                             f", or -C local-files={local} to take it from the folder.")
        if not local.is_file():
            raise BuildError(f"upstream-sdist {local} does not exist.")
        download.verify_file(local, pin.sha256)
        log.info(f"upstream: {local} (local file, sha256 verified)")
        return local
    if ctx.bundled_sdist.is_file():
        download.verify_file(ctx.bundled_sdist, pin.sha256)
        log.info(f"upstream: {pin.filename} bundled in this sdist (sha256 verified)")
        return ctx.bundled_sdist
    return fetch.fetch_from_index(ctx, CACHE_KIND, pin.project, pin.filename, pin.sha256)
