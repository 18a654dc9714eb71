"""Fetch and stage the pinned native dependencies without building (for CI caches and offline machines),
or print the pins with their provenance. The same commands as `python -m backend fetch|pins`:

    python vendor_scripts/vendor.py pins
    python vendor_scripts/vendor.py fetch -C deps=prebuilt [-C cache-dir=DIR]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from backend.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
