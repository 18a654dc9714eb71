"""Stage: check the finished wheel: extension present, libraries closed, licence and record inside."""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path, PurePosixPath

from .context import BuildContext
from .errors import BuildError
from .record import RECORD_NAME


def elf_needed(data: bytes) -> list[str]:
    from elftools.elf.dynamic import DynamicSection
    from elftools.elf.elffile import ELFFile

    elf = ELFFile(io.BytesIO(data))
    needed = []
    for section in elf.iter_sections():
        if isinstance(section, DynamicSection):
            needed += [tag.needed for tag in section.iter_tags() if tag.entry.d_tag == "DT_NEEDED"]
    return needed


def manylinux_system_libraries(wheel_name: str) -> frozenset[str]:
    """The libraries auditwheel's policy lets a wheel with this manylinux tag take from the system."""
    import importlib.resources
    import json

    policies = json.loads((importlib.resources.files("auditwheel.policy") / "manylinux-policy.json").read_text())
    platform_tag = wheel_name[:-len(".whl")].split("-")[-1]
    for policy in policies:
        names = [policy["name"], *policy.get("aliases", [])]
        if any(platform_tag.startswith(name + "_") for name in names if name != "linux"):
            return frozenset(policy["lib_whitelist"])
    raise BuildError(f"{wheel_name}: no manylinux policy matches its platform tag {platform_tag!r}.")


def linux_closure(wheel: Path, system_libraries: frozenset[str]) -> dict[str, list[str]]:
    """For each ELF file in the wheel, the libraries it needs that are neither bundled nor system ones."""
    with zipfile.ZipFile(wheel) as archive:
        elves = {name: archive.read(name) for name in archive.namelist()
                 if ".so" in PurePosixPath(name).name and archive.read(name)[:4] == b"\x7fELF"}
    inside = {PurePosixPath(name).name for name in elves}
    # The dynamic loader (ld-linux-*.so.*, ld64.so.*) is part of every glibc system.
    return {name: [lib for lib in elf_needed(data) if lib not in inside and lib not in system_libraries
                   and not lib.startswith(("ld-linux", "ld64.so"))]
            for name, data in elves.items()}


def verify_wheel(ctx: BuildContext, wheel: Path, repaired: bool) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    if not any(PurePosixPath(n).name.startswith("_libffcv") for n in names):
        raise BuildError(f"{wheel.name} holds no ffcv/_libffcv extension.")
    if not any(n.endswith(f".dist-info/{RECORD_NAME}") for n in names):
        raise BuildError(f"{wheel.name} holds no build record.")
    if not any("/licenses/" in n or n.endswith(".dist-info/LICENSE") for n in names):
        raise BuildError(f"{wheel.name} holds no licence file.")
    if repaired and sys.platform.startswith("linux"):
        if "manylinux" not in wheel.name:
            raise BuildError(f"{wheel.name} has no manylinux tag after repair.")
        closure = linux_closure(wheel, manylinux_system_libraries(wheel.name))
        missing = {name: libs for name, libs in closure.items() if libs}
        if missing:
            raise BuildError("Libraries needed but neither bundled nor provided by manylinux systems:\n  "
                             + "\n  ".join(f"{name}: {', '.join(libs)}" for name, libs in missing.items()))
        ctx.log.info(f"verify: {len(closure)} ELF files, every needed library bundled or a manylinux system one")
