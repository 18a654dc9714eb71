"""Toolchain `zig`: cross-build wheels with zig's clang (PyPI `ziglang`) for the wheel platform tag given as
`-C target`: Windows (win_amd64, win_arm64), manylinux (the tag's glibc version) and macOS (compile check).

zig's *-windows-gnu targets link the UCRT (CPython's C runtime) and a static libc++, so the extension
needs no C++ runtime DLL; its *-linux-gnu.2.NN targets link against glibc 2.NN's symbols only, with a static
libc++, which is what the manylinux_2_NN tag promises. Everything the cross build needs is prepared once per
input set in the cache: wrapper scripts (setuptools and CMake want one program per tool), a CMake toolchain
file, the build Python's portable headers with the target's pyconfig.h and, for Windows, the import library of
python3.dll (stable ABI) made from the pinned Windows CPython's exports.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import stat
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from ..files import cache_lock, staged_folder
from . import SECTION_FLAGS, CrossTarget, Toolchain
from .arch import WheelPlatform, wheel_platform
from .windows_python import embeddable_python, stable_abi_definition, windows_python_pin

CACHE_KIND = "zig-toolchain"
INSTALL_KIND = "zig"  # the ziglang package, at a path that outlives the build environment (stable_zig)
ZIG_VARIABLE = "FFCV_WHEELS_ZIG"
SCHEMA = 6  # bump when the prepared folder's layout or content changes
# setuptools' unix compiler adds host flags (-fPIC, -g from the build Python's CFLAGS); -g would put
# DWARF into the PE file, and --as-needed means nothing to lld's COFF linker. libjpeg-turbo's DLL
# build asks for --kill-at, which lld refuses; it strips stdcall @N suffixes, which x64 does not have.
DROPPED_FLAGS = ("-g", "-Wl,--as-needed", "-Wl,--kill-at")
# zig builds its runtime for the target (libc++, compiler-rt, libunwind, the MinGW CRT) into its cache in the
# optimisation mode of the command that links, and a command without -O is zig's Debug mode, which also builds
# and links its UBSan runtime. CMake's checks (try_compile) link without -O: on a cold zig cache they built a
# second runtime in Debug mode beside the Release one the libraries and the extension use. A default -O2 ahead
# of the caller's flags (a later -O wins) gives every command the same mode: the runtime is built once.
DEFAULT_FLAGS = ("-O2",)
# zig keys that runtime on stripping too (-s and -Wl,--strip-all alike): where the extension's link strips
# (Windows: -s; Linux: the lean link's --strip-all), every command strips, or CMake's checks build a second
# runtime. The static libraries lose nothing: their objects carry no debug information either way.
# macOS's lean link (-Wl,-x) does not strip and builds one runtime already.
STRIPPED_PLATFORMS = ("windows", "linux")


def default_flags(target: "ZigTarget") -> tuple[str, ...]:
    """The flags every zig cc/c++ command of `target` starts with (the caller's come after and win): one
    optimisation mode, one strip setting and one set of CPU features, so that zig builds its runtime once."""
    strip = ("-s",) if target.platform in STRIPPED_PLATFORMS else ()
    return (*DEFAULT_FLAGS, *strip, *target.cpu_flags)


CMAKE_SYSTEMS = {"windows": "Windows", "linux": "Linux", "macos": "Darwin"}


@dataclass(frozen=True)
class ZigTarget:
    wheel_platform: str  # the finished wheel's platform tag
    platform: str  # linux, macos, windows (the data file's names)
    triple: str  # zig's -target
    dlltool_machine: str
    cmake_processor: str
    tested: bool
    cpu_flags: tuple[str, ...] = ()  # [toolchain.zig] cpu-flags: OpenCV's CPU baseline for this architecture

    @property
    def cmake_system(self) -> str:
        return CMAKE_SYSTEMS[self.platform]


def target_triple(where: WheelPlatform) -> str:
    """zig's target for a wheel platform: the tag's glibc version (manylinux_2_17 -> .2.17) or macOS version."""
    arch = where.arch.zig
    if where.platform == "windows":
        return f"{arch}-windows-gnu"
    if where.platform == "linux":
        return f"{arch}-linux-gnu.{where.version[0]}.{where.version[1]}"
    return f"{arch}-macos.{where.version[0]}.{where.version[1]}"


def zig_target(ctx: BuildContext) -> ZigTarget:
    table = ctx.pins.zig
    name = ctx.settings.target or table.default_target
    tested = table.targets.get(name)
    if tested is None:
        raise BuildError(f"toolchain=zig cannot build for target {name!r}.",
                         f"Known targets: {', '.join(sorted(table.targets))}.")
    where = wheel_platform(ctx.pins, name)
    return ZigTarget(wheel_platform=name, platform=where.platform, triple=target_triple(where),
                     dlltool_machine=where.arch.dlltool or "", cmake_processor=where.arch.cmake[where.platform],
                     tested=tested, cpu_flags=table.cpu_flags.get(where.arch.name, ()))


def find_zig() -> Path:
    try:
        import ziglang
    except ImportError as exc:
        raise BuildError("toolchain=zig needs zig from PyPI (ziglang).",
                         "python -m build installs it with the build requirements; without isolation: "
                         "pip install ziglang.") from exc
    folder = Path(ziglang.__file__).parent
    for name in ("zig", "zig.exe"):
        if (folder / name).is_file():
            return folder / name
    raise BuildError(f"The ziglang package at {folder} holds no zig executable.", "Reinstall it: pip install ziglang.")


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system (or no hard links there): a copy
        shutil.copy2(source, target)


def stable_zig(ctx: BuildContext, zig: Path, version: str) -> Path:
    """zig run from a folder that stays the same from build to build: the ziglang package linked (hard links, or
    copied across file systems) into the cache once per zig version. zig keys the runtime it builds for a
    target (the MinGW CRT, libc++, libunwind) on the compile commands, which name its lib folder by absolute
    path: run from pip's isolated build environment, a new folder each build, every warm build built that
    runtime again (a warm win_amd64 build spent over a minute of its link on it)."""
    final = ctx.cache_dir / INSTALL_KIND / f"{version}-{platform.system().lower()}-{platform.machine().lower()}"
    with cache_lock(final):
        if not (final / zig.name).is_file():
            with staged_folder(final) as staging:
                shutil.copytree(zig.parent, staging, dirs_exist_ok=True, copy_function=_link_or_copy,
                                ignore=shutil.ignore_patterns("__pycache__"))
    return final / zig.name


def zig_version(zig: Path) -> str:
    result = subprocess.run([str(zig), "version"], capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"{zig} version failed: {result.stderr.strip()}")
    return result.stdout.strip()


def _wrapper(path: Path, command: list[str]) -> None:
    """A POSIX shell script running zig's `command` with the caller's arguments, minus DROPPED_FLAGS.

    zig itself is named by ZIG_VARIABLE at run time, not written in: pip's isolated build environment
    (where ziglang lives) has a new path on every build, and the cached folder and the libraries built
    with it must stay valid across builds with the same zig version."""
    dropped = " | ".join(shlex.quote(flag) for flag in DROPPED_FLAGS)
    path.write_text("#!/bin/sh\n# Written by the ffcv-wheels backend (toolchain=zig).\n"
                    f": \"${{{ZIG_VARIABLE}:?is not set: run this through the ffcv-wheels backend}}\"\n"
                    "for arg do\n  shift\n  case \"$arg\" in\n"
                    f"    {dropped}) ;;\n    *) set -- \"$@\" \"$arg\" ;;\n  esac\ndone\n"
                    f"exec \"${ZIG_VARIABLE}\" {shlex.join(command)} \"$@\"\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def write_wrappers(folder: Path, target: ZigTarget) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    commands = {
        "cc": ["cc", "-target", target.triple, *default_flags(target)],
        "c++": ["c++", "-target", target.triple, *default_flags(target)],
        "ar": ["ar"],
        "ranlib": ["ranlib"],
        "rc": ["rc"],
        "dlltool": ["dlltool"],
    }
    paths = {}
    for tool, command in commands.items():
        paths[tool] = folder / tool
        _wrapper(paths[tool], command)
    return paths


def write_cmake_toolchain(path: Path, wrappers: dict[str, Path], target: ZigTarget) -> Path:
    lines = [
        "# Written by the ffcv-wheels backend (toolchain=zig).",
        f"set(CMAKE_SYSTEM_NAME {target.cmake_system})",
        f"set(CMAKE_SYSTEM_PROCESSOR {target.cmake_processor})",
        f'set(CMAKE_C_COMPILER "{wrappers["cc"]}")',
        f'set(CMAKE_CXX_COMPILER "{wrappers["c++"]}")',
        f'set(CMAKE_AR "{wrappers["ar"]}" CACHE FILEPATH "")',
        f'set(CMAKE_RANLIB "{wrappers["ranlib"]}" CACHE FILEPATH "")',
        *([f'set(CMAKE_RC_COMPILER "{wrappers["rc"]}")'] if target.platform == "windows" else []),
        # Look for libraries and headers of the target only, never the build machine's.
        "set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)",
        "set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)",
        "set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)",
        "set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def host_python_include() -> Path:
    include = Path(sysconfig.get_paths()["include"])
    if not (include / "Python.h").is_file():
        raise BuildError(f"The build Python's headers are missing ({include}/Python.h): toolchain=zig uses them.",
                         "Install the Python development headers (Debian: apt-get install python3-dev) or use a "
                         "CPython that ships them (pyenv, python.org, uv).")
    return include


def host_pyconfig() -> Path:
    """The build Python's own pyconfig.h, for Linux and macOS targets. Debian's is a dispatcher that includes
    <multiarch>/pythonX.Y/pyconfig.h by architecture (none exists for a foreign one): the host's is followed.
    Only the stable ABI is compiled against it, which reads type sizes and byte order from it: those must be
    a 64-bit little-endian machine's, like every target here."""
    path = Path(sysconfig.get_config_h_filename())
    text = path.read_text(encoding="utf-8", errors="replace")
    multiarch = sysconfig.get_config_var("MULTIARCH")
    if multiarch:
        found = re.search(rf"#\s*include\s*<({re.escape(multiarch)}/[^>]+)>", text)
        if found:
            path = path.parent.parent / found.group(1)
            text = path.read_text(encoding="utf-8", errors="replace")
    if not re.search(r"#define SIZEOF_VOID_P 8\b", text) or re.search(r"#define WORDS_BIGENDIAN\b", text):
        raise BuildError(f"{path} is not a 64-bit little-endian CPython's configuration, which toolchain=zig "
                         "uses for Linux and macOS targets.", "Build with a 64-bit CPython on x86_64 or arm64.")
    return path


def python_headers(dest: Path, pyconfig: Path) -> Path:
    """The build Python's portable headers with the target's pyconfig.h in place of the host's.

    Python.h includes "pyconfig.h" relative to itself, so the host's copy must not sit beside it."""
    shutil.copytree(host_python_include(), dest, ignore=shutil.ignore_patterns("pyconfig*.h"))
    shutil.copyfile(pyconfig, dest / "pyconfig.h")
    return dest


def python3_import_library(folder: Path, python3_dll: Path, wrappers: dict[str, Path],
                           target: ZigTarget, zig: Path) -> Path:
    """libpython3.dll.a from the names python3.dll exports (the stable ABI), via zig's dlltool."""
    definition = stable_abi_definition(python3_dll, folder)
    library = folder / "libpython3.dll.a"
    result = subprocess.run([str(wrappers["dlltool"]), "-m", target.dlltool_machine, "-d", str(definition),
                             "-l", str(library), "-D", "python3.dll"], capture_output=True, text=True,
                            env={**os.environ, ZIG_VARIABLE: str(zig)})
    if result.returncode != 0 or not library.is_file():
        raise BuildError(f"zig dlltool could not make the python3.dll import library:\n{result.stderr}")
    return library


def target_pyconfig(ctx: BuildContext, target: ZigTarget) -> Path:
    if target.platform == "windows":
        return ctx.project_dir / ctx.pins.zig.python_config
    return host_pyconfig()


def prepared_key(ctx: BuildContext, version: str, target: ZigTarget, pyconfig: Path) -> str:
    inputs = {"schema": SCHEMA, "zig": version, "target": target.triple,
              "python-pin": windows_python_pin(ctx).sha256 if target.platform == "windows" else None,
              "host-include": str(host_python_include()), "host-version": sys.version.split()[0],
              "pyconfig": hashlib.sha256(pyconfig.read_bytes()).hexdigest()}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:16]


