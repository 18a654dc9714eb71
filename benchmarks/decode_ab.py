"""Decode A/B in one process: the `imdecode` and `resize` functions of several FFCV extensions (each wheel's
own `_libffcv`, loaded side by side through ctypes, as ffcv/libffcv.py loads it) called on the same JPEGs,
interleaved image set by image set, timed in thread CPU time. What is left is the extension and the libraries
it links (libjpeg-turbo, OpenCV's resize): no Loader, numba or worker scheduling, so machine load moves every
extension alike. `plain` = imdecode of the whole image; `rrc` = imdecode, then resize of a crop drawn as FFCV's
get_random_crop draws it (scale 0.08-1, ratio 3/4-4/3) to 224x224, as RandomResizedCropRGBImageDecoder does.

    python decode_ab.py <images.bin> <size> <rounds> <label>=<unpacked wheel folder> ...

images.bin: records (uint64 little-endian size, JPEG bytes), from `throughput_worker.py dump`. Prints one
`RESULT {json}` line: per label and mode, the median over rounds of microseconds of CPU per image, and under
`rounds` each round's figure."""
import ctypes
import json
import statistics
import struct
import sys
import time
from pathlib import Path

import numpy as np

TARGET = 224


def read_images(path: Path) -> list:
    data, images, at = path.read_bytes(), [], 0
    while at < len(data):
        (size,) = struct.unpack_from("<Q", data, at)
        images.append(np.frombuffer(data[at + 8:at + 8 + size], dtype=np.uint8))
        at += 8 + size
    return images


def random_crops(count: int, size: int, seed: int = 0) -> list:
    """FFCV's get_random_crop (ffcv/fields/rgb_image.py) for a size x size image."""
    rng, crops = np.random.default_rng(seed), []
    log_ratio = np.log((3 / 4, 4 / 3))
    for _ in range(count):
        crop = (0, 0, size, size)
        for _ in range(10):
            area = size * size * rng.uniform(0.08, 1.0)
            aspect = np.exp(rng.uniform(*log_ratio))
            w, h = int(round(np.sqrt(area * aspect))), int(round(np.sqrt(area / aspect)))
            if 0 < w <= size and 0 < h <= size:
                crop = (int(rng.uniform(0, size - h + 1)), int(rng.uniform(0, size - w + 1)), h, w)
                break
        crops.append(crop)
    return crops


def load(folder: Path):
    path = next(p for p in sorted(folder.glob("ffcv/_libffcv*")) if p.suffix in (".so", ".pyd", ".dylib"))
    lib = ctypes.CDLL(str(path))
    lib.imdecode.argtypes = [ctypes.c_void_p, ctypes.c_uint64, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p,
                             ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32,
                             ctypes.c_uint32, ctypes.c_bool, ctypes.c_bool]
    lib.resize.argtypes = 11 * [ctypes.c_int64]
    return lib


def aligned(shape: tuple, alignment: int = 4096) -> np.ndarray:
    """An uint8 array starting on an `alignment` boundary."""
    size = int(np.prod(shape))
    raw = np.empty(size + alignment, dtype=np.uint8)
    offset = -raw.ctypes.data % alignment
    return raw[offset:offset + size].reshape(shape)


def run(lib, images: list, crops: list, buffers: tuple, mode: str) -> float:
    """Microseconds of this thread's CPU per image."""
    decoded, out = buffers
    size = decoded.shape[0]
    dec, dst = decoded.ctypes.data, out.ctypes.data
    start = time.thread_time()
    for image, (i, j, h, w) in zip(images, crops):
        if lib.imdecode(image.ctypes.data, image.size, size, size, dec, size, size, 0, 0, 1, 1, False, False):
            raise SystemExit("imdecode failed")
        if mode == "rrc":
            lib.resize(0, dec, size, size, i, i + h, j, j + w, dst, TARGET, TARGET)
    return 1e6 * (time.thread_time() - start) / len(images)


def main(images_file: str, size: str, rounds: str, *specs: str) -> None:
    images = read_images(Path(images_file))
    crops = random_crops(len(images), int(size))
    libs = {label: load(Path(folder)) for label, folder in (spec.split("=", 1) for spec in specs)}
    times: dict = {label: {"plain": [], "rrc": []} for label in libs}
    order = list(libs)
    # One pair of page-aligned buffers for every extension: where numpy happens to place a fresh array (its
    # offset in a page, its cache-line alignment) moves libjpeg-turbo's SIMD stores by a few percent, and
    # the allocation sequence could give one extension the better place every time.
    buffers = (aligned((int(size), int(size), 3)), aligned((TARGET, TARGET, 3)))
    for label in order:  # warm-up: thread-local decompressors, page faults
        run(libs[label], images[:50], crops, buffers, "rrc")
    chunk = 16  # images per turn: every extension meets the same moment of the machine's load
    for round_ in range(int(rounds)):
        totals = {label: {"plain": 0.0, "rrc": 0.0} for label in libs}
        for start in range(0, len(images), chunk):
            part, part_crops = images[start:start + chunk], crops[start:start + chunk]
            shift = (round_ + start // chunk) % len(order)
            for mode in ("plain", "rrc"):
                for label in order[shift:] + order[:shift]:  # rotate who goes first
                    totals[label][mode] += run(libs[label], part, part_crops, buffers, mode) * len(part)
        for label in libs:
            for mode in ("plain", "rrc"):
                times[label][mode].append(totals[label][mode] / len(images))
    # Medians, and each round's figure: the caller pairs rounds to show how far the ratios spread.
    result = {label: {**{mode: statistics.median(values) for mode, values in by_mode.items()},
                      "rounds": by_mode} for label, by_mode in times.items()}
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
