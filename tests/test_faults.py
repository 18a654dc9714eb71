"""Faults a user meets (issue 14), each against loopback servers and real files: one clear error (or it
works), nothing half-written left behind, nothing that hangs. Tiny rates, windows and timeouts keep each
test to seconds."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest

from backend import files, log as log_module, pipeline
from backend.errors import BuildError
from backend.inputs import download, fetch, index, net, upstream
from backend.log import Log
from conftest import FIXTURE_SDIST_NAME, PROJECT_DIR, IndexServer, leftovers, sdist_bytes, sha

FILENAME = FIXTURE_SDIST_NAME
NOBODY = 65534


def file_requests(server: IndexServer) -> list[str]:
    return [r for r in server.requests if r.startswith("/files/")]


def captured() -> tuple[Log, StringIO]:
    stream = StringIO()
    return Log(stream, colour=False), stream


def error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("[ERROR]")]


@pytest.fixture
def served(index_server, fake_project, make_ctx, no_proxy_env):
    """(data, make): `data` served and pinned; make(config, log) builds a context on the local index."""
    data = sdist_bytes()
    index_server.files[FILENAME] = data
    project = fake_project(FILENAME, sha(data))

    def make(config=None, log=None):
        return make_ctx({"index-url": index_server.url, **(config or {})}, project=project, log=log)

    return data, make


@pytest.fixture
def open_dir():
    """A folder an unprivileged user can reach (pytest's own tmp folder is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="ffcv-faults-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


@contextmanager
def unprivileged():
    """Run the block as an ordinary user: root ignores read-only permissions."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


# --- 1. downloads that trickle, transient failures, locks that are held ---------------------------

@pytest.mark.timeout(60)
def test_a_trickling_download_is_abandoned_with_progress_lines(served, index_server, monkeypatch):
    """1 byte every 20 ms never trips the per-read timeout: the minimum rate does, on every attempt,
    and the slow transfer shows progress lines meanwhile."""
    data, make = served
    index_server.files[FILENAME] = data = data + b"\0" * 2000  # ~40 s at the trickle's pace
    monkeypatch.setattr(download, "MIN_RATE", 1000)
    monkeypatch.setattr(download, "RATE_WINDOW", 0.5)
    monkeypatch.setattr(log_module, "PROGRESS_INTERVAL", 0.2)
    index_server.trickle = 0.02
    log, stream = captured()
    ctx = make(log=log)
    start = time.monotonic()
    with pytest.raises(BuildError) as info:
        fetch.fetch_from_index(ctx, "upstream", "ffcv", FILENAME, sha(data))
    assert time.monotonic() - start < 15
    assert "slower than the minimum of 1000 bytes/s (after 3 attempts)" in str(info.value)
    assert len(file_requests(index_server)) == 3
    out = stream.getvalue()
    assert f"[INFO] downloading {FILENAME}: " in out and "bytes/s (slow)" in out
    assert out.count("[WARN] download of") == 2 and "trying again" in out
    assert leftovers(ctx.cache_dir) == []


def test_transient_server_errors_are_tried_again(served, index_server):
    data, make = served
    index_server.failures = 2
    log, stream = captured()
    path = fetch.fetch_from_index(make(log=log), "upstream", "ffcv", FILENAME, sha(data))
    assert path.read_bytes() == data
    assert len(file_requests(index_server)) == 3
    assert stream.getvalue().count("HTTP 503") == 2


def test_transient_errors_give_up_after_three_attempts(served, index_server):
    data, make = served
    index_server.failures = 5
    ctx = make()
    with pytest.raises(BuildError, match=r"HTTP 503 .* \(after 3 attempts\)"):
        fetch.fetch_from_index(ctx, "upstream", "ffcv", FILENAME, sha(data))
    assert len(file_requests(index_server)) == 3 and leftovers(ctx.cache_dir) == []


def test_a_missing_file_is_not_tried_again(index_server, tmp_path, no_proxy_env):
    url = index_server.url.rsplit("/simple", 1)[0] + "/files/absent.tar.gz"
    with pytest.raises(BuildError, match="HTTP 404"):
        download.download(url, tmp_path / "absent.tar.gz", sha(b""), Log(StringIO(), colour=False))
    assert len(file_requests(index_server)) == 1


def test_retry_delays_back_off(monkeypatch):
    slept = []
    monkeypatch.setattr(net, "RETRY_DELAYS", (1.0, 4.0))
    monkeypatch.setattr(net.time, "sleep", slept.append)
    calls = []

    def refused():
        calls.append(1)
        raise ConnectionRefusedError(111, "Connection refused")

    with pytest.raises(net.Failed, match=r"Connection refused \(after 3 attempts\)"):
        net.with_retries(refused, "x")
    assert slept == [1.0, 4.0] and len(calls) == 3


HOLD_LOCK = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from backend.files import cache_lock
with cache_lock(Path(sys.argv[2])):
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
"""


@contextmanager
def lock_holder(path: Path, seconds: float):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(PROJECT_DIR), str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.timeout(60)
def test_a_held_lock_is_reported_with_the_holders_pid_and_given_up_on(tmp_path, monkeypatch):
    """Before: a silent wait of 600 s, then filelock.Timeout's traceback."""
    monkeypatch.setattr(files, "LOCK_NOTICE", 0.2)
    target = tmp_path / "cache" / "upstream" / FILENAME
    log, stream = captured()
    with lock_holder(target, 60) as holder:
        start = time.monotonic()
        with pytest.raises(BuildError) as info:
            with files.cache_lock(target, log, timeout=1.0):
                pass
        assert time.monotonic() - start < 10
    message = str(info.value)
    assert f"another build (pid {holder.pid})" in message and f"{target}.lock" in message
    assert "delete" in message
    waits = [line for line in stream.getvalue().splitlines() if "waiting for another build" in line]
    assert waits[0] == f"[INFO] waiting for another build of {FILENAME} (pid {holder.pid}) to finish with it"
    assert len(waits) >= 2 and "s so far" in waits[-1]


@pytest.mark.timeout(60)
def test_a_released_lock_is_taken_after_the_wait(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "LOCK_NOTICE", 0.2)
    target = tmp_path / FILENAME
    log, stream = captured()
    with lock_holder(target, 1.0):
        with files.cache_lock(target, log, timeout=30):
            assert Path(f"{target}.lock.owner").read_text().split()[0] == str(os.getpid())
    assert "waiting for another build" in stream.getvalue()
    assert not Path(f"{target}.lock.owner").exists()


# --- 2. read-only caches, cache paths that cannot work, unwritable output ------------------------------

def test_a_read_only_cache_that_holds_the_file_works(open_dir, index_server, make_ctx, no_proxy_env):
    data = sdist_bytes()
    cache = open_dir / "cache"
    (cache / "upstream").mkdir(parents=True)
    (cache / "upstream" / FILENAME).write_bytes(data)
    for folder in (cache / "upstream", cache):
        folder.chmod(0o555)
    ctx = make_ctx({"cache-dir": str(cache), "index-url": index_server.url})
    with unprivileged():
        path = fetch.fetch_from_index(ctx, "upstream", "ffcv", FILENAME, sha(data))
        # A locked entry in a read-only folder (a built prefix, the embeddable CPython): no lock either.
        with files.cache_lock(cache / "upstream" / FILENAME):
            pass
    assert path == cache / "upstream" / FILENAME
    assert sorted(p.name for p in (cache / "upstream").iterdir()) == [FILENAME]
    assert index_server.requests == []


def test_a_read_only_cache_without_the_file_is_one_error(open_dir, index_server, make_ctx, no_proxy_env):
    data = sdist_bytes()
    index_server.files[FILENAME] = data
    cache = open_dir / "cache"
    (cache / "upstream").mkdir(parents=True)
    (cache / "upstream").chmod(0o555)
    ctx = make_ctx({"cache-dir": str(cache), "index-url": index_server.url})
    with unprivileged():
        with pytest.raises(BuildError) as info:
            fetch.fetch_from_index(ctx, "upstream", "ffcv", FILENAME, sha(data))
        # A folder entry whose build would have to write: the same clear error, not a PermissionError.
        with pytest.raises(BuildError, match="is read-only, and prefix is not ready in it"):
            with files.cache_lock(cache / "upstream" / "prefix"):
                (cache / "upstream" / "prefix").mkdir()
    assert f"The cache folder {cache / 'upstream'} is read-only, and {FILENAME} is not in it." in str(info.value)
    assert "-C cache-dir=PATH" in str(info.value)
    assert index_server.requests == []


def test_an_unwritable_cache_folder_is_one_error(open_dir, make_ctx):
    cache = open_dir / "cache"
    cache.mkdir()
    cache.chmod(0o555)
    ctx = make_ctx({"cache-dir": str(cache), "offline": "true"})
    with unprivileged():
        with pytest.raises(BuildError) as info:
            fetch.fetch_from_index(ctx, "upstream", "ffcv", FILENAME, sha(b"x"))
        # The folder exists: its files cannot be made (staging, .part), it is no misplaced entry.
        with pytest.raises(BuildError) as staged:
            with files.staged_folder(cache / "entry"):
                pass
        with pytest.raises(BuildError) as part:
            download.download("http://127.0.0.1:9/x", cache / FILENAME, sha(b"x"), Log(StringIO()))
    assert f"{cache / 'upstream'} is not writable" in str(info.value)
    assert staged.value.message == part.value.message == f"The cache at {cache} is not writable (Permission denied)."


@pytest.mark.parametrize("layout, expected", [
    ("cache-is-a-file", "The cache path {cache} is a file, where a folder is needed."),
    ("kind-is-a-file", "The cache path {cache}/upstream is a file, where a folder is needed."),
    ("entry-is-a-folder", "The cache holds a folder at {cache}/upstream/" + FILENAME + ", where it keeps a file."),
    ("lock-is-a-folder", "The cache holds a folder at {cache}/upstream/" + FILENAME + ".lock, where it keeps a file."),
])
def test_cache_paths_that_cannot_work_are_one_error(served, index_server, tmp_path, layout, expected):
    data, make = served
    cache = tmp_path / "odd-cache"
    if layout == "cache-is-a-file":
        cache.write_text("not a folder")
    elif layout == "kind-is-a-file":
        cache.mkdir()
        (cache / "upstream").write_text("not a folder")
    else:
        name = FILENAME + (".lock" if layout == "lock-is-a-folder" else "")
        (cache / "upstream" / name).mkdir(parents=True)
    with pytest.raises(BuildError) as info:
        fetch.fetch_from_index(make({"cache-dir": str(cache)}), "upstream", "ffcv", FILENAME, sha(data))
    assert info.value.message == expected.format(cache=cache)
    assert "-C cache-dir=PATH" in (info.value.hint or "")
    assert file_requests(index_server) == []


def test_an_unwritable_output_folder_is_found_before_the_build(served, index_server, open_dir):
    """Before: a traceback after the whole build (download, compile, repair)."""
    _, make = served
    out_file = open_dir / "not-a-folder"
    out_file.write_text("")
    with pytest.raises(BuildError, match=f"Cannot write to the output folder {out_file}"):
        pipeline.build_wheel(make(), out_file)
    read_only = open_dir / "dist"
    read_only.mkdir()
    read_only.chmod(0o555)
    ctx = make()
    with unprivileged():
        with pytest.raises(BuildError) as info:
            pipeline.build_wheel(ctx, read_only)
    assert info.value.message.startswith(f"Cannot write to the output folder {read_only}: Permission denied")
    assert index_server.requests == [] and list(read_only.iterdir()) == []


# --- 3. indexes that answer badly ------------------------------------------------------------------

@pytest.fixture
def second_index(tmp_path):
    server = IndexServer(tmp_path)
    yield server
    server.close()


@pytest.mark.parametrize("page, reason", [
    (b"{not json", "malformed JSON"),
    (b'{"files": {"a": 1}}', "has no list of files"),
    (b"[1, 2]", "has no list of files"),
], ids=["not-json", "files-not-a-list", "not-an-object"])
def test_a_malformed_json_index_is_reported_and_the_next_one_tried(index_server, second_index, no_proxy_env,
                                                                   page, reason):
    index_server.files[FILENAME] = second_index.files[FILENAME] = b"a"
    index_server.page_body = page
    url = index.find_file_url([index_server.url, second_index.url], "ffcv", FILENAME)
    assert url == second_index.url.replace("/simple", "/files/") + FILENAME
    with pytest.raises(BuildError) as info:
        index.find_file_url([index_server.url], "ffcv", FILENAME)
    assert f"{index_server.url}/ffcv/: the index" in str(info.value) and reason in str(info.value)


def test_json_entries_without_filename_or_url_are_read_as_pip_does(index_server, no_proxy_env):
    index_server.files[FILENAME] = b"a"
    index_server.page_body = (b'{"files": [{"url": "/files/' + FILENAME.encode() + b'"}, {"filename": "x.whl"},'
                              b' "junk", {"filename": "y.whl", "url": 7}]}')
    assert index.project_files(index_server.url, "ffcv") == {
        FILENAME: index_server.url.replace("/simple", "/files/") + FILENAME}


def test_an_index_page_cut_short_is_reported_per_index(index_server, second_index, no_proxy_env):
    index_server.files[FILENAME] = second_index.files[FILENAME] = b"a"
    index_server.truncate_pages = True
    assert index.find_file_url([index_server.url, second_index.url], "ffcv", FILENAME).startswith(
        second_index.url.replace("/simple", ""))
    index_server.requests.clear()
    with pytest.raises(BuildError) as info:
        index.find_file_url([index_server.url], "ffcv", FILENAME)
    assert "connection closed early" in str(info.value)
    assert index_server.requests.count("/simple/ffcv/") == 3  # tried again: it may be a hiccup


@pytest.mark.parametrize("url", ["127.0.0.1:9/simple", "mirror/simple", "C:\\mirror\\simple", "ftp://h/simple"])
def test_an_index_url_without_a_usable_scheme_is_a_clear_error(url, served):
    _, make = served
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(make({"index-url": url}))
    assert f"{url}: not an index URL (it starts with https://, http:// or file://)" in str(info.value)


# --- pip's index settings ----------------------------------------------------------------------------

@pytest.fixture
def pip_env(monkeypatch, tmp_path):
    """pip's settings from the environment only: no config file of this machine, no PIP_* of its own."""
    for name in list(os.environ):
        if name.startswith("PIP_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    return monkeypatch


def without_index_setting(ctx):
    return replace(ctx, settings=replace(ctx.settings, index_url=None))


def test_pip_no_index_is_honoured(served, index_server, pip_env):
    data, make = served
    pip_env.setenv("PIP_INDEX_URL", index_server.url)
    pip_env.setenv("PIP_NO_INDEX", "1")
    ctx = without_index_setting(make())
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(ctx)
    assert "pip is set up with no-index" in str(info.value) and index_server.requests == []
    pip_env.setenv("PIP_NO_INDEX", "false")
    assert upstream.upstream_sdist(ctx).read_bytes() == data


def test_pip_find_links_serve_the_file_with_no_index(served, index_server, pip_env, tmp_path):
    data, make = served
    links = tmp_path / "wheelhouse"
    links.mkdir()
    (links / FILENAME).write_bytes(data)
    pip_env.setenv("PIP_NO_INDEX", "yes")
    pip_env.setenv("PIP_FIND_LINKS", f"{tmp_path / 'absent'} {links}")
    ctx = without_index_setting(make())
    path = upstream.upstream_sdist(ctx)
    assert path == ctx.cache_dir / "upstream" / FILENAME and path.read_bytes() == data
    assert index_server.requests == []


def test_pip_settings_read_as_pip_reads_them(tmp_path, pip_env):
    conf = tmp_path / "pip.conf"
    conf.write_text("[global]\nno-index = true\nfind-links = /a /b\n[install]\nindex-url = http://127.0.0.1:9/i\n")
    environ = {"PIP_CONFIG_FILE": str(conf), "HOME": str(tmp_path)}
    sources = index.pip_sources(environ)
    assert sources.no_index and sources.find_links == ["/a", "/b"]
    assert sources.index_urls[0] == "http://127.0.0.1:9/i" and index.pip_index_urls(environ) == []
    assert index.pip_sources({**environ, "PIP_NO_INDEX": "off"}).no_index is False
    with pytest.raises(BuildError, match="PIP_NO_INDEX='maybe' is neither true nor false"):
        index.pip_sources({**environ, "PIP_NO_INDEX": "maybe"})


# --- 6. SIGTERM and SIGKILL during a download ---------------------------------------------------------

BUILD = """
import sys
from backend import hooks
hooks.build_wheel(sys.argv[1], {"index-url": sys.argv[2], "cache-dir": sys.argv[3]})
"""


def start_build(project: Path, index_url: str, cache: Path, tmpdir: Path, out: Path) -> subprocess.Popen:
    """A wheel build through the PEP 517 hook, as a frontend runs it, stuck in a trickling download."""
    tmpdir.mkdir()
    env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONPATH": str(project), "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-c", BUILD, str(out), index_url, str(cache)], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(predicate, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def parts(cache: Path) -> list[Path]:
    return list(cache.rglob("*.part"))


@pytest.mark.timeout(120)
def test_sigterm_removes_part_files_and_the_work_folder(index_server, fake_project, tmp_path, no_proxy_env):
    """What CI cancellation and timeout(1) send. Before: Python's default ended the process at once."""
    data = sdist_bytes()
    index_server.files[FILENAME] = data
    index_server.trickle = 0.5
    cache, tmpdir = tmp_path / "cache", tmp_path / "tmp"
    build = start_build(fake_project(FILENAME, sha(data)), index_server.url, cache, tmpdir, tmp_path / "dist")
    try:
        wait_for(lambda: parts(cache) and list(tmpdir.glob("ffcv-build-*")))
        build.send_signal(signal.SIGTERM)
        _, stderr = build.communicate(timeout=30)
    finally:
        build.kill()
    assert build.returncode == 143, stderr
    assert error_lines(stderr) == ["[ERROR] Stopped by SIGTERM; its downloads and temporary folders were removed."]
    assert "Traceback" not in stderr
    assert leftovers(cache) == [] and list(tmpdir.iterdir()) == []


@pytest.mark.timeout(120)
def test_the_next_build_sweeps_what_a_killed_one_left(index_server, fake_project, make_ctx, tmp_path, no_proxy_env):
    """SIGKILL cannot be caught: the .part file stays, and the next build removes it under the lock."""
    data = sdist_bytes()
    index_server.files[FILENAME] = data
    index_server.trickle = 0.5
    project = fake_project(FILENAME, sha(data))
    cache = tmp_path / "cache"
    build = start_build(project, index_server.url, cache, tmp_path / "tmp", tmp_path / "dist")
    try:
        wait_for(lambda: parts(cache))
        build.kill()
    finally:
        build.wait()
    (stale,) = parts(cache)
    staging = cache / "upstream" / f".{FILENAME}.abcd_123"  # a staged folder of a killed build
    staging.mkdir()
    other = cache / "upstream" / "other-1.0.tar.gz.abcdefgh.part"  # another entry's: not ours to remove
    other.write_bytes(b"")
    index_server.trickle = 0
    log, stream = captured()
    ctx = make_ctx({"index-url": index_server.url, "cache-dir": str(cache)}, project=project, log=log)
    assert upstream.upstream_sdist(ctx).read_bytes() == data
    assert not stale.exists() and not staging.exists() and other.exists()
    assert f"[INFO] removing {stale}, left by a build that was killed" in stream.getvalue()


# --- 4 and 7. settings and smaller faults -----------------------------------------------------------------

@pytest.mark.parametrize("tag", ["1-x", "1.0-2", "1 x", "1+x", "1é"])
def test_a_build_tag_pip_would_refuse_is_refused_up_front(tmp_path, tag):
    """Before: '1-x' compiled, then auditwheel raised InvalidWheelFilename (or, with repair=false, a wheel
    pip refuses to install)."""
    from backend.settings import load_settings

    with pytest.raises(BuildError) as info:
        load_settings({"build-tag": tag}, {}, tmp_path)
    assert f"is not a wheel build tag: {tag!r}" in str(info.value) and "no '-'" in str(info.value)


@pytest.mark.parametrize("tag", ["1", "2rebuild", "2_rebuild", "20250101.1", "0"])
def test_build_tags_by_the_wheel_spec_are_accepted(tmp_path, tag):
    from backend.settings import load_settings

    assert load_settings({"build-tag": tag}, {}, tmp_path).build_tag == tag


def test_relative_setting_paths_are_resolved(tmp_path, monkeypatch):
    """-C and FFCV_BUILD_* paths against the current folder, pyproject.toml's against the project."""
    from backend.settings import load_settings

    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.ffcv-build]\nlocal-files = ["mirror"]\n')
    monkeypatch.chdir(tmp_path)
    settings = load_settings({"cache-dir": "cache", "upstream-sdist": "../x/s.tar.gz"}, {}, project)
    assert settings.cache_dir == tmp_path / "cache"
    assert settings.upstream_sdist == tmp_path.parent / "x" / "s.tar.gz"
    assert settings.local_files == (project / "mirror",)


def test_upstream_sdist_naming_a_folder_says_so(served, tmp_path):
    data, make = served
    (tmp_path / "sdists").mkdir()
    (tmp_path / "sdists" / FILENAME).write_bytes(data)
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(make({"upstream-sdist": str(tmp_path / "sdists")}))
    assert info.value.message == f"upstream-sdist {tmp_path / 'sdists'} is a folder; it names the sdist file itself."
    assert f"-C upstream-sdist={tmp_path / 'sdists' / FILENAME}" in str(info.value.hint)


def test_local_files_may_name_a_folder(served, index_server, tmp_path):
    """Before: a folder was ignored silently, and the offline error advised local-files."""
    data, make = served
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / FILENAME).write_bytes(data)
    ctx = make({"local-files": str(mirror), "offline": "true"})
    assert upstream.needs_network(ctx) is False
    assert upstream.upstream_sdist(ctx) == mirror / FILENAME
    with pytest.raises(BuildError, match=f"local-files names {tmp_path / 'absent'}, which does not exist"):
        upstream.upstream_sdist(make({"local-files": str(tmp_path / "absent")}))
    assert index_server.requests == []


