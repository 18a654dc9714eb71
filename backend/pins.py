"""The data file (vendor_scripts/pins.toml): upstream releases, native libraries, install hints."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BuildError

PINS_FILE = Path("vendor_scripts") / "pins.toml"
# The platform names the data file uses for per-platform entries.
PLATFORM = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def load_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict: the one place with the tomli fallback (tomllib is 3.11+)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    with path.open("rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class UpstreamPin:
    project: str
    version: str
    filename: str
    sha256: str
    exports: tuple[str, ...] = ()  # what the extension must export (module init, the ctypes functions)


@dataclass(frozen=True)
class NativeLibrary:
    name: str
    pkg_config: tuple[str, ...]
    libraries: tuple[str, ...]
    headers: tuple[str, ...]
    header_subdirs: tuple[str, ...]
    install: dict[str, str]


@dataclass(frozen=True)
class Pins:
    data: dict[str, Any]

    @classmethod
    def load(cls, project_dir: Path) -> "Pins":
        return cls(load_toml(project_dir / PINS_FILE))

    @property
    def supported_versions(self) -> list[str]:
        return sorted(self.data["upstream"]["versions"])

    def upstream(self, version: str | None) -> UpstreamPin:
        upstream = self.data["upstream"]
        version = version or upstream["default-version"]
        entry = upstream["versions"].get(version)
        if entry is None:
            raise BuildError(
                f"Unsupported upstream version {version!r}: supported are {', '.join(self.supported_versions)}.",
                "Each supported version has a patch series in patches/<version>/ and a pin in "
                f"{PINS_FILE.as_posix()}.")
        return UpstreamPin(upstream["project"], version, entry["filename"], entry["sha256"].lower(),
                           tuple(entry.get("exports", ())))

    def native(self, name: str) -> NativeLibrary:
        entry = self.data["native"][name]
        return NativeLibrary(
            name=name,
            pkg_config=tuple(entry.get("pkg-config", ())),
            libraries=tuple(entry.get("libraries", ())),
            headers=tuple(entry.get("headers", ())),
            header_subdirs=tuple(entry.get("header-subdirs", ())),
            install=dict(entry.get("install", {})),
        )

    @property
    def native_libraries(self) -> list[NativeLibrary]:
        return [self.native(name) for name in ("opencv", "turbojpeg")]

    @property
    def windows_python_default(self) -> str:
        """The Windows CPython series builds use ('3.12')."""
        return str(self.data["windows"]["python"]["default"])

    @property
    def pthread_shim(self) -> str:
        """The header-only pthread shim's folder, relative to the project."""
        return str(self.data["windows"]["pthread-shim"])

    @property
    def windows_dll_rules(self) -> "WindowsDllRules":
        data = self.data["verify"]["windows"]
        return WindowsDllRules(tuple(p.lower() for p in data["api-set-prefixes"]),
                               frozenset(d.lower() for d in data["system-dlls"]),
                               frozenset(d.lower() for d in data["interpreter-dlls"]), data["interpreter-dll-pattern"])

    @property
    def zig(self) -> "ZigPins":
        data = self.data["toolchain"]["zig"]
        return ZigPins(default_target=data["default-target"], python_config=data["python-config"],
                       targets={name: bool(entry["tested"]) for name, entry in data["targets"].items()},
                       cpu_flags={arch: tuple(flags) for arch, flags in data.get("cpu-flags", {}).items()})

    @property
    def vcpkg(self) -> "VcpkgPins":
        data = self.data["vcpkg"]
        return VcpkgPins(builtin_baseline=data["builtin-baseline"], dependencies=tuple(data["dependencies"]),
                         triplets=dict(data["triplets"]), libraries=tuple(data["libraries"]),
                         define_macros=tuple(data.get("define-macros", ())),
                         licence_ports=tuple(data["licence-ports"]))

    @property
    def macos_system_prefixes(self) -> tuple[str, ...]:
        """Where a macOS wheel's Mach-O files may load libraries from without carrying them ([verify.macos])."""
        return tuple(self.data["verify"]["macos"]["system-prefixes"])

    @property
    def interpreter_symbol_prefixes(self) -> tuple[str, ...]:
        """The names an ELF or Mach-O extension may leave for the interpreter to define ([verify.symbols])."""
        return tuple(self.data["verify"]["symbols"]["interpreter-prefixes"])

    def install_hint(self, name: str) -> str:
        install = self.data["native"][name]["install"]
        return "; ".join(f"{system}: {command}" for system, command in install.items())


@dataclass(frozen=True)
class SourceArchive:
    kind: str  # "pypi": a file of a project on the package index
    project: str
    filename: str
    sha256: str
    subdir: str
    skip: tuple[str, ...]


@dataclass(frozen=True)
class SourcePin:
    """A native library built from source by the `source` provider."""

    name: str
    version: str
    archives: tuple[SourceArchive, ...]
    cmake_options: tuple[str, ...]
    include_dirs: tuple[str, ...]
    link: tuple[str, ...]
    system_libraries: tuple[str, ...]
    licences: tuple[str, ...]
    simd_assemblers: tuple[str, ...]
    simd_off_option: str | None
    simd_assembler_architectures: tuple[str, ...] = ()  # architectures (canonical names) whose SIMD code needs them
    # (folder, its .cpp files that are compiled): every other .cpp file under the folder is removed before
    # configuring (`compile-only` in the data file, with the target's `compile-only-extra-*` added).
    compile_only: tuple[tuple[str, tuple[str, ...]], ...] = ()


