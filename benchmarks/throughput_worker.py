"""Runs inside a venv holding one ffcv wheel: `import ffcv` time, then Loader throughput with
RandomResizedCrop on a JPEG dataset (written on first use). Prints one JSON line."""
import json
import multiprocessing
import sys
import time
from pathlib import Path


class Images:
    """Smooth gradients with noise, made per index (picklable for the writer's worker processes)."""

    def __init__(self, count, size):
        self.count, self.size = count, size

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        import numpy as np

        rng = np.random.default_rng(index)
        yy, xx = np.mgrid[0:self.size, 0:self.size].astype(np.float32) / self.size
        a, b, c = rng.uniform(0.2, 1.0, 3)
        image = np.stack([255 * a * xx, 255 * b * yy, 255 * c * (1 - xx * yy)], axis=-1)
        image += rng.normal(0, 12, image.shape)
        return np.clip(image, 0, 255).astype(np.uint8), index


def write_dataset(path, count, size):
    from ffcv.fields import IntField, RGBImageField
    from ffcv.writer import DatasetWriter

    DatasetWriter(str(path), {"image": RGBImageField(write_mode="jpg", jpeg_quality=90),
                              "label": IntField()}, num_workers=2).from_indexed_dataset(Images(count, size))


def main(dataset, count, size, epochs):
    start = time.perf_counter()
    import ffcv  # noqa: F401  (timed: the import is what is measured)
    import_seconds = time.perf_counter() - start
    from ffcv.fields.decoders import IntDecoder, RandomResizedCropRGBImageDecoder
    from ffcv.loader import Loader, OrderOption

    if not Path(dataset).exists():
        write_dataset(dataset, count, size)
    loader = Loader(dataset, batch_size=64, num_workers=2, order=OrderOption.RANDOM, seed=0,
                    pipelines={"image": [RandomResizedCropRGBImageDecoder((224, 224))], "label": [IntDecoder()]})
    for _ in loader:  # warm-up epoch: numba compiles the pipeline
        pass
    images, wall, cpu = 0, 0.0, 0.0
    for _ in range(epochs):
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        for batch, _labels in loader:
            images += len(batch)
        wall += time.perf_counter() - wall_start
        cpu += time.process_time() - cpu_start
    print("RESULT " + json.dumps({"import_seconds": import_seconds, "images_per_second": images / wall,
                                  "cpu_ms_per_image": 1000 * cpu / images}), flush=True)


if __name__ == "__main__":
    multiprocessing.set_start_method("forkserver")
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
