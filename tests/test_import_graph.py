"""No import circles in backend/ (issue 26): the graph is drawn from every import statement, at module level and
inside functions alike (a function-level import hides a circle from Python, not from a reader)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package at `root`, by dotted name (a package by its own name, for its __init__)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _resolve(importer: str, is_package: bool, level: int, module: str | None) -> str:
    """The absolute name of `from <level dots><module> import ...` written in `importer`."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    if not is_package:
        base.pop()  # a module's relative imports start from its package
    if level > 1:
        base = base[:len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports. An import of a package counts as one of its
    __init__; `from pkg import name` counts as importing the submodule pkg.name when there is one, else pkg."""
    modules = module_names(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                source = _resolve(name, is_package, node.level, node.module)
                targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
                           for alias in node.names]
            for target in targets:
                # `import a.b.c` runs a, a.b and a.b.c; the nearest one in the package is the edge's end.
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target:
                    graph[name].add(target)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module, or one importing itself (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        # Iterative, so a deep package cannot exhaust Python's recursion limit.
        work = [(node, iter(sorted(graph[node])))]
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        while work:
            current, edges = work[-1]
            for succ in edges:
                if succ not in index:
                    index[succ] = low[succ] = len(index)
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph[succ]))))
                    break
                if succ in on_stack:
                    low[current] = min(low[current], index[succ])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[current])
                if low[current] == index[current]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == current:
                            break
                    if len(component) > 1 or current in graph[current]:
                        found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def cycle_path(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """One circle through the component's first module, for the message: a -> b -> a."""
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        current = queue.pop(0)
        for succ in sorted(graph[current] & members):
            if succ == start:
                return [*paths[current], start]
            if succ not in paths:
                paths[succ] = [*paths[current], succ]
                queue.append(succ)
    return component


def assert_no_circles(root: Path) -> None:
    graph = import_graph(root)
    found = circles(graph)
    assert not found, "import circles in " + root.name + "/ (module-level and function-level imports count):\n" \
        + "\n".join(f"  {' -> '.join(cycle_path(graph, component))}  (modules: {', '.join(component)})"
                    for component in found)


def inits_importing_their_own_modules(root: Path) -> dict[str, list[str]]:
    """Package -> the modules of its own it imports from its __init__.py. Python runs a package's __init__ before
    any module in it, so such an import puts every module of the package that imports back on a hidden circle."""
    graph = import_graph(root)
    return {name: sorted(target for target in graph[name] if target.startswith(name + "."))
            for name, path in module_names(root).items()
            if path.name == "__init__.py" and any(target.startswith(name + ".") for target in graph[name])}


def test_backend_has_no_import_circles(project_dir: Path) -> None:
    assert_no_circles(project_dir / "backend")


def test_no_package_init_imports_its_own_modules(project_dir: Path) -> None:
    """deps/ and toolchains/ keep their registries in registry.py, not in __init__.py, for this reason."""
    assert inits_importing_their_own_modules(project_dir / "backend") == {}


def test_the_graph_sees_the_backends_imports(project_dir: Path) -> None:
    """The graph is not empty by mistake: known edges of every kind are in it."""
    graph = import_graph(project_dir / "backend")
    assert "backend.errors" in graph["backend.settings"]  # from .errors import BuildError (module level)
    assert "backend.pins" in graph["backend.settings"]  # from .pins import load_toml (inside a function)
    assert "backend.deps" in graph["backend.pipeline"]  # from . import deps: the package's __init__
    assert "backend.toolchains" in graph["backend.deps"]  # from ..toolchains import Toolchain (relative, two dots)


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_a_function_level_circle_fails(tmp_path: Path) -> None:
    package = _write(tmp_path / "pkg", {
        "__init__.py": "",
        "a.py": "from .b import helper\n\ndef value():\n    return helper()\n",
        "b.py": "def helper():\n    from .sub import c  # hidden from Python until called\n    return c.VALUE\n",
        "sub/__init__.py": "",
        "sub/c.py": "VALUE = 1\n\ndef again():\n    from .. import a\n    return a.value()\n",
        "leaf.py": "import os\n",
    })
    with pytest.raises(AssertionError) as failure:
        assert_no_circles(package)
    assert "pkg.a -> pkg.b -> pkg.sub.c -> pkg.a" in str(failure.value)
    assert "pkg.leaf" not in str(failure.value)


@pytest.mark.parametrize("files, circle", [
    # `from . import name` where name is a submodule: an edge to the submodule, not only to the package.
    ({"__init__.py": "", "a.py": "from . import b\n", "b.py": "def f():\n    from . import a\n"},
     "pkg.a -> pkg.b -> pkg.a"),
    # An import of a package is one of its __init__, which imports back.
    ({"__init__.py": "from .a import x\n", "a.py": "x = 1\ndef f():\n    import pkg\n"}, "pkg -> pkg.a -> pkg"),
    # Absolute imports of the package's modules count too.
    ({"__init__.py": "", "a.py": "import pkg.b\n", "b.py": "from pkg.a import thing\n"}, "pkg.a -> pkg.b -> pkg.a"),
    # A module importing itself.
    ({"__init__.py": "", "a.py": "def f():\n    from . import a\n"}, "pkg.a -> pkg.a"),
])
def test_every_kind_of_import_makes_an_edge(tmp_path: Path, files: dict[str, str], circle: str) -> None:
    with pytest.raises(AssertionError) as failure:
        assert_no_circles(_write(tmp_path / "pkg", files))
    assert circle in str(failure.value)


def test_a_package_without_circles_passes(tmp_path: Path) -> None:
    assert_no_circles(_write(tmp_path / "pkg", {
        "__init__.py": "from .a import x\n",
        "a.py": "from .b import y\nx = y\n",
        "b.py": "import os\ny = 1\ndef f():\n    from .sub import c\n",
        "sub/__init__.py": "",
        "sub/c.py": "from ..leaf import z\n",
        "leaf.py": "z = 2\n",
    }))


def test_an_init_importing_its_own_module_is_found(tmp_path: Path) -> None:
    package = _write(tmp_path / "pkg", {"__init__.py": "def plugins():\n    from .impl import thing\n",
                                        "impl.py": "thing = 1\n", "other/__init__.py": "from ..impl import thing\n"})
    assert inits_importing_their_own_modules(package) == {"pkg": ["pkg.impl"]}
