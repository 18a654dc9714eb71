"""FFCV's own test suite, from the upstream sdist, run against an installed ffcv wheel.

Shared by the Wine test (tests/test_ffcv_suite_wine.py) and the Windows CI job (.github/workflows/windows.yml):

    python ffcv_suite.py SDIST WORKDIR [--files F ...] [--add F ...]

extracts the sdist's tests/ byte for byte into WORKDIR, adds ffcv_suite_conftest.py as its conftest.py, runs
the chosen files (--files, default SUITE; --add adds to it) in one pytest session of this interpreter, and exits non-zero unless every
collected test passed (nothing failed, errored, skipped or deselected) and every chosen file ran.
Needs pytest (and ffcv's test requirements) in this interpreter.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

SHIM = Path(__file__).parent / "ffcv_suite_conftest.py"
# Every file that runs without CUDA, network or torchvision/webdataset (the reasons for the others are in
# tests/test_ffcv_suite_wine.py).
SUITE = ("test_memcpy.py", "test_json_field.py", "test_loader_filter.py", "test_image_read.py",
         "test_memory_allocation.py", "test_partial_pipeline.py", "test_partial_batches.py", "test_custom_field.py",
         "test_writer.py", "test_array_field.py", "test_basic_pipeline.py", "test_memory_reader.py")


def extract_upstream_tests(sdist: Path, dest: Path) -> list[str]:
    """The .py files of the sdist's tests/ folder, byte for byte, into `dest` (flat, as upstream has it).
    All of them, not only the chosen ones: some import others (test_loader_filter imports test_writer's dataset)."""
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


def prepare_suite(sdist: Path, dest: Path, files: tuple[str, ...]) -> None:
    extracted = extract_upstream_tests(sdist, dest)
    missing = sorted(set(files) - set(extracted))
    if missing:
        raise SystemExit(f"{sdist.name} has no {', '.join(missing)} in tests/ (it has {', '.join(extracted)})")
    shutil.copyfile(SHIM, dest / "conftest.py")
    # An ini file of its own: rootdir is this folder and no configuration above it applies.
    (dest / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")


def pytest_arguments(basetemp: Path, files: tuple[str, ...]) -> list[str | Path]:
    """One session for all files: the interpreter imports torch and numba once, not per file. basetemp stays a
    Path (the Wine runner turns Path arguments into Windows paths)."""
    return ["-m", "pytest", "-p", "no:cacheprovider", "-v", "--durations=5", "--basetemp", basetemp, *files]


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


def suite_problems(output: str, returncode: int, files: tuple[str, ...]) -> list[str]:
    """Why the session does not count as a pass (empty if it does)."""
    collected, counts = pytest_summary(output)
    problems = []
    if counts.get("failed", 0) or counts.get("error", 0):
        problems.append(f"{counts.get('failed', 0)} failed, {counts.get('error', 0)} errors")
    if not counts.get("passed", 0) == collected > 0:  # nothing skipped, deselected or xfailed
        problems.append(f"{counts.get('passed', 0)} of {collected} collected tests passed")
    if returncode != 0:
        problems.append(f"pytest exited with {returncode}")
    passed_files = {line.split("::", 1)[0] for line in output.splitlines() if re.search(r"::\S+ PASSED\b", line)}
    if passed_files != set(files):  # every chosen file ran (and only those)
        problems.append(f"files with passing tests: {sorted(passed_files)}, chosen: {sorted(files)}")
    return problems


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sdist", type=Path, help="the upstream ffcv sdist")
    parser.add_argument("work", type=Path, help="a new folder for the tests and their temporary files")
    parser.add_argument("--files", nargs="+", default=list(SUITE), help="test files to run (default: SUITE)")
    parser.add_argument("--add", nargs="+", default=[], help="test files to run besides --files")
    args = parser.parse_args(argv)
    sdist, work = args.sdist.resolve(), args.work.resolve()
    files = tuple(dict.fromkeys([*args.files, *args.add]))
    suite = work / "ffcv-tests"
    prepare_suite(sdist, suite, files)
    result = subprocess.run([sys.executable, *pytest_arguments(work / "basetemp", files)], cwd=suite,
                            stdout=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    print(result.stdout)
    problems = suite_problems(result.stdout, result.returncode, files)
    for problem in problems:
        print(f"[ERROR] {problem}", file=sys.stderr)
    if not problems:
        print(f"[-OK-] FFCV's own tests passed on {sys.platform}: {', '.join(files)}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
