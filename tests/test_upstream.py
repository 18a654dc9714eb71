"""The upstream stage: local file, cache or index download, always sha256-verified."""
import socket
import threading
import time
from io import StringIO

import pytest

from backend.errors import BuildError
from backend.inputs import download, upstream
from backend.log import Log
from conftest import FIXTURE_SDIST_NAME, sdist_bytes, sha, PROJECT_DIR, leftovers

from backend.pins import load_toml

FILENAME = FIXTURE_SDIST_NAME



def file_requests(server):
    return [r for r in server.requests if r.startswith("/files/")]


@pytest.fixture
def served(index_server, fake_project, make_ctx, no_proxy_env):
    """(data, make): `data` served and pinned; make(config, log) builds a context on the local index."""
    data = sdist_bytes()
    index_server.files[FILENAME] = data
    project = fake_project(FILENAME, sha(data))

    def make(config=None, log=None):
        return make_ctx({"index-url": index_server.url, **(config or {})}, project=project, log=log)

    return data, make


def test_download_then_cache_hit(served, index_server):
    data, make = served
    ctx = make()
    first = upstream.upstream_sdist(ctx)
    assert first == ctx.cache_dir / "upstream" / FILENAME
    assert first.read_bytes() == data
    second = upstream.upstream_sdist(make())
    assert second == first
    assert file_requests(index_server) == [f"/files/{FILENAME}"]
    assert leftovers(ctx.cache_dir) == [FILENAME]
    assert upstream.needs_network(make()) is False


@pytest.mark.parametrize("html", [False, True], ids=["json-pep691", "html-pep503"])
def test_index_forms(served, index_server, html):
    data, make = served
    index_server.html = html
    path = upstream.upstream_sdist(make())
    assert path.read_bytes() == data
    assert index_server.requests == ["/simple/ffcv/", f"/files/{FILENAME}"]


def test_wrong_sha256_keeps_nothing(index_server, fake_project, make_ctx, no_proxy_env):
    index_server.files[FILENAME] = sdist_bytes(b"served")
    project = fake_project(FILENAME, sha(sdist_bytes(b"pinned")))
    ctx = make_ctx({"index-url": index_server.url}, project=project)
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(ctx)
    assert "sha256 mismatch" in str(info.value)
    assert leftovers(ctx.cache_dir) == []
    assert not (ctx.cache_dir / "upstream" / FILENAME).exists()


def test_truncated_transfer_keeps_nothing(served, index_server):
    """A connection closed early is a transient failure, tried again, and reported as such (not as the
    index serving a different file)."""
    data, make = served
    index_server.truncate = True
    ctx = make()
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(ctx)
    assert f"the connection closed after {len(data) // 2} of {len(data)} bytes (after 3 attempts)" in str(info.value)
    assert "different file" not in str(info.value)
    assert leftovers(ctx.cache_dir) == []
    assert file_requests(index_server) == [f"/files/{FILENAME}"] * 3


def test_corrupted_cache_is_replaced(served, index_server):
    data, make = served
    cached = upstream.upstream_sdist(make())
    cached.write_bytes(b"corrupted bytes")
    stream = StringIO()
    again = upstream.upstream_sdist(make(log=Log(stream, colour=False)))
    assert again == cached and again.read_bytes() == data
    warnings = [line for line in stream.getvalue().splitlines() if line.startswith("[WARN]")]
    assert len(warnings) == 1 and FILENAME in warnings[0]
    assert len(file_requests(index_server)) == 2
    assert leftovers(cached.parent) == [FILENAME]


def test_offline_with_empty_cache(served, index_server):
    _, make = served
    ctx = make({"offline": "true"})
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(ctx)
    assert "offline" in str(info.value)
    assert index_server.requests == []
    assert leftovers(ctx.cache_dir) == []


