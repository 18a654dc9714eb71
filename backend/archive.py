"""Safe extraction of sdists and 7z archives (also 7-Zip self-extracting .exe files): no absolute paths,
no '..', no links out."""
from __future__ import annotations

import copy
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath
from typing import Callable

from .errors import BuildError


def _check_member(member: tarfile.TarInfo, archive: Path) -> None:
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or member.name.startswith(("/", "\\")) or (
            path.parts and ":" in path.parts[0]):
        raise BuildError(f"{archive.name} holds an unsafe path {member.name!r}: refusing to extract it.")
    if member.issym() or member.islnk():
        target = PurePosixPath(member.linkname)
        if target.is_absolute() or ".." in target.parts:
            raise BuildError(f"{archive.name} holds a link {member.name!r} -> {member.linkname!r} "
                             "that points outside: refusing to extract it.")
    if not (member.isfile() or member.isdir() or member.issym() or member.islnk()):
        raise BuildError(f"{archive.name} holds a special file {member.name!r}: refusing to extract it.")


def extract_sdist(archive: Path, dest_parent: Path) -> Path:
    """Extract a .tar.gz sdist under `dest_parent`; returns its single top folder."""
    staging = Path(tempfile.mkdtemp(prefix="extract-", dir=dest_parent))
    try:
        try:
            with tarfile.open(archive, "r:gz") as tar:
                members = tar.getmembers()
                for member in members:
                    _check_member(member, archive)
                # A './' entry (tar -C dir .) names the archive root itself, not a top folder.
                tops = {PurePosixPath(m.name).parts[0] for m in members if PurePosixPath(m.name).parts}
                if len(tops) != 1:
                    raise BuildError(f"{archive.name} does not hold a single top folder (found {sorted(tops)}).")
                tar.extractall(staging, members=members, filter="data")
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
                _check_member(member, archive)
                relative = member.name[len(prefix):]
                if not relative or relative.split("/", 1)[0] in skip:
                    continue
                member = copy.copy(member)
                member.name = relative
                if member.islnk():
                    if not member.linkname.startswith(prefix):
                        raise BuildError(f"{archive.name}: hard link {member.name!r} points outside {subdir}.")
                    member.linkname = member.linkname[len(prefix):]
                chosen.append(member)
            if not chosen:
                raise BuildError(f"{archive.name} holds nothing under {subdir}/.")
            tar.extractall(dest, members=chosen, filter="data")
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise BuildError(f"{archive} is truncated or not a valid .tar.gz ({exc}).",
                         "Delete it and download it again.") from exc
    return dest


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


def _check_name(name: str, archive: Path) -> None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or name.startswith(("/", "\\")) or (
            path.parts and ":" in path.parts[0]):
        raise BuildError(f"{archive.name} holds an unsafe path {name!r}: refusing to extract it.")


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
                    _check_name(entry.filename, archive)
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
