"""Stage: find the C++ compiler and the flags that belong to it.

This package holds the toolchain kinds behind their registry (registry.py: the Protocol, the name -> kind table
and `detect`): the native compilers (native.py: gcc/clang, MSVC through msvc.py), zig's cross builds (zig.py)
with the target's Windows Python (windows_python.py), and the architecture vocabulary every one of them speaks
(arch.py). This module is the record they all yield."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from platform import machine as host_machine

from ..pins import PLATFORM


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
