"""Find a file's URL on the package index the user's pip is set up for (PEP 691 JSON or PEP 503 HTML)."""
from __future__ import annotations

import http.client
import json
import os
import posixpath
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

from ..errors import BuildError
from . import net

ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1"
TIMEOUT_SECONDS = 60


PIP_TRUE = ("y", "yes", "t", "true", "on", "1")
PIP_FALSE = ("n", "no", "f", "false", "off", "0")
SCHEMES = ("https", "http", "file")


@dataclass(frozen=True)
class PipSources:
    """Where pip would look for a file: its indexes (none with no-index) and its find-links locations."""
    index_urls: list[str]
    find_links: list[str] = field(default_factory=list)
    no_index: bool = False


def _pip_bool(name: str, value: str) -> bool:
    # pip's strtobool: anything else is an error there too.
    if value.strip().lower() in PIP_TRUE:
        return True
    if value.strip().lower() in PIP_FALSE:
        return False
    raise BuildError(f"pip's setting {name}={value!r} is neither true nor false.", "Fix it (pip itself refuses it).")


def pip_sources(environ: dict[str, str] | None = None) -> PipSources:
    """What pip is set up to consult, as pip reads it: PIP_* variables over pip's config files ([install]
    over [global]), else pip's default index. index-url first, then every extra-index-url (the file is
    pinned by sha256, so any of them may serve it); no-index drops them all; find-links adds locations."""
    environ = dict(os.environ if environ is None else environ)
    try:
        listed = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True,
                                text=True, env=environ, timeout=60, check=True).stdout
        from pip._internal.models.index import PyPI
    except (OSError, subprocess.SubprocessError, ImportError) as exc:
        raise BuildError(f"Cannot read pip's settings to find the package index ({exc}).",
                         "Install pip in this environment, or give the index with -C index-url=URL.") from exc
    config = {}
    for line in listed.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            config[key.strip()] = value.strip().strip("'\"")

    def setting(name: str) -> tuple[str, str] | None:
        variable = "PIP_" + name.upper().replace("-", "_")
        if variable in environ:
            return variable, environ[variable]
        for section in ("install", "global"):
            if f"{section}.{name}" in config:
                return f"{section}.{name} (pip config)", config[f"{section}.{name}"]
        return None

    primary = setting("index-url")
    extras = setting("extra-index-url")
    links = setting("find-links")
    no_index = setting("no-index")
    urls = [primary[1] if primary and primary[1] else PyPI.simple_url, *(extras[1].split() if extras else [])]
    return PipSources(index_urls=list(dict.fromkeys(urls)), find_links=links[1].split() if links else [],
                      no_index=_pip_bool(*no_index) if no_index else False)


def pip_index_urls(environ: dict[str, str] | None = None) -> list[str]:
    """The indexes pip would consult, in order (none if pip is set up with no-index)."""
    sources = pip_sources(environ)
    return [] if sources.no_index else sources.index_urls


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._text = ""

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._text.strip(), self._href))
            self._href = None


class NotOnIndex(Exception):
    """The index answered, but does not list the project or file."""


