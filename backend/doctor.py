"""`python -m backend doctor`: what this machine offers for a build, and how an installed ffcv finds
its native libraries (the job people did by hand with ldd, Dependencies and ProcMon)."""
from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

from .context import BuildContext
from .errors import BuildError
from .toolchains import Toolchain
from .toolchains.registry import detect

FIND_FFCV = """
import importlib.util, json, sys
spec = importlib.util.find_spec("ffcv")
package = list(spec.submodule_search_locations)[0] if spec and spec.submodule_search_locations else None
record = None
if package:
    try:
        from importlib.metadata import distribution
        record = json.loads(distribution("ffcv").read_text("ffcv-build.json") or "null")
    except Exception:
        pass
print(json.dumps({"python": sys.version.split()[0], "package": package, "record": record}))
"""
LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


def report_python(ctx: BuildContext) -> None:
    ctx.log.info(f"python: {platform.python_implementation()} {platform.python_version()} at {sys.executable}")
    ctx.log.info(f"platform: {sysconfig.get_platform()} ({platform.machine()}), system {platform.system()}")
    if sys.platform != "win32":
        ctx.log.info("MSVC: not applicable on this system")


def report_toolchain(ctx: BuildContext) -> Toolchain | None:
    try:
        found = detect(ctx)
    except BuildError as exc:
        ctx.log.error(f"toolchain: {exc}")
        return None
    ctx.log.ok(f"toolchain: {found.version} ({found.compiler})")
    return found


def report_providers(ctx: BuildContext, tools: Toolchain | None) -> bool:
    """False if the provider the settings choose (deps) cannot work here: an [ERROR], not a [WARN]."""
    from .deps.registry import PROVIDERS

    results = [found.report(ctx, tools) for found in PROVIDERS.values()]
    return all(results)


def linux_dependencies(extension: Path) -> list[tuple[str, str]]:
    """(library, where the dynamic loader finds it or 'not found'), from ldd."""
    output = subprocess.run(["ldd", str(extension)], capture_output=True, text=True).stdout
    return [(match.group(1), match.group(2)) for match in map(LDD_LINE.match, output.splitlines()) if match]


def check_python(python: Path) -> None:
    """--python names an interpreter that runs: one clear error before any report otherwise."""
    if not python.exists():
        raise BuildError(f"--python {python}: no such file.", "Name a Python interpreter, e.g. --python "
                         f"{Path('.venv', 'Scripts' if os.name == 'nt' else 'bin', 'python')}.")
    if python.is_dir():
        raise BuildError(f"--python {python} is a folder, not a Python interpreter.",
                         f"Name the interpreter inside it, e.g. {python / ('python.exe' if os.name == 'nt' else 'bin/python')}.")


def report_installed(ctx: BuildContext, python: Path) -> bool:
    """Returns False if the installed ffcv's extension has a library the system cannot find."""
    try:
        result = subprocess.run([str(python), "-c", FIND_FFCV], capture_output=True, text=True, timeout=120)
        found = json.loads(result.stdout) if result.returncode == 0 else None
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        raise BuildError(f"--python {python} did not run as a Python interpreter ({exc}).") from exc
    if not isinstance(found, dict):
        tail = " ".join((result.stdout + result.stderr).strip().splitlines()[-2:])
        raise BuildError(f"--python {python} did not run as a Python interpreter (exit code {result.returncode}"
                         + (f": {tail}" if tail else "") + ").")
    if not found["package"]:
        ctx.log.info(f"installed ffcv: none in {python} (Python {found['python']})")
        return True
    package = Path(found["package"])
    extensions = [p for p in package.iterdir() if p.name.startswith("_libffcv") and p.suffix in (".so", ".pyd")]
    if not extensions:
        ctx.log.error(f"installed ffcv at {package} has no _libffcv extension")
        return False
    ctx.log.info(f"installed ffcv: {package} (Python {found['python']}), extension {extensions[0].name}")
    report_record(ctx, found.get("record"))
    healthy = True
    if extensions[0].suffix == ".pyd":
        from .verify import WindowsSystem, pe_imports, pe_machine

        system = WindowsSystem.from_pins(ctx.pins)
        libs = package.parent / "ffcv.libs"
        data = extensions[0].read_bytes()
        for dll in pe_imports(data):
            bundled = libs / dll
            where = str(bundled) if bundled.is_file() else system.provider(dll, pe_machine(data))
            (ctx.log.ok if where else ctx.log.error)(
                f"  {dll}: {where or 'not in ffcv.libs, not part of Windows or CPython: DLL load failed'}")
            healthy = healthy and bool(where)
        return healthy
    for library, where in linux_dependencies(extensions[0]):
        if where == "not found":
            ctx.log.error(f"  {library}: not found by the dynamic loader")
            healthy = False
        else:
            inside = str(package.parent) in where
            ctx.log.ok(f"  {library}: {where}" + (" (inside the wheel)" if inside else " (from the system)"))
    return healthy


def report_record(ctx: BuildContext, record: dict | None) -> None:
    """What the installed wheel's build record says about how it was built (SIMD above all)."""
    if not record:
        ctx.log.info("  build record: none (not built by ffcv-wheels)")
        return
    libraries = ", ".join(f"{name} {version}" for name, version in record.get("libraries", {}).items())
    ctx.log.info(f"  build record: provider {record.get('provider')} ({libraries}), {record.get('compiler')}")
    for name, built in record.get("simd", {}).items():
        if built:
            ctx.log.ok(f"  {name}: built with SIMD")
        else:
            ctx.log.warn(f"  {name}: built WITHOUT SIMD (no nasm at build time): JPEG decoding is several times "
                         "slower; rebuild the wheel with nasm installed")


def doctor(ctx: BuildContext, python: Path) -> int:
    """0 if a build with these settings can run here and the installed ffcv (if any) finds its libraries."""
    check_python(python)
    report_python(ctx)
    tools = report_toolchain(ctx)
    providers = report_providers(ctx, tools)
    installed = report_installed(ctx, python)
    return 0 if tools is not None and providers and installed else 1