def prepare(ctx: BuildContext, zig: Path, version: str, target: ZigTarget) -> Path:
    """The cached folder with wrappers (bin/), toolchain.cmake, include/ and, for Windows, libpython3.dll.a."""
    pyconfig = target_pyconfig(ctx, target)
    final = ctx.cache_dir / CACHE_KIND / f"{target.wheel_platform}-{prepared_key(ctx, version, target, pyconfig)}"
    with cache_lock(final):
        if (final / "toolchain.cmake").is_file():
            return final
        python = embeddable_python(ctx) if target.platform == "windows" else None
        with staged_folder(final) as staging:
            # Wrappers and toolchain file name their final location: the folder is renamed whole.
            wrappers = write_wrappers(staging / "bin", target)
            python_headers(staging / "include", pyconfig)
            if python is not None:
                python3_import_library(staging, python / "python3.dll", wrappers, target, zig)
            final_wrappers = {tool: final / "bin" / path.name for tool, path in wrappers.items()}
            write_cmake_toolchain(staging / "toolchain.cmake", final_wrappers, target)
    return final


def detect_zig(ctx: BuildContext) -> Toolchain:
    if sys.platform == "win32":
        raise BuildError("toolchain=zig cross-builds wheels on Linux or macOS.",
                         "On Windows, build natively (MSVC) without the toolchain setting.")
    target = zig_target(ctx)
    if not target.tested:
        ctx.log.warn(f"toolchain=zig for {target.wheel_platform} is not tested by ffcv-wheels: check the wheel "
                     "on the target before you ship it.")
    found = find_zig()
    version = zig_version(found)
    zig = stable_zig(ctx, found, version)
    prepared = prepare(ctx, zig, version, target)
    cxx = str(prepared / "bin" / "c++")
    suffix = ".pyd" if target.platform == "windows" else ".abi3.so"
    # Python's symbols come from the interpreter that loads the extension: ELF allows undefined symbols in a
    # shared object, ld64 must be told.
    shared = f"{cxx} -shared" + (" -Wl,-undefined,dynamic_lookup" if target.platform == "macos" else "")
    # setuptools' unix compiler on the build machine: every program and the extension's suffix are
    # given through the variables it reads (sysconfig's values describe the host).
    compile_env = {"CC": cxx, "CXX": cxx, "LDSHARED": shared, "LDCXXSHARED": shared,
                   "AR": str(prepared / "bin" / "ar"), "CFLAGS": "", "CPPFLAGS": "", "LDFLAGS": "",
                   "SETUPTOOLS_EXT_SUFFIX": suffix, ZIG_VARIABLE: str(zig)}
    cmake_args = [f"-DCMAKE_TOOLCHAIN_FILE={prepared / 'toolchain.cmake'}"]
    arch = wheel_platform(ctx.pins, target.wheel_platform).arch
    if target.platform == "windows":
        cross = CrossTarget(wheel_platform=target.wheel_platform, python_include=str(prepared / "include"),
                            python_import_library=str(prepared / "libpython3.dll.a"), extension_suffix=suffix,
                            import_library_flag="-Wl,--out-implib,{}", cmake_args=cmake_args)
    elif target.platform == "linux":
        # setuptools tags the wheel linux_<arch>; the repair stage gives it the manylinux tag zig built for.
        cross = CrossTarget(wheel_platform=f"linux_{arch.wheel['linux']}", python_include=str(prepared / "include"),
                            python_import_library="", extension_suffix=suffix, cmake_args=cmake_args,
                            repair_platform=target.wheel_platform)
    else:
        cross = CrossTarget(wheel_platform=target.wheel_platform, python_include=str(prepared / "include"),
                            python_import_library="", extension_suffix=suffix,
                            cmake_args=[*cmake_args, f"-DCMAKE_OSX_ARCHITECTURES={target.cmake_processor}"])
    ctx.log.info(f"toolchain: zig {version} for {target.triple} ({target.wheel_platform})")
    lean = target.platform != "windows"
    return Toolchain(name="zig", compiler=cxx, version=f"zig {version} {target.triple}", platform=target.platform,
                     machine=arch.name, extra_link_args=[] if lean else ["-s"], env=compile_env, cross=cross,
                     section_flags=list(SECTION_FLAGS) if lean else [], lean_link=lean)
