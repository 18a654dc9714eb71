"""tests/run's own set-up and the suite's first lines (issue 23): the Debian packages installed as root or named
in one line otherwise, --release, the Pythons found on the machine (a missing one is a skip saying how to get
it), torch taken from one place for every runtime venv, the tiers' estimates. apt-get, dpkg-query and id are
stand-ins on PATH that answer as the real ones do; the venv's python is a stand-in that prints its arguments."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from support import e2e, preflight


def stand_ins(folder: Path, installed: set[str], uid: int) -> dict[str, str]:
    """dpkg-query answering from `installed`, apt-get recording its arguments, id -u saying `uid`, and a venv
    whose python prints its arguments and FFCV_TEST_RELEASE."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(parents=True)
    scripts = {
        "dpkg-query": f'for p in "$@"; do :; done; case " {" ".join(sorted(installed))} " in '
                      '*" $p "*) printf "install ok installed";; *) echo "dpkg-query: no packages found matching $p" >&2; '
                      'exit 1;; esac',
        "apt-get": f'echo "apt-get $*" >> {folder}/apt.log',
        "id": f'[ "$1" = -u ] && echo {uid} || exec /usr/bin/id "$@"',
    }
    for name, body in scripts.items():
        (bin_dir / name).write_text(f"#!/bin/bash\n{body}\n")
        (bin_dir / name).chmod(0o755)
    python = folder / "venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text('#!/bin/bash\n[ "$2" = pip ] && exit 0\necho "pytest args: $* release=${FFCV_TEST_RELEASE:-}"\n')
    python.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FFCV_TEST_VENV": str(folder / "venv")}


def run_tests_run(project_dir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(project_dir / "tests" / "run"), *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_as_another_user_missing_packages_stop_with_the_one_line_to_run(project_dir: Path, tmp_path: Path) -> None:
    everything = {p for packages in preflight.debian_packages().values() for p in packages}
    env = stand_ins(tmp_path, everything - {"pkg-config", "7zip", "wine64"}, uid=1000)
    result = run_tests_run(project_dir, env, "-m", "not e2e")
    assert result.returncode == 1
    # wine64 belongs to the wine tier: the suite checks it once it knows whether Wine tests run.
    assert result.stderr.strip().splitlines() == [
        "[ERROR] The test suite needs Debian packages that are missing; run: "
        "sudo apt-get install -y --no-install-recommends pkg-config 7zip"], result.stderr
    assert not (tmp_path / "apt.log").exists() and "pytest args" not in result.stdout


def test_as_root_the_missing_packages_are_installed_then_pytest_gets_the_arguments(project_dir: Path,
                                                                                    tmp_path: Path) -> None:
    env = stand_ins(tmp_path, {"g++", "git", "nasm"}, uid=0)
    result = run_tests_run(project_dir, env, "-x", "--release", "-k", "zig")
    assert result.returncode == 0, result.stderr
    apt = (tmp_path / "apt.log").read_text().splitlines()
    assert apt[0] == "apt-get update -qq"
    installed = apt[1].split()
    assert installed[:5] == ["apt-get", "install", "-y", "-qq", "--no-install-recommends"]
    everything = [p for packages in preflight.debian_packages().values() for p in packages]
    assert sorted(installed[5:]) == sorted(set(everything) - {"g++", "git", "nasm"})
    assert "pytest args: -m pytest -x -k zig release=1" in result.stdout


def test_nothing_is_installed_when_nothing_is_missing(project_dir: Path, tmp_path: Path) -> None:
    everything = {p for packages in preflight.debian_packages().values() for p in packages}
    result = run_tests_run(project_dir, stand_ins(tmp_path, everything, uid=0))
    assert result.returncode == 0 and not (tmp_path / "apt.log").exists(), result.stderr
    assert "pytest args: -m pytest release=" in result.stdout


def fake_python(path: Path, answer: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho '{answer}'\n")
    path.chmod(0o755)
    return path


def test_pythons_are_found_in_pyenv_and_a_missing_one_is_a_skip_saying_how_to_get_it(tmp_path: Path,
                                                                                     monkeypatch) -> None:
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "pyenv"))
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    good = fake_python(tmp_path / "pyenv" / "versions" / "3.98.2" / "bin" / "python3.98", "3 98 cpython")
    fake_python(tmp_path / "pyenv" / "versions" / "3.97.0" / "bin" / "python3.97", "3 97 pypy")
    assert e2e.find_python("3.98") == good
    assert e2e.find_python("3.97") is None  # not a CPython
    with pytest.raises(pytest.skip.Exception, match=r"no CPython 3\.97 .*`pyenv install 3\.97`"):
        e2e.python_for("3.97")


def test_torch_comes_from_one_place_for_every_runtime_venv(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(e2e, "RUNTIME_PYTHON", "3.98")  # no find-links folder has a cp398 wheel
    monkeypatch.setenv("FFCV_TEST_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("FFCV_TEST_TORCH", raising=False)
    monkeypatch.delenv("FFCV_TEST_TORCH_INDEX", raising=False)
    e2e.torch_source.cache_clear()
    source = e2e.torch_source()  # nothing known yet, no download asked for: described
    assert source.requirement == "torch" and not source.cpu and "FFCV_TEST_TORCH_INDEX" in source.origin
    folder = tmp_path / "cache" / "torch"
    folder.mkdir(parents=True)
    (folder / f"torch-2.5.1+cpu-cp398-cp398-manylinux_2_28_{e2e.MACHINE}.whl").write_bytes(b"")
    e2e.torch_source.cache_clear()
    source = e2e.torch_source(download=True)  # a wheel there: no second download
    assert (source.requirement, source.options, source.cpu) == ("torch==2.5.1+cpu", ("--find-links", str(folder)), True)
    wheel = tmp_path / "torch-2.6.0+cpu-cp398-cp398-linux_x86_64.whl"
    wheel.write_bytes(b"")
    monkeypatch.setenv("FFCV_TEST_TORCH", str(wheel))
    e2e.torch_source.cache_clear()
    assert e2e.torch_install_args() == [str(wheel)]
    monkeypatch.setenv("FFCV_TEST_TORCH", str(tmp_path / "absent.whl"))
    e2e.torch_source.cache_clear()
    with pytest.raises(FileNotFoundError, match="absent.whl"):
        e2e.torch_source()
    e2e.torch_source.cache_clear()


def item(nodeid: str, *markers: str) -> SimpleNamespace:
    return SimpleNamespace(nodeid=nodeid, get_closest_marker=lambda name: name if name in markers else None)


def test_estimates_use_this_machines_times_once_it_has_them() -> None:
    items = [item("a"), item("b"), item("c", "e2e", "network"), item("d", "wine", "e2e"), item("e", "qemu", "e2e")]
    first = preflight.estimates(items, {})
    per_test = preflight.REFERENCE_MINUTES["fast"] * 60 / preflight.REFERENCE_TESTS["fast"]
    assert first["fast"] == (2, pytest.approx(2 * per_test), False)
    assert {tier: count for tier, (count, _, _) in first.items()} == {"fast": 2, "e2e": 1, "wine": 1, "qemu": 1}
    later = preflight.estimates(items, {"a": 1.5, "b": 2.5, "c": 100.0})
    assert later["fast"] == (2, 4.0, True) and later["e2e"] == (1, 100.0, True) and not later["wine"][2]
