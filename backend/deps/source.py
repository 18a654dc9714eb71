"""Provider `source`: libjpeg-turbo and a minimal OpenCV (core, imgproc) built statically from pinned sources.

Each library is built once per (version, source hash, toolchain, architecture, options) and kept in
the cache as an installed prefix; a build goes to a temporary folder that is renamed into place only
when complete, under a lock, so a failed or concurrent build never leaves a prefix that is trusted.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from ..files import cache_lock, staged_folder
from ..inputs import fetch
from ..inputs.archive import extract_subtree
from ..pins import PLATFORM, Pins, SourceArchive, SourcePin
from ..proc import run_tool, tool_env, tool_path_dirs
from ..toolchains import Toolchain
from ..toolchains.arch import architecture
from . import NativeDeps, add_thread_support, check_headers, target_of

CACHE_KIND = "sources"
LICENCES_DIR = "ffcv-wheels-licences"
PREFIX_MARKER = "ffcv-wheels-prefix.json"
SCHEMA = 1  # bump when the way prefixes are built changes


def licence_name(relative: str) -> str:
    """3rdparty/zlib/LICENSE -> 3rdparty-zlib-LICENSE: one flat folder, no clashes."""
    return relative.replace("/", "-")


def find_tool(name: str) -> str | None:
    return shutil.which(name, path=os.pathsep.join([*map(str, tool_path_dirs()), os.environ.get("PATH", "")]))


def build_tools() -> tuple[str, str]:
    cmake, ninja = find_tool("cmake"), find_tool("ninja")
    if cmake is None or ninja is None:
        raise BuildError("deps=source needs CMake and Ninja.",
                         "They come from PyPI with the build requirements (python -m build installs them); "
                         "for a build without isolation: pip install cmake ninja.")
    return cmake, ninja


def source_pins(pins: Pins, platform: str = PLATFORM, toolchain: str = "", machine: str | None = None) -> list[SourcePin]:
    """The libraries of the `source` provider, in build order, with the entries for the target `platform`,
    `toolchain` (gcc, clang, msvc, zig) and `machine` (any spelling; default: this machine's)."""
    import platform as host

    # `cmake-options-<architecture>` keys name the canonical architecture, whatever the toolchain calls it.
    arch = architecture(pins, host.machine() if machine is None else machine).name
    result = []
    for name, entry in pins.data["source"].items():
        archives = tuple(
            SourceArchive(kind=a["kind"], project=a["project"], filename=a["filename"], sha256=a["sha256"].lower(),
                          subdir=a["subdir"], skip=tuple(a.get("skip", ())))
            for a in entry["archives"])
        result.append(SourcePin(
            name=name, version=entry["version"], archives=archives,
            cmake_options=(*entry.get("cmake-options", ()), *entry.get(f"cmake-options-{platform}", ()),
                           *entry.get(f"cmake-options-{arch}", ())),
            include_dirs=tuple(entry["include-dirs"]),
            link=tuple(entry.get(f"link-{platform}-{toolchain}", entry["link"])),
            system_libraries=tuple(entry.get("system-libraries", {}).get(platform, ())),
            licences=tuple(entry["licences"]), simd_assemblers=tuple(entry.get("simd-assemblers", ())),
            simd_off_option=entry.get("simd-off-option"),
            simd_assembler_architectures=tuple(entry.get("simd-assembler-architectures", ())),
            compile_only=compile_only(entry, platform, arch)))
    return result


def compile_only(entry: dict, platform: str, arch: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The library's `compile-only` folders and files, the same for every target, plus the target's own extras
    (`compile-only-extra-<platform>`, `compile-only-extra-<architecture>`): (folder, files) in the data's order."""
    folders: dict[str, list[str]] = {folder: list(files) for folder, files in entry.get("compile-only", {}).items()}
    for key in (f"compile-only-extra-{platform}", f"compile-only-extra-{arch}"):
        for folder, files in entry.get(key, {}).items():
            if folder not in folders:
                raise BuildError(f"{key}: {folder} is not a compile-only folder of the library (extras add files "
                                 "to a listed folder; a folder not listed is compiled whole anyway).")
            folders[folder] += [name for name in files if name not in folders[folder]]
    return tuple((folder, tuple(files)) for folder, files in folders.items())


def target_pins(ctx: BuildContext, toolchain: Toolchain | None) -> list[SourcePin]:
    """The source libraries with the entries of the toolchain's target (platform, compiler, architecture)."""
    return source_pins(ctx.pins, *target_of(toolchain), toolchain.machine if toolchain else None)


def assembler_missing(pin: SourcePin, toolchain: Toolchain, pins: Pins) -> bool:
    """True if the library's SIMD code for the target needs an assembler (x86) and none is on PATH."""
    needs_assembler = (pin.simd_assemblers
                       and architecture(pins, toolchain.machine).name in pin.simd_assembler_architectures)
    return bool(needs_assembler) and not any(find_tool(tool) for tool in pin.simd_assemblers)


def section_options(toolchain: Toolchain) -> list[str]:
    """The toolchain's section flags for every C/C++ file of the library. The _INIT variables keep a user's
    CFLAGS/CXXFLAGS, which CMAKE_<LANG>_FLAGS given here would replace."""
    flags = " ".join(toolchain.section_flags)
    return [f"-DCMAKE_C_FLAGS_INIT={flags}", f"-DCMAKE_CXX_FLAGS_INIT={flags}"] if flags else []


def configure_options(pin: SourcePin, log_warn: bool, ctx: BuildContext, toolchain: Toolchain) -> list[str]:
    cross = toolchain.cross.cmake_args if toolchain.cross else []
    options = ["-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_POSITION_INDEPENDENT_CODE=ON",
               "-DCMAKE_INSTALL_LIBDIR=lib", *toolchain.cmake_args, *cross, *section_options(toolchain),
               *pin.cmake_options]
    if assembler_missing(pin, toolchain, ctx.pins):
        if log_warn:
            ctx.log.warn(f"{pin.name}: no {' or '.join(pin.simd_assemblers)} found, building WITHOUT SIMD: "
                         "JPEG decoding will be several times slower. Install nasm "
                         "(apt-get install nasm, dnf install nasm, brew install nasm) and rebuild.")
        options.append(pin.simd_off_option or "")
    return options


def prefix_key(pin: SourcePin, options: list[str], toolchain: Toolchain) -> str:
    """What makes a built prefix reusable: any change here builds a new one."""
    inputs = {"schema": SCHEMA, "library": pin.name, "version": pin.version,
              "sources": [a.sha256 for a in pin.archives], "options": options,
              "compiler": [toolchain.compiler, toolchain.version],
              "target": [toolchain.platform, toolchain.machine]}
    if pin.compile_only:  # only then: the keys of the libraries built whole stay as they were
        inputs["compile-only"] = [[folder, list(files)] for folder, files in pin.compile_only]
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:16]


def source_needs_network(ctx: BuildContext) -> bool:
    """True if some library's first reachable archive is neither local nor cached."""
    if ctx.settings.offline:
        return False
    return not all(source_archive_cached(ctx, pin) for pin in source_pins(ctx.pins))


def prefixes_built(ctx: BuildContext) -> bool:
    """True if every library is already built for this machine's gcc/clang: a warm build then needs no CMake
    or Ninja (installing them is most of a warm build's extra time). Other toolchains are not probed here
    (MSVC's environment, zig's preparation): False for them."""
    import dataclasses
    import io
    import sys

    from ..log import Log
    from ..toolchains.registry import detect

    if sys.platform == "win32" or ctx.settings.toolchain != "native" or ctx.settings.target is not None:
        return False
    quiet = dataclasses.replace(ctx, log=Log(io.StringIO(), colour=False))
    try:
        toolchain = detect(quiet)
    except BuildError:
        return False
    return all(is_built(prefix_path(quiet, pin, configure_options(pin, False, quiet, toolchain), toolchain))
               for pin in target_pins(ctx, toolchain))


def source_archive_cached(ctx: BuildContext, pin: SourcePin) -> bool:
    local = {path.name for path in ctx.settings.local_files}
    return any(a.filename in local or fetch.is_cached(ctx, CACHE_KIND, a.filename, a.sha256) for a in pin.archives)


def source_archive(ctx: BuildContext, pin: SourcePin) -> tuple[Path, str, tuple[str, ...]]:
    """The first archive of the pin that can be had (local, cached or from the index)."""
    problems: list[str] = []
    hints: list[str] = []  # each fetch error's advice, once: the wrapped errors' hints are what to do
    for archive in pin.archives:
        try:
            path = fetch.fetch_from_index(ctx, CACHE_KIND, archive.project, archive.filename, archive.sha256)
            return path, archive.subdir, archive.skip
        except BuildError as exc:
            problems.append(f"{archive.filename}: {exc.message}")
            if exc.hint and exc.hint not in hints:
                hints.append(exc.hint)
    if ctx.settings.offline:
        # The one offline route that needs no download at all: the system's libraries.
        hints.append("Or build without any source archive: the system's libraries through pkg-config "
                     "(-C deps=pkg-config, or FFCV_BUILD_DEPS=pkg-config; needs pkg-config and the "
                     "development packages of libjpeg-turbo and OpenCV).")
    raise BuildError(f"No source archive of {pin.name} {pin.version} could be had:\n  " + "\n  ".join(problems),
                     "\n".join(hints) or None)


def keep_only_listed_sources(pin: SourcePin, source: Path) -> None:
    """Removes the .cpp files the data file does not list under each of its `compile-only` folders: the
    library's CMake globs its sources, so what is not there is not compiled."""
    for folder, files in pin.compile_only:
        root = source / folder
        missing = [name for name in files if not (root / name).is_file()]
        if missing:
            raise BuildError(f"{pin.name} {pin.version}: {folder} has no {', '.join(missing)}.",
                             f"The compile-only list of {pin.name} in the data file must name files of its source.")
        keep = {root / name for name in files}
        for path in root.rglob("*.cpp"):
            if path not in keep:
                path.unlink()


def prefix_path(ctx: BuildContext, pin: SourcePin, options: list[str], toolchain: Toolchain) -> Path:
    return ctx.cache_dir / "prefixes" / f"{pin.name}-{pin.version}-{prefix_key(pin, options, toolchain)}"


def is_built(prefix: Path) -> bool:
    return (prefix / PREFIX_MARKER).is_file()


def build_prefix(ctx: BuildContext, pin: SourcePin, toolchain: Toolchain,
                 cancel: threading.Event | None = None) -> Path:
    """The installed prefix of `pin`, built now or reused from the cache. Setting `cancel` stops its tools."""
    options = configure_options(pin, True, ctx, toolchain)
    final = prefix_path(ctx, pin, options, toolchain)
    with cache_lock(final):
        if is_built(final):
            ctx.log.info(f"source: {pin.name} {pin.version} reused from {final}")
            return final
        cmake, ninja = build_tools()
        archive, subdir, skip = source_archive(ctx, pin)
        with tempfile.TemporaryDirectory(prefix=f"ffcv-{pin.name}-") as work_name:
            work = Path(work_name)
            source = extract_subtree(archive, subdir, work / "src", skip=skip)
            keep_only_listed_sources(pin, source)
            with staged_folder(final) as staging:
                env = tool_env(tool_path_dirs(), **toolchain.env)
                what = f"{pin.name} {pin.version}"
                with ctx.log.stage(f"source: {what}: configure"):
                    run_tool([cmake, "-S", str(source), "-B", str(work / "build"), "-G", "Ninja",
                              f"-DCMAKE_MAKE_PROGRAM={ninja}", f"-DCMAKE_INSTALL_PREFIX={staging}", *options],
                             ctx.log, f"{what}: configure (cmake)", env=env, verbose=ctx.settings.verbose,
                             cancel=cancel)
                with ctx.log.stage(f"source: {what}: compile and install"):
                    run_tool([cmake, "--build", str(work / "build"), "--target", "install"],
                             ctx.log, f"{what}: build (ninja)", env=env, verbose=ctx.settings.verbose,
                             cancel=cancel)
                missing = [item for item in pin.link if not (staging / item).is_file()]
                missing += [f"source {item}" for item in pin.licences if not (source / item).is_file()]
                if missing:
                    installed = sorted(str(p.relative_to(staging)) for p in staging.rglob("*")
                                       if p.suffix in (".a", ".lib", ".so", ".dylib", ".dll"))
                    raise BuildError(f"{what}: the build did not give {', '.join(missing)}; it installed: "
                                     + (", ".join(installed[:40]) or "no libraries") + ".",
                                     f"The link list of {pin.name} in the data file must name these files.")
                for item in pin.licences:
                    target = staging / LICENCES_DIR / licence_name(item)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source / item, target)
                (staging / PREFIX_MARKER).write_text(json.dumps(
                    {"library": pin.name, "version": pin.version, "options": options, "source": archive.name,
                     "compiler": toolchain.version}, indent=2))
        ctx.log.ok(f"source: {pin.name} {pin.version} built into {final}")
        return final


