"""Safe extraction of sdists, zips and 7z archives (also 7-Zip self-extracting .exe files): no absolute
paths, no '..', no links out, no special files.

Our own code writes every member, on every Python: tarfile's extraction filters (filter="data") exist
only from CPython 3.10.12/3.11.4, and CPython 3.10.11 (cibuildwheel's cp310 on Windows and macOS) and
Debian 12's 3.11.2 lack them. One name check serves tar, zip and 7z."""
from __future__ import annotations

import os
import shutil
import stat
import tarfile
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

from ..errors import BuildError


def check_safe_name(name: str, archive: Path) -> PurePosixPath:
    """A member name that stays inside the extraction folder on every OS (no absolute path, no drive,
    no '..', either slash); returns it as a relative path."""
    normal = name.replace("\\", "/")
    path = PurePosixPath(normal)
    if (path.is_absolute() or normal.startswith("/") or ".." in path.parts
            or (path.parts and ":" in path.parts[0]) or "\x00" in name):
        raise BuildError(f"{archive.name} holds an unsafe path {name!r}: refusing to extract it.")
    return path


def check_tar_member(member: tarfile.TarInfo, archive: Path) -> None:
    check_safe_name(member.name, archive)
    if member.issym() or member.islnk():
        target = member.linkname.replace("\\", "/")
        if PurePosixPath(target).is_absolute() or target.startswith("/") or ".." in PurePosixPath(target).parts \
                or ":" in target.split("/", 1)[0]:
            raise BuildError(f"{archive.name} holds a link {member.name!r} -> {member.linkname!r} "
                             "that points outside: refusing to extract it.")
    if not (member.isfile() or member.isdir() or member.issym() or member.islnk()):
        raise BuildError(f"{archive.name} holds a special file {member.name!r}: refusing to extract it.")


def _inside(dest: Path, target: Path, archive: Path, name: str) -> None:
    # Links already written cannot lead a later member out (link targets are relative without '..'),
    # but check the resolved folder anyway: the last line of defence costs one realpath per member.
    root = os.path.realpath(dest)
    if os.path.commonpath([root, os.path.realpath(target.parent)]) != root:
        raise BuildError(f"{archive.name}: {name!r} would be written outside the extraction folder.")


def _file_mode(mode: int) -> int:
    # As tarfile's "data" filter: no set-id or sticky bits, no group/other write, owner may read and write.
    return (mode & 0o755) | 0o600


def _write_tar_members(tar: tarfile.TarFile, members: Iterable[tuple[str, tarfile.TarInfo]], dest: Path,
                       archive: Path) -> None:
    """Write checked members under `dest`, each at its given relative name. Owners are never applied.
    The members are the archive's own objects: extractfile() of a hard link looks its target up from there."""
    links = []
    for name, member in members:
        target = dest / name
        _inside(dest, target, archive, name)
        if member.isdir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if member.issym():
            links.append((target, member))  # after the files, so that a link never redirects a later write
            continue
        source = tar.extractfile(member)  # a hard link reads its target member's data
        if source is None:
            raise BuildError(f"{archive.name}: {member.name!r} has no data.")
        if target.is_symlink() or target.exists():
            target.unlink()
        with source, open(target, "wb") as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
        os.chmod(target, _file_mode(member.mode))
        os.utime(target, (member.mtime, member.mtime))
    for target, member in links:
        if target.is_symlink() or target.exists():
            raise BuildError(f"{archive.name}: {member.name!r} is both a link and a file.")
        os.symlink(member.linkname, target)


def extract_sdist(archive: Path, dest_parent: Path) -> Path:
    """Extract a .tar.gz sdist under `dest_parent`; returns its single top folder."""
    staging = Path(tempfile.mkdtemp(prefix="extract-", dir=dest_parent))
    try:
        try:
            with tarfile.open(archive, "r:gz") as tar:
                members = tar.getmembers()
                for member in members:
                    check_tar_member(member, archive)
                # A './' entry (tar -C dir .) names the archive root itself, not a top folder.
                tops = {PurePosixPath(m.name).parts[0] for m in members if PurePosixPath(m.name).parts}
                if len(tops) != 1:
                    raise BuildError(f"{archive.name} does not hold a single top folder (found {sorted(tops)}).")
                named = [(m.name, m) for m in members if PurePosixPath(m.name).parts]
                _write_tar_members(tar, named, staging, archive)
        except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
            raise BuildError(f"{archive} is truncated or not a valid .tar.gz ({exc}).",
                             "Delete it and download it again.") from exc
        top = staging / tops.pop()
        final = dest_parent / top.name
        if final.exists():
            shutil.rmtree(final)
        top.rename(final)
        return final
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def extract_subtree(archive: Path, subdir: str, dest: Path, skip: tuple[str, ...] = ()) -> Path:
    """Extract only `subdir/` of a .tar.gz into `dest` (which receives its contents), leaving out the
    top-level folders of the subtree named in `skip` (e.g. samples)."""
    prefix = subdir.strip("/") + "/"
    dest.mkdir(parents=True)
    try:
        with tarfile.open(archive, "r:gz") as tar:
            chosen = []
            for member in tar:
                if not member.name.startswith(prefix):
                    continue
                check_tar_member(member, archive)
                relative = member.name[len(prefix):]
                if not relative or relative.split("/", 1)[0] in skip:
                    continue
                if member.islnk() and not member.linkname.startswith(prefix):
                    raise BuildError(f"{archive.name}: hard link {relative!r} points outside {subdir}.")
                chosen.append((relative, member))
            if not chosen:
                raise BuildError(f"{archive.name} holds nothing under {subdir}/.")
            _write_tar_members(tar, chosen, dest, archive)
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise BuildError(f"{archive} is truncated or not a valid .tar.gz ({exc}).",
                         "Delete it and download it again.") from exc
    return dest


