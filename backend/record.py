"""The build record: how a wheel was built, stored as <name>.dist-info/ffcv-build.json."""
from __future__ import annotations

import json
import platform
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BuildError
from .wheelfile import dist_info_folder, open_wheel

if TYPE_CHECKING:
    from .context import BuildContext
    from .deps import NativeDeps
    from .log import Log
    from .patching import AppliedPatch
    from .repair import RepairResult
    from .toolchains import Toolchain

RECORD_NAME = "ffcv-build.json"


def read_from_wheel(wheel: Path) -> dict[str, Any]:
    with open_wheel(wheel) as archive:
        try:
            return json.loads(archive.read(f"{dist_info_folder(archive.namelist())}/{RECORD_NAME}"))
        except (KeyError, ValueError) as exc:
            raise BuildError(f"{Path(wheel).name} carries no build record ({RECORD_NAME}): it was not built by "
                             f"ffcv-wheels ({exc}).") from exc


def read_installed(distribution: str = "ffcv") -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, distribution as find

    try:
        text = find(distribution).read_text(RECORD_NAME)
    except PackageNotFoundError:
        raise BuildError(f"{distribution} is not installed in this Python ({sys.executable}).",
                         "Give a wheel's path: python -m backend record dist/ffcv-….whl") from None
    if text is None:
        raise BuildError(f"The installed {distribution} carries no {RECORD_NAME}: it was not built by ffcv-wheels.")
    try:
        return json.loads(text)
    except ValueError as exc:
        raise BuildError(f"The installed {distribution}'s {RECORD_NAME} is not valid JSON ({exc}).") from exc


def build_host() -> dict[str, str]:
    return {"python": platform.python_version(), "implementation": sys.implementation.name,
            "system": platform.system(), "machine": platform.machine()}


def record_files(ctx: "BuildContext", applied: list["AppliedPatch"], native: "NativeDeps", tools: "Toolchain",
                 repaired: "RepairResult") -> dict[str, bytes]:
    """The build record and the licences of statically linked libraries, as .dist-info files."""
    record = {
        "schema": 1,
        "upstream": {"project": ctx.upstream.project, "version": ctx.upstream.version,
                     "filename": ctx.upstream.filename, "sha256": ctx.upstream.sha256},
        "patches": [vars(patch) for patch in applied],
        "provider": native.provider,
        "libraries": native.versions,
        "simd": native.simd,
        "link": {"libraries": native.libraries, "library_dirs": native.library_dirs,
                 "static": [Path(item).name for item in native.extra_objects],
                 # Lean link (Linux, macOS): sections per function, unused ones collected, only `exports`
                 # exported, symbols stripped. zig strips too; MSVC exports what libffcv.cpp marks dllexport.
                 "function_sections": bool(tools.section_flags), "gc_sections": tools.lean_link,
                 "strip": tools.lean_link or "-s" in tools.extra_link_args,
                 "exports": list(ctx.upstream.exports) if tools.lean_link else None},
        "compiler": tools.version,
        # A cross build: the toolchain and the platform tag it built for (zig: the tag's glibc or macOS version).
        "cross": {"toolchain": tools.name, "target": tools.cross.repair_platform or tools.cross.wheel_platform}
        if tools.cross else None,
        "abi3": ctx.settings.abi3,
        "build_tag": ctx.settings.build_tag,
        "repair": {"tool": repaired.tool, "bundled": repaired.bundled},
        "host": build_host(),
    }
    files = {RECORD_NAME: json.dumps(record, indent=2).encode()}
    for name, licences in native.licences.items():
        for licence in map(Path, licences):
            files[f"licenses/third-party/{name}/{licence.name}"] = licence.read_bytes()
    shipped = {str(licence) for licences in native.licences.values() for licence in licences}
    for package, licences in bundled_packages(native, repaired, ctx.log).items():
        for licence in map(Path, licences):
            if str(licence) not in shipped:
                files[f"licenses/third-party/{package}/{licence.name}"] = licence.read_bytes()
    return files


# auditwheel renames libz.so.1 to libz-<8 hex>.so.1, delvewheel zlib.dll to zlib-<32 hex>.dll.
_MANGLED = re.compile(r"^(?P<stem>.+?)-(?:[0-9a-f]{8}|[0-9a-f]{32})(?P<ext>\..+)$")


def original_library_name(bundled: str) -> str:
    """The file name a bundled library had before the repair tool renamed it."""
    match = _MANGLED.match(bundled)
    return match["stem"] + match["ext"] if match else bundled


def bundled_packages(native: "NativeDeps", repaired: "RepairResult", log: "Log") -> dict[str, list[str]]:
    """Package -> licence files, for the packages whose libraries the repair step bundled (providers that know
    the owners: conda). A package without licence files is named, not skipped silently."""
    packages: dict[str, list[str]] = {}
    for bundled in repaired.bundled:
        owner = native.runtime_licences.get(original_library_name(Path(bundled).name).lower())
        if owner is None:
            continue
        package, licences = owner
        if not licences and package not in packages:
            log.warn(f"{Path(bundled).name} (package {package}) is bundled, but its licence files were not found "
                     "(conda: its package cache cleaned?): the wheel will not carry them.")
        packages[package] = licences
    return packages
