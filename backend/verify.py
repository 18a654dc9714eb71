"""Stage: check the finished wheel: extension present, libraries closed, licence and record inside."""
from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
import zipfile
from pathlib import Path, PurePosixPath

from .context import BuildContext
from .errors import BuildError
from .pins import Pins
from .record import RECORD_NAME
from .toolchains.arch import architectures
from .wheelfile import platform_tag


def elf_needed(data: bytes) -> list[str]:
    from elftools.elf.dynamic import DynamicSection
    from elftools.elf.elffile import ELFFile

    elf = ELFFile(io.BytesIO(data))
    needed = []
    for section in elf.iter_sections():
        if isinstance(section, DynamicSection):
            needed += [tag.needed for tag in section.iter_tags() if tag.entry.d_tag == "DT_NEEDED"]
    return needed


def elf_exports(data: bytes) -> set[str]:
    """The names an ELF shared object exports: defined, global or weak, default or protected visibility."""
    from elftools.elf.elffile import ELFFile

    section = ELFFile(io.BytesIO(data)).get_section_by_name(".dynsym")
    if section is None:
        return set()
    return {symbol.name for symbol in section.iter_symbols()
            if symbol.name and symbol["st_shndx"] != "SHN_UNDEF"
            and symbol["st_info"]["bind"] in ("STB_GLOBAL", "STB_WEAK")
            and symbol["st_other"]["visibility"] in ("STV_DEFAULT", "STV_PROTECTED")}


def check_exports(wheel: Path, exports: tuple[str, ...]) -> None:
    """Every name FFCV reaches through ctypes (and the module init) must be exported by the ELF extension."""
    with zipfile.ZipFile(wheel) as archive:
        extensions = {name: archive.read(name) for name in archive.namelist()
                      if PurePosixPath(name).name.startswith("_libffcv")}
    for name, data in extensions.items():
        if data[:4] != b"\x7fELF":
            continue
        missing = [symbol for symbol in exports if symbol not in elf_exports(data)]
        if missing:
            raise BuildError(f"{name} does not export {', '.join(missing)}, which FFCV calls.",
                             "The exports list of the data file (vendor_scripts/pins.toml) and libffcv.cpp must "
                             "agree; a linker flag that hides symbols may be in LDFLAGS.")


def elf_unbound(data: bytes) -> list[str]:
    """The undefined, non-weak names of an ELF shared object that no needed library is named for: those
    without a symbol version (glibc, libstdc++, libgcc version every name they define, and the link records
    the version of the library it found a name in)."""
    from elftools.elf.elffile import ELFFile

    elf = ELFFile(io.BytesIO(data))
    dynsym = elf.get_section_by_name(".dynsym")
    if dynsym is None:
        return []
    versions = elf.get_section_by_name(".gnu.version")
    unbound = []
    for index, symbol in enumerate(dynsym.iter_symbols()):
        if not symbol.name or symbol["st_shndx"] != "SHN_UNDEF" or symbol["st_info"]["bind"] != "STB_GLOBAL":
            continue
        version = versions.get_symbol(index)["ndx"] if versions is not None else "VER_NDX_GLOBAL"
        if version in ("VER_NDX_LOCAL", "VER_NDX_GLOBAL"):
            unbound.append(symbol.name)
    return unbound


# Mach-O: LC_SYMTAB, the header flag of two-level namespaces, the library ordinals that name no loaded library
# (0: flat lookup, 0xFE: -undefined dynamic_lookup, 0xFF: the main executable, i.e. python).
MACHO_SYMTAB, MACHO_TWOLEVEL = 0x2, 0x80
MACHO_LOOKUP_ORDINALS = (0x00, 0xFE, 0xFF)


