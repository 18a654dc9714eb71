"""The Windows rehearsal: the backend itself, run by python.org's Windows CPython 3.10.11 (the CPython cibuildwheel
builds cp310 wheels with on Windows x64) under Wine, against a stand-in Visual Studio Build Tools 2022
(tests/support/msvc_standin.py): zig-built vswhere, cl, link, lib and cmake programs that replay recorded outputs
and record how they were called, and a real vcvarsall.bat that Wine's cmd.exe runs, all in folders with spaces
and parentheses. The caller's PATH and INCLUDE hold folders with characters outside Windows-1252, and Python
runs in the ANSI code page as on a runner (no UTF-8 mode). It stops at the compiler: what it proves and what
only a Windows runner proves is in docs/proof.md."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from backend.deps.source import source_pins
from backend.inputs import fetch
from backend.log import Log
from backend.pipeline import make_context
from support.msvc_standin import (CL_BANNER, CMAKE_BIN, STOP, VS2026, StandinMSVC, install, standin_msvc,
                                  vcvarsall_variables)
from support.wine import BACKEND_RUNTIME, WineRuntime, prepare, wine_path

HOOKS = Path(__file__).parent / "support" / "pep517_hooks.py"
CALLER_FOLDER = r"C:\Users\Łukasz\数据\bin"  # outside Windows-1252: the ANSI code page would write '?'
CALLER_INCLUDE = r"C:\Łódź\include"
# Python as on a runner: the ANSI code page, not UTF-8 mode (which would hide METADATA mojibake).
ENV = {"PYTHONUTF8": "0", "WINEPATH": f"{CMAKE_BIN};{CALLER_FOLDER}", "INCLUDE": CALLER_INCLUDE}


def wine_cache() -> Path:
    import platformdirs

    return Path(os.environ.get("FFCV_TEST_WINE_CACHE")
                or platformdirs.user_cache_dir("ffcv-wheels-tests", appauthor=False))


@pytest.fixture(scope="module")
def backend_wine(project_dir: Path) -> WineRuntime:
    """Windows CPython 3.10.11 with the backend's pure-Python build requirements (wine-backend-requirements.txt)."""
    return prepare(wine_cache(), project_dir, kind=BACKEND_RUNTIME)


@pytest.fixture(scope="module")
def standin(backend_wine: WineRuntime) -> Iterator[StandinMSVC]:
    with standin_msvc(backend_wine.prefix, wine_cache()) as found:
        yield found


@pytest.fixture
def vs(standin: StandinMSVC) -> StandinMSVC:
    standin.reset()
    return standin


def output(result) -> str:
    return f"{result.stdout}\n{result.stderr}"


def doctor(runtime: WineRuntime, repo: Path, cache: Path, env: dict[str, str] = ENV) -> str:
    result = runtime.run(["-m", "backend", "doctor", "-C", f"cache-dir={wine_path(cache)}"], cwd=repo,
                         env_extra=env, timeout=600)
    assert result.returncode == 0, output(result)
    return output(result)


def test_doctor_under_windows_cpython_3_10_11_reports_the_standin_msvc(backend_wine: WineRuntime,
                                                                       vs: StandinMSVC, repo: Path,
                                                                       tmp_path: Path) -> None:
    """vswhere finds the Build Tools; cmd.exe runs vcvarsall.bat (one command line, UTF-16 output); cl.exe's banner
    is the toolchain line. cl then runs in vcvarsall's environment with the caller's non-ASCII folders intact.
    With the command line as a list (list2cmdline's \\" quotes) this fails: "vcvarsall.bat x64 did not set up
    MSVC (exit code 1)"."""
    text = doctor(backend_wine, repo, tmp_path / "cache")
    assert "python: CPython 3.10.11" in text and "platform: win-amd64" in text
    assert f"[-OK-] toolchain: {CL_BANNER} ({vs.tools['cl']})" in text, text
    (vswhere,) = vs.calls("vswhere")
    assert ("-products * -prerelease -requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64 -sort -format json "
            "-utf8") in vswhere.args
    assert vs.vcvarsall_calls() == ["x64"]
    (banner,) = vs.calls("cl")
    assert banner.args == f'"{vs.tools["cl"]}"'
    recorded = vcvarsall_variables()
    assert banner.var("INCLUDE") == f"{recorded['INCLUDE']};{CALLER_INCLUDE}"
    assert banner.var("LIB") == recorded["LIB"] and banner.var("VCToolsInstallDir") == recorded["VCToolsInstallDir"]
    path = banner.var("PATH").split(";")
    assert path[0] == vs.tools_bin and CALLER_FOLDER in path and path[-1].endswith(r"\VC\vcpkg")
    assert banner.var("DISTUTILS_USE_SDK") == "1"


