"""The documentation's relative links resolve: every link in README.md, CHANGELOG.md, docs/*.md and benchmarks/*.md
to a file of this repository names one that exists, and every #anchor names a heading of the page it points into
(as GitHub spells heading anchors). Links to other sites are not followed (no network in the tests)."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

PROJECT = Path(__file__).resolve().parents[1]
PAGES = sorted([PROJECT / "README.md", PROJECT / "CHANGELOG.md", *(PROJECT / "docs").glob("*.md"),
                *(PROJECT / "benchmarks").glob("*.md")])
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
CODE_SPAN = re.compile(r"(`+).+?\1", re.S)
LINK = re.compile(r"\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)


def prose(text: str) -> str:
    """The page without fenced code blocks and code spans, where `[x](y)` is no link."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its rendered text (links as their text, no code or emphasis marks), lower
    case, every character but letters, digits, `_`, `-` and spaces dropped, spaces turned into hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = text.replace("`", "").replace("*", "").strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every heading's anchor; a repeated one gets -1, -2, … as on GitHub."""
    seen: dict[str, int] = {}
    found = set()
    for _, heading in HEADING.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
        base = slug(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(page: Path) -> list[str]:
    return [target for target in LINK.findall(prose(page.read_text(encoding="utf-8")))
            if not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I)]  # http:, https:, mailto: …


def test_the_slug_is_githubs() -> None:
    assert slug("Two commands (fresh Debian/Ubuntu machine)") == "two-commands-fresh-debianubuntu-machine"
    assert slug("Cross-building a Windows wheel on Linux: `-C toolchain=zig`") == \
        "cross-building-a-windows-wheel-on-linux--c-toolchainzig"
    assert slug("What runs under Wine (`tests/test_e2e_windows.py`, `tests/support/wine.py`)") == \
        "what-runs-under-wine-teststest_e2e_windowspy-testssupportwinepy"
    assert slug("How to add…") == "how-to-add"


def test_the_link_pattern_finds_links_and_leaves_code_alone() -> None:
    text = "[a](docs/x.md#y) and [b [c]](../z.md) `[no](link.md)`\n```sh\n[no](fenced.md)\n```\n[w](https://e.org)"
    assert LINK.findall(prose(text)) == ["docs/x.md#y", "../z.md", "https://e.org"]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(PROJECT).as_posix())
def test_every_relative_link_resolves(page: Path) -> None:
    broken = []
    for target in links(page):
        path, _, anchor = target.partition("#")
        destination = (page.parent / unquote(path)).resolve() if path else page
        if not destination.exists():
            broken.append(f"{target}: no file {destination}")
        elif anchor and destination.suffix == ".md" and unquote(anchor) not in anchors(destination):
            broken.append(f"{target}: no heading with anchor #{anchor} in {destination.relative_to(PROJECT)}")
    assert not broken, "\n".join(broken)


def test_the_readme_links_every_docs_page() -> None:
    """The README is the front page: every page under docs/ is reachable from it."""
    linked = {(PROJECT / target.partition("#")[0]).resolve() for target in links(PROJECT / "README.md")}
    unlinked = sorted(page.name for page in (PROJECT / "docs").glob("*.md") if page.resolve() not in linked)
    assert not unlinked, f"docs/ pages the README does not link: {unlinked}"
