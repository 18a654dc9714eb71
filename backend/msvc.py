"""MSVC on Windows: find Visual Studio with vswhere, run vcvarsall.bat once, capture its environment.

The captured environment is cached per installation, version and architecture. An already activated
developer shell is used as it is. setuptools is told to trust the environment (DISTUTILS_USE_SDK=1).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from .errors import BuildError

# vswhere component that provides the compiler for each target architecture.
VC_COMPONENTS = {"x64": "Microsoft.VisualStudio.Component.VC.Tools.x86.x64",
                 "arm64": "Microsoft.VisualStudio.Component.VC.Tools.ARM64"}
WHEEL_PLATFORMS = {"x64": "win_amd64", "arm64": "win_arm64"}
LIB_MACHINES = {"x64": "X64", "arm64": "ARM64"}  # lib.exe /machine:
CMAKE_PROCESSORS = {"x64": "AMD64", "arm64": "ARM64"}  # CMAKE_SYSTEM_PROCESSOR as Windows reports it
INSTALL_HINT = ("Install the Visual Studio Build Tools with the C++ workload, e.g.\n"
                "  winget install Microsoft.VisualStudio.2022.BuildTools --override "
                "\"--add Microsoft.VisualStudio.Workload.VCTools --includeRecommended --passive\"")


@dataclass(frozen=True)
class Installation:
    path: str
    version: str
    name: str


def target_arch(platform_tag: str) -> str:
    """sysconfig platform ('win-amd64', 'win-arm64') -> MSVC architecture name."""
    arches = {"win-amd64": "x64", "win-arm64": "arm64"}
    if platform_tag not in arches:
        raise BuildError(f"No MSVC target for Python's platform {platform_tag!r}: supported are "
                         f"{', '.join(arches)} (32-bit Windows is not).")
    return arches[platform_tag]


def wheel_target_arch(wheel_platform: str) -> str:
    """The target setting ('win_arm64') -> MSVC architecture name."""
    arches = {platform: arch for arch, platform in WHEEL_PLATFORMS.items()}
    if wheel_platform not in arches:
        raise BuildError(f"MSVC cannot build for target {wheel_platform!r}: known targets are {', '.join(arches)}.",
                         "Drop the target setting to build for this Python's own platform.")
    return arches[wheel_platform]


def host_arch(environ: dict[str, str]) -> str:
    """The machine's own architecture; a 64-bit Python on ARM64 Windows may report AMD64 under emulation,
    so PROCESSOR_ARCHITEW6432 (set for emulated processes) wins."""
    machine = (environ.get("PROCESSOR_ARCHITEW6432") or environ.get("PROCESSOR_ARCHITECTURE") or "AMD64").upper()
    return {"AMD64": "x64", "ARM64": "arm64"}.get(machine, "x64")


def compiler_version(cl: str, environment: dict[str, str]) -> str:
    """cl.exe prints its banner ('Microsoft (R) C/C++ Optimizing Compiler Version 19.44.35211 for x64') on stderr."""
    result = subprocess.run([cl], capture_output=True, env=environment, timeout=60)
    lines = result.stderr.decode("mbcs" if os.name == "nt" else "utf-8", "replace").strip().splitlines()
    return lines[0].strip() if lines else "cl (unknown version)"


def vcvarsall_argument(host: str, target: str) -> str:
    """vcvarsall's architecture argument: native ('x64', 'arm64') or cross ('x64_arm64')."""
    return target if host == target else f"{host}_{target}"


def find_vswhere(environ: dict[str, str]) -> Path | None:
    # Windows names ignore case; a dict of os.environ spells this one PROGRAMFILES(X86).
    program_files = next((value for name, value in environ.items() if name.upper() == "PROGRAMFILES(X86)"),
                         r"C:\Program Files (x86)")
    default = Path(program_files,
                   "Microsoft Visual Studio", "Installer", "vswhere.exe")
    if default.is_file():
        return default
    found = shutil.which("vswhere", path=environ.get("PATH"))
    return Path(found) if found else None


