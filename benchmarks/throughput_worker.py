"""Runs inside a venv holding one ffcv wheel: `import ffcv` time, then Loader throughput on a JPEG dataset
(written on first use) with RandomResizedCrop (`rrc`) or the plain decoder (`plain`: every image whole,
as they are all one size). Prints one JSON line. `dump <dataset> <file>` writes the dataset's JPEGs as
records (uint64 size, bytes) for benchmarks/tj_decode.c.

    python throughput_worker.py <dataset> <images> <size> <epochs> [rrc|plain]
    python throughput_worker.py dump <dataset> <file>"""
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


def dump_jpegs(dataset, target):
    """The dataset's JPEG bytes, found through FFCV's own reader: each image's data_ptr in the allocation table."""
    import struct

    import numpy as np
    from ffcv.reader import Reader

    reader = Reader(str(dataset))
    sizes = {int(row["ptr"]): int(row["size"]) for row in reader.alloc_table}
    data = np.fromfile(str(dataset), dtype=np.uint8)
    with open(target, "wb") as out:
        # Metadata columns are unnamed (f0, f1, ...), in the order of the field names.
        column = reader.metadata[f"f{reader.field_names.index('image')}"]
        for field in column:
            start = int(field["data_ptr"])
            out.write(struct.pack("<Q", sizes[start]) + data[start:start + sizes[start]].tobytes())
    print(f"RESULT {json.dumps({'images': len(reader.metadata)})}", flush=True)


def main(dataset, count, size, epochs, mode="rrc"):
    start = time.perf_counter()
    import ffcv  # noqa: F401  (timed: the import is what is measured)
    import_seconds = time.perf_counter() - start
    from ffcv.fields.decoders import IntDecoder, RandomResizedCropRGBImageDecoder, SimpleRGBImageDecoder
    from ffcv.loader import Loader, OrderOption

    if not Path(dataset).exists():
        write_dataset(dataset, count, size)
    decoder = RandomResizedCropRGBImageDecoder((224, 224)) if mode == "rrc" else SimpleRGBImageDecoder()
    loader = Loader(dataset, batch_size=64, num_workers=2, order=OrderOption.RANDOM, seed=0,
                    pipelines={"image": [decoder], "label": [IntDecoder()]})
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
    if sys.argv[1] == "dump":
        dump_jpegs(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), *sys.argv[5:])
