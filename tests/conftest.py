"""Shared fixtures: the project, a context factory, the real upstream sdist, a local package index."""
from __future__ import annotations

import hashlib
import http.server
import io
import tarfile
import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import pytest

from backend.context import BuildContext
from backend.log import Log
from backend.pins import Pins
from backend.pipeline import make_context
from support.e2e import RUNTIME_PYTHON, build_env, copy_repo, python_for, run, torch_install_args

if TYPE_CHECKING:  # support.wine is imported where it is used: only the Wine tests need it
    from support.wine import WineRuntime

PROJECT_DIR = Path(__file__).resolve().parent.parent
# The pinned upstream release (the data file's default version): tests take its name and sha256 from here.
UPSTREAM = Pins.load(PROJECT_DIR).upstream(None)

# Test tiers: a test gets the marker of every fixture it uses (directly or through other fixtures), so
# `bash tests/run -m "not e2e and not wine"` is the fast loop. A new slow fixture is one line here.
#   e2e: builds real binaries (a wheel; libraries or modules with zig) or installs a wheel into a runtime venv
#        (minutes, the first time above all: zig compiles its C runtime per target into its own cache)
#   wine: runs Windows programs under Wine (a Wine prefix and a Windows CPython; first run minutes)
#   network: downloads from the real package index pip is set up for (not the tests' local server)
FIXTURE_MARKERS: dict[str, str] = {
    "upstream_sdist": "network",
    "numpy_windows_wheel": "network",
    "source_archives": "network",
    "default_build": "e2e",
    "repo": "e2e",
    "system_wheel": "e2e",
    "runtime_venv": "e2e",
    "windows_wheel": "e2e",
    "wheels": "e2e",
    "zig_toolchain": "e2e",
    "opencv_world_like": "e2e",
    "wine": "wine",
    "backend_wine": "wine",
    "installed": "wine",
    "arm64": "qemu",
    "arm64_wheel": "e2e",
    "macos_wheel": "e2e",
    "check_exe": "wine",
}
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    declared = {line.split(":")[0].strip() for line in config.getini("markers")}
    if not set(FIXTURE_MARKERS.values()) <= declared:
        raise pytest.UsageError(f"FIXTURE_MARKERS names undeclared markers: "
                                f"{sorted(set(FIXTURE_MARKERS.values()) - declared)} (pyproject.toml's markers)")
    for item in items:
        for fixture in getattr(item, "fixturenames", ()):
            marker = FIXTURE_MARKERS.get(fixture)
            if marker and not item.get_closest_marker(marker):  # markers are declared in pyproject.toml
                item.add_marker(marker)


# ---- The suite's set-up checks and reports (issue 23; tests/support/preflight.py) ----------------------------
def pytest_collection_finish(session: pytest.Session) -> None:
    """Before any test runs: the tiers, their time here, the packages, the arm64 runtime, Pythons and torch."""
    from support import preflight

    preflight.report_and_check(session)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    from support import preflight

    preflight.record_duration(report)


def pytest_sessionfinish(session: pytest.Session) -> None:
    from support import preflight

    preflight.save_durations(session.config)


def pytest_terminal_summary(terminalreporter) -> None:
    from support import preflight

    preflight.skip_summary(terminalreporter)


# ---- end of the set-up checks and reports ----------------------------------------------------------------------


# --- Release tier (issue 23: CI's time budget) -------------------------------------------------------------------
# Tests marked `release` are checks too slow for every CI run (FFCV's whole suite under Wine: about 20 minutes on
# one core). They run before every tag: `bash tests/run --release` (FFCV_TEST_RELEASE=1; pytest's own --release
# option does the same, so the flag works whether tests/run turns it into the variable or passes it on).
# Otherwise they are skipped with a reason that says how to run them (pytest's -ra summary lists it), never
# silently deselected.
RELEASE_ENV = "FFCV_TEST_RELEASE"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--release", action="store_true", default=False,
                     help=f"run the release-time checks too (marker `release`; same as {RELEASE_ENV}=1)")


def release_skip_reason(environ: dict[str, str] | os._Environ[str]) -> str | None:
    """Why a `release` test does not run in this session (None when it does)."""
    if environ.get(RELEASE_ENV, "") == "1":
        return None
    return (f"release-time check (minutes): runs with `bash tests/run --release` ({RELEASE_ENV}=1), "
            f"before every tag")


@pytest.hookimpl(tryfirst=True)  # before the test's fixtures are set up (a skipped release test builds nothing)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("release") and not item.config.getoption("release"):
        reason = release_skip_reason(os.environ)
        if reason:
            pytest.skip(reason)
# --- end of the release tier --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def project_dir() -> Path:
    return PROJECT_DIR