def pinned_downloads(pins: Pins) -> list[dict[str, str]]:
    """Every file the data file pins, with where it comes from and why it is trusted (for `pins`)."""
    upstream = pins.data["upstream"]
    entries = [{"what": f"ffcv {version} (upstream sdist)", "file": entry["filename"], "sha256": entry["sha256"],
                "from": f"package index, project {upstream['project']}"}
               for version, entry in upstream["versions"].items()]
    for name, entry in pins.data["source"].items():
        entries += [{"what": f"{name} {entry['version']} (source)", "file": a["filename"], "sha256": a["sha256"],
                     "from": f"package index, project {a['project']}, folder {a['subdir']}",
                     "provenance": a.get("provenance", "")} for a in entry["archives"]]
    pythons = pins.data["windows"]["python"]
    for series, python in pythons["builds"].items():
        use = "cross builds, Wine tests" if series == pythons["default"] else "Wine rehearsal of the backend"
        entries.append({"what": f"Windows CPython {python['version']} ({use})",
                        "file": python["filename"], "sha256": python["sha256"],
                        "from": f"package index, project {python['project']}",
                        "provenance": python.get("provenance", "")})
    for name, entry in pins.data.get("prebuilt", {}).items():
        entries.append({"what": f"{name} {entry['version']} (prebuilt, official release)", "file": entry["filename"],
                        "sha256": entry["sha256"], "from": entry["url"], "provenance": entry["provenance"]})
    return [{key: value for key, value in entry.items() if value} for entry in entries]


@dataclass(frozen=True)
class PrebuiltPin:
    name: str
    version: str
    url: str
    filename: str
    sha256: str
    provenance: str
    kind: str
    machines: tuple[str, ...]
    root: str
    include_dirs: tuple[str, ...]
    library_dirs: tuple[str, ...]
    runtime_dirs: tuple[str, ...]
    libraries: tuple[str, ...]
    runtime_files: tuple[str, ...]
    licences: tuple[str, ...]
    licence_dirs: tuple[str, ...]

    @property
    def required_files(self) -> list[str]:
        """What the build cannot do without, relative to `root`."""
        return [*(f"{folder}/{name}.lib" for folder in self.library_dirs for name in self.libraries),
                *self.runtime_files, *self.licences]

    def wanted(self, member: str) -> bool:
        """Whether an archive member is one of the files to extract."""
        prefix = self.root.strip("/") + "/"
        if not member.startswith(prefix):
            return False
        relative = member[len(prefix):]
        folders = (*self.include_dirs, *self.licence_dirs)
        return relative in self.required_files or any(relative.startswith(f.rstrip("/") + "/") for f in folders)


def prebuilt_pins(pins: Pins) -> list[PrebuiltPin]:
    result = []
    for name, entry in pins.data.get("prebuilt", {}).items():
        result.append(PrebuiltPin(
            name=name, version=entry["version"], url=entry["url"], filename=entry["filename"],
            sha256=entry["sha256"].lower(), provenance=entry["provenance"], kind=entry["kind"],
            machines=tuple(entry["machines"]), root=entry["root"], include_dirs=tuple(entry["include-dirs"]),
            library_dirs=tuple(entry["library-dirs"]), runtime_dirs=tuple(entry["runtime-dirs"]),
            libraries=tuple(entry["libraries"]), runtime_files=tuple(entry.get("runtime-files", ())),
            licences=tuple(entry.get("licences", ())), licence_dirs=tuple(entry.get("licence-dirs", ()))))
    return result


@dataclass(frozen=True)
class WindowsPythonPin:
    version: str
    project: str
    filename: str
    sha256: str
    zip: str  # member of the sdist: the embeddable zip
    folder: str  # folder inside that zip holding python.exe

    @property
    def minor_tag(self) -> str:
        """3.12.9 -> 312, as in python312.dll."""
        major, minor = self.version.split(".")[:2]
        return f"{major}{minor}"


def windows_python_pins(pins: Pins) -> dict[str, WindowsPythonPin]:
    """Every pinned Windows CPython, by series ('3.12')."""
    builds = pins.data["windows"]["python"]["builds"]
    return {series: WindowsPythonPin(**{key: str(data[key]) for key in ("version", "project", "filename", "sha256",
                                                                       "zip", "folder")})
            for series, data in builds.items()}


@dataclass(frozen=True)
class WindowsDllRules:
    """What a Windows extension may import without the wheel carrying it ([verify.windows])."""

    api_set_prefixes: tuple[str, ...]
    system_dlls: frozenset[str]
    interpreter_dlls: frozenset[str]
    interpreter_pattern: str


@dataclass(frozen=True)
class ZigPins:
    """[toolchain.zig]: the default target, Windows' pyconfig.h, and each target with whether it was run."""

    default_target: str
    python_config: str
    targets: dict[str, bool]  # wheel platform tag -> tested (built and run somewhere)
    cpu_flags: dict[str, tuple[str, ...]]  # architecture -> flags every command starts with (OpenCV's baseline)


@dataclass(frozen=True)
class VcpkgPins:
    """[vcpkg]: the manifest (baseline and ports), triplets by MSVC architecture, what the build links."""

    builtin_baseline: str
    dependencies: tuple[Any, ...]
    triplets: dict[str, str]
    libraries: tuple[str, ...]
    define_macros: tuple[str, ...]
    licence_ports: tuple[str, ...]
