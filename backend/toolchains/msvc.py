"""MSVC on Windows: find Visual Studio with vswhere, run vcvarsall.bat once, capture what it changes.

What vcvarsall changed is cached per installation, version and architecture, and applied to the environment
of each later build. An already activated developer shell is used as it is. setuptools is told to trust the
environment (DISTUTILS_USE_SDK=1).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from ..errors import BuildError
from ..pins import Pins
from .arch import architecture, architectures, msvc_targets

# Architectures are named here as vcvarsall.bat spells them (x64, arm64); their other spellings (wheel tag, lib.exe
# /machine:, vswhere component) come from the data file's [architectures] table, through arch.py.

# CMake's compilers under the Ninja generator, named as Pillow's winbuild does: cl.exe from vcvarsall's PATH.
CMAKE_COMPILER_ARGS = ("-DCMAKE_C_COMPILER=cl.exe", "-DCMAKE_CXX_COMPILER=cl.exe")
INSTALL_HINT = ("Install the Visual Studio Build Tools with the C++ workload, e.g.\n"
                "  winget install Microsoft.VisualStudio.2022.BuildTools --override "
                "\"--add Microsoft.VisualStudio.Workload.VCTools --includeRecommended --passive\"")


@dataclass(frozen=True)
class Installation:
    path: str
    version: str
    name: str


def target_arch(pins: Pins, platform_tag: str) -> str:
    """sysconfig platform ('win-amd64', 'win-arm64') -> MSVC architecture name."""
    arches = {wheel_tag(pins, name).replace("_", "-", 1): name for name in msvc_targets(pins)}  # win_amd64 -> win-amd64
    if platform_tag not in arches:
        raise BuildError(f"No MSVC target for Python's platform {platform_tag!r}: supported are "
                         f"{', '.join(arches)} (32-bit Windows is not).")
    return arches[platform_tag]


def wheel_tag(pins: Pins, target: str) -> str:
    """MSVC architecture name -> the wheel's platform tag ('arm64' -> 'win_arm64')."""
    return f"win_{msvc_targets(pins)[target].wheel['windows']}"


def wheel_target_arch(pins: Pins, wheel_platform: str) -> str:
    """The target setting ('win_arm64') -> MSVC architecture name."""
    arches = {wheel_tag(pins, name): name for name in msvc_targets(pins)}
    if wheel_platform not in arches:
        raise BuildError(f"MSVC cannot build for target {wheel_platform!r}: known targets are {', '.join(arches)}.",
                         "Drop the target setting to build for this Python's own platform.")
    return arches[wheel_platform]


def host_arch(pins: Pins, environ: dict[str, str]) -> str:
    """The machine's own architecture; a 64-bit Python on ARM64 Windows may report AMD64 under emulation,
    so PROCESSOR_ARCHITEW6432 (set for emulated processes) wins. Anything else (x86, unknown) counts as x64."""
    machine = environ.get("PROCESSOR_ARCHITEW6432") or environ.get("PROCESSOR_ARCHITECTURE") or "AMD64"
    default = architectures(pins)["x86_64"].msvc or "x64"
    try:
        found = architecture(pins, machine).msvc
    except BuildError:
        return default
    return found if found in msvc_targets(pins) else default


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


