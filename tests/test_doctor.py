"""`python -m backend doctor` on this machine (the installed-ffcv part runs in the end-to-end tests)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


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
