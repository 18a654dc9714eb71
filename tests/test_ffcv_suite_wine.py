"""FFCV's own tests, from the real upstream sdist, passing under Wine with the cross-built Windows wheel.

The ffcv-1.0.2 sdist (sha256-pinned, fetched by backend.upstream) ships its test suite in tests/. Every file of it
that can run here runs unchanged in one pytest session of python.org's Windows CPython under Wine, against the
win_amd64 wheel installed with torch, numba, numpy and OpenCV's Windows wheels (tests/support/wine.py).
The only addition is tests/support/ffcv_suite_conftest.py, copied as conftest.py beside the tests: it makes
the standard library's temporary files behave on Windows as the tests (written for Linux) expect.

Under Wine every upstream test costs 17 to 170 s: each DatasetWriter starts a spawn pool whose workers are new
Windows Pythons importing torch and numba. Measured on 2 cores, one session of these twelve files: 37 tests,
18.5 minutes (test_memory_reader 282 s, test_basic_pipeline 135 s, test_array_field 133 s, test_writer 127 s,
test_image_read 95 s, test_partial_batches 84 s, test_memory_allocation 76 s, test_custom_field 65 s,
test_partial_pipeline 35 s, test_json_field 33 s, test_loader_filter 32 s, test_memcpy 0.1 s).

Not run, and why: test_image_pipeline, test_augmentations and test_image_normalization download CIFAR-10
(no network here) or need CUDA, as does test_cuda_nonblocking; test_memory_leak is a 57 GB stress write that
upstream always skips; test_rrc and test_webdataset need torchvision and webdataset, which the Wine runtime
does not carry: test_rrc passed by hand once (torchvision 0.24.1), but with both packages added it hung twice
under Wine before its writer started any worker (not investigated); test_traversal_orders hangs under Wine 8
in test_traversal_random_4 (four processes started by torch.multiprocessing.spawn with a gloo process group).
"""
from __future__ import annotations

import re
import shutil
import tarfile
from pathlib import Path

import pytest

from support.wine import WineRuntime

SHIM = Path(__file__).parent / "support" / "ffcv_suite_conftest.py"
SUITE = ("test_memcpy.py", "test_json_field.py", "test_loader_filter.py", "test_image_read.py",
         "test_memory_allocation.py", "test_partial_pipeline.py", "test_partial_batches.py", "test_custom_field.py",
         "test_writer.py", "test_array_field.py", "test_basic_pipeline.py", "test_memory_reader.py")
SUITE_TIMEOUT = 3000  # 1115 s measured on 2 cores; spawned Windows workers are slow to start


def extract_upstream_tests(sdist: Path, dest: Path) -> list[str]:
    """The .py files of the sdist's tests/ folder, byte for byte, into `dest` (flat, as upstream has it).
    All of them, not only SUITE: some import others (test_loader_filter imports test_writer's dataset)."""
    dest.mkdir(parents=True)
    names = []
    with tarfile.open(sdist, "r:gz") as archive:
        for member in archive.getmembers():
            parts = member.name.split("/")
            if member.isfile() and len(parts) == 3 and parts[1] == "tests" and parts[2].endswith(".py"):
                handle = archive.extractfile(member)
                assert handle is not None
                (dest / parts[2]).write_bytes(handle.read())
                names.append(parts[2])
    return sorted(names)


def pytest_summary(output: str) -> tuple[int, dict[str, int]]:
    """(collected, {outcome: count}) from pytest's terminal output: the `collected N items` line and the
    final `== 3 passed, 1 warning in 9.1s ==` line (outcomes singular: error, warning)."""
    collected = re.findall(r"^(?:collecting \.\.\. )?collected (\d+) items?\b", output, re.M)  # -v: "collecting ..."
    finals = re.findall(r"^=+ (.*?) in [\d.]+s(?: \([\d:]+\))? =+\s*$", output, re.M)
    assert collected and finals, f"no pytest summary in the output:\n{output[-3000:]}"
    counts: dict[str, int] = {}
    for number, outcome in re.findall(r"(\d+) (\w+)", finals[-1]):
        outcome = {"errors": "error", "warnings": "warning"}.get(outcome, outcome)
        counts[outcome] = counts.get(outcome, 0) + int(number)
    return int(collected[-1]), counts


def test_pytest_summary_parser() -> None:
    output = ("============================= test session starts =============================\n"
              "collecting ... collected 14 items\n\n"
              "test_memcpy.py::test_memcpy[uint8] PASSED                                [  7%]\n"
              "================= 12 passed, 1 failed, 2 errors, 1 skipped, 2 warnings in 1115.63s (0:18:35) =====\n")
    assert pytest_summary(output) == (14, {"passed": 12, "failed": 1, "error": 2, "skipped": 1, "warning": 2})
    assert pytest_summary("collected 5 items / 1 error\n=== 1 error in 0.89s ===\n") == (5, {"error": 1})
    with pytest.raises(AssertionError, match="no pytest summary"):
        pytest_summary("Fatal Python error: init_sys_streams\n")


@pytest.mark.timeout(SUITE_TIMEOUT + 2400)  # the first Wine test of a session also builds the wheel (setup)
def test_ffcv_upstream_tests_pass_under_wine(installed: WineRuntime, upstream_sdist: Path, tmp_path: Path) -> None:
    suite = tmp_path / "ffcv-tests"
    extracted = extract_upstream_tests(upstream_sdist, suite)
    assert set(SUITE) <= set(extracted), extracted
    shutil.copyfile(SHIM, suite / "conftest.py")
    # An ini file of its own: rootdir is this folder and no configuration above it (ours included) applies.
    (suite / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")

    # One session for all files: python.exe imports torch and numba once (about 10 s under Wine), not per file.
    result = installed.run(["-m", "pytest", "-p", "no:cacheprovider", "-v", "--durations=5",
                            "--basetemp", tmp_path / "basetemp", *SUITE], cwd=suite, timeout=SUITE_TIMEOUT)
    output = result.stdout
    report = f"{output[-6000:]}\n{result.stderr[-4000:]}"
    collected, counts = pytest_summary(output)
    assert counts.get("failed", 0) == 0 and counts.get("error", 0) == 0, report
    assert counts.get("passed", 0) == collected > 0, report  # nothing skipped, deselected or xfailed
    assert result.returncode == 0, report
    passed_files = {line.split("::", 1)[0] for line in output.splitlines() if re.search(r"::\S+ PASSED\b", line)}
    assert passed_files == set(SUITE), report  # every chosen file ran (and only those)
    assert "platform win32" in output, report  # Windows CPython, not the host's
