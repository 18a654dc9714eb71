"""One settings schema, read from [tool.ffcv-build], FFCV_BUILD_* variables and -C key=value.

Precedence: -C (config settings) over environment over pyproject.toml over defaults.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import BuildError

ENV_PREFIX = "FFCV_BUILD_"
PROVIDERS = ("pkg-config", "dirs", "source", "conda", "prebuilt", "vcpkg")
TOOLCHAINS = ("native", "zig")
# The wheel spec's build tag: a number, then optionally letters, digits, '_' or '.'; never '-', which
# separates the parts of a wheel's file name.
BUILD_TAG = re.compile(r"[0-9]+[A-Za-z0-9_.]*")


def _setting(default: Any, kind: str, meaning: str, choices: tuple[str, ...] = (), shown_default: str = "") -> Any:
    """A field of Settings with what the CLI, the table in docs/building.md and validation need to know about it."""
    return field(default=default, metadata={"kind": kind, "help": meaning, "choices": choices,
                                            "shown_default": shown_default})


@dataclass(frozen=True)
class Settings:
    """Every setting, declared once: its type (kind), default, choices and meaning. Validation, the
    `python -m backend settings` listing and docs/building.md's table all come from these fields."""
    upstream_version: str | None = _setting(None, "str", "FFCV release to build; one with a patch series",
                                            shown_default="the data file's `default-version`")
    upstream_sdist: Path | None = _setting(None, "path", "build from this local upstream sdist (still sha256-checked)")
    offline: bool = _setting(False, "bool", "never use the network: the upstream sdist and sources must be "
                             "bundled, local or cached")
    index_url: str | None = _setting(None, "str", "index for the upstream sdist and the library sources",
                                     shown_default="pip's settings")
    cache_dir: Path | None = _setting(None, "path", "downloads and built library prefixes",
                                      shown_default="the user cache directory")
    local_files: tuple[Path, ...] = _setting((), "paths", "pinned archives on disk, or folders holding them (a "
                                             "mirror), used instead of downloading; checked by sha256")
    deps: str = _setting("source", "choice", "native dependency provider: `source` (OpenCV core+imgproc and "
                         "libjpeg-turbo built from pinned sources, linked statically; what published wheels use), "
                         "`pkg-config` (the system's libraries, for distribution packagers), `dirs` (your own "
                         "folders), `conda` (the active conda environment), `prebuilt` (OpenCV's official Windows "
                         "release; MSVC, x64) or `vcpkg` (the data file's manifest, built by your vcpkg; MSVC)",
                         PROVIDERS)
    include_dirs: tuple[Path, ...] = _setting((), "paths", "`deps=dirs`: folders with `opencv2/` (or "
                                              "`opencv4/opencv2/`) and `turbojpeg.h`")
    library_dirs: tuple[Path, ...] = _setting((), "paths", "`deps=dirs`: folders with the OpenCV core/imgproc "
                                              "and TurboJPEG libraries (and, on Windows, their DLLs)")
    libraries: tuple[str, ...] = _setting((), "names", "`deps=dirs`: exact library names to link instead of the "
                                          "pinned ones, comma-separated (e.g. `opencv_world4120,turbojpeg`)")
    licence_files: tuple[Path, ...] = _setting((), "paths", "`deps=dirs`: licence files of those libraries, "
                                               "shipped in the wheel (a warning without them when the repair "
                                               "step may bundle libraries)")
    toolchain: str = _setting("native", "choice", "`native` (gcc/clang; MSVC on Windows) or `zig`: cross-build a "
                              "Windows, manylinux or macOS wheel on Linux/macOS, with `deps=source` or `dirs`",
                              TOOLCHAINS)
    target: str | None = _setting(None, "str", "the wheel platform to cross-build: `win_arm64` with MSVC on x64 "
                                  "(vcvarsall `x64_arm64`), or with `toolchain=zig` `win_amd64`, "
                                  "`manylinux_2_17_aarch64` (tested), `win_arm64`, `manylinux_2_17_x86_64`, "
                                  "`macosx_11_0_arm64` (compile check)",
                                  shown_default="this Python's platform; `win_amd64` with zig")
    repair: bool = _setting(True, "bool", "bundle the libraries the extension loads into the wheel (auditwheel, "
                            "delocate, delvewheel); `false` hands back the raw wheel, for a repair step of your own")
    build_tag: str | None = _setting(None, "str", "wheel build tag, so a rebuild replaces an older wheel: a "
                                     "number, then optionally letters, digits, `_` or `.` (e.g. `1`, `2rebuild`)")
    abi3: bool = _setting(True, "bool", "build for CPython's stable ABI: one `cp310-abi3` wheel")
    verbose: bool = _setting(False, "bool", "show the compiler's and the repair tool's output")


