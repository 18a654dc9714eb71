"""Static checks of what the project ships: pyproject.toml and the workflow files."""
from __future__ import annotations

import sys
from pathlib import Path

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