def macho_load_commands(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """(cputype, header flags, [(command, offset, size), ...]) of a thin 64-bit little-endian Mach-O file."""
    import struct

    if data[:4] != b"\xcf\xfa\xed\xfe":
        raise BuildError("Not a thin 64-bit Mach-O file (a universal or 32-bit one is not built here).")
    cputype, _, _, ncmds, _, flags, _ = struct.unpack_from("<iIIIIII", data, 4)
    offset, commands = 32, []
    for _ in range(ncmds):
        cmd, size = struct.unpack_from("<II", data, offset)
        commands.append((cmd, offset, size))
        offset += size
    return cputype, flags, commands


def macho_unbound(data: bytes) -> list[str]:
    """The undefined names of a thin 64-bit Mach-O file that no library it loads is named for (flat or dynamic
    lookup, or the main executable), without the leading underscore of C names."""
    import struct

    _, flags, commands = macho_load_commands(data)
    unbound = []
    for cmd, offset, _ in commands:
        if cmd == MACHO_SYMTAB:
            symoff, nsyms, stroff, _ = struct.unpack_from("<IIII", data, offset + 8)
            for entry in range(nsyms):
                strx, kind, _, desc, _ = struct.unpack_from("<IBBHQ", data, symoff + 16 * entry)
                # N_STAB bits clear, N_TYPE == N_UNDF, N_EXT set.
                if kind & 0xE0 or kind & 0x0E or not kind & 0x01:
                    continue
                if flags & MACHO_TWOLEVEL and (desc >> 8) & 0xFF not in MACHO_LOOKUP_ORDINALS:
                    continue
                name = data[stroff + strx:data.index(b"\0", stroff + strx)].decode("utf-8", "replace")
                unbound.append(name[1:] if name.startswith("_") else name)
    return unbound


def system_library_paths() -> dict[str, Path]:
    """The shared libraries this machine's loader knows (ldconfig's cache), by file name."""
    import shutil
    import subprocess

    ldconfig = shutil.which("ldconfig") or ("/sbin/ldconfig" if Path("/sbin/ldconfig").exists() else None)
    if ldconfig is None:
        return {}
    listed = subprocess.run([ldconfig, "-p"], capture_output=True, text=True).stdout
    found = re.findall(r"^\s*(\S+) \(([^)]*)\) => (\S+)$", listed, re.MULTILINE)
    return {name: Path(path) for name, _, path in found}


def elf_defined_by_needed(data: bytes, inside: dict[str, bytes], library_dirs: Sequence[str] = ()) -> set[str]:
    """The names exported by the libraries an ELF file needs: the wheel's own copies (a repaired wheel), else the
    provider's library folders (where the repair step looks too), else the build machine's loader cache (an
    unrepaired build against libraries that need not version their names)."""
    exported: set[str] = set()
    system: dict[str, Path] | None = None
    for library in elf_needed(data):
        if library in inside:
            exported |= elf_exports(inside[library])
            continue
        found = next((Path(folder) / library for folder in library_dirs if (Path(folder) / library).is_file()), None)
        if found is None:
            system = system_library_paths() if system is None else system
            found = system.get(library)
        if found is not None and found.is_file():
            exported |= elf_exports(found.read_bytes())
    return exported


def unresolved_symbols(wheel: Path, interpreter_prefixes: tuple[str, ...],
                       library_dirs: Sequence[str] = ()) -> dict[str, list[str]]:
    """For each ELF or Mach-O extension (ffcv/_libffcv*) in the wheel, the names it leaves undefined that neither
    the interpreter (by prefix) nor a library it needs defines: each would fail the import. Libraries bundled
    by repair are not checked: they come built from elsewhere (their own needs are auditwheel's business)."""
    with zipfile.ZipFile(wheel) as archive:
        binaries = {name: archive.read(name) for name in archive.namelist()
                    if name.endswith((".so", ".dylib")) or ".so." in PurePosixPath(name).name}
    inside = {PurePosixPath(name).name: data for name, data in binaries.items() if data[:4] == b"\x7fELF"}
    found = {}
    for name, data in binaries.items():
        if not PurePosixPath(name).name.startswith("_libffcv"):
            continue
        if data[:4] == b"\x7fELF":
            unbound = [symbol for symbol in elf_unbound(data) if not symbol.startswith(interpreter_prefixes)]
            if unbound:  # unversioned names a needed library may still define (one that does not version)
                defined = elf_defined_by_needed(data, inside, library_dirs)
                unbound = [symbol for symbol in unbound if symbol not in defined]
        elif data[:4] == b"\xcf\xfa\xed\xfe":
            unbound = [symbol for symbol in macho_unbound(data) if not symbol.startswith(interpreter_prefixes)]
        else:
            continue
        if unbound:
            found[name] = sorted(unbound)
    return found


def check_symbols(ctx: BuildContext, wheel: Path, library_dirs: Sequence[str] = ()) -> None:
    missing = unresolved_symbols(wheel, ctx.pins.interpreter_symbol_prefixes, library_dirs)
    if missing:
        shown = {name: names[:20] + ([f"... {len(names) - 20} more"] if len(names) > 20 else [])
                 for name, names in missing.items()}
        raise BuildError("Symbols left undefined that neither Python nor the C/C++ runtime defines (the import "
                         "would fail):\n  " + "\n  ".join(f"{name}: {', '.join(names)}" for name, names in shown.items()),
                         "A library the extension links is incomplete: with deps=source, the compile-only list of "
                         "the data file (vendor_scripts/pins.toml) misses the source file defining these "
                         "(add it, to compile-only-extra-<platform> if only this target needs it).")
    ctx.log.info("verify: no symbol left undefined beyond the Python C API and the C/C++ runtime")


def manylinux_system_libraries(wheel_name: str) -> frozenset[str]:
    """The libraries auditwheel's policy lets a wheel with this manylinux tag take from the system."""
    import importlib.resources
    import json

    policies = json.loads((importlib.resources.files("auditwheel.policy") / "manylinux-policy.json").read_text())
    tag = platform_tag(wheel_name)
    for policy in policies:
        names = [policy["name"], *policy.get("aliases", [])]
        if any(tag.startswith(name + "_") for name in names if name != "linux"):
            return frozenset(policy["lib_whitelist"])
    raise BuildError(f"{wheel_name}: no manylinux policy matches its platform tag {tag!r}.")


def linux_closure(wheel: Path, system_libraries: frozenset[str]) -> dict[str, list[str]]:
    """For each ELF file in the wheel, the libraries it needs that are neither bundled nor system ones."""
    with zipfile.ZipFile(wheel) as archive:
        candidates = {name: archive.read(name) for name in archive.namelist() if ".so" in PurePosixPath(name).name}
    elves = {name: data for name, data in candidates.items() if data[:4] == b"\x7fELF"}
    inside = {PurePosixPath(name).name for name in elves}
    # The dynamic loader (ld-linux-*.so.*, ld64.so.*) is part of every glibc system.
    return {name: [lib for lib in elf_needed(data) if lib not in inside and lib not in system_libraries
                   and not lib.startswith(("ld-linux", "ld64.so"))]
            for name, data in elves.items()}


def delvewheel_system_dlls(pins: Pins) -> dict[int, frozenset[str]]:
    """delvewheel's own list of the DLLs every Windows (7 SP1 and later) has, which it never bundles, per PE
    machine: thousands of names (Media Foundation, Direct3D, DXGI...) that a hand list would miss. Empty when
    delvewheel is not installed (it is private data of delvewheel, read defensively)."""
    try:
        from delvewheel import _dll_list
    except ImportError:
        return {}
    names = getattr(_dll_list, "ignore_names", {})
    found = {}
    for arch in architectures(pins).values():  # by PE Machine value, from delvewheel's MachineType names
        key = getattr(getattr(_dll_list, "MachineType", None), arch.pe_name or "", None)
        if key in names and arch.pe_machine is not None:
            found[arch.pe_machine] = frozenset(name.lower() for name in names[key])
    return found


@dataclass(frozen=True)
class WindowsSystem:
    """What a Windows extension may import without the wheel carrying it: the data file's rules, and what
    delvewheel itself knows to be part of Windows for the importing file's architecture."""

    api_set_prefixes: tuple[str, ...]
    system_dlls: frozenset[str]
    interpreter_dlls: frozenset[str]
    interpreter_pattern: str
    delvewheel_dlls: dict[int, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_pins(cls, pins: Pins) -> "WindowsSystem":
        rules = pins.windows_dll_rules
        return cls(rules.api_set_prefixes, rules.system_dlls, rules.interpreter_dlls, rules.interpreter_pattern,
                   delvewheel_system_dlls(pins))

    def provider(self, dll: str, machine: int | None = None) -> str | None:
        """Where `dll` comes from when a file of PE `machine` imports it (None: any architecture's list)."""
        name = dll.lower()
        if name.startswith(self.api_set_prefixes) or name in self.system_dlls:
            return "Windows"
        if name in self.interpreter_dlls or re.fullmatch(self.interpreter_pattern, name):
            return "CPython"
        lists = [self.delvewheel_dlls.get(machine, frozenset())] if machine else self.delvewheel_dlls.values()
        if any(name in names for names in lists):
            return "Windows"
        return None


def pe_imports(data: bytes) -> list[str]:
    """The DLLs a PE file imports, delay-loaded ones included (objdump misses those delvewheel adds)."""
    import pefile

    pe = pefile.PE(data=data, fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"],
                                           pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT"]])
    entries = [*getattr(pe, "DIRECTORY_ENTRY_IMPORT", []), *getattr(pe, "DIRECTORY_ENTRY_DELAY_IMPORT", [])]
    return [entry.dll.decode("ascii", "replace") for entry in entries]


def pe_machine(data: bytes) -> int:
    """The Machine field of a PE file's header (0x8664 for x64, 0xAA64 for ARM64)."""
    import pefile

    return pefile.PE(data=data, fast_load=True).FILE_HEADER.Machine


def windows_closure(wheel: Path, system: WindowsSystem) -> dict[str, dict[str, str]]:
    """For each .pyd/.dll in the wheel: imported DLL -> where it comes from ("wheel: <path>", "Windows",
    "CPython" or "MISSING")."""
    with zipfile.ZipFile(wheel) as archive:
        binaries = {name: archive.read(name) for name in archive.namelist()
                    if name.lower().endswith((".pyd", ".dll"))}
    inside = {PurePosixPath(name).name.lower(): name for name in binaries}
    closure = {}
    for name, data in binaries.items():
        machine = pe_machine(data)
        closure[name] = {dll: (f"wheel: {inside[dll.lower()]}" if dll.lower() in inside
                               else system.provider(dll, machine) or "MISSING") for dll in pe_imports(data)}
    return closure


def missing_from(closure: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    return {name: [dll for dll, where in imports.items() if where == "MISSING"]
            for name, imports in closure.items() if "MISSING" in imports.values()}


# Mach-O load commands naming a library the file needs (LC_LOAD_DYLIB, weak, re-export, lazy, upward).
MACHO_DYLIB_COMMANDS = {0xC, 0x80000018, 0x8000001F, 0x20, 0x80000023}


def macho_imports(data: bytes) -> tuple[int, list[str]]:
    """(cputype, libraries) of a thin 64-bit little-endian Mach-O file, read from its load commands
    (arch.macho_architecture names the cputype)."""
    import struct

    cputype, _, commands = macho_load_commands(data)
    libraries = []
    for cmd, offset, size in commands:
        if cmd in MACHO_DYLIB_COMMANDS:
            (name_offset,) = struct.unpack_from("<I", data, offset + 8)
            raw = data[offset + name_offset:offset + size]
            libraries.append(raw.split(b"\0", 1)[0].decode("utf-8", "replace"))
    return cputype, libraries


def macos_closure(wheel: Path, system_prefixes: tuple[str, ...]) -> dict[str, list[str]]:
    """For each Mach-O file in the wheel, the libraries it needs that are neither the system's (by path
    prefix) nor in the wheel (@loader_path/@rpath names, as delocate writes them)."""
    with zipfile.ZipFile(wheel) as archive:
        binaries = {name: archive.read(name) for name in archive.namelist()
                    if name.endswith((".so", ".dylib")) and not name.endswith("/")}
    inside = {PurePosixPath(name).name for name in binaries}
    closure = {}
    for name, data in binaries.items():
        _, libraries = macho_imports(data)
        closure[name] = [lib for lib in libraries if not lib.startswith(system_prefixes)
                         and not (lib.startswith(("@loader_path/", "@rpath/")) and PurePosixPath(lib).name in inside)]
    return closure


def verify_wheel(ctx: BuildContext, wheel: Path, repaired: bool, library_dirs: Sequence[str] = ()) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    if not any(PurePosixPath(n).name.startswith("_libffcv") for n in names):
        raise BuildError(f"{wheel.name} holds no ffcv/_libffcv extension.")
    if not any(n.endswith(f".dist-info/{RECORD_NAME}") for n in names):
        raise BuildError(f"{wheel.name} holds no build record.")
    if not any("/licenses/" in n or n.endswith(".dist-info/LICENSE") for n in names):
        raise BuildError(f"{wheel.name} holds no licence file.")
    tag = platform_tag(wheel.name)
    check_exports(wheel, ctx.upstream.exports)
    check_symbols(ctx, wheel, library_dirs)
    # The wheel's own tag decides (a cross build checks a Windows wheel on Linux).
    if repaired and "linux" in tag:
        if "manylinux" not in wheel.name:
            raise BuildError(f"{wheel.name} has no manylinux tag after repair.")
        closure = linux_closure(wheel, manylinux_system_libraries(wheel.name))
        missing = {name: libs for name, libs in closure.items() if libs}
        if missing:
            raise BuildError("Libraries needed but neither bundled nor provided by manylinux systems:\n  "
                             + "\n  ".join(f"{name}: {', '.join(libs)}" for name, libs in missing.items()))
        ctx.log.info(f"verify: {len(closure)} ELF files, every needed library bundled or a manylinux system one")
    if tag.startswith("macosx"):
        missing = {name: libs for name, libs in macos_closure(wheel, ctx.pins.macos_system_prefixes).items() if libs}
        if missing:
            raise BuildError("Libraries needed but neither in the wheel nor part of macOS:\n  "
                             + "\n  ".join(f"{name}: {', '.join(libs)}" for name, libs in missing.items()))
        ctx.log.info("verify: every Mach-O file needs only macOS's own libraries or the wheel's")
    if repaired and tag.startswith("win"):
        missing = missing_from(windows_closure(wheel, WindowsSystem.from_pins(ctx.pins)))
        if missing:
            raise BuildError("DLLs imported but neither in the wheel nor part of Windows or CPython:\n  "
                             + "\n  ".join(f"{name}: {', '.join(dlls)}" for name, dlls in missing.items()))
