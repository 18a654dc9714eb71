"""Stage: find the C++ compiler and the flags that belong to it."""
from __future__ import annotations

import os
from platform import machine as host_machine
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

from .context import BuildContext
from .errors import BuildError
from .pins import PLATFORM


@dataclass(frozen=True)
class CrossTarget:
    """What a cross build needs beyond a compiler: the target's Python and how setuptools and CMake reach it."""

    wheel_platform: str  # the wheel's platform tag, e.g. win_amd64
    python_include: str  # portable CPython headers with the target's pyconfig.h
    python_import_library: str  # the stable ABI's import library (python3.dll)
    extension_suffix: str  # e.g. .pyd
    # The linker writes an import library for every DLL, next to its first object unless told where:
    # the build puts it outside the wheel's files with this flag ({} is the path).
    import_library_flag: str | None = None
    cmake_args: list[str] = field(default_factory=list)  # e.g. -DCMAKE_TOOLCHAIN_FILE=...


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


def find_cxx(environ: dict[str, str]) -> str | None:
    if environ.get("CXX"):
        return shutil.which(environ["CXX"].split()[0], path=environ.get("PATH"))
    for candidate in ("c++", "g++", "clang++"):
        found = shutil.which(candidate, path=environ.get("PATH"))
        if found:
            return found
    return None


def detect(ctx: BuildContext, environ: dict[str, str] | None = None) -> Toolchain:
    environ = dict(os.environ if environ is None else environ)
    if ctx.settings.toolchain == "zig":
        from .zig import detect_zig

        return detect_zig(ctx)
    if ctx.settings.target is not None:
        raise BuildError(f"target={ctx.settings.target} needs a cross toolchain.",
                         "Add -C toolchain=zig, or drop the target setting for a native build.")
    if sys.platform == "win32":
        return detect_msvc(ctx, environ)
    compiler = find_cxx(environ)
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
                     extra_link_args=link_args)


def detect_msvc(ctx: BuildContext, environ: dict[str, str]) -> Toolchain:
    """MSVC for this Python's architecture: an activated developer shell, or vcvarsall.bat's environment."""
    import sysconfig

    from . import msvc

    target = msvc.target_arch(sysconfig.get_platform())
    environment = msvc.msvc_environment(environ, target, msvc.host_arch(environ), ctx.cache_dir)
    cl = shutil.which("cl", path=environment.get("PATH"))
    if cl is None:
        raise BuildError("MSVC was activated but cl.exe is not on its PATH.", msvc.INSTALL_HINT)
    version = msvc.compiler_version(cl, environment)
    ctx.log.info(f"toolchain: {version}")
    return Toolchain(name="msvc", compiler=cl, version=version, platform="windows", machine=target,
                     env=environment)
