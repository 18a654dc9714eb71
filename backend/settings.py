"""One settings schema, read from [tool.ffcv-build], FFCV_BUILD_* variables and -C key=value.

Precedence: -C (config settings) over environment over pyproject.toml over defaults.
"""
from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import BuildError

ENV_PREFIX = "FFCV_BUILD_"
PROVIDERS = ("pkg-config", "dirs", "source", "conda", "prebuilt", "vcpkg")
TOOLCHAINS = ("native", "zig")


@dataclass(frozen=True)
class Option:
    key: str
    kind: str  # "str", "bool", "path", "paths", "names", "choice"
    help: str
    choices: tuple[str, ...] = ()

    @property
    def env_name(self) -> str:
        return ENV_PREFIX + self.key.upper().replace("-", "_")

    @property
    def attr(self) -> str:
        return self.key.replace("-", "_")


SCHEMA: tuple[Option, ...] = (
    Option("upstream-version", "str", "FFCV release to build (one with a patch series)."),
    Option("upstream-sdist", "path", "Build from this local upstream sdist file instead of downloading it."),
    Option("offline", "bool", "Never use the network: the upstream sdist must be bundled, local or cached."),
    Option("index-url", "str", "Package index to download the upstream sdist from (default: pip's settings)."),
    Option("cache-dir", "path", "Cache for downloads and built libraries (default: the user cache directory)."),
    Option("local-files", "paths", "Pinned archives on disk (a mirror), used instead of downloading; checked by sha256."),
    Option("deps", "choice", "Native dependency provider (source on Windows).", PROVIDERS),
    Option("include-dirs", "paths", "deps=dirs: folders holding opencv2/ and turbojpeg.h."),
    Option("library-dirs", "paths", "deps=dirs: folders holding the OpenCV and TurboJPEG libraries."),
    Option("libraries", "names", "deps=dirs: exact library names to link, replacing the pinned ones "
           "(comma-separated, e.g. opencv_world4120,turbojpeg)."),
    Option("licence-files", "paths", "deps=dirs: licence files of those libraries, shipped in the wheel with "
           "the libraries the repair step bundles."),
    Option("toolchain", "choice", "Compiler: the native one (gcc/clang; MSVC on Windows), or zig to cross-build "
           "a Windows wheel on Linux/macOS (with deps=source or deps=dirs).", TOOLCHAINS),
    Option("target", "str", "The wheel platform to cross-build for: win_arm64 with MSVC on x64 Windows (vcvarsall "
           "x64_arm64), or win_amd64/win_arm64 with toolchain=zig (win_arm64 untested).",),
    Option("repair", "bool", "Bundle native libraries into the wheel (auditwheel/delocate); false hands back the raw wheel."),
    Option("build-tag", "str", "Wheel build tag (a number first), so a rebuild replaces an older wheel."),
    Option("abi3", "bool", "Build the extension for CPython's stable ABI (one cp310-abi3 wheel)."),
    Option("verbose", "bool", "Show the compiler's and the repair tool's output."),
)
_BY_KEY = {option.key: option for option in SCHEMA}


@dataclass(frozen=True)
class Settings:
    upstream_version: str | None = None
    upstream_sdist: Path | None = None
    offline: bool = False
    index_url: str | None = None
    cache_dir: Path | None = None
    local_files: tuple[Path, ...] = ()
    deps: str = "source"
    include_dirs: tuple[Path, ...] = ()
    library_dirs: tuple[Path, ...] = ()
    libraries: tuple[str, ...] = ()
    licence_files: tuple[Path, ...] = ()
    toolchain: str = "native"
    target: str | None = None
    repair: bool = True
    build_tag: str | None = None
    abi3: bool = True
    verbose: bool = False


