"""No two of vodsnap's modules import each other, however the import is written.

Every import counts: at the top of a module, inside a function, under ``TYPE_CHECKING``, and a
module named in a string (``importlib.import_module("vodsnap._tasks")``). The graph is read
from the sources with ``ast``, not from a running interpreter, so an import that only a rare
call would make is seen too.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

SRC = ROOT / "src"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The absolute name a ``from``/``import`` statement in ``module`` refers to."""
    if level == 0:
        return name or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every vodsnap module ``path`` imports, by any means."""
    module = module_name(path)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = resolve(module, is_package, node.level, node.module)
            submodules = {f"{target}.{alias.name}" for alias in node.names} & known
            # ``from .. import _tasks`` imports the module ``_tasks``, not the package's names
            found.update(submodules or {target})
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.add(node.value)  # a module named in a string
    return {name for name in found if name in known and name != module}


def graph() -> dict[str, set[str]]:
    paths = sorted(SRC.rglob("*.py"))
    known = {module_name(path) for path in paths}
    return {module_name(path): imports_of(path, known) for path in paths}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph as the list of its modules, or ``None``."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_two_modules_import_each_other() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_the_graph_reader_sees_every_kind_of_import(tmp_path: Path) -> None:
    known = {"vodsnap", "vodsnap._a", "vodsnap._b", "vodsnap._c", "vodsnap._d"}
    source = tmp_path / "src" / "vodsnap" / "_a.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from . import _b\n"
        "def f():\n    from ._c import x\n    from . import _b\n"
        "def g():\n    import importlib\n    importlib.import_module('vodsnap._d')\n"
    )
    global SRC
    saved, SRC = SRC, tmp_path / "src"
    try:
        assert imports_of(source, known) == {"vodsnap._b", "vodsnap._c", "vodsnap._d"}
    finally:
        SRC = saved


def test_a_cycle_is_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
