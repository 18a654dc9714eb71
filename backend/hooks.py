"""PEP 517 hooks. Each reads the settings, runs its part of the pipeline, and turns BuildError into a clear exit."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping, TypeVar

from . import pipeline, sdist, upstream
from .context import BuildContext
from .deps.source import prefixes_built, source_needs_network
from .errors import BuildError
from .windows_python import windows_python_needs_network, zig_builds_for_windows
from .log import Log
from .signals import EXIT_CODE, Terminated, terminate_by_exception

T = TypeVar("T")


def _run(config_settings: Mapping[str, Any] | None, action: Callable[[BuildContext], T]) -> T:
    log = Log()
    try:
        with terminate_by_exception():
            return action(pipeline.make_context(config_settings, log=log))
    except BuildError as exc:
        log.error(str(exc))
        raise SystemExit(1) from None
    except Terminated as exc:
        log.error(f"Stopped by {exc.name}; its downloads and temporary folders were removed.")
        raise SystemExit(EXIT_CODE) from None


def _network_requirements(ctx: BuildContext) -> list[str]:
    # pip's settings name the index the upstream sdist (and library sources) come from.
    sources = ctx.settings.deps in ("source", "prebuilt") and source_needs_network(ctx)
    return ["pip"] if upstream.needs_network(ctx) or sources or windows_python_needs_network(ctx) else []


def _wheel_requirements(ctx: BuildContext) -> list[str]:
    # prebuilt builds TurboJPEG from source too, and unpacks OpenCV's 7-Zip release with py7zr.
    # CMake and Ninja only when a library is to be built (a warm source build reuses its cached prefixes).
    needs_tools = ctx.settings.deps == "prebuilt" or ctx.settings.deps == "source" and not prefixes_built(ctx)
    source_tools = ["cmake>=3.24", "ninja>=1.11"] if needs_tools else []
    source_tools += ["py7zr>=0.22"] if ctx.settings.deps == "prebuilt" else []
    # A wheel built elsewhere: zig compiles; for Windows, pefile reads python3.dll and delvewheel repairs.
    cross_tools = ["ziglang>=0.13"] if ctx.settings.toolchain == "zig" else []
    cross_tools += ["pefile>=2023.2.7", "delvewheel>=1.10"] if zig_builds_for_windows(ctx) else []
    # MSVC cross-building (-C target=win_arm64): pefile reads python3.dll's exports for the target's python3.lib.
    cross_tools += ["pefile>=2023.2.7"] if ctx.settings.toolchain == "native" and ctx.settings.target else []
    return [*source_tools, *cross_tools, *_network_requirements(ctx)]


def get_requires_for_build_wheel(config_settings: Mapping[str, Any] | None = None) -> list[str]:
    # setuptools and the repair tools are static build requirements (pyproject.toml), so that the
    # usual warm build installs its environment in one round.
    return _run(config_settings, _wheel_requirements)


def get_requires_for_build_sdist(config_settings: Mapping[str, Any] | None = None) -> list[str]:
    return _run(config_settings, _network_requirements)


def prepare_metadata_for_build_wheel(metadata_directory: str,
                                     config_settings: Mapping[str, Any] | None = None) -> str:
    return _run(config_settings, lambda ctx: pipeline.prepare_metadata(ctx, Path(metadata_directory)))


def build_wheel(wheel_directory: str, config_settings: Mapping[str, Any] | None = None,
                metadata_directory: str | None = None) -> str:
    return _run(config_settings, lambda ctx: pipeline.build_wheel(ctx, Path(wheel_directory)))


def build_sdist(sdist_directory: str, config_settings: Mapping[str, Any] | None = None) -> str:
    return _run(config_settings, lambda ctx: sdist.build_sdist(ctx, Path(sdist_directory)))


def build_editable(wheel_directory: str, config_settings: Mapping[str, Any] | None = None,
                   metadata_directory: str | None = None) -> str:
    Log().error("ffcv-wheels has no editable mode: it builds FFCV's released sdist (patched), not a "
                "source tree you edit. Build a wheel (python -m build --wheel) and pip install it.")
    raise SystemExit(1)
