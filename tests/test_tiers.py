"""The test tiers (pyproject.toml's markers): a `release` test is skipped, with a reason saying how to run it,
unless FFCV_TEST_RELEASE=1 (`bash tests/run --release`), and skipping it sets up none of its fixtures."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from conftest import RELEASE_ENV, release_skip_reason
from support.e2e import run


def test_release_tests_run_only_when_asked() -> None:
    assert release_skip_reason({RELEASE_ENV: "1"}) is None
    for environ in ({}, {RELEASE_ENV: "0"}, {RELEASE_ENV: ""}):
        reason = release_skip_reason(environ)
        assert reason and "bash tests/run --release" in reason and f"{RELEASE_ENV}=1" in reason


def test_a_skipped_release_test_builds_nothing(project_dir: Path, tmp_path: Path) -> None:
    """FFCV's whole suite under Wine, outside a release run: skipped at once with its reason, before its fixtures
    (the Windows wheel, the Wine runtime) are set up."""
    env = {k: v for k, v in os.environ.items() if k != RELEASE_ENV}
    result = run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", "--basetemp", tmp_path / "t",
                  "tests/test_ffcv_suite_wine.py::test_ffcv_upstream_tests_pass_under_wine"],
                 cwd=project_dir, env=env, timeout=120)
    assert "1 skipped" in result.stdout and "bash tests/run --release" in result.stdout, result.stdout
