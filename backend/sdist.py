"""Our sdist: the backend, patches, data file and the verified upstream sdist, so a wheel builds offline from it."""
from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

from . import build
from .context import BuildContext
from .files import atomic_file
from .pipeline import check_output_folder, patched_tree, work_dir

INCLUDED = ("pyproject.toml", "README.md", "LICENSE", "backend", "patches", "vendor_scripts")


def _files(project_dir: Path) -> list[Path]:
    files = []
    for entry in INCLUDED:
        path = project_dir / entry
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += sorted(p for p in path.rglob("*")
                            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    return files


def _normalised(info: tarfile.TarInfo, mtime: int) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = mtime
    info.mode = 0o644
    return info


def build_sdist(ctx: BuildContext, sdist_directory: Path) -> str:
    pin = ctx.upstream
    base = f"{pin.project}-{pin.version}"
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    check_output_folder(sdist_directory)
    with work_dir() as work:
        upstream_file, tree, _ = patched_tree(ctx, work)
        with ctx.log.stage("metadata"):
            dist_info = build.metadata(ctx, tree, work / "metadata")
        pkg_info = (work / "metadata" / dist_info / "METADATA").read_bytes()
        final = sdist_directory / f"{base}.tar.gz"
        # mode: mkstemp makes it private
        with atomic_file(final, prefix=f".{base}.", suffix=".tar.gz", mode=0o644) as temp:
            with tarfile.open(temp, "w:gz", format=tarfile.PAX_FORMAT) as tar:
                members = [(path, f"{base}/{path.relative_to(ctx.project_dir).as_posix()}")
                           for path in _files(ctx.project_dir)]
                members.append((upstream_file, f"{base}/upstream/{pin.filename}"))
                for path, arcname in members:
                    with path.open("rb") as handle:
                        tar.addfile(_normalised(tar.gettarinfo(str(path), arcname), mtime), handle)
                info = _normalised(tarfile.TarInfo(f"{base}/PKG-INFO"), mtime)
                info.size = len(pkg_info)
                tar.addfile(info, io.BytesIO(pkg_info))
    ctx.log.ok(f"built {final.name} ({final.stat().st_size // 1024} KiB)")
    return final.name
