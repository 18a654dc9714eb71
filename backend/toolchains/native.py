"""The native toolchain kind: gcc/clang from CXX or PATH; MSVC on Windows (msvc.py finds and activates it)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from . import SECTION_FLAGS, CrossTarget, Toolchain
from .arch import architecture


def find_cxx(environ: dict[str, str]) -> str | None:
    if environ.get("CXX"):
        return shutil.which(environ["CXX"].split()[0], path=environ.get("PATH"))
    for candidate in ("c++", "g++", "clang++"):
        found = shutil.which(candidate, path=environ.get("PATH"))
        if found:
            return found
    return None


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
