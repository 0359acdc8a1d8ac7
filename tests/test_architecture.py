"""The shape of the code, checked: modules stay small, packages import one way, the lexicon is
whole. (Lint and types are checked by `ruff check app` and `mypy` in .ci/run.)"""
import ast
from collections import defaultdict
from pathlib import Path

import pytest

from app.config import PROJECT_ROOT

APP = PROJECT_ROOT / "app"
MODULES = sorted(APP.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(path: Path) -> set[str]:
    """The app modules a module imports when it runs (imports under `if TYPE_CHECKING:` aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
               and getattr(node.test, "id", None) == "TYPE_CHECKING" for n in ast.walk(node)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("app")}
    return found


def _package(module: str, depth: int) -> str:
    """The package a module belongs to at a depth: app.extract.speakers.strategies is app.extract
    at depth 2 and app.extract.speakers at depth 3 (a module directly in a package is its own)."""
    parts = module.split(".")
    candidate = ".".join(parts[:depth])
    return candidate if (PROJECT_ROOT / Path(*candidate.split("."))).is_dir() else module


def _graph(depth: int, within: str = "app") -> dict[str, set[str]]:
    """Which package imports which, at a depth, among the modules under `within`."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in MODULES:
        source = _name(path)
        if not source.startswith(within):
            continue
        for target in _runtime_imports(path):
            if not target.startswith(within):
                continue
            a, b = _package(source, depth), _package(target, depth)
            if a != b and not b.startswith(a + ".") and not a.startswith(b + "."):
                graph[a].add(b)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return cycles


def test_the_cycle_finder_finds_one():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_no_module_is_over_400_lines():
    long = {_name(p): n for p in MODULES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long


@pytest.mark.parametrize("depth, within", [(2, "app"), (3, "app.extract"), (3, "app.api")])
def test_packages_import_one_way(depth, within):
    graph = _graph(depth, within)
    assert sum(len(targets) for targets in graph.values()) >= 5  # the imports were read
    assert _cycles(graph) == []


def test_the_neutral_core_imports_no_other_package():
    for path in (APP / "core").rglob("*.py"):
        imported = {_package(m, 2) for m in _runtime_imports(path)}
        assert imported <= {"app.core", "app.config"}, (path, imported)


def test_every_lexicon_file_is_loaded_and_a_missing_one_fails(monkeypatch):
    from app.core import lexicon

    loaded: set[str] = set()
    real = lexicon._read

    def reading(name: str) -> list[str]:
        loaded.add(name)
        return real(name)

    monkeypatch.setattr(lexicon, "_read", reading)
    lexicon.Lexicon.load()
    on_disk = {p.name for p in (APP / "core" / "lexicon").iterdir() if p.suffix in (".txt", ".tsv")}
    assert loaded == on_disk

    def missing(name: str) -> list[str]:
        if name == "title_words.txt":
            raise FileNotFoundError(name)
        return real(name)

    monkeypatch.setattr(lexicon, "_read", missing)
    with pytest.raises(FileNotFoundError):
        lexicon.Lexicon.load()
