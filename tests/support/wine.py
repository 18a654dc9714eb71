"""Run Windows ffcv wheels under Wine on Linux: a Windows CPython with ffcv's dependencies, and a prefix.

The runtime is python.org's embeddable CPython (pinned in vendor_scripts/pins.toml [windows.python])
copied into cache/wine-runtime/<key>/python, with the win_amd64 wheels of wine-requirements.txt in its
Lib/site-packages. It is built in a temporary folder and renamed into place when complete, so an
interrupted prepare leaves nothing that is trusted; a second prepare only checks a marker file.

Paths: Wine maps the Linux root to drive Z:, so a Windows program resolves "/tmp/x" to Z:\\tmp\\x as
long as its current drive is Z: (it is when the working folder is a Linux path, as here). run()
turns pathlib.Path arguments into explicit Z:\\ paths anyway, which works whatever the drive; plain
strings are passed as they are.

CLI:  python tests/support/wine.py prepare | run SCRIPT [ARGS...] | install WHEEL   [--cache DIR]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from filelock import FileLock

PROJECT_DIR = Path(__file__).resolve().parents[2]
if str(PROJECT_DIR) not in sys.path:  # run as a script: the backend pins and fetches the Windows CPython
    sys.path.insert(0, str(PROJECT_DIR))
from backend.log import Log  # noqa: E402
from backend.pipeline import make_context  # noqa: E402
from backend.toolchains.windows_python import embeddable_python, windows_python_pin  # noqa: E402

REQUIREMENTS = Path(__file__).with_name("wine-requirements.txt")
BACKEND_REQUIREMENTS = Path(__file__).with_name("wine-backend-requirements.txt")
WINE = Path("/usr/lib/wine/wine64")  # Debian's wine64 package; not on PATH
SCHEMA = 3  # bump when the layout of the runtime folder changes
MARKER = "ffcv-wheels-wine-runtime.txt"


def pip_target_flags(python_version: str) -> list[str]:
    """pip install --target flags for win_amd64 wheels of CPython `python_version` ('3.12')."""
    tag = "cp" + python_version.replace(".", "")
    return ["--platform", "win_amd64", "--python-version", python_version, "--implementation", "cp",
            "--abi", tag, "--only-binary=:all:", "--no-deps",
            "--no-compile"]  # the host's .pyc are for its own Python; python.exe writes its own


PIP_TARGET_FLAGS = pip_target_flags("3.12")


@dataclass(frozen=True)
class RuntimeKind:
    """What a runtime holds: a pinned Windows CPython ([windows.python] series; None: the default one) and the
    win_amd64 wheels of a requirements file."""
    series: str | None
    requirements: Path
    # The embeddable build's ._pth file fixes sys.path (no script folder, no PYTHONPATH). The backend's runtime
    # drops it, so that python.exe finds modules as a python.org installation does (current folder first for -m).
    keep_pth: bool = True
    msvcp_from_numpy: bool = True  # torch needs msvcp140.dll beside python.exe (see _add_msvc_runtime)


# ffcv's wheel with torch, numba, ... (CPython 3.12); the backend itself (CPython 3.10.11, its pure-Python needs).
FFCV_RUNTIME = RuntimeKind(None, REQUIREMENTS)
BACKEND_RUNTIME = RuntimeKind("3.10", BACKEND_REQUIREMENTS, keep_pth=False, msvcp_from_numpy=False)


class WineMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class WineRuntime:
    """Paths of a prepared runtime: the Windows CPython folder and the Wine prefix it runs in."""
    python_dir: Path
    prefix: Path
    wine: Path = WINE

    @property
    def python_exe(self) -> Path:
        return self.python_dir / "python.exe"

    @property
    def site_packages(self) -> Path:
        return self.python_dir / "Lib" / "site-packages"

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        # The host's PYTHON* settings are for the Linux interpreter: keep them away from python.exe.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(WINEDEBUG="-all", WINEPREFIX=str(self.prefix),
                   # Microsoft's C++ runtime, not Wine 8's: with Wine's own, a C++ exception that torch
                   # catches and turns into a RuntimeError (e.g. Tensor.pin_memory() without CUDA, which
                   # ffcv calls) is destroyed twice and crashes the process. And no winedbg: it hangs
                   # a crashed process forever; without it the process exits with an error code.
                   WINEDLLOVERRIDES="vcruntime140,vcruntime140_1,msvcp140=n,b;winedbg.exe=d",
                   KMP_AFFINITY="disabled",  # torch's Intel OpenMP aborts on Wine's NUMA calls otherwise
                   PYTHONUTF8="1")  # Wine's console code page would otherwise garble non-ASCII output
        env.update(extra or {})
        return env

    def run(self, args: Sequence[str | Path], cwd: Path | None = None, env_extra: Mapping[str, str] | None = None,
            timeout: float = 900) -> subprocess.CompletedProcess[str]:
        """`python.exe ARGS` under Wine; Path arguments become Z:\\ paths. Does not check the exit code."""
        command = [str(self.wine), str(self.python_exe)] + [wine_path(a) if isinstance(a, Path) else a for a in args]
        # stdout/stderr must be pipes: with regular files CPython's init_sys_streams fails under Wine.
        # A session of its own, so that a timeout ends the whole tree (spawned workers included).
        with subprocess.Popen(command, cwd=cwd, env=self.env(env_extra), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                              errors="replace", start_new_session=True) as process:
            try:
                stdout, stderr = process.communicate(timeout=timeout)
            except BaseException as exc:  # a timeout, or Ctrl-C in pytest: leave no Windows process behind
                os.killpg(process.pid, signal.SIGKILL)
                stdout, stderr = process.communicate()
                if isinstance(exc, subprocess.TimeoutExpired):
                    raise subprocess.TimeoutExpired(command, timeout, stdout, stderr) from None
                raise
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)

    def install_ffcv(self, wheel: Path) -> None:
        """Replace any installed ffcv by `wheel` (win_amd64), without its dependencies."""
        for record in self.site_packages.glob("ffcv-*.dist-info/RECORD"):
            # Top-level entries of the old install: ffcv/, ffcv-X.dist-info/ and delvewheel's ffcv.libs/.
            tops = {line.split("/", 1)[0] for line in record.read_text(encoding="utf-8").splitlines() if line}
            for top in tops | {record.parent.name}:
                path = self.site_packages / top
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink(missing_ok=True)
        pip(["install", "--target", str(self.site_packages), *PIP_TARGET_FLAGS, "--upgrade", str(wheel)])


def wine_path(path: Path) -> str:
    """The Windows name of a Linux path through drive Z: (Wine's default mapping of /)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def check_wine(wine: Path = WINE) -> None:
    if not os.access(wine, os.X_OK):
        raise WineMissing(f"{wine} not found: install Wine with "
                          "`apt-get install -y --no-install-recommends wine64`.")


def pip(args: Sequence[str]) -> None:
    # The host's pip downloads and installs the Windows wheels; its output is shown only on failure.
    result = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
                            capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(f"pip {' '.join(args)} failed ({result.returncode}):\n"
                           f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}")


def runtime_key(python_sha256: str, requirements: str) -> str:
    return hashlib.sha256(f"{SCHEMA}\n{python_sha256}\n{requirements}".encode()).hexdigest()[:16]


def _configure_python(python_dir: Path, keep_pth: bool = True) -> None:
    (pth,) = python_dir.glob("python3*._pth")
    if keep_pth:  # with a ._pth file CPython ignores PYTHONPATH: the file itself must list site-packages
        pth.write_text("\n".join([pth.stem + ".zip", ".", "Lib\\site-packages", "import site", ""]), encoding="utf-8")
    else:  # without it python.exe finds python3XY.zip beside itself and Lib\site-packages under its folder
        pth.unlink()
    # Wine 8 lacks propsys.VariantToString, which _wmi needs; without _wmi, platform falls back.
    wmi = python_dir / "_wmi.pyd"
    if wmi.exists():
        wmi.rename(python_dir / "_wmi.pyd.disabled")


def _add_msvc_runtime(python_dir: Path) -> None:
    # CPython ships Microsoft's vcruntime140(_1).dll but not msvcp140.dll, which torch imports; numpy's
    # wheel carries one (renamed by delvewheel). Beside python.exe it is found first (see env()).
    found = sorted((python_dir / "Lib" / "site-packages" / "numpy.libs").glob("msvcp140-*.dll"))
    if not found:
        raise RuntimeError(f"no msvcp140-*.dll in numpy.libs under {python_dir}: pick a numpy wheel that has one.")
    shutil.copyfile(found[0], python_dir / "msvcp140.dll")


def _ensure_prefix(prefix: Path, wine: Path) -> None:
    # Made once (6 to 11 s) and reused; the marker is written only after wine initialised it.
    marker = prefix / MARKER
    with FileLock(str(prefix) + ".lock", timeout=900):
        if marker.is_file():
            return
        shutil.rmtree(prefix, ignore_errors=True)
        prefix.parent.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "WINEDEBUG": "-all", "WINEPREFIX": str(prefix)}
        result = subprocess.run([str(wine), "cmd", "/c", "exit"], env=env, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise RuntimeError(f"Making the Wine prefix {prefix} failed:\n{result.stdout}\n{result.stderr}")
        marker.write_text("ready\n", encoding="utf-8")


def prepare(cache: Path, project_dir: Path = PROJECT_DIR, requirements: Path | None = None,
            wine: Path = WINE, kind: RuntimeKind = FFCV_RUNTIME) -> WineRuntime:
    """The runtime for this cache: built on first use (about 20 s with a fast index, 1.5 GB on disk with
    the prefix), then found in well under a second. Changing the requirements file or SCHEMA builds a new one.
    All runtimes share one Wine prefix."""
    check_wine(wine)
    ctx = make_context({"cache-dir": str(cache)}, project_dir=project_dir, environ={}, log=Log(colour=False))
    requirements = requirements or kind.requirements
    text = requirements.read_text(encoding="utf-8")
    root = cache / "wine-runtime"
    pin = windows_python_pin(ctx, kind.series)
    final = root / runtime_key(pin.sha256, text)  # a kind's own CPython and requirements file keep keys apart
    root.mkdir(parents=True, exist_ok=True)
    with FileLock(str(final) + ".lock", timeout=1800):
        if not (final / MARKER).is_file():
            for stale in root.glob(f".{final.name}.*"):  # left by an interrupted prepare (we hold the lock)
                shutil.rmtree(stale, ignore_errors=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=root))
            staging.chmod(0o755)  # mkdtemp makes it private
            try:
                # The cached original stays as it is.
                shutil.copytree(embeddable_python(ctx, kind.series), staging / "python")
                _configure_python(staging / "python", kind.keep_pth)
                site = staging / "python" / "Lib" / "site-packages"
                flags = pip_target_flags(".".join(pin.version.split(".")[:2]))
                pip(["install", "--target", str(site), *flags, "-r", str(requirements)])
                if kind.msvcp_from_numpy:
                    _add_msvc_runtime(staging / "python")
                (staging / MARKER).write_text(text, encoding="utf-8")
                shutil.rmtree(final, ignore_errors=True)
                os.replace(staging, final)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    prefix = root / "prefix"
    _ensure_prefix(prefix, wine)
    return WineRuntime(python_dir=final / "python", prefix=prefix, wine=wine)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="cache folder (default: the backend's, as a build uses it)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("prepare", help="build or find the runtime; prints its python.exe")
    run_parser = commands.add_parser("run", help="run a Python script under Wine")
    run_parser.add_argument("script", type=Path)
    run_parser.add_argument("args", nargs=argparse.REMAINDER)
    install_parser = commands.add_parser("install", help="install a win_amd64 ffcv wheel into the runtime")
    install_parser.add_argument("wheel", type=Path)
    options = parser.parse_args(argv)

    cache = options.cache or make_context({}, project_dir=PROJECT_DIR, log=Log(colour=False)).cache_dir
    runtime = prepare(cache.resolve())
    if options.command == "prepare":
        print(runtime.python_exe)
    elif options.command == "install":
        runtime.install_ffcv(options.wheel.resolve())
        print(f"installed {options.wheel.name} into {runtime.site_packages}")
    else:
        result = runtime.run([options.script.resolve(), *options.args], cwd=Path.cwd(), timeout=3600)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
