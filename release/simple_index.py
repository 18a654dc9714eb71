"""A PEP 503 simple index of the wheels and sdists attached to the project's GitHub Releases, so that
`pip install ffcv --extra-index-url https://<owner>.github.io/<repo>/simple/` finds them.

Input: the JSON of `gh api --paginate --slurp repos/OWNER/REPO/releases` (one array of pages; each asset's
browser_download_url and digest), or the pages back to back as `gh api --paginate` prints them without --slurp, and the files of the release being made (hashed here: their digest may not be listed yet).
Output: <out>/index.html and <out>/<project>/index.html, written whole into a temporary folder first.

usage: python release/simple_index.py --releases releases.json --out site/simple [--project ffcv] [FILE...]
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

DIST_FILE = re.compile(r".+\.(whl|tar\.gz)$")


def normalize(name: str) -> str:
    """PEP 503 project name normalisation."""
    return re.sub(r"[-_.]+", "-", name).lower()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def release_links(releases: list[dict], project: str) -> dict[str, str]:
    """filename -> URL with a #sha256= fragment when the API gives a digest; drafts are left out."""
    links = {}
    prefix = normalize(project)
    for release in releases:
        if release.get("draft"):
            continue
        for asset in release.get("assets", []):
            name = asset["name"]
            if not DIST_FILE.match(name) or not normalize(name).startswith(prefix + "-"):
                continue
            digest = asset.get("digest") or ""
            fragment = f"#sha256={digest.split(':', 1)[1]}" if digest.startswith("sha256:") else ""
            links[name] = asset["browser_download_url"] + fragment
    return links


def render(title: str, links: dict[str, str]) -> str:
    rows = "\n".join(f'    <a href="{html.escape(url)}">{html.escape(name)}</a><br/>'
                     for name, url in sorted(links.items()))
    return (f"<!DOCTYPE html>\n<html>\n  <head><meta name=\"pypi:repository-version\" content=\"1.0\">"
            f"<title>{html.escape(title)}</title></head>\n  <body>\n{rows}\n  </body>\n</html>\n")


def write_index(releases: list[dict], new_files: list[Path], download_base: str, out: Path,
                project: str = "ffcv") -> Path:
    """`download_base`: where the new release's files will be, e.g. .../releases/download/v1.0.2"""
    links = release_links(releases, project)
    for path in new_files:
        links[path.name] = f"{download_base.rstrip('/')}/{path.name}#sha256={file_sha256(path)}"
    if not links:
        raise SystemExit(f"No {project} wheels or sdists found: nothing to index.")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        name = normalize(project)
        (staging / name).mkdir()
        (staging / name / "index.html").write_text(render(f"Links for {name}", links), encoding="utf-8")
        (staging / "index.html").write_text(render("Simple index", {name: f"{name}/"}), encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        os.replace(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def read_releases(text: str) -> list[dict]:
    """The releases of every page. `gh api --paginate --slurp` writes one array of pages; without --slurp gh
    writes each page's array back to back. Read as a stream of JSON values: a release's notes may hold "][" or
    any other text, which a textual join of the pages would break."""
    decoder = json.JSONDecoder()
    values, at = [], 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            break
        value, at = decoder.raw_decode(text, at)
        values.append(value)
    if len(values) == 1 and isinstance(values[0], list) and all(isinstance(page, list) for page in values[0]):
        values = values[0]  # --slurp: the array of pages
    if not all(isinstance(page, list) for page in values):
        raise SystemExit("The releases file is not gh api's pages of releases (JSON arrays).")
    return [release for page in values for release in page]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--releases", type=Path, required=True, help="JSON from gh api .../releases")
    parser.add_argument("--download-base", default="", help="URL folder of the new release's files")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--project", default="ffcv")
    parser.add_argument("files", type=Path, nargs="*")
    options = parser.parse_args(argv)
    releases = read_releases(options.releases.read_text(encoding="utf-8"))
    if options.files and not options.download_base:
        parser.error("--download-base is needed with files")
    write_index(releases, options.files, options.download_base, options.out, options.project)
    print(f"wrote {options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
