"""Provider `prebuilt` (Windows, MSVC): OpenCV from its official Windows release (pinned in the data file),
TurboJPEG built from the pinned source, threads from the pthread shim.

The release is downloaded once (sha256-verified), and only the files the build needs (headers, the import
library, the DLL, licences) are extracted into the cache, atomically, so a half-extracted folder is never
trusted: by py7zr, or where the release uses a filter py7zr lacks (BCJ2, which `7z -mx9` applies to its DLLs),
by a 7-Zip program (backend/inputs/sevenzip.py)."""
from __future__ import annotations

import json
from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from ..files import cached_folder
from ..inputs import fetch
from ..inputs.sevenzip import extract_release
from ..pins import PrebuiltPin, prebuilt_pins  # noqa: F401 (prebuilt_pins: callers' name)
from ..toolchains import Toolchain
from ..toolchains.arch import architecture
from . import NativeDeps, add_thread_support, check_headers, target_of

CACHE_KIND = "prebuilt"
MARKER = "ffcv-wheels-prebuilt.json"


def staged_release(ctx: BuildContext, pin: PrebuiltPin) -> Path:
    """The extracted files of `pin`'s release (its `root` folder), from the cache or extracted now."""
    final = ctx.cache_dir / CACHE_KIND / f"{pin.name}-{pin.version}-{pin.sha256[:12]}"
    with cached_folder(final, MARKER) as staging:
        if staging is None:
            ctx.log.info(f"prebuilt: {pin.name} {pin.version} reused from {final}")
            return final / "tree" / pin.root
        if pin.kind != "7z-sfx":
            raise BuildError(f"prebuilt: {pin.name}: unknown archive kind {pin.kind!r} in the data file.")
        archive = fetch.fetch_url(ctx, CACHE_KIND, pin.url, pin.filename, pin.sha256)
        with ctx.log.stage(f"prebuilt: extracting {pin.name} {pin.version} from {pin.filename}"):
            extract_release(archive, staging / "tree", pin.wanted, ctx.log.info)
        missing = [item for item in pin.required_files if not (staging / "tree" / pin.root / item).is_file()]
        if missing:
            raise BuildError(f"prebuilt: {pin.filename} has no {', '.join(missing)} under {pin.root}/.",
                             "The layout of this release in vendor_scripts/pins.toml is wrong: fix the pin "
                             "or use -C deps=source.")
        (staging / MARKER).write_text(json.dumps({"library": pin.name, "version": pin.version,
                                                  "archive": pin.filename, "sha256": pin.sha256,
                                                  "provenance": pin.provenance}, indent=2))
    ctx.log.ok(f"prebuilt: {pin.name} {pin.version} ready in {final}")
    return final / "tree" / pin.root


def add_release(ctx: BuildContext, pin: PrebuiltPin, machine: str, deps: NativeDeps) -> None:
    """Adds one official release's headers, import libraries, DLL folders and licences to `deps`."""
    if architecture(ctx.pins, machine).msvc not in pin.machines:
        raise BuildError(f"deps=prebuilt: the official {pin.name} {pin.version} release has no build for {machine} "
                         f"(only {', '.join(pin.machines)}).", "Use -C deps=source, which builds it for the target.")
    root = staged_release(ctx, pin)
    deps.include_dirs += [str(root / folder) for folder in pin.include_dirs]
    deps.library_dirs += [str(root / folder) for folder in pin.library_dirs]
    deps.libraries += list(pin.libraries)
    deps.runtime_dirs += [str(root / folder) for folder in pin.runtime_dirs]
    deps.versions[pin.name] = f"{pin.version} (official release)"
    licence_files = [root / item for item in pin.licences]
    licence_files += sorted(p for folder in pin.licence_dirs if (root / folder).is_dir()
                            for p in (root / folder).rglob("*") if p.is_file())
    deps.licences[pin.name] = [str(p) for p in licence_files]
    size = sum((root / item).stat().st_size for item in pin.runtime_files)
    ctx.log.warn(f"deps=prebuilt: {', '.join(pin.runtime_files)} is {size // (1024 * 1024)} MiB and goes into the "
                 "wheel; -C deps=source links only what ffcv uses (a wheel under 1 MiB).")


def resolve_prebuilt(ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps:
    platform, toolchain_name = target_of(toolchain)
    if toolchain is None or platform != "windows" or toolchain_name != "msvc":
        raise BuildError("deps=prebuilt takes OpenCV's official Windows release, which is built with MSVC: it "
                         "needs a native Windows build (MSVC).",
                         "Elsewhere use -C deps=pkg-config or -C deps=source (also for -C toolchain=zig).")
    from .source import add_source_library, source_pins

    deps = NativeDeps(provider="prebuilt")
    prebuilt = prebuilt_pins(ctx.pins)
    for pin in prebuilt:
        add_release(ctx, pin, toolchain.machine, deps)
    # What has no official, checksummed MSVC release (TurboJPEG) comes from its pinned source.
    for pin in source_pins(ctx.pins, platform, toolchain_name, toolchain.machine):
        if pin.name not in {p.name for p in prebuilt}:
            add_source_library(ctx, pin, toolchain, deps)
    add_thread_support(ctx, deps, platform)
    check_headers(ctx, deps.include_dirs)
    return deps
