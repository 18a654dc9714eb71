"""Static checks of what the project ships: pyproject.toml and the workflow files."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from support.e2e import run


def test_pyproject_is_valid(project_dir: Path) -> None:
    result = run([sys.executable, "-m", "validate_pyproject", project_dir / "pyproject.toml"])
    assert "Valid file" in result.stdout


def test_workflows_pass_zizmor(project_dir: Path) -> None:
    workflows = sorted((project_dir / ".github" / "workflows").glob("*.yml"))
    assert workflows
    zizmor = Path(sys.executable).parent / "zizmor"
    result = run([zizmor, "--offline", *workflows])
    assert "No findings to report" in result.stdout + result.stderr


def test_workflows_pass_actionlint(project_dir: Path) -> None:
    workflows = sorted((project_dir / ".github" / "workflows").glob("*.yml"))
    run([Path(sys.executable).parent / "actionlint", *workflows])


def test_cibuildwheel_config_is_schema_checked(project_dir: Path, tmp_path: Path) -> None:
    """The schema-store plugin validates [tool.cibuildwheel]: a misspelt key is caught."""
    broken = tmp_path / "pyproject.toml"
    broken.write_text((project_dir / "pyproject.toml").read_text().replace(
        'build-frontend = "build"', 'build-frontend = "build"\nbuild-frontent = "build"'))
    result = run([sys.executable, "-m", "validate_pyproject", broken], check=False)
    assert result.returncode != 0 and "build-frontent" in result.stdout + result.stderr


@pytest.mark.parametrize("platform, expected", [
    ("linux", ["cp310-manylinux_x86_64", "cp310-manylinux_aarch64"]),
    ("macos", ["cp310-macosx_arm64"]),
    ("windows", ["cp310-win_amd64"]),  # auto64 on an x86_64 host; windows-11-arm gives cp311-win_arm64
])
def test_cibuildwheel_builds_one_abi3_wheel_per_platform(project_dir: Path, platform: str,
                                                         expected: list[str]) -> None:
    result = run([Path(sys.executable).parent / "cibuildwheel", "--platform", platform,
                  "--print-build-identifiers", project_dir])
    assert result.stdout.split() == expected
