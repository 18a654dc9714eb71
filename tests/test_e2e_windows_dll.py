"""The repair step matters on Windows: an ffcv wheel linked against a TurboJPEG DLL (cross-built here with
zig, taken with -C deps=dirs) fails to import under Wine when unrepaired, and imports and decodes once
delvewheel has put the DLL into the wheel. Our own wheels link everything statically, so this builds the
DLL case on purpose."""
from __future__ import annotations

import dataclasses
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from backend.deps.source import build_prefix, source_pins
from backend.log import Log
from backend.pins import SourcePin
from backend.pipeline import make_context
from backend.toolchains.registry import detect
from backend.verify import WindowsSystem, missing_from, windows_closure
from support.cibw import run_under_wine
from support.e2e import build_env, run
from support.wine import WineRuntime

SMOKE = Path(__file__).parent / "support" / "smoke.py"
IMPORT = "import ffcv; print('ffcv', ffcv.__version__)"


def turbojpeg_as_dll(pin: SourcePin) -> SourcePin:
    options = tuple(o for o in pin.cmake_options if not o.startswith("-DENABLE_"))
    return dataclasses.replace(pin, cmake_options=(*options, "-DENABLE_SHARED=ON", "-DENABLE_STATIC=OFF"),
                               link=("lib/libturbojpeg.dll.a", "bin/libturbojpeg.dll"))


@pytest.fixture(scope="module")
def prefixes(project_dir: Path, shared_cache: Path) -> dict[str, Path]:
    """A TurboJPEG DLL and static OpenCV for win_amd64 (the latter shared with the cross build's cache)."""
    ctx = make_context({"cache-dir": str(shared_cache), "toolchain": "zig", "deps": "source"},
                       project_dir=project_dir, environ={}, log=Log(colour=False))
    tools = detect(ctx)
    pins = {pin.name: pin for pin in source_pins(ctx.pins, tools.platform, tools.name)}
    return {"jpeg": build_prefix(ctx, turbojpeg_as_dll(pins["libjpeg-turbo"]), tools),
            "opencv": build_prefix(ctx, pins["opencv"], tools)}


