"""Cold and warm `python -m build --wheel -C deps=source` of every route, side by side in one run: the Linux
build with this machine's compiler and zig's cross builds (win_amd64, manylinux_2_17_aarch64, macosx_11_0_arm64),
for this checkout and, with --before REF, for an earlier commit (`git archive`), alternating so that load hits
both alike.

Cold: a fresh XDG_CACHE_HOME (zig's own cache of its runtime for the target, pip's cache) and a fresh backend
cache (FFCV_BUILD_CACHE_DIR: sources, built OpenCV and libjpeg-turbo). Warm: the same build again on those
caches. Each line gives wall-clock seconds, CPU seconds of the build's processes (user+sys, all children) and
the load average (1 min) at start and end: on a shared machine compare CPU seconds, and wall time only between
runs of one table. Needs `build` in this Python; the sources come from the package index pip is set up for.

    python benchmarks/routes.py [--routes linux,win_amd64,aarch64,macos] [--before REF] [--no-warm]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

# Route name -> the -C settings of its build (deps=source everywhere: the provider whose cost this measures).
ROUTES = {
    "linux": [],
    "win_amd64": ["toolchain=zig", "target=win_amd64"],
    "aarch64": ["toolchain=zig", "target=manylinux_2_17_aarch64"],
    "macos": ["toolchain=zig", "target=macosx_11_0_arm64"],
}


# The runtime archives zig builds for a target into its cache (Windows: .lib, elsewhere .a): each should be
# built once per target; a second copy means two commands of one build linked in different modes.
RUNTIME_ARCHIVES = ("c++", "c++abi", "compiler_rt", "unwind", "mingw32", "ubsan_rt", "c_nonshared")


@dataclass
class Result:
    wall: float
    cpu: float
    load: tuple[float, float]
    wheel_kib: int
    runtimes: str = ""


def zig_runtimes(xdg_cache: Path) -> str:
    """How many copies of each zig runtime archive the cache holds, e.g. "c++ 1, compiler_rt 1"."""
    counts = {}
    for path in xdg_cache.rglob("*"):
        stem = path.name.removeprefix("lib").removesuffix(".a").removesuffix(".lib")
        if path.suffix in (".a", ".lib") and stem in RUNTIME_ARCHIVES:
            counts[stem] = counts.get(stem, 0) + 1
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(tree: Path, settings: list[str], cache: Path, out: Path, log: Path) -> Result:
    """One `python -m build --wheel` of `tree` with `settings`, caches under `cache`."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache / "xdg"), "FFCV_BUILD_CACHE_DIR": str(cache / "backend"),
           "NO_COLOR": "1"}
    options = [item for setting in ["deps=source", *settings] for item in ("-C", setting)]
    log.parent.mkdir(parents=True, exist_ok=True)
    load, cpu, start = os.getloadavg()[0], children_cpu(), time.monotonic()
    with log.open("w") as stream:
        done = subprocess.run([sys.executable, "-m", "build", "--wheel", *options, "--outdir", str(out), str(tree)],
                              env=env, stdout=stream, stderr=subprocess.STDOUT)
    wall, cpu = time.monotonic() - start, children_cpu() - cpu
    if done.returncode:
        raise SystemExit(f"build failed ({tree.name}, {' '.join(settings) or 'native'}): see {log}")
    (wheel,) = out.glob("*.whl")
    return Result(wall, cpu, (load, os.getloadavg()[0]), wheel.stat().st_size // 1024,
                  zig_runtimes(cache / "xdg"))


def checkout(ref: str, dest: Path) -> Path:
    """The project's files at `ref` (git archive: committed files only)."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(PROJECT), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--routes", default=",".join(ROUTES), help=f"comma-separated, of {', '.join(ROUTES)}")
    parser.add_argument("--before", metavar="REF", help="also build this commit (git archive), alternating")
    parser.add_argument("--no-warm", action="store_true", help="cold builds only")
    parser.add_argument("--keep", type=Path, help="keep logs and wheels in this folder")
    args = parser.parse_args()
    routes = args.routes.split(",")
    unknown = [route for route in routes if route not in ROUTES]
    if unknown:
        raise SystemExit(f"unknown route(s) {', '.join(unknown)}: known are {', '.join(ROUTES)}")
    work = Path(tempfile.mkdtemp(prefix="ffcv-routes-"))
    trees = {"now": PROJECT}
    if args.before:
        trees = {f"before ({args.before})": checkout(args.before, work / "before"), "now": PROJECT}
    rows = []
    try:
        for route in routes:
            for label, tree in trees.items():
                name = f"{route}-{'before' if label != 'now' else 'now'}"
                cache = work / name / "cache"
                for phase in ("cold",) if args.no_warm else ("cold", "warm"):
                    out = work / name / phase
                    result = build(tree, ROUTES[route], cache, out, work / name / f"{phase}.log")
                    rows.append((route, label, phase, result))
                    print(f"[INFO] {route} {label} {phase}: {result.wall:.0f} s wall, {result.cpu:.0f} s CPU, "
                          f"load {result.load[0]:.1f}->{result.load[1]:.1f}, wheel {result.wheel_kib} KiB"
                          + (f", zig runtime archives: {result.runtimes}" if result.runtimes else ""),
                          flush=True)
                shutil.rmtree(cache, ignore_errors=True)  # cold caches are large (OpenCV's build: ~100 MB)
    finally:
        print(f"\n{'route':10} {'tree':22} {'build':5} {'wall s':>7} {'CPU s':>7} {'load':>10} {'wheel KiB':>10}  "
              "zig runtime archives (copies)")
        for route, label, phase, r in rows:
            print(f"{route:10} {label:22} {phase:5} {r.wall:7.0f} {r.cpu:7.0f} "
                  f"{f'{r.load[0]:.1f}-{r.load[1]:.1f}':>10} {r.wheel_kib:10d}  {r.runtimes}")
        print(f"(machine: {os.cpu_count()} CPUs; logs in {work})")
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True, ignore=shutil.ignore_patterns("cache"))
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