def installations(vswhere: Path, target: str) -> list[Installation]:
    """Visual Studio installations with the compiler for `target`, newest first."""
    result = subprocess.run([str(vswhere), "-products", "*", "-prerelease", "-requires", VC_COMPONENTS[target],
                             "-sort", "-format", "json", "-utf8"], capture_output=True, timeout=120)
    if result.returncode != 0:
        raise BuildError(f"vswhere failed (exit code {result.returncode}): "
                         f"{result.stderr.decode('utf-8', 'replace').strip()}")
    found = json.loads(result.stdout.decode("utf-8") or "[]")
    return [Installation(item["installationPath"], item.get("installationVersion", ""),
                         item.get("displayName", "")) for item in found]


def parse_set_output(text: str) -> dict[str, str]:
    """`set` prints NAME=value lines; values may hold '='."""
    environment = {}
    for line in text.splitlines():
        name, sep, value = line.partition("=")
        if sep and name and not name.startswith("="):
            environment[name] = value
    return environment


def capture_vcvarsall(installation: Installation, argument: str, environ: dict[str, str]) -> dict[str, str]:
    vcvarsall = PureWindowsPath(installation.path, "VC", "Auxiliary", "Build", "vcvarsall.bat")
    shell = environ.get("COMSPEC", "cmd.exe")
    command = f'call "{vcvarsall}" {argument} >nul 2>&1 && set'
    result = subprocess.run([shell, "/d", "/s", "/c", command], capture_output=True, env=environ, timeout=300)
    text = result.stdout.decode("mbcs" if os.name == "nt" else "utf-8", "replace")
    environment = parse_set_output(text)
    if result.returncode != 0 or "VCToolsInstallDir" not in environment:
        raise BuildError(f"{vcvarsall} {argument} did not set up MSVC (exit code {result.returncode}).",
                         "Repair the Visual Studio installation, or build from a Developer Command Prompt.")
    return environment


def cached_capture(installation: Installation, argument: str, environ: dict[str, str], cache_dir: Path) -> dict[str, str]:
    """vcvarsall's environment, captured once per installation, version and architecture."""
    key = hashlib.sha256(json.dumps([installation.path, installation.version, argument]).encode()).hexdigest()[:16]
    cached = cache_dir / "msvc" / f"vcvars-{key}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    environment = capture_vcvarsall(installation, argument, environ)
    cached.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=cached.parent, suffix=".part")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(environment, out)
    os.replace(temp, cached)
    return environment


def merge_environment(environ: dict[str, str], captured: dict[str, str]) -> dict[str, str]:
    """Windows variable names ignore case, and `set` prints them as Windows keeps them ('Path=...'), while
    os.environ on Windows spells them in capitals ('PATH'). A captured variable replaces the caller's one of
    the same name in any case, under the caller's spelling; a new PATH is named PATH, the name looked up here."""
    spelling = {"PATH": "PATH", **{name.upper(): name for name in environ}}
    merged = dict(environ)
    for name, value in captured.items():
        merged[spelling.get(name.upper(), name)] = value
    return merged


def activated_shell(environ: dict[str, str], target: str) -> bool:
    """True if this is a developer shell for `target`; a shell for another architecture is an error."""
    if not (environ.get("VSCMD_VER") or environ.get("VCINSTALLDIR")):
        return False
    if shutil.which("cl", path=environ.get("PATH")) is None:
        return False
    shell_target = environ.get("VSCMD_ARG_TGT_ARCH", "").lower()
    if shell_target and shell_target != target:
        cross = f"Add -C target={WHEEL_PLATFORMS[shell_target]} to cross-build for {shell_target}, or open" \
            if shell_target in WHEEL_PLATFORMS else "Open"
        raise BuildError(f"This developer shell targets {shell_target}, but the build targets {target}.",
                         f"{cross} a developer shell for {target} (vcvarsall.bat {target}), or a plain shell "
                         "and let the backend activate MSVC itself.")
    return True


