"""Provider `vcpkg` (Windows, MSVC): OpenCV core+imgproc, libjpeg-turbo and pthreads4w built by the user's
vcpkg from the manifest in the data file (versions pinned by its builtin-baseline), installed into the
build cache, linked statically.

Each (manifest, triplet, vcpkg) gets its own install root; vcpkg itself makes installs incremental and
keeps its binary cache, so a second build only checks that everything is there."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from ..files import cache_lock
from ..proc import run_tool
from ..toolchains import Toolchain
from ..toolchains.arch import architecture
from . import NativeDeps, add_thread_support, check_headers, target_of

CACHE_KIND = "vcpkg"
ROOT_VARIABLES = ("VCPKG_ROOT", "VCPKG_INSTALLATION_ROOT")
INSTALL_HINT = ("Install vcpkg (git clone https://github.com/microsoft/vcpkg; .\\vcpkg\\bootstrap-vcpkg.bat) and set "
                "VCPKG_ROOT to its folder, or use -C deps=source.")


def find_vcpkg(environ: dict[str, str]) -> Path:
    for variable in ROOT_VARIABLES:
        root = environ.get(variable)
        if root:
            for name in ("vcpkg.exe", "vcpkg"):
                if (Path(root) / name).is_file():
                    return Path(root) / name
            raise BuildError(f"deps=vcpkg: {variable}={root} holds no vcpkg executable.",
                             "Run bootstrap-vcpkg.bat in that folder, or point the variable at a bootstrapped vcpkg.")
    raise BuildError(f"deps=vcpkg needs vcpkg: neither {' nor '.join(ROOT_VARIABLES)} is set.", INSTALL_HINT)


def manifest(ctx: BuildContext) -> dict[str, object]:
    data = ctx.pins.vcpkg
    return {"name": "ffcv-native-deps", "version-string": "0", "builtin-baseline": data.builtin_baseline,
            "dependencies": list(data.dependencies)}


def install_root(ctx: BuildContext, vcpkg: Path, triplet: str) -> Path:
    key = hashlib.sha256(json.dumps([manifest(ctx), triplet, str(vcpkg)], sort_keys=True).encode()).hexdigest()[:16]
    return ctx.cache_dir / CACHE_KIND / f"{triplet}-{key}"


def installed_versions(installed: Path, triplet: str) -> dict[str, str]:
    """Port -> version from vcpkg's own record (installed/vcpkg/status, one paragraph per package)."""
    status = installed / "vcpkg" / "status"
    if not status.is_file():
        return {}
    versions = {}
    for paragraph in status.read_text(encoding="utf-8").split("\n\n"):
        fields = dict(line.split(": ", 1) for line in paragraph.splitlines() if ": " in line)
        if (fields.get("Architecture") == triplet and fields.get("Status") == "install ok installed"
                and "Feature" not in fields):
            port_version = fields.get("Port-Version")
            versions[fields["Package"]] = fields["Version"] + (f"#{port_version}" if port_version else "")
    return versions


def resolve_vcpkg(ctx: BuildContext, toolchain: Toolchain | None, environ: dict[str, str]) -> NativeDeps:
    platform, toolchain_name = target_of(toolchain)
    if toolchain is None or platform != "windows" or toolchain_name != "msvc":
        raise BuildError("deps=vcpkg builds with the manifest's Windows triplets: it needs a native Windows build "
                         "(MSVC).", "Elsewhere use -C deps=pkg-config or -C deps=source.")
    data = ctx.pins.vcpkg
    # The triplets are keyed by MSVC's spelling (x64, arm64), whatever spelling the toolchain reports.
    try:
        triplet = data.triplets.get(architecture(ctx.pins, toolchain.machine).msvc or "")
    except BuildError:
        triplet = None
    if triplet is None:
        raise BuildError(f"deps=vcpkg: no triplet for {toolchain.machine} in the data file.",
                         "Use -C deps=source.")
    vcpkg = find_vcpkg(environ)
    root = install_root(ctx, vcpkg, triplet)
    manifest_dir = root / "manifest"
    # No compiler options here (unlike deps=source): vcpkg configures each port with its own Windows toolchain, in
    # a clean environment it builds with vcvars (the caller's PATH, and any gcc on it, is not passed through).
    with cache_lock(root):
        manifest_dir.mkdir(parents=True, exist_ok=True)
        (manifest_dir / "vcpkg.json").write_text(json.dumps(manifest(ctx), indent=2) + "\n", encoding="utf-8")
        with ctx.log.stage(f"vcpkg: installing the manifest's ports for {triplet}"):
            run_tool([str(vcpkg), "install", f"--x-manifest-root={manifest_dir}",
                      f"--x-install-root={root / 'installed'}", f"--triplet={triplet}", "--clean-after-build"],
                     ctx.log, "vcpkg install", env={**environ, **toolchain.env}, verbose=ctx.settings.verbose)
    prefix = root / "installed" / triplet
    libraries = list(data.libraries)
    missing = [f"lib\\{name}.lib" for name in libraries if not (prefix / "lib" / f"{name}.lib").is_file()]
    if missing:
        found = sorted(p.name for p in (prefix / "lib").glob("*.lib")) if (prefix / "lib").is_dir() else []
        raise BuildError(f"deps=vcpkg: {prefix} lacks {', '.join(missing)}; it has: {', '.join(found) or 'nothing'}.",
                         "The library names of [vcpkg] in vendor_scripts/pins.toml no longer match the ports.")
    deps = NativeDeps(provider="vcpkg", include_dirs=[str(prefix / "include")], library_dirs=[str(prefix / "lib")],
                      libraries=libraries, define_macros=[(name, None) for name in data.define_macros])
    if (prefix / "bin").is_dir():
        deps.runtime_dirs.append(str(prefix / "bin"))
    deps.versions = installed_versions(root / "installed", triplet)
    for port in data.licence_ports:
        copyright_file = prefix / "share" / port / "copyright"
        if not copyright_file.is_file():
            raise BuildError(f"deps=vcpkg: {port} installed no licence ({copyright_file}).")
        deps.licences[port] = [str(copyright_file)]
    add_thread_support(ctx, deps, platform)
    check_headers(ctx, deps.include_dirs)
    ctx.log.ok(f"deps=vcpkg: {', '.join(f'{k} {v}' for k, v in sorted(deps.versions.items()))}")
    return deps

