"""Our GitHub workflows as data: jobs with their matrix legs expanded, steps, and the runner table
(.github/runners.toml) the labels are checked against."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
# Where the checkout is on a GitHub-hosted Linux runner (for ${{ github.workspace }}).
WORKSPACE = "/home/runner/work/ffcv-wheels/ffcv-wheels"


@dataclass(frozen=True)
class Leg:
    workflow: str
    job: str
    matrix: dict[str, Any]
    runs_on: str
    env: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        values = ", ".join(f"{k}={v}" for k, v in self.matrix.items())
        return f"{self.workflow} {self.job}" + (f" ({values})" if values else "")


def load(path: Path) -> dict[str, Any]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def workflows(project: Path) -> dict[str, dict[str, Any]]:
    return {p.name: load(p) for p in sorted((project / ".github" / "workflows").glob("*.yml"))}


def matrix_legs(strategy: dict[str, Any] | None) -> list[dict[str, Any]]:
    """GitHub's expansion of a strategy.matrix: the product of its lists, minus `exclude`, plus `include`."""
    matrix = dict((strategy or {}).get("matrix") or {})
    include = matrix.pop("include", [])
    exclude = matrix.pop("exclude", [])
    keys = list(matrix)
    legs = [dict(zip(keys, values)) for values in itertools.product(*(matrix[k] for k in keys))]
    legs = [leg for leg in legs if not any(all(leg.get(k) == v for k, v in rule.items()) for rule in exclude)]
    for extra in include:
        merged = False
        for leg in legs:
            if all(leg.get(k) == v for k, v in extra.items() if k in keys):
                leg.update(extra)
                merged = True
        if not merged:
            legs.append(dict(extra))
    return legs or [{}]


def substitute(text: str, matrix: dict[str, Any], extra: dict[str, str] | None = None) -> str:
    """${{ matrix.x }} and the given context values filled in; any other expression is an error here."""
    values = {f"matrix.{k}": str(v) for k, v in matrix.items()} | {"github.workspace": WORKSPACE} | (extra or {})

    def replace(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise ValueError(f"cannot evaluate ${{{{ {match.group(1)} }}}} in {text!r}")
        return values[match.group(1)]

    return EXPRESSION.sub(replace, text)


def legs(project: Path) -> list[Leg]:
    found = []
    for name, workflow in workflows(project).items():
        for job_id, job in workflow["jobs"].items():
            for matrix in matrix_legs(job.get("strategy")):
                runs_on = job["runs-on"]
                assert isinstance(runs_on, str), f"{name} {job_id}: runs-on is not one label: {runs_on!r}"
                env = {k: substitute(str(v), matrix) for k, v in (workflow.get("env") or {}).items()}
                env |= {k: substitute(str(v), matrix) for k, v in (job.get("env") or {}).items()}
                found.append(Leg(name, job_id, matrix, substitute(runs_on, matrix), env))
    return found


def step(project: Path, workflow: str, job: str, name_start: str) -> dict[str, Any]:
    """The one step of `job` whose name starts with `name_start`."""
    steps = [s for s in workflows(project)[workflow]["jobs"][job]["steps"] if s.get("name", "").startswith(name_start)]
    assert len(steps) == 1, f"{workflow} {job}: {len(steps)} steps named {name_start!r}..."
    return steps[0]


def runner_table(project: Path) -> dict[str, Any]:
    return tomllib.loads((project / ".github" / "runners.toml").read_text(encoding="utf-8"))