def check_link_exe(environment: dict[str, str]) -> None:
    """The first link.exe on PATH must be MSVC's (conda's git ships an MSYS link.exe that shadows it)."""
    link = shutil.which("link", path=environment.get("PATH"))
    tools = environment.get("VCToolsInstallDir", "")
    if link is None:
        raise BuildError("MSVC's link.exe is not on PATH after activation.")
    if tools and not os.path.normcase(link).startswith(os.path.normcase(tools.rstrip("\\/"))):
        raise BuildError(f"{link} comes first on PATH, and it is not MSVC's linker (under {tools}).",
                         "Remove its folder from PATH (conda's git ships an MSYS link.exe), then build again.")


def msvc_environment(environ: dict[str, str], target: str, host: str, cache_dir: Path) -> dict[str, str]:
    """The environment to compile in: an activated shell as it is, else vcvarsall's, plus DISTUTILS_USE_SDK."""
    if activated_shell(environ, target):
        environment = dict(environ)
    else:
        vswhere = find_vswhere(environ)
        if vswhere is None:
            raise BuildError("No Visual Studio installation found (vswhere.exe is missing).", INSTALL_HINT)
        found = installations(vswhere, target)
        if not found:
            raise BuildError(f"No Visual Studio installation has the C++ tools for {target} "
                             f"({VC_COMPONENTS[target]}).", INSTALL_HINT)
        environment = merge_environment(
            environ, cached_capture(found[0], vcvarsall_argument(host, target), environ, cache_dir))
    check_link_exe(environment)
    # setuptools then uses the activated compiler instead of looking for one itself.
    environment["DISTUTILS_USE_SDK"] = "1"
    environment["MSSdk"] = "1"
    return environment


def crt_redist_dirs(environment: dict[str, str], target: str) -> list[str]:
    """The toolset's own C++ runtime DLLs (msvcp140.dll ...) for `target`, from VCToolsRedistDir: the repair
    step bundles the copy that matches the compiler, not whatever System32 holds, and finds one at all when
    the target is another architecture than the machine's."""
    redist = environment.get("VCToolsRedistDir")
    if not redist:
        return []
    return sorted(str(folder) for folder in Path(redist, target).glob("Microsoft.VC*.CRT") if folder.is_dir())


def python3_import_library(python3_dll: Path, target: str, environment: dict[str, str], cache_dir: Path) -> Path:
    """python3.lib for `target`, made by lib.exe from the names the build Python's python3.dll exports: a
    cross build links the stable ABI without a second CPython of the target's architecture.
    Kept per target and python3.dll; written whole or not at all."""
    from .download import cache_lock, staged_folder
    from .windows_python import stable_abi_definition

    digest = hashlib.sha256(python3_dll.read_bytes()).hexdigest()[:16]
    final = cache_dir / "msvc" / f"python3-{target}-{digest}"
    with cache_lock(final):
        if (final / "python3.lib").is_file():
            return final / "python3.lib"
        lib = shutil.which("lib", path=environment.get("PATH"))
        if lib is None:
            raise BuildError("MSVC's lib.exe is not on PATH after activation.", INSTALL_HINT)
        with staged_folder(final) as staging:
            definition = stable_abi_definition(python3_dll, staging)
            result = subprocess.run([lib, "/nologo", f"/def:{definition}", f"/machine:{LIB_MACHINES[target]}",
                                     f"/out:{staging / 'python3.lib'}"], capture_output=True, env=environment,
                                    timeout=120)
            if result.returncode != 0 or not (staging / "python3.lib").is_file():
                output = (result.stdout + result.stderr).decode("utf-8", "replace").strip()
                raise BuildError(f"lib.exe could not make python3.lib for {target} (exit code "
                                 f"{result.returncode}):\n{output}")
    return final / "python3.lib"
