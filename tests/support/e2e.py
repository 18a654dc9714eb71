"""Helpers of the end-to-end tests: run a command, copy the repository, a build environment, a runtime venv."""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

# This machine as wheel tags and Debian's folders name it (x86_64, aarch64...), and where its system libraries are.
MACHINE = sysconfig.get_platform().rpartition("-")[2]
SYSTEM_LIBDIR = Path("/usr/lib", sysconfig.get_config_var("MULTIARCH") or "")


def run(args: list[str], cwd: Path | None = None, env: dict | None = None, check: bool = True,
        timeout: int = 900) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-6000:]}")
    return result


def copy_repo(project_dir: Path, dest: Path) -> Path:
    """The files a user's clone has (tracked files, or the sdist's file list when there is no git)."""
    listed = subprocess.run(["git", "ls-files"], cwd=project_dir, capture_output=True, text=True)
    names = listed.stdout.split() if listed.returncode == 0 and listed.stdout else None
    if names is None:
        shutil.copytree(project_dir, dest, ignore=shutil.ignore_patterns(".venv*", "dist", "__pycache__"))
        return dest
    for name in names:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(project_dir / name, dest / name)
    return dest


def build_env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FFCV_BUILD_")}
    env["FFCV_BUILD_CACHE_DIR"] = str(cache)
    env["NO_COLOR"] = "1"
    return env


# ---- Interpreters and torch (issue 23): the Pythons this machine has, one torch download for every runtime venv.

SYSTEM_PYTHON = Path("/usr/bin/python3")  # Debian 12's 3.11, Ubuntu 24.04's 3.12: what a newcomer has


@functools.lru_cache(maxsize=None)
def _probe(python: str) -> tuple[int, int] | None:
    """(major, minor) of a CPython that can make venvs, or None (not there, a pyenv shim for a version pyenv
    lacks, Debian's python3.X without python3.X-venv)."""
    try:
        result = subprocess.run([python, "-c", "import sys, venv, ensurepip; print(sys.version_info[0], "
                                 "sys.version_info[1], sys.implementation.name)"],
                                capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    words = result.stdout.split()
    if result.returncode != 0 or len(words) != 3 or words[2] != "cpython":
        return None
    return int(words[0]), int(words[1])


def find_python(version: str) -> Path | None:
    """A CPython of this minor version ("3.12") that can make venvs: the system's python3 or python3.X first (what
    users have), then pyenv's (PYENV_ROOT or ~/.pyenv), then pythonX.Y on PATH; None if the machine has none."""
    wanted = tuple(int(part) for part in version.split("."))
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [SYSTEM_PYTHON, Path(f"/usr/bin/python{version}"),
                  *sorted(root.glob(f"versions/{version}.*/bin/python{version}"), reverse=True)]
    on_path = shutil.which(f"python{version}")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and _probe(str(candidate)) == wanted:
            return candidate
    return None


def how_to_get_python(version: str) -> str:
    return (f"no CPython {version} that can make venvs on this machine (looked for /usr/bin/python{version}, pyenv's "
            f"versions, python{version} on PATH): install one (`pyenv install {version}`, or your distribution's "
            f"python{version} and python{version}-venv) to run this test")


def python_for(version: str) -> Path:
    """find_python, or the test is skipped with a reason saying how to get that version."""
    import pytest

    found = find_python(version)
    if found is None:
        pytest.skip(how_to_get_python(version))
    return found


def runtime_python_version() -> str:
    """The runtime venvs' Python (FFCV imports torch: a torch wheel for it must exist): FFCV_TEST_RUNTIME_PYTHON
    ("3.12"), else the system python3's version (3.11 on Debian 12, 3.12 on Ubuntu 24.04), else the test venv's."""
    named = os.environ.get("FFCV_TEST_RUNTIME_PYTHON")
    if named:
        return named
    system = _probe(str(SYSTEM_PYTHON)) if SYSTEM_PYTHON.is_file() else None
    return "%d.%d" % (system or sys.version_info[:2])


RUNTIME_PYTHON = runtime_python_version()


def tests_cache() -> Path:
    """The suite's own cache, kept between runs: FFCV_TEST_CACHE, else ffcv-wheels-tests in the user cache."""
    import platformdirs

    return Path(os.environ.get("FFCV_TEST_CACHE")
                or platformdirs.user_cache_dir("ffcv-wheels-tests", appauthor=False))


@dataclass(frozen=True)
class TorchSource:
    """What the runtime venvs install torch from: `requirement` plus pip `options` (find-links), and where the
    wheel comes from, for the suite's first lines."""
    requirement: str
    options: tuple[str, ...]
    origin: str
    cpu: bool  # the CPU build (about 200 MB), not the CUDA one (about 3 GB with its nvidia packages)


def _pip_find_links() -> list[Path]:
    listed = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True).stdout
    folders = re.findall(r"find-links='([^']*)'", listed) + os.environ.get("PIP_FIND_LINKS", "").split()
    return [Path(folder) for folder in folders if folder and Path(folder).is_dir()]