def build_prefixes(ctx: BuildContext, pins: list[SourcePin], toolchain: Toolchain) -> dict[str, Path]:
    """Every library's prefix, built now or reused. The libraries do not depend on each other, so they are built
    side by side: a CMake configure runs its checks one at a time (one core), and a cold cross build's first
    checks wait for zig to build its runtime for the target; measured on 2 idle cores, the native dependencies
    of a cold zig win_amd64 build took 123 s instead of 184 s (docs/lean-builds.md). Their sources are fetched
    first, one by one (downloads show progress on one line). The first failure stops the other builds (their
    tools are terminated and their staging folders removed) and is the one reported; so does an interruption."""
    for pin in pins:
        if not is_built(prefix_path(ctx, pin, configure_options(pin, False, ctx, toolchain), toolchain)):
            source_archive(ctx, pin)
    cancel = threading.Event()
    with ThreadPoolExecutor(max_workers=max(len(pins), 1), thread_name_prefix="ffcv-source") as pool:
        futures = {pin.name: pool.submit(build_prefix, ctx, pin, toolchain, cancel) for pin in pins}
        try:
            for future in as_completed(futures.values()):
                future.result()
        except BaseException:
            cancel.set()
            wait(futures.values())
            raise
    return {name: future.result() for name, future in futures.items()}


