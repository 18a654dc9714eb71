"""MSVC activation, with fake vswhere and cmd programs standing in for Windows' own (the process logic is
real: arguments, output parsing, caching, errors). The command line cmd.exe really gets, and its UTF-16
output, are tested with Wine's cmd.exe running a real vcvarsall.bat under Windows CPython in
test_msvc_wine.py; real runs happen on Windows runners."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from backend.errors import BuildError
from backend.pins import Pins
from backend.toolchains import msvc
from backend.toolchains.arch import msvc_targets
from backend.toolchains.msvc import (activated_shell, installations, msvc_environment, parse_set_output,
                                     target_arch, vcvarsall_argument)

PINS = Pins.load(Path(__file__).resolve().parents[1])
VS_PATH = r"C:\Program Files\Microsoft Visual Studio\2022\BuildTools"


def script(path: Path, body: str) -> Path:
    path.write_text(f"#!{sys.executable}\nimport json, os, sys\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def fake_cmd(path: Path, log: Path, assignments: str = "", after: Path | None = None, exit_code: int = 0) -> Path:
    """A cmd.exe that 'runs' vcvarsall as the backend's command line asks: its own environment as `set` prints
    it, the marker line, then the environment vcvarsall leaves (its own updated by `assignments`, or the
    recorded listing `after`), in UTF-16-LE with CRLF line ends, as cmd /u writes into a pipe."""
    body = (f"open({str(log)!r}, 'a').write('cmd ' + ' '.join(sys.argv[1:]) + '\\n')\n"
            "listing = lambda env: [f'{k}={v}' for k, v in sorted(env.items())]\n"
            f"updated = dict(os.environ)\n"
            # Windows names ignore case: vcvarsall's 'Path' replaces the caller's 'PATH'.
            f"for name, _, value in (l.partition('=') for l in {assignments!r}.splitlines() if l[:1] != '='):\n"
            "    [updated.pop(k) for k in list(updated) if k.upper() == name.upper()]\n"
            "    updated[name] = value\n"
            f"after = open({str(after)!r}).read().splitlines() if {after is not None} else listing(updated)\n"
            f"lines = listing(os.environ) + [{msvc.SNAPSHOT_MARKER!r} + ' '] + after\n"
            "sys.stdout.buffer.write('\\r\\n'.join(lines + ['']).encode('utf-16-le'))\n"
            f"sys.exit({exit_code})")
    return script(path, body)


def posix_command_line(command_line: str, environ: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """What CreateProcess does with the one-string command line, for a fake cmd on Linux: the quoted program,
    then the rest of the line as one argument."""
    assert command_line.startswith('"')
    program, _, rest = command_line[1:].partition('" ')
    return subprocess.run([program, rest], capture_output=True, env=environ, timeout=60)


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """A PATH with fake vswhere, a fake cmd (COMSPEC) that 'runs' vcvarsall, and MSVC's tools folder."""
    bin_dir, tools = tmp_path / "bin", tmp_path / "VC" / "Tools" / "MSVC" / "14.44.35207"
    tools_bin = tools / "bin" / "Hostx64" / "x64"
    for folder in (bin_dir, tools_bin):
        folder.mkdir(parents=True)
    for tool in ("cl", "link"):
        script(tools_bin / tool, "")
    log = tmp_path / "calls.log"
    vswhere_out = tmp_path / "vswhere.json"
    vswhere_out.write_text(json.dumps([
        {"installationPath": VS_PATH, "installationVersion": "17.14.36310.24", "displayName": "Build Tools 2022"},
        {"installationPath": VS_PATH.replace("2022", "2019"), "installationVersion": "16.11.35",
         "displayName": "Build Tools 2019"}]))
    script(bin_dir / "vswhere", f"open({str(log)!r}, 'a').write('vswhere ' + ' '.join(sys.argv[1:]) + '\\n')\n"
                                f"sys.stdout.write(open({str(vswhere_out)!r}).read())")
    set_dump = "\n".join([f"PATH={tools_bin}{os.pathsep}{bin_dir}", f"VCToolsInstallDir={tools}{os.sep}",
                          "VSCMD_ARG_TGT_ARCH=x64", "INCLUDE=C:\\a;C:\\b", "WEIRD=a=b=c", "=C:=C:\\"])
    fake_cmd(tmp_path / "cmd", log, set_dump)
    monkeypatch.setattr(msvc, "run_command_line", posix_command_line)
    environ = {"PATH": str(bin_dir), "COMSPEC": str(tmp_path / "cmd")}
    return {"environ": environ, "log": log, "tools": tools, "bin": bin_dir, "vswhere_out": vswhere_out}


def calls(windows: dict, program: str) -> list[str]:
    lines = windows["log"].read_text().splitlines() if windows["log"].exists() else []
    return [line for line in lines if line.startswith(program + " ")]


def test_architectures() -> None:
    assert target_arch(PINS, "win-amd64") == "x64" and target_arch(PINS, "win-arm64") == "arm64"
    with pytest.raises(BuildError, match="32-bit Windows is not"):
        target_arch(PINS, "win32")
    assert vcvarsall_argument("x64", "x64") == "x64"
    assert vcvarsall_argument("x64", "arm64") == "x64_arm64"
    assert vcvarsall_argument("arm64", "arm64") == "arm64"


def test_set_output_parsing() -> None:
    assert parse_set_output("A=1\nB=x=y\n=C:=C:\\\nnoequals\n") == {"A": "1", "B": "x=y"}


def test_vswhere_is_found_in_program_files_whatever_the_case_of_the_variable(tmp_path: Path) -> None:
    from backend.toolchains.msvc import find_vswhere

    vswhere = tmp_path / "Microsoft Visual Studio" / "Installer" / "vswhere.exe"
    vswhere.parent.mkdir(parents=True)
    vswhere.write_bytes(b"MZ")
    for name in ("ProgramFiles(x86)", "PROGRAMFILES(X86)"):  # os.environ on Windows: upper case
        assert find_vswhere({name: str(tmp_path), "PATH": ""}) == vswhere
    assert find_vswhere({"PROGRAMFILES(X86)": str(tmp_path / "elsewhere"), "PATH": ""}) is None


def test_vswhere_is_asked_for_the_target_compiler_newest_first(windows: dict) -> None:
    from backend.toolchains.msvc import find_vswhere

    vswhere = find_vswhere(windows["environ"])
    found = installations(PINS, vswhere, "arm64")
    assert [i.version for i in found] == ["17.14.36310.24", "16.11.35"]
    (call,) = calls(windows, "vswhere")
    assert "-requires Microsoft.VisualStudio.Component.VC.Tools.ARM64" in call
    assert "-products *" in call and "-sort" in call and "-format json" in call