def extract_zip_folder(zip_file: zipfile.ZipFile, folder: str, dest: Path, archive: Path) -> None:
    """Extract the files under `folder/` of an open zip into `dest` (which receives its contents)."""
    prefix = folder.strip("/") + "/"
    for info in zip_file.infolist():
        check_safe_name(info.filename, archive)
        if not info.filename.startswith(prefix) or info.is_dir():
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BuildError(f"{archive.name} holds a link {info.filename!r}: refusing to extract it.")
        target = dest / info.filename[len(prefix):]
        _inside(dest, target, archive, info.filename)
        target.parent.mkdir(parents=True, exist_ok=True)
        with zip_file.open(info) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out, 1024 * 1024)


SEVEN_ZIP_SIGNATURE = b"7z\xbc\xaf\x27\x1c"
SFX_SEARCH_LIMIT = 16 * 1024 * 1024  # 7-Zip's Windows SFX stubs are a few hundred KiB


def seven_zip_offset(archive: Path) -> int:
    """Where the 7z archive starts: 0 for a .7z, after the stub for a 7-Zip self-extracting .exe. A match
    counts only if its start header's CRC holds (the stub may contain the signature bytes)."""
    import zlib

    size = archive.stat().st_size
    with archive.open("rb") as handle:
        data = handle.read(min(size, SFX_SEARCH_LIMIT + 32))
    start = data.find(SEVEN_ZIP_SIGNATURE)
    while start != -1:
        header = data[start:start + 32]
        if len(header) == 32 and zlib.crc32(header[12:32]) == int.from_bytes(header[8:12], "little"):
            next_offset, next_size = int.from_bytes(header[12:20], "little"), int.from_bytes(header[20:28], "little")
            if start + 32 + next_offset + next_size <= size:
                return start
        start = data.find(SEVEN_ZIP_SIGNATURE, start + 1)
    raise BuildError(f"{archive.name} holds no 7z archive (neither a .7z nor a 7-Zip self-extracting file).",
                     "Delete it from the cache and download it again.")


def extract_7z(archive: Path, dest: Path, wanted: Callable[[str], bool]) -> list[str]:
    """Extract the files of a .7z or 7-Zip SFX .exe whose names `wanted` accepts into `dest` (created);
    returns their names. Every name in the archive is checked first: nothing lands outside `dest`."""
    import py7zr

    offset = seven_zip_offset(archive)
    dest.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="ffcv-7z-") as work:
        source = archive
        if offset:  # py7zr reads archives from their first byte: drop the self-extractor's stub
            source = Path(work) / (archive.stem + ".7z")
            with archive.open("rb") as whole, source.open("wb") as out:
                whole.seek(offset)
                shutil.copyfileobj(whole, out, 1024 * 1024)
        try:
            with py7zr.SevenZipFile(source) as seven:
                entries = seven.list()
                for entry in entries:
                    check_safe_name(entry.filename, archive)
                    if getattr(entry, "is_symlink", False):
                        raise BuildError(f"{archive.name} holds a link {entry.filename!r}: refusing to extract it.")
                chosen = [e.filename for e in entries if not e.is_directory and wanted(e.filename)]
                if chosen:
                    seven.reset()
                    seven.extract(path=dest, targets=chosen)
        except py7zr.exceptions.UnsupportedCompressionMethodError as exc:
            raise BuildError(f"{archive.name}: py7zr cannot unpack it ({exc}).",
                             "Report this to ffcv-wheels; meanwhile use -C deps=source.") from exc
        except (py7zr.exceptions.Bad7zFile, EOFError, OSError, ValueError) as exc:
            raise BuildError(f"{archive} is truncated or not a valid 7z archive ({exc}).",
                             "Delete it from the cache and download it again.") from exc
    missing = [name for name in chosen if not (dest / name).is_file()]
    if missing:
        raise BuildError(f"{archive.name}: extraction gave no {', '.join(missing[:5])}.")
    return chosen