def test_msvc_installed_in_a_folder_the_ansi_code_page_cannot_write(backend_wine: WineRuntime, standin: StandinMSVC,
                                                                    repo: Path, tmp_path: Path) -> None:
    """Build Tools installed elsewhere (the installer's --installPath), in a folder with 'ę', which Windows-1252
    lacks: every variable vcvarsall sets names it. cmd /u's UTF-16 keeps it; read in the ANSI code page it would
    become 'e' and MSVC's cl.exe and link.exe would not be found."""
    root = r"C:\Narzędzia\Microsoft Visual Studio\2022\BuildTools"
    try:
        vs = install(backend_wine.prefix, wine_cache(), root)
        text = doctor(backend_wine, repo, tmp_path / "cache")
        # Python writes 'ę' to its ANSI stderr as \\u0119 (backslashreplace), as on a runner.
        line = f"[-OK-] toolchain: {CL_BANNER} ({vs.tools['cl']})".encode("cp1252", "backslashreplace").decode()
        assert line in text, text
        (banner,) = vs.calls("cl")
        tools = vs.variables()["VCToolsInstallDir"]
        assert banner.var("VCToolsInstallDir") == tools == root + r"\VC\Tools\MSVC\14.40.33807" + "\\"
        assert banner.var("PATH").split(";")[0] == vs.tools_bin and CALLER_FOLDER in banner.var("PATH")
    finally:
        shutil.rmtree(standin.host(r"C:\Narzędzia"), ignore_errors=True)
        install(backend_wine.prefix, wine_cache())  # the default layout again, for the other tests


def test_doctor_finds_visual_studio_2026_as_on_windows_latest(backend_wine: WineRuntime, standin: StandinMSVC,
                                                              repo: Path, tmp_path: Path) -> None:
    """windows-latest's Visual Studio 2026 Enterprise at ...\\18\\Enterprise: vswhere's answer there (reconstructed
    from the runner image's readme), a vcvarsall.bat setting the recorded VS 2026 environment (MSVC 14.50.35717),
    run by Wine's cmd.exe, and cl's recorded 19.50 banner. The toolchain is VS 2026's cl, run in its environment
    with the caller's non-ASCII folders after vcvarsall's."""
    try:
        vs = install(backend_wine.prefix, wine_cache(), layout=VS2026)
        text = doctor(backend_wine, repo, tmp_path / "cache")
        assert f"[-OK-] toolchain: {VS2026.cl_banner} ({vs.tools['cl']})" in text, text
        assert "19.50.35723" in VS2026.cl_banner and vs.vcvarsall_calls() == ["x64"]
        (vswhere,) = vs.calls("vswhere")
        assert "-requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64" in vswhere.args
        (banner,) = vs.calls("cl")
        recorded = vs.variables()
        assert banner.var("VCToolsInstallDir") == recorded["VCToolsInstallDir"] == (
            r"C:\Program Files\Microsoft Visual Studio\18\Enterprise\VC\Tools\MSVC\14.50.35717" + "\\")
        assert banner.var("VisualStudioVersion") == "18.0" and banner.var("VS180COMNTOOLS")
        assert banner.var("INCLUDE") == f"{recorded['INCLUDE']};{CALLER_INCLUDE}"
        path = banner.var("PATH").split(";")
        assert vs.tools_bin in path and path.index(vs.tools_bin) < path.index(CALLER_FOLDER)
        assert banner.var("DISTUTILS_USE_SDK") == "1"
    finally:
        shutil.rmtree(standin.host(VS2026.default_root), ignore_errors=True)
        install(backend_wine.prefix, wine_cache())  # the default layout again, for the other tests


def test_the_cached_msvc_environment_goes_onto_the_current_path(backend_wine: WineRuntime, vs: StandinMSVC,
                                                                 repo: Path, tmp_path: Path) -> None:
    """A second run reuses what vcvarsall changed (it is not run again) and puts its folders around that run's
    own PATH: the first run's PATH (with its non-ASCII folder) is nowhere, in the cache or in cl's PATH."""
    doctor(backend_wine, repo, tmp_path / "cache")
    other = r"C:\Tools\other"
    doctor(backend_wine, repo, tmp_path / "cache", {**ENV, "WINEPATH": f"{CMAKE_BIN};{other}"})
    assert vs.vcvarsall_calls() == ["x64"]
    first, second = vs.calls("cl")
    assert CALLER_FOLDER in first.var("PATH").split(";")
    path = second.var("PATH").split(";")
    assert other in path and CALLER_FOLDER not in second.var("PATH") and path[0] == vs.tools_bin
    assert second.var("__VSCMD_PREINIT_PATH").split(";")[:2] == [CMAKE_BIN, other]
    (cached,) = (tmp_path / "cache" / "msvc").glob("vcvars-*.json")
    stored = cached.read_text(encoding="utf-8")
    assert "ukasz" not in stored and "VCToolsInstallDir" in stored and json.loads(stored)["schema"] == 2


