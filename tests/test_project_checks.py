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
    ("linux", ["cp310-manylinux_x86_64"]),  # archs = native on this x86_64 host (per runner: test_workflows.py)
    ("macos", ["cp310-macosx_arm64"]),
    ("windows", ["cp310-win_amd64"]),  # auto64 on an x86_64 host; windows-11-arm gives cp311-win_arm64
])
def test_cibuildwheel_builds_one_abi3_wheel_per_platform(project_dir: Path, platform: str,
                                                         expected: list[str]) -> None:
    result = run([Path(sys.executable).parent / "cibuildwheel", "--platform", platform,
                  "--print-build-identifiers", project_dir])
    assert result.stdout.split() == expected


@pytest.mark.parametrize("platform, identifier", [
    ("linux", "cp310-manylinux_x86_64"), ("linux", "cp310-manylinux_aarch64"), ("macos", "cp310-macosx_arm64"),
    ("windows", "cp310-win_amd64"), ("windows", "cp311-win_arm64"),
])
def test_cibuildwheel_test_command_finds_its_scripts_in_cibuildwheels_test_folder(
        project_dir: Path, tmp_path: Path, platform: str, identifier: str) -> None:
    """cibuildwheel copies test-sources into its test folder keeping their paths, then runs test-command
    there: every script the command runs must be at that path (its own copy function lays the folder out)."""
    import shlex

    from support.cibw import cibuildwheel_test_step, lay_out, prepared

    step = cibuildwheel_test_step(project_dir, platform, identifier)
    test_cwd = tmp_path / "test_cwd"
    lay_out(step, project_dir, test_cwd)
    command = prepared(step, "C:\\a b\\project", "C:\\a b\\dist\\ffcv.whl")
    runs = [shlex.split(part) for part in command.split("&&")]
    scripts = [words[1] for words in runs if words and words[0] == "python"]
    assert scripts and len(scripts) == len(runs), command
    assert all((test_cwd / script).is_file() for script in scripts), (scripts, sorted(
        str(p.relative_to(test_cwd)) for p in test_cwd.rglob("*.py")))
    if platform == "windows":  # paths with spaces reach pe_closure.py as one argument each
        assert runs[-1][-2:] == ["C:\\a b\\project", "C:\\a b\\dist\\ffcv.whl"]


def test_windows_arm64_tests_install_without_the_wheels_requirements(project_dir: Path, tmp_path: Path) -> None:
    """The package index has no win_arm64 torch (and numba/llvmlite have win_arm64 wheels only for 3.12+), so
    the cp311-win_arm64 test step installs the wheel without its requirements, and everything the smoke test
    and the closure check need has a win_arm64 (or pure) wheel for CPython 3.11."""
    from support.cibw import cibuildwheel_test_step

    arm64 = cibuildwheel_test_step(project_dir, "windows", "cp311-win_arm64")
    x64 = cibuildwheel_test_step(project_dir, "windows", "cp310-win_amd64")
    assert arm64.environment == x64.environment == {"PIP_NO_DEPS": "1"}
    assert arm64.command == x64.command and arm64.requires == x64.requires
    download = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
                "--only-binary=:all:", "--platform", "win_arm64", "--python-version", "3.11", "--implementation",
                "cp", "--dest", tmp_path]
    run([*download, *arm64.requires], timeout=600)
    names = sorted(p.name.split("-")[0].lower() for p in tmp_path.glob("*.whl"))
    assert names == ["delvewheel", "numpy", "pefile", "pillow"], names
    # The reason for --no-deps: torch, which the wheel requires, has no win_arm64 wheel there.
    torch = run([*download, "torch"], check=False, timeout=600)
    assert torch.returncode != 0 and "torch" in torch.stderr


def test_windows_staging_step_installs_what_fetching_the_prebuilt_release_imports(
        project_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """windows.yml runs `vendor.py fetch -C deps=prebuilt` with the runner's Python: the packages installed
    before it must include what that command imports (the CLI's own needs for fetch, and what the backend
    adds for deps=prebuilt beyond the source provider's build tools: py7zr, which extracts the release)."""
    import re

    from backend import hooks
    from backend.bootstrap import COMMAND_NEEDS, PACKAGES

    text = (project_dir / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    job = text[text.index("\n  providers:\n"):text.index("\n  cross-arm64:\n")]
    before = job[:job.index("python vendor_scripts/vendor.py fetch -C deps=prebuilt")]
    installed = {name.lower() for line in re.findall(r"python -m pip install ([^\n]+)", before)
                 for name in line.split() if not name.startswith("-")}

    def names(requirements: list[str]) -> set[str]:
        return {re.split(r"[<>=!~; \[]", r, maxsplit=1)[0].lower() for r in requirements}

    monkeypatch.setenv("FFCV_BUILD_OFFLINE", "true")  # no pip added for downloading the upstream sdist
    monkeypatch.setenv("FFCV_BUILD_CACHE_DIR", str(tmp_path))  # as on a runner: no library built yet
    prebuilt_extras = names(hooks.get_requires_for_build_wheel({"deps": "prebuilt"})) - names(
        hooks.get_requires_for_build_wheel({"deps": "source"}))
    needed = prebuilt_extras | names([PACKAGES[module] for module in COMMAND_NEEDS["fetch"]])
    assert "py7zr" in needed and needed <= installed, sorted(needed - installed)
