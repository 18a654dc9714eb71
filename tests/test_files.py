"""backend/files.py: a file or folder appears whole or not at all."""
from __future__ import annotations

from pathlib import Path

import pytest

from backend import files
from backend.errors import BuildError


def test_atomic_file_appears_only_when_the_block_succeeds(tmp_path: Path) -> None:
    final = tmp_path / "out" / "x.bin"
    with pytest.raises(RuntimeError):
        with files.atomic_file(final) as temp:
            temp.write_bytes(b"half")
            raise RuntimeError("stopped")
    assert not final.exists() and list(final.parent.iterdir()) == []
    with files.atomic_file(final, mode=0o644) as temp:
        temp.write_bytes(b"whole")
    assert final.read_bytes() == b"whole" and final.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in final.parent.iterdir()] == ["x.bin"]


def test_atomic_file_names_the_folder_it_cannot_write(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(BuildError, match="is a file, where a folder is needed"):
        with files.atomic_file(blocker / "x.bin", on_error=files.cache_error):
            pass


def test_cached_folder_publishes_with_its_marker_and_reuses_it(tmp_path: Path) -> None:
    final = tmp_path / "cache" / "entry"
    with files.cached_folder(final, "done") as staging:
        assert staging is not None and staging != final
        (staging / "data").write_text("1")
        (staging / "done").write_text("")
    assert (final / "data").read_text() == "1"
    with files.cached_folder(final, "done") as staging:
        assert staging is None


def test_cached_folder_never_publishes_without_its_marker(tmp_path: Path) -> None:
    final = tmp_path / "cache" / "entry"
    with pytest.raises(BuildError, match="lacks its marker"):
        with files.cached_folder(final, "done") as staging:
            (staging / "data").write_text("1")
    assert not final.exists()
    assert sorted(p.name for p in final.parent.iterdir() if not p.name.endswith(".lock")) == []


def test_safe_archive_names_are_checked_here_too() -> None:
    with pytest.raises(BuildError, match="unsafe path"):
        files.check_safe_name("../x", Path("a.zip"))