def test_wine_cmd_rejects_what_the_old_capture_gave_it(backend_wine: WineRuntime, vs: StandinMSVC,
                                                       tmp_path: Path) -> None:
    """The rehearsal can fail: Wine's cmd.exe, like Windows', cannot run the list form (exit code 1, vcvarsall
    never runs), and cmd's output in the ANSI code page (without /u) loses 'Ł' and '数据'."""
    script = tmp_path / "old_capture.py"
    script.write_text(
        "import json, os, subprocess\n"
        f"bat = {vs.vcvarsall!r}\n"
        "shell = os.environ['COMSPEC']\n"
        "command = f'call \"{bat}\" x64 >nul 2>&1 && set'\n"
        "listed = subprocess.run([shell, '/d', '/s', '/c', command], capture_output=True)\n"
        "ansi = subprocess.run(f'\"{shell}\" /d /s /c \"{command}\"', capture_output=True)\n"
        "ansi_path = [l for l in ansi.stdout.decode('mbcs', 'replace').splitlines() if l.upper().startswith('PATH=')]\n"
        "print('RESULT ' + json.dumps({'listed': [listed.returncode, b'VCToolsInstallDir' in listed.stdout],\n"
        "                              'ansi': [ansi.returncode, ansi_path]}))\n", encoding="utf-8")
    result = backend_wine.run([script], cwd=tmp_path, env_extra=ENV, timeout=300)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, output(result)
    found = json.loads(lines[-1][len("RESULT "):])
    assert found["listed"] == [1, False]
    code, (path,) = found["ansi"]
    assert code == 0 and CALLER_FOLDER not in path and "\\??\\bin;" in path, path  # 数据 is gone


