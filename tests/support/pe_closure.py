"""cibuildwheel's test step on Windows: the PE closure check of the repaired wheel, with the project's own
backend (python tests/support/pe_closure.py PROJECT_DIR WHEEL). Prints every DLL each .pyd/.dll imports and
where it comes from; exits non-zero if one is neither in the wheel nor part of Windows or CPython.

It imports only the backend's data file and verification modules, which need pefile (tomli before 3.11) and
delvewheel (its list of Windows' own DLLs): cibuildwheel's test-requires, nothing of the build environment."""
import sys
from pathlib import Path


def main(project: Path, wheel: Path) -> int:
    sys.path.insert(0, str(project))
    from backend.pins import Pins
    from backend.verify import WindowsSystem, missing_from, windows_closure

    system = WindowsSystem.from_pins(Pins.load(project))
    if not system.delvewheel_dlls:
        print("delvewheel is not installed: only the data file's list of Windows DLLs is known", file=sys.stderr)
    found = windows_closure(wheel, system)
    for name, imports in sorted(found.items()):
        print(name)
        for dll, where in sorted(imports.items(), key=lambda item: item[0].lower()):
            print(f"    {dll:48} {where}")
    missing = missing_from(found)
    if missing:
        print(f"{sum(map(len, missing.values()))} imported DLLs are neither in the wheel nor part of Windows or "
              "CPython (marked MISSING above).", file=sys.stderr)
        return 1
    print(f"{len(found)} PE files: every imported DLL is in the wheel or part of Windows or CPython.")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python pe_closure.py PROJECT_DIR WHEEL")
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
