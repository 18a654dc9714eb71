"""The release's PEP 503 index: links with hashes, read back by pip itself from a file:// index."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from support.e2e import run

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "release"))
from simple_index import file_sha256, main, read_releases, release_links  # noqa: E402


def releases_json(tmp_path: Path, assets: list[dict], draft: bool = False) -> Path:
    path = tmp_path / "releases.json"
    # Two pages, as the workflow's `gh api --paginate --slurp` writes them.
    path.write_text(json.dumps([[{"tag_name": "v1", "draft": draft, "assets": assets}], []]))
    return path


def asset(name: str) -> dict:
    return {"name": name, "browser_download_url": f"https://h/{name}"}


PAGES = [[{"tag_name": "v3", "body": "See [the notes][1] and [this][2].\n\n[1]: https://n\n[2]: https://m",
           "assets": [asset("ffcv-1.0.4.tar.gz")]},
          {"tag_name": "v2", "body": "x]\n[y", "assets": [asset("ffcv-1.0.3.tar.gz")]}],
         [{"tag_name": "v1", "body": "", "assets": [asset("ffcv-1.0.2.tar.gz")]}],
         []]


@pytest.mark.parametrize("form", ["slurp", "back to back", "pages on lines"])
def test_every_page_is_read_whatever_the_notes_hold(form: str) -> None:
    """Three pages (the last empty, as the API's last page can be), with release notes holding "][" (Markdown
    reference links) and "]\n[": each form gh api writes gives every release, nothing split inside a note."""
    text = {"slurp": json.dumps(PAGES, indent=2),
            "back to back": "".join(json.dumps(page) for page in PAGES),
            "pages on lines": "\n".join(json.dumps(page, indent=1) for page in PAGES) + "\n"}[form]
    releases = read_releases(text)
    assert [r["tag_name"] for r in releases] == ["v3", "v2", "v1"]
    assert releases[0]["body"].startswith("See [the notes][1]")
    assert sorted(release_links(releases, "ffcv")) == ["ffcv-1.0.2.tar.gz", "ffcv-1.0.3.tar.gz", "ffcv-1.0.4.tar.gz"]


def test_the_workflow_writes_the_pages_as_one_array(project_dir: Path) -> None:
    """pages-index asks gh for --slurp: one JSON document whatever the number of pages."""
    text = (project_dir / ".github" / "workflows" / "wheels.yml").read_text()
    assert 'gh api --paginate --slurp "repos/$GITHUB_REPOSITORY/releases" > releases.json' in text


def test_assets_become_links_with_their_digest_and_drafts_are_left_out() -> None:
    assets = [{"name": "ffcv-1.0.2-cp310-abi3-win_amd64.whl", "browser_download_url": "https://h/a.whl",
               "digest": "sha256:" + "ab" * 32},
              {"name": "ffcv-1.0.2.tar.gz", "browser_download_url": "https://h/s.tar.gz"},
              {"name": "notes.txt", "browser_download_url": "https://h/n.txt"},
              {"name": "other-1.0-py3-none-any.whl", "browser_download_url": "https://h/o.whl"}]
    links = release_links([{"assets": assets}, {"draft": True, "assets": [
        {"name": "ffcv-9.9.9.tar.gz", "browser_download_url": "https://h/draft.tar.gz"}]}], "ffcv")
    assert links == {"ffcv-1.0.2-cp310-abi3-win_amd64.whl": "https://h/a.whl#sha256=" + "ab" * 32,
                     "ffcv-1.0.2.tar.gz": "https://h/s.tar.gz"}


def test_pip_installs_from_the_written_index(tmp_path: Path) -> None:
    """A real wheel (made here) behind a file:// download base: pip resolves it through the index and
    checks the hash the index gives."""
    wheel_dir = tmp_path / "files"
    wheel_dir.mkdir()
    project = tmp_path / "proj"
    (project / "ffcv").mkdir(parents=True)
    (project / "ffcv" / "__init__.py").write_text("VALUE = 7\n")
    (project / "pyproject.toml").write_text('[project]\nname = "ffcv"\nversion = "1.0.2"\n'
                                            '[build-system]\nrequires = ["setuptools"]\n'
                                            'build-backend = "setuptools.build_meta"\n')
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", wheel_dir, project])
    (wheel,) = wheel_dir.glob("ffcv-1.0.2-*.whl")
    out = tmp_path / "site" / "simple"
    assert main(["--releases", str(releases_json(tmp_path, [])), "--download-base", wheel_dir.as_uri(),
                 "--out", str(out), str(wheel)]) == 0
    page = (out / "ffcv" / "index.html").read_text()
    assert f"#sha256={file_sha256(wheel)}" in page and (out / "index.html").read_text().count("ffcv/") == 1
    target = tmp_path / "installed"
    run([sys.executable, "-m", "pip", "install", "--no-deps", "--isolated", "--index-url", out.as_uri(),
         "--target", target, "ffcv==1.0.2"])
    assert (target / "ffcv" / "__init__.py").read_text() == "VALUE = 7\n"
    wheel.write_bytes(wheel.read_bytes() + b"tampered")
    result = run([sys.executable, "-m", "pip", "install", "--no-deps", "--isolated", "--no-cache-dir",
                  "--index-url", out.as_uri(), "--target", tmp_path / "again", "ffcv==1.0.2"], check=False)
    assert result.returncode != 0 and "hash" in (result.stdout + result.stderr).lower()


def test_nothing_to_index_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="nothing to index"):
        main(["--releases", str(releases_json(tmp_path, [])), "--out", str(tmp_path / "out")])
    assert not (tmp_path / "out").exists()
