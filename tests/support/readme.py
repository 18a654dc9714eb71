"""The README's "Two commands" section, as data: its set-up lines and the two commands run in a clone,
taken from README.md so that the README and the tests cannot drift apart; and its build command run as
written, as a newcomer on a fresh Debian 12 machine runs it (Debian's own python3)."""
from __future__ import annotations

import re
from pathlib import Path

from support.e2e import build_env, copy_repo, run

DEBIAN_PYTHON = Path("/usr/bin/python3")  # Debian 12's 3.11.2: no tarfile filters, PEP 668
SECTION = "## Two commands (fresh Debian/Ubuntu machine)"
# A newcomer's PATH: `python3` is the system's, not this machine's pyenv shims.
NEWCOMER_PATH = "/usr/local/bin:/usr/bin:/bin"


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
    """The packages that `apt-get install` lines name (continued lines joined, options and redirections left out)."""
    packages = []
    for line in "\n".join(lines).replace("\\\n", " ").splitlines():
        words = line.split("#", 1)[0].split()
        if words[:2] == ["apt-get", "install"]:
            packages += [word for word in words[2:] if not word.startswith(("-", ">"))]
    return packages


def newcomer_env(cache: Path) -> dict[str, str]:
    env = {**build_env(cache), "PATH": NEWCOMER_PATH}
    for name in ("PYENV_VERSION", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"):
        env.pop(name, None)
    return env


def newcomer_build(project_dir: Path, cache: Path, clone: Path) -> dict:
    """The README's build command, run as written by bash in a fresh copy of the repository with Debian's python3
    first on PATH. Returns the sdist, the wheel, the clone and the log."""
    assert DEBIAN_PYTHON.is_file(), "Debian's python3 (apt-get install python3-venv python3-dev) is needed here"
    _, build, _ = setup_and_commands(project_dir)
    copy_repo(project_dir, clone)
    env = newcomer_env(cache)
    assert run(["bash", "-c", "command -v python3"], env=env).stdout.strip() == str(DEBIAN_PYTHON)
    result = run(["bash", "-euo", "pipefail", "-c", build], cwd=clone, env=env, timeout=3000)
    wheels, sdists = sorted((clone / "dist").glob("*.whl")), sorted((clone / "dist").glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted((clone / "dist").iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0], "out": clone / "dist", "clone": clone, "command": build,
            "log": result.stdout + result.stderr}