def run_hooks(runtime: WineRuntime, repo: Path, out: Path, settings: dict[str, str], *hooks: str) -> tuple[list, str]:
    out.mkdir(parents=True, exist_ok=True)
    result = runtime.run([HOOKS, out, json.dumps(settings), *hooks], cwd=repo, env_extra=ENV, timeout=900)
    results = [json.loads(line[len("RESULT "):]) for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    return results, output(result)


def test_metadata_hook_under_windows_cpython_3_10_11_writes_clean_utf8(backend_wine: WineRuntime, repo: Path,
                                                                       upstream_sdist: Path, tmp_path: Path) -> None:
    """prepare_metadata_for_build_wheel through pyproject_hooks: extraction without tarfile filters (3.10.11 has
    none), the patch series, setuptools in the ANSI code page: README's '98¢/model' stays UTF-8 in METADATA."""
    settings = {"cache-dir": wine_path(tmp_path / "cache"), "local-files": wine_path(upstream_sdist), "offline": "true"}
    results, text = run_hooks(backend_wine, repo, tmp_path / "meta", settings, "prepare_metadata_for_build_wheel")
    assert results and results[-1]["ok"], text
    assert results[-1]["result"] == "ffcv-1.0.2.dist-info"
    metadata = (tmp_path / "meta" / "ffcv-1.0.2.dist-info" / "METADATA").read_bytes().decode("utf-8")
    assert "Name: ffcv" in metadata and "Version: 1.0.2" in metadata
    assert "98¢/model" in metadata and "Â" not in metadata
    assert "patch 0009-writer-shared-memory-padding-on-windows.patch" in text


@pytest.fixture(scope="module")
def source_archives(shared_cache: Path, project_dir: Path) -> list[Path]:
    """deps=source's pinned source archives (libjpeg-turbo's and OpenCV's), sha256-verified, from the host: the
    provider fetches every library's source before it builds them side by side."""
    ctx = make_context({"cache-dir": str(shared_cache)}, project_dir=project_dir, environ={}, log=Log(colour=False))
    return [fetch.fetch_from_index(ctx, "sources", pin.archives[0].project, pin.archives[0].filename,
                                   pin.archives[0].sha256) for pin in source_pins(ctx.pins, "windows", "msvc")]


def test_build_wheel_deps_source_gives_cmake_the_msvc_compiler_and_environment(
        backend_wine: WineRuntime, vs: StandinMSVC, repo: Path, upstream_sdist: Path, source_archives: list[Path],
        tmp_path: Path) -> None:
    """build_wheel with deps=source runs to CMake's configure steps (the libraries are configured side by side;
    the stand-in cmake stops the first, which stops the other, maybe before it started): CMake is named cl.exe
    for C and C++ (else Ninja's generator takes the first gcc on PATH) and runs in vcvarsall's environment."""
    settings = {"cache-dir": wine_path(tmp_path / "cache"), "offline": "true", "deps": "source",
                "local-files": ";".join(map(wine_path, (upstream_sdist, *source_archives)))}
    results, text = run_hooks(backend_wine, repo, tmp_path / "dist", settings, "get_requires_for_build_wheel",
                              "build_wheel")
    assert [r["hook"] for r in results] == ["get_requires_for_build_wheel", "build_wheel"], text
    assert results[0]["result"] == ["cmake>=3.24", "ninja>=1.11"]
    assert not results[1]["ok"] and "configure (cmake) failed" in text and STOP.format("cmake.exe") in text, text
    assert f"toolchain: {CL_BANNER}" in text and "patch 0009-" in text
    configures = vs.calls("cmake")
    assert 1 <= len(configures) <= 2, configures
    recorded = vcvarsall_variables()
    for configure in configures:
        assert f'"{vs.tools["cmake"]}" -S ' in configure.args and " -G Ninja " in configure.args
        assert " -DCMAKE_C_COMPILER=cl.exe -DCMAKE_CXX_COMPILER=cl.exe " in configure.args
        assert f'"-DCMAKE_MAKE_PROGRAM={vs.tools["ninja"]}"' in configure.args
        # each library's own options for MSVC (the shared C runtime, /MD)
        assert "-DWITH_CRT_DLL=TRUE" in configure.args or "-DBUILD_WITH_STATIC_CRT=OFF" in configure.args
        assert configure.var("INCLUDE") == f"{recorded['INCLUDE']};{CALLER_INCLUDE}"
        assert configure.var("LIB") == recorded["LIB"]
        # The build environment's script folders (cmake and ninja from PyPI in a real build), then vcvarsall's PATH.
        path = configure.var("PATH").split(";")
        assert path[2] == vs.tools_bin and path.index(CALLER_FOLDER) > 2 and configure.var("DISTUTILS_USE_SDK") == "1"
    assert not list((tmp_path / "dist").iterdir())


def test_build_wheel_deps_dirs_runs_setuptools_to_cl(backend_wine: WineRuntime, vs: StandinMSVC, repo: Path,
                                                     upstream_sdist: Path, tmp_path: Path) -> None:
    """build_wheel with deps=dirs runs setuptools up to cl.exe: the compile command setuptools gives cl, in
    vcvarsall's environment with DISTUTILS_USE_SDK (setuptools takes that environment instead of looking for
    Visual Studio itself)."""
    include, lib = tmp_path / "deps" / "include", tmp_path / "deps" / "lib"
    for header in ("opencv2/core.hpp", "opencv2/imgproc.hpp", "turbojpeg.h"):
        (include / header).parent.mkdir(parents=True, exist_ok=True)
        (include / header).write_text("")
    lib.mkdir(parents=True)
    for library in ("opencv_imgproc", "opencv_core", "turbojpeg"):
        (lib / f"{library}.lib").write_bytes(b"")
    settings = {"cache-dir": wine_path(tmp_path / "cache"), "offline": "true", "deps": "dirs",
                "local-files": wine_path(upstream_sdist), "include-dirs": wine_path(include),
                "library-dirs": wine_path(lib)}
    results, text = run_hooks(backend_wine, repo, tmp_path / "dist", settings, "build_wheel")
    assert results and not results[-1]["ok"] and "compile (setuptools) failed" in text, text
    assert STOP.format("cl.exe") in text
    banner, compile_call = vs.calls("cl")
    assert banner.args == f'"{vs.tools["cl"]}"'
    args = compile_call.args
    assert args.startswith(f'"{vs.tools["cl"]}" /c /nologo ') and " /MD " in args, args
    assert "-DPy_LIMITED_API=0x030A0000" in args and f"-I{wine_path(include)}" in args
    assert "libffcv.cpp" in args and "/Tp" in args
    recorded = vcvarsall_variables()
    assert compile_call.var("DISTUTILS_USE_SDK") == "1" and compile_call.var("MSSdk") == "1"
    assert compile_call.var("INCLUDE") == f"{recorded['INCLUDE']};{CALLER_INCLUDE}"
    assert compile_call.var("LIB") == recorded["LIB"]
    assert not vs.calls("link") and not list((tmp_path / "dist").iterdir())
