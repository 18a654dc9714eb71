"""The workflows' semantics, beyond their syntax (actionlint, zizmor: test_project_checks.py): what each
matrix leg would build and install, on which runner, with which action pins, and how a job behaves on a
repository that has none of the optional settings yet."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import types
import zipfile
from pathlib import Path

import pytest

from support.e2e import run
from support.workflows import WORKSPACE, Leg, legs, runner_table, step, workflows

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "release"))
import check_pins  # noqa: E402


def test_every_runs_on_is_a_runner_label_github_offers(project_dir: Path) -> None:
    """A job on a label GitHub does not offer (macos-14 since 2026-11-02) waits for a runner that never
    comes, and every job that needs it is skipped: each leg's label is in the dated table of actions/runner-images'
    labels, and none is retired."""
    table = runner_table(project_dir)
    retired = set(table["source"]["retired"])
    for leg in legs(project_dir):
        assert leg.runs_on not in retired, f"{leg}: runs-on {leg.runs_on} is retired"
        assert leg.runs_on in table["labels"], (
            f"{leg}: runs-on {leg.runs_on} is not in .github/runners.toml (read actions/runner-images and add it)")


def test_the_runner_table_says_what_we_rely_on(project_dir: Path) -> None:
    """Every label: its platform and machine (cibuildwheel's native architecture), cached Pythons, where nasm
    comes from; Windows labels: the Visual Studio the backend finds with vswhere (version, path, MSVC)."""
    table = runner_table(project_dir)
    assert table["source"]["read-on"] and len(table["source"]["commit"]) == 40
    for label, runner in table["labels"].items():
        assert runner["platform"] in ("linux", "macos", "windows") and runner["machine"], label
        assert runner["python"] and runner["nasm"] and runner["image"], label
        if runner["platform"] == "windows":
            vs = runner["visual-studio"]
            major = vs["version"].split(".")[0]
            assert vs["path"].startswith("C:\\Program Files\\Microsoft Visual Studio\\"), label
            # VS 2022 installs under ...\2022\<edition>, VS 2026 (18.x) under ...\18\<edition>.
            assert vs["path"].split("\\")[3] in (major, {"17": "2022"}.get(major)), (label, vs)
            assert vs["cl"].startswith("19.") and vs["msvc"].startswith("14."), (label, vs)


def wheels_legs(project_dir: Path) -> list[Leg]:
    return [leg for leg in legs(project_dir) if leg.workflow == "wheels.yml" and leg.job == "wheels"]


# Per runner: the wheels its leg must build, exactly (one cp310-abi3 wheel, its own architecture;
# Windows ARM64's from CPython 3.11, python.org having no 3.10 for it).
EXPECTED_IDENTIFIERS = {
    "ubuntu-24.04": ["cp310-manylinux_x86_64"],
    "ubuntu-24.04-arm": ["cp310-manylinux_aarch64"],
    "macos-15": ["cp310-macosx_arm64"],
    "windows-latest": ["cp310-win_amd64"],
    "windows-11-arm": ["cp311-win_arm64"],
}


def build_identifiers(project_dir: Path, leg: Leg, runner: dict, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """cibuildwheel's own option resolution as it runs on that leg's runner: its platform, its
    platform.machine() (what `native` and `auto64` resolve from), the job's CIBW_* environment."""
    import cibuildwheel.architecture as architecture
    from cibuildwheel.__main__ import get_build_identifiers
    from cibuildwheel.options import CommandLineArguments, compute_options
    from cibuildwheel.platforms import ALL_PLATFORM_MODULES

    host = {"linux": "linux", "macos": "darwin", "windows": "win32"}[runner["platform"]]
    monkeypatch.setattr(architecture.platform_module, "machine", lambda: runner["machine"])
    monkeypatch.setattr(architecture, "sys", types.SimpleNamespace(platform=host))
    arguments = CommandLineArguments.defaults()
    arguments.platform = runner["platform"]
    arguments.package_dir = project_dir
    arguments.config_file = str(project_dir / "pyproject.toml")
    env = {k: v for k, v in leg.env.items() if k.startswith("CIBW_")}
    options = compute_options(runner["platform"], arguments, env=env)
    return list(get_build_identifiers(ALL_PLATFORM_MODULES[runner["platform"]], options.globals.build_selector,
                                      options.globals.architectures))


def test_each_wheels_leg_builds_exactly_its_runners_own_wheel(project_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A Linux runner building both architectures starts a foreign-architecture manylinux container with no
    emulation ("exec format error"): every leg of wheels.yml's matrix resolves, with cibuildwheel's code
    and that runner's platform and machine, to exactly its own wheels."""
    table = runner_table(project_dir)["labels"]
    found = {}
    for leg in wheels_legs(project_dir):
        with monkeypatch.context() as patch:
            found[leg.runs_on] = build_identifiers(project_dir, leg, table[leg.runs_on], patch)
    assert found == EXPECTED_IDENTIFIERS


@pytest.fixture
def stub_wheel(make_ctx, upstream_sdist: Path, tmp_path: Path) -> Path:
    """A wheel with our real wheel's metadata (its Requires-Dist: torch, numba, ...) and no code."""
    from backend import pipeline

    name = pipeline.prepare_metadata(make_ctx({"upstream-sdist": str(upstream_sdist)}), tmp_path / "meta")
    wheel = tmp_path / "ffcv-1.0.2-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(f"{name}/METADATA", (tmp_path / "meta" / name / "METADATA").read_text())
        archive.writestr(f"{name}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        archive.writestr("ffcv/__init__.py", "")
        archive.writestr(f"{name}/RECORD", "")
    return wheel


@pytest.mark.parametrize("identifier", [ids[0] for ids in EXPECTED_IDENTIFIERS.values()])
def test_cibuildwheels_test_step_installs_only_what_the_smoke_test_imports(
        project_dir: Path, stub_wheel: Path, tmp_path: Path, identifier: str) -> None:
    """cibuildwheel's test step runs `pip install <wheel>` then `pip install <test-requires>` with the
    test-environment. Installing the wheel with its requirements pulled torch's CUDA build and NVIDIA's
    libraries (about 3 GB) into every manylinux container: here that pip install (our wheel's real metadata, the
    leg's test environment) runs against an index that has nothing, so it passes only if it fetches nothing."""
    import ast

    from support.cibw import cibuildwheel_test_step

    platform = {"manylinux": "linux", "macosx": "macos", "win": "windows"}[identifier.split("-")[1].split("_")[0]]
    step_options = cibuildwheel_test_step(project_dir, platform, identifier)
    empty_index = tmp_path / "empty-index"
    empty_index.mkdir()
    # No pip settings of this machine (its configuration files, PIP_* variables): the test environment's only.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")} | {"PIP_CONFIG_FILE": os.devnull}
    env |= step_options.environment
    result = run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
                  "--disable-pip-version-check", "--index-url", empty_index.as_uri(), stub_wheel],
                 env=env, check=False)
    assert result.returncode == 0, f"{identifier}: the test step's pip install fetches the wheel's requirements:\n{result.stderr}"
    # What it installs instead, test-requires, covers the smoke test's imports.
    smoke = ast.parse((project_dir / "tests" / "support" / "smoke.py").read_text())
    imported = {alias.name.split(".")[0] for node in smoke.body if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in smoke.body if isinstance(node, ast.ImportFrom) and node.module}
    third_party = imported - set(sys.stdlib_module_names) - {"__future__"}
    distributions = {"np": "numpy", "numpy": "numpy", "PIL": "pillow"}
    requires = {r.split(";")[0].strip().lower() for r in step_options.requires}
    assert {distributions[name] for name in third_party} <= requires
    assert not requires & {"torch", "numba", "torchvision"}


def test_every_action_pin_is_the_recorded_verified_one(project_dir: Path) -> None:
    """Each `uses: owner/repo@SHA # vX` is in .github/action-pins.toml, written by release/check_pins.py
    after resolving vX in a mirror of the repository (a garbled SHA fails the release at "Set up job")."""
    pins = check_pins.workflow_pins(project_dir / ".github" / "workflows")
    assert pins
    assert check_pins.problems_in_form(pins) == []
    assert check_pins.compare_with_table(pins, check_pins.read_table(project_dir / ".github" / "action-pins.toml")) == []


def git(*args: str | Path, cwd: Path) -> str:
    return subprocess.run(["git", *map(str, args)], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}).stdout.strip()


