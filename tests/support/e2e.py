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
from pathlib import Path

RUNTIME_PYTHON = "3.11"  # the runtime venvs' Python (FFCV imports torch: a torch wheel for it must exist)
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


@functools.lru_cache(maxsize=None)
def torch_requirement() -> str:
    """torch pinned to the wheel for RUNTIME_PYTHON in pip's find-links folders (this machine's disk: no
    download of hundreds of MB), else plain `torch`; FFCV_TEST_TORCH overrides both."""
    if os.environ.get("FFCV_TEST_TORCH"):
        return os.environ["FFCV_TEST_TORCH"]
    listed = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True).stdout
    folders = re.findall(r"find-links='([^']*)'", listed) + os.environ.get("PIP_FIND_LINKS", "").split()
    tag = "cp" + RUNTIME_PYTHON.replace(".", "")
    wheels = sorted(wheel.name for folder in folders if folder and Path(folder).is_dir()
                    for wheel in Path(folder).glob(f"torch-*-{tag}-{tag}-*.whl"))
    return f"torch=={wheels[-1].split('-')[1]}" if wheels else "torch"


def python_for(version: str) -> Path:
    """A CPython of this minor version from pyenv (the machine image has 3.10 to 3.13)."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    found = sorted(root.glob(f"versions/{version}.*/bin/python{version}"))
    assert found, f"no CPython {version} under {root}/versions (the machine image should have it)"
    return found[-1]


def install_wheel(python: Path, wheel: Path) -> Path:
    """The wheel with its dependencies (from the index), replacing any ffcv installed before."""
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", torch_requirement(), wheel], timeout=1200)
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
