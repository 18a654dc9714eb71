"""The pipeline, stage by stage: settings -> upstream -> patches -> toolchain -> deps -> build -> repair -> record -> verify."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Mapping

from . import build, deps, repair
from .context import BuildContext
from .deps.registry import check_settings, resolve
from .errors import BuildError
from .files import atomic_file
from .inputs import upstream
from .inputs.archive import extract_sdist
from .log import Log
from .patching import AppliedPatch, apply_series
from .pins import Pins
from .record import record_files
from .settings import load_settings
from .toolchains.registry import detect
from .verify import verify_wheel
from .wheelfile import add_files_to_wheel


def make_context(config_settings: Mapping[str, Any] | None, project_dir: Path | None = None,
                 environ: Mapping[str, str] | None = None, log: Log | None = None) -> BuildContext:
    project_dir = Path.cwd() if project_dir is None else project_dir
    settings = load_settings(config_settings, os.environ if environ is None else environ, project_dir)
    check_settings(settings)  # the chosen provider's own rules (which toolchains it accepts)
    return BuildContext(project_dir=project_dir, settings=settings, pins=Pins.load(project_dir), log=log or Log())


@contextmanager
def work_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="ffcv-build-") as name:
        yield Path(name)


def patched_tree(ctx: BuildContext, work: Path) -> tuple[Path, Path, list[AppliedPatch]]:
    """(verified upstream sdist, patched tree, patches applied)."""
    with ctx.log.stage(f"upstream ffcv {ctx.upstream.version}"):
        sdist = upstream.upstream_sdist(ctx)
        tree = extract_sdist(sdist, work)
    with ctx.log.stage("patches"):
        applied = apply_series(tree, ctx.patch_dir, ctx.log)
    return sdist, tree, applied


def _output_error(directory: Path, exc: OSError) -> BuildError:
    return BuildError(f"Cannot write to the output folder {directory}: {exc.strerror or exc}"
                      + (f" ({exc.filename})" if exc.filename and Path(exc.filename) != directory else "") + ".",
                      "Give a writable output folder (python -m build --outdir DIR, pip wheel -w DIR), or fix "
                      "its permissions.")


def check_output_folder(directory: Path) -> None:
    """Before any work: the folder the result goes to can be made and takes files (found out only after
    the whole build otherwise)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".ffcv-wheels-write-test.", dir=directory)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise _output_error(directory, exc) from exc


def note_cache_in_project(ctx: BuildContext) -> None:
    """A relative cache-dir is resolved against the folder the build runs in, which pip makes the project
    folder: say so rather than fill the checkout silently."""
    cache = ctx.settings.cache_dir
    if cache is not None and (cache == ctx.project_dir or ctx.project_dir in cache.parents):
        ctx.log.warn(f"cache-dir is {cache}, inside the project folder (a relative cache-dir is resolved against "
                     "the folder the build runs in). Give an absolute path to keep the cache elsewhere.")


def place_atomically(source: Path, directory: Path) -> Path:
    """Copy into `directory` under a temporary name, then rename: no half-written file is ever visible."""
    final = directory / source.name
    try:
        # mode: mkstemp makes it private
        with atomic_file(final, prefix=f".{source.name}.", suffix="", mode=0o644,
                         on_error=lambda _path, exc: _output_error(directory, exc)) as temp:
            shutil.copyfile(source, temp)
    except OSError as exc:
        raise _output_error(directory, exc) from exc
    return final


def build_wheel(ctx: BuildContext, wheel_directory: Path) -> str:
    check_output_folder(wheel_directory)
    note_cache_in_project(ctx)
    with work_dir() as work:
        _, tree, applied = patched_tree(ctx, work)
        with ctx.log.stage("toolchain"):
            tools = detect(ctx)
        with ctx.log.stage(f"native dependencies (provider {ctx.settings.deps})"):
            native = resolve(ctx, tools)
        with ctx.log.stage("compile"):
            raw_wheel = build.compile_wheel(ctx, tree, native, tools, work / "raw")
        with ctx.log.stage("repair"):
            repaired = repair.repair(ctx, raw_wheel, native, work / "repaired", tools.runtime_dirs,
                                     tools.cross.repair_platform if tools.cross else None)
        with ctx.log.stage("record"):
            add_files_to_wheel(repaired.wheel, record_files(ctx, applied, native, tools, repaired))
        with ctx.log.stage("verify"):
            verify_wheel(ctx, repaired.wheel, repaired=repaired.tool != "none", library_dirs=native.runtime_dirs)
        final = place_atomically(repaired.wheel, wheel_directory)
    ctx.log.ok(f"built {final.name} ({final.stat().st_size // 1024} KiB)")
    slow = deps.simd_warning(native)
    if slow:  # said again last, where it cannot scroll away with the compiler's output
        ctx.log.warn(slow)
    return final.name


def prepare_metadata(ctx: BuildContext, metadata_directory: Path) -> str:
    with work_dir() as work:
        _, tree, _ = patched_tree(ctx, work)
        with ctx.log.stage("metadata"):
            name = build.metadata(ctx, tree, work / "metadata")
        target = metadata_directory / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(work / "metadata" / name, target)
    return name
