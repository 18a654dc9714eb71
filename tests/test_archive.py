"""Safe sdist extraction: one top folder, nothing unsafe, nothing left behind on failure."""
import io
import os
import tarfile

import pytest

from backend.errors import BuildError
from backend.inputs.archive import check_safe_name, extract_sdist, extract_subtree, extract_zip_folder


def make_tar(path, entries, file_mode=0o644):
    """entries: (name, kind, payload); kind is file/dir/sym/hard/fifo/chr, payload bytes or a link target."""
    with tarfile.open(path, "w:gz") as tar:
        for name, kind, payload in entries:
            info = tarfile.TarInfo(name)
            data = None
            if kind == "file":
                info.size, data = len(payload), io.BytesIO(payload)
                info.mode = file_mode
            elif kind == "dir":
                info.type, info.mode = tarfile.DIRTYPE, 0o755
            elif kind == "sym":
                info.type, info.linkname = tarfile.SYMTYPE, payload
            elif kind == "hard":
                info.type, info.linkname = tarfile.LNKTYPE, payload
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


# --- the same safety without tarfile's extraction filters (CPython 3.10.11, Debian 12's 3.11.2) ---

def _with_hardlink(entries):
    return entries + [("pkg-1.0/hard.py", "hard", "pkg-1.0/setup.py")]


def test_extraction_never_uses_tarfile_filters(tmp_path, dest, monkeypatch):
    """Old interpreters have no filter= argument: our code must not call extractall/extract at all."""
    def refuse(*args, **kwargs):
        raise TypeError("extractall() got an unexpected keyword argument 'filter'")
    monkeypatch.setattr(tarfile.TarFile, "extractall", refuse)
    monkeypatch.setattr(tarfile.TarFile, "extract", refuse)
    monkeypatch.delattr(tarfile, "data_filter", raising=False)
    archive = make_tar(tmp_path / "a.tar.gz", _with_hardlink(GOOD) + [("pkg-1.0/link.py", "sym", "setup.py")],
                       file_mode=0o6777)
    top = extract_sdist(archive, dest)
    assert (top / "hard.py").read_bytes() == b"print('setup')\n" and not (top / "hard.py").is_symlink()
    assert (top / "link.py").is_symlink() and (top / "link.py").read_bytes() == b"print('setup')\n"
    # set-id bits and group/other write dropped, as the "data" filter does
    assert (top / "setup.py").stat().st_mode & 0o7777 == 0o755
    sub = extract_subtree(archive, "pkg-1.0", tmp_path / "sub")
    assert (sub / "hard.py").read_bytes() == b"print('setup')\n" and (sub / "src" / "mod.py").is_file()


@pytest.mark.parametrize("name", ["C:/Windows/x", "c:x", "\\\\server\\share\\x", "\\x", "a\\..\\..\\x",
                                  "pkg/../../x", "/x"])
def test_one_name_check_for_tar_zip_and_7z(tmp_path, name):
    with pytest.raises(BuildError, match="unsafe path"):
        check_safe_name(name, tmp_path / "a.zip")
    assert str(check_safe_name("pkg/sub/file.txt", tmp_path / "a.zip")) == "pkg/sub/file.txt"


def test_zip_folder_extraction_refuses_unsafe_names_and_links(tmp_path):
    import zipfile

    def make(entries):
        path = tmp_path / "z.zip"
        with zipfile.ZipFile(path, "w") as out:
            for name, data, attr in entries:
                info = zipfile.ZipInfo(name)
                info.external_attr = attr << 16
                out.writestr(info, data)
        return path

    good = make([("cp/python.exe", b"MZ", 0o100644), ("cp/Lib/os.py", b"x", 0o100644), ("other/x", b"y", 0o100644)])
    with zipfile.ZipFile(good) as archive:
        extract_zip_folder(archive, "cp", tmp_path / "out", good)
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file()) \
        == ["Lib/os.py", "python.exe"]
    for entries, message in [([("cp/..\\..\\evil", b"x", 0o100644)], "unsafe path"),
                             ([("cp/link", b"/etc/passwd", 0o120777)], "link")]:
        bad = make(entries)
        with zipfile.ZipFile(bad) as archive, pytest.raises(BuildError, match=message):
            extract_zip_folder(archive, "cp", tmp_path / "bad", bad)
        assert not (tmp_path / "evil").exists()


DEBIAN_PYTHON = "/usr/bin/python3"


@pytest.mark.skipif(not os.path.exists(DEBIAN_PYTHON), reason="no distribution python3 on this machine")
def test_extraction_under_the_distribution_python(tmp_path):
    """Debian 12's own python3 (3.11.2) has no tarfile filters: extract a good and refuse a bad sdist there."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    good = make_tar(tmp_path / "good.tar.gz", _with_hardlink(GOOD))
    bad = make_tar(tmp_path / "bad.tar.gz", GOOD + [("pkg-1.0/passwd", "sym", "../../etc/passwd")])
    script = (
        "import json, sys, tarfile\n"
        "from pathlib import Path\n"
        "from backend.inputs.archive import extract_sdist\n"
        "from backend.errors import BuildError\n"
        "out = {'version': sys.version.split()[0], 'filters': hasattr(tarfile, 'data_filter')}\n"
        "top = extract_sdist(Path(sys.argv[1]), Path(sys.argv[3]))\n"
        "out['files'] = sorted(p.name for p in top.rglob('*'))\n"
        "try:\n"
        "    extract_sdist(Path(sys.argv[2]), Path(sys.argv[4]))\n"
        "except BuildError as exc:\n"
        "    out['refused'] = str(exc)\n"
        "print(json.dumps(out))\n")
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    project = Path(__file__).resolve().parents[1]
    result = subprocess.run([DEBIAN_PYTHON, "-I", "-c", f"import sys; sys.path.insert(0, {str(project)!r})\n" + script,
                             str(good), str(bad), str(tmp_path / "d1"), str(tmp_path / "d2")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["files"] == ["hard.py", "mod.py", "setup.py", "src"], out
    assert "points outside" in out["refused"]
    assert list((tmp_path / "d2").iterdir()) == []
    print(f"python {out['version']} (tarfile filters: {out['filters']}); running tests on {sys.version.split()[0]}")
