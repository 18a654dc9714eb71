"""The patch series against the real upstream sdist."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from backend.errors import BuildError
from backend.inputs.archive import extract_sdist
from backend.log import Log
from backend.patching import apply_series, patch_series

SERIES = Path(__file__).resolve().parent.parent / "patches" / "1.0.2"


@pytest.fixture
def tree(upstream_sdist: Path, tmp_path: Path) -> Path:
    return extract_sdist(upstream_sdist, tmp_path)


def test_every_patch_has_a_subject_and_a_reason() -> None:
    for patch in patch_series(SERIES):
        head = patch.read_text().split("diff --git", 1)[0]
        assert head.startswith("Subject: "), patch.name
        assert "\nWhy: " in head, patch.name


def test_series_applies_and_does_what_it_says(tree: Path) -> None:
    applied = apply_series(tree, SERIES, Log(colour=False))
    assert [a.name for a in applied] == [p.name for p in patch_series(SERIES)]
    setup = (tree / "setup.py").read_text()
    assert "def pkgconfig_windows(" not in setup and "def pkgconfig(" not in setup
    assert "distutils" not in setup and "ffcv_native_build.json" in setup
    assert "license_files = ('LICENSE',)" in setup and (tree / "LICENSE").is_file()
    for requirement in ("'numpy'", "'Pillow'", "'torch'", "'opencv-python-headless'"):
        assert requirement in setup
    assert "'opencv-python'" not in setup  # the GUI build, whose cv2 needs libGL.so.1
    assert "distutils" not in (tree / "ffcv" / "pipeline" / "graph.py").read_text()
    assert "__version__ = '1.0.2'" in (tree / "ffcv" / "__init__.py").read_text()
    source = (tree / "libffcv" / "libffcv.cpp").read_text()
    assert re.findall(r"#include <opencv2/[^>]+>", source) == ["#include <opencv2/core.hpp>",
                                                                 "#include <opencv2/imgproc.hpp>"]


def test_patch_that_no_longer_applies_names_file_and_hunk(tree: Path, tmp_path: Path) -> None:
    setup = tree / "setup.py"
    setup.write_text(setup.read_text().replace("import platform\n", "import platform  # changed upstream\n"))
    with pytest.raises(BuildError) as error:
        apply_series(tree, SERIES, Log(colour=False))
    text = str(error.value)
    assert "0001-setup-use-setuptools.patch" in text
    assert "setup.py" in text and "hunk no.1" in text


def test_patch_without_subject_is_refused(tree: Path, tmp_path: Path) -> None:
    series = tmp_path / "series"
    series.mkdir()
    body = (SERIES / "0006-version-string.patch").read_text()
    (series / "0001-x.patch").write_text(body[body.index("diff --git"):])
    with pytest.raises(BuildError, match="no 'Subject:' header"):
        apply_series(tree, series, Log(colour=False))


def test_empty_series_is_an_error(tree: Path, tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="No patch series"):
        apply_series(tree, tmp_path, Log(colour=False))
