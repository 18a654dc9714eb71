"""Run inside a fresh venv holding an ffcv wheel: write a JPEG dataset with DatasetWriter, read it
back with Loader (RandomResizedCrop and plain decoders), check the pixels against an independent
decode (PIL), and report which OpenCV/TurboJPEG libraries the process mapped. Prints one JSON line."""
import json
import multiprocessing
import sys
from pathlib import Path

from ffcv_data import (COUNT, OUT, diff_stats, loaded_libraries, make_images, read_dataset, reference_decode,
                       resized, write_dataset)


def mapped_libraries():
    return [name for name in loaded_libraries() if "libopencv" in name or "libturbojpeg" in name]


def main(workdir):
    import ffcv
    from ffcv.fields.decoders import RandomResizedCropRGBImageDecoder, SimpleRGBImageDecoder

    images = make_images()
    path = Path(workdir) / "data.beton"
    write_dataset(path, images)
    references = [reference_decode(image) for image in images]
    report = {"ffcv_version": ffcv.__version__, "ffcv_file": ffcv.__file__}

    plain, labels = read_dataset(path, SimpleRGBImageDecoder())
    assert labels.tolist() == list(range(COUNT)), labels
    report["plain_mean_abs_diff"], report["plain_max_abs_diff"] = diff_stats(plain, references)

    # os_cache=False: pages read with ffcv_pread (patch 0008) by ffcv's page reader threads.
    uncached, labels = read_dataset(path, SimpleRGBImageDecoder(), os_cache=False)
    report["uncached_labels_ok"] = labels.tolist() == list(range(COUNT))
    report["uncached_max_abs_diff"] = diff_stats(uncached, references)[1]

    cropped, labels = read_dataset(path, RandomResizedCropRGBImageDecoder((OUT, OUT), scale=(1.0, 1.0),
                                                                          ratio=(1.0, 1.0)))
    assert cropped.shape == (COUNT, OUT, OUT, 3), cropped.shape
    report["rrc_mean_abs_diff"], report["rrc_max_abs_diff"] = diff_stats(cropped, [resized(r) for r in references])
    report["rrc_labels_ok"] = labels.tolist() == list(range(COUNT))
    # Raw pixels: stored as they are, read back through my_memcpy: exactly equal.
    raw_path = Path(workdir) / "raw.beton"
    write_dataset(raw_path, images, write_mode="raw")
    raw, labels = read_dataset(raw_path, SimpleRGBImageDecoder())
    report["raw_labels_ok"] = labels.tolist() == list(range(COUNT))
    report["raw_max_abs_diff"] = diff_stats(raw, images)[1]
    report["mapped"] = mapped_libraries()
    report["libgl"] = [name for name in loaded_libraries() if "libGL" in name]
    print("RESULT " + json.dumps(report), flush=True)


if __name__ == "__main__":
    # Forked writer children can inherit locks held by other threads (numba); forkserver avoids that.
    multiprocessing.set_start_method("forkserver")
    main(sys.argv[1])
