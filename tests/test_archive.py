"""Safe sdist extraction: one top folder, nothing unsafe, nothing left behind on failure."""
import io
import os
import tarfile

import pytest

from backend.archive import extract_sdist
from backend.errors import BuildError


def make_tar(path, entries):
    """entries: (name, kind, payload); kind is file/dir/sym/fifo/chr, payload bytes or a link target."""
    with tarfile.open(path, "w:gz") as tar:
        for name, kind, payload in entries:
            info = tarfile.TarInfo(name)
            data = None
            if kind == "file":
                info.size, data = len(payload), io.BytesIO(payload)
                info.mode = 0o644
            elif kind == "dir":
                info.type, info.mode = tarfile.DIRTYPE, 0o755
            elif kind == "sym":
                info.type, info.linkname = tarfile.SYMTYPE, payload
            elif kind == "fifo":
                info.type = tarfile.FIFOTYPE
            elif kind == "chr":
                info.type, info.devmajor, info.devminor = tarfile.CHRTYPE, 1, 3
            tar.addfile(info, data)
    return path


GOOD = [
    ("pkg-1.0", "dir", None),
    ("pkg-1.0/setup.py", "file", b"print('setup')\n"),
    ("pkg-1.0/src", "dir", None),
    ("pkg-1.0/src/mod.py", "file", b"X = 1\n"),
]


@pytest.fixture
def dest(tmp_path):
    folder = tmp_path / "dest"
    folder.mkdir()
    return folder


def test_good_archive_extracts_to_single_top_folder(tmp_path, dest):
    archive = make_tar(tmp_path / "pkg-1.0.tar.gz", GOOD)
    top = extract_sdist(archive, dest)
    assert top == dest / "pkg-1.0"
    assert sorted(p.name for p in dest.iterdir()) == ["pkg-1.0"]  # no staging folder left
    assert (top / "setup.py").read_bytes() == b"print('setup')\n"
    assert (top / "src" / "mod.py").read_bytes() == b"X = 1\n"


def test_good_archive_without_dir_entries(tmp_path, dest):
    archive = make_tar(tmp_path / "a.tar.gz", [e for e in GOOD if e[1] == "file"])
    top = extract_sdist(archive, dest)
    assert top == dest / "pkg-1.0" and (top / "src" / "mod.py").is_file()


def test_internal_relative_symlink_is_allowed(tmp_path, dest):
    archive = make_tar(tmp_path / "a.tar.gz", GOOD + [("pkg-1.0/link.py", "sym", "setup.py")])
    top = extract_sdist(archive, dest)
    assert (top / "link.py").is_symlink()
    assert (top / "link.py").read_bytes() == b"print('setup')\n"


def test_existing_target_is_replaced(tmp_path, dest):
    (dest / "pkg-1.0").mkdir()
    (dest / "pkg-1.0" / "stale.txt").write_text("old")
    top = extract_sdist(make_tar(tmp_path / "a.tar.gz", GOOD), dest)
    assert not (top / "stale.txt").exists() and (top / "setup.py").is_file()


@pytest.mark.parametrize("bad", [
    ("../x", "file", b"evil"),
    ("pkg-1.0/../../x", "file", b"evil"),
    ("/etc/x", "file", b"evil"),
    ("pkg-1.0/passwd", "sym", "../../etc/passwd"),
    ("pkg-1.0/abs", "sym", "/etc/passwd"),
    ("other-1.0/file", "file", b"second top folder"),
    ("pkg-1.0/fifo", "fifo", None),
    ("pkg-1.0/null", "chr", None),
], ids=["dotdot", "nested-dotdot", "absolute", "symlink-out", "symlink-abs", "two-tops", "fifo", "device"])
def test_unsafe_archive_refused_and_nothing_left(tmp_path, dest, bad):
    archive = make_tar(tmp_path / "bad.tar.gz", GOOD + [bad])
    with pytest.raises(BuildError) as info:
        extract_sdist(archive, dest)
    assert "bad.tar.gz" in str(info.value)
    assert list(dest.iterdir()) == []
    assert not (tmp_path / "x").exists() and not (tmp_path.parent / "x").exists()


def test_bad_member_first_also_refused(tmp_path, dest):
    archive = make_tar(tmp_path / "bad.tar.gz", [("../x", "file", b"evil")] + GOOD)
    with pytest.raises(BuildError):
        extract_sdist(archive, dest)
    assert list(dest.iterdir()) == []


def test_truncated_archive(tmp_path, dest):
    # incompressible content, so that half the bytes cut into the members
    entries = GOOD + [(f"pkg-1.0/blob{i}.bin", "file", os.urandom(64 * 1024)) for i in range(4)]
    whole = make_tar(tmp_path / "whole.tar.gz", entries).read_bytes()
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(BuildError) as info:
        extract_sdist(cut, dest)
    assert "truncated or not a valid" in str(info.value)
    assert list(dest.iterdir()) == []


@pytest.mark.parametrize("content", [b"this is not an archive\n" * 10, b""], ids=["text", "empty"])
def test_not_a_tar_gz(tmp_path, dest, content):
    path = tmp_path / "fake.tar.gz"
    path.write_bytes(content)
    with pytest.raises(BuildError) as info:
        extract_sdist(path, dest)
    assert "truncated or not a valid" in str(info.value)
    assert list(dest.iterdir()) == []


def test_plain_tar_not_gzip(tmp_path, dest):
    path = tmp_path / "plain.tar.gz"
    with tarfile.open(path, "w") as tar:
        info = tarfile.TarInfo("pkg-1.0/a")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"a"))
    with pytest.raises(BuildError) as info:
        extract_sdist(path, dest)
    assert "truncated or not a valid" in str(info.value)
    assert list(dest.iterdir()) == []


def test_dot_slash_prefixed_archive_gives_build_error_or_extracts(tmp_path, dest):
    # `tar czf x.tar.gz -C dir .` writes a "./" entry; the backend must not crash with a non-BuildError.
    archive = make_tar(tmp_path / "dot.tar.gz", [("./", "dir", None), ("./pkg-1.0", "dir", None),
                                                  ("./pkg-1.0/setup.py", "file", b"x")])
    try:
        top = extract_sdist(archive, dest)
    except BuildError:
        assert list(dest.iterdir()) == []
    else:
        assert (top / "setup.py").read_bytes() == b"x"
