"""The native dependency providers, one per `deps` setting (the toolchain kinds have a registry of their own,
toolchains/registry.py, answering the first three questions). Each entry answers the same questions, asked by the
hooks (build requirements), `python -m backend fetch` (what to download for an offline build), `doctor` and the
pipeline (right after the settings are loaded, then to resolve):

- requirements: build requirements beyond pyproject.toml's static ones, for these settings;
- needs_network: whether a build would download from the package index now (pip's settings name it);
- prefetch: download (and unpack) what an offline build needs; returns the paths;
- check_settings: refuse combinations it cannot build (which toolchains/targets a provider accepts);
- resolve (providers): the libraries' include/library dirs and flags for the extension;
- report (providers): doctor's lines; False when the provider is chosen and cannot work here.

Modelled on cibuildwheel's platforms/__init__.py: a small Protocol and a dict from setting value to module.
The modules doing the work are imported when a question is asked, so a hook loads only what it uses."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..errors import BuildError
from ..settings import PROVIDERS as PROVIDER_NAMES

if TYPE_CHECKING:
    from ..context import BuildContext
    from ..settings import Settings
    from ..toolchains import Toolchain
    from . import NativeDeps

ZIG_MSVC_ABI = ("toolchain=zig cannot link the MSVC-built libraries of deps={name} (zig's MinGW target does not "
                "share MSVC's C++ ABI).")


class Provider(Protocol):
    name: str

    def check_settings(self, settings: Settings) -> None: ...

    def requirements(self, ctx: BuildContext) -> list[str]: ...

    def needs_network(self, ctx: BuildContext) -> bool: ...

    def prefetch(self, ctx: BuildContext) -> list[Path]: ...

    def resolve(self, ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps: ...

    def report(self, ctx: BuildContext, toolchain: Toolchain | None) -> bool: ...


class _Provider:
    """Defaults: nothing beyond the static requirements, nothing downloaded, any toolchain."""

    name = ""

    def check_settings(self, settings: Settings) -> None:
        pass

    def requirements(self, ctx: BuildContext) -> list[str]:
        return []

    def needs_network(self, ctx: BuildContext) -> bool:
        return False

    def prefetch(self, ctx: BuildContext) -> list[Path]:
        return []

    def resolve(self, ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps:
        raise NotImplementedError

    def report(self, ctx: BuildContext, toolchain: Toolchain | None) -> bool:
        """Resolves as a build would: its versions and libraries, or what is wrong."""
        from dataclasses import replace

        chosen = ctx.settings.deps == self.name
        try:
            found = self.resolve(replace(ctx, settings=replace(ctx.settings, deps=self.name)), toolchain)
        except BuildError as exc:
            (ctx.log.error if chosen else ctx.log.warn)(f"deps={self.name}: {exc.message}")
            return not chosen
        versions = ", ".join(f"{name} {version}" for name, version in found.versions.items())
        ctx.log.ok(f"deps={self.name}: {versions}; libraries {' '.join(found.libraries)}")
        return True


class PkgConfig(_Provider):
    name = "pkg-config"

    def check_settings(self, settings: Settings) -> None:
        if settings.toolchain == "zig":
            raise BuildError("toolchain=zig cross-builds for Windows, but deps=pkg-config finds this machine's "
                             "libraries.",
                             "Add -C deps=source (libraries built for the target from pinned sources), or -C "
                             "deps=dirs with folders of Windows libraries.")

    def resolve(self, ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps:
        from .pkgconfig import resolve_pkgconfig

        return resolve_pkgconfig(ctx)


class Dirs(_Provider):
    name = "dirs"

    def check_settings(self, settings: Settings) -> None:
        if not settings.include_dirs:
            raise BuildError("deps=dirs needs include-dirs (and usually library-dirs).",
                             "Example: -C include-dirs=/opt/opencv/include/opencv4"
                             f"{os.pathsep}/opt/libjpeg-turbo/include")

    def resolve(self, ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps:
        from .dirs import resolve_dirs

        return resolve_dirs(ctx, toolchain)

    def report(self, ctx: BuildContext, toolchain: Toolchain | None) -> bool:
        if not ctx.settings.include_dirs:
            ctx.log.info("deps=dirs: not configured (give include-dirs and library-dirs to check it)")
            return True
        return super().report(ctx, toolchain)


class _MsvcOnly(_Provider):
    """Libraries built by MSVC: native Windows builds only."""

    def check_settings(self, settings: Settings) -> None:
        if settings.toolchain == "zig":
            raise BuildError(ZIG_MSVC_ABI.format(name=self.name),
                             "Use -C deps=source for cross builds; deps=prebuilt is for native Windows builds.")


class Conda(_MsvcOnly):
    name = "conda"

    def resolve(self, ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps:
        from .conda import resolve_conda

        return resolve_conda(ctx, toolchain, dict(os.environ))

    def report(self, ctx: BuildContext, toolchain: Toolchain | None) -> bool:
        if not os.environ.get("CONDA_PREFIX"):
            chosen = ctx.settings.deps == self.name
            (ctx.log.error if chosen else ctx.log.info)("deps=conda: no active conda environment")
            return not chosen
        return super().report(ctx, toolchain)


class Source(_Provider):
    name = "source"

    def requirements(self, ctx: BuildContext) -> list[str]:
        from .source import prefixes_built

        # CMake and Ninja only when a library is to be built (a warm build reuses its cached prefixes).
        return [] if prefixes_built(ctx) else ["cmake>=3.24", "ninja>=1.11"]

    def needs_network(self, ctx: BuildContext) -> bool:
        from .source import source_needs_network

        return source_needs_network(ctx)

    def prefetch(self, ctx: BuildContext) -> list[Path]:
        from .source import source_archive, source_pins

        return [source_archive(ctx, pin)[0] for pin in source_pins(ctx.pins)]

    def resolve(self, ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps:
        from .source import resolve_source

        if toolchain is None:
            raise BuildError("deps=source compiles its libraries and needs a C++ toolchain.")
        return resolve_source(ctx, toolchain)

    def report(self, ctx: BuildContext, toolchain: Toolchain | None) -> bool:
        from .source import (assembler_missing, configure_options, find_tool, is_built, prefix_path,
                             source_archive_cached, target_pins)

        cmake, ninja = find_tool("cmake"), find_tool("ninja")
        ctx.log.info(f"deps=source: cmake {cmake or 'not found (comes with the build requirements)'}, "
                     f"ninja {ninja or 'not found (comes with the build requirements)'}")
        for pin in target_pins(ctx, toolchain):
            if toolchain is None:
                continue
            options = configure_options(pin, False, ctx, toolchain)
            prefix = prefix_path(ctx, pin, options, toolchain)
            if is_built(prefix):
                ctx.log.ok(f"deps=source: {pin.name} {pin.version} built in the cache ({prefix})")
            else:
                cached = "cached" if source_archive_cached(ctx, pin) else "to download"
                ctx.log.info(f"deps=source: {pin.name} {pin.version} not built yet (source archive {cached})")
            if assembler_missing(pin, toolchain, ctx.pins):
                ctx.log.warn(f"deps=source: no {' or '.join(pin.simd_assemblers)}: {pin.name} would build without "
                             "SIMD (JPEG decoding several times slower); install nasm before building")
        return True


class Prebuilt(_MsvcOnly):
    """OpenCV's official release; TurboJPEG is built from source as by `source`."""

    name = "prebuilt"

    def requirements(self, ctx: BuildContext) -> list[str]:
        # py7zr unpacks OpenCV's 7-Zip release.
        return ["cmake>=3.24", "ninja>=1.11", "py7zr>=0.22"]

    def needs_network(self, ctx: BuildContext) -> bool:
        return Source().needs_network(ctx)

    def prefetch(self, ctx: BuildContext) -> list[Path]:
        from .prebuilt import prebuilt_pins, staged_release

        return [*Source().prefetch(ctx), *(staged_release(ctx, pin) for pin in prebuilt_pins(ctx.pins))]

    def resolve(self, ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps:
        from .prebuilt import resolve_prebuilt

        return resolve_prebuilt(ctx, toolchain)

    def report(self, ctx: BuildContext, toolchain: Toolchain | None) -> bool:
        from ..inputs import fetch
        from .prebuilt import CACHE_KIND, prebuilt_pins

        for pin in prebuilt_pins(ctx.pins):
            cached = fetch.is_cached(ctx, CACHE_KIND, pin.filename, pin.sha256)
            ctx.log.info(f"deps=prebuilt (native Windows builds): {pin.name} {pin.version} official release "
                         f"{'cached' if cached else 'to download'} ({pin.filename}, {', '.join(pin.machines)})")
        return True


class Vcpkg(_MsvcOnly):
    name = "vcpkg"

    def resolve(self, ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps:
        from .vcpkg import resolve_vcpkg

        return resolve_vcpkg(ctx, toolchain, dict(os.environ))

    def report(self, ctx: BuildContext, toolchain: Toolchain | None) -> bool:
        from .vcpkg import ROOT_VARIABLES

        roots = [f"{v}={os.environ[v]}" for v in ROOT_VARIABLES if os.environ.get(v)]
        ctx.log.info("deps=vcpkg (native Windows builds): "
                     f"{', '.join(roots) or 'no VCPKG_ROOT / VCPKG_INSTALLATION_ROOT'}")
        return True


# In doctor's order: what this machine has, then what builds its own, then the native Windows ones.
PROVIDERS: dict[str, Provider] = {p.name: p for p in (PkgConfig(), Dirs(), Conda(), Source(), Vcpkg(), Prebuilt())}


# The setting's choices are this registry's keys (settings.py imports no plug-in: it comes first).
assert set(PROVIDERS) == set(PROVIDER_NAMES)


def provider(ctx_or_settings: BuildContext | Settings) -> Provider:
    settings = getattr(ctx_or_settings, "settings", ctx_or_settings)
    return PROVIDERS[settings.deps]


def check_settings(settings: Settings) -> None:
    """What the chosen provider refuses (pipeline.make_context asks right after loading the settings)."""
    provider(settings).check_settings(settings)


def resolve(ctx: BuildContext, toolchain: Toolchain | None) -> NativeDeps:
    """The chosen provider's result; `toolchain` matters only to providers that compile."""
    return provider(ctx).resolve(ctx, toolchain)