def dirs_wheel(repo: Path, shared_cache: Path, prefixes: dict[str, Path], out: Path, repair: bool) -> Path:
    jpeg, opencv = prefixes["jpeg"], prefixes["opencv"]
    include_dirs = [opencv / "include" / "opencv4", jpeg / "include"]
    # zig takes an import library by the MSVC name (turbojpeg.lib), not MinGW's libturbojpeg.dll.a.
    import_library = out.parent / f"{out.name}-implib" / "turbojpeg.lib"
    import_library.parent.mkdir()
    shutil.copyfile(jpeg / "lib" / "libturbojpeg.dll.a", import_library)
    # bin/ holds the DLL: delvewheel looks for it in the provider's folders.
    library_dirs = [opencv / "lib", opencv / "lib" / "opencv4" / "3rdparty", import_library.parent, jpeg / "bin"]
    result = run([sys.executable, "-m", "build", "--wheel", "-C", "toolchain=zig", "-C", "deps=dirs",
                  "-C", "include-dirs=" + ":".join(map(str, include_dirs)),
                  "-C", "library-dirs=" + ":".join(map(str, library_dirs)),
                  "-C", "libraries=opencv_imgproc,opencv_core,zlib,turbojpeg",
                  "-C", f"licence-files={jpeg / 'ffcv-wheels-licences' / 'LICENSE.md'}",
                  "-C", f"repair={str(repair).lower()}", "--outdir", out],
                 cwd=repo, env=build_env(shared_cache), timeout=1800)
    assert "deps: include" in result.stdout + result.stderr
    (wheel,) = out.glob("*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheels(repo: Path, shared_cache: Path, prefixes: dict[str, Path],
           tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {kind: dirs_wheel(repo, shared_cache, prefixes, tmp_path_factory.mktemp(f"dist-dll-{kind}"),
                             repair=kind == "repaired")
            for kind in ("unrepaired", "repaired")}


def closure_of(wheel: Path, project_dir: Path) -> dict[str, dict[str, str]]:
    ctx = make_context({}, project_dir=project_dir, environ={}, log=Log(colour=False))
    return windows_closure(wheel, WindowsSystem.from_pins(ctx.pins))


def test_the_pe_closure_check_finds_the_missing_dll_and_delvewheel_supplies_it(wheels: dict[str, Path],
                                                                               project_dir: Path) -> None:
    assert missing_from(closure_of(wheels["unrepaired"], project_dir)) == {
        "ffcv/_libffcv.pyd": ["libturbojpeg.dll"]}
    repaired = closure_of(wheels["repaired"], project_dir)
    assert missing_from(repaired) == {}
    with zipfile.ZipFile(wheels["repaired"]) as archive:
        bundled = [n for n in archive.namelist() if n.startswith("ffcv.libs/") and n.endswith(".dll")]
        names = archive.namelist()
    # delvewheel renames the DLL it bundles (name mangling) so it cannot clash with another copy.
    assert len(bundled) == 1 and Path(bundled[0]).name.startswith("libturbojpeg-"), bundled
    assert "ffcv-1.0.2.dist-info/licenses/third-party/dirs/LICENSE.md" in names  # the bundled DLL's licence


def test_unrepaired_wheel_fails_to_import_under_wine_and_the_repaired_one_decodes(
        wine: WineRuntime, wheels: dict[str, Path], windows_wheel: Path, tmp_path: Path) -> None:
    try:
        wine.install_ffcv(wheels["unrepaired"])
        failed = wine.run(["-c", IMPORT], cwd=tmp_path, timeout=600)
        assert failed.returncode != 0, failed.stdout
        assert "DLL load failed while importing _libffcv" in failed.stderr, failed.stderr[-3000:]

        wine.install_ffcv(wheels["repaired"])
        imported = wine.run(["-c", IMPORT], cwd=tmp_path, timeout=600)
        assert imported.returncode == 0 and "ffcv 1.0.2" in imported.stdout, imported.stderr[-3000:]
        # TurboJPEG from the bundled DLL, found through delvewheel's lines in ffcv/__init__.py.
        decoded = wine.run([SMOKE, "--import-ffcv"], cwd=tmp_path, timeout=600)
        assert decoded.returncode == 0 and "imdecode status 0" in decoded.stdout, decoded.stdout + decoded.stderr[-3000:]
    finally:
        wine.install_ffcv(windows_wheel)  # the other Wine tests expect the project's own wheel


# How the smoke test loaded the extension before: ctypes alone, no `import ffcv` and no DLL directory added.
CTYPES_ONLY = ("import ctypes, importlib.util, pathlib; "
               "package = pathlib.Path(list(importlib.util.find_spec('ffcv').submodule_search_locations)[0]); "
               "ctypes.CDLL(str(package / '_libffcv.pyd'))")


def test_cibuildwheel_test_step_loads_the_extension_as_import_does_with_bundled_dlls(
        wine: WineRuntime, wheels: dict[str, Path], windows_wheel: Path, project_dir: Path, tmp_path: Path) -> None:
    """cibuildwheel's Windows test step (its test folder, test-command through cmd.exe) on a repaired wheel whose
    TurboJPEG is a DLL in ffcv.libs, as MSVC wheels carry msvcp140/concrt140 there: the smoke test finds it
    because it runs delvewheel's lines from ffcv/__init__.py first, as `import ffcv` does. Opening the .pyd with
    ctypes alone (the smoke test's old way) fails on the same install, as it would on a clean Windows."""
    try:
        wine.install_ffcv(wheels["repaired"])
        old_way = wine.run(["-c", CTYPES_ONLY], cwd=tmp_path, timeout=600)
        assert old_way.returncode != 0 and "or one of its dependencies" in old_way.stderr, old_way.stderr[-3000:]
        result = run_under_wine(wine, project_dir, wheels["repaired"], tmp_path / "test_cwd")
        output = result.stdout + result.stderr[-3000:]
        assert result.returncode == 0, output
        assert "delvewheel's DLL search lines in ffcv/__init__.py: ran" in result.stdout, output
        assert "imdecode status 0" in result.stdout and "resize mean abs difference" in result.stdout, output
        assert "every imported DLL is in the wheel or part of Windows or CPython" in result.stdout, output
    finally:
        wine.install_ffcv(windows_wheel)  # the other Wine tests expect the project's own wheel
