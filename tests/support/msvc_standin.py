"""A stand-in Visual Studio Build Tools 2022 inside a Wine prefix, for the Windows rehearsal (test_msvc_wine.py).

Real Windows programs and a real batch file, installed where Visual Studio puts them (drive_c of the prefix):

  C:\\Program Files (x86)\\Microsoft Visual Studio\\Installer\\vswhere.exe
      replays the recorded vswhere JSON (tests/fixtures/msvc/), its installation moved to INSTALL
  C:\\Program Files (x86)\\Microsoft Visual Studio\\2022\\BuildTools\\VC\\Auxiliary\\Build\\vcvarsall.bat
      a batch file that Wine's cmd.exe runs: it sets the variables vcvarsall.bat set in the recorded prompt,
      extending the caller's PATH/INCLUDE/LIB/LIBPATH as the real one does
  ...\\VC\\Tools\\MSVC\\14.40.33807\\bin\\HostX64\\x64\\cl.exe, link.exe, lib.exe
      cl.exe without arguments prints the recorded banner; with arguments every tool records its command
      line and environment and fails: the rehearsal stops at the compiler
  C:\\Program Files\\CMake\\bin\\cmake.exe, ninja.exe    (CMake's installer folder; put on PATH with WINEPATH)
      record their command line and environment and fail

The recorded installation was Visual Studio Community at C:\\Program Files\\...\\Community; it is moved to Build
Tools' default folder, under "Program Files (x86)": spaces and parentheses in every path, as on a runner.
The programs are one C file (msvc_standin/standin.c) built with zig, cached by its source's hash.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Iterator

from filelock import FileLock

from backend.files import atomic_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "msvc"
SOURCE = Path(__file__).with_name("msvc_standin") / "standin.c"
RECORDED_SET = FIXTURES / "vcvarsall-x64-vs2022-community.set.txt"
RECORDED_VSWHERE = FIXTURES / "vswhere-vs2022-community.json"
RECORDED_CL_BANNER = FIXTURES / "cl-x64-19.44.35214.txt"
RECORDED_INSTALL = r"C:\Program Files\Microsoft Visual Studio\2022\Community"
INSTALL = r"C:\Program Files (x86)\Microsoft Visual Studio\2022\BuildTools"
VSWHERE = r"C:\Program Files (x86)\Microsoft Visual Studio\Installer\vswhere.exe"
CMAKE_BIN = r"C:\Program Files\CMake\bin"
CL_BANNER = "Microsoft (R) C/C++ Optimizing Compiler Version 19.44.35214 for x64"
STOP = "the Wine rehearsal stops here: this {} is a stand-in"

# Which variables of the recorded prompt vcvarsall.bat set: those naming Visual Studio's, the SDK's or .NET's
# folders, VsDevCmd's own (VSCMD_*, __VSCMD_*, __DOTNET_*), and these version and flag variables. The rest
# (USERNAME, SESSIONNAME, OneDrive, ...) belonged to the recording machine's session.
VS_VALUE_MARKERS = ("Microsoft Visual Studio", "Windows Kits", "Microsoft.NET")
VS_PREFIXES = ("VSCMD_", "__VSCMD_", "__DOTNET_")
VS_NAMES = ("CommandPromptType", "Framework40Version", "FrameworkVersion", "FrameworkVersion64", "is_x64_arch",
            "UCRTVersion", "VCToolsVersion", "VisualStudioVersion", "WindowsSDKLibVersion", "WindowsSDKVersion")
# Lists vcvarsall.bat puts its folders in front of (the caller's value, if any, follows).
PREPENDED = ("INCLUDE", "LIB", "LIBPATH", "EXTERNAL_INCLUDE")


@dataclass(frozen=True)
class Layout:
    """One recorded Visual Studio: its vcvarsall environment, vswhere's answer, cl's banner, where it was installed
    (replaced by the stand-in's folder everywhere) and the folder name of its C++ runtime redistributables."""

    name: str
    recorded_set: Path
    recorded_vswhere: Path
    recorded_cl_banner: Path
    recorded_install: str  # in the `set` dump
    vswhere_install: str  # in vswhere's JSON
    default_root: str
    crt_folder: str

    @property
    def cl_banner(self) -> str:
        return self.recorded_cl_banner.read_text(encoding="ascii").splitlines()[0]


VS2022 = Layout("Build Tools 2022", RECORDED_SET, RECORDED_VSWHERE, RECORDED_CL_BANNER, RECORDED_INSTALL,
                RECORDED_INSTALL, INSTALL, "Microsoft.VC143.CRT")
# windows-latest's: the recorded VS 2026 Community environment (18.4, MSVC 14.50) and the reconstructed vswhere
# answer of the runner, both moved to the runner's installation folder (tests/fixtures/msvc/README.md).
VS2026_RUNNER = r"C:\Program Files\Microsoft Visual Studio\18\Enterprise"
VS2026 = Layout("Visual Studio 2026 (windows-latest)", FIXTURES / "vcvarsall-x64-vs2026-community.set.txt",
                FIXTURES / "vswhere-windows-latest-vs2026-reconstructed.json", FIXTURES / "cl-x64-19.50.35723.txt",
                r"D:\Program Files\Microsoft Visual Studio\18\Community", VS2026_RUNNER, VS2026_RUNNER,
                "Microsoft.VC145.CRT")


def parse_set(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("="))


def vcvarsall_variables(root: str = INSTALL, layout: Layout = VS2022) -> dict[str, str]:
    """What the recorded vcvarsall.bat set, moved to `root` (Path and the lists as recorded, whole)."""
    recorded = parse_set(layout.recorded_set.read_text(encoding="ascii"))
    return {name: value.replace(layout.recorded_install, root) for name, value in recorded.items()
            if any(marker in value for marker in VS_VALUE_MARKERS) or name.startswith(VS_PREFIXES)
            or name in VS_NAMES}


def path_name(variables: dict[str, str]) -> str:
    """`set` spells it Path; the VS 2026 recording (an os.environ dump) PATH."""
    return next(name for name in variables if name.upper() == "PATH")


def path_around_caller(root: str = INSTALL, layout: Layout = VS2022) -> tuple[str, str]:
    """The recorded Path is vcvarsall's folders, the PATH it started from (__VSCMD_PREINIT_PATH), more folders."""
    variables = vcvarsall_variables(root, layout)
    start = variables["__VSCMD_PREINIT_PATH"]
    head, found, tail = variables[path_name(variables)].partition(start)
    assert found, "the recorded Path holds the PATH the prompt started from"
    return head, tail


def vcvarsall_bat(layout: Layout = VS2022) -> str:
    """A vcvarsall.bat that sets the recorded environment onto its caller's (no setlocal: that is its job). Like the
    real one it finds its installation from its own location (%~dp0), so the file itself is ASCII (cmd reads batch
    files in the console's code page) whatever characters the installation folder has."""
    marker = "\x00"  # stands for the installation folder until the lines are written
    variables = vcvarsall_variables(marker, layout)
    head, tail = path_around_caller(marker, layout)
    lines = ["@echo off",
             "rem Stand-in for vcvarsall.bat (tests/support/msvc_standin.py): sets what the recorded one set.",
             '>>"%~dp0vcvarsall.calls.txt" echo %*',
             'if /i not "%~1"=="x64" (',
             "    echo [ERROR:vcvarsall.bat] the stand-in knows x64 only, not %1",
             "    exit /b 1",
             ")",
             'for %%i in ("%~dp0..\\..\\..") do set "__ffcv_install=%%~fi"',
             'set "__VSCMD_PREINIT_PATH=%PATH%"',
             f'set "PATH={head}%PATH%{tail}"']
    for name, value in variables.items():
        if name.upper() in ("PATH", "__VSCMD_PREINIT_PATH"):
            continue
        if name in PREPENDED:
            lines += [f'set "__ffcv_caller=%{name}%"', f'set "{name}={value}"',
                      f'if defined __ffcv_caller set "{name}=%{name}%;%__ffcv_caller%"', 'set "__ffcv_caller="']
        else:
            lines.append(f'set "{name}={value}"')
    lines += ['set "__ffcv_install="', "exit /b 0"]
    return "\r\n".join(lines).replace(marker, "%__ffcv_install%") + "\r\n"


def build_standin(cache: Path) -> Path:
    """standin.exe, compiled by zig once per source version (a second build reuses the cached file)."""
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:16]
    final = cache / "msvc-standin" / f"standin-{digest}.exe"
    final.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(final) + ".lock", timeout=900):
        if final.is_file():
            return final
        with atomic_file(final, suffix=".exe.part", mode=0o755) as temp:
            result = subprocess.run([sys.executable, "-m", "ziglang", "cc", "-target", "x86_64-windows-gnu", "-O2",
                                     str(SOURCE), "-o", str(temp)], capture_output=True, text=True, timeout=1200)
            if result.returncode != 0:
                raise RuntimeError(f"zig could not build {SOURCE.name}:\n{result.stdout}\n{result.stderr}")
    return final


