"""The suite's own set-up checks and reports (issue 23), called from conftest's hooks:

- once the tests are collected (before any runs): which tiers run, how many tests and about how long each tier
  takes here; the tiers' Debian packages checked (tests/run installs them as root; otherwise one line says what
  to run); the arm64 runtime's needs checked before minutes go into building the aarch64 wheel; the Pythons
  and the torch the end-to-end tests will use;
- at the end: what was skipped, grouped by reason;
- each passed test's duration kept in pytest's cache, so that the next run's estimates are this machine's own.
"""
from __future__ import annotations

import os
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import pytest

PACKAGES_FILE = Path(__file__).resolve().parents[1] / "debian-packages.txt"
# Tiers in the order they are reported; a test's tier is the first of these whose marker it has, else "fast".
TIERS = ("release", "qemu", "wine", "e2e")
# Minutes a whole tier took on this project's 2-core machine with empty user caches (benchmarks/MEASUREMENTS.md,
# Test suite): the estimate until this machine has timed the tests itself.
# Measured in a clean-clone `.ci/run` with empty caches on an idle machine, 2026-12-07 (45 min in all).
REFERENCE_MINUTES = {"fast": 1.5, "e2e": 10.0, "wine": 24.0, "qemu": 10.0, "release": 22.0}
REFERENCE_TESTS = {"fast": 435, "e2e": 38, "wine": 19, "qemu": 3, "release": 1}  # the tests those minutes ran (one release test runs the twelve files)
DURATIONS_KEY = "ffcv-wheels/durations"
WANTED_PYTHONS = ("3.12", "3.13")  # test_e2e's builds on Pythons without distutils


def tier_of(item: pytest.Item) -> str:
    return next((tier for tier in TIERS if item.get_closest_marker(tier)), "fast")


def debian_packages() -> dict[str, list[str]]:
    """tests/debian-packages.txt as {tier: [package, ...]}."""
    tiers: dict[str, list[str]] = defaultdict(list)
    for line in PACKAGES_FILE.read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) >= 2:
            tiers[words[1]].append(words[0])
    return dict(tiers)


def missing_packages(packages: list[str]) -> list[str] | None:
    """The packages dpkg does not have installed; None where there is no dpkg (not Debian/Ubuntu)."""
    missing = []
    for package in packages:
        try:
            status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
        except FileNotFoundError:
            return None
        if status.stdout != "install ok installed":
            missing.append(package)
    return missing


