"""`python -m backend doctor` on this machine (the installed-ffcv part runs in the end-to-end tests)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def doctor(project_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "NO_COLOR": "1", **env}
    return subprocess.run([sys.executable, "-m", "backend", "doctor", *args], cwd=project_dir,
                          capture_output=True, text=True, env=environ)


def test_reports_python_toolchain_and_providers(project_dir: Path, tmp_path: Path) -> None:
    result = doctor(project_dir, "-C", f"cache-dir={tmp_path}")
    assert result.returncode == 0, result.stderr
    lines = result.stderr
    assert f"[INFO] python: CPython {sys.version.split()[0]} at {sys.executable}" in lines
    assert "[-OK-] toolchain: " in lines
    assert "[-OK-] deps=pkg-config: opencv " in lines and "libraries opencv_imgproc opencv_core turbojpeg" in lines
    assert "[INFO] deps=source: opencv 4.12.0 not built yet (source archive to download)" in lines
    assert "[INFO] installed ffcv: none in" in lines


def test_a_provider_that_fails_is_a_warning_with_its_reason(project_dir: Path, tmp_path: Path) -> None:
    result = doctor(project_dir, "-C", f"cache-dir={tmp_path}", "-C", f"include-dirs={tmp_path}",
                    PKG_CONFIG_LIBDIR=str(tmp_path), PKG_CONFIG_PATH="")
    assert result.returncode == 0
    assert "[WARN] deps=pkg-config: Native libraries not found by pkg-config:" in result.stderr
    assert "[WARN] deps=dirs: Headers not found in" in result.stderr


def fake_install(site: Path, record: dict | None) -> Path:
    """An installed ffcv as pip lays it out: the package with an extension (any real ELF library), its .dist-info
    and, when given, the build record."""
    package = site / "ffcv"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    shutil.copyfile(next(Path("/").glob("usr/lib/*/libz.so.1")), package / "_libffcv.abi3.so")
    dist_info = site / "ffcv-1.0.2.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: ffcv\nVersion: 1.0.2\n")
    if record is not None:
        (dist_info / "ffcv-build.json").write_text(json.dumps(record))
    return site


@pytest.mark.parametrize("simd", [True, False])
def test_installed_ffcv_without_simd_is_named(project_dir: Path, tmp_path: Path, simd: bool) -> None:
    record = {"provider": "source", "libraries": {"libjpeg-turbo": "3.1.2", "opencv": "4.12.0"},
              "simd": {"libjpeg-turbo": simd}, "compiler": "c++ 12.2.0"}
    site = fake_install(tmp_path / "site", record)
    result = doctor(project_dir, "-C", f"cache-dir={tmp_path / 'cache'}", PYTHONPATH=str(site))
    assert result.returncode == 0, result.stderr
    assert "[INFO]   build record: provider source (libjpeg-turbo 3.1.2, opencv 4.12.0), c++ 12.2.0" in result.stderr
    slow = "[WARN]   libjpeg-turbo: built WITHOUT SIMD (no nasm at build time): JPEG decoding is several times slower"
    assert (slow in result.stderr) is not simd
    assert ("[-OK-]   libjpeg-turbo: built with SIMD" in result.stderr) is simd


def test_installed_ffcv_without_a_build_record(project_dir: Path, tmp_path: Path) -> None:
    site = fake_install(tmp_path / "site", None)
    result = doctor(project_dir, "-C", f"cache-dir={tmp_path / 'cache'}", PYTHONPATH=str(site))
    assert "[INFO]   build record: none (not built by ffcv-wheels)" in result.stderr
    assert "SIMD" not in result.stderr.split("installed ffcv:")[1]


def test_a_python_that_is_not_there_is_one_error(project_dir: Path, tmp_path: Path) -> None:
    """Before: a CalledProcessError/FileNotFoundError traceback after the whole report."""
    for python, expected in ((tmp_path / "nonexistent", f"[ERROR] --python {tmp_path / 'nonexistent'}: no such file."),
                             (tmp_path, f"[ERROR] --python {tmp_path} is a folder, not a Python interpreter.")):
        result = doctor(project_dir, "-C", f"cache-dir={tmp_path}", "--python", str(python))
        assert result.returncode == 1
        errors = [line for line in result.stderr.splitlines() if line.startswith("[ERROR]")]
        assert errors[0] == expected and len(errors) == 2  # the message, then its hint
        assert "Traceback" not in result.stderr and "[INFO] python:" not in result.stderr
    not_python = tmp_path / "not-python"
    not_python.write_text("#!/bin/sh\nexit 3\n")
    not_python.chmod(0o755)
    result = doctor(project_dir, "-C", f"cache-dir={tmp_path}", "--python", str(not_python))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"[ERROR] --python {not_python} did not run as a Python interpreter (exit code 3)." in result.stderr


def test_the_chosen_provider_failing_is_an_error_and_exit_1(project_dir: Path, tmp_path: Path) -> None:
    """deps=pkg-config on a machine without pkg-config: the build would fail, so doctor does too."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "c++").symlink_to(shutil.which("c++") or shutil.which("g++"))
    result = doctor(project_dir, "-C", f"cache-dir={tmp_path}", "-C", "deps=pkg-config", PATH=str(bin_dir))
    assert result.returncode == 1, result.stderr
    assert "[ERROR] deps=pkg-config: pkg-config is not installed" in result.stderr
    assert "[-OK-] toolchain: " in result.stderr
