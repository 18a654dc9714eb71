"""Safe extraction of sdists: one top folder, no absolute paths, no '..', no links out."""
from __future__ import annotations

import copy
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

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
