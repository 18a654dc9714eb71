"""7z archives py7zr cannot unpack: a 7-Zip program does it instead.

OpenCV packs its Windows release with `7z -mx9`, which puts executables and DLLs through the BCJ2 filter,
and py7zr has no BCJ2 decoder. py7zr still reads the archive's list of names, so every name is checked
(one safe-name check for tar, zip and 7z) before a 7-Zip program writes anything, and then:

1. a 7-Zip on PATH (`7z`, `7za`, `7zz`; on Windows also 7-Zip's default install folder) extracts only the
   wanted files, given as a list file;
2. else, on Windows, the self-extracting archive itself (already sha256-verified) runs with `-o<dir> -y`,
   7-Zip's SFX switches, and extracts everything.

Either way the program writes into a temporary folder beside `dest`; what it wrote is checked (no links,
nothing the archive's list did not name), and only the wanted files are moved into `dest`. A failure
leaves `dest` empty (the caller's staging folder is deleted whole)."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Sequence

from ..errors import BuildError
from .archive import check_safe_name, extract_7z, seven_zip_offset

TOOL_NAMES = ("7z", "7za", "7zz")
# Where the self-extractor may run itself: a 7-Zip SFX .exe is a Windows program.
SELF_EXTRACT_PLATFORMS = ("win32",)
HINT = ("Install 7-Zip (winget install 7zip.7zip, choco install 7zip; apt-get install 7zip) and put 7z on PATH, "
        "or use -C deps=source.")


def find_seven_zip(environ: dict[str, str] | None = None) -> Path | None:
    """A 7-Zip command-line program: on PATH, or in 7-Zip's default folder on Windows."""
    environ = dict(os.environ) if environ is None else environ
    for name in TOOL_NAMES:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return Path(found)
    if sys.platform == "win32":
        for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
            candidate = Path(environ.get(variable, "")) / "7-Zip" / "7z.exe"
            if environ.get(variable) and candidate.is_file():
                return candidate
    return None


def plain_7z(archive: Path, work: Path) -> Path:
    """`archive` itself for a .7z; for a self-extracting .exe, a copy of its 7z part in `work` (py7zr reads
    archives from their first byte, and a 7-Zip program is then not tempted to read the stub as a PE file)."""
    offset = seven_zip_offset(archive)
    if not offset:
        return archive
    copy = work / (archive.stem + ".7z")
    with archive.open("rb") as whole, copy.open("wb") as out:
        whole.seek(offset)
        shutil.copyfileobj(whole, out, 1024 * 1024)
    return copy


def archive_names(archive: Path, source: Path) -> list[tuple[str, bool]]:
    """(name, is_directory) of every member of `source` (the 7z part of `archive`), read by py7zr, which lists
    BCJ2 archives it cannot unpack; every name passes the shared safe-name check and none is a link."""
    import py7zr

    try:
        with py7zr.SevenZipFile(source) as seven:
            entries = seven.list()
    except (py7zr.exceptions.Bad7zFile, EOFError, OSError, ValueError) as exc:
        raise BuildError(f"{archive} is truncated or not a valid 7z archive ({exc}).",
                         "Delete it from the cache and download it again.") from exc
    for entry in entries:
        check_safe_name(entry.filename, archive)
        if getattr(entry, "is_symlink", False):
            raise BuildError(f"{archive.name} holds a link {entry.filename!r}: refusing to extract it.")
    return [(entry.filename.replace("\\", "/"), bool(entry.is_directory)) for entry in entries]


def _is_link(path: Path) -> bool:
    # Symbolic links, and on Windows junctions and other reparse points (no Path.is_junction before 3.12).
    info = path.lstat()
    return stat.S_ISLNK(info.st_mode) or bool(getattr(info, "st_file_attributes", 0) & 0x400)