def _suggest(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def _parse(option: Option, raw: Any, source: str) -> Any:
    where = f"setting '{option.key}' ({source})"
    if option.kind == "paths":
        items = raw if isinstance(raw, (list, tuple)) else str(raw).split(os.pathsep)
        return tuple(Path(item).expanduser() for item in items if str(item))
    if option.kind == "names":
        items = raw if isinstance(raw, (list, tuple)) else str(raw).replace(",", " ").split()
        return tuple(str(item).strip() for item in items if str(item).strip())
    if isinstance(raw, (list, tuple)):
        raise BuildError(f"{where} was given more than once: {list(raw)}", "Give it a single value.")
    if option.kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "false"):
            return text == "true"
        raise BuildError(f"{where} must be true or false, not {raw!r}.")
    text = str(raw).strip()
    if option.kind == "choice" and text not in option.choices:
        raise BuildError(
            f"{where} must be one of {', '.join(option.choices)}, not {text!r}."
            + _suggest(text, list(option.choices)))
    if option.key == "build-tag" and not (text[:1].isdigit()):
        raise BuildError(f"{where} must start with a digit (wheel build tags do), not {text!r}.")
    if option.kind == "path":
        return Path(text).expanduser()
    return text


def _check_keys(keys: list[str], source: str, spell: Any = lambda key: key) -> None:
    known = [spell(option.key) for option in SCHEMA]
    for key in keys:
        if key not in known:
            raise BuildError(
                f"Unknown setting {key!r} ({source})." + _suggest(key, known),
                "Known settings: " + ", ".join(known))


def read_pyproject_table(project_dir: Path) -> dict[str, Any]:
    pyproject = project_dir / "pyproject.toml"
    if not pyproject.is_file():
        return {}
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    with pyproject.open("rb") as handle:
        data = tomllib.load(handle)
    return data.get("tool", {}).get("ffcv-build", {})


def load_settings(
    config_settings: Mapping[str, Any] | None,
    environ: Mapping[str, str],
    project_dir: Path,
) -> Settings:
    """Merge the three sources into one Settings; unknown keys and bad values raise BuildError."""
    layers: list[tuple[str, dict[str, Any]]] = []

    table = read_pyproject_table(project_dir)
    _check_keys(list(table), "[tool.ffcv-build] in pyproject.toml")
    layers.append(("pyproject.toml", table))

    env_values = {k: v for k, v in environ.items() if k.startswith(ENV_PREFIX)}
    _check_keys(list(env_values), "environment", lambda key: ENV_PREFIX + key.upper().replace("-", "_"))
    env_layer = {option.key: env_values[option.env_name] for option in SCHEMA if option.env_name in env_values}
    layers.append(("environment", env_layer))

    config = dict(config_settings or {})
    _check_keys(list(config), "-C / --config-settings")
    layers.append(("-C", config))

    # Windows has no pkg-config and no system OpenCV: there the libraries are built from the pinned sources.
    values: dict[str, Any] = {"deps": "source"} if sys.platform == "win32" else {}
    for source, layer in layers:
        for key, raw in layer.items():
            values[_BY_KEY[key].attr] = _parse(_BY_KEY[key], raw, source)
    settings = Settings(**values)
    if settings.deps == "dirs" and not settings.include_dirs:
        raise BuildError("deps=dirs needs include-dirs (and usually library-dirs).",
                         f"Example: -C include-dirs=/opt/opencv/include/opencv4{os.pathsep}/opt/libjpeg-turbo/include")
    if settings.toolchain == "zig" and settings.deps == "pkg-config":
        raise BuildError("toolchain=zig cross-builds for Windows, but deps=pkg-config finds this machine's libraries.",
                         "Add -C deps=source (libraries built for the target from pinned sources), or -C deps=dirs "
                         "with folders of Windows libraries.")
    if settings.toolchain == "zig" and settings.deps in ("prebuilt", "vcpkg", "conda"):
        raise BuildError(f"toolchain=zig cannot link the MSVC-built libraries of deps={settings.deps} (zig's MinGW "
                         "target does not share MSVC's C++ ABI).",
                         "Use -C deps=source for cross builds; deps=prebuilt is for native Windows builds.")
    return settings


def describe_schema() -> str:
    """A table of every setting, for `python -m backend settings` and the README."""
    defaults = {f.name: f.default for f in fields(Settings)}
    lines = []
    for option in SCHEMA:
        default = defaults[option.attr]
        shown = "" if default in (None, ()) else f" (default: {str(default).lower() if isinstance(default, bool) else default})"
        choices = f" One of: {', '.join(option.choices)}." if option.choices else ""
        lines.append(f"{option.key:18} {option.env_name:30} {option.help}{choices}{shown}")
    return "\n".join(lines)