# --- Build cache between sessions (issue 23: CI's time budget) ----------------------------------------------------
# The wheels the end-to-end tests build (Linux from source, Windows, aarch64, macOS) spend most of their time on the
# native libraries (OpenCV, libjpeg-turbo). The backend keeps those in its cache keyed by their pinned sources,
# options, compiler and target; the tests' cache is kept between sessions as well, in a folder named after a digest
# of everything else that shapes a build (backend/, vendor_scripts/, patches/, pyproject.toml): a change to any of
# them starts from an empty cache, so a test never passes on libraries built by other code. Every wheel is still
# built, repaired and verified in each session. FFCV_TEST_FRESH_CACHE=1 gives the session an empty cache instead (a cold build).
BUILD_INPUTS = ("backend", "vendor_scripts", "patches", "pyproject.toml")
BUILD_CACHE_ROOT = "builds"
BUILD_CACHE_UNUSED_DAYS = 7  # other digests' folders older than this are removed (no session of theirs is running)


def build_inputs_digest(project_dir: Path) -> str:
    """sha256 over the paths and bytes of the files that shape a build (caches and byte code left out)."""
    digest = hashlib.sha256()
    for name in BUILD_INPUTS:
        top = project_dir / name
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(project_dir).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def kept_build_cache(root: Path, digest: str, now: float | None = None) -> Path:
    """root/<digest>, marked as used now; the folders of other digests unused for BUILD_CACHE_UNUSED_DAYS go."""
    now = time.time() if now is None else now
    folder = root / digest
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".last-used").touch()
    os.utime(folder / ".last-used", (now, now))
    for other in root.iterdir():
        stamp = other / ".last-used"
        if other != folder and other.is_dir() and stamp.exists() and \
                now - stamp.stat().st_mtime > BUILD_CACHE_UNUSED_DAYS * 86400:
            shutil.rmtree(other, ignore_errors=True)
    return folder


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build and download cache of the session's builds (the real upstream sdist is fetched once): kept
    between sessions per build_inputs_digest, in FFCV_TEST_BUILD_CACHE or the user cache."""
    if os.environ.get("FFCV_TEST_FRESH_CACHE") == "1":
        return tmp_path_factory.mktemp("shared-cache")
    import platformdirs

    root = Path(os.environ.get("FFCV_TEST_BUILD_CACHE")
                or Path(platformdirs.user_cache_dir("ffcv-wheels-tests", appauthor=False)) / BUILD_CACHE_ROOT)
    return kept_build_cache(root, build_inputs_digest(PROJECT_DIR))
# --- end of the build cache between sessions ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def upstream_sdist(shared_cache: Path) -> Path:
    """The real, sha256-verified ffcv sdist from the package index pip is set up for."""
    ctx = make_context({"cache-dir": str(shared_cache)}, project_dir=PROJECT_DIR, environ={}, log=Log())
    from backend.inputs.upstream import upstream_sdist as fetch

    return fetch(ctx)


@pytest.fixture
def make_ctx(tmp_path: Path) -> Callable[..., BuildContext]:
    """Context with a private cache; `config` are -C settings, `environ` the environment seen."""

    def factory(config: dict | None = None, environ: dict | None = None, project: Path = PROJECT_DIR,
                log: Log | None = None) -> BuildContext:
        config = {"cache-dir": str(tmp_path / "cache"), **(config or {})}
        return make_context(config, project_dir=project, environ=environ or {}, log=log or Log(colour=False))

    return factory


class IndexServer:
    """A PEP 691/503 simple index on 127.0.0.1 serving files from a folder, with switchable misbehaviour."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, bytes] = {}
        self.html = False
        self.truncate = False
        self.truncate_pages = False  # project pages cut short (Content-Length says more)
        self.page_body: bytes | None = None  # served as the JSON project page instead of the real one
        self.trickle = 0.0  # seconds between the bytes of a file (a server that never quite stalls)
        self.failures = 0  # file requests answered 503 before one is served
        self.requests: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append(self.path)
                if self.path.startswith("/simple/"):
                    project = self.path.split("/")[2]
                    names = sorted(n for n in server.files if n.startswith(project + "-"))
                    if not names:
                        self.send_error(404)
                        return
                    if server.page_body is not None:
                        body, ctype = server.page_body, "application/vnd.pypi.simple.v1+json"
                    elif server.html:
                        body = "".join(f'<a href="../../files/{n}#sha256=x">{n}</a>\n' for n in names).encode()
                        ctype = "text/html"
                    else:
                        body = json.dumps({"meta": {"api-version": "1.0"}, "name": project, "files": [
                            {"filename": n, "url": f"/files/{n}",
                             "hashes": {"sha256": hashlib.sha256(server.files[n]).hexdigest()}}
                            for n in names]}).encode()
                        ctype = "application/vnd.pypi.simple.v1+json"
                    self.send_response(200)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2] if server.truncate_pages else body)
                elif self.path.startswith("/files/") and self.path[7:] in server.files:
                    if server.failures > 0:
                        server.failures -= 1
                        self.send_error(503)
                        return
                    data = server.files[self.path[7:]]
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    if server.trickle:
                        try:
                            for offset in range(len(data)):
                                self.wfile.write(data[offset:offset + 1])
                                self.wfile.flush()
                                time.sleep(server.trickle)
                        except OSError:  # the client gave up
                            pass
                        return
                    self.wfile.write(data[: len(data) // 2] if server.truncate else data)
                else:
                    self.send_error(404)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/simple"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def index_server(tmp_path: Path) -> Iterator[IndexServer]:
    server = IndexServer(tmp_path)
    yield server
    server.close()


@pytest.fixture
def fake_project(tmp_path: Path) -> Callable[[str, str], Path]:
    """A copy of the project whose data file pins `filename` with `sha256` (for fixture archives)."""

    def factory(filename: str, sha256: str) -> Path:
        root = tmp_path / "project"
        shutil.copytree(PROJECT_DIR / "backend", root / "backend", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(PROJECT_DIR / "patches", root / "patches")
        (root / "vendor_scripts").mkdir()
        pins = (PROJECT_DIR / "vendor_scripts" / "pins.toml").read_text()
        pins = pins.replace(UPSTREAM.sha256, sha256).replace(f'filename = "{UPSTREAM.filename}"',
                                                              f'filename = "{filename}"')
        (root / "vendor_scripts" / "pins.toml").write_text(pins)
        return root

    return factory


def leftovers(folder: Path) -> list[str]:
    """Files in a cache folder other than verified downloads and their locks."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".lock"))


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Network retries wait milliseconds, not seconds, in tests (the number of attempts is unchanged)."""
    from backend.inputs import net

    monkeypatch.setattr(net, "RETRY_DELAYS", (0.01, 0.01))


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")




@pytest.fixture(scope="session")
def repo(project_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the files a user's clone has, shared by the end-to-end tests."""
    return copy_repo(project_dir, tmp_path_factory.mktemp("repo"))


@pytest.fixture(scope="session")
def default_build(project_dir: Path, upstream_sdist: Path, shared_cache: Path,
                  tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The README's build command, taken from README.md and run as written with Debian's python3 on a fresh copy of
    the repository: our sdist, then the wheel built from it with the default provider (source), no settings.
    Shared by test_e2e.py, test_e2e_source.py and test_readme_newcomer.py (one build for all three)."""
    from support.readme import newcomer_build

    return newcomer_build(project_dir, shared_cache, tmp_path_factory.mktemp("newcomer") / "ffcv-wheels")


@pytest.fixture(scope="session")
def runtime_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with torch (one download for every run: support.e2e.torch_source); each test module installs
    its wheel into it. Skipped, with how to get it, where the machine has no CPython RUNTIME_PYTHON."""
    env_dir = tmp_path_factory.mktemp("runtime") / "venv"
    run([python_for(RUNTIME_PYTHON), "-m", "venv", env_dir])
    python = env_dir / "bin" / "python"
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *torch_install_args()],
        timeout=3600)
    return python


@pytest.fixture(scope="session")
def windows_wheel(repo: Path, shared_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ffcv-1.0.2-cp310-abi3-win_amd64.whl cross-built with zig (-C deps=source), once per session: it is
    shared by test_e2e_windows.py and test_ffcv_suite_wine.py."""
    out = tmp_path_factory.mktemp("dist-windows")
    result = run([sys.executable, "-m", "build", "--wheel", "-C", "toolchain=zig", "-C", "deps=source",
                  "--outdir", out], cwd=repo, env=build_env(shared_cache), timeout=3000)
    assert "toolchain: zig" in result.stderr + result.stdout
    (wheel,) = out.glob("*.whl")
    return wheel


@pytest.fixture(scope="session")
def wine(project_dir: Path) -> WineRuntime:
    """The Windows CPython with ffcv's dependencies, kept between test runs (keyed by its pinned inputs) in
    FFCV_TEST_WINE_CACHE or the user cache."""
    import platformdirs
    from support.wine import prepare

    cache = os.environ.get("FFCV_TEST_WINE_CACHE") or platformdirs.user_cache_dir("ffcv-wheels-tests", appauthor=False)
    return prepare(Path(cache), project_dir)


@pytest.fixture(scope="module")
def installed(wine: WineRuntime, windows_wheel: Path) -> WineRuntime:
    """The Wine runtime with the cross-built wheel (re)installed, once per test module."""
    wine.install_ffcv(windows_wheel)
    return wine


FIXTURE_SDIST_NAME = "ffcv-1.0.2.tar.gz"


def sdist_bytes(marker: bytes = b"1") -> bytes:
    """A small valid .tar.gz shaped like an sdist; `marker` changes its bytes."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in (("ffcv-1.0.2/setup.py", b"# setup\n"), ("ffcv-1.0.2/marker", marker)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
