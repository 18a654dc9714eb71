"""The Windows pthread shim (vendor_scripts/pthread-shim): cross-compiled with zig for x86_64-windows
and run under Wine, many threads using once and thread-local keys the way libffcv.cpp does."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from backend.verify import pe_imports
from support.e2e import run

WINE = Path("/usr/lib/wine/wine64")  # Debian's wine64 package (tests/run installs it)


@pytest.fixture(scope="session")
def check_exe(project_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    exe = tmp_path_factory.mktemp("shim") / "pthread_shim_check.exe"
    run([sys.executable, "-m", "ziglang", "c++", "-target", "x86_64-windows-gnu", "-O2",
         "-I", project_dir / "vendor_scripts" / "pthread-shim",
         project_dir / "tests" / "support" / "pthread_shim_check.cpp", "-o", exe], timeout=900)
    return exe


def test_the_program_needs_no_pthreads_dll(check_exe: Path) -> None:
    imports = [dll.lower() for dll in pe_imports(check_exe.read_bytes())]
    assert "kernel32.dll" in imports
    assert not any("pthread" in dll for dll in imports), imports


def test_once_and_keys_work_across_threads_under_wine(check_exe: Path, tmp_path: Path) -> None:
    assert WINE.is_file(), "wine64 is not installed (apt-get install wine64)"
    result = run([WINE, check_exe], env={"WINEDEBUG": "-all", "WINEPREFIX": str(tmp_path / "prefix"),
                                         "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}, timeout=300)
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    values = dict(item.split("=") for item in line.split()[1:])
    assert values == {"once_calls": "1", "destructor_calls": "16", "wrong_values": "0", "fresh_not_null": "0"}
