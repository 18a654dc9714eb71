"""Provider `conda`: OpenCV and libjpeg-turbo from the active conda/mamba environment (conda-forge's
libopencv and libjpeg-turbo), as the FFCVonWindows recipe used them, without its PATH edits.

Windows environments keep C libraries under %CONDA_PREFIX%\\Library (include, lib, bin for the DLLs);
elsewhere under $CONDA_PREFIX. conda-forge's Windows OpenCV names its import libraries with the
version (opencv_core4100.lib): the one exact match per pinned name is taken, never every .lib.
"""
from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from ..context import BuildContext
from ..errors import BuildError
from ..toolchains import Toolchain
from . import NativeDeps, add_thread_support, check_headers, target_of
from .dirs import library_file_names

# conda package per native library, for the versions in the build record.
CONDA_PACKAGES = {"opencv": "libopencv", "turbojpeg": "libjpeg-turbo"}


def conda_root(environ: dict[str, str], platform: str) -> Path:
    prefix = environ.get("CONDA_PREFIX")
    if not prefix:
        raise BuildError("deps=conda needs an active conda or mamba environment (CONDA_PREFIX is not set).",
                         "conda activate <env> (with: conda install -c conda-forge libopencv libjpeg-turbo), "
                         "or use -C deps=source.")
    root = Path(prefix) / "Library" if platform == "windows" else Path(prefix)
    if not (root / "include").is_dir():
        raise BuildError(f"The conda environment {prefix} has no {root / 'include'}.",
                         "conda install -c conda-forge libopencv libjpeg-turbo")
    return root


def find_library(lib_dir: Path, name: str, platform: str, toolchain_name: str) -> str | None:
    """The link name for `name`: itself, or on Windows the one versioned variant (opencv_core4100)."""
    if any((lib_dir / file).exists() for file in library_file_names(name, platform, toolchain_name)):
        return name
    if platform == "windows":
        pattern = re.compile(rf"{re.escape(name)}(\d+)\.lib", re.IGNORECASE)
        versioned = sorted(p.stem for p in lib_dir.glob(f"{name}*.lib") if pattern.fullmatch(p.name))
        if len(versioned) == 1:
            return versioned[0]
        if len(versioned) > 1:
            raise BuildError(f"deps=conda: several versions of {name} in {lib_dir}: {', '.join(versioned)}.",
                             "Keep one OpenCV in the environment.")
    return None


def package_records(prefix: Path) -> dict[str, dict]:
    """conda-meta/<name>-<version>-<build>.json of every package in the environment, by package name."""
    records = {}
    for record in (prefix / "conda-meta").glob("*.json"):
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and data.get("name"):
            records[data["name"]] = data
    return records


def is_shared_library(name: str, platform: str) -> bool:
    name = name.lower()
    return name.endswith(".dll") if platform == "windows" else (".so" in name or name.endswith(".dylib"))


def runtime_licences(records: dict[str, dict], platform: str) -> dict[str, tuple[str, list[str]]]:
    """Each shared library of the environment (conda-meta's file lists) -> (its package, the package's licence
    files), so that whatever the repair step bundles ships with its licence."""
    owners: dict[str, tuple[str, list[str]]] = {}
    for name, record in sorted(records.items()):
        libraries = [PurePosixPath(path.replace("\\", "/")).name for path in record.get("files", ())]
        libraries = [library for library in libraries if is_shared_library(library, platform)]
        if libraries:
            licences = package_licences(record)
            owners.update({library.lower(): (name, licences) for library in libraries})
    return owners


def package_licences(record: dict) -> list[str]:
    """The licence files conda-build put into the package (info/licenses/ of its extracted folder in
    conda's package cache, which conda-meta names); none if that cache was cleaned."""
    folder = Path(record.get("extracted_package_dir") or "/nonexistent") / "info" / "licenses"
    return [str(p) for p in sorted(folder.rglob("*")) if p.is_file()] if folder.is_dir() else []


def resolve_conda(ctx: BuildContext, toolchain: Toolchain | None, environ: dict[str, str]) -> NativeDeps:
    platform, toolchain_name = target_of(toolchain)
    if toolchain is not None and toolchain.cross is not None:
        raise BuildError(f"deps=conda links the active environment's libraries, built for this machine, not for "
                         f"{toolchain.cross.wheel_platform}.",
                         "Cross builds take -C deps=source (or deps=vcpkg with MSVC), which build for the target.")
    root = conda_root(environ, platform)
    include_dirs = [str(root / "include")]
    include_dirs += [str(root / "include" / sub) for lib in ctx.pins.native_libraries for sub in lib.header_subdirs
                     if (root / "include" / sub).is_dir()]
    check_headers(ctx, include_dirs)
    lib_dir = root / "lib"
    deps = NativeDeps(provider="conda", include_dirs=include_dirs, library_dirs=[str(lib_dir)])
    missing = []
    for library in ctx.pins.native_libraries:
        for name in library.libraries:
            found = find_library(lib_dir, name, platform, toolchain_name)
            if found is None:
                missing.append(f"{name} ({library.name}: {library.install.get('conda', '')})")
            else:
                deps.libraries.append(found)
    if missing:
        raise BuildError(f"deps=conda: libraries not found in {lib_dir}:\n  " + "\n  ".join(missing))
    add_thread_support(ctx, deps, platform)
    # Where delvewheel / auditwheel find the shared libraries: conda keeps Windows DLLs in bin\.
    deps.runtime_dirs = [str(root / "bin")] if platform == "windows" else [str(lib_dir)]
    records = package_records(Path(environ["CONDA_PREFIX"]))
    deps.runtime_licences = runtime_licences(records, platform)
    for library in ctx.pins.native_libraries:
        record = records.get(CONDA_PACKAGES[library.name], {})
        deps.versions[library.name] = str(record.get("version", "unknown (deps=conda)"))
        licences = package_licences(record)
        if licences:
            deps.licences[library.name] = licences
        else:
            ctx.log.warn(f"deps=conda: no licence files of {CONDA_PACKAGES[library.name]} in conda's package cache "
                         "(cleaned?): the wheel will not carry them. Reinstall the package to restore them.")
    ctx.log.info(f"deps=conda: {root}; libraries {', '.join(deps.libraries)}")
    return deps
