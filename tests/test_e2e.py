"""End to end: the real upstream sdist built by real frontends, installed in a fresh venv, FFCV run on real JPEGs."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from backend.patching import patch_series

TORCH = "torch==2.13.0"  # the CPU build on this machine's disk; FFCV imports torch
RUNTIME_PYTHON = "3.11"  # the Python that torch file is for


def run(args: list[str], cwd: Path | None = None, env: dict | None = None, check: bool = True,
        timeout: int = 900) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-6000:]}")
    return result


def copy_repo(project_dir: Path, dest: Path) -> Path:
    """The files a user's clone has (tracked files, or the sdist's file list when there is no git)."""
    listed = subprocess.run(["git", "ls-files"], cwd=project_dir, capture_output=True, text=True)
    names = listed.stdout.split() if listed.returncode == 0 and listed.stdout else None
    if names is None:
        shutil.copytree(project_dir, dest, ignore=shutil.ignore_patterns(".venv*", "dist", "__pycache__"))
        return dest
    for name in names:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(project_dir / name, dest / name)
    return dest


def build_env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FFCV_BUILD_")}
    env["FFCV_BUILD_CACHE_DIR"] = str(cache)
    env["NO_COLOR"] = "1"
    return env


def python_for(version: str) -> Path:
    """A CPython of this minor version from pyenv (the machine image has 3.10 to 3.13)."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    found = sorted(root.glob(f"versions/{version}.*/bin/python{version}"))
    assert found, f"no CPython {version} under {root}/versions (the machine image should have it)"
    return found[-1]


@pytest.fixture(scope="module")
def repo(project_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_repo(project_dir, tmp_path_factory.mktemp("repo"))


@pytest.fixture(scope="module")
def built(repo: Path, upstream_sdist: Path, shared_cache: Path,
          tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`python -m build`: our sdist, then the wheel built from that sdist (the README's main command)."""
    out = tmp_path_factory.mktemp("dist")
    result = run([sys.executable, "-m", "build", "--outdir", out], cwd=repo, env=build_env(shared_cache))
    assert "[-OK-] built" in result.stdout + result.stderr
    wheels, sdists = sorted(out.glob("*.whl")), sorted(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0], "out": out}


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory, built: dict[str, Path]) -> Path:
    """A fresh venv with torch from the local disk and the built wheel (dependencies from the index)."""
    env_dir = tmp_path_factory.mktemp("runtime") / "venv"
    run([python_for(RUNTIME_PYTHON), "-m", "venv", env_dir])
    python = env_dir / "bin" / "python"
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", TORCH, built["wheel"]],
        timeout=1200)
    return python


def roundtrip(python: Path, workdir: Path) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    script = Path(__file__).parent / "support" / "ffcv_roundtrip.py"
    # From a temporary folder, so nothing of the checkout can be imported instead of the wheel.
    result = run([python, script, workdir], cwd=workdir, timeout=600)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stdout + result.stderr
    return json.loads(lines[-1][len("RESULT "):])


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


def test_wheel_from_sdist_builds_offline_with_empty_cache(built: dict[str, Path], tmp_path: Path) -> None:
    with tarfile.open(built["sdist"]) as tar:
        tar.extractall(tmp_path, filter="data")
    empty_cache = tmp_path / "empty-cache"
    env = build_env(empty_cache)
    env["FFCV_BUILD_OFFLINE"] = "true"
    run([sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "out"], cwd=tmp_path / "ffcv-1.0.2", env=env)
    assert [p.name for p in (tmp_path / "out").glob("*.whl")] == [built["wheel"].name]
    assert not (empty_cache / "upstream").exists()  # the bundled upstream sdist was used