def _torch_wheels(folder: Path, tag: str) -> list[Path]:
    return sorted(folder.glob(f"torch-*-{tag}-{tag}-*linux*_{MACHINE}.whl"))


def _version_of(wheel: Path) -> str:
    return wheel.name.split("-")[1]


@functools.lru_cache(maxsize=None)
def torch_source(download: bool = False) -> TorchSource:
    """torch for RUNTIME_PYTHON, downloaded at most once for every runtime venv and every run:
    1. FFCV_TEST_TORCH: a wheel file, or a requirement as pip takes it;
    2. a torch wheel in pip's find-links folders (a machine that keeps one on its disk);
    3. a torch wheel in the suite's cache (tests_cache()/torch), downloaded there by an earlier run;
    4. (with `download`) one downloaded there now: from FFCV_TEST_TORCH_INDEX (name PyTorch's CPU index, from
       pytorch.org's install page: the CPU build) or else the index pip is set up for (on Linux x86_64 that is
       the CUDA build, about 3 GB with its nvidia packages).
    Without `download` (the suite's first lines), 4. is described, not done."""
    tag = "cp" + RUNTIME_PYTHON.replace(".", "")
    named = os.environ.get("FFCV_TEST_TORCH")
    if named:
        path = Path(named)
        if path.suffix == ".whl":
            if not path.is_file():
                raise FileNotFoundError(f"FFCV_TEST_TORCH names {path}, which does not exist")
            return TorchSource(str(path.resolve()), (), f"{path} (FFCV_TEST_TORCH)", "+cpu" in path.name)
        return TorchSource(named, (), f"{named} (FFCV_TEST_TORCH)", "+cpu" in named)
    for folder in _pip_find_links():
        wheels = _torch_wheels(folder, tag)
        if wheels:
            return TorchSource(f"torch=={_version_of(wheels[-1])}", (), f"{wheels[-1]} (pip's find-links)",
                               "+cpu" in wheels[-1].name)
    folder = tests_cache() / "torch"
    index = os.environ.get("FFCV_TEST_TORCH_INDEX")
    wheels = _torch_wheels(folder, tag)
    if not wheels and download:
        from filelock import FileLock

        folder.mkdir(parents=True, exist_ok=True)
        with FileLock(str(folder) + ".lock", timeout=3600):
            wheels = _torch_wheels(folder, tag)
            if not wheels:
                command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                           "--no-deps", "--only-binary=:all:", "--python-version", RUNTIME_PYTHON,
                           "--platform", f"manylinux_2_28_{MACHINE}", "--dest", str(folder), "torch"]
                if index:
                    command[5:5] = ["--index-url", index]
                run(command, timeout=3600)
                wheels = _torch_wheels(folder, tag)
                assert wheels, f"pip downloaded no {tag} torch wheel into {folder}"
    if wheels:
        return TorchSource(f"torch=={_version_of(wheels[-1])}", ("--find-links", str(folder)),
                           f"{wheels[-1]} (the suite's cache)", "+cpu" in wheels[-1].name)
    if index:
        return TorchSource("torch", (), f"FFCV_TEST_TORCH_INDEX={index}, downloaded once into {folder}", True)
    return TorchSource("torch", (), f"the index pip is set up for, downloaded once into {folder} (on Linux x86_64 "
                       "the CUDA build, about 3 GB with its nvidia packages: set FFCV_TEST_TORCH_INDEX to PyTorch's "
                       "CPU index, or FFCV_TEST_TORCH to a CPU wheel, for the 200 MB one)", False)


def torch_install_args() -> list[str]:
    """pip install arguments that give a runtime venv torch (downloading it first if need be)."""
    source = torch_source(download=True)
    return [*source.options, source.requirement]


def install_wheel(python: Path, wheel: Path) -> Path:
    """The wheel with its dependencies (from the index), replacing any ffcv installed before."""
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *torch_install_args(), wheel],
        timeout=1200)
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--force-reinstall", wheel])
    return python


def roundtrip(python: Path, workdir: Path, env: dict | None = None) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    script = Path(__file__).parent / "ffcv_roundtrip.py"
    # From a temporary folder, so nothing of the checkout can be imported instead of the wheel.
    result = run([python, script, workdir], cwd=workdir, env=env, timeout=600)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stdout + result.stderr
    return json.loads(lines[-1][len("RESULT "):])


def without_libgl(folder: Path) -> dict[str, str]:
    """An environment in which libGL.so.1 cannot be loaded, as in a slim container or on a headless server: a
    file of that name that is no library, first on the dynamic loader's search path (LD_LIBRARY_PATH comes before
    RUNPATH, ld.so.cache and the system folders, and a file that is not ELF stops the search with an error)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "libGL.so.1").write_text("not a library: libGL.so.1 is unloadable here\n")
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = os.pathsep.join([str(folder), *filter(None, [env.get("LD_LIBRARY_PATH")])])
    return env
