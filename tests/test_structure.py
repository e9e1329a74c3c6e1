"""The codebase stays readable: no import circles between our modules (function-local imports
count too, since they only postpone a circle), no module past 500 lines, and the dependency
direction of the design card (site -> plugins -> headless toolkit, never backwards).

Pure static checks on the source tree: they read files, not the database.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Source roots and the first-party packages under them.
PACKAGES = {
    "headless": ROOT / "headless",
    "programme": ROOT / "programme",
    "newsroom": ROOT / "newsroom",
    "search": ROOT / "search",
    "importers": ROOT / "importers",
    "portal": ROOT / "site" / "portal",
}
MAX_LINES = 500

#: package -> packages it must never import (the design card's dependency direction).
FORBIDDEN = {
    "headless": {"programme", "newsroom", "search", "importers", "portal"},
    "programme": {"newsroom", "search", "importers", "portal"},
    "newsroom": {"search", "importers", "portal"},
    "search": {"programme", "newsroom", "importers", "portal"},
    # The importers sit on top of newsroom and programme; nothing imports them back.
    "importers": {"search", "portal"},
}


def _module_files() -> dict[str, Path]:
    modules = {}
    for package, folder in PACKAGES.items():
        for path in folder.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join([package, *parts])] = path
    return modules


MODULES = _module_files()


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _imports(name: str, path: Path) -> set[str]:
    """First-party modules ``name`` imports, at any depth of its code. ``from a import b``
    points at module ``a.b`` when that is a module, else at ``a``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if _is_package(name) else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = []
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                targets.append(candidate if candidate in MODULES else base)
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for successor in GRAPH.get(node, ()):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return components


def test_the_checker_sees_the_tree():
    assert "programme.api" in MODULES or "programme.api.routers" in MODULES
    assert any(
        target.startswith("programme")
        for name, targets in GRAPH.items()
        if name.startswith("newsroom.models")
        for target in targets
    )


def test_no_import_circles():
    assert _cycles() == []


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependency_direction(package):
    wrong = {
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if name.split(".")[0] == package
        for target in targets
        if target.split(".")[0] in FORBIDDEN[package]
    }
    assert not wrong, sorted(wrong)


def test_no_module_over_the_limit():
    too_long = {
        str(path.relative_to(ROOT)): count
        for path in [*MODULES.values(), *(ROOT / "tests").rglob("*.py")]
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, too_long
