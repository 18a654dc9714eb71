"""Helpers shared by the scripts that check an installed ffcv (ffcv_roundtrip.py on Linux and macOS,
ffcv_wine_checks.py under Wine): synthetic images, the dataset writer and loader runs, an independent
JPEG decode to compare against, and the native libraries the process has loaded.

Imports only numpy at module level: cv2, PIL and ffcv are imported where used, after the caller has
set up multiprocessing."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np

SIZE, OUT, QUALITY, COUNT, BATCH = 256, 224, 95, 24, 8  # COUNT is a multiple of BATCH: Loader drops last


def make_images(count: int = COUNT, size: int = SIZE, seed: int = 0) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size
    images = []
    for _ in range(count):
        a, b, c = rng.uniform(0.2, 1.0, 3)
        image = np.stack([255 * a * xx, 255 * b * yy, 255 * c * (1 - xx * yy)], axis=-1)
        image += rng.normal(0, 6, image.shape)  # texture, so the decode has work to do
        images.append(np.clip(image, 0, 255).astype(np.uint8))
    return images


class Dataset:
    """(image, label) pairs, the label being the index; picklable for the writer's spawned workers."""

    def __init__(self, images: list[np.ndarray]) -> None:
        self.images = images

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, index: int) -> tuple[np.ndarray, int]:
        return self.images[index], index


def write_dataset(path: Path, images: list[np.ndarray], quality: int = QUALITY, num_workers: int = 2,
                  write_mode: str = "jpg") -> None:
    from ffcv.fields import IntField, RGBImageField
    from ffcv.writer import DatasetWriter

    writer = DatasetWriter(str(path), {"image": RGBImageField(write_mode=write_mode, jpeg_quality=quality),
                                       "label": IntField()}, num_workers=num_workers)
    writer.from_indexed_dataset(Dataset(images))


def read_dataset(path: Path, decoder: object, order: str = "sequential", os_cache: bool = True,
                 batch_size: int = BATCH, num_workers: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """(images, labels) of one epoch, in the loader's order."""
    from ffcv.fields.decoders import IntDecoder
    from ffcv.loader import Loader, OrderOption

    loader = Loader(str(path), batch_size=batch_size, num_workers=num_workers, os_cache=os_cache,
                    order=OrderOption[order.upper()], seed=0,
                    pipelines={"image": [decoder], "label": [IntDecoder()]})
    batches = [(np.array(x), np.array(y).ravel()) for x, y in loader]
    return np.concatenate([b[0] for b in batches]), np.concatenate([b[1] for b in batches])


def reference_decode(image: np.ndarray, quality: int = QUALITY) -> np.ndarray:
    """The JPEG ffcv's writer stores (cv2.imencode of the BGR image), decoded by PIL instead of ffcv."""
    import cv2
    from PIL import Image

    ok, encoded = cv2.imencode(".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return np.asarray(Image.open(io.BytesIO(encoded.tobytes())).convert("RGB"))


def resized(reference: np.ndarray, out: int = OUT) -> np.ndarray:
    # With scale=ratio=(1, 1) on a square image the random crop is the whole image: only the resize remains.
    import cv2

    return cv2.resize(reference, (out, out), interpolation=cv2.INTER_AREA)


def diff_stats(decoded: np.ndarray, expected: list[np.ndarray]) -> tuple[float, int]:
    """(mean, max) absolute pixel difference, image by image."""
    diffs = [np.abs(decoded[i].astype(int) - expected[i].astype(int)) for i in range(len(expected))]
    return float(np.mean([d.mean() for d in diffs])), int(max(d.max() for d in diffs))


def loaded_libraries() -> list[str]:
    """Paths of the native libraries this process has loaded (DLLs on Windows, mapped files on Linux)."""
    if sys.platform == "win32":
        return _windows_modules()
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return []
    names = {parts[5] for parts in (line.split(maxsplit=5) for line in maps.read_text().splitlines()) if len(parts) == 6}
    return sorted(name for name in names if name.startswith("/"))


def _windows_modules() -> list[str]:
    # EnumProcessModules (kernel32's K32 export, which Wine implements) lists every loaded DLL.
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    kernel32.K32EnumProcessModules.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.HMODULE),
                                               wintypes.DWORD, ctypes.POINTER(wintypes.DWORD)]
    kernel32.GetModuleFileNameW.argtypes = [wintypes.HMODULE, wintypes.LPWSTR, wintypes.DWORD]
    process = kernel32.GetCurrentProcess()
    modules = (wintypes.HMODULE * 4096)()
    needed = wintypes.DWORD()
    if not kernel32.K32EnumProcessModules(process, modules, ctypes.sizeof(modules), ctypes.byref(needed)):
        raise ctypes.WinError(ctypes.get_last_error())
    names = []
    for module in modules[: needed.value // ctypes.sizeof(wintypes.HMODULE)]:
        buffer = ctypes.create_unicode_buffer(32768)
        if kernel32.GetModuleFileNameW(module, buffer, len(buffer)):
            names.append(buffer.value)
    return sorted(names)