def test_check_pins_resolves_tags_in_a_mirror(tmp_path: Path) -> None:
    """The checker against a real git repository: the tag's commit passes; another commit, a SHA the
    repository does not have, and a tag the mirror does not know (older mirror) do not."""
    mirror = tmp_path / "mirrors" / "acme+act"
    mirror.mkdir(parents=True)
    git("init", "-q", cwd=mirror)
    git("commit", "-q", "--allow-empty", "-m", "one", cwd=mirror)
    first = git("rev-parse", "HEAD", cwd=mirror)
    git("tag", "-a", "-m", "v1", "v1.0.0", cwd=mirror)  # annotated: the tag object is not the commit
    git("commit", "-q", "--allow-empty", "-m", "two", cwd=mirror)
    second = git("rev-parse", "HEAD", cwd=mirror)
    flows = tmp_path / "workflows"
    flows.mkdir()

    def verify(ref: str, tag: str) -> tuple[list[str], list[str]]:
        (flows / "w.yml").write_text(f"jobs:\n  a:\n    steps:\n      - uses: acme/act@{ref} # {tag}\n")
        return check_pins.verify(check_pins.workflow_pins(flows), tmp_path / "mirrors")

    assert verify(first, "v1.0.0") == ([], [])
    wrong, _ = verify(second, "v1.0.0")
    assert "another commit" in wrong[0]
    wrong, _ = verify("977bb373ede98d70efbf0b7b13af9c3d6651dc60", "v1.0.0")
    assert "not a commit of the repository" in wrong[0]
    wrong, unknown = verify(first, "v2.0.0")
    assert not wrong and "no tag v2.0.0" in unknown[0] and "v1.0.0" in unknown[0]


