"""Provider `dirs`: the user names the include and library folders."""
from __future__ import annotations

from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from ..pins import PLATFORM
from ..toolchains import Toolchain
from . import NativeDeps, add_thread_support, check_headers, target_of


def library_file_names(name: str, platform: str = PLATFORM, toolchain_name: str = "") -> list[str]:
    """The files a linker takes for `-l name` / `name.lib` on the target."""
    if platform == "windows":
        if toolchain_name == "zig":  # zig's own search for -l<name> (its error lists these); no *.dll.a
            return [f"{name}.dll", f"{name}.lib", f"lib{name}.a"]
        return [f"{name}.lib"]
    if platform == "macos":
        return [f"lib{name}.dylib", f"lib{name}.a"]
    return [f"lib{name}.so", f"lib{name}.a"]


def expand_include_dirs(include_dirs: list[Path], subdirs: tuple[str, ...]) -> list[Path]:
    """Also accept the parent of an opencv4/ folder, as OpenCV installs its headers there."""
    expanded = []
    for folder in include_dirs:
        expanded.append(folder)
        expanded.extend(folder / sub for sub in subdirs if (folder / sub).is_dir())
    return list(dict.fromkeys(expanded))


def resolve_dirs(ctx: BuildContext, toolchain: Toolchain | None = None) -> NativeDeps:
    settings = ctx.settings
    platform, toolchain_name = target_of(toolchain)
    for folder in (*settings.include_dirs, *settings.library_dirs):
        if not folder.is_dir():
            raise BuildError(f"deps=dirs: {folder} is not a folder.")
    for licence in settings.licence_files:
        if not licence.is_file():
            raise BuildError(f"deps=dirs: licence file {licence} does not exist.")
    subdirs = tuple(sub for lib in ctx.pins.native_libraries for sub in lib.header_subdirs)
    include_dirs = [str(p) for p in expand_include_dirs(list(settings.include_dirs), subdirs)]
    check_headers(ctx, include_dirs)

    deps = NativeDeps(provider="dirs", include_dirs=include_dirs,
                      library_dirs=[str(p) for p in settings.library_dirs])
    # The pinned names, unless the user names the libraries (e.g. OpenCV's Windows release: opencv_world4120).
    wanted = [(name, "libraries setting") for name in settings.libraries] or [
        (name, library.name) for library in ctx.pins.native_libraries for name in library.libraries]
    missing = []
    for name, owner in wanted:
        files = library_file_names(name, platform, toolchain_name)
        if settings.library_dirs and not any((folder / file).exists()
                                             for folder in settings.library_dirs for file in files):
            missing.append(f"{' or '.join(files)} ({owner})")
        deps.libraries.append(name)
    if missing:
        raise BuildError("deps=dirs: libraries not found in " + ", ".join(map(str, settings.library_dirs))
                         + ":\n  " + "\n  ".join(missing),
                         "Name the folders holding them (library-dirs), or the exact library names (libraries).")
    add_thread_support(ctx, deps, platform)
    deps.runtime_dirs = list(deps.library_dirs)
    deps.versions = {library.name: "unknown (deps=dirs)" for library in ctx.pins.native_libraries}
    if settings.licence_files:
        deps.licences["dirs"] = [str(p) for p in settings.licence_files]
    elif ctx.settings.repair:
        ctx.log.warn("deps=dirs: no licence-files given: libraries the repair step bundles will ship without "
                     "their licences. Name them with -C licence-files=...")
    ctx.log.info(f"deps: include {', '.join(include_dirs)}; libraries {', '.join(deps.libraries)}")
    return deps
