"""PEP 517 hooks. Each reads the settings, runs its part of the pipeline, and turns BuildError into a clear exit."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping, TypeVar

from . import pipeline, sdist
from .context import BuildContext
from .deps.registry import provider
from .errors import BuildError
from .inputs import upstream
from .log import Log
from .signals import EXIT_CODE, Terminated, terminate_by_exception
from .toolchains.registry import toolchain_kind

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
    # pip's settings name the index the upstream sdist (and library sources, the Windows CPython) come from.
    needed = upstream.needs_network(ctx) or provider(ctx).needs_network(ctx) or toolchain_kind(ctx).needs_network(ctx)
    return ["pip"] if needed else []


def _wheel_requirements(ctx: BuildContext) -> list[str]:
    # What the chosen provider and toolchain need (deps/registry.py, toolchains/registry.py), then pip if something
    # is to be downloaded.
    return [*provider(ctx).requirements(ctx), *toolchain_kind(ctx).requirements(ctx), *_network_requirements(ctx)]


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
