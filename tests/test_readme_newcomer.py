"""The README's first section, as a newcomer on a fresh Debian 12 machine runs it: its set-up and build commands,
taken from README.md (so the README and this test cannot drift apart) and run as written, with Debian's own
python3 (/usr/bin/python3, 3.11.2, which refuses `pip install` outside a venv: PEP 668) on a copy of the
repository. The library prefixes of the session's cache are reused (same compiler and options), so the build
compiles only FFCV's extension."""
from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

from support.e2e import build_env, copy_repo, run

DEBIAN_PYTHON = Path("/usr/bin/python3")
SECTION = "## Two commands (fresh Debian/Ubuntu machine)"
TEST_COMMAND = "bash tests/run"


def section(project_dir: Path) -> str:
    text = (project_dir / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    return text[start:text.index("\n## ", start + len(SECTION))]


def shell_blocks(project_dir: Path) -> list[list[str]]:
    """The section's ```sh blocks, as lists of their non-empty lines."""
    return [[line for line in block.splitlines() if line.strip()]
            for block in re.findall(r"```sh\n(.*?)```", section(project_dir), re.S)]


def setup_and_commands(project_dir: Path) -> tuple[list[str], str, str]:
    """(the set-up lines, the build command, the test command): the section's first block is the set-up, run once
    as root; the second holds the two commands run in the clone, the build first."""
    blocks = shell_blocks(project_dir)
    assert len(blocks) >= 2, blocks
    setup, (build, tests, *rest) = blocks[0], blocks[1]
    assert not rest, blocks[1]
    return setup, build, tests


def apt_packages(lines: list[str]) -> list[str]:
    """The packages the README's `apt-get install` lines name."""
    packages = []
    for line in "\n".join(lines).replace("\\\n", " ").splitlines():  # continued lines joined
        words = line.split("#", 1)[0].split()
        if words[:2] == ["apt-get", "install"]:
            packages += [word for word in words[2:] if not word.startswith(("-", ">"))]
    return packages


def test_setup_lines_are_complete_for_a_fresh_image(project_dir: Path) -> None:
    """A fresh image has no package lists (apt-get update first), no compiler, no venv module and no Python
    headers; every package named is installed here (so the build below runs with what the README lists) and by
    .ci/run (what CI runs on a fresh machine)."""
    setup, _, tests = setup_and_commands(project_dir)
    assert setup[0].split("#", 1)[0].split() == ["apt-get", "update"], setup
    packages = apt_packages(setup)
    for needed in ("g++", "python3-venv", "python3-dev"):
        assert needed in packages, packages
    for package in packages:
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
        assert status.stdout == "install ok installed", (package, status.stdout, status.stderr)
    ci = (project_dir / ".ci" / "run").read_text(encoding="utf-8")
    assert set(packages) <= set(apt_packages(ci.splitlines())), (packages, "missing from .ci/run")
    assert tests.split("#", 1)[0].split() == TEST_COMMAND.split(), tests


def test_readme_build_command_runs_as_written_with_debians_python3(project_dir: Path, upstream_sdist: Path,
                                                                   shared_cache: Path, tmp_path: Path) -> None:
    assert DEBIAN_PYTHON.is_file(), "Debian's python3 (apt-get install python3-venv python3-dev) is needed here"
    debian_version = run([DEBIAN_PYTHON, "-c", "import platform; print(platform.python_version())"]).stdout.strip()
    _, build, _ = setup_and_commands(project_dir)
    clone = copy_repo(project_dir, tmp_path / "ffcv-wheels")
    # A newcomer's PATH: `python3` is the system's, not this machine's pyenv shims.
    env = {**build_env(shared_cache), "PATH": "/usr/local/bin:/usr/bin:/bin"}
    for name in ("PYENV_VERSION", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"):
        env.pop(name, None)
    assert run(["bash", "-c", "command -v python3"], env=env).stdout.strip() == "/usr/bin/python3"
    result = run(["bash", "-euo", "pipefail", "-c", build], cwd=clone, env=env, timeout=1800)
    log = result.stdout + result.stderr
    assert "externally-managed-environment" not in log
    venv_home = (clone / ".venv" / "pyvenv.cfg").read_text()
    assert re.search(r"^home = /usr/bin$", venv_home, re.M), venv_home
    wheels, sdists = sorted((clone / "dist").glob("*.whl")), sorted((clone / "dist").glob("*.tar.gz"))
    assert [p.name for p in sdists] == ["ffcv-1.0.2.tar.gz"], log[-3000:]
    (wheel,) = wheels
    assert wheel.name.startswith("ffcv-1.0.2-cp310-abi3-manylinux_") and wheel.name.endswith("_x86_64.whl")
    with zipfile.ZipFile(wheel) as archive:
        record = json.loads(archive.read("ffcv-1.0.2.dist-info/ffcv-build.json"))
        names = archive.namelist()
    # The source wheel (the default provider), built by Debian's python3 from our sdist.
    assert record["provider"] == "source" and not any(n.startswith("ffcv.libs/") for n in names), record
    assert record["host"]["python"] == debian_version, (record["host"], debian_version)
    assert f"[-OK-] built {wheel.name}" in log
