"""A fastxtend round trip on an installed ffcv wheel (the fastxtend job of wheels.yml): fastxtend's own
DatasetWriter and RGBImageField write a JPEG dataset, fastxtend's Loader (FFCV's Loader with fastai's
batch transforms) reads it back through ffcv's decoders into fastai TensorImage/TensorCategory batches,
and the pixels are compared with an independent decode (cv2.imencode + PIL). Exits non-zero on a mismatch.

usage: python fastxtend_roundtrip.py WORKDIR
"""
import multiprocessing
import os
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # ffcv_data, also for spawned workers

from ffcv_data import COUNT, QUALITY, Dataset, diff_stats, make_images, reference_decode  # noqa: E402

BATCH = 8  # COUNT is a multiple of it


def main(workdir: Path) -> int:
    import numpy as np
    import torch
    from fastai.torch_core import TensorCategory, TensorImage
    from fastxtend.ffcv.all import (DatasetWriter, IntDecoder, IntField, Loader, OrderOption, RGBImageField,
                                    SimpleRGBImageDecoder)
    from fastxtend.ffcv.operations import ToDevice, ToTensorCategory, ToTensorImage

    import ffcv
    import fastxtend

    print(f"fastxtend {fastxtend.__version__} with ffcv {ffcv.__version__} from {ffcv.__file__}")
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "fastxtend.beton"
    images = make_images()
    writer = DatasetWriter(str(path), {"image": RGBImageField(write_mode="jpg", jpeg_quality=QUALITY),
                                       "label": IntField()}, num_workers=2)
    writer.from_indexed_dataset(Dataset(images))

    loader = Loader(path, batch_size=BATCH, num_workers=2, order=OrderOption.SEQUENTIAL, drop_last=False,
                    device="cpu", pipelines={
                        "image": [SimpleRGBImageDecoder(), ToTensorImage(), ToDevice("cpu")],
                        "label": [IntDecoder(), ToTensorCategory(), ToDevice("cpu")]})
    xs, ys = [], []
    for x, y in loader:
        if not (isinstance(x, TensorImage) and isinstance(y, TensorCategory)):
            print(f"batch types {type(x).__name__}, {type(y).__name__}: not fastai's TensorImage/TensorCategory")
            return 1
        xs.append(x.permute(0, 2, 3, 1).contiguous().numpy())  # back to NHWC uint8 to compare
        ys.append(y.reshape(-1).numpy())
    decoded, labels = np.concatenate(xs), np.concatenate(ys)
    print(f"{len(loader)} batches of {tuple(x.shape)} {x.dtype}, labels {labels.tolist()}")
    if labels.tolist() != list(range(COUNT)) or decoded.dtype != np.uint8 or x.dtype != torch.uint8:
        print("wrong labels or dtype")
        return 1
    mean, largest = diff_stats(decoded, [reference_decode(image) for image in images])
    print(f"mean abs difference to PIL's decode {mean:.2f}, max {largest}")
    # TurboJPEG's fast DCT differs from PIL's decode by a few levels at most.
    return 0 if mean < 2.0 and largest <= 12 else 1


if __name__ == "__main__":
    multiprocessing.freeze_support()
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
