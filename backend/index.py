"""Find a file's URL on the package index the user's pip is set up for (PEP 691 JSON or PEP 503 HTML)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from .errors import BuildError

ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1"
TIMEOUT_SECONDS = 60


def pip_index_urls(environ: dict[str, str] | None = None) -> list[str]:
    """The indexes pip would consult, in order: index-url (PIP_INDEX_URL, pip's config files, else pip's
    own default), then every extra-index-url. The file is pinned by sha256, so any of them may serve it."""
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
    primary = environ.get("PIP_INDEX_URL") or config.get("install.index-url") or config.get(
        "global.index-url") or PyPI.simple_url
    extras = (environ.get("PIP_EXTRA_INDEX_URL") or config.get("install.extra-index-url")
              or config.get("global.extra-index-url") or "")
    return list(dict.fromkeys([primary, *extras.split()]))


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


def _read_page(page: str) -> tuple[str, str, str]:
    """(body, content type, base URL); a file:// index directory is read through its index.html, as pip does."""
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
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return (response.read().decode("utf-8", "replace"), response.headers.get("Content-Type", ""),
                    response.geturl())
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise NotOnIndex(page) from exc
        raise


def project_files(index_url: str, project: str) -> dict[str, str]:
    """Map filename -> absolute URL for one project on a simple index (raises NotOnIndex on 404)."""
    page = index_url.rstrip("/") + f"/{project}/"
    try:
        body, content_type, base = _read_page(page)
    except (urllib.error.URLError, OSError) as exc:
        raise BuildError(f"Cannot reach the package index at {page}: {exc}.",
                         "Check the network, or build offline from a cached or local sdist "
                         "(-C offline=true, -C upstream-sdist=PATH).") from exc
    if "json" in content_type:
        files = json.loads(body).get("files", [])
        return {f["filename"]: urllib.parse.urljoin(base, f["url"]) for f in files}
    parser = _Links()
    parser.feed(body)
    return {name: urllib.parse.urljoin(base, href).split("#", 1)[0] for name, href in parser.links}


def find_file_url(index_urls: list[str], project: str, filename: str) -> str:
    """The URL of `filename` on the first index that lists it; every index is tried before giving up."""
    problems = []
    for index_url in index_urls:
        try:
            files = project_files(index_url, project)
        except NotOnIndex:
            problems.append(f"{index_url}: no project {project!r}")
            continue
        except BuildError as exc:
            problems.append(exc.message)
            continue
        if filename in files:
            return files[filename]
        problems.append(f"{index_url}: project {project!r} has no {filename}")
    raise BuildError(f"{filename} was not found on the package index:\n  " + "\n  ".join(problems),
                     "Check the network or use an index that mirrors it (-C index-url=URL), "
                     "or a local file (-C upstream-sdist=PATH).")
