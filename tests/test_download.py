"""Verified downloads (download.py) and the package index (index.py), against a local index."""
import socket
from io import StringIO

import pytest

from backend import files
from backend.errors import BuildError
from backend.inputs import download, index
from backend.log import Log
from conftest import FIXTURE_SDIST_NAME, sdist_bytes, sha, leftovers

FILENAME = FIXTURE_SDIST_NAME



def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def file_url(server, name=FILENAME):
    return server.url.rsplit("/simple", 1)[0] + "/files/" + name


def file_requests(server):
    return [r for r in server.requests if r.startswith("/files/")]


@pytest.fixture
def quiet():
    return Log(StringIO(), colour=False)


# --- download.py -------------------------------------------------------------------

def test_file_sha256_and_verify(tmp_path):
    data = sdist_bytes()
    path = tmp_path / "f"
    path.write_bytes(data)
    assert download.file_sha256(path) == sha(data)
    download.verify_file(path, sha(data))
    with pytest.raises(BuildError) as info:
        download.verify_file(path, sha(b"other"))
    assert "sha256 mismatch" in str(info.value)


def test_download_writes_verified_file(tmp_path, index_server, no_proxy_env, quiet):
    data = sdist_bytes()
    index_server.files[FILENAME] = data
    dest = tmp_path / "cache" / "upstream" / FILENAME
    download.download(file_url(index_server), dest, sha(data), quiet)
    assert dest.read_bytes() == data
    assert leftovers(tmp_path / "cache") == [FILENAME]


def test_download_wrong_sha_keeps_nothing(tmp_path, index_server, no_proxy_env, quiet):
    index_server.files[FILENAME] = sdist_bytes(b"served")
    cache = tmp_path / "cache"
    with pytest.raises(BuildError) as info:
        download.download(file_url(index_server), cache / FILENAME, sha(sdist_bytes(b"pinned")), quiet)
    assert "sha256 mismatch" in str(info.value)
    assert leftovers(cache) == []


def test_download_truncated_keeps_nothing(tmp_path, index_server, no_proxy_env, quiet):
    data = sdist_bytes() + b"\0" * 50000
    index_server.files[FILENAME] = data
    index_server.truncate = True
    cache = tmp_path / "cache"
    with pytest.raises(BuildError):
        download.download(file_url(index_server), cache / FILENAME, sha(data), quiet)
    assert leftovers(cache) == []


def test_download_unreachable_keeps_nothing(tmp_path, no_proxy_env, quiet):
    cache = tmp_path / "cache"
    url = f"http://127.0.0.1:{closed_port()}/files/{FILENAME}"
    with pytest.raises(BuildError) as info:
        download.download(url, cache / FILENAME, sha(b""), quiet)
    assert "failed" in str(info.value)
    assert leftovers(cache) == []


def test_download_404_keeps_nothing(tmp_path, index_server, no_proxy_env, quiet):
    cache = tmp_path / "cache"
    with pytest.raises(BuildError):
        download.download(file_url(index_server, "ffcv-9.9.9.tar.gz"), cache / FILENAME, sha(b""), quiet)
    assert leftovers(cache) == []


def test_cached_verified(tmp_path):
    data = sdist_bytes()
    path = tmp_path / FILENAME
    stream = StringIO()
    log = Log(stream, colour=False)
    assert download.cached_verified(path, sha(data), log) is False  # absent
    path.write_bytes(data)
    assert download.cached_verified(path, sha(data), log) is True
    assert path.exists() and stream.getvalue() == ""
    path.write_bytes(b"corrupt")
    assert download.cached_verified(path, sha(data), log) is False
    assert not path.exists()
    assert "[WARN]" in stream.getvalue() and FILENAME in stream.getvalue()


def test_cache_lock_creates_parent(tmp_path):
    target = tmp_path / "a" / "b" / FILENAME
    with files.cache_lock(target):
        assert target.parent.is_dir()


# --- index.py ----------------------------------------------------------------------

@pytest.mark.parametrize("html", [False, True], ids=["json-pep691", "html-pep503"])
def test_project_files_both_forms(index_server, no_proxy_env, html):
    index_server.html = html
    index_server.files[FILENAME] = b"a"
    index_server.files["ffcv-1.0.1.tar.gz"] = b"b"
    files = index.project_files(index_server.url, "ffcv")
    assert files == {FILENAME: file_url(index_server), "ffcv-1.0.1.tar.gz": file_url(index_server, "ffcv-1.0.1.tar.gz")}
    assert index_server.requests == ["/simple/ffcv/"]
    assert index.find_file_url([index_server.url + "/"], "ffcv", FILENAME) == file_url(index_server)