def test_offline_with_filled_cache(served, index_server):
    data, make = served
    ctx = make({"offline": "true"})
    cached = ctx.cache_dir / "upstream" / FILENAME
    cached.parent.mkdir(parents=True)
    cached.write_bytes(data)
    assert upstream.upstream_sdist(ctx) == cached
    assert upstream.needs_network(ctx) is False
    assert index_server.requests == []


def test_offline_with_corrupt_cache_errors(served, index_server):
    _, make = served
    ctx = make({"offline": "true"})
    cached = ctx.cache_dir / "upstream" / FILENAME
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"wrong")
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(ctx)
    assert "offline" in str(info.value)
    assert not cached.exists() and index_server.requests == []


def test_index_unreachable(fake_project, make_ctx, no_proxy_env):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    project = fake_project(FILENAME, sha(sdist_bytes()))
    ctx = make_ctx({"index-url": f"http://127.0.0.1:{port}/simple"}, project=project)
    before = leftovers(ctx.cache_dir)
    assert upstream.needs_network(ctx) is True
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(ctx)
    assert "Cannot reach" in str(info.value)
    assert leftovers(ctx.cache_dir) == before == []


def test_file_absent_from_index(index_server, fake_project, make_ctx, no_proxy_env):
    index_server.files["ffcv-1.0.1.tar.gz"] = sdist_bytes()
    project = fake_project(FILENAME, sha(sdist_bytes()))
    ctx = make_ctx({"index-url": index_server.url}, project=project)
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(ctx)
    assert FILENAME in str(info.value)
    assert file_requests(index_server) == []
    assert leftovers(ctx.cache_dir) == []


def test_project_absent_from_index(index_server, fake_project, make_ctx, no_proxy_env):
    project = fake_project(FILENAME, sha(sdist_bytes()))  # index serves nothing: 404
    ctx = make_ctx({"index-url": index_server.url}, project=project)
    with pytest.raises(BuildError):
        upstream.upstream_sdist(ctx)
    assert leftovers(ctx.cache_dir) == []


def test_unsupported_version_lists_supported(make_ctx):
    pins = load_toml(PROJECT_DIR / "vendor_scripts" / "pins.toml")
    supported = list(pins["upstream"]["versions"])
    assert supported
    ctx = make_ctx({"upstream-version": "0.0.1"})
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(ctx)
    message = str(info.value)
    assert "0.0.1" in message
    for version in supported:
        assert version in message


def test_local_sdist_right_hash(tmp_path, served, index_server):
    data, make = served
    local = tmp_path / "elsewhere" / FILENAME
    local.parent.mkdir()
    local.write_bytes(data)
    ctx = make({"upstream-sdist": str(local)})
    assert upstream.upstream_sdist(ctx) == local
    assert upstream.needs_network(ctx) is False
    assert index_server.requests == []


def test_local_sdist_wrong_hash(tmp_path, served, index_server):
    _, make = served
    local = tmp_path / FILENAME
    local.write_bytes(sdist_bytes(b"other"))
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(make({"upstream-sdist": str(local)}))
    assert "sha256 mismatch" in str(info.value)
    assert index_server.requests == []


def test_local_sdist_missing(tmp_path, served):
    _, make = served
    with pytest.raises(BuildError) as info:
        upstream.upstream_sdist(make({"upstream-sdist": str(tmp_path / "nope.tar.gz")}))
    assert "does not exist" in str(info.value)


def test_concurrent_fetch_downloads_once(served, index_server, monkeypatch):
    data, make = served
    real_download = download.download

    def slow_download(*args, **kwargs):
        time.sleep(0.3)  # widen the window in which a second build could start its own download
        return real_download(*args, **kwargs)

    monkeypatch.setattr(download, "download", slow_download)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        ctx = make()
        barrier.wait()
        try:
            results.append(upstream.upstream_sdist(ctx))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert results[0].read_bytes() == data
    assert file_requests(index_server) == [f"/files/{FILENAME}"]
    assert leftovers(results[0].parent) == [FILENAME]