def add_source_library(ctx: BuildContext, pin: SourcePin, toolchain: Toolchain, deps: NativeDeps,
                       prefix: Path | None = None) -> None:
    """Adds the headers, static archives and licences of `pin` to `deps`, from its `prefix` (built now or reused
    from the cache when not given)."""
    if prefix is None:
        prefix = build_prefix(ctx, pin, toolchain)
    deps.include_dirs += [str(prefix / d) for d in pin.include_dirs]
    # Full paths to the static archives: nothing can pick a system copy instead.
    deps.extra_objects += [str(prefix / item) for item in pin.link]
    deps.libraries += [lib for lib in pin.system_libraries if lib not in deps.libraries]
    deps.versions[pin.name] = pin.version
    deps.licences[pin.name] = [str(prefix / LICENCES_DIR / licence_name(item)) for item in pin.licences]
    if pin.simd_assemblers and pin.simd_off_option:
        # From the prefix's own marker: a reused prefix reports how it was built.
        options = json.loads((prefix / PREFIX_MARKER).read_text()).get("options", [])
        deps.simd[pin.name] = pin.simd_off_option not in options


def resolve_source(ctx: BuildContext, toolchain: Toolchain) -> NativeDeps:
    deps = NativeDeps(provider="source")
    pins = target_pins(ctx, toolchain)
    prefixes = build_prefixes(ctx, pins, toolchain)
    for pin in pins:
        add_source_library(ctx, pin, toolchain, deps, prefixes[pin.name])
    add_thread_support(ctx, deps, toolchain.platform)
    check_headers(ctx, deps.include_dirs)
    return deps
