"""Stage: find the C++ compiler and the flags that belong to it."""
from __future__ import annotations

import os
from platform import machine as host_machine
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .arch import architecture
from .context import BuildContext
from .errors import BuildError
from .pins import PLATFORM


@dataclass(frozen=True)
class CrossTarget:
    """What a cross build needs beyond a compiler: the target's Python and how setuptools and CMake reach it."""

    wheel_platform: str  # the wheel's platform tag, e.g. win_amd64
    python_include: str  # portable CPython headers with the target's pyconfig.h
    python_import_library: str  # the stable ABI's import library (python3.dll); "" where none is linked (ELF, Mach-O)
    extension_suffix: str  # e.g. .pyd
    # The linker writes an import library for every DLL, next to its first object unless told where:
    # the build puts it outside the wheel's files with this flag ({} is the path).
    import_library_flag: str | None = None
    cmake_args: list[str] = field(default_factory=list)  # e.g. -DCMAKE_TOOLCHAIN_FILE=...
    # Searched before the build Python's own libs folder (MSVC: pyconfig.h's `#pragma comment(lib, "python3.lib")`
    # must find the target's import library, not the host's).
    library_dirs: list[str] = field(default_factory=list)
    # The platform tag the repair stage gives the wheel (manylinux_2_17_aarch64): the glibc version the
    # cross toolchain linked against, not one guessed from the build machine.
    repair_platform: str | None = None


@dataclass(frozen=True)
class Toolchain:
    name: str
    compiler: str
    version: str
    platform: str = PLATFORM  # the target's platform, named as in the data file (linux, macos, windows)
    machine: str = field(default_factory=host_machine)
    extra_link_args: list[str] = field(default_factory=list)
    # Variables the compiler runs with (setuptools and CMake): CC/CXX/LDSHARED of a cross toolchain,
    # or the environment vcvarsall.bat sets up for MSVC.
    env: dict[str, str] = field(default_factory=dict)
    cross: CrossTarget | None = None
    # Folders with the compiler's runtime DLLs for the target (MSVC's msvcp140.dll), for the repair step.
    runtime_dirs: list[str] = field(default_factory=list)
    # CMake options naming this compiler (deps=source). MSVC's cl is named outright: with Ninja and no compiler
    # given, CMake takes the first cc/gcc on PATH, and GitHub's Windows images have Strawberry Perl's gcc there.
    cmake_args: list[str] = field(default_factory=list)
    # gcc/clang on Linux and macOS: each function and datum in a section of its own, for the extension and the
    # libraries the source provider builds, so that the linker can drop what FFCV never calls.
    section_flags: list[str] = field(default_factory=list)
    # Link the extension lean: unused sections collected, only the exports list exported, symbols stripped.
    lean_link: bool = False


SECTION_FLAGS = ["-ffunction-sections", "-fdata-sections"]


def lean_link_args(toolchain: Toolchain, exports_file: Path) -> list[str]:
    """Linker flags for a lean extension: `exports_file` (see exports_file_text) names what stays exported."""
    if not toolchain.lean_link:
        return []
    if toolchain.platform == "macos":
        # ld64: dead code stripping, the exported list, no local symbols in the symbol table.
        return ["-Wl,-dead_strip", f"-Wl,-exported_symbols_list,{exports_file}", "-Wl,-x"]
    return ["-Wl,--gc-sections", f"-Wl,--version-script={exports_file}", "-Wl,--strip-all"]


def exports_file_text(toolchain: Toolchain, names: list[str]) -> str:
    """The exports list in the linker's format: a version script (GNU ld, lld), or ld64's symbol list
    (C names with a leading underscore)."""
    if toolchain.platform == "macos":
        return "".join(f"_{name}\n" for name in names)
    return "{\n  global:\n" + "".join(f"    {name};\n" for name in names) + "  local: *;\n};\n"


def find_cxx(environ: dict[str, str]) -> str | None:
    if environ.get("CXX"):
        return shutil.which(environ["CXX"].split()[0], path=environ.get("PATH"))
    for candidate in ("c++", "g++", "clang++"):
        found = shutil.which(candidate, path=environ.get("PATH"))
        if found:
            return found
    return None


def detect(ctx: BuildContext, environ: dict[str, str] | None = None) -> Toolchain:
    """The toolchain the settings choose, found by its kind in the registry (native here, zig in zig.py)."""
    from .registry import toolchain_kind  # the registry imports the toolchain modules, not the reverse

    return toolchain_kind(ctx).detect(ctx, dict(os.environ if environ is None else environ))


