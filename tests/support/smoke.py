"""Smoke test of an installed ffcv wheel without torch (cibuildwheel's test-command, also run by the
test suite): load the native extension, JPEG-decode and resize through it, compare with Pillow.
Needs numpy and Pillow. Exits non-zero on any mismatch.

--import-ffcv imports the package first (that needs torch): a wheel whose extension needs bundled DLLs
finds them only after delvewheel's lines in ffcv/__init__.py have added ffcv.libs to the DLL search."""
import ctypes
import importlib.util
import io
import sys
from pathlib import Path

import numpy as np
from PIL import Image


def extension_path() -> Path:
    spec = importlib.util.find_spec("ffcv")  # finds the package without importing it (that needs torch)
    assert spec is not None and spec.submodule_search_locations, "ffcv is not installed"
    package = Path(list(spec.submodule_search_locations)[0])
    (found,) = [p for p in package.iterdir() if p.name.startswith("_libffcv") and p.suffix in (".so", ".pyd")]
    return found


def main() -> int:
    if "--import-ffcv" in sys.argv[1:]:
        import ffcv  # noqa: F401
    library = ctypes.CDLL(str(extension_path()))
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