@dataclass(frozen=True)
class Call:
    args: str  # the whole command line, as the program got it
    env: dict[str, str]  # its environment (names as Windows keeps them)

    def var(self, name: str) -> str | None:
        """A variable, its name compared without case as Windows does."""
        return next((value for key, value in self.env.items() if key.upper() == name.upper()), None)


@dataclass(frozen=True)
class StandinMSVC:
    prefix: Path
    tools: dict[str, str] = field(default_factory=dict)  # tool name -> its Windows path
    root: str = INSTALL  # the installation folder vswhere names
    layout: Layout = VS2022

    def variables(self) -> dict[str, str]:
        """What vcvarsall.bat sets, as the recorded prompt had it, in this installation."""
        return vcvarsall_variables(self.root, self.layout)

    def host(self, windows_path: str) -> Path:
        """The Linux path of a C:\\ path in the prefix."""
        parts = PureWindowsPath(windows_path).parts
        assert parts[0].upper() == "C:\\"
        return self.prefix.joinpath("drive_c", *parts[1:])

    def calls(self, tool: str) -> list[Call]:
        log = self.host(self.tools[tool]).with_name(f"{tool}.calls.txt")
        if not log.is_file():
            return []
        found = []
        for block in log.read_text(encoding="utf-8").split("@@call\n")[1:]:
            lines = block.splitlines()
            env = dict(line[len("@@env "):].split("=", 1) for line in lines[1:]
                       if line.startswith("@@env ") and "=" in line[len("@@env ") + 1:])
            found.append(Call(lines[0][len("@@args "):], env))
        return found

    def vcvarsall_calls(self) -> list[str]:
        """The architecture argument of each run of vcvarsall.bat. Its `echo` writes UTF-16 under cmd /u."""
        log = self.host(self.vcvarsall).with_name("vcvarsall.calls.txt")
        data = log.read_bytes() if log.is_file() else b""
        return data.decode("utf-16-le" if b"\x00" in data else "ascii").split()

    @property
    def vcvarsall(self) -> str:
        return self.root + r"\VC\Auxiliary\Build\vcvarsall.bat"

    @property
    def tools_bin(self) -> str:
        return self.variables()["VCToolsInstallDir"] + r"bin\HostX64\x64"

    def reset(self) -> None:
        """Forget the calls so far."""
        for path in [self.host(p).with_name(f"{tool}.calls.txt") for tool, p in self.tools.items()] + [
                self.host(self.vcvarsall).with_name("vcvarsall.calls.txt")]:
            path.unlink(missing_ok=True)