def _read_page(page: str, warn: Callable[[str], None] | None = None) -> tuple[str, str, str]:
    """(body, content type, base URL); a file:// index directory is read through its index.html, as pip does.
    Transient failures are tried again (net.with_retries)."""
    parsed = urllib.parse.urlparse(page)
    if parsed.scheme == "file":
        path = urllib.request.url2pathname(parsed.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            raise NotOnIndex(page)
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(), "text/html", urllib.parse.urljoin(page, "index.html")
    request = urllib.request.Request(page, headers={"Accept": ACCEPT})

    def attempt() -> tuple[str, str, str]:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return (response.read().decode("utf-8", "replace"), response.headers.get("Content-Type", ""),
                    response.geturl())

    try:
        return net.with_retries(attempt, f"index page {page}", warn)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise NotOnIndex(page) from exc
        raise BuildError(f"The package index at {page} answered {net.describe(exc)}.") from exc
    except net.Failed as exc:
        raise BuildError(f"Cannot reach the package index at {page}: {exc}.",
                         "Check the network, or build offline from a cached or local sdist "
                         "(-C offline=true, -C upstream-sdist=PATH).") from exc
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        raise BuildError(f"Cannot read the package index at {page}: {net.describe(exc)}.") from exc


def _json_files(body: str, base: str, page: str) -> tuple[dict[str, str], int]:
    """PEP 691 files as pip reads them: an entry without a URL is skipped, one without a filename is named
    by its URL. Returns (files, entries skipped); a page that is not such JSON raises BuildError."""
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise BuildError(f"{page}: the index answered with malformed JSON ({exc}).") from exc
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        raise BuildError(f"{page}: the index's JSON has no list of files (PEP 691).")
    found: dict[str, str] = {}
    skipped = 0
    for entry in files:
        url = entry.get("url") if isinstance(entry, dict) else None
        if not isinstance(url, str) or not url:
            skipped += 1
            continue
        absolute = urllib.parse.urljoin(base, url)
        name = entry.get("filename")
        if not isinstance(name, str) or not name:
            name = urllib.parse.unquote(posixpath.basename(urllib.parse.urlparse(absolute).path))
        found[name] = absolute
    return found, skipped


def _html_files(body: str, base: str) -> dict[str, str]:
    parser = _Links()
    parser.feed(body)
    return {name: urllib.parse.urljoin(base, href).split("#", 1)[0] for name, href in parser.links}


def project_files(index_url: str, project: str, warn: Callable[[str], None] | None = None) -> dict[str, str]:
    """Map filename -> absolute URL for one project on a simple index (raises NotOnIndex on 404)."""
    page = index_url.rstrip("/") + f"/{project}/"
    body, content_type, base = _read_page(page, warn)
    if "json" in content_type:
        return _json_files(body, base, page)[0]
    return _html_files(body, base)


def find_links_files(location: str, warn: Callable[[str], None] | None = None) -> dict[str, str]:
    """Files a pip find-links location offers: a folder's files, an HTML page's links (local or http),
    or one file."""
    parsed = urllib.parse.urlparse(location)
    if parsed.scheme in ("http", "https"):
        try:
            body, _, base = _read_page(location, warn)
        except NotOnIndex:
            raise BuildError(f"find-links {location}: not found (HTTP 404).") from None
        return _html_files(body, base)
    path = Path(urllib.request.url2pathname(parsed.path) if parsed.scheme == "file" else location).expanduser()
    if path.is_dir():
        return {entry.name: entry.resolve().as_uri() for entry in path.iterdir() if entry.is_file()}
    if path.is_file() and path.suffix.lower() in (".html", ".htm"):
        return _html_files(path.read_text(encoding="utf-8", errors="replace"), path.resolve().as_uri())
    if path.is_file():
        return {path.name: path.resolve().as_uri()}
    raise BuildError(f"find-links {location}: no such file or folder.")


def _failed(problems: list[str], message: str, warn: Callable[[str], None] | None) -> None:
    """A location that failed (unreachable, malformed, cut short) is reported at once, even when a later one
    serves the file: a broken mirror should not go unnoticed because a fallback hid it."""
    problems.append(message)
    if warn is not None:
        warn(f"{message} (trying the next location)")


def find_file_url(index_urls: list[str], project: str, filename: str, find_links: list[str] | None = None,
                  no_index: bool = False, warn: Callable[[str], None] | None = None) -> str:
    """The URL of `filename` from pip's find-links locations or the first index that lists it; every
    location is tried (and each failure reported) before giving up."""
    problems = []
    for location in find_links or []:
        try:
            files = find_links_files(location, warn)
        except BuildError as exc:
            _failed(problems, exc.message, warn)
            continue
        if filename in files:
            return files[filename]
        problems.append(f"find-links {location}: no {filename}")
    for index_url in index_urls:
        if urllib.parse.urlparse(index_url).scheme.lower() not in SCHEMES:
            problems.append(f"{index_url}: not an index URL (it starts with https://, http:// or file://)")
            continue
        try:
            files = project_files(index_url, project, warn)
        except NotOnIndex:
            problems.append(f"{index_url}: no project {project!r}")
            continue
        except BuildError as exc:
            _failed(problems, exc.message, warn)
            continue
        if filename in files:
            return files[filename]
        problems.append(f"{index_url}: project {project!r} has no {filename}")
    if no_index:
        problems.insert(0, "pip is set up with no-index (PIP_NO_INDEX or pip's config): no package index "
                           "was asked" + ("" if find_links else ", and there is no find-links location"))
    raise BuildError(f"{filename} was not found on the package index:\n  " + "\n  ".join(problems),
                     "Check the network or use an index that mirrors it (-C index-url=URL), "
                     "or a local file (-C upstream-sdist=PATH, -C local-files=FOLDER).")
