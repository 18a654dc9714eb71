"""Provider `dirs`: the user names the include and library folders."""
from __future__ import annotations

import sys
from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from . import NativeDeps, check_headers


def library_file_names(name: str) -> list[str]:
    if sys.platform == "win32":
        return [f"{name}.lib"]
    if sys.platform == "darwin":
        return [f"lib{name}.dylib", f"lib{name}.a"]
    return [f"lib{name}.so", f"lib{name}.a"]


def expand_include_dirs(include_dirs: list[Path], subdirs: tuple[str, ...]) -> list[Path]:
    """Also accept the parent of an opencv4/ folder, as OpenCV installs its headers there."""
    expanded = []
    for folder in include_dirs:
        expanded.append(folder)
        expanded.extend(folder / sub for sub in subdirs if (folder / sub).is_dir())
    return list(dict.fromkeys(expanded))


def resolve_dirs(ctx: BuildContext) -> NativeDeps:
    settings = ctx.settings
    for folder in (*settings.include_dirs, *settings.library_dirs):
        if not folder.is_dir():
            raise BuildError(f"deps=dirs: {folder} is not a folder.")
    subdirs = tuple(sub for lib in ctx.pins.native_libraries for sub in lib.header_subdirs)
    include_dirs = [str(p) for p in expand_include_dirs(list(settings.include_dirs), subdirs)]
    check_headers(ctx, include_dirs)

    deps = NativeDeps(provider="dirs", include_dirs=include_dirs,
                      library_dirs=[str(p) for p in settings.library_dirs])
    missing = []
    for library in ctx.pins.native_libraries:
        for name in library.libraries:
            if settings.library_dirs and not any(
                    (folder / file).exists() for folder in settings.library_dirs for file in library_file_names(name)):
                missing.append(f"{' or '.join(library_file_names(name))} ({library.name})")
            deps.libraries.append(name)
    if missing:
        raise BuildError("deps=dirs: libraries not found in " + ", ".join(map(str, settings.library_dirs))
                         + ":\n  " + "\n  ".join(missing))
    if sys.platform != "win32":
        deps.extra_compile_args.append("-pthread")
        deps.extra_link_args.append("-pthread")
    deps.runtime_dirs = list(deps.library_dirs)
    deps.versions = {library.name: "unknown (deps=dirs)" for library in ctx.pins.native_libraries}
    ctx.log.info(f"deps: include {', '.join(include_dirs)}; libraries {', '.join(deps.libraries)}")
    return deps
