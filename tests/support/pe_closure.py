"""cibuildwheel's test step on Windows: the PE closure check of the repaired wheel, with the project's
own backend (python pe_closure.py PROJECT_DIR WHEEL). Exits non-zero if a DLL is neither in the wheel
nor part of Windows or CPython."""
import sys

if __name__ == "__main__":
    sys.path.insert(0, sys.argv[1])
    from backend.__main__ import main

    sys.exit(main(["closure", sys.argv[2]]))