def test_a_cache_inside_the_project_is_said(make_ctx, tmp_path):
    log, stream = captured()
    ctx = make_ctx({"cache-dir": str(PROJECT_DIR / ".cache")}, log=log)
    pipeline.note_cache_in_project(ctx)
    assert f"[WARN] cache-dir is {PROJECT_DIR / '.cache'}, inside the project folder" in stream.getvalue()
    log, stream = captured()
    pipeline.note_cache_in_project(make_ctx({"cache-dir": str(tmp_path)}, log=log))
    assert stream.getvalue() == ""


def test_cxx_naming_a_missing_compiler_is_named(make_ctx):
    from backend.toolchains.registry import detect

    with pytest.raises(BuildError) as info:
        detect(make_ctx(), {"CXX": "g++-99", "PATH": os.environ["PATH"]})
    assert info.value.message == "CXX=g++-99 names a compiler that is not on PATH."
    assert "unset CXX" in str(info.value.hint)


PATCH = """Subject: {subject}
Why: a test

diff --git a/a.txt b/a.txt
--- a/a.txt
+++ b/a.txt
@@ -1,2 +1,3 @@
 one
+two
 three
"""


@pytest.mark.parametrize("second, expected", [
    ("add two", "0002-copy.patch is a copy of 0001-add.patch"),
    ("add two, again", "Patch 0002-copy.patch changes nothing: tree already has its changes"),
], ids=["same-file", "same-change"])
def test_a_duplicate_patch_is_refused(tmp_path, second, expected):
    """Before: patch_ng reported 'already patched' as success, and the build record listed it twice."""
    from backend.patching import apply_series

    tree, series = tmp_path / "tree", tmp_path / "series"
    tree.mkdir()
    series.mkdir()
    (tree / "a.txt").write_text("one\nthree\n")
    (series / "0001-add.patch").write_text(PATCH.format(subject="add two"))
    assert [a.name for a in apply_series(tree, series, Log(StringIO(), colour=False))] == ["0001-add.patch"]
    (tree / "a.txt").write_text("one\nthree\n")
    (series / "0002-copy.patch").write_text(PATCH.format(subject=second))
    with pytest.raises(BuildError) as info:
        apply_series(tree, series, Log(StringIO(), colour=False))
    assert info.value.message.startswith(expected)


@pytest.mark.parametrize("fault", ["malformed", "cut-short", "unreachable"])
def test_a_failed_index_is_warned_even_when_a_later_one_serves(index_server, second_index, no_proxy_env, fault):
    """A broken first index must not hide behind a working fallback: each failure is a [WARN] at once."""
    second_index.files[FILENAME] = b"a"
    first = index_server.url
    index_server.files[FILENAME] = b"a"
    if fault == "malformed":
        index_server.page_body = b"{not json"
    elif fault == "cut-short":
        index_server.truncate_pages = True
    else:
        with socket.socket() as probe:  # a port nothing listens on
            probe.bind(("127.0.0.1", 0))
            first = f"http://127.0.0.1:{probe.getsockname()[1]}/simple"
    warnings: list[str] = []
    url = index.find_file_url([first, second_index.url], "ffcv", FILENAME, warn=warnings.append)
    assert url.startswith(second_index.url.replace("/simple", ""))
    failed = [line for line in warnings if "trying the next location" in line]
    assert len(failed) == 1 and first in failed[0]
    warnings.clear()
    index.find_file_url([second_index.url], "ffcv", FILENAME, warn=warnings.append)
    assert warnings == []