@dataclass(frozen=True)
class Option:
    """One setting as seen from outside: its key, environment name, kind and meaning."""
    key: str
    kind: str  # "str", "bool", "path", "paths", "names", "choice"
    help: str
    choices: tuple[str, ...] = ()
    default: Any = None
    shown_default: str = ""

    @property
    def env_name(self) -> str:
        return ENV_PREFIX + self.key.upper().replace("-", "_")

    @property
    def attr(self) -> str:
        return self.key.replace("-", "_")

    @property
    def default_text(self) -> str:
        if self.shown_default:
            return self.shown_default
        if isinstance(self.default, bool):
            return str(self.default).lower()
        return "" if self.default in (None, ()) else f"{self.default}"


SCHEMA: tuple[Option, ...] = tuple(
    Option(item.name.replace("_", "-"), item.metadata["kind"], item.metadata["help"], item.metadata["choices"],
           item.default, item.metadata["shown_default"]) for item in fields(Settings))
_BY_KEY = {option.key: option for option in SCHEMA}


def _suggest(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def _absolute(text: str, base: Path) -> Path:
    # Resolved once, here: messages show where a path really points, and no later chdir changes it.
    return Path(os.path.normpath(base / Path(text).expanduser()))


def _parse(option: Option, raw: Any, source: str, base: Path | None = None) -> Any:
    """`base`: what relative paths are relative to (the project folder for pyproject.toml, else the
    current folder)."""
    where = f"setting '{option.key}' ({source})"
    base = Path.cwd() if base is None else base
    if option.kind == "paths":
        items = raw if isinstance(raw, (list, tuple)) else str(raw).split(os.pathsep)
        return tuple(_absolute(str(item), base) for item in items if str(item))
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
    if option.key == "build-tag" and not BUILD_TAG.fullmatch(text):
        raise BuildError(f"{where} is not a wheel build tag: {text!r}. A build tag starts with a digit, followed "
                         "by letters, digits, '_' or '.' only (no '-').", "For example: 1, 2, 2rebuild, 20250101.1")
    if option.kind == "path":
        return _absolute(text, base)
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
    from .pins import load_toml

    return load_toml(pyproject).get("tool", {}).get("ffcv-build", {})


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

    values: dict[str, Any] = {}
    for source, layer in layers:
        base = project_dir if source == "pyproject.toml" else Path.cwd()
        for key, raw in layer.items():
            values[_BY_KEY[key].attr] = _parse(_BY_KEY[key], raw, source, base)
    return Settings(**values)


def describe_schema(markdown: bool = False) -> str:
    """Every setting with its environment name, meaning and default: plain lines for
    `python -m backend settings`, or docs/building.md's table (`--markdown`)."""
    if markdown:
        rows = ["| key (`-C key=…`, `[tool.ffcv-build]`) | environment | meaning (default) |", "|---|---|---|"]
        rows += [f"| `{o.key}` | `{o.env_name}` | {o.help}" + (f" (`{o.default_text}`)" if o.default_text and
                 not o.shown_default else f" ({o.default_text})" if o.default_text else "") + " |" for o in SCHEMA]
        return "\n".join(rows)
    lines = []
    for option in SCHEMA:
        choices = f" One of: {', '.join(option.choices)}." if option.choices else ""
        shown = f" (default: {option.default_text.replace('`', '')})" if option.default_text else ""
        lines.append(f"{option.key:18} {option.env_name:30} {option.help.replace('`', '')}.{choices}{shown}")
    return "\n".join(lines)