def test_wheel_is_abi3_manylinux_with_record_and_licence(built: dict[str, Path]) -> None:
    wheel = built["wheel"]
    assert wheel.name.startswith("ffcv-1.0.2-cp310-abi3-manylinux_") and wheel.name.endswith("_x86_64.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        record = json.loads(archive.read("ffcv-1.0.2.dist-info/ffcv-build.json"))
        metadata = archive.read("ffcv-1.0.2.dist-info/METADATA").decode()
    assert any(n.startswith("ffcv.libs/libopencv_core") for n in names)
    assert any(n.startswith("ffcv.libs/libturbojpeg") for n in names)
    assert any(n.endswith("LICENSE") and ".dist-info/" in n for n in names)
    assert record["upstream"]["sha256"] == "42766a487c8a659b543d070f24732c4b65aab8d96980f5792c63e91e55511f00"
    assert [p["name"] for p in record["patches"]] == [p.name for p in patch_series(Path("patches/1.0.2"))]
    assert record["provider"] == "pkg-config" and record["repair"]["tool"] == "auditwheel"
    assert set(record["libraries"]) == {"opencv", "turbojpeg"}
    assert sorted(record["repair"]["bundled"]) == sorted(n for n in names if n.startswith("ffcv.libs/"))
    for requirement in ("numpy", "Pillow", "torch", "numba"):
        assert f"Requires-Dist: {requirement}" in metadata


def test_python_code_is_upstreams_except_patched_files(built: dict[str, Path], upstream_sdist: Path) -> None:
    with tarfile.open(upstream_sdist) as tar:
        upstream = {str(PurePosixPath(*PurePosixPath(m.name).parts[1:])): tar.extractfile(m).read()
                    for m in tar.getmembers() if m.isfile() and m.name.endswith(".py")
                    and PurePosixPath(m.name).parts[1] == "ffcv"}
    with zipfile.ZipFile(built["wheel"]) as archive:
        ours = {n: archive.read(n) for n in archive.namelist() if n.startswith("ffcv/") and n.endswith(".py")}
    assert set(ours) == set(upstream)
    changed = sorted(n for n in ours if ours[n] != upstream[n])
    assert changed == ["ffcv/__init__.py", "ffcv/pipeline/graph.py"]


def test_ffcv_runs_from_the_wheel_with_its_own_libraries(runtime: Path, tmp_path: Path) -> None:
    report = roundtrip(runtime, tmp_path / "work")
    site = str(runtime.parent.parent)
    assert report["ffcv_version"] == "1.0.2" and report["ffcv_file"].startswith(site)
    # Same JPEG bytes decoded by PIL: TurboJPEG's fast DCT differs by a few levels at most.
    assert report["plain_mean_abs_diff"] < 2.0 and report["plain_max_abs_diff"] <= 12, report
    assert report["rrc_mean_abs_diff"] < 2.5 and report["rrc_max_abs_diff"] <= 16, report
    assert report["rrc_labels_ok"]
    mapped = report["mapped"]
    for library in ("libopencv_core", "libopencv_imgproc", "libturbojpeg"):
        assert any(library in path for path in mapped), mapped
    assert all(path.startswith(site) and "/ffcv.libs/" in path for path in mapped), mapped


def test_unrepaired_wheel_loads_system_libraries(runtime: Path, repo: Path, shared_cache: Path,
                                                 tmp_path: Path, built: dict[str, Path]) -> None:
    """The control for the test above: without repair, the same check sees the system's libraries."""
    env = build_env(shared_cache)
    run([sys.executable, "-m", "build", "--wheel", "-C", "repair=false", "--outdir", tmp_path / "raw"], cwd=repo, env=env)
    (raw,) = (tmp_path / "raw").glob("*.whl")
    assert raw.name.endswith("-cp310-abi3-linux_x86_64.whl")
    try:
        run([runtime, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", raw])
        mapped = roundtrip(runtime, tmp_path / "work")["mapped"]
        assert any(path.startswith("/usr/lib") and "libopencv_core" in path for path in mapped), mapped
    finally:
        run([runtime, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", built["wheel"]])


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
    assert (tmp_path / "t" / "ffcv" / "libffcv.py").is_file()
    assert list((tmp_path / "t" / "ffcv.libs").glob("libturbojpeg*"))


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