def installations(pins: Pins, vswhere: Path, target: str) -> list[Installation]:
    """Visual Studio installations with the compiler for `target`, newest first."""
    component = msvc_targets(pins)[target].msvc_component
    result = subprocess.run([str(vswhere), "-products", "*", "-prerelease", "-requires", str(component),
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


# Printed between the two `set` listings of one cmd.exe run: before vcvarsall.bat, and after it.
SNAPSHOT_MARKER = "ffcv-wheels: vcvarsall.bat runs here"
CACHE_SCHEMA = 2  # 1 kept the whole captured environment; 2 keeps what vcvarsall changed


def vcvarsall_command_line(shell: str, vcvarsall: PureWindowsPath, argument: str) -> str:
    """cmd.exe's command line, as one string. /s: cmd strips the outer quotes and runs the rest as it is, so the
    quoted vcvarsall path keeps its spaces and parentheses (C:\\Program Files (x86)\\...). /u: cmd's own
    output (`set`) is UTF-16-LE, as setuptools reads it: every character of a value survives, where the ANSI
    code page would turn a user folder's 'Ł' or CJK name into '?'. /d: no AutoRun commands of the user's."""
    inner = f'set && echo {SNAPSHOT_MARKER} && call "{vcvarsall}" {argument} >nul 2>&1 && set'
    return f'"{shell}" /d /s /u /c "{inner}"'


def run_command_line(command_line: str, environ: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    # One string goes to CreateProcess as it is. A list would go through subprocess.list2cmdline, which writes the
    # inner quotes as \" - cmd.exe does not know that escape, `call` fails and MSVC is never set up.
    return subprocess.run(command_line, capture_output=True, env=environ, timeout=300)


@dataclass(frozen=True)
class Extension:
    """A value vcvarsall.bat built around the caller's value of a variable: 'Path' is its folders, the caller's
    PATH, then a few more; __VSCMD_PREINIT_PATH is the caller's PATH itself."""

    head: str
    source: str  # the caller's variable whose value goes between (PATH, INCLUDE, ...)
    tail: str


@dataclass(frozen=True)
class VcvarsChanges:
    """What vcvarsall.bat changed in the environment it ran in: variables it set (new, or replaced whole), and
    variables it built around a value of the caller's, stored without that value."""

    values: dict[str, str]
    extended: dict[str, Extension]

    def to_json(self) -> dict[str, object]:
        return {"schema": CACHE_SCHEMA, "set": self.values,
                "extended": {name: [e.head, e.source, e.tail] for name, e in self.extended.items()}}

    @classmethod
    def from_json(cls, data: dict) -> "VcvarsChanges":
        if data.get("schema") != CACHE_SCHEMA:
            raise ValueError(f"cache schema {data.get('schema')!r}")
        return cls(values=dict(data["set"]), extended={name: Extension(*map(str, entry))
                                                       for name, entry in data["extended"].items()})


def _around(value: str, inner: str | None) -> tuple[str, str] | None:
    """(head, tail) if `value` is head + inner + tail with `inner` as whole entries of a ';' list: 'X=1'
    becoming 'X=10' is a new value, not an extension."""
    at = value.find(inner) if inner else -1
    if at < 0 or inner is None:
        return None
    head, tail = value[:at], value[at + len(inner):]
    return (head, tail) if (not head or head.endswith(";")) and (not tail or tail.startswith(";")) else None


def environment_changes(before: dict[str, str], after: dict[str, str]) -> VcvarsChanges:
    """The difference of two `set` listings of the same cmd.exe run (names compared without case, as Windows
    does). A value that holds the caller's value of the same variable, or the caller's PATH, is stored as the
    text around it, never the caller's value itself: a later run rebuilds it from its own caller's."""
    old = {name.upper(): value for name, value in before.items()}
    values: dict[str, str] = {}
    extended: dict[str, Extension] = {}
    for name, value in after.items():
        previous = old.get(name.upper())
        if previous == value:
            continue
        for source in dict.fromkeys([name.upper(), "PATH"]):
            around = _around(value, old.get(source))
            if around:
                extended[name] = Extension(around[0], source, around[1])
                break
        else:
            values[name] = value
    return VcvarsChanges(values, extended)


def split_snapshots(text: str) -> tuple[dict[str, str], dict[str, str]] | None:
    """The `set` listings before and after vcvarsall.bat; None if the run stopped before the marker."""
    lines = text.splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip() == SNAPSHOT_MARKER]
    if not marks:
        return None
    return (parse_set_output("\n".join(lines[:marks[0]])), parse_set_output("\n".join(lines[marks[0] + 1:])))


def capture_vcvarsall(installation: Installation, argument: str, environ: dict[str, str]) -> VcvarsChanges:
    vcvarsall = PureWindowsPath(installation.path, "VC", "Auxiliary", "Build", "vcvarsall.bat")
    shell = environ.get("COMSPEC", "cmd.exe")
    result = run_command_line(vcvarsall_command_line(shell, vcvarsall, argument), environ)
    snapshots = split_snapshots(result.stdout.decode("utf-16-le", "replace"))
    changes = environment_changes(*snapshots) if snapshots else VcvarsChanges({}, {})
    if result.returncode != 0 or not any(name.upper() == "VCTOOLSINSTALLDIR" for name in changes.values):
        raise BuildError(f"{vcvarsall} {argument} did not set up MSVC (exit code {result.returncode}).",
                         "Repair the Visual Studio installation, or build from a Developer Command Prompt.")
    return changes


def cached_capture(installation: Installation, argument: str, environ: dict[str, str],
                   cache_dir: Path) -> VcvarsChanges:
    """What vcvarsall changes, captured once per installation, version and architecture. Only its changes are
    kept (CI caches this folder): nothing of the caller's own environment, which the next run brings itself."""
    key = hashlib.sha256(json.dumps([CACHE_SCHEMA, installation.path, installation.version,
                                     argument]).encode()).hexdigest()[:16]
    cached = cache_dir / "msvc" / f"vcvars-{key}.json"
    if cached.is_file():
        try:
            return VcvarsChanges.from_json(json.loads(cached.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError, IndexError):
            pass  # unreadable: captured again and replaced
    changes = capture_vcvarsall(installation, argument, environ)
    from ..files import atomic_file

    with atomic_file(cached) as temp:
        temp.write_text(json.dumps(changes.to_json()), encoding="utf-8")
    return changes


def apply_changes(environ: dict[str, str], changes: VcvarsChanges) -> dict[str, str]:
    """The caller's environment with vcvarsall's changes. Windows variable names ignore case, and `set` prints
    them as Windows keeps them ('Path=...'), while os.environ on Windows spells them in capitals ('PATH'). A
    variable replaces the caller's one of the same name in any case, under the caller's spelling; a new PATH is
    named PATH, the name looked up here. An extended one is rebuilt around the caller's current value."""
    spelling = {"PATH": "PATH", **{name.upper(): name for name in environ}}
    merged = dict(environ)
    for name, value in changes.values.items():
        merged[spelling.get(name.upper(), name)] = value
    for name, extension in changes.extended.items():
        source = spelling.get(extension.source.upper(), extension.source)
        merged[spelling.get(name.upper(), name)] = extension.head + environ.get(source, "") + extension.tail
    return merged


def activated_shell(pins: Pins, environ: dict[str, str], target: str) -> bool:
    """True if this is a developer shell for `target`; a shell for another architecture is an error."""
    if not (environ.get("VSCMD_VER") or environ.get("VCINSTALLDIR")):
        return False
    if shutil.which("cl", path=environ.get("PATH")) is None:
        return False
    shell_target = environ.get("VSCMD_ARG_TGT_ARCH", "").lower()
    if shell_target and shell_target != target:
        cross = f"Add -C target={wheel_tag(pins, shell_target)} to cross-build for {shell_target}, or open" \
            if shell_target in msvc_targets(pins) else "Open"
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


def msvc_environment(pins: Pins, environ: dict[str, str], target: str, host: str,
                     cache_dir: Path) -> dict[str, str]:
    """The environment to compile in: an activated shell as it is, else vcvarsall's, plus DISTUTILS_USE_SDK."""
    if activated_shell(pins, environ, target):
        environment = dict(environ)
    else:
        vswhere = find_vswhere(environ)
        if vswhere is None:
            raise BuildError("No Visual Studio installation found (vswhere.exe is missing).", INSTALL_HINT)
        found = installations(pins, vswhere, target)
        if not found:
            raise BuildError(f"No Visual Studio installation has the C++ tools for {target} "
                             f"({msvc_targets(pins)[target].msvc_component}).", INSTALL_HINT)
        environment = apply_changes(
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


def python3_import_library(pins: Pins, python3_dll: Path, target: str, environment: dict[str, str],
                           cache_dir: Path) -> Path:
    """python3.lib for `target`, made by lib.exe from the names the build Python's python3.dll exports: a
    cross build links the stable ABI without a second CPython of the target's architecture.
    Kept per target and python3.dll; written whole or not at all."""
    from ..files import cache_lock, staged_folder
    from .windows_python import stable_abi_definition

    digest = hashlib.sha256(python3_dll.read_bytes()).hexdigest()[:16]
    final = cache_dir / "msvc" / f"python3-{target}-{digest}"
    with cache_lock(final):
        if (final / "python3.lib").is_file():
            return final / "python3.lib"
        lib = shutil.which("lib", path=environment.get("PATH"))
        if lib is None:
            raise BuildError("MSVC's lib.exe is not on PATH after activation.", INSTALL_HINT)
        machine = msvc_targets(pins)[target].msvc_machine
        with staged_folder(final) as staging:
            definition = stable_abi_definition(python3_dll, staging)
            result = subprocess.run([lib, "/nologo", f"/def:{definition}", f"/machine:{machine}",
                                     f"/out:{staging / 'python3.lib'}"], capture_output=True, env=environment,
                                    timeout=120)
            if result.returncode != 0 or not (staging / "python3.lib").is_file():
                output = (result.stdout + result.stderr).decode("utf-8", "replace").strip()
                raise BuildError(f"lib.exe could not make python3.lib for {target} (exit code "
                                 f"{result.returncode}):\n{output}")
    return final / "python3.lib"
