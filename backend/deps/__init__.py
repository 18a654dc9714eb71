"""Stage: resolve the native libraries (OpenCV core+imgproc, TurboJPEG, threads), one provider per source.

The providers sit behind their registry (registry.py: the Protocol, the name -> provider table, `resolve`); this
module is what they share: the record every provider yields and the checks they all make."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..context import BuildContext
from ..errors import BuildError
from ..toolchains import Toolchain


@dataclass
class NativeDeps:
    """What every provider yields; passed to setup.py as it is."""

    provider: str
    include_dirs: list[str] = field(default_factory=list)
    library_dirs: list[str] = field(default_factory=list)
    libraries: list[str] = field(default_factory=list)
    define_macros: list[tuple[str, str | None]] = field(default_factory=list)
    extra_compile_args: list[str] = field(default_factory=list)
    extra_link_args: list[str] = field(default_factory=list)
    extra_objects: list[str] = field(default_factory=list)  # static archives, linked by full path
    runtime_dirs: list[str] = field(default_factory=list)  # where the repair step finds shared libraries
    versions: dict[str, str] = field(default_factory=dict)
    licences: dict[str, list[str]] = field(default_factory=dict)  # library -> licence files to ship in the wheel
    # Shared library file name (lower case) -> (package, its licence files): shipped for each library the repair
    # step bundles (a provider's libraries pull in others, e.g. conda's OpenCV DLLs need zlib's).
    runtime_licences: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    # Library -> whether its SIMD code was built; only for libraries we compile whose SIMD needs a tool that may be
    # missing (libjpeg-turbo's x86 code needs nasm): the build record and doctor report it.
    simd: dict[str, bool] = field(default_factory=dict)

    def extension_kwargs(self) -> dict[str, object]:
        return {
            "include_dirs": self.include_dirs,
            "library_dirs": self.library_dirs,
            "libraries": self.libraries,
            "define_macros": [list(macro) for macro in self.define_macros],
            "extra_compile_args": self.extra_compile_args,
            "extra_link_args": self.extra_link_args,
            "extra_objects": self.extra_objects,
        }


def simd_warning(native: NativeDeps) -> str | None:
    """The warning repeated at the end of a build whose libraries lack their SIMD code, else None."""
    missing = sorted(name for name, built in native.simd.items() if not built)
    if not missing:
        return None
    return (f"{', '.join(missing)} built WITHOUT SIMD (no nasm on PATH): JPEG decoding with this wheel will be "
            "several times slower. Install nasm (apt-get install nasm, dnf install nasm, brew install nasm, "
            "winget install NASM.NASM) and rebuild.")


def target_of(toolchain: Toolchain | None) -> tuple[str, str]:
    """(platform, toolchain name) the libraries are for: the toolchain's target, else this machine."""
    from ..pins import PLATFORM

    return (toolchain.platform, toolchain.name) if toolchain else (PLATFORM, "")


def add_thread_support(ctx: BuildContext, deps: NativeDeps, platform: str) -> None:
    """libffcv.cpp's pthread_once/keys: -pthread on POSIX; on Windows our header-only shim, unless the
    include dirs already give a pthread.h."""
    if platform != "windows":
        deps.extra_compile_args.append("-pthread")
        deps.extra_link_args.append("-pthread")
    elif not any((Path(d) / "pthread.h").is_file() for d in deps.include_dirs):
        deps.include_dirs.append(str(ctx.project_dir / ctx.pins.pthread_shim))
    elif ("HAVE_STRUCT_TIMESPEC", "1") not in deps.define_macros:
        # pthreads-win32/pthreads4w's pthread.h defines struct timespec unless told that the C runtime
        # already does (every UCRT does): without this, a redefinition error under MSVC.
        deps.define_macros.append(("HAVE_STRUCT_TIMESPEC", "1"))


def check_headers(ctx: BuildContext, include_dirs: list[str]) -> None:
    """Every promised header must exist in one of the include dirs; names the missing ones."""
    missing = []
    for library in ctx.pins.native_libraries:
        for header in library.headers:
            if not any((Path(d) / header).is_file() for d in include_dirs):
                missing.append(f"{header} ({library.name}: {ctx.pins.install_hint(library.name)})")
    if missing:
        raise BuildError("Headers not found in " + (", ".join(include_dirs) or "no include dirs") + ":\n  "
                         + "\n  ".join(missing),
                         "Install the development packages above, or name the folders with "
                         "-C deps=dirs -C include-dirs=...")

