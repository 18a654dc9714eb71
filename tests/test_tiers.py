"""The test tiers (pyproject.toml's markers): a `release` test is skipped, with a reason saying how to run it,
unless FFCV_TEST_RELEASE=1 (`bash tests/run --release`), and skipping it sets up none of its fixtures. And the
build cache the end-to-end builds keep between sessions (conftest.py): a new folder whenever a build input changes."""
from __future__ import annotations

import os
import shutil
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
    # The suite's first lines do not count it among the tiers that run, and say it is skipped.
    tiers_line = next(line for line in result.stdout.splitlines() if line.startswith("[INFO] Tiers that run"))
    assert "release" not in tiers_line, tiers_line
    assert "[INFO] Skipped: release 1 test (bash tests/run --release runs them)" in result.stdout, result.stdout


def test_release_option_or_variable_runs_them(project_dir: Path, tmp_path: Path) -> None:
    """pytest's --release (what `bash tests/run --release` may pass on) or FFCV_TEST_RELEASE=1 runs a release test:
    not skipped, its fixtures set up (shown by --setup-plan, which plans the set-up without running it)."""
    env = {k: v for k, v in os.environ.items() if k != RELEASE_ENV}
    target = "tests/test_ffcv_suite_wine.py::test_ffcv_upstream_tests_pass_under_wine"
    for options, environ in (([], {}), (["--release"], {}), ([], {RELEASE_ENV: "1"})):
        result = run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", "--setup-plan",
                      "--basetemp", tmp_path / "t", *options, target], cwd=project_dir, env={**env, **environ},
                     timeout=120)
        runs = bool(options or environ)
        assert ("1 skipped" in result.stdout) is not runs, result.stdout
        assert ("SETUP    S windows_wheel" in result.stdout) is runs, result.stdout


def test_build_cache_digest_follows_every_build_input(project_dir: Path, tmp_path: Path) -> None:
    from conftest import BUILD_INPUTS, build_inputs_digest

    copy = tmp_path / "project"
    for name in BUILD_INPUTS:
        source = project_dir / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy2(source, copy / name)
    digest = build_inputs_digest(copy)
    assert digest == build_inputs_digest(project_dir)
    (copy / "backend" / "__pycache__").mkdir(exist_ok=True)
    (copy / "backend" / "__pycache__" / "x.pyc").write_bytes(b"byte code")
    assert build_inputs_digest(copy) == digest  # byte code is no input
    for changed in ("backend/deps/source.py", "vendor_scripts/pins.toml", "pyproject.toml"):
        original = (copy / changed).read_bytes()
        (copy / changed).write_bytes(original + b"\n")
        assert build_inputs_digest(copy) != digest, changed
        (copy / changed).write_bytes(original)
    (copy / "patches" / "0099-new.patch").write_text("a new patch\n")
    assert build_inputs_digest(copy) != digest


def test_build_cache_keeps_recent_folders_and_removes_long_unused_ones(tmp_path: Path) -> None:
    from conftest import BUILD_CACHE_UNUSED_DAYS, kept_build_cache

    day = 86400.0
    now = 100 * day
    old = kept_build_cache(tmp_path, "old", now=now - (BUILD_CACHE_UNUSED_DAYS + 1) * day)
    recent = kept_build_cache(tmp_path, "recent", now=now - day)
    (recent / "prefixes").mkdir()
    current = kept_build_cache(tmp_path, "current", now=now)
    assert current == tmp_path / "current" and current.is_dir()
    assert not old.exists() and (recent / "prefixes").is_dir()  # another digest's session may still use it
    assert kept_build_cache(tmp_path, "recent", now=now) == recent and (recent / "prefixes").is_dir()
