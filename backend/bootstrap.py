"""`python -m backend` from a bare checkout: the few packages a command needs, set up the way a build's
isolated environment is, once, in a virtual environment beside the checkout (`.backend-env/`).

`--help`, `settings` and `record` need only the standard library; `fetch`, `doctor`, `closure` and `pins`
need some of the backend's own build requirements. Nothing here imports a third-party module.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from .errors import BuildError

# import name -> requirement; the versions are those of [build-system].requires (a test keeps them equal).
PACKAGES = {
    "filelock": "filelock>=3.12",
    "platformdirs": "platformdirs>=3",
    "patch_ng": "patch-ng>=1.18",
    "tomli": "tomli>=2",
    "pefile": "pefile>=2023.2.7",
    "py7zr": "py7zr>=0.22",
    "delvewheel": "delvewheel>=1.10",  # its list of Windows' own DLLs, for the closure check
}
_TOML = ("tomli",) if sys.version_info < (3, 11) else ()  # tomllib is in the standard library from 3.11
COMMAND_NEEDS: dict[str, tuple[str, ...]] = {
    "fetch": ("filelock", "platformdirs", "patch_ng", *_TOML),
    "doctor": ("filelock", "platformdirs", "patch_ng", *_TOML, *(("pefile", "delvewheel") if os.name == "nt" else ())),
    "closure": ("pefile", "delvewheel", *_TOML),
    "pins": _TOML,
    "record": (),
    "settings": (),
}
ENV_FOLDER = ".backend-env"
REENTERED = "FFCV_WHEELS_BACKEND_ENV"  # set in the child, so that a broken environment never loops


def command_needs(command: str, argv: Sequence[str] = ()) -> tuple[str, ...]:
    """The modules `command` imports; fetching OpenCV's prebuilt release also unpacks it (py7zr)."""
    prebuilt = "deps=prebuilt" in argv or os.environ.get("FFCV_BUILD_DEPS") == "prebuilt"
    return COMMAND_NEEDS.get(command, ()) + (("py7zr",) if command == "fetch" and prebuilt else ())


def missing_modules(command: str, argv: Sequence[str] = ()) -> list[str]:
    return [name for name in command_needs(command, argv) if importlib.util.find_spec(name) is None]


def _env_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _run(args: Sequence[str], what: str, hint: str) -> None:
    result = subprocess.run(list(args), capture_output=True, text=True, errors="replace")
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise BuildError(f"{what} failed (exit code {result.returncode}):\n{tail}", hint)


def tools_environment(project_dir: Path, modules: Sequence[str], log_info) -> Path:
    """A virtual environment of this interpreter holding the requirements of `modules`; made once, in a
    temporary folder renamed into place when complete. Returns its python."""
    requirements = sorted(PACKAGES[name] for name in modules)
    tag = f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"
    key = hashlib.sha256("\n".join([sys.executable, *requirements]).encode()).hexdigest()[:12]
    final = project_dir / ENV_FOLDER / f"{tag}-{key}"
    if _env_python(final).is_file():
        return _env_python(final)
    install_line = (f"{Path(sys.executable).name} -m venv .venv, then .venv{os.sep}"
                    f"{'Scripts' if os.name == 'nt' else 'bin'}{os.sep}pip install {' '.join(requirements)} "
                    "and run python -m backend with that environment's python")
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    except OSError as exc:
        raise BuildError(f"Cannot make {final.parent} for the backend's tools ({exc}).",
                         f"Set them up yourself: {install_line}.") from exc
    try:
        log_info(f"python -m backend needs {', '.join(requirements)}: installing them once into {final}")
        _run([sys.executable, "-m", "venv", str(staging)], "Making a virtual environment",
             "On Debian/Ubuntu: apt-get install python3-venv (then run the command again).")
        _run([str(_env_python(staging)), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
              *requirements], f"pip install {' '.join(requirements)}",
             "Check your index settings (pip config list) and network, then run the command again.")
        try:
            staging.rename(final)
        except OSError:
            if not _env_python(final).is_file():  # another run finished first: use its environment
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return _env_python(final)


def run_in_tools_environment(project_dir: Path, command: str, argv: Sequence[str], log_info) -> int | None:
    """None if this interpreter has what `command` needs; else its exit code, run in the tools environment."""
    missing = missing_modules(command, argv)
    if not missing:
        return None
    if os.environ.get(REENTERED):
        raise BuildError(f"python -m backend {command} still lacks {', '.join(missing)} in its tools environment.",
                         f"Delete {project_dir / ENV_FOLDER} and run the command again.")
    python = tools_environment(project_dir, command_needs(command, argv), log_info)
    args = list(argv)
    if command == "doctor" and "--python" not in args:
        args += ["--python", sys.executable]  # the installed ffcv to inspect is the caller's, not the tools'
    env = {**os.environ, REENTERED: "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(project_dir), os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen([str(python), "-m", "backend", *args], env=env)
    try:
        return child.wait()
    except BaseException:
        # Stopped (SIGTERM, Ctrl-C): the child gets the same request and the time to clean up its own
        # downloads; subprocess.run would kill it outright.
        child.terminate()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
        raise
