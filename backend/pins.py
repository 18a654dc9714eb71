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
        if sys.version_info >= (3, 11):
            import tomllib
        else:
            import tomli as tomllib
        with (project_dir / PINS_FILE).open("rb") as handle:
            return cls(tomllib.load(handle))

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


def source_pins(pins: Pins, platform: str = PLATFORM, toolchain: str = "") -> list[SourcePin]:
    """The libraries of the `source` provider, in build order, with the entries for the target `platform`
    and `toolchain` (gcc, clang, msvc, zig)."""
    result = []
    for name, entry in pins.data["source"].items():
        archives = tuple(
            SourceArchive(kind=a["kind"], project=a["project"], filename=a["filename"], sha256=a["sha256"].lower(),
                          subdir=a["subdir"], skip=tuple(a.get("skip", ())))
            for a in entry["archives"])
        result.append(SourcePin(
            name=name, version=entry["version"], archives=archives,
            cmake_options=(*entry.get("cmake-options", ()), *entry.get(f"cmake-options-{platform}", ())),
            include_dirs=tuple(entry["include-dirs"]),
            link=tuple(entry.get(f"link-{platform}-{toolchain}", entry["link"])),
            system_libraries=tuple(entry.get("system-libraries", {}).get(platform, ())),
            licences=tuple(entry["licences"]), simd_assemblers=tuple(entry.get("simd-assemblers", ())),
            simd_off_option=entry.get("simd-off-option"),
            simd_assembler_architectures=tuple(entry.get("simd-assembler-architectures", ()))))
    return result


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