def _minutes(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


def estimates(items: list[pytest.Item], recorded: dict[str, float]) -> dict[str, tuple[int, float, bool]]:
    """{tier: (tests, seconds, from this machine's own timings)}. A test this machine has timed counts its last
    time; the others the tier's reference minutes per test."""
    by_tier: dict[str, list[pytest.Item]] = defaultdict(list)
    for item in items:
        by_tier[tier_of(item)].append(item)
    result = {}
    for tier, members in by_tier.items():
        known = [recorded[item.nodeid] for item in members if item.nodeid in recorded]
        unknown = len(members) - len(known)
        share = REFERENCE_MINUTES[tier] * 60 / REFERENCE_TESTS[tier]
        result[tier] = (len(members), sum(known) + unknown * share, unknown == 0)
    return result


def report_and_check(session: pytest.Session) -> None:
    """The suite's first lines (after pytest's own header), and the checks that must come before any test."""
    items = session.items
    if not items:
        return
    config = session.config
    say = config.pluginmanager.get_plugin("terminalreporter").write_line
    cache = getattr(config, "cache", None)  # None with -p no:cacheprovider
    recorded = cache.get(DURATIONS_KEY, {}) if cache else {}
    tiers = estimates(items, recorded)
    # Collected release tests are skipped unless asked for (conftest's release tier): they do not run, so they
    # count neither in the tiers that run nor in the time.
    release_on = os.environ.get("FFCV_TEST_RELEASE", "") == "1" or bool(config.getoption("release", False))
    skipped_release = None if release_on else tiers.pop("release", None)
    order = ("fast", "e2e", "wine", "qemu", "release")
    parts = [f"{tier} {count} test{'s' if count != 1 else ''}, about {_minutes(seconds)}" + ("" if own else "*")
             for tier in order if tier in tiers for count, seconds, own in [tiers[tier]]]
    total = sum(seconds for _, seconds, _ in tiers.values())
    say(f"[INFO] Tiers that run: {'; '.join(parts)} (about {_minutes(total)} in all)")
    if not all(own for _, _, own in tiers.values()):
        say("[INFO]   * with empty caches on this project's 2-core machine (benchmarks/MEASUREMENTS.md); "
            "after a run, this machine's own times")
    left_out = [tier for tier in order if tier not in tiers and not (tier == "release" and skipped_release)]
    if skipped_release:
        count = skipped_release[0]
        say(f"[INFO] Skipped: release {count} test{'s' if count != 1 else ''} (bash tests/run --release runs them)")
    if left_out:
        release = " (bash tests/run --release runs the release tier)" if "release" in left_out else ""
        say(f"[INFO] Not selected: {', '.join(left_out)}{release}")
    _check_packages(tiers, say)
    if "qemu" in tiers:
        _check_arm64(items, say)
    if any(tier in tiers for tier in ("e2e", "qemu", "release")):
        _report_pythons_and_torch(say)


def _check_packages(tiers: dict, say) -> None:
    wanted = debian_packages()
    needed = wanted.get("all", []) + [p for tier in ("wine", "qemu") if tier in tiers for p in wanted.get(tier, [])]
    missing = missing_packages(needed)
    if missing is None:
        say("[WARN] Not a Debian/Ubuntu system: the packages of tests/debian-packages.txt are not checked")
    elif missing:
        sudo = "" if os.geteuid() == 0 else "sudo "
        leave = [tier for tier in ("wine", "qemu") if set(missing) & set(wanted.get(tier, []))]
        hint = f" (or leave out {' and '.join(leave)}: -m \"{' and '.join('not ' + t for t in leave)}\")" if leave else ""
        pytest.exit(f"[ERROR] Debian packages the selected tests need are missing; run: {sudo}apt-get install -y "
                    f"--no-install-recommends {' '.join(missing)}{hint}", returncode=4)


def _check_arm64(items: list[pytest.Item], say) -> None:
    """The arm64 runtime's needs, before any aarch64 wheel is built. Without them the qemu tests are skipped with
    the reason; in CI (CI set) that is an error instead: CI must prove the aarch64 wheel."""
    from support.arm64 import Arm64Unavailable, ensure_binfmt

    if os.geteuid() != 0:
        reason = ("needs root (debootstrap, chroot and mounts make and run the arm64 Debian root): run the suite "
                  "as root to run it")
    else:
        try:
            ensure_binfmt()
            return
        except Arm64Unavailable as exc:
            reason = f"no arm64 runtime here: {exc}"
    if os.environ.get("CI"):
        pytest.exit(f"[ERROR] The qemu tests cannot run: {reason}", returncode=4)
    say(f"[WARN] qemu tests skipped: {reason}")
    for item in items:
        if tier_of(item) == "qemu":
            item.add_marker(pytest.mark.skip(reason=reason))


def _report_pythons_and_torch(say) -> None:
    from support.e2e import RUNTIME_PYTHON, find_python, torch_source

    found = {version: find_python(version) for version in (RUNTIME_PYTHON, *WANTED_PYTHONS)}
    listed = ", ".join(f"{version} {path or 'none (its tests are skipped)'}" for version, path in found.items())
    say(f"[INFO] Pythons: {listed}")
    try:
        source = torch_source()
    except FileNotFoundError as exc:
        pytest.exit(f"[ERROR] {exc}", returncode=4)
    label = "[INFO]" if source.cpu else "[WARN]"
    say(f"{label} torch for the runtime venvs ({RUNTIME_PYTHON}): {source.origin}")


# This session's times by test, and the tests that did not pass (their times say nothing of the next run).
_DURATIONS: dict[str, float] = {}
_UNTIMED: set[str] = set()


def record_duration(report: pytest.TestReport) -> None:
    _DURATIONS[report.nodeid] = _DURATIONS.get(report.nodeid, 0.0) + report.duration
    if report.failed or report.skipped:
        _UNTIMED.add(report.nodeid)


def save_durations(config: pytest.Config) -> None:
    """Passed tests' times (set-up, call, tear-down), merged into the ones kept from earlier runs."""
    cache = getattr(config, "cache", None)
    if not cache:
        return
    timed = {nodeid: seconds for nodeid, seconds in _DURATIONS.items() if nodeid not in _UNTIMED}
    if timed:
        cache.set(DURATIONS_KEY, {**cache.get(DURATIONS_KEY, {}), **timed})


def skip_summary(terminalreporter) -> None:
    """What was skipped, one line per reason with its count (pytest's -ra lists them test by test above)."""
    reasons: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
        reasons[reason.removeprefix("Skipped: ")] += 1
    if not reasons:
        return
    terminalreporter.section("skipped, and why")
    for reason, count in reasons.most_common():
        terminalreporter.write_line(f"{count:4d}  {reason}")
