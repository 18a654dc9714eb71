"""conftest.py for FFCV's own tests (from the upstream sdist's tests/), run by Windows CPython under Wine.

tests/test_ffcv_suite_wine.py copies this file, unchanged, as conftest.py next to the extracted upstream
test files. It changes no test and no part of ffcv: it only makes the standard library's temporary files
behave on Windows the way FFCV's tests (written for Linux) expect them to. Off Windows it does nothing.
"""
from __future__ import annotations

import functools
import os
import sys
import tempfile

import pytest

WINDOWS = sys.platform == "win32"


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:  # still mapped or open (see below): the folder it is in is removed by the caller
        pass


class _LenientNamedTemporaryFile:
    """The file of tempfile.NamedTemporaryFile(delete=False), removed on close or exit if Windows lets us."""

    def __init__(self, wrapper: tempfile._TemporaryFileWrapper) -> None:  # type: ignore[name-defined]
        self._wrapper = wrapper
        self._delete = True

    def __getattr__(self, name: str):
        return getattr(self._wrapper, name)

    def __iter__(self):
        return iter(self._wrapper)

    def __enter__(self) -> "_LenientNamedTemporaryFile":
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self._wrapper.__exit__(*exc_info)
        finally:
            self._cleanup()

    def close(self) -> None:
        try:
            self._wrapper.close()
        finally:
            self._cleanup()

    def _cleanup(self) -> None:
        if self._delete:
            self._delete = False
            _remove_quietly(self._wrapper.name)


if WINDOWS:
    _named_temporary_file = tempfile.NamedTemporaryFile
    _temporary_directory = tempfile.TemporaryDirectory

    # 1. NamedTemporaryFile(): FFCV's tests create one and hand its *name* to DatasetWriter and Loader, which
    #    open the file again. With delete=True, Windows CPython opens it with O_TEMPORARY (delete-on-close), and
    #    any second open of that file without FILE_SHARE_DELETE, which Python's open() and numpy's memmap never
    #    ask for, fails with PermissionError. So the file is made with delete=False and removed by us on
    #    close or exit. That removal may fail: the test's Reader or Loader usually still holds the file mapped
    #    (np.memmap, mmap), and Windows refuses to delete a mapped file (WinError 32) where Linux unlinks it.
    #    Such a file is left behind; tempfile.tempdir (fixture below) puts it in pytest's basetemp.
    @functools.wraps(_named_temporary_file)
    def _named_temporary_file_shim(*args, delete: bool = True, **kwargs):
        kwargs.pop("delete_on_close", None)
        handle = _named_temporary_file(*args, delete=False, **kwargs)
        return _LenientNamedTemporaryFile(handle) if delete else handle

    # 2. TemporaryDirectory(): on exit it removes the folder, which fails on Windows for the same reason while
    #    a file inside is still mapped or open (the Loader's memory map, a writer's file). ignore_cleanup_errors
    #    (Python 3.10+) leaves such files behind instead of failing the test that was otherwise done.
    @functools.wraps(_temporary_directory)
    def _temporary_directory_shim(*args, **kwargs):
        kwargs.setdefault("ignore_cleanup_errors", True)
        return _temporary_directory(*args, **kwargs)

    # Both are replaced in the module before the test files are imported: they do `from tempfile import
    # NamedTemporaryFile`, and pytest imports a folder's conftest.py before its test modules.
    tempfile.NamedTemporaryFile = _named_temporary_file_shim
    tempfile.TemporaryDirectory = _temporary_directory_shim


@pytest.fixture(scope="session", autouse=True)
def _temporary_files_in_basetemp(tmp_path_factory: pytest.TempPathFactory):
    """3. Temporary files under pytest's --basetemp, not in the Wine prefix's %TEMP%: what Windows would not let
    us delete (above) is removed with basetemp by the Linux side, instead of piling up in the cached prefix."""
    if not WINDOWS:
        yield
        return
    previous = tempfile.tempdir
    tempfile.tempdir = str(tmp_path_factory.mktemp("tempfile"))
    try:
        yield
    finally:
        tempfile.tempdir = previous