def run_step(script: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A `run:` script as GitHub runs it with `shell: bash` (bash -e {0})."""
    path = cwd / "step.sh"
    path.write_text(script)
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", path], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_cross_arm64_test_passes_on_a_repository_without_the_torch_variable(project_dir: Path,
                                                                            tmp_path: Path) -> None:
    """A first run has no repository variables: GitHub gives ${{ vars.TORCH_INDEX_URL_WIN_ARM64 }} as "". The
    torch step then says in the job's summary what it skipped and why, and passes."""
    torch = step(project_dir, "windows.yml", "cross-arm64-test", "torch from PyTorch's index")
    assert torch["env"]["TORCH_INDEX_URL"] == "${{ vars.TORCH_INDEX_URL_WIN_ARM64 }}"
    summary = tmp_path / "summary.md"
    env = {"PATH": os.environ["PATH"], "TORCH_INDEX_URL": "", "GITHUB_STEP_SUMMARY": str(summary),
           "RUNNER_TEMP": str(tmp_path), "GITHUB_WORKSPACE": str(project_dir)}
    result = run_step(torch["run"], env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "TORCH_INDEX_URL_WIN_ARM64" in summary.read_text() and "skipped" in summary.read_text()
    assert "::notice::" in result.stdout


def test_the_linux_dependency_cache_is_readable_by_actions_cache(project_dir: Path, tmp_path: Path) -> None:
    """The manylinux container runs as root and the backend writes its cache entries through temporary
    files and folders (0600, 0700); actions/cache then runs tar as the runner user when the job ends.
    Here: entries written as root by the backend's own functions, the workflow's steps after the build run
    as the runner user would (`id` says its uid; sudo is root), then tar run as that user must read them."""
    from backend.files import atomic_file, staged_folder

    if os.geteuid() != 0:
        pytest.skip("needs root: the container's writes are root's")
    user = 65534  # nobody: a runner user that is not the cache's owner
    workspace = Path(os.environ.get("TMPDIR", "/tmp")) / f"ffcv-ws-{os.getpid()}"
    workspace.mkdir(mode=0o755)
    try:
        os.chmod(workspace, 0o777)
        cache = workspace / ".ffcv-cache"
        cache.mkdir()
        with atomic_file(cache / "downloads" / "lib.tar.gz") as temp:
            temp.write_bytes(b"archive")
        with staged_folder(cache / "prefix") as staging:
            (staging / "lib").mkdir()
            (staging / "lib" / "libx.a").write_bytes(b"lib")
        modes = {p.relative_to(cache).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in cache.rglob("*")}
        assert any(mode & 0o044 == 0 for mode in modes.values()), modes  # the backend's private modes

        shims = tmp_path / "shims"
        shims.mkdir()
        (shims / "id").write_text(f'#!/bin/sh\ncase "$1" in -u|-g) echo {user};; *) exec /usr/bin/id "$@";; esac\n')
        (shims / "sudo").write_text('#!/bin/sh\nexec "$@"\n')
        for shim in shims.iterdir():
            shim.chmod(0o755)
        job = workflows(project_dir)["wheels.yml"]["jobs"]["wheels"]
        after = job["steps"][[s.get("name", "").startswith("Build and test with cibuildwheel")
                              for s in job["steps"]].index(True) + 1:]
        env = {"PATH": f"{shims}:{os.environ['PATH']}", "GITHUB_WORKSPACE": str(workspace)}
        for later in after:
            if "run" in later and "Linux" in str(later.get("if", "runner.os == 'Linux'")):
                result = run_step(later["run"], env, workspace)
                assert result.returncode == 0, result.stderr
        # actions/cache's save: tar of the cached paths relative to the workspace, as the runner user.
        # (To a pipe: GNU tar reads nothing when the archive is /dev/null.)
        tar = subprocess.run(["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups",
                              "tar", "-cf", "-", "-C", workspace, ".ffcv-cache"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        tar_errors = tar.stderr.decode("utf-8", "replace")
        assert tar.returncode == 0, f"actions/cache could not read the cache:\n{tar_errors}"
        import io
        import tarfile

        with tarfile.open(fileobj=io.BytesIO(tar.stdout)) as archive:
            names = set(archive.getnames())
        assert {".ffcv-cache/downloads/lib.tar.gz", ".ffcv-cache/prefix/lib/libx.a"} <= names, names
    finally:
        subprocess.run(["rm", "-rf", workspace], check=True)


def test_the_workspace_used_for_linux_is_a_runners(project_dir: Path) -> None:
    """The container's cache mount and the cached path are the same folder: the workspace's .ffcv-cache."""
    (leg,) = [leg for leg in wheels_legs(project_dir) if leg.runs_on == "ubuntu-24.04"]
    assert f"--volume={WORKSPACE}/.ffcv-cache:/ffcv-cache" in leg.env["CIBW_CONTAINER_ENGINE"]
    cache = [s for s in workflows(project_dir)["wheels.yml"]["jobs"]["wheels"]["steps"]
             if str(s.get("uses", "")).startswith("actions/cache@")]
    assert cache and cache[0]["with"]["path"] == ".ffcv-cache"


def test_every_repository_setting_the_workflows_read_is_documented(project_dir: Path) -> None:
    """A repository variable or environment the workflows use is a setting a maintainer must know about:
    docs/ci-and-releasing.md names each, with what happens while it is missing."""
    import re

    doc = (project_dir / "docs" / "ci-and-releasing.md").read_text(encoding="utf-8")
    text = "\n".join(p.read_text(encoding="utf-8") for p in (project_dir / ".github" / "workflows").glob("*.yml"))
    variables = set(re.findall(r"\bvars\.([A-Za-z0-9_]+)", text))
    environments = {str((job.get("environment") or {}).get("name", job.get("environment")))
                    for flow in workflows(project_dir).values() for job in flow["jobs"].values()
                    if job.get("environment")}
    assert variables and environments
    missing = sorted(name for name in variables | environments if f"`{name}`" not in doc)
    assert not missing, f"not in docs/ci-and-releasing.md: {missing}"
    for label in {leg.runs_on for leg in legs(project_dir)}:
        assert f"`{label}`" in doc, label
