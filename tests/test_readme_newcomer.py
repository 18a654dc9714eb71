"""The README's "Two commands" section as a newcomer on a fresh Debian 12 machine runs it: the set-up lines and the
build command come from README.md (tests/support/readme.py), and the build command runs as written with Debian's own
python3 (/usr/bin/python3, 3.11.2, which refuses `pip install` outside a venv: PEP 668) on a copy of the
repository. That build is conftest's default_build, the wheel the other end-to-end tests use too; it reuses the
session's library prefixes (same compiler and options), so it adds no OpenCV build."""
from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from support.e2e import MACHINE, run
from support.readme import DEBIAN_PYTHON, apt_packages, setup_and_commands

pytestmark = pytest.mark.timeout(3600)  # default_build compiles OpenCV when no test before it has


def test_setup_lines_are_complete_for_a_fresh_image(project_dir: Path) -> None:
    """A fresh image has no package lists (apt-get update first), no compiler, no venv module and no Python
    headers; every package named is installed here (so the build below runs with what the README lists) and is
    one tests/run installs (tests/debian-packages.txt, every run's), which .ci/run (what CI runs) calls."""
    setup, _, tests = setup_and_commands(project_dir)
    assert setup[0].split("#", 1)[0].split() == ["apt-get", "update"], setup
    packages = apt_packages(setup)
    for needed in ("g++", "python3-venv", "python3-dev"):
        assert needed in packages, packages
    for package in packages:
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
        assert status.stdout == "install ok installed", (package, status.stdout, status.stderr)
    from support.preflight import debian_packages

    assert set(packages) <= set(debian_packages()["all"]), (packages, "missing from tests/debian-packages.txt")
    ci = [line.split("#", 1)[0].split() for line in (project_dir / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert ["exec", "bash", "tests/run", '"$@"'] in ci, ci
    assert tests.split("#", 1)[0].split() == ["bash", "tests/run"], tests


def test_readme_build_command_runs_as_written_with_debians_python3(default_build: dict) -> None:
    debian_version = run([DEBIAN_PYTHON, "-c", "import platform; print(platform.python_version())"]).stdout.strip()
    clone, log, wheel = default_build["clone"], default_build["log"], default_build["wheel"]
    assert "externally-managed-environment" not in log
    venv_home = (clone / ".venv" / "pyvenv.cfg").read_text()
    assert re.search(r"^home = /usr/bin$", venv_home, re.M), venv_home  # the venv is Debian's python3's
    assert default_build["sdist"].name == "ffcv-1.0.2.tar.gz"
    assert wheel.name.startswith("ffcv-1.0.2-cp310-abi3-manylinux_") and wheel.name.endswith(f"_{MACHINE}.whl")
    with zipfile.ZipFile(wheel) as archive:
        record = json.loads(archive.read("ffcv-1.0.2.dist-info/ffcv-build.json"))
        names = archive.namelist()
    # The source wheel (the default provider), built from our sdist by the backend running on Debian's python3.
    assert record["provider"] == "source" and not any(n.startswith("ffcv.libs/") for n in names), record
    assert record["host"]["python"] == debian_version, (record["host"], debian_version)
    assert f"[-OK-] built {wheel.name}" in log
