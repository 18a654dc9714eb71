"""Run by the Windows CPython under Wine (tests/support/wine.py), with a win_amd64 ffcv wheel installed:
write a JPEG dataset with DatasetWriter (spawned workers), read it back with Loader (plain and
RandomResizedCrop decoders) in the given order and cache mode, compare the pixels with an independent
decode (cv2.imencode + PIL), and list the DLLs loaded from the ffcv wheel. Prints one `RESULT {json}` line.

Also runs on Linux or macOS against a native ffcv, which is how its logic is checked without Wine.

usage: ffcv_wine_checks.py WORKDIR [--os-cache {true,false}] [--order {sequential,random,quasi_random}]
                           [--deadline SECONDS] [--strict]
"""
import argparse
import faulthandler
import json
import multiprocessing
import os
import sys
import time
from pathlib import Path

# The embeddable CPython's ._pth file puts the interpreter in isolated mode: the script's folder is
# not on sys.path. Spawned children get this sys.path from the parent, so they find ffcv_data too.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ffcv_data import (COUNT, OUT, diff_stats, loaded_libraries, make_images, read_dataset,  # noqa: E402
                       reference_decode, resized, write_dataset)


def in_sorted_order(images, labels):
    # RANDOM and QUASI_RANDOM return the samples shuffled: put them back in label order to compare.
    order = labels.argsort(kind="stable")
    return images[order], labels[order]


def ffcv_libraries(ffcv_file):
    """Loaded libraries that come from the wheel: the package folder, or delvewheel's ffcv.libs beside it."""
    site = os.path.normcase(os.path.dirname(os.path.dirname(os.path.abspath(ffcv_file))))
    ours = [os.path.join(site, "ffcv") + os.sep, os.path.join(site, "ffcv.libs") + os.sep]
    found = []
    for path in loaded_libraries():
        normal = os.path.normcase(os.path.abspath(path))
        if any(normal.startswith(prefix) for prefix in ours):
            found.append(os.path.relpath(normal, site).replace(os.sep, "/"))
    return sorted(found)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--os-cache", choices=["true", "false"], default="true")
    parser.add_argument("--order", choices=["sequential", "random", "quasi_random"], default="sequential")
    parser.add_argument("--deadline", type=float, default=600, help="dump all stacks and exit after this")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 unless labels and pixels match as the test suite requires (for CI jobs)")
    options = parser.parse_args(argv)
    # DatasetWriter polls its workers' progress forever: if they die, the run would hang silently.
    faulthandler.dump_traceback_later(options.deadline, exit=True)
    os_cache = options.os_cache == "true"

    started = time.perf_counter()
    import ffcv
    from ffcv.fields.decoders import RandomResizedCropRGBImageDecoder, SimpleRGBImageDecoder

    report = {"ffcv_version": ffcv.__version__, "ffcv_file": ffcv.__file__, "platform": sys.platform,
              "os_cache": os_cache, "order": options.order, "count": COUNT,
              "import_seconds": round(time.perf_counter() - started, 1)}

    images = make_images()
    options.workdir.mkdir(parents=True, exist_ok=True)
    path = options.workdir / f"data-{options.order}-{options.os_cache}.beton"
    started = time.perf_counter()
    write_dataset(path, images, num_workers=2)
    report["write_seconds"] = round(time.perf_counter() - started, 1)
    references = [reference_decode(image) for image in images]

    started = time.perf_counter()
    plain, labels = read_dataset(path, SimpleRGBImageDecoder(), options.order, os_cache)
    report["shuffled"] = labels.tolist() != list(range(COUNT))  # the order option took effect
    plain, labels = in_sorted_order(plain, labels)
    report["plain_labels_ok"] = labels.tolist() == list(range(COUNT))
    if report["plain_labels_ok"]:
        report["plain_mean_abs_diff"], report["plain_max_abs_diff"] = diff_stats(plain, references)

    rrc = RandomResizedCropRGBImageDecoder((OUT, OUT), scale=(1.0, 1.0), ratio=(1.0, 1.0))
    cropped, labels = in_sorted_order(*read_dataset(path, rrc, options.order, os_cache))
    report["rrc_labels_ok"] = labels.tolist() == list(range(COUNT)) and cropped.shape == (COUNT, OUT, OUT, 3)
    if report["rrc_labels_ok"]:
        report["rrc_mean_abs_diff"], report["rrc_max_abs_diff"] = diff_stats(cropped, [resized(r) for r in references])
    report["read_seconds"] = round(time.perf_counter() - started, 1)
    report["ffcv_libraries"] = ffcv_libraries(ffcv.__file__)
    print("RESULT " + json.dumps(report), flush=True)
    if options.strict:
        # The test suite's thresholds: TurboJPEG's fast DCT differs from PIL's decode by a few levels at most.
        good = (report["plain_labels_ok"] and report["rrc_labels_ok"] and report["plain_mean_abs_diff"] < 2.0
                and report["plain_max_abs_diff"] <= 12 and report["rrc_mean_abs_diff"] < 2.5
                and report["rrc_max_abs_diff"] <= 16)
        sys.exit(0 if good else 1)


if __name__ == "__main__":
    # Windows has only 'spawn'; asking for it everywhere makes the Linux run of this script alike.
    multiprocessing.set_start_method("spawn")
    main()
