"""The PE closure check on real Windows binaries: a delvewheel-repaired numpy wheel from the package index."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from backend.errors import BuildError
from backend.verify import WindowsSystem, missing_from, verify_wheel, windows_closure
from support.e2e import run

NUMPY = "numpy==2.1.3"  # its win_amd64 wheel bundles OpenBLAS and msvcp140 with delvewheel


@pytest.fixture(scope="session")
def numpy_windows_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("windows-wheels")
    run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "--platform",
         "win_amd64", "--python-version", "3.12", "--implementation", "cp", NUMPY, "--dest", folder])
    (wheel,) = folder.glob("numpy-*-win_amd64.whl")
    return wheel


@pytest.fixture
def system(make_ctx) -> WindowsSystem:
    return WindowsSystem.from_pins(make_ctx().pins)


def without_bundled_dlls(wheel: Path, dest: Path) -> Path:
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(dest, "w") as target:
        for info in source.infolist():
            if not info.filename.startswith("numpy.libs/"):
                target.writestr(info, source.read(info.filename))
    return dest


def test_repaired_wheel_is_closed(numpy_windows_wheel: Path, system: WindowsSystem) -> None:
    closure = windows_closure(numpy_windows_wheel, system)
    assert missing_from(closure) == {}
    (core,) = [name for name in closure if name.startswith("numpy/_core/_multiarray_umath.") and name.endswith(".pyd")]
    where = {dll.lower(): place for dll, place in closure[core].items()}
    assert where["python312.dll"] == "CPython" and where["vcruntime140.dll"] == "CPython"
    assert where["kernel32.dll"] == "Windows" and where["api-ms-win-crt-runtime-l1-1-0.dll"] == "Windows"
    openblas = [place for dll, place in where.items() if dll.startswith("libscipy_openblas")]
    assert openblas and openblas[0].startswith("wheel: numpy.libs/")


def test_missing_bundled_dlls_are_reported(numpy_windows_wheel: Path, system: WindowsSystem, tmp_path: Path) -> None:
    broken = without_bundled_dlls(numpy_windows_wheel, tmp_path / numpy_windows_wheel.name)
    missing = missing_from(windows_closure(broken, system))
    flat = {dll.lower() for dlls in missing.values() for dll in dlls}
    assert any(dll.startswith("libscipy_openblas") for dll in flat)
    assert any(dll.startswith("msvcp140-") for dll in flat)
    assert not any(dll.startswith(("api-ms-", "python3", "kernel32")) for dll in flat)


def test_closure_command_prints_and_fails_on_missing(numpy_windows_wheel: Path, tmp_path: Path,
                                                     project_dir: Path) -> None:
    good = subprocess.run([sys.executable, "-m", "backend", "closure", numpy_windows_wheel], cwd=project_dir,
                          capture_output=True, text=True, env={"NO_COLOR": "1", "PATH": ""})
    assert good.returncode == 0 and "[-OK-]" in good.stderr and "python312.dll" in good.stdout
    broken = without_bundled_dlls(numpy_windows_wheel, tmp_path / numpy_windows_wheel.name)
    bad = subprocess.run([sys.executable, "-m", "backend", "closure", broken], cwd=project_dir,
                         capture_output=True, text=True, env={"NO_COLOR": "1", "PATH": ""})
    assert bad.returncode == 1 and "MISSING" in bad.stdout and "[ERROR]" in bad.stderr


def test_system_rules_ignore_case_and_match_python_versions(system: WindowsSystem) -> None:
    assert system.provider("KERNEL32.DLL") == "Windows" and system.provider("Api-Ms-Win-Core-Synch-L1-2-0.dll")
    assert system.provider("python313.dll") == "CPython" and system.provider("python3.dll") == "CPython"
    assert system.provider("msvcp140.dll") is None and system.provider("opencv_world4120.dll") is None
    # delvewheel's list of Windows' own DLLs, for the importing file's architecture; the C++ runtime stays out.
    assert system.provider("MFPlat.DLL", 0x8664) == "Windows" and system.provider("dxgi.dll", 0xAA64) == "Windows"
    assert system.provider("msvcp140.dll", 0x8664) is None and system.provider("concrt140.dll", 0x8664) is None


def windows_ffcv_wheel(numpy_wheel: Path, dest: Path, with_dlls: bool) -> Path:
    """An ffcv-shaped win_amd64 wheel whose extension is a real .pyd (numpy's, which needs OpenBLAS)."""
    with zipfile.ZipFile(numpy_wheel) as source:
        pyd = source.read(next(n for n in source.namelist()
                               if n.startswith("numpy/_core/_multiarray_umath.") and n.endswith(".pyd")))
        dlls = {n: source.read(n) for n in source.namelist() if n.startswith("numpy.libs/") and n.endswith(".dll")}
    with zipfile.ZipFile(dest, "w") as target:
        target.writestr("ffcv/_libffcv.pyd", pyd)
        for name, data in (dlls if with_dlls else {}).items():
            target.writestr(name, data)
        target.writestr("ffcv-1.0.2.dist-info/ffcv-build.json", json.dumps({"schema": 1}))
        target.writestr("ffcv-1.0.2.dist-info/licenses/LICENSE", "licence")
        target.writestr("ffcv-1.0.2.dist-info/RECORD", "")
    return dest


def test_verification_stage_checks_windows_wheels(numpy_windows_wheel: Path, make_ctx, tmp_path: Path) -> None:
    ctx = make_ctx()
    name = "ffcv-1.0.2-cp310-abi3-win_amd64.whl"
    (tmp_path / "good").mkdir()
    verify_wheel(ctx, windows_ffcv_wheel(numpy_windows_wheel, tmp_path / "good" / name, True), repaired=True)
    with pytest.raises(BuildError, match="libscipy_openblas"):
        verify_wheel(ctx, windows_ffcv_wheel(numpy_windows_wheel, tmp_path / name, False), repaired=True)




def unrepaired_windows_wheel(numpy_wheel: Path | None, folder: Path, pyd: bytes = b"") -> tuple[Path, Path]:
    """An ffcv-shaped win_amd64 wheel whose extension (numpy's real .pyd, or `pyd`) needs DLLs that are not
    in it, and a folder holding numpy's DLLs, as a provider's runtime dirs would."""
    import base64
    import hashlib

    dlls = folder / "dlls"
    dlls.mkdir(parents=True)
    if numpy_wheel is not None:
        with zipfile.ZipFile(numpy_wheel) as source:
            pyd = source.read(next(n for n in source.namelist()
                                   if n.startswith("numpy/_core/_multiarray_umath.") and n.endswith(".pyd")))
            for name in source.namelist():
                if name.startswith("numpy.libs/") and name.endswith(".dll"):
                    (dlls / Path(name).name).write_bytes(source.read(name))
    files = {"ffcv/__init__.py": b"", "ffcv/_libffcv.pyd": pyd,
             "ffcv-1.0.2.dist-info/METADATA": b"Metadata-Version: 2.1\nName: ffcv\nVersion: 1.0.2\n",
             "ffcv-1.0.2.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\n"
                                           b"Tag: cp310-abi3-win_amd64\n"}
    wheel = folder / "ffcv-1.0.2-cp310-abi3-win_amd64.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as target:
        rows = []
        for name, data in files.items():
            target.writestr(name, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            rows.append(f"{name},sha256={digest},{len(data)}")
        target.writestr("ffcv-1.0.2.dist-info/RECORD", "\n".join([*rows, "ffcv-1.0.2.dist-info/RECORD,,"]) + "\n")
    return wheel, dlls


def test_delvewheel_repair_bundles_the_providers_dlls(numpy_windows_wheel: Path, make_ctx, system: WindowsSystem,
                                                      tmp_path: Path) -> None:
    from backend.deps import NativeDeps
    from backend.repair import repair

    wheel, dlls = unrepaired_windows_wheel(numpy_windows_wheel, tmp_path / "in")
    assert missing_from(windows_closure(wheel, system))  # the control: not closed before repair
    result = repair(make_ctx(), wheel, NativeDeps(provider="test", runtime_dirs=[str(dlls)]), tmp_path / "out")
    assert result.tool == "delvewheel"
    bundled = [Path(name).name for name in result.bundled if name.endswith(".dll")]
    assert any(name.startswith("msvcp140-") for name in bundled)
    assert any(name.startswith("libscipy_openblas") for name in bundled)
    assert missing_from(windows_closure(result.wheel, system)) == {}


def test_delvewheel_repair_names_what_it_cannot_find(numpy_windows_wheel: Path, make_ctx, tmp_path: Path) -> None:
    from backend.deps import NativeDeps
    from backend.repair import repair

    wheel, _ = unrepaired_windows_wheel(numpy_windows_wheel, tmp_path / "in")
    with pytest.raises(BuildError, match="repair \\(delvewheel\\) failed") as error:
        repair(make_ctx(), wheel, NativeDeps(provider="test"), tmp_path / "out")
    assert "libscipy_openblas" in str(error.value) or "msvcp140" in str(error.value)


def test_delvewheel_takes_the_c_runtime_from_the_compilers_folder(numpy_windows_wheel: Path, make_ctx,
                                                                  tmp_path: Path, system: WindowsSystem) -> None:
    """msvcp140 comes from the toolchain's runtime folder (MSVC's redist, as an MSVC build passes it), not
    from the provider's folders: without that folder, the repair fails naming it."""
    from backend.deps import NativeDeps
    from backend.repair import repair

    wheel, dlls = unrepaired_windows_wheel(numpy_windows_wheel, tmp_path / "in")
    crt = tmp_path / "Redist" / "MSVC" / "14.44.35112" / "x64" / "Microsoft.VC143.CRT"
    crt.mkdir(parents=True)
    for dll in dlls.glob("msvcp140*.dll"):
        dll.rename(crt / dll.name)
    assert list(crt.iterdir())
    provider = NativeDeps(provider="test", runtime_dirs=[str(dlls)])
    with pytest.raises(BuildError, match="msvcp140"):
        repair(make_ctx(), wheel, provider, tmp_path / "without")
    result = repair(make_ctx(), wheel, provider, tmp_path / "out", [str(crt)])
    assert any(Path(name).name.startswith("msvcp140-") for name in result.bundled)
    assert missing_from(windows_closure(result.wheel, system)) == {}


# What OpenCV's official opencv_world DLL imports from Windows beyond the usual core DLLs: Media Foundation
# (videoio's MSMF backend) and Direct3D 11/DXGI. A stand-in built with zig imports the same DLLs.
WORLD_C = r"""
#include <windows.h>
#include <mfapi.h>
#include <mfidl.h>
#include <mfreadwrite.h>
#include <d3d11.h>
#include <dxgi.h>
__declspec(dllexport) int touch_media_foundation(void) {
    IMFMediaSession *session = 0; IMFSourceReader *reader = 0; IDXGIFactory *factory = 0;
    if (MFStartup(MF_VERSION, MFSTARTUP_FULL) != S_OK) return 1;
    MFCreateMediaSession(0, &session);
    MFCreateSourceReaderFromURL(L"none", 0, &reader);
    D3D11CreateDevice(0, D3D_DRIVER_TYPE_HARDWARE, 0, 0, 0, 0, D3D11_SDK_VERSION, 0, 0, 0);
    CreateDXGIFactory(&IID_IDXGIFactory, (void **)&factory);
    return 0;
}
"""
PYD_C = """
__declspec(dllimport) int touch_media_foundation(void);
__declspec(dllexport) void *PyInit__libffcv(void) { return touch_media_foundation() ? (void *)0 : (void *)1; }
"""


@pytest.fixture(scope="module")
def opencv_world_like(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An extension (`_libffcv.pyd`) linked against an `opencv_world4120.dll` that imports MFPlat, MF,
    MFReadWrite, d3d11 and dxgi, as the prebuilt provider's build is; both cross-built with zig."""
    folder = tmp_path_factory.mktemp("opencv-world")
    (folder / "world.c").write_text(WORLD_C)
    (folder / "pyd.c").write_text(PYD_C)
    (folder / "bin").mkdir()
    zig = [sys.executable, "-m", "ziglang", "cc", "-target", "x86_64-windows-gnu", "-shared", "-O1"]
    run([*zig, "-o", folder / "bin" / "opencv_world4120.dll", folder / "world.c", "-lmfplat", "-lmf", "-lmfreadwrite",
         "-ld3d11", "-ldxgi", "-luuid", f"-Wl,--out-implib,{folder / 'opencv_world4120.lib'}"], timeout=600)
    run([*zig, "-o", folder / "_libffcv.pyd", folder / "pyd.c", folder / "opencv_world4120.lib"], timeout=600)
    return folder / "_libffcv.pyd", folder / "bin"


def test_prebuilt_like_wheel_passes_its_closure_check_with_delvewheels_system_dlls(
        opencv_world_like: tuple[Path, Path], make_ctx, tmp_path: Path) -> None:
    """delvewheel bundles opencv_world (it knows MFPlat & co. are Windows'); our own check after the repair
    must agree, or every deps=prebuilt build stops at verification."""
    from backend.deps import NativeDeps
    from backend.repair import repair
    from backend.verify import pe_imports

    pyd, bin_dir = opencv_world_like
    world_imports = {dll.lower() for dll in pe_imports((bin_dir / "opencv_world4120.dll").read_bytes())}
    assert {"mfplat.dll", "mf.dll", "mfreadwrite.dll", "d3d11.dll", "dxgi.dll"} <= world_imports
    wheel, _ = unrepaired_windows_wheel(None, tmp_path / "in", pyd=pyd.read_bytes())
    ctx = make_ctx()
    result = repair(ctx, wheel, NativeDeps(provider="prebuilt", runtime_dirs=[str(bin_dir)]), tmp_path / "out")
    assert any(Path(name).name.startswith("opencv_world4120") for name in result.bundled)
    system = WindowsSystem.from_pins(ctx.pins)
    closure = windows_closure(result.wheel, system)
    assert missing_from(closure) == {}
    (world,) = [name for name in closure if Path(name).name.startswith("opencv_world4120")]
    assert closure[world]["MFPlat.DLL"] == closure[world]["d3d11.dll"] == "Windows"
    # The control: the data file's hand list alone (no delvewheel list) misses them.
    hand_only = dataclasses.replace(system, delvewheel_dlls={})
    assert sorted(dll.lower() for dll in missing_from(windows_closure(result.wheel, hand_only))[world]) == [
        "d3d11.dll", "dxgi.dll", "mf.dll", "mfplat.dll", "mfreadwrite.dll"]
    wheel_in_dist = tmp_path / "dist" / result.wheel.name
    wheel_in_dist.parent.mkdir()
    with zipfile.ZipFile(result.wheel) as source, zipfile.ZipFile(wheel_in_dist, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("ffcv-1.0.2.dist-info/ffcv-build.json", "{}")
        target.writestr("ffcv-1.0.2.dist-info/licenses/LICENSE", "licence")
    verify_wheel(ctx, wheel_in_dist, repaired=True)  # the verification stage of the build itself


def test_doctor_knows_the_system_dlls_of_an_installed_windows_extension(
        opencv_world_like: tuple[Path, Path], make_ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """doctor's list for an installed ffcv (a .pyd): Media Foundation and DXGI are Windows' own (delvewheel's
    list), a DLL that is neither bundled nor Windows' is reported as a load failure."""
    from backend.doctor import report_installed
    from backend.log import Log

    _, bin_dir = opencv_world_like
    site = tmp_path / "site"
    (site / "ffcv").mkdir(parents=True)
    (site / "ffcv" / "__init__.py").write_text("")
    (site / "ffcv" / "_libffcv.pyd").write_bytes((bin_dir / "opencv_world4120.dll").read_bytes())
    monkeypatch.setenv("PYTHONPATH", str(site))
    messages: list[str] = []
    log = Log(colour=False)
    monkeypatch.setattr(log, "ok", lambda message: messages.append(f"ok {message}"))
    monkeypatch.setattr(log, "error", lambda message: messages.append(f"error {message}"))
    ctx = dataclasses.replace(make_ctx(), log=log)
    assert report_installed(ctx, Path(sys.executable)) is True
    assert "ok   MFPlat.DLL: Windows" in messages and "ok   dxgi.dll: Windows" in messages, messages
    # The control: what delvewheel does not list as Windows' (here, by removing dxgi from its list).
    from delvewheel import _dll_list

    monkeypatch.setitem(_dll_list.ignore_names, _dll_list.MachineType.AMD64,
                        _dll_list.ignore_names[_dll_list.MachineType.AMD64] - {"dxgi.dll"})
    messages.clear()
    assert report_installed(ctx, Path(sys.executable)) is False
    assert any(m.startswith("error   dxgi.dll: not in ffcv.libs") for m in messages), messages
