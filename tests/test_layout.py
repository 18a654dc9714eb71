"""docs/architecture.md's "How the code is laid out" names every backend module, and only paths that exist."""
from __future__ import annotations

import re
from pathlib import Path

HEADING = "## How the code is laid out"


def test_the_layout_section_matches_the_tree(project_dir: Path) -> None:
    readme = (project_dir / "docs" / "architecture.md").read_text(encoding="utf-8")
    start = readme.index(HEADING)
    end = readme.find("\n## ", start + len(HEADING))
    text = readme[start:end if end >= 0 else len(readme)]
    named = set(re.findall(r"`((?:backend|tests|vendor_scripts|patches|benchmarks|release|\.github)/[^`<]*)`", text))
    assert named, text
    missing = sorted(path for path in named if not (project_dir / path).exists())
    assert not missing, f"named in docs/architecture.md but not in the tree: {missing}"
    modules = {path.relative_to(project_dir).as_posix() for path in (project_dir / "backend").rglob("*.py")}
    unnamed = sorted(modules - named)
    assert not unnamed, f"modules docs/architecture.md's layout section does not name: {unnamed}"