def test_find_file_url_absent(index_server, no_proxy_env):
    index_server.files["ffcv-1.0.1.tar.gz"] = b"b"
    with pytest.raises(BuildError) as info:
        index.find_file_url([index_server.url], "ffcv", FILENAME)
    assert FILENAME in str(info.value) and "was not found on the package index" in str(info.value)
    assert f"project 'ffcv' has no {FILENAME}" in str(info.value)


def test_find_file_url_tries_every_index(index_server, no_proxy_env, tmp_path):
    """Like pip, the extra indexes are consulted when the first one lacks the project or is down."""
    index_server.files[FILENAME] = b"a"
    empty = tmp_path / "empty-index"
    empty.mkdir()
    dead = f"http://127.0.0.1:{closed_port()}/simple"
    assert index.find_file_url([empty.as_uri(), dead, index_server.url], "ffcv", FILENAME) == file_url(index_server)
    with pytest.raises(BuildError) as info:
        index.find_file_url([empty.as_uri(), dead], "ffcv", FILENAME)
    assert "no project 'ffcv'" in str(info.value) and "Cannot reach" in str(info.value)


def test_pip_extra_index_urls_follow_the_primary(tmp_path):
    conf = tmp_path / "pip.conf"
    conf.write_text("[global]\nindex-url = http://127.0.0.1:9/a/simple\n"
                    "extra-index-url = http://127.0.0.1:9/b/simple http://127.0.0.1:9/c/simple\n")
    environ = {"PIP_CONFIG_FILE": str(conf), "HOME": str(tmp_path)}
    assert index.pip_index_urls(environ) == ["http://127.0.0.1:9/a/simple", "http://127.0.0.1:9/b/simple",
                                             "http://127.0.0.1:9/c/simple"]
    assert index.pip_index_urls({**environ, "PIP_EXTRA_INDEX_URL": "http://127.0.0.1:9/d/simple"})[1:] == [
        "http://127.0.0.1:9/d/simple"]


def test_project_files_unreachable(no_proxy_env):
    with pytest.raises(BuildError) as info:
        index.project_files(f"http://127.0.0.1:{closed_port()}/simple", "ffcv")
    assert "Cannot reach" in str(info.value)


def test_pip_index_url_from_env():
    url = "http://127.0.0.1:9/from-env/simple"
    assert index.pip_index_urls({"PIP_INDEX_URL": url})[0] == url


def test_pip_index_url_env_wins_over_config(tmp_path):
    conf = tmp_path / "pip.conf"
    conf.write_text("[global]\nindex-url = http://127.0.0.1:9/from-conf/simple\n")
    url = "http://127.0.0.1:9/from-env/simple"
    assert index.pip_index_urls({"PIP_INDEX_URL": url, "PIP_CONFIG_FILE": str(conf)})[0] == url


def test_pip_index_url_from_config_file(tmp_path):
    conf = tmp_path / "pip.conf"
    conf.write_text("[global]\nindex-url = http://127.0.0.1:9/from-conf/simple\n")
    environ = {"PIP_CONFIG_FILE": str(conf), "HOME": str(tmp_path)}
    assert index.pip_index_urls(environ)[0] == "http://127.0.0.1:9/from-conf/simple"


def test_pip_index_url_default(tmp_path):
    from pip._internal.models.index import PyPI

    environ = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
               "XDG_CONFIG_DIRS": str(tmp_path / "xdg")}
    assert index.pip_index_urls(environ)[0] == PyPI.simple_url


def test_file_url_index_like_pip(tmp_path):
    # pip accepts a file:// simple index and reads index.html in its folders (pip collector.py).
    root = tmp_path / "simple"
    (root / "ffcv").mkdir(parents=True)
    (root / "ffcv" / "index.html").write_text(f'<a href="../../files/{FILENAME}#sha256=x">{FILENAME}</a>\n')
    files = index.project_files(root.as_uri(), "ffcv")
    assert files == {FILENAME: (tmp_path / "files" / FILENAME).as_uri()}