def install(prefix: Path, cache: Path, root: str | None = None, layout: Layout = VS2022) -> StandinMSVC:
    """Writes the stand-in installation of `layout` into the prefix, at `root` (default: the layout's own folder;
    every file anew), and forgets earlier calls. vswhere.exe (always in its own fixed folder) then names `root`."""
    root = root or layout.default_root
    standin = build_standin(cache)
    tools_bin = StandinMSVC(prefix, root=root, layout=layout).tools_bin
    tools = {"vswhere": VSWHERE, "cl": tools_bin + r"\cl.exe", "link": tools_bin + r"\link.exe",
             "lib": tools_bin + r"\lib.exe", "cmake": CMAKE_BIN + r"\cmake.exe", "ninja": CMAKE_BIN + r"\ninja.exe"}
    vs = StandinMSVC(prefix, tools, root, layout)
    recorded_json = layout.recorded_vswhere.read_text(encoding="utf-8")
    outputs = {
        # vswhere -utf8 writes UTF-8, with Windows line ends (json.dumps escapes nothing but '\\' and '"' here).
        "vswhere": {"stdout": recorded_json.replace(json.dumps(layout.vswhere_install)[1:-1],
                                                    json.dumps(root, ensure_ascii=False)[1:-1])
                    .replace("\n", "\r\n").encode("utf-8")},
        "cl": {"bare.stderr": layout.recorded_cl_banner.read_bytes().replace(b"\n", b"\r\n"), "bare.exitcode": b"0"},
    }
    for tool, windows_path in tools.items():
        exe = vs.host(windows_path)
        exe.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(standin, exe)
        for suffix in ("stdout", "stderr", "exitcode", "bare.stdout", "bare.stderr", "bare.exitcode"):
            exe.with_name(f"{tool}.{suffix}").unlink(missing_ok=True)
        files = outputs.get(tool) or {"stderr": f"{tool}: {STOP.format(tool + '.exe')}\r\n".encode(),
                                      "exitcode": b"2"}
        if tool == "cl":
            files.update({"stderr": f"cl: {STOP.format('cl.exe')}\r\n".encode(), "exitcode": b"2"})
        for suffix, data in files.items():
            exe.with_name(f"{tool}.{suffix}").write_bytes(data)
    bat = vs.host(vs.vcvarsall)
    bat.parent.mkdir(parents=True, exist_ok=True)
    bat.write_bytes(vcvarsall_bat(layout).encode("ascii"))
    # The toolset's C++ runtime folder that vcvarsall's VCToolsRedistDir names (the repair step's source).
    redist = vs.variables()["VCToolsRedistDir"] + "x64\\" + layout.crt_folder
    vs.host(redist).mkdir(parents=True, exist_ok=True)
    vs.reset()
    return vs


@contextmanager
def standin_msvc(prefix: Path, cache: Path) -> Iterator[StandinMSVC]:
    """The stand-in installed in `prefix`, for as long as the block runs: another test session that shares the
    prefix waits, so that neither rewrites the files or the call logs the other is reading."""
    with FileLock(str(prefix) + ".msvc-standin.lock", timeout=1800):
        yield install(prefix, cache)
