"""Smoke test of an installed ffcv wheel without torch (cibuildwheel's test-command, also run by the
test suite): load the native extension as `import ffcv` would, JPEG-decode and resize through it, compare
with Pillow. Needs numpy and Pillow. Exits non-zero on any mismatch.

The extension is imported as Python imports it (`ffcv._libffcv`), after the lines delvewheel put at the top
of ffcv/__init__.py have run (taken from the installed file): they add `ffcv.libs`, where the repaired wheel
keeps its DLLs (the C++ runtime, the Concurrency runtime, a provider's libraries), to the DLL search. Opening
the .pyd with ctypes alone would find those only where System32 happens to have copies. The rest of
ffcv/__init__.py needs torch, which this test does without (Windows ARM64 has no torch on the default index).

--import-ffcv imports the whole package instead (needs torch and numba)."""
import ctypes
import importlib.util
import io
import sys
from pathlib import Path

import numpy as np
from PIL import Image

DELVEWHEEL_START, DELVEWHEEL_END = "# start delvewheel patch", "# end delvewheel patch"


def package_dir() -> Path:
    spec = importlib.util.find_spec("ffcv")  # finds the package without importing it (that needs torch)
    assert spec is not None and spec.submodule_search_locations, "ffcv is not installed"
    return Path(list(spec.submodule_search_locations)[0])


def run_delvewheel_lines(package: Path) -> bool:
    """Runs the block delvewheel wrote into ffcv/__init__.py, as the start of `import ffcv` does; False if the
    wheel has none (not a delvewheel-repaired wheel, or nothing bundled)."""
    init = package / "__init__.py"
    text = init.read_text(encoding="utf-8")
    if DELVEWHEEL_START not in text:
        return False
    block = text[text.index(DELVEWHEEL_START):text.index(DELVEWHEEL_END)]
    exec(compile(block, str(init), "exec"), {"__file__": str(init), "__name__": "ffcv"})
    return True


def import_extension() -> str:
    """Imports ffcv._libffcv through Python's import machinery; returns its file."""
    if "--import-ffcv" in sys.argv[1:]:
        import ffcv._libffcv  # noqa: F401

        return sys.modules["ffcv._libffcv"].__file__
    package = package_dir()
    patched = run_delvewheel_lines(package)
    print(f"delvewheel's DLL search lines in ffcv/__init__.py: {'ran' if patched else 'none'}")
    (found,) = [p for p in package.iterdir() if p.name.startswith("_libffcv") and p.suffix in (".so", ".pyd")]
    spec = importlib.util.spec_from_file_location("ffcv._libffcv", found)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # LoadLibraryExW with the DLL directories added above, as for `import`
    return module.__file__


def main() -> int:
    # As ffcv/libffcv.py does: the functions through ctypes, from the module Python has loaded.
    library = ctypes.CDLL(import_extension())
    imdecode = library.imdecode
    imdecode.argtypes = [ctypes.c_void_p, ctypes.c_uint64, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p,
                         *[ctypes.c_uint32] * 6, ctypes.c_bool, ctypes.c_bool]
    resize = library.resize
    resize.argtypes = 11 * [ctypes.c_int64]

    height, width = 96, 128
    yy, xx = np.mgrid[0:height, 0:width]
    image = np.stack([2 * xx, 2 * yy, xx + yy], axis=-1).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="JPEG", quality=95)
    encoded = np.frombuffer(buffer.getvalue(), dtype=np.uint8)
    expected = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")).astype(int)

    decoded = np.zeros((height, width, 3), dtype=np.uint8)
    status = imdecode(encoded.ctypes.data, encoded.size, height, width, decoded.ctypes.data,
                      height, width, 0, 0, 1, 1, False, False)
    difference = np.abs(decoded.astype(int) - expected).mean()
    print(f"imdecode status {status}, mean abs difference to Pillow {difference:.2f}")
    if status != 0 or difference > 2.0:
        return 1

    small = np.zeros((48, 64, 3), dtype=np.uint8)
    resize(0, decoded.ctypes.data, height, width, 0, height, 0, width, small.ctypes.data, 48, 64)
    reference = np.asarray(Image.fromarray(decoded).resize((64, 48), Image.BOX)).astype(int)
    resized_difference = np.abs(small.astype(int) - reference).mean()
    print(f"resize mean abs difference to Pillow's box filter {resized_difference:.2f}")
    return 0 if resized_difference < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
