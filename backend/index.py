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


def pip_index_url(environ: dict[str, str] | None = None) -> str:
    """The index pip would use: PIP_INDEX_URL, then pip's config files, then pip's own default."""
    environ = dict(os.environ if environ is None else environ)
    if environ.get("PIP_INDEX_URL"):
        return environ["PIP_INDEX_URL"]
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
    for key in ("install.index-url", "global.index-url"):
        if config.get(key):
            return config[key]
    return PyPI.simple_url


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


def project_files(index_url: str, project: str) -> dict[str, str]:
    """Map filename -> absolute URL for one project on a simple index."""
    page = index_url.rstrip("/") + f"/{project}/"
    request = urllib.request.Request(page, headers={"Accept": ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            content_type = response.headers.get("Content-Type", "")
            body = response.read().decode("utf-8", "replace")
            base = response.geturl()
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


def find_file_url(index_url: str, project: str, filename: str) -> str:
    files = project_files(index_url, project)
    if filename not in files:
        raise BuildError(f"{filename} is not on the index {index_url} (project {project}).",
                         "Use an index that mirrors it (-C index-url=URL) or a local file (-C upstream-sdist=PATH).")
    return files[filename]