def test_vcvarsall_environment_is_captured_once_and_cached(windows: dict, tmp_path: Path) -> None:
    environment = msvc_environment(PINS, windows["environ"], "x64", "x64", tmp_path / "cache")
    assert environment["VCToolsInstallDir"] == f"{windows['tools']}{os.sep}"
    assert environment["DISTUTILS_USE_SDK"] == "1" and environment["WEIRD"] == "a=b=c"
    (call,) = calls(windows, "cmd")
    assert call.startswith(f'cmd /d /s /u /c "set && echo {msvc.SNAPSHOT_MARKER} && call "')
    assert call.endswith(f'call "{VS_PATH}\\VC\\Auxiliary\\Build\\vcvarsall.bat" x64 >nul 2>&1 && set"')
    again = msvc_environment(PINS, windows["environ"], "x64", "x64", tmp_path / "cache")
    assert again == environment and len(calls(windows, "cmd")) == 1
    assert len(list((tmp_path / "cache" / "msvc").glob("vcvars-*.json"))) == 1


def test_only_what_vcvarsall_changed_is_cached_and_it_is_reapplied_to_the_current_path(windows: dict,
                                                                                        tmp_path: Path) -> None:
    """The cache (which CI saves with actions/cache) holds vcvarsall's own folders and variables, not the caller's
    PATH or any variable vcvarsall did not set; a later run puts vcvarsall's folders around its own PATH."""
    from backend.toolchains.msvc import Installation, apply_changes, cached_capture

    caller = {"PATH": r"C:\Users\me\bin;C:\Windows", "INCLUDE": r"C:\mine\include", "SECRET_TOKEN": "hunter2",
              "COMSPEC": windows["environ"]["COMSPEC"]}
    fake_cmd(Path(caller["COMSPEC"]), windows["log"], "\n".join([
        r"Path=C:\VC\bin\HostX64\x64;C:\Users\me\bin;C:\Windows;C:\VC\vcpkg",
        r"INCLUDE=C:\VC\include;C:\mine\include", "VCToolsInstallDir=C:\\VC\\Tools\\", "SECRET_TOKEN=hunter2"]))
    installation = Installation(VS_PATH, "17.14.36310.24", "Build Tools 2022")
    changes = cached_capture(installation, "x64", caller, tmp_path / "cache")
    (cached,) = (tmp_path / "cache" / "msvc").glob("vcvars-*.json")
    stored = cached.read_text(encoding="utf-8")
    assert "hunter2" not in stored and "Users" not in stored and "mine" not in stored and "COMSPEC" not in stored
    assert json.loads(stored) == {"schema": 2, "set": {"VCToolsInstallDir": "C:\\VC\\Tools\\"},
                                  "extended": {"Path": [r"C:\VC\bin\HostX64\x64;", "PATH", r";C:\VC\vcpkg"],
                                               "INCLUDE": [r"C:\VC\include;", "INCLUDE", ""]}}
    assert changes == cached_capture(installation, "x64", {"PATH": "ignored"}, tmp_path / "cache")
    assert len(calls(windows, "cmd")) == 1
    later = apply_changes({"PATH": r"D:\tools;C:\Windows", "OTHER": "1"}, changes)
    assert later == {"PATH": r"C:\VC\bin\HostX64\x64;D:\tools;C:\Windows;C:\VC\vcpkg", "OTHER": "1",
                     "INCLUDE": r"C:\VC\include;", "VCToolsInstallDir": "C:\\VC\\Tools\\"}


def test_a_cache_of_the_old_kind_is_captured_again(windows: dict, tmp_path: Path) -> None:
    """Schema 1 stored the whole environment under the same name scheme; such a file is never applied."""
    from backend.toolchains.msvc import Installation, cached_capture

    (tmp_path / "cache" / "msvc").mkdir(parents=True)
    installation = Installation(VS_PATH, "17.14.36310.24", "Build Tools 2022")
    cached_capture(installation, "x64", windows["environ"], tmp_path / "cache")
    (cached,) = (tmp_path / "cache" / "msvc").glob("vcvars-*.json")
    cached.write_text(json.dumps({"PATH": "stale", "VCToolsInstallDir": "C:\\old\\"}), encoding="utf-8")
    changes = cached_capture(installation, "x64", windows["environ"], tmp_path / "cache")
    assert changes.values["VCToolsInstallDir"] == f"{windows['tools']}{os.sep}" and len(calls(windows, "cmd")) == 2


def test_environment_changes_are_whole_list_entries() -> None:
    from backend.toolchains.msvc import Extension, VcvarsChanges, environment_changes

    before = {"PATH": "C:\\a", "X": "1", "SAME": "s", "EMPTY": ""}
    after = {"Path": "C:\\vc;C:\\a", "X": "10", "SAME": "s", "EMPTY": "e", "NEW": "n", "WIN": "C:\\ab"}
    assert environment_changes(before, after) == VcvarsChanges(
        values={"X": "10", "EMPTY": "e", "NEW": "n", "WIN": "C:\\ab"},
        extended={"Path": Extension("C:\\vc;", "PATH", "")})
    # A new variable that holds the caller's PATH (VsDevCmd's __VSCMD_PREINIT_PATH) is kept as a reference to it.
    kept = environment_changes({"Path": "C:\\a;C:\\b"}, {"Path": "C:\\a;C:\\b", "KEPT": "C:\\a;C:\\b"})
    assert kept == VcvarsChanges(values={}, extended={"KEPT": Extension("", "PATH", "")})
    assert environment_changes({"WIN": "C:\\a"}, {"WIN": "C:\\ab"}).values == {"WIN": "C:\\ab"}


def test_cross_compiling_to_arm64_asks_for_x64_arm64(windows: dict, tmp_path: Path) -> None:
    msvc_environment(PINS, windows["environ"], "arm64", "x64", tmp_path / "cache")
    (call,) = calls(windows, "cmd")
    assert call.endswith('vcvarsall.bat" x64_arm64 >nul 2>&1 && set"')


def test_no_installation_says_what_to_install(windows: dict, tmp_path: Path) -> None:
    windows["vswhere_out"].write_text("[]")
    with pytest.raises(BuildError, match="C\\+\\+ tools for x64") as error:
        msvc_environment(PINS, windows["environ"], "x64", "x64", tmp_path / "cache")
    assert "winget install Microsoft.VisualStudio.2022.BuildTools" in str(error.value)
    with pytest.raises(BuildError, match="vswhere.exe is missing"):
        msvc_environment(PINS, {"PATH": str(tmp_path / "empty")}, "x64", "x64", tmp_path / "cache")


def test_failed_vcvarsall_is_an_error_and_is_not_cached(windows: dict, tmp_path: Path) -> None:
    script(Path(windows["environ"]["COMSPEC"]), "print('PATH=x'); sys.exit(1)")
    with pytest.raises(BuildError, match="did not set up MSVC"):
        msvc_environment(PINS, windows["environ"], "x64", "x64", tmp_path / "cache")
    assert not list((tmp_path / "cache").rglob("*.json"))


