"""Linux aarch64 end to end: the wheel cross-built here with `python -m build --wheel -C toolchain=zig
-C target=manylinux_2_17_aarch64` (provider source: libjpeg-turbo and OpenCV cross-built for aarch64 too),
repaired and verified for auditwheel's aarch64 policy, then installed in an arm64 Debian 12 root and run there
under qemu-user (tests/support/arm64.py): the smoke test and FFCV's DatasetWriter/Loader round trip with pixels
checked, as the x86_64 wheel runs them in test_e2e.py."""
from __future__ import annotations

import io
import json
import os
import re
import sys
import time
import zipfile
from pathlib import Path

import pytest

from support.e2e import build_env, run

TARGET = "manylinux_2_17_aarch64"
GLIBC = (2, 17)  # the tag's glibc: no symbol of a later version may be needed

pytestmark = pytest.mark.timeout(5400)  # a cold cache cross-builds OpenCV and bootstraps the arm64 root


@pytest.fixture(scope="module")
def arm64_wheel(repo: Path, shared_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The issue's command, run as written in a copy of the checkout."""
    out = tmp_path_factory.mktemp("dist-arm64")
    start = time.monotonic()
    result = run([sys.executable, "-m", "build", "--wheel", "-C", "toolchain=zig", "-C", f"target={TARGET}",
                  "--outdir", out], cwd=repo, env=build_env(shared_cache), timeout=5400)
    (wheel,) = out.glob("*.whl")
    return {"wheel": wheel, "log": result.stdout + result.stderr, "seconds": time.monotonic() - start}


@pytest.fixture(scope="module")
def arm64():
    from support.arm64 import Arm64Unavailable, default_cache, prepare

    try:
        return prepare(default_cache())
    except Arm64Unavailable as exc:  # checked before any test (support/preflight.py): here it is a failure
        pytest.fail(f"No arm64 runtime: {exc}")


@pytest.fixture(scope="module")
def arm64_installed(arm64, arm64_wheel: dict, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    work = tmp_path_factory.mktemp("arm64-work")
    for script in ("smoke.py", "ffcv_roundtrip.py", "ffcv_data.py"):
        (work / script).write_bytes((Path(__file__).parent / "support" / script).read_bytes())
    site = arm64.install_ffcv(arm64_wheel["wheel"], work)
    return arm64, work, site


def elf_machine_and_glibc(data: bytes) -> tuple[str, list[tuple[int, ...]]]:
    """The ELF machine and every GLIBC_x.y version the file needs."""
    from elftools.elf.elffile import ELFFile
    from elftools.elf.gnuversions import GNUVerNeedSection

    elf = ELFFile(io.BytesIO(data))
    versions = []
    for section in elf.iter_sections():
        if isinstance(section, GNUVerNeedSection):
            for _, auxiliaries in section.iter_versions():
                versions += [tuple(map(int, m.group(1).split("."))) for aux in auxiliaries
                             for m in [re.fullmatch(r"GLIBC_([\d.]+)", aux.name)] if m]
    return elf["e_machine"], versions


def test_wheel_is_manylinux_aarch64_statically_linked_and_recorded(arm64_wheel: dict) -> None:
    wheel = arm64_wheel["wheel"]
    assert wheel.name.startswith("ffcv-1.0.2-cp310-abi3-") and wheel.name.endswith(f"{TARGET}.whl"), wheel.name
    assert "repair (auditwheel)" in arm64_wheel["log"] or "auditwheel" in arm64_wheel["log"]
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        record = json.loads(archive.read("ffcv-1.0.2.dist-info/ffcv-build.json"))
        (extension,) = [n for n in names if n.startswith("ffcv/_libffcv")]
        data = archive.read(extension)
    assert extension.endswith(".abi3.so"), extension
    machine, glibc = elf_machine_and_glibc(data)
    assert machine == "EM_AARCH64"
    assert glibc and max(glibc) <= GLIBC, sorted(set(glibc))
    assert not [n for n in names if n.startswith("ffcv.libs/")]  # static: nothing to bundle
    assert record["provider"] == "source" and record["repair"]["tool"] == "auditwheel"
    assert record["cross"] == {"toolchain": "zig", "target": TARGET}
    assert record["compiler"].startswith("zig ") and "aarch64-linux-gnu.2.17" in record["compiler"]
    assert record["simd"] == {"libjpeg-turbo": True}  # NEON, no assembler needed


def test_smoke_test_passes_under_qemu(arm64_installed: tuple) -> None:
    runtime, work, site = arm64_installed
    result = runtime.run(["python3", "/work/smoke.py"], work, extra_site=site, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "imdecode status 0" in result.stdout and "resize mean abs difference" in result.stdout


def test_machine_is_aarch64_under_qemu(arm64_installed: tuple) -> None:
    """The runs here really are aarch64: Python there reports it, and sees the fake arm64 cpuinfo."""
    runtime, work, _ = arm64_installed
    result = runtime.run(["python3", "-c", "import platform; print(platform.machine()); "
                          "print(open('/proc/cpuinfo').read().count('processor'))"], work)
    assert result.returncode == 0 and result.stdout.split() == ["aarch64", "4"], result.stdout + result.stderr


def test_ffcv_round_trip_under_qemu(arm64_installed: tuple) -> None:
    runtime, work, site = arm64_installed
    (work / "roundtrip").mkdir(exist_ok=True)
    result = runtime.run(["python3", "/work/ffcv_roundtrip.py", "/work/roundtrip"], work, extra_site=site,
                         timeout=1800)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert result.returncode == 0 and lines, result.stdout[-3000:] + result.stderr[-5000:]
    report = json.loads(lines[-1][len("RESULT "):])
    assert report["ffcv_version"] == "1.0.2" and report["ffcv_file"].startswith("/work/site/ffcv/"), report
    # Same JPEG bytes decoded by PIL: TurboJPEG's fast DCT differs by a few levels at most.
    assert report["plain_mean_abs_diff"] < 2.0 and report["plain_max_abs_diff"] <= 12, report
    assert report["uncached_labels_ok"] and report["uncached_max_abs_diff"] <= 12, report  # os_cache=False
    assert report["rrc_mean_abs_diff"] < 2.5 and report["rrc_max_abs_diff"] <= 16, report
    assert report["rrc_labels_ok"]
    assert report["raw_labels_ok"] and report["raw_max_abs_diff"] == 0, report
    assert report["mapped"] == [], report  # OpenCV and TurboJPEG are linked in, no shared copy is loaded