def detect_native(ctx: BuildContext, environ: dict[str, str]) -> Toolchain:
    """gcc/clang from CXX or PATH; MSVC on Windows."""
    if sys.platform == "win32":
        return detect_msvc(ctx, environ)
    if ctx.settings.target is not None:
        raise BuildError(f"target={ctx.settings.target} needs a cross toolchain.",
                         "Add -C toolchain=zig, or drop the target setting for a native build.")
    compiler = find_cxx(environ)
    if compiler is None and environ.get("CXX"):
        raise BuildError(f"CXX={environ['CXX']} names a compiler that is not on PATH.",
                         "Install that compiler, set CXX to one that is installed (e.g. CXX=g++), or unset CXX "
                         "to use c++, g++ or clang++ from PATH.")
    if compiler is None:
        raise BuildError("No C++ compiler found (looked for $CXX, c++, g++, clang++).",
                         "Install one: Debian/Ubuntu: apt-get install g++; Fedora: dnf install gcc-c++; "
                         "Arch: pacman -S gcc; macOS: xcode-select --install.")
    version = subprocess.run([compiler, "--version"], capture_output=True, text=True).stdout.splitlines()
    name = "clang" if any("clang" in line for line in version[:1]) else "gcc"
    # Link only the libraries the extension uses, whatever the distribution's default.
    link_args = ["-Wl,--as-needed"] if sys.platform.startswith("linux") else []
    ctx.log.info(f"toolchain: {version[0] if version else compiler}")
    return Toolchain(name=name, compiler=compiler, version=version[0] if version else "unknown",
                     extra_link_args=link_args, section_flags=list(SECTION_FLAGS), lean_link=True)


def detect_msvc(ctx: BuildContext, environ: dict[str, str]) -> Toolchain:
    """MSVC for this Python's architecture, or for -C target=win_arm64/win_amd64 (a cross build, e.g.
    vcvarsall x64_arm64): an activated developer shell, or vcvarsall.bat's environment."""
    import sysconfig

    from . import msvc

    python_arch = msvc.target_arch(ctx.pins, sysconfig.get_platform())
    target = msvc.wheel_target_arch(ctx.pins, ctx.settings.target) if ctx.settings.target else python_arch
    host = msvc.host_arch(ctx.pins, environ)
    environment = msvc.msvc_environment(ctx.pins, environ, target, host, ctx.cache_dir)
    cl = shutil.which("cl", path=environment.get("PATH"))
    if cl is None:
        raise BuildError("MSVC was activated but cl.exe is not on its PATH.", msvc.INSTALL_HINT)
    version = msvc.compiler_version(cl, environment)
    cross = None
    if target != python_arch:
        cross = msvc_cross_target(ctx, target, environment)
        # setuptools' abi3 suffix would be the host's; a stable-ABI module is a plain .pyd everywhere.
        environment["SETUPTOOLS_EXT_SUFFIX"] = cross.extension_suffix
    ctx.log.info(f"toolchain: {version}" + (f" (cross build for {cross.wheel_platform})" if cross else ""))
    return Toolchain(name="msvc", compiler=cl, version=version, platform="windows", machine=target,
                     env=environment, cross=cross, runtime_dirs=msvc.crt_redist_dirs(environment, target),
                     cmake_args=list(msvc.CMAKE_COMPILER_ARGS))


def msvc_cross_target(ctx: BuildContext, target: str, environment: dict[str, str]) -> CrossTarget:
    """The build Python's headers serve every Windows architecture (pyconfig.h tests _M_ARM64/_M_X64); only
    the stable ABI's import library must be the target's, made from the build Python's python3.dll."""
    import sysconfig

    from . import msvc

    python3_dll = Path(sys.base_prefix) / "python3.dll"
    if not python3_dll.is_file():
        raise BuildError(f"A cross build needs the build Python's python3.dll, and {python3_dll} is missing.",
                         "Use a python.org or nuget CPython, or build on a machine of the target architecture.")
    library = msvc.python3_import_library(ctx.pins, python3_dll, target, environment, ctx.cache_dir)
    arch = architecture(ctx.pins, target)
    return CrossTarget(wheel_platform=msvc.wheel_tag(ctx.pins, target), python_include=sysconfig.get_paths()["include"],
                       python_import_library=str(library), extension_suffix=".pyd",
                       cmake_args=["-DCMAKE_SYSTEM_NAME=Windows",
                                   f"-DCMAKE_SYSTEM_PROCESSOR={arch.cmake['windows']}"],
                       library_dirs=[str(library.parent)])