def _written(folder: Path, archive: Path, listed: set[str]) -> set[str]:
    """Relative names of the files a 7-Zip program wrote; refuses links and names the list did not have."""
    files = set()
    for root, dirs, names in os.walk(folder):
        for name in [*dirs, *names]:
            path = Path(root) / name
            relative = path.relative_to(folder).as_posix()
            if _is_link(path):
                raise BuildError(f"{archive.name}: 7-Zip wrote a link {relative!r}: refusing the extraction.")
            if name in names:
                if relative not in listed:
                    raise BuildError(f"{archive.name}: 7-Zip wrote {relative!r}, which the archive's list does "
                                     "not name: refusing the extraction.")
                files.add(relative)
    return files


def _run(command: Sequence[str], what: str, archive: Path) -> None:
    try:
        result = subprocess.run(list(command), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                errors="replace", timeout=3600)
    except OSError as exc:
        raise BuildError(f"{archive.name}: {what} could not run ({exc}).", HINT) from exc
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise BuildError(f"{archive.name}: {what} failed (exit code {result.returncode}):\n{tail}", HINT)


def extract_with_program(archive: Path, dest: Path, wanted: Callable[[str], bool], tool: Path | None,
                         self_extract: bool) -> list[str]:
    """Extract the wanted files of `archive` into `dest` (created) with `tool`, or by running the
    self-extracting archive itself when `self_extract` and there is no tool; returns their names."""
    if tool is None and not self_extract:
        raise BuildError(f"{archive.name} needs a 7-Zip program to unpack (py7zr cannot: BCJ2 filter), and none "
                         f"was found ({', '.join(TOOL_NAMES)} on PATH).", HINT)
    dest.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix=".ffcv-7z-", dir=dest.parent))
    try:
        source = plain_7z(archive, work)
        entries = archive_names(archive, source)
        listed = {name for name, is_dir in entries if not is_dir}
        chosen = sorted(name for name in listed if wanted(name))
        if not chosen:  # an empty list file would make 7-Zip extract everything
            return []
        out = work / "out"
        if tool is not None:
            # Only the wanted files, named in a list file (thousands of names overflow a Windows command line).
            listing = work / "names.txt"
            listing.write_text("".join(name.replace("/", os.sep) + "\n" for name in chosen), encoding="utf-8")
            _run([str(tool), "x", str(source), f"-o{out}", "-y", "-scsUTF-8", f"@{listing}"],
                 f"{tool.name} x", archive)
        else:
            out.mkdir()
            _run([str(archive), f"-o{out}", "-y"], "the self-extracting archive", archive)
        written = _written(out, archive, listed) if out.is_dir() else set()
        missing = [name for name in chosen if name not in written]
        if missing:
            raise BuildError(f"{archive.name}: extraction gave no {', '.join(missing[:5])}.")
        for name in chosen:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(out / name, dest / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return chosen


def unsupported_by_py7zr(error: BuildError) -> bool:
    """Whether extract_7z failed because py7zr lacks a decoder (BCJ2), not because the archive is bad."""
    try:
        import py7zr
    except ImportError:
        return False
    return isinstance(error.__cause__, py7zr.exceptions.UnsupportedCompressionMethodError)


def extract_release(archive: Path, dest: Path, wanted: Callable[[str], bool], log_info: Callable[[str], None],
                    environ: dict[str, str] | None = None) -> list[str]:
    """extract_7z, or when py7zr lacks a decoder the archive needs, a 7-Zip program (see the module)."""
    try:
        return extract_7z(archive, dest, wanted)
    except BuildError as error:
        if not unsupported_by_py7zr(error):
            raise
        reason = error.__cause__
    shutil.rmtree(dest, ignore_errors=True)  # whatever py7zr wrote before it stopped
    tool = find_seven_zip(environ)
    self_extract = sys.platform in SELF_EXTRACT_PLATFORMS and archive.suffix.lower() == ".exe"
    how = f"{tool}" if tool else ("the self-extracting archive itself" if self_extract else "nothing")
    log_info(f"{archive.name}: py7zr cannot unpack it ({str(reason).splitlines()[0][:120]}); extracting with {how}")
    return extract_with_program(archive, dest, wanted, tool, self_extract)