def test_an_activated_developer_shell_is_used_as_it_is(windows: dict, tmp_path: Path) -> None:
    tools_bin = next(windows["tools"].rglob("Hostx64")) / "x64"
    shell = {"PATH": str(tools_bin), "VSCMD_VER": "17.14.0", "VSCMD_ARG_TGT_ARCH": "x64",
             "VCToolsInstallDir": f"{windows['tools']}{os.sep}"}
    assert activated_shell(PINS, shell, "x64")
    environment = msvc_environment(PINS, shell, "x64", "x64", tmp_path / "cache")
    assert environment["VSCMD_VER"] == "17.14.0" and not calls(windows, "vswhere") and not calls(windows, "cmd")
    with pytest.raises(BuildError, match="targets x86, but the build targets x64") as error:
        activated_shell(PINS, {**shell, "VSCMD_ARG_TGT_ARCH": "x86"}, "x64")
    assert "Open a developer shell for x64" in str(error.value)
    # An ARM64 cross shell with an x64 Python: the setting that builds for it is named.
    with pytest.raises(BuildError, match="targets arm64, but the build targets x64") as error:
        activated_shell(PINS, {**shell, "VSCMD_ARG_TGT_ARCH": "arm64"}, "x64")
    assert "Add -C target=win_arm64 to cross-build for arm64" in str(error.value)
    # ... and with it, the shell is used
    assert activated_shell(PINS, {**shell, "VSCMD_ARG_TGT_ARCH": "arm64"}, "arm64")
    assert not activated_shell(PINS, {"PATH": str(tmp_path)}, "x64")


def test_a_foreign_link_exe_first_on_path_is_named(windows: dict, tmp_path: Path) -> None:
    msys = tmp_path / "Git" / "usr" / "bin"
    msys.mkdir(parents=True)
    script(msys / "link", "")
    tools_bin = next(windows["tools"].rglob("Hostx64")) / "x64"
    shell = {"PATH": os.pathsep.join([str(msys), str(tools_bin)]), "VSCMD_VER": "17.14.0",
             "VCToolsInstallDir": f"{windows['tools']}{os.sep}"}
    with pytest.raises(BuildError, match="is not MSVC's linker") as error:
        msvc_environment(PINS, shell, "x64", "x64", tmp_path / "cache")
    assert str(msys / "link") in str(error.value) and "conda's git" in str(error.value)


