"""cibuildwheel's test step, reproduced with cibuildwheel's own code: the options it computes from
pyproject.toml for one build identifier, the test folder it lays out (copy_test_sources keeps each test
source's path relative to the project), and the test-command with {project} and {wheel} filled in."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from support.wine import WineRuntime


@dataclass(frozen=True)
class CibwTestStep:
    command: str
    sources: list[str]
    requires: list[str]
    environment: dict[str, str]


def cibuildwheel_test_step(project: Path, platform: str, identifier: str) -> CibwTestStep:
    """The test options cibuildwheel (installed in the test venv) computes for `identifier`, overrides
    included, ignoring the host's CIBW_* variables."""
    from cibuildwheel.options import CommandLineArguments, compute_options

    arguments = CommandLineArguments.defaults()
    arguments.platform = platform  # type: ignore[assignment]
    arguments.package_dir = project
    arguments.config_file = str(project / "pyproject.toml")
    options = compute_options(platform, arguments, env={})  # type: ignore[arg-type]
    build = options.build_options(identifier)
    return CibwTestStep(build.test_command, list(build.test_sources), list(build.test_requires),
                    build.test_environment.as_dictionary(prev_environment={}))


def lay_out(step: CibwTestStep, project: Path, test_cwd: Path) -> None:
    """The folder cibuildwheel runs the test-command in, made by its own copy function."""
    from cibuildwheel.util.file import copy_test_sources

    test_cwd.mkdir(parents=True)
    copy_test_sources(step.sources, project, test_cwd)


def prepared(step: CibwTestStep, project: PurePath | str, wheel: PurePath | str) -> str:
    """The test-command as cibuildwheel passes it to the shell ({package} is the project here)."""
    from cibuildwheel.util.helpers import prepare_command

    return prepare_command(step.command, project=project, package=project, wheel=wheel)


def run_here(command: str, test_cwd: Path, python: Path) -> subprocess.CompletedProcess[str]:
    """As cibuildwheel's shell() on Linux and macOS: the command through /bin/sh in the test folder, the test
    venv's python first on PATH."""
    import os

    env = {**os.environ, "PATH": f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(command, shell=True, cwd=test_cwd, env=env, capture_output=True, text=True, timeout=900)


# Run by the Windows CPython: cibuildwheel's shell() (subprocess with shell=True: cmd.exe /c), with that
# Python's folder first on PATH as a test venv's Scripts folder is.
WINDOWS_SHELL = ("import os, subprocess, sys; "
                 "os.environ['PATH'] = os.path.dirname(sys.executable) + os.pathsep + os.environ['PATH']; "
                 "sys.exit(subprocess.run(sys.argv[1], shell=True).returncode)")


def run_under_wine(wine: WineRuntime, project: Path, wheel: Path, test_cwd: Path,
                   identifier: str = "cp310-win_amd64") -> subprocess.CompletedProcess[str]:
    """cibuildwheel's Windows test step for the ffcv installed in `wine`'s Windows CPython: the test folder laid
    out by cibuildwheel, and test-command run by cmd.exe (Wine's) with Windows paths for {project} and {wheel}."""
    from support.wine import wine_path

    step = cibuildwheel_test_step(project, "windows", identifier)
    lay_out(step, project, test_cwd)
    command = prepared(step, wine_path(project), wine_path(wheel))
    return wine.run(["-c", WINDOWS_SHELL, command], cwd=test_cwd, timeout=900)
