"""The toolchain kinds, one per `toolchain` setting, and `detect`, which finds the chosen one. Each kind answers the
questions the hooks (build requirements), `python -m backend fetch` (what an offline build needs) and the pipeline
ask; deps/registry.py asks the providers the same way (its docstring lists the questions).

Modelled on cibuildwheel's platforms/__init__.py: a small Protocol and a dict from setting value to kind. The
modules doing the work are imported when a question is asked, so a hook loads only what it uses."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..settings import TOOLCHAINS as TOOLCHAIN_NAMES

if TYPE_CHECKING:
    from ..context import BuildContext
    from ..settings import Settings
    from . import Toolchain


class ToolchainKind(Protocol):
    name: str

    def requirements(self, ctx: BuildContext) -> list[str]: ...

    def needs_network(self, ctx: BuildContext) -> bool: ...

    def prefetch(self, ctx: BuildContext) -> list[Path]: ...

    def detect(self, ctx: BuildContext, environ: dict[str, str]) -> Toolchain: ...


class Native:
    """gcc/clang, or MSVC on Windows."""

    name = "native"

    def requirements(self, ctx: BuildContext) -> list[str]:
        # MSVC cross-building (-C target=win_arm64): pefile reads python3.dll's exports for the target's python3.lib.
        return ["pefile>=2023.2.7"] if ctx.settings.target else []

    def needs_network(self, ctx: BuildContext) -> bool:
        return False

    def prefetch(self, ctx: BuildContext) -> list[Path]:
        return []

    def detect(self, ctx: BuildContext, environ: dict[str, str]) -> Toolchain:
        from .native import detect_native

        return detect_native(ctx, environ)


class Zig:
    """A wheel built for another platform (-C target=<wheel platform tag>): zig compiles. For Windows, pefile
    reads python3.dll, delvewheel repairs and the pinned Windows CPython gives python3.dll and pyconfig.h."""

    name = "zig"

    def requirements(self, ctx: BuildContext) -> list[str]:
        from .windows_python import zig_builds_for_windows

        windows_tools = ["pefile>=2023.2.7", "delvewheel>=1.10"] if zig_builds_for_windows(ctx) else []
        return ["ziglang>=0.13", *windows_tools]

    def needs_network(self, ctx: BuildContext) -> bool:
        from .windows_python import windows_python_needs_network

        return windows_python_needs_network(ctx)

    def prefetch(self, ctx: BuildContext) -> list[Path]:
        from .windows_python import embeddable_python, zig_builds_for_windows

        return [embeddable_python(ctx)] if zig_builds_for_windows(ctx) else []

    def detect(self, ctx: BuildContext, environ: dict[str, str]) -> Toolchain:
        from .zig import detect_zig

        return detect_zig(ctx)


TOOLCHAINS: dict[str, ToolchainKind] = {t.name: t for t in (Native(), Zig())}

# The setting's choices are this registry's keys (settings.py cannot import this module: it comes first).
assert set(TOOLCHAINS) == set(TOOLCHAIN_NAMES)


def toolchain_kind(ctx_or_settings: BuildContext | Settings) -> ToolchainKind:
    settings = getattr(ctx_or_settings, "settings", ctx_or_settings)
    return TOOLCHAINS[settings.toolchain]


def detect(ctx: BuildContext, environ: dict[str, str] | None = None) -> Toolchain:
    """The toolchain the settings choose, found by its kind (native.py, zig.py)."""
    return toolchain_kind(ctx).detect(ctx, dict(os.environ if environ is None else environ))
