"""The wheel as a file: the platform tag in its name, opening it, adding files to it with their RECORD rows.
Below the stages that handle wheels (repair, record, verify), so that none of them imports another for these."""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import zipfile
from pathlib import Path

from .errors import BuildError
from .files import atomic_file

# One deflate pass over the final wheel; level 5 is within 1% of level 6's size at two thirds of its time.
COMPRESS_LEVEL = 5


def dist_info_folder(names: list[str]) -> str:
    """The one `<name>-<version>.dist-info` folder among a wheel's member names."""
    dirs = {name.split("/")[0] for name in names if name.split("/")[0].endswith(".dist-info")}
    if len(dirs) != 1:
        raise ValueError(f"expected one .dist-info folder, found {sorted(dirs)}")
    return dirs.pop()


def add_files_to_wheel(wheel: Path, files: dict[str, bytes]) -> None:
    """Add `files` (paths relative to the wheel's .dist-info) and list them in RECORD; every member is
    (re)deflated and the wheel is replaced atomically."""
    with zipfile.ZipFile(wheel) as source:
        names = source.namelist()
        dist_info = dist_info_folder(names)
        added = {f"{dist_info}/{name}": data for name, data in files.items()}
        record_name = f"{dist_info}/RECORD"
        rows = [row for row in csv.reader(io.StringIO(source.read(record_name).decode())) if row]
        rows = [row for row in rows if row[0] not in added and row[0] != record_name]
        for arcname, data in added.items():
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            rows.append([arcname, f"sha256={digest}", str(len(data))])
        rows.append([record_name, "", ""])
        record = io.StringIO()
        csv.writer(record, lineterminator="\n").writerows(rows)
        with atomic_file(wheel, prefix=f".{wheel.name}.", suffix=".whl") as temp:
            with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    if info.filename not in added and info.filename != record_name:
                        # Deflated here whatever the source used: the repair step writes uncompressed
                        # (auditwheel -z 0) so that the wheel is compressed once, not twice.
                        target.writestr(info, source.read(info.filename), compress_type=zipfile.ZIP_DEFLATED,
                                        compresslevel=COMPRESS_LEVEL)
                for arcname, data in added.items():
                    target.writestr(arcname, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL)
                target.writestr(record_name, record.getvalue(), compress_type=zipfile.ZIP_DEFLATED,
                                compresslevel=COMPRESS_LEVEL)


def platform_tag(wheel_name: str) -> str:
    """The platform tag of a wheel file name (its last part: `manylinux_2_28_x86_64`, `win_amd64`); a compressed
    tag set (`a.b`) is returned whole."""
    return wheel_name[:-len(".whl")].rsplit("-", 1)[-1]


def open_wheel(wheel: Path) -> zipfile.ZipFile:
    """The wheel as a zip, or a BuildError saying what the path is instead."""
    resolved = Path(wheel).resolve()
    if not resolved.exists():
        raise BuildError(f"{resolved} does not exist.", "Give the path of a .whl file.")
    if not resolved.is_file():
        raise BuildError(f"{resolved} is a folder, not a wheel.", "Give the path of a .whl file.")
    try:
        return zipfile.ZipFile(resolved)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BuildError(f"{resolved} is not a wheel ({exc}).", "Give the path of a .whl file.") from exc
