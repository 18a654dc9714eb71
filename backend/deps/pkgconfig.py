"""Provider `pkg-config` (Linux/macOS default): asks pkg-config, keeps only what FFCV links."""
from __future__ import annotations

import shlex
import shutil
import subprocess

from ..context import BuildContext
from ..errors import BuildError
from . import NativeDeps, check_headers


def _query(pkg_config: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([pkg_config, *args], capture_output=True, text=True, timeout=60)


def add_flags(deps: NativeDeps, tokens: list[str], *, link: bool) -> None:
    """File each flag where setuptools expects it; nothing is dropped or misfiled."""
    for token in tokens:
        if token.startswith("-I"):
            deps.include_dirs.append(token[2:])
        elif token.startswith("-L"):
            deps.library_dirs.append(token[2:])
        elif token.startswith("-l"):
            deps.libraries.append(token[2:])
        elif token.startswith("-D"):
            name, sep, value = token[2:].partition("=")
            deps.define_macros.append((name, value if sep else None))
        elif link:
            deps.extra_link_args.append(token)
        else:
            deps.extra_compile_args.append(token)


def keep_linked_modules(tokens: list[str], wanted: tuple[str, ...]) -> list[str]:
    """Drop -lopencv_* modules FFCV does not use (the .pc lists every module)."""
    return [t for t in tokens if not (t.startswith("-lopencv_") and t[2:] not in wanted)]


def resolve_pkgconfig(ctx: BuildContext) -> NativeDeps:
    pkg_config = shutil.which("pkg-config") or shutil.which("pkgconf")
    if pkg_config is None:
        raise BuildError("pkg-config is not installed (deps=pkg-config needs it).",
                         "Install it: " + ctx.pins.install_hint("pkg-config")
                         + "; or name the folders with -C deps=dirs.")
    deps = NativeDeps(provider="pkg-config")
    missing = []
    for library in ctx.pins.native_libraries:
        found = next((name for name in library.pkg_config if _query(pkg_config, ["--exists", name]).returncode == 0),
                     None)
        if found is None:
            missing.append(f"{library.name} (pkg-config {' or '.join(library.pkg_config)}): "
                           + ctx.pins.install_hint(library.name))
            continue
        version = _query(pkg_config, ["--modversion", found]).stdout.strip()
        deps.versions[library.name] = version
        cflags = shlex.split(_query(pkg_config, ["--cflags", found]).stdout)
        libs = shlex.split(_query(pkg_config, ["--libs", found]).stdout)
        add_flags(deps, cflags, link=False)
        add_flags(deps, keep_linked_modules(libs, library.libraries), link=True)
        ctx.log.info(f"deps: {library.name} {version} via pkg-config {found}")
    if missing:
        raise BuildError("Native libraries not found by pkg-config:\n  " + "\n  ".join(missing),
                         "Install the development packages (or set PKG_CONFIG_PATH), "
                         "or name the folders with -C deps=dirs -C include-dirs=... -C library-dirs=...")
    # Threads: the extension uses pthread once/key.
    deps.extra_compile_args.append("-pthread")
    deps.extra_link_args.append("-pthread")
    deps.runtime_dirs = list(dict.fromkeys(deps.library_dirs))
    for field_name in ("include_dirs", "library_dirs", "libraries", "extra_compile_args", "extra_link_args"):
        setattr(deps, field_name, list(dict.fromkeys(getattr(deps, field_name))))
    check_headers(ctx, deps.include_dirs + ["/usr/include", "/usr/local/include"])
    return deps
