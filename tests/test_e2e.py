"""End to end: the real upstream sdist built by real frontends, installed in a fresh venv, FFCV run on real JPEGs.

The default build (the README's `python -m build`, provider source, run by Debian's python3: conftest's
default_build) is shared with test_e2e_source.py, which checks its static linking, and test_readme_newcomer.py;
the tests here about the system's libraries (auditwheel's ffcv.libs, the dynamic loader, doctor) build with
`-C deps=pkg-config`, the provider for distribution packagers."""
from __future__ import annotations

import json
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from backend.inputs.archive import extract_sdist
from backend.patching import patch_series
from conftest import UPSTREAM
from support.e2e import MACHINE, build_env, install_wheel, python_for, roundtrip, run

pytestmark = pytest.mark.timeout(3600)  # default_build compiles OpenCV when no test before it has


@pytest.fixture(scope="module")
def built(default_build: dict) -> dict:
    """`python -m build` (the README's build command): our sdist, then the wheel built from that sdist."""
    assert "[-OK-] built" in default_build["log"]
    return default_build


@pytest.fixture(scope="module")
def system_wheel(repo: Path, shared_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel linking the system's OpenCV and TurboJPEG (-C deps=pkg-config), which auditwheel bundles."""
    out = tmp_path_factory.mktemp("dist-system")
    run([sys.executable, "-m", "build", "--wheel", "-C", "deps=pkg-config", "--outdir", out], cwd=repo,
        env=build_env(shared_cache))
    (wheel,) = out.glob("*.whl")
    return wheel


@pytest.fixture(scope="module")
def runtime(runtime_venv: Path, system_wheel: Path) -> Path:
    return install_wheel(runtime_venv, system_wheel)


def test_sdist_is_ffcv_and_self_contained(built: dict[str, Path], upstream_sdist: Path) -> None:
    sdist = built["sdist"]
    assert sdist.name == "ffcv-1.0.2.tar.gz"
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
        pkg_info = tar.extractfile("ffcv-1.0.2/PKG-INFO").read().decode()
        bundled = tar.extractfile("ffcv-1.0.2/upstream/ffcv-1.0.2.tar.gz").read()
    assert bundled == upstream_sdist.read_bytes()
    for needed in ("pyproject.toml", "backend/hooks.py", "vendor_scripts/pins.toml",
                   *(f"patches/1.0.2/{p.name}" for p in patch_series(Path("patches/1.0.2")))):
        assert f"ffcv-1.0.2/{needed}" in names
    assert "Name: ffcv" in pkg_info and "Version: 1.0.2" in pkg_info


def test_sdist_and_wheel_pass_twine_and_check_wheel_contents(built: dict[str, Path], system_wheel: Path) -> None:
    scripts = Path(sys.executable).parent
    run([scripts / "twine", "check", "--strict", built["sdist"], built["wheel"], system_wheel])
    # ffcv.libs/ holds the bundled shared libraries, not Python modules (W010 is expected there).
    run([scripts / "check-wheel-contents", "--toplevel", "ffcv,ffcv.libs", "--ignore", "W010", system_wheel])


def test_wheel_from_sdist_builds_offline_with_empty_cache(built: dict[str, Path], system_wheel: Path,
                                                         tmp_path: Path) -> None:
    """Our sdist carries the upstream sdist; the source provider's library sources it does not (docs/building.md:
    `python -m backend fetch` caches them), so this offline build with an empty cache takes the system's libraries."""
    extract_sdist(built["sdist"], tmp_path)  # the backend's own extraction: no tarfile filters on old Pythons
    empty_cache = tmp_path / "empty-cache"
    env = build_env(empty_cache)
    env["FFCV_BUILD_OFFLINE"] = "true"
    env["FFCV_BUILD_DEPS"] = "pkg-config"
    run([sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "out"], cwd=tmp_path / "ffcv-1.0.2", env=env)
    assert [p.name for p in (tmp_path / "out").glob("*.whl")] == [system_wheel.name]
    assert not (empty_cache / "upstream").exists()  # the bundled upstream sdist was used


def test_wheel_is_abi3_manylinux_with_record_and_licence(system_wheel: Path) -> None:
    wheel = system_wheel
    assert wheel.name.startswith("ffcv-1.0.2-cp310-abi3-manylinux_") and wheel.name.endswith(f"_{MACHINE}.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        record = json.loads(archive.read("ffcv-1.0.2.dist-info/ffcv-build.json"))
        metadata = archive.read("ffcv-1.0.2.dist-info/METADATA").decode()
    assert any(n.startswith("ffcv.libs/libopencv_core") for n in names)
    assert any(n.startswith("ffcv.libs/libturbojpeg") for n in names)
    assert any(n.endswith("LICENSE") and ".dist-info/" in n for n in names)
    assert record["upstream"]["sha256"] == UPSTREAM.sha256
    assert [p["name"] for p in record["patches"]] == [p.name for p in patch_series(Path("patches/1.0.2"))]
    assert record["provider"] == "pkg-config" and record["repair"]["tool"] == "auditwheel"
    assert set(record["libraries"]) == {"opencv", "turbojpeg"}
    assert record["simd"] == {}  # the system's libraries: built by the distribution, not by us
    assert sorted(record["repair"]["bundled"]) == sorted(n for n in names if n.startswith("ffcv.libs/"))
    for requirement in ("numpy", "Pillow", "torch", "numba", "opencv-python-headless"):
        assert f"Requires-Dist: {requirement}\n" in metadata
    assert "Requires-Dist: opencv-python\n" not in metadata


def test_python_code_is_upstreams_except_patched_files(built: dict[str, Path], upstream_sdist: Path) -> None:
    with tarfile.open(upstream_sdist) as tar:
        upstream = {str(PurePosixPath(*PurePosixPath(m.name).parts[1:])): tar.extractfile(m).read()
                    for m in tar.getmembers() if m.isfile() and m.name.endswith(".py")
                    and PurePosixPath(m.name).parts[1] == "ffcv"}
    with zipfile.ZipFile(built["wheel"]) as archive:
        ours = {n: archive.read(n) for n in archive.namelist() if n.startswith("ffcv/") and n.endswith(".py")}
    assert set(ours) == set(upstream)
    changed = sorted(n for n in ours if ours[n] != upstream[n])
    assert changed == ["ffcv/__init__.py", "ffcv/libffcv.py", "ffcv/pipeline/graph.py", "ffcv/writer.py"]


def test_ffcv_runs_from_the_wheel_with_its_own_libraries(runtime: Path, tmp_path: Path) -> None:
    report = roundtrip(runtime, tmp_path / "work")
    site = str(runtime.parent.parent)
    assert report["ffcv_version"] == "1.0.2" and report["ffcv_file"].startswith(site)
    # Same JPEG bytes decoded by PIL: TurboJPEG's fast DCT differs by a few levels at most.
    assert report["plain_mean_abs_diff"] < 2.0 and report["plain_max_abs_diff"] <= 12, report
    assert report["uncached_labels_ok"] and report["uncached_max_abs_diff"] <= 12, report  # ffcv_pread
    assert report["rrc_mean_abs_diff"] < 2.5 and report["rrc_max_abs_diff"] <= 16, report
    assert report["rrc_labels_ok"]
    assert report["raw_labels_ok"] and report["raw_max_abs_diff"] == 0, report  # raw pixels: exact
    mapped = report["mapped"]
    for library in ("libopencv_core", "libopencv_imgproc", "libturbojpeg"):
        assert any(library in path for path in mapped), mapped
    assert all(path.startswith(site) and "/ffcv.libs/" in path for path in mapped), mapped


def test_cibuildwheel_test_step_passes_in_its_own_test_folder(runtime: Path, system_wheel: Path,
                                                             project_dir: Path, tmp_path: Path) -> None:
    """cibuildwheel's Linux test step as it runs: its own copy of test-sources into a fresh test folder, then
    test-command through the shell there, with the wheel's venv first on PATH."""
    from support.cibw import cibuildwheel_test_step, lay_out, prepared, run_here

    step = cibuildwheel_test_step(project_dir, "linux", "cp310-manylinux_x86_64")
    lay_out(step, project_dir, tmp_path / "test_cwd")
    result = run_here(prepared(step, project_dir, system_wheel), tmp_path / "test_cwd", runtime)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "imdecode status 0" in result.stdout and "resize mean abs difference" in result.stdout


def test_ffcv_upstream_tests_pass_with_the_wheel(runtime: Path, upstream_sdist: Path, project_dir: Path,
                                                tmp_path: Path) -> None:
    """FFCV's own test files from the upstream sdist (the twelve the Windows checks run too), unchanged, in one
    pytest session against the installed wheel, through the runner the Windows CI job uses."""
    runner = project_dir / "tests" / "support" / "ffcv_suite.py"
    run([runtime, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "pytest", "assertpy"])
    result = run([runtime, runner, upstream_sdist, tmp_path / "suite"], cwd=tmp_path, timeout=900)
    assert "[-OK-] FFCV's own tests passed on linux" in result.stderr
    assert "passed" in result.stdout and " failed" not in result.stdout
    # The verdict can fail: test_webdataset.py has no test functions (and imports webdataset, not installed).
    empty = run([runtime, runner, upstream_sdist, tmp_path / "empty", "--files", "test_webdataset.py"],
                cwd=tmp_path, check=False)
    assert empty.returncode == 1 and "[ERROR] 0 of 0 collected tests passed" in empty.stderr


def test_doctor_shows_where_the_extension_finds_its_libraries(runtime: Path, project_dir: Path,
                                                               system_wheel: Path) -> None:
    doctor = [sys.executable, "-m", "backend", "doctor", "--python", runtime]
    healthy = run(doctor, cwd=project_dir, env={**build_env(Path("unused")), "NO_COLOR": "1"})
    libs = [line for line in healthy.stderr.splitlines()
            if line.startswith(("[-OK-]   ", "[ERROR]   ")) and ("libopencv_core" in line or "libturbojpeg" in line)]
    assert len(libs) == 2 and all(line.startswith("[-OK-]") and "(inside the wheel)" in line for line in libs)
    site = Path(run([runtime, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip())
    (turbojpeg,) = (site / "ffcv.libs").glob("libturbojpeg*")
    turbojpeg.unlink()
    try:
        broken = run(doctor, cwd=project_dir, env={**build_env(Path("unused")), "NO_COLOR": "1"}, check=False)
        assert broken.returncode == 1
        assert f"[ERROR]   {turbojpeg.name}: not found by the dynamic loader" in broken.stderr
    finally:
        run([runtime, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", system_wheel])


def test_unrepaired_wheel_loads_system_libraries(runtime: Path, repo: Path, shared_cache: Path,
                                                 tmp_path: Path, system_wheel: Path) -> None:
    """The control for the test above: without repair, the same check sees the system's libraries."""
    env = build_env(shared_cache)
    run([sys.executable, "-m", "build", "--wheel", "-C", "deps=pkg-config", "-C", "repair=false",
         "--outdir", tmp_path / "raw"], cwd=repo, env=env)
    (raw,) = (tmp_path / "raw").glob("*.whl")
    assert raw.name.endswith(f"-cp310-abi3-linux_{MACHINE}.whl")
    try:
        run([runtime, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", raw])
        mapped = roundtrip(runtime, tmp_path / "work")["mapped"]
        assert any(path.startswith("/usr/lib") and "libopencv_core" in path for path in mapped), mapped
    finally:
        run([runtime, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", system_wheel])


@pytest.mark.parametrize("version", ["3.12", "3.13"])
def test_build_on_python_without_distutils(version: str, repo: Path, shared_cache: Path, tmp_path: Path,
                                           built: dict[str, Path]) -> None:
    python = python_for(version)
    run([python, "-m", "venv", tmp_path / "venv"])
    frontend = tmp_path / "venv" / "bin" / "python"
    run([frontend, "-m", "pip", "install", "--quiet", "build"])
    run([frontend, "-m", "build", "--wheel", "--outdir", tmp_path / "out"], cwd=repo, env=build_env(shared_cache))
    assert [p.name for p in (tmp_path / "out").glob("*.whl")] == [built["wheel"].name]


def test_pip_wheel_and_pip_install(repo: Path, shared_cache: Path, tmp_path: Path, built: dict[str, Path]) -> None:
    env = build_env(shared_cache)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", tmp_path / "w", "."], cwd=repo, env=env)
    assert [p.name for p in (tmp_path / "w").glob("*.whl")] == [built["wheel"].name]
    run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", tmp_path / "t", "."], cwd=repo, env=env)
    assert (tmp_path / "t" / "ffcv" / "libffcv.py").is_file() and list((tmp_path / "t" / "ffcv").glob("_libffcv*.so"))
    assert not (tmp_path / "t" / "ffcv.libs").exists()  # the default provider links its libraries statically


def test_editable_install_is_refused_clearly(repo: Path, shared_cache: Path, tmp_path: Path) -> None:
    result = run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", tmp_path / "t", "-e", "."],
                 cwd=repo, env=build_env(shared_cache), check=False)
    assert result.returncode != 0
    assert "no editable mode" in result.stdout + result.stderr


def test_frontend_reports_unknown_setting_and_writes_nothing(repo: Path, shared_cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run([sys.executable, "-m", "build", "--wheel", "-C", "upstream-versoin=1.0.2", "--outdir", out],
                 cwd=repo, env=build_env(shared_cache), check=False)
    assert result.returncode != 0
    assert "[ERROR] Unknown setting 'upstream-versoin'" in result.stderr + result.stdout
    assert "Did you mean 'upstream-version'?" in result.stderr + result.stdout
    assert not out.exists() or not list(out.iterdir())