def test_the_toolchain_stage_uses_msvc_on_windows(windows: dict, tmp_path: Path, make_ctx,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The toolchain stage's MSVC branch (what detect runs on Windows), for a Windows x64 Python: vcvarsall's environment becomes the toolchain's,
    cl's banner its version; the source provider and setuptools then run with that environment."""
    import sysconfig

    from backend.toolchains.native import detect_msvc

    tools_bin = next(windows["tools"].rglob("Hostx64")) / "x64"
    script(tools_bin / "cl", "sys.stderr.write('Microsoft (R) C/C++ Optimizing Compiler Version 19.44.35211 "
                             "for x64\\nCopyright (C) Microsoft Corporation.\\n'); sys.exit(2)")
    monkeypatch.setattr(sysconfig, "get_platform", lambda: "win-amd64")
    ctx = make_ctx({"cache-dir": str(tmp_path / "cache")})
    found = detect_msvc(ctx, {**windows["environ"], "PROCESSOR_ARCHITECTURE": "AMD64"})
    assert (found.name, found.platform, found.machine) == ("msvc", "windows", "x64")
    assert found.version == "Microsoft (R) C/C++ Optimizing Compiler Version 19.44.35211 for x64"
    assert found.compiler == str(tools_bin / "cl")
    assert found.env["DISTUTILS_USE_SDK"] == "1" and found.env["INCLUDE"] == "C:\\a;C:\\b"
    assert calls(windows, "cmd") and "vcvarsall.bat\" x64" in calls(windows, "cmd")[0]
    # deps=source's CMake is told the compiler: with Ninja it would otherwise take the first cc/gcc on PATH.
    from backend.deps.source import configure_options
    from backend.deps.source import source_pins

    for pin in source_pins(ctx.pins, "windows", "msvc"):
        options = configure_options(pin, False, ctx, found)
        assert options[3:5] == ["-DCMAKE_C_COMPILER=cl.exe", "-DCMAKE_CXX_COMPILER=cl.exe"]
    monkeypatch.setattr(sysconfig, "get_platform", lambda: "win32")
    with pytest.raises(BuildError, match="32-bit Windows is not"):
        detect_msvc(ctx, windows["environ"])


def test_host_architecture_sees_through_emulation() -> None:
    from backend.toolchains.msvc import host_arch

    assert host_arch(PINS, {"PROCESSOR_ARCHITECTURE": "AMD64"}) == "x64"
    assert host_arch(PINS, {"PROCESSOR_ARCHITECTURE": "ARM64"}) == "arm64"
    assert host_arch(PINS, {"PROCESSOR_ARCHITECTURE": "AMD64", "PROCESSOR_ARCHITEW6432": "ARM64"}) == "arm64"


# Recorded real outputs (tests/fixtures/msvc/README.md says where each comes from). The fakes below replay
# them byte for byte, with the CRLF line ends Windows console programs write.
FIXTURES = Path(__file__).parent / "fixtures" / "msvc"
RECORDED_SET = FIXTURES / "vcvarsall-x64-vs2022-community.set.txt"
VS2022_COMMUNITY = r"C:\Program Files\Microsoft Visual Studio\2022\Community"
VC_TOOLS_14_40 = VS2022_COMMUNITY + r"\VC\Tools\MSVC\14.40.33807" + "\\"


def replay(path: Path, recorded: Path, log: Path, stream: str = "stdout") -> Path:
    """A fake program that logs its arguments and prints a recorded output with CRLF line ends."""
    return script(path, f"open({str(log)!r}, 'a').write({path.name!r} + ' ' + ' '.join(sys.argv[1:]) + '\\n')\n"
                        f"getattr(sys, {stream!r}).buffer.write(open({str(recorded)!r}, 'rb').read()"
                        ".replace(b'\\n', b'\\r\\n'))")


def windows_which(files: list[str]):
    """shutil.which as Windows answers it for a recorded PATH: ';' between folders, PATHEXT suffixes, names
    compared without case, and only `files` exist. Lookups it cannot answer (the fake vswhere on this
    machine's PATH) go to the real shutil.which."""
    import ntpath
    import shutil

    real, existing = shutil.which, {name.lower(): name for name in files}

    def which(cmd: str, mode: int = os.F_OK | os.X_OK, path: str | None = None) -> str | None:
        for folder in (path or "").split(";"):
            for suffix in (".COM", ".EXE", ".BAT", ".CMD"):
                candidate = ntpath.join(folder, cmd + suffix).lower()
                if folder and candidate in existing:
                    return existing[candidate]
        return real(cmd, mode, path)

    return which


def recorded_msvc_bin(target: str = "x64") -> str:
    return VC_TOOLS_14_40 + rf"bin\HostX64\{target}"


def test_recorded_vswhere_vs2022_community(windows: dict) -> None:
    """vswhere's JSON for VS 2022 Community 17.5 (asked with -requires ...VC.Tools.x86.x64): one installation."""
    from backend.toolchains.msvc import Installation, find_vswhere

    replay(windows["bin"] / "vswhere", FIXTURES / "vswhere-vs2022-community.json", windows["log"])
    found = installations(PINS, find_vswhere(windows["environ"]), "x64")
    assert found == [Installation(VS2022_COMMUNITY, "17.5.33530.505", "Visual Studio Community 2022")]


def test_recorded_vswhere_two_installations_in_utf8(windows: dict) -> None:
    """vswhere -utf8 JSON with Polish descriptions (multi-byte UTF-8) and VS 2019 plus VS 2017: both are
    returned in vswhere's order, newest first."""
    from backend.toolchains.msvc import find_vswhere

    recorded = FIXTURES / "vswhere-vs2019-vs2017-community-pl.json"
    assert "środowisko" in recorded.read_text(encoding="utf-8")  # the recording really is non-ASCII
    replay(windows["bin"] / "vswhere", recorded, windows["log"])
    found = installations(PINS, find_vswhere(windows["environ"]), "x64")
    assert [(i.path, i.version, i.name) for i in found] == [
        (r"C:\Program Files (x86)\Microsoft Visual Studio\2019\Community", "16.8.30711.63",
         "Visual Studio Community 2019"),
        (r"C:\Program Files (x86)\Microsoft Visual Studio\2017\Community", "15.9.28307.812",
         "Visual Studio Community 2017")]


def test_recorded_set_output_parses_every_variable() -> None:
    """The `set` dump of an x64 Native Tools prompt (VS 2022 17.10, MSVC 14.40.33807): every line is a variable,
    values are kept as recorded (the SDK's doubled backslashes too), CRLF or LF alike."""
    text = RECORDED_SET.read_text(encoding="ascii")
    environment = parse_set_output(text)
    assert len(environment) == len(text.splitlines()) == 83
    assert parse_set_output(text.replace("\n", "\r\n")) == environment
    assert environment["VCToolsInstallDir"] == VC_TOOLS_14_40 and environment["VCToolsVersion"] == "14.40.33807"
    assert environment["VSCMD_ARG_HOST_ARCH"] == environment["VSCMD_ARG_TGT_ARCH"] == "x64"
    assert environment["VSINSTALLDIR"] == VS2022_COMMUNITY + "\\"
    assert environment["Path"].split(";")[0] == recorded_msvc_bin("x64")  # `set` spells it Path, not PATH
    assert "PATH" not in environment
    assert environment["INCLUDE"].split(";")[:2] == [VC_TOOLS_14_40 + "include", VC_TOOLS_14_40 + r"ATLMFC\include"]
    assert r"C:\Program Files (x86)\Windows Kits\10\\include\10.0.22621.0\\um" in environment["INCLUDE"].split(";")
    assert environment["LIB"].split(";") == [
        VC_TOOLS_14_40 + r"ATLMFC\lib\x64", VC_TOOLS_14_40 + r"lib\x64",
        r"C:\Program Files (x86)\Windows Kits\10\lib\10.0.22621.0\ucrt\x64",
        r"C:\Program Files (x86)\Windows Kits\10\\lib\10.0.22621.0\\um\x64"]


def test_recorded_vcvarsall_environment_is_used(windows: dict, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole activation with recorded outputs: vswhere's VS 2022 Community path picks vcvarsall.bat, cmd prints
    the recorded `set` dump (from another machine with the same install path), and the environment to compile
    in has vcvarsall's PATH, INCLUDE and LIB, with cl.exe and link.exe from MSVC's HostX64\\x64 folder.
    The caller's PATH (os.environ spells it PATH on Windows) is replaced, not kept beside `set`'s Path."""
    import shutil

    from backend.toolchains.msvc import msvc_environment

    replay(windows["bin"] / "vswhere", FIXTURES / "vswhere-vs2022-community.json", windows["log"])
    fake_cmd(Path(windows["environ"]["COMSPEC"]), windows["log"], after=RECORDED_SET)
    msvc_bin = recorded_msvc_bin("x64")
    monkeypatch.setattr(shutil, "which", windows_which([msvc_bin + r"\cl.exe", msvc_bin + r"\link.exe"]))
    recorded = parse_set_output(RECORDED_SET.read_text(encoding="ascii"))

    environment = msvc_environment(PINS, windows["environ"], "x64", "x64", tmp_path / "cache")

    (call,) = calls(windows, "cmd")
    assert f'call "{VS2022_COMMUNITY}\\VC\\Auxiliary\\Build\\vcvarsall.bat" x64 >nul 2>&1 && set' in call
    assert environment["VSINSTALLDIR"].rstrip("\\") == VS2022_COMMUNITY
    assert environment["PATH"] == recorded["Path"] and "Path" not in environment
    assert (environment["INCLUDE"], environment["LIB"]) == (recorded["INCLUDE"], recorded["LIB"])
    assert environment["VSCMD_ARG_TGT_ARCH"] == "x64" and environment["DISTUTILS_USE_SDK"] == "1"
    assert shutil.which("cl", path=environment["PATH"]) == msvc_bin + r"\cl.exe"
    assert shutil.which("link", path=environment["PATH"]) == msvc_bin + r"\link.exe"


def test_recorded_vcvarsall_path_is_cached_as_its_own_folders(windows: dict, tmp_path: Path) -> None:
    """The recorded prompt kept the PATH it started from (__VSCMD_PREINIT_PATH): vcvarsall put 12 folders before
    it and 5 after it (LLVM, CMake, Ninja, ...). Those are what is cached, and a later caller's PATH goes between."""
    from backend.toolchains.msvc import Installation, apply_changes, cached_capture

    recorded = parse_set_output(RECORDED_SET.read_text(encoding="ascii"))
    start = recorded["__VSCMD_PREINIT_PATH"]
    caller = {"PATH": start, "COMSPEC": windows["environ"]["COMSPEC"]}
    fake_cmd(Path(caller["COMSPEC"]), windows["log"], RECORDED_SET.read_text(encoding="ascii"))
    changes = cached_capture(Installation(VS2022_COMMUNITY, "17.10.35013.160", ""), "x64", caller, tmp_path / "c")
    head, tail = changes.extended["Path"].head, changes.extended["Path"].tail
    assert head + start + tail == recorded["Path"] and "Path" not in changes.values
    assert head.split(";")[0] == recorded_msvc_bin("x64") and len(head.split(";")) == 13  # 12 and a final ''
    assert tail.split(";")[1:] and tail.split(";")[-1].endswith(r"\VC\vcpkg") and len(tail.split(";")) == 6
    stored = json.loads(next((tmp_path / "c" / "msvc").glob("vcvars-*.json")).read_text(encoding="utf-8"))
    # vcvarsall's copy of the starting PATH is stored as a reference to the caller's PATH, not as the PATH.
    assert stored["extended"]["__VSCMD_PREINIT_PATH"] == ["", "PATH", ""] and start not in json.dumps(stored)
    mine = r"C:\Tools\mine;" + start
    later = apply_changes({"PATH": mine}, changes)
    assert later["PATH"] == head + mine + tail and later["__VSCMD_PREINIT_PATH"] == mine


def test_check_link_exe_on_the_recorded_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """MSVC's link.exe, first on the recorded PATH, is accepted; an MSYS link.exe (Git's usr\\bin) put before
    it is named."""
    import shutil

    from backend.toolchains.msvc import VcvarsChanges, apply_changes, check_link_exe

    msvc_bin, msys_bin = recorded_msvc_bin("x64"), r"C:\Program Files\Git\usr\bin"
    monkeypatch.setattr(shutil, "which", windows_which([msvc_bin + r"\link.exe", msys_bin + r"\link.exe"]))
    environment = apply_changes({}, VcvarsChanges(parse_set_output(RECORDED_SET.read_text(encoding="ascii")), {}))
    check_link_exe(environment)
    with pytest.raises(BuildError, match="is not MSVC's linker") as error:
        check_link_exe({**environment, "PATH": msys_bin + ";" + environment["PATH"]})
    assert msys_bin + r"\link.exe" in str(error.value)


def test_applying_changes_ignores_the_case_of_names() -> None:
    from backend.toolchains.msvc import Extension, VcvarsChanges, apply_changes

    merged = apply_changes({"PATH": "old", "COMSPEC": "cmd.exe", "KEEP": "1"},
                           VcvarsChanges({"Path": "new", "ComSpec": "C:\\WINDOWS\\system32\\cmd.exe", "INCLUDE": "inc"}, {}))
    assert merged == {"PATH": "new", "COMSPEC": "C:\\WINDOWS\\system32\\cmd.exe", "KEEP": "1", "INCLUDE": "inc"}
    assert apply_changes({}, VcvarsChanges({"Path": "new"}, {})) == {"PATH": "new"}
    extended = VcvarsChanges({}, {"Path": Extension("C:\\VC\\bin;", "PATH", ";C:\\VC\\vcpkg")})
    assert apply_changes({"PATH": "C:\\mine"}, extended) == {"PATH": "C:\\VC\\bin;C:\\mine;C:\\VC\\vcpkg"}
    assert apply_changes({"Path": "C:\\mine"}, extended) == {"Path": "C:\\VC\\bin;C:\\mine;C:\\VC\\vcpkg"}


def test_compiler_version_from_a_recorded_cl_banner(tmp_path: Path) -> None:
    """`cl` run without arguments (VS 2022, x64): the banner's first line is the version."""
    from backend.toolchains.msvc import compiler_version

    recorded = FIXTURES / "cl-x64-19.44.35214.txt"
    cl = replay(tmp_path / "cl", recorded, tmp_path / "calls.log", stream="stderr")
    assert compiler_version(str(cl), {}) == "Microsoft (R) C/C++ Optimizing Compiler Version 19.44.35214 for x64"


# Cross-building for ARM64 on an x64 machine (-C target=win_arm64): vcvarsall x64_arm64, and the stable ABI's
# import library for ARM64 made by lib.exe from the build Python's python3.dll. The fake lib.exe below runs
# LLVM's lib.exe work-alike (`zig lib`), so the library is real and is linked into a real ARM64 module.
def fake_lib_exe(tools_bin: Path, log: Path) -> None:
    script(tools_bin / "lib", f"import subprocess\nopen({str(log)!r}, 'a').write('lib ' + ' '.join(sys.argv[1:]) + '\\n')\n"
                              "sys.exit(subprocess.run([sys.executable, '-m', 'ziglang', 'lib', *sys.argv[1:]]).returncode)")


@pytest.fixture
def windows_x64_python(windows: dict, make_ctx, shared_cache: Path, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> dict:
    """The fake Visual Studio above, seen from an x64 Windows CPython whose folder holds python.org's real
    python3.dll (the embeddable build's)."""
    import sysconfig

    from backend.toolchains.windows_python import embeddable_python

    real_python = embeddable_python(make_ctx({"cache-dir": str(shared_cache)}))
    base = tmp_path / "Python312"
    base.mkdir()
    (base / "python3.dll").write_bytes((real_python / "python3.dll").read_bytes())
    monkeypatch.setattr(sysconfig, "get_platform", lambda: "win-amd64")
    monkeypatch.setattr(sys, "base_prefix", str(base))
    tools_bin = next(windows["tools"].rglob("Hostx64")) / "x64"
    fake_lib_exe(tools_bin, windows["log"])
    # vcvarsall's VCToolsRedistDir, with the C++ runtime folders of both architectures.
    redist = tmp_path / "VC" / "Redist" / "MSVC" / "14.44.35112"
    for arch in ("x64", "arm64"):
        (redist / arch / "Microsoft.VC143.CRT").mkdir(parents=True)
    set_dump = (f"PATH={tools_bin}{os.pathsep}{windows['bin']}\nVCToolsInstallDir={windows['tools']}{os.sep}\n"
                f"VCToolsRedistDir={redist}{os.sep}")
    fake_cmd(Path(windows["environ"]["COMSPEC"]), windows["log"], set_dump)
    script(tools_bin / "cl", "sys.stderr.write('Microsoft (R) C/C++ Optimizing Compiler Version 19.44.35211 "
                             "for ARM64\\n'); sys.exit(2)")
    return {**windows, "environ": {**windows["environ"], "PROCESSOR_ARCHITECTURE": "AMD64"}, "base": base}


def import_library_machines(library: Path) -> set[int]:
    """Machine fields of the short import objects in a COFF import library (an `ar` archive)."""
    data, machines, offset = library.read_bytes(), set(), 8
    assert data[:8] == b"!<arch>\n"
    while offset + 60 <= len(data):
        size = int(data[offset + 48:offset + 58].decode().strip())
        member = data[offset + 60:offset + 60 + size]
        if member[:4] == b"\x00\x00\xff\xff":  # IMPORT_OBJECT_HEADER: Sig1=0, Sig2=0xFFFF, Version, Machine
            machines.add(int.from_bytes(member[6:8], "little"))
        offset += 60 + size + (size & 1)
    return machines


def test_cross_build_for_arm64_on_x64(windows_x64_python: dict, make_ctx, tmp_path: Path) -> None:
    from backend.toolchains.native import detect_msvc

    windows = windows_x64_python
    ctx = make_ctx({"cache-dir": str(tmp_path / "cache"), "target": "win_arm64"})
    found = detect_msvc(ctx, windows["environ"])
    assert (found.name, found.machine) == ("msvc", "arm64")
    # The repair step gets the toolset's ARM64 C++ runtime (System32's msvcp140.dll is x64 on this machine).
    assert found.runtime_dirs == [str(next(tmp_path.rglob("arm64")) / "Microsoft.VC143.CRT")]
    (call,) = calls(windows, "cmd")
    assert call.endswith('vcvarsall.bat" x64_arm64 >nul 2>&1 && set"')
    cross = found.cross
    assert cross is not None and cross.wheel_platform == "win_arm64" and cross.extension_suffix == ".pyd"
    assert cross.cmake_args == ["-DCMAKE_SYSTEM_NAME=Windows", "-DCMAKE_SYSTEM_PROCESSOR=ARM64"]
    assert found.env["SETUPTOOLS_EXT_SUFFIX"] == ".pyd" and found.env["DISTUTILS_USE_SDK"] == "1"
    library = Path(cross.python_import_library)
    assert library.name == "python3.lib" and cross.library_dirs == [str(library.parent)]
    (lib_call,) = calls(windows, "lib")
    assert "/machine:ARM64" in lib_call and "/out:" in lib_call and "/def:" in lib_call
    assert import_library_machines(library) == {0xAA64}  # IMAGE_FILE_MACHINE_ARM64
    # Made once per target and python3.dll: a second build reuses it.
    assert detect_msvc(ctx, windows["environ"]).cross == cross and len(calls(windows, "lib")) == 1
    assert not [p for p in library.parent.parent.iterdir() if p.name.startswith(".")]


@pytest.mark.e2e  # zig compiles its ARM64 Windows C runtime first: minutes with a cold zig cache
def test_the_arm64_python3_lib_links_a_real_arm64_module(windows_x64_python: dict, make_ctx, project_dir: Path,
                                                        tmp_path: Path) -> None:
    """The import library is usable: an ARM64 stable-ABI module linked against it (zig's lld) imports
    PyModule_Create2 from python3.dll and nothing from a versioned python3XY.dll."""
    import pefile

    from backend.toolchains import msvc
    from backend.toolchains.native import detect_msvc
    from backend.toolchains.zig import find_zig, python_headers

    ctx = make_ctx({"cache-dir": str(tmp_path / "cache"), "target": "win_arm64"})
    library = detect_msvc(ctx, windows_x64_python["environ"]).cross.python_import_library
    include = python_headers(tmp_path / "include", project_dir / "vendor_scripts/windows-python/pyconfig.h")
    source = tmp_path / "mod.c"
    source.write_text('#include <Python.h>\nstatic struct PyModuleDef d = {PyModuleDef_HEAD_INIT, "m", 0, -1, 0};\n'
                      'PyMODINIT_FUNC PyInit_m(void) { return PyModule_Create(&d); }\n')
    module = tmp_path / "m.pyd"
    subprocess.run([str(find_zig()), "cc", "-target", "aarch64-windows-gnu", "-shared", "-DPy_LIMITED_API=0x030A0000",
                    f"-I{include}", str(source), library, "-o", str(module)], check=True, capture_output=True)
    pe = pefile.PE(str(module))
    assert pe.FILE_HEADER.Machine == 0xAA64
    imports = {entry.dll.decode().lower(): [i.name.decode() for i in entry.imports if i.name]
               for entry in pe.DIRECTORY_ENTRY_IMPORT}
    assert imports["python3.dll"] == ["PyModule_Create2"]
    assert not any(dll.startswith("python31") for dll in imports)
    assert msvc_targets(PINS)["arm64"].msvc_machine == "ARM64"


def test_a_failing_lib_exe_is_named_and_leaves_nothing(windows_x64_python: dict, make_ctx, tmp_path: Path) -> None:
    from backend.toolchains.native import detect_msvc

    tools_bin = next(windows_x64_python["tools"].rglob("Hostx64")) / "x64"
    script(tools_bin / "lib", "print('LINK : fatal error LNK1104: cannot open file'); sys.exit(1104)")
    ctx = make_ctx({"cache-dir": str(tmp_path / "cache"), "target": "win_arm64"})
    with pytest.raises(BuildError, match="(?s)could not make python3.lib for arm64.*LNK1104"):
        detect_msvc(ctx, windows_x64_python["environ"])
    assert not [p for p in (tmp_path / "cache" / "msvc").glob("*python3-*") if not p.name.endswith(".lock")]


def test_a_cross_build_needs_the_build_pythons_python3_dll(windows_x64_python: dict, make_ctx,
                                                           tmp_path: Path) -> None:
    from backend.toolchains.native import detect_msvc

    (windows_x64_python["base"] / "python3.dll").unlink()
    with pytest.raises(BuildError, match="needs the build Python's python3.dll"):
        detect_msvc(make_ctx({"target": "win_arm64"}), windows_x64_python["environ"])


def test_target_names_are_checked_and_a_native_target_is_no_cross_build(windows_x64_python: dict, make_ctx) -> None:
    from backend.toolchains.native import detect_msvc

    with pytest.raises(BuildError, match="MSVC cannot build for target 'win32': known targets are win_amd64, win_arm64"):
        detect_msvc(make_ctx({"target": "win32"}), windows_x64_python["environ"])
    native = detect_msvc(make_ctx({"target": "win_amd64"}), windows_x64_python["environ"])
    assert native.cross is None and native.machine == "x64" and "SETUPTOOLS_EXT_SUFFIX" not in native.env


def test_the_compilers_own_runtime_dlls_are_found_for_the_target(tmp_path: Path) -> None:
    """VCToolsRedistDir (recorded: ...\\VC\\Redist\\MSVC\\14.40.33807\\) holds <arch>\\Microsoft.VC143.CRT\\msvcp140.dll."""
    from backend.toolchains.msvc import crt_redist_dirs

    recorded = parse_set_output(RECORDED_SET.read_text(encoding="ascii"))
    assert recorded["VCToolsRedistDir"].endswith("\\VC\\Redist\\MSVC\\14.40.33807\\")
    redist = tmp_path / "Redist" / "MSVC" / "14.40.33807"
    for arch in ("x64", "arm64"):
        (redist / arch / "Microsoft.VC143.CRT").mkdir(parents=True)
    (redist / "arm64" / "Microsoft.VC143.OpenMP").mkdir()
    environment = {"VCToolsRedistDir": f"{redist}{os.sep}"}
    assert crt_redist_dirs(environment, "arm64") == [str(redist / "arm64" / "Microsoft.VC143.CRT")]
    assert crt_redist_dirs(environment, "x64") == [str(redist / "x64" / "Microsoft.VC143.CRT")]
    assert crt_redist_dirs({}, "x64") == []


def test_setup_py_gets_the_targets_import_library_first_and_the_wheel_tag(windows_x64_python: dict, make_ctx,
                                                                         tmp_path: Path) -> None:
    """What the patched setup.py receives for an MSVC cross build: python3.lib's folder before every other
    library folder (pyconfig.h's #pragma comment(lib, "python3.lib") must find the ARM64 one before
    the build Python's x64 libs\\), the library itself, and the win_arm64 wheel tag."""
    from backend.build import write_native_settings
    from backend.deps import NativeDeps
    from backend.toolchains.native import detect_msvc

    ctx = make_ctx({"cache-dir": str(tmp_path / "cache"), "target": "win_arm64"})
    tools = detect_msvc(ctx, windows_x64_python["environ"])
    deps = NativeDeps(provider="source", include_dirs=["C:/deps/include"], library_dirs=["C:/deps/lib"],
                      extra_objects=["C:/deps/lib/opencv_core4120.lib"])
    written = json.loads(write_native_settings(ctx, tmp_path, deps, tools).read_text())
    extension = written["extension"]
    assert extension["library_dirs"] == [*tools.cross.library_dirs, "C:/deps/lib"]
    assert extension["extra_objects"] == ["C:/deps/lib/opencv_core4120.lib", tools.cross.python_import_library]
    assert "py_limited_api" not in extension and ["Py_LIMITED_API", "0x030A0000"] in extension["define_macros"]
    assert written["options"]["bdist_wheel"] == {"py_limited_api": "cp310", "plat_name": "win_arm64"}
    with pytest.raises(BuildError, match="Cross builds make stable-ABI wheels only"):
        write_native_settings(make_ctx({"cache-dir": str(tmp_path / "cache"), "target": "win_arm64", "abi3": "false"}),
                              tmp_path, deps, tools)


def test_conda_refuses_cross_builds(windows_x64_python: dict, make_ctx, tmp_path: Path) -> None:
    """conda's libraries are built for this machine: an ARM64 wheel cannot link them."""
    from backend.deps.conda import resolve_conda
    from backend.toolchains.native import detect_msvc

    ctx = make_ctx({"cache-dir": str(tmp_path / "cache"), "target": "win_arm64", "deps": "conda"})
    tools = detect_msvc(ctx, windows_x64_python["environ"])
    with pytest.raises(BuildError, match="(?s)not for win_arm64.*deps=source"):
        resolve_conda(ctx, tools, {"CONDA_PREFIX": str(tmp_path)})
    with pytest.raises(BuildError, match="toolchain=zig cannot link the MSVC-built libraries of deps=conda"):
        make_ctx({"toolchain": "zig", "deps": "conda"})


# OpenCV's CMake and MSVC's version: OpenCV 4.12 names its Windows install folders after the runtime it derives from
# MSVC_VERSION (vc17 for 1930-1949) and knows nothing newer; windows-latest's Visual Studio 2026 has MSVC 14.5x
# (MSVC_VERSION 1950 and up). Run here: OpenCV's own CMake code from the pinned source, for each MSVC_VERSION.
OPENCV_LAYOUT_PROBE = """
# OpenCV's ocv_update (cmake/OpenCVUtils.cmake), the one helper the code below calls: set only if not set.
macro(ocv_update VAR)
  if(NOT DEFINED ${VAR})
    if("x${ARGN}" STREQUAL "x")
      set(${VAR} "")
    else()
      set(${VAR} ${ARGN})
    endif()
  endif()
endmacro()
set(MSVC 1)
set(WIN32 1)
set(CMAKE_HOST_SYSTEM_NAME Windows)
set(CMAKE_SIZEOF_VOID_P 8)
set(CMAKE_GENERATOR Ninja)
include(options.cmake)
include(detect.cmake)
include(layout.cmake)
message(STATUS "runtime=${OpenCV_RUNTIME}")
foreach(name OPENCV_LIB_INSTALL_PATH OPENCV_3P_LIB_INSTALL_PATH OPENCV_INCLUDE_INSTALL_PATH)
  message(STATUS "${name}=${${name}}")
endforeach()
"""


def opencv_install_layout(cmake_dir: Path, options: list[str], msvc_version: int, work: Path) -> tuple[dict, str]:
    """The install folders OpenCV's CMake code picks under MSVC `msvc_version` with our configure options."""
    import re
    import shutil

    work.mkdir()
    detect = (cmake_dir / "OpenCVDetectCXXCompiler.cmake").read_text(encoding="utf-8")
    # From OpenCV_STATIC's default to the end of the MSVC/MinGW block: the runtime and architecture names.
    start = detect.index("if(NOT DEFINED OpenCV_STATIC)")
    end = detect.index("\nendif()\n", detect.index("set(OpenCV_RUNTIME mingw)")) + len("\nendif()\n")
    (work / "detect.cmake").write_text(detect[start:end])
    shutil.copy(cmake_dir / "OpenCVInstallLayout.cmake", work / "layout.cmake")
    settings = [re.fullmatch(r"-D([A-Za-z0-9_]+)(?::[A-Z]+)?=(.*)", option) for option in options]
    (work / "options.cmake").write_text("".join(f'set({m[1]} "{m[2]}")\n' for m in settings if m)
                                        + f"set(MSVC_VERSION {msvc_version})\n")
    (work / "probe.cmake").write_text(OPENCV_LAYOUT_PROBE)
    from backend.deps.source import build_tools

    # cmake as the backend finds it (the test venv's, from PyPI): a fresh machine has none on PATH
    cmake, _ = build_tools()
    result = subprocess.run([cmake, "-P", "probe.cmake"], cwd=work, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    values = dict(line.removeprefix("-- ").split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    return values, result.stderr


@pytest.mark.network  # OpenCV's pinned source (opencv-python-headless's sdist), shared with the source builds
def test_opencv_cmake_installs_where_the_link_list_says_under_vs2022_and_vs2026(
        make_ctx, shared_cache: Path, tmp_path: Path) -> None:
    """MSVC 14.44 (VS 2022 17.14, windows-11-arm) gives MSVC_VERSION 1944, which OpenCV calls vc17; MSVC 14.50/14.51
    (VS 2026, windows-latest) gives 1950/1951, which OpenCV 4.12 does not recognize (a warning, no runtime name,
    and its default folders change). Our Windows configure options name every install folder, so the layout is
    the same for all of them, and is where the data file's link list looks."""
    import tarfile

    from backend.deps.source import source_pins
    from backend.inputs import fetch

    ctx = make_ctx({"cache-dir": str(shared_cache)})
    (pin,) = [p for p in source_pins(ctx.pins, "windows", "msvc", "AMD64") if p.name == "opencv"]
    archive = pin.archives[0]
    path = fetch.fetch_from_index(ctx, "sources", archive.project, archive.filename, archive.sha256)
    cmake_dir = tmp_path / "src" / archive.subdir / "cmake"
    with tarfile.open(path) as tar:
        members = [m for m in tar.getmembers() if m.name in {f"{archive.subdir}/cmake/{name}" for name in
                                                             ("OpenCVDetectCXXCompiler.cmake", "OpenCVInstallLayout.cmake")}]
        tar.extractall(tmp_path / "src", members=members)
    layouts = {}
    for version in (1944, 1950, 1951):
        layouts[version], warnings = opencv_install_layout(cmake_dir, list(pin.cmake_options), version,
                                                           tmp_path / str(version))
        assert (f'does not recognize MSVC_VERSION "{version}"' in warnings) == (version >= 1950), warnings
    assert layouts[1944].pop("runtime") == "vc17" and layouts[1950].pop("runtime") == layouts[1951].pop("runtime") == ""
    assert layouts[1944] == layouts[1950] == layouts[1951]
    layout = layouts[1950]
    assert layout["OPENCV_INCLUDE_INSTALL_PATH"] == pin.include_dirs[0]
    folders = {str(Path(link).parent) for link in pin.link}
    assert folders == {layout["OPENCV_LIB_INSTALL_PATH"], layout["OPENCV_3P_LIB_INSTALL_PATH"]}, (folders, layout)
    # Without our folder options, OpenCV's defaults differ by version (x64/vc17/staticlib, then staticlib):
    bare = [option for option in pin.cmake_options if "_INSTALL_PATH=" not in option]
    assert opencv_install_layout(cmake_dir, bare, 1944, tmp_path / "bare-1944")[0]["OPENCV_LIB_INSTALL_PATH"] \
        != opencv_install_layout(cmake_dir, bare, 1950, tmp_path / "bare-1950")[0]["OPENCV_LIB_INSTALL_PATH"]


# Visual Studio 2026 (18.x, MSVC 14.50), windows-latest's since Windows Server 2025 took that label. Recorded: the
# environment vcvarsall.bat x64 left on a VS 2026 Community 18.4 machine, and a 19.50 cl banner. Reconstructed from
# actions/runner-images' image readmes: vswhere's answer on windows-latest and windows-11-arm (README.md here).
RECORDED_SET_2026 = FIXTURES / "vcvarsall-x64-vs2026-community.set.txt"
VS2026_RECORDED = r"D:\Program Files\Microsoft Visual Studio\18\Community"
VS2026_RUNNER = r"C:\Program Files\Microsoft Visual Studio\18\Enterprise"
VC_TOOLS_14_50 = r"\VC\Tools\MSVC\14.50.35717" + "\\"


def vs2026_set_on_the_runner(tmp_path: Path) -> Path:
    """The recorded VS 2026 environment with its installation folder moved to windows-latest's (nothing else)."""
    moved = tmp_path / "vs2026.set.txt"
    moved.write_text(RECORDED_SET_2026.read_text(encoding="ascii").replace(VS2026_RECORDED, VS2026_RUNNER))
    return moved


def test_recorded_vs2026_environment_parses() -> None:
    """VS 2026's vcvarsall: version 18, VS180COMNTOOLS, MSVC 14.50.35717 (its redistributables 14.50.35710), SDK
    10.0.26100, and MSVC's HostX64\\x64 folder on PATH."""
    environment = parse_set_output(RECORDED_SET_2026.read_text(encoding="ascii"))
    assert len(environment) == len(RECORDED_SET_2026.read_text().splitlines()) == 50
    assert (environment["VisualStudioVersion"], environment["VSCMD_VER"]) == ("18.0", "18.4.0")
    assert environment["VCToolsVersion"] == "14.50.35717"
    assert environment["VCToolsInstallDir"] == VS2026_RECORDED + VC_TOOLS_14_50
    assert environment["VCToolsRedistDir"].endswith(r"\VC\Redist\MSVC\14.50.35710" + "\\")
    assert environment["VS180COMNTOOLS"] == VS2026_RECORDED + "\\Common7\\Tools\\"
    assert VS2026_RECORDED + VC_TOOLS_14_50 + r"bin\HostX64\x64" in environment["PATH"].split(";")


@pytest.mark.parametrize("fixture, path, version, name, target", [
    ("vswhere-windows-latest-vs2026-reconstructed.json", VS2026_RUNNER, "18.9.12112.369",
     "Visual Studio Enterprise 2026", "x64"),
    ("vswhere-windows-11-arm-vs2022-reconstructed.json", r"C:\Program Files\Microsoft Visual Studio\2022\Enterprise",
     "17.14.37516.0", "Visual Studio Enterprise 2022", "arm64"),
])
def test_vswhere_on_each_windows_runner(windows: dict, project_dir: Path, fixture: str, path: str, version: str,
                                        name: str, target: str) -> None:
    """vswhere's answer on windows-latest (VS 2026) and windows-11-arm (VS 2022 17.14), as the runner table says."""
    from backend.toolchains.msvc import Installation, find_vswhere
    from support.workflows import runner_table

    replay(windows["bin"] / "vswhere", FIXTURES / fixture, windows["log"])
    found = installations(PINS, find_vswhere(windows["environ"]), target)
    assert found == [Installation(path, version, name)]
    (call,) = calls(windows, "vswhere")
    assert f"-requires {msvc_targets(PINS)[target].msvc_component}" in call
    label = {"x64": "windows-latest", "arm64": "windows-11-arm"}[target]
    vs = runner_table(project_dir)["labels"][label]["visual-studio"]
    assert (vs["path"], vs["version"], vs["name"]) == (path, version, name)


def test_vs2026_activation_on_windows_latest(windows: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole activation on windows-latest: vswhere names VS 2026 Enterprise, its vcvarsall.bat is called, and
    the environment to compile in has MSVC 14.50's cl.exe and link.exe first, VS 2026's INCLUDE and LIB."""
    import shutil

    from backend.toolchains.msvc import check_link_exe

    replay(windows["bin"] / "vswhere", FIXTURES / "vswhere-windows-latest-vs2026-reconstructed.json", windows["log"])
    dump = vs2026_set_on_the_runner(tmp_path)
    fake_cmd(Path(windows["environ"]["COMSPEC"]), windows["log"], after=dump)
    msvc_bin = VS2026_RUNNER + VC_TOOLS_14_50 + r"bin\HostX64\x64"
    monkeypatch.setattr(shutil, "which", windows_which([msvc_bin + r"\cl.exe", msvc_bin + r"\link.exe"]))
    recorded = parse_set_output(dump.read_text(encoding="ascii"))

    environment = msvc_environment(PINS, windows["environ"], "x64", "x64", tmp_path / "cache")

    (call,) = calls(windows, "cmd")
    assert f'call "{VS2026_RUNNER}\\VC\\Auxiliary\\Build\\vcvarsall.bat" x64 >nul 2>&1 && set' in call
    assert environment["VSINSTALLDIR"] == VS2026_RUNNER + "\\" and environment["VCToolsVersion"] == "14.50.35717"
    assert environment["PATH"] == recorded["PATH"]
    assert (environment["INCLUDE"], environment["LIB"]) == (recorded["INCLUDE"], recorded["LIB"])
    assert shutil.which("cl", path=environment["PATH"]) == msvc_bin + r"\cl.exe"
    assert shutil.which("link", path=environment["PATH"]) == msvc_bin + r"\link.exe"
    check_link_exe(environment)
    assert environment["DISTUTILS_USE_SDK"] == "1"


def test_vs2026_path_is_cached_as_its_own_folders(windows: dict, tmp_path: Path) -> None:
    """VS 2026's vcvarsall puts its folders before the PATH it started from (__VSCMD_PREINIT_PATH) and none after:
    only its own folders are cached, and a later caller's PATH is put back between."""
    from backend.toolchains.msvc import Installation, apply_changes, cached_capture

    dump = vs2026_set_on_the_runner(tmp_path)
    recorded = parse_set_output(dump.read_text(encoding="ascii"))
    start = recorded["__VSCMD_PREINIT_PATH"]
    caller = {"PATH": start, "COMSPEC": windows["environ"]["COMSPEC"]}
    fake_cmd(Path(caller["COMSPEC"]), windows["log"], after=dump)
    changes = cached_capture(Installation(VS2026_RUNNER, "18.9.12112.369", ""), "x64", caller, tmp_path / "c")
    head, tail = changes.extended["PATH"].head, changes.extended["PATH"].tail
    assert head + start + tail == recorded["PATH"] and tail == ""
    assert VS2026_RUNNER + VC_TOOLS_14_50 + r"bin\HostX64\x64" in head.split(";")
    stored = (tmp_path / "c" / "msvc").glob("vcvars-*.json")
    assert start not in next(stored).read_text(encoding="utf-8")
    mine = r"C:\hostedtoolcache\windows\Python\3.12.10\x64;" + start
    assert apply_changes({"PATH": mine}, changes)["PATH"] == head + mine


def test_compiler_version_from_a_recorded_vs2026_cl_banner(tmp_path: Path) -> None:
    """`cl` of VS 2026 (MSVC 14.50, x64) without arguments: the banner's first line is the version."""
    from backend.toolchains.msvc import compiler_version

    cl = replay(tmp_path / "cl", FIXTURES / "cl-x64-19.50.35723.txt", tmp_path / "calls.log", stream="stderr")
    assert compiler_version(str(cl), {}) == "Microsoft (R) C/C++ Optimizing Compiler Version 19.50.35723 for x64"
