"""`python -m backend` from a bare checkout, with an interpreter that has no packages: never a traceback."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from backend.bootstrap import COMMAND_NEEDS, ENV_FOLDER, PACKAGES
from support.e2e import copy_repo

DEBIAN_PYTHON = Path("/usr/bin/python3")
BASE_PYTHON = DEBIAN_PYTHON if DEBIAN_PYTHON.is_file() else Path(sys.executable)


@pytest.fixture(scope="module")
def bare(project_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a fresh copy of the checkout, a python with nothing installed): a venv of the distribution's
    python3 without pip, as on a new machine."""
    root = tmp_path_factory.mktemp("bare")
    checkout = copy_repo(project_dir, root / "checkout")
    subprocess.run([str(BASE_PYTHON), "-m", "venv", "--without-pip", str(root / "venv")], check=True)
    return checkout, root / "venv" / "bin" / "python"


def backend(bare: tuple[Path, Path], *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    checkout, python = bare
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("FFCV_", "PYTHON"))}
    return subprocess.run([str(python), "-m", "backend", *args], cwd=checkout, capture_output=True, text=True,
                          timeout=600, env={**clean, "NO_COLOR": "1", **env})


def test_the_bare_python_really_lacks_the_packages(bare) -> None:
    _, python = bare
    result = subprocess.run([str(python), "-c", "import filelock"], capture_output=True, text=True)
    assert result.returncode != 0 and "No module named 'filelock'" in result.stderr


@pytest.mark.parametrize("args, code, expected", [
    (["--help"], 0, "doctor"),
    (["settings"], 0, "FFCV_BUILD_DEPS"),
    (["settings", "--markdown"], 0, "| `deps` | `FFCV_BUILD_DEPS` |"),
    (["record"], 1, "ffcv is not installed in this Python"),
    (["record", "missing.whl"], 1, "does not exist"),
    (["record", "."], 1, "is a folder, not a wheel"),
], ids=["help", "settings", "settings-markdown", "record-installed", "record-missing", "record-folder"])
def test_standard_library_commands(bare, args, code, expected) -> None:
    result = backend(bare, *args)
    output = result.stdout + result.stderr
    assert result.returncode == code, output
    assert expected in output
    assert "Traceback" not in output
    assert not (bare[0] / ENV_FOLDER).exists()  # nothing installed for these


def test_record_of_a_wheel_without_one(bare, tmp_path: Path) -> None:
    wheel = tmp_path / "other-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("other-1.0.dist-info/METADATA", "Name: other\n")
    result = backend(bare, "record", str(wheel))
    assert result.returncode == 1 and "carries no build record" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_doctor_sets_up_its_tools_once_then_runs(bare) -> None:
    first = backend(bare, "doctor")
    output = first.stdout + first.stderr
    assert "Traceback" not in output
    assert "installing them once into" in output and "filelock" in output
    assert re.search(r"\[(-OK-|INFO)\] toolchain: ", output), output
    assert "installed ffcv: none in " + str(bare[1]) in output  # the caller's Python, not the tools'
    second = backend(bare, "doctor")
    assert "installing them once" not in second.stdout + second.stderr
    assert second.returncode == first.returncode


def test_closure_refuses_what_is_not_a_windows_wheel(bare, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.whl"
    garbage.write_bytes(b"not a zip")
    linux = tmp_path / "ffcv-1.0.2-cp310-abi3-manylinux_2_35_x86_64.whl"
    with zipfile.ZipFile(linux, "w") as archive:
        archive.writestr("ffcv/_libffcv.abi3.so", b"\x7fELF")
    for wheel, message in [(garbage, "is not a wheel"), (linux, "not a Windows wheel"),
                           (tmp_path, "is a folder")]:
        result = backend(bare, "closure", str(wheel))
        assert result.returncode == 1 and message in result.stderr, result.stderr
        assert "Traceback" not in result.stdout + result.stderr


def test_a_tools_environment_that_cannot_be_made_is_one_clear_error(bare, project_dir: Path,
                                                                   tmp_path: Path) -> None:
    """No network for pip (an index on a closed port): one error naming pip, and nothing left behind."""
    checkout = copy_repo(project_dir, tmp_path / "checkout")
    result = subprocess.run([str(bare[1]), "-m", "backend", "fetch"], cwd=checkout, capture_output=True,
                            text=True, timeout=600,
                            env={**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_INDEX_URL": "http://127.0.0.1:9/simple",
                                 "PIP_RETRIES": "0", "PIP_TIMEOUT": "2", "NO_COLOR": "1"})
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "[ERROR] pip install" in output and "Traceback" not in output
    envs = checkout / ENV_FOLDER
    assert not envs.exists() or list(envs.iterdir()) == []


def test_tool_requirements_match_the_build_requirements(project_dir: Path) -> None:
    from backend.pins import load_toml
    requires = load_toml(project_dir / "pyproject.toml")["build-system"]["requires"]
    declared = {re.split(r"[<>=; ]", item, maxsplit=1)[0]: item.split(";")[0].strip() for item in requires}
    requirements_test = (project_dir / "requirements-test.txt").read_text(encoding="utf-8")
    for module, requirement in PACKAGES.items():
        name = re.split(r"[<>=]", requirement, maxsplit=1)[0]
        assert declared.get(name, requirement) == requirement or requirement in requirements_test, requirement
    needed = {module for modules in COMMAND_NEEDS.values() for module in modules}
    assert needed <= set(PACKAGES)


def test_fetching_the_prebuilt_release_also_sets_up_py7zr() -> None:
    from backend.bootstrap import command_needs

    assert "py7zr" in command_needs("fetch", ["fetch", "-C", "deps=prebuilt"])
    assert "py7zr" not in command_needs("fetch", ["fetch"]) and "py7zr" not in command_needs("doctor", ["doctor"])
