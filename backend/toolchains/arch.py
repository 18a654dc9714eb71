"""One architecture vocabulary: each architecture's spelling for wheel tags, MSVC, CMake, zig and dlltool, from
the data file's [architectures] table. Every module names an architecture by its canonical name (the table's key)
and asks here for the spelling a tool wants; any spelling a tool or platform reports maps back to it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BuildError
from ..pins import Pins


@dataclass(frozen=True)
class Arch:
    name: str  # canonical: x86_64, aarch64, x86
    wheel: dict[str, str]  # per platform (linux, macos, windows): the wheel tag's spelling
    cmake: dict[str, str]  # per platform: CMAKE_SYSTEM_PROCESSOR
    msvc: str | None  # vcvarsall, VSCMD_ARG_TGT_ARCH, vcpkg triplets, official Windows releases
    msvc_machine: str | None  # lib.exe /machine:
    msvc_component: str | None  # vswhere -requires: the Visual Studio component with MSVC's compiler for it
    zig: str | None  # the first part of zig's target triple
    dlltool: str | None  # dlltool -m
    pe_machine: int | None  # PE header Machine
    pe_name: str | None  # IMAGE_FILE_MACHINE_<name>, delvewheel's MachineType
    macho_cputype: int | None  # Mach-O header cputype
    aliases: tuple[str, ...]  # other spellings machines report (platform.machine(), PROCESSOR_ARCHITECTURE)

    @property
    def spellings(self) -> frozenset[str]:
        return frozenset(s.lower() for s in (self.name, *self.wheel.values(), *self.cmake.values(), self.msvc,
                                              self.zig, *self.aliases) if s)


def architectures(pins: Pins) -> dict[str, Arch]:
    return {name: Arch(name=name, wheel=dict(entry["wheel"]), cmake=dict(entry["cmake"]), msvc=entry.get("msvc"),
                       msvc_machine=entry.get("msvc-machine"), msvc_component=entry.get("msvc-component"),
                       zig=entry.get("zig"), dlltool=entry.get("dlltool"), pe_machine=entry.get("pe-machine"),
                       pe_name=entry.get("pe-name"), macho_cputype=entry.get("macho-cputype"),
                       aliases=tuple(entry.get("aliases", ())))
            for name, entry in pins.data["architectures"].items()}


def macho_architecture(pins: Pins, cputype: int) -> str:
    """A Mach-O cputype as macOS wheel tags spell it (arm64, x86_64); an unknown one in hex."""
    found = [arch for arch in architectures(pins).values() if arch.macho_cputype == cputype]
    return found[0].wheel.get("macos", found[0].name) if found else hex(cputype)


def msvc_targets(pins: Pins) -> dict[str, Arch]:
    """The architectures MSVC builds wheels for, by MSVC's spelling, in the table's order: those with a Windows
    wheel tag (32-bit Windows has none)."""
    return {arch.msvc: arch for arch in architectures(pins).values() if arch.msvc and "windows" in arch.wheel}


def architecture(pins: Pins, spelling: str) -> Arch:
    """The architecture any tool's or platform's spelling names (case-insensitive)."""
    for arch in architectures(pins).values():
        if spelling.lower() in arch.spellings:
            return arch
    raise BuildError(f"Unknown architecture {spelling!r}.",
                     "The data file's [architectures] table (vendor_scripts/pins.toml) lists every spelling known.")


@dataclass(frozen=True)
class WheelPlatform:
    """A wheel platform tag taken apart: win_amd64, manylinux_2_17_aarch64, macosx_11_0_arm64."""

    tag: str
    platform: str  # linux, macos, windows
    arch: Arch
    version: tuple[int, int] | None  # glibc (manylinux) or macOS version; None for Windows


def wheel_platform(pins: Pins, tag: str) -> WheelPlatform:
    found = re.fullmatch(r"win_(\w+)|manylinux_(\d+)_(\d+)_(\w+)|macosx_(\d+)_(\d+)_(\w+)", tag)
    if found is None:
        raise BuildError(f"{tag!r} is not a wheel platform tag this backend builds for.",
                         "Use one like win_amd64, manylinux_2_17_aarch64 or macosx_11_0_arm64.")
    g = found.groups()
    if g[0]:
        platform, arch_name, version = "windows", g[0], None
    elif g[3]:
        platform, arch_name, version = "linux", g[3], (int(g[1]), int(g[2]))
    else:
        platform, arch_name, version = "macos", g[6], (int(g[4]), int(g[5]))
    arch = architecture(pins, arch_name)
    if arch.wheel.get(platform) != arch_name:
        raise BuildError(f"{tag!r}: {platform} wheels spell {arch.name} "
                         f"{arch.wheel.get(platform, '(not built for it)')!r}, not {arch_name!r}.")
    return WheelPlatform(tag=tag, platform=platform, arch=arch, version=version)
