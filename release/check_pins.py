"""The workflows' action pins against the actions' own repositories.

Every `uses: owner/repo@SHA # vX.Y.Z` must name a commit of that repository, the one its tag vX.Y.Z points to
(a garbled or stale SHA fails the job at "Set up job", and only on the run that reaches it: a release).

  python release/check_pins.py verify --mirrors DIR   each pin against a local clone or mirror of its
                                                      repository: DIR/<owner>+<repo>/repo or DIR/<owner>+<repo>
                                                      (`git rev-parse vX.Y.Z^{commit}` must give SHA)
  python release/check_pins.py record --mirrors DIR   the same, then writes .github/action-pins.toml
  python release/check_pins.py check                  the workflows against .github/action-pins.toml
                                                      (no network: what the test suite runs)

A mirror older than the tag cannot say: `verify` reports that pin as unverified (exit status 1) rather than
passing it; `record` keeps such a pin only with --accept-unverified and writes down how it was checked.
"""
from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TABLE = PROJECT / ".github" / "action-pins.toml"
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w.-]+)(/[^@\s]*)?@(\S+)(?:\s+#\s*(\S+))?", re.MULTILINE)
SHA = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True, order=True)
class Pin:
    action: str  # owner/repo
    tag: str  # the comment's version
    commit: str


def workflow_pins(workflows: Path) -> dict[Pin, list[str]]:
    """Every `uses:` of a remote action in the workflows -> where it is used (file:line)."""
    pins: dict[Pin, list[str]] = {}
    for path in sorted(workflows.glob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        for match in USES.finditer(text):
            action, _subpath, ref, tag = match.groups()
            if action.startswith("./"):
                continue
            line = text.count("\n", 0, match.start()) + 1
            pins.setdefault(Pin(action, tag or "", ref), []).append(f"{path.name}:{line}")
    return pins


def problems_in_form(pins: dict[Pin, list[str]]) -> list[str]:
    """A pin is a full commit SHA with its version in a comment."""
    found = []
    for pin, where in sorted(pins.items()):
        if not SHA.match(pin.commit):
            found.append(f"{pin.action}@{pin.commit} ({', '.join(where)}): not pinned to a full commit SHA")
        if not pin.tag:
            found.append(f"{pin.action}@{pin.commit} ({', '.join(where)}): no '# vX.Y.Z' comment naming its tag")
    return found


def mirror_of(mirrors: Path, action: str) -> Path | None:
    owner, repo = action.split("/")
    for candidate in (mirrors / f"{owner}+{repo}" / "repo", mirrors / f"{owner}+{repo}", mirrors / repo):
        if (candidate / ".git").exists():  # a clone with a work tree
            return candidate / ".git"
        if candidate.exists():
            return candidate
    return None


def tag_commit(mirror: Path, tag: str) -> str | None:
    result = subprocess.run(["git", "--git-dir", str(mirror), "rev-parse", "--verify", "--quiet", f"{tag}^{{commit}}"],
                            capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else None


def newest_tag(mirror: Path) -> str:
    result = subprocess.run(["git", "--git-dir", str(mirror), "tag", "--sort=-creatordate"],
                            capture_output=True, text=True)
    return (result.stdout.split() or ["(none)"])[0]


def verify(pins: dict[Pin, list[str]], mirrors: Path) -> tuple[list[str], list[str]]:
    """(wrong pins, pins the mirrors cannot say anything about)."""
    wrong, unknown = [], []
    for pin, where in sorted(pins.items()):
        mirror = mirror_of(mirrors, pin.action)
        place = f"{pin.action}@{pin.commit} # {pin.tag} ({', '.join(where)})"
        if mirror is None:
            unknown.append(f"{place}: no mirror of {pin.action} in {mirrors}")
            continue
        actual = tag_commit(mirror, pin.tag)
        if actual is None:
            unknown.append(f"{place}: the mirror has no tag {pin.tag} (its newest: {newest_tag(mirror)}); "
                           "it is older than the tag and cannot say")
        elif actual != pin.commit:
            exists = subprocess.run(["git", "--git-dir", str(mirror), "cat-file", "-e", f"{pin.commit}^{{commit}}"],
                                    capture_output=True).returncode == 0
            wrong.append(f"{place}: {pin.tag} is {actual}; the pinned SHA is "
                         + ("another commit of the repository" if exists else "not a commit of the repository"))
    return wrong, unknown


def read_table(path: Path = TABLE) -> dict[Pin, str]:
    """Recorded pin -> how it was checked."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {Pin(row["action"], row["tag"], row["commit"]): row["checked"] for row in data["pin"]}


def compare_with_table(pins: dict[Pin, list[str]], table: dict[Pin, str]) -> list[str]:
    """Workflow pins missing from the recorded table (new or changed pins not yet verified)."""
    return [f"{pin.action}@{pin.commit} # {pin.tag} ({', '.join(where)}) is not in {TABLE.name}: verify it against "
            f"a mirror (python release/check_pins.py record --mirrors DIR)"
            for pin, where in sorted(pins.items()) if pin not in table]


def write_table(pins: dict[Pin, list[str]], checked: dict[Pin, str], path: Path = TABLE) -> None:
    lines = ["# Action pins of .github/workflows, each checked against a mirror of the action's repository",
             "# (release/check_pins.py record). tests/test_workflows.py compares the workflows with this table.",
             ""]
    for pin in sorted(pins):
        lines += ["[[pin]]", f'action = "{pin.action}"', f'tag = "{pin.tag}"', f'commit = "{pin.commit}"',
                  f'checked = "{checked[pin]}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["verify", "record", "check"])
    parser.add_argument("--mirrors", type=Path, help="folder holding owner+repo mirrors (verify, record)")
    parser.add_argument("--workflows", type=Path, default=PROJECT / ".github" / "workflows")
    parser.add_argument("--accept-unverified", action="append", default=[], metavar="OWNER/REPO=HOW",
                        help="record: keep this action's pin although no mirror could check it, saying how it was")
    options = parser.parse_args(argv)
    pins = workflow_pins(options.workflows)
    errors = problems_in_form(pins)
    if options.command == "check":
        errors += compare_with_table(pins, read_table())
    else:
        if options.mirrors is None:
            parser.error(f"{options.command} needs --mirrors")
        wrong, unknown = verify(pins, options.mirrors)
        errors += wrong
        accepted = dict(item.split("=", 1) for item in options.accept_unverified)
        today = datetime.date.today().isoformat()
        checked = {pin: f"tag resolved in a mirror of the repository, {today}" for pin in pins}
        for line in unknown:
            action = line.split("@", 1)[0]
            if options.command == "record" and action in accepted:
                print(f"[WARN] {line} (recorded as: {accepted[action]})")
                for pin in pins:
                    if pin.action == action:
                        checked[pin] = f"not in the mirror: {accepted[action]}"
            else:
                errors.append(line)
        if options.command == "record" and not errors:
            write_table(pins, checked)
            print(f"[-OK-] wrote {TABLE.relative_to(PROJECT)} ({len(pins)} pins)")
    for line in errors:
        print(f"[ERROR] {line}", file=sys.stderr)
    if not errors:
        print(f"[-OK-] {len(pins)} action pins")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
