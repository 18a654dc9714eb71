"""Run inside a fresh venv holding an ffcv wheel: write a JPEG dataset with DatasetWriter, read it
back with Loader (RandomResizedCrop and plain decoders), check the pixels against an independent
decode (PIL), and report which OpenCV/TurboJPEG libraries the process mapped. Prints one JSON line."""
import json
import multiprocessing
import sys
from pathlib import Path

import numpy as np


def make_images(count, size, seed=0):
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size
    images = []
    for i in range(count):
        a, b, c = rng.uniform(0.2, 1.0, 3)
        image = np.stack([255 * a * xx, 255 * b * yy, 255 * c * (1 - xx * yy)], axis=-1)
        image += rng.normal(0, 6, image.shape)  # texture, so the decode has work to do
        images.append(np.clip(image, 0, 255).astype(np.uint8))
    return images


class Dataset:
    def __init__(self, images):
        self.images = images

    def __len__(self):
        return len(self.images)

    def __getitem__(self, index):
        return self.images[index], index


def mapped_libraries():
    names = set()
    for line in Path("/proc/self/maps").read_text().splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and ("libopencv" in parts[5] or "libturbojpeg" in parts[5]):
            names.add(parts[5])
    return sorted(names)


def main(workdir):
    import cv2
    from PIL import Image
    import io

    import ffcv
    from ffcv.fields import IntField, RGBImageField
    from ffcv.fields.decoders import IntDecoder, RandomResizedCropRGBImageDecoder, SimpleRGBImageDecoder
    from ffcv.loader import Loader, OrderOption
    from ffcv.writer import DatasetWriter

    size, out, quality, count = 256, 224, 95, 24
    images = make_images(count, size)
    path = str(Path(workdir) / "data.beton")
    writer = DatasetWriter(path, {"image": RGBImageField(write_mode="jpg", jpeg_quality=quality),
                                  "label": IntField()}, num_workers=2)
    writer.from_indexed_dataset(Dataset(images))

    # Independent decode of the same JPEG bytes: cv2 encodes as ffcv's writer does, PIL decodes.
    def reference(image):
        ok, encoded = cv2.imencode(".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR),
                                   [cv2.IMWRITE_JPEG_QUALITY, quality])
        assert ok
        return np.asarray(Image.open(io.BytesIO(encoded.tobytes())).convert("RGB"))

    references = [reference(image) for image in images]
    report = {"ffcv_version": ffcv.__version__, "ffcv_file": ffcv.__file__}

    def read(decoder):
        loader = Loader(path, batch_size=8, num_workers=2, order=OrderOption.SEQUENTIAL,
                        pipelines={"image": [decoder], "label": [IntDecoder()]})
        batches = [(np.array(x), np.array(y).ravel()) for x, y in loader]
        return np.concatenate([b[0] for b in batches]), np.concatenate([b[1] for b in batches])

    plain, labels = read(SimpleRGBImageDecoder())
    assert labels.tolist() == list(range(count)), labels
    diffs = [np.abs(plain[i].astype(int) - references[i].astype(int)) for i in range(count)]
    report["plain_mean_abs_diff"] = float(np.mean([d.mean() for d in diffs]))
    report["plain_max_abs_diff"] = int(max(d.max() for d in diffs))

    # scale=ratio=(1,1) on square images: the crop is the whole image, so the result is a resize.
    cropped, labels = read(RandomResizedCropRGBImageDecoder((out, out), scale=(1.0, 1.0), ratio=(1.0, 1.0)))
    assert cropped.shape == (count, out, out, 3), cropped.shape
    resized = [cv2.resize(r, (out, out), interpolation=cv2.INTER_AREA) for r in references]
    diffs = [np.abs(cropped[i].astype(int) - resized[i].astype(int)) for i in range(count)]
    report["rrc_mean_abs_diff"] = float(np.mean([d.mean() for d in diffs]))
    report["rrc_max_abs_diff"] = int(max(d.max() for d in diffs))
    report["rrc_labels_ok"] = labels.tolist() == list(range(count))
    report["mapped"] = mapped_libraries()
    print("RESULT " + json.dumps(report), flush=True)


if __name__ == "__main__":
    # Forked writer children can inherit locks held by other threads (numba); forkserver avoids that.
    multiprocessing.set_start_method("forkserver")
    main(sys.argv[1])
