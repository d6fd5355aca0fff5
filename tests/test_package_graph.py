"""The package graph of src/mustalah is acyclic, lazy (function-level) imports included.

A node is a subpackage (``termbase``, ``formats`` …) or a top-level module (``model``,
``xmlsafe`` …); an edge A → B means some module of A imports something of B, at module
level or inside a function.  Data flows one way, so the imports do too: a cycle means a
newcomer cannot read one layer without the other, and lazy imports only hide it.  The layers
themselves are drawn in docs/architecture.md, and a test keeps the drawing true.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path, name: str, top: str) -> Iterator[str]:
    """Every module name ``path`` imports from package ``top``, wherever the import stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module == top:  # `from mustalah import model`: the names are the modules
                yield from (f"{module}.{alias.name}" for alias in node.names)
            else:
                yield module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def package_graph(root: Path) -> dict[str, dict[str, list[str]]]:
    """{node: {imported node: ["importing.module -> imported.module", …]}} for package ``root``."""
    top = root.name

    def node(module: str) -> str | None:
        parts = module.split(".")
        if parts[0] != top:
            return None
        return parts[1] if len(parts) > 1 else top

    graph: dict[str, dict[str, list[str]]] = {}
    for path in sorted(root.rglob("*.py")):
        name = _module_name(path, root)
        source = node(name)
        assert source is not None
        graph.setdefault(source, {})
        for target in _imported(path, name, top):
            dest = node(target)
            if dest is not None and dest != source:
                graph[source].setdefault(dest, []).append(f"{name} -> {target}")
    return graph


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_package_graph_is_acyclic() -> None:
    graph = package_graph(SRC / "mustalah")
    assert {"model", "termbase", "text", "formats", "matching", "checks", "lint", "reports", "cli"} <= set(
        graph
    )
    found = cycles(graph)
    why = [
        f"{a} -> {b}: {', '.join(graph[a][b][:3])}"
        for comp in found
        for a in comp
        for b in comp
        if b in graph[a]
    ]
    assert not found, "import cycle(s) between packages:\n" + "\n".join(why)


def test_the_shared_model_imports_no_package() -> None:
    """``model.py`` is what every stage shares: it depends on nothing of ours."""
    assert package_graph(SRC / "mustalah")["model"] == {}


def test_a_lazy_import_cycle_is_found(tmp_path: Path) -> None:
    """The check sees imports inside functions, relative and absolute."""
    root = tmp_path / "pkg"
    for sub in ("a", "b", "c"):
        (root / sub).mkdir(parents=True)
        (root / sub / "__init__.py").write_text("", encoding="utf-8")
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "a" / "x.py").write_text("from ..b.y import f\n", encoding="utf-8")
    (root / "b" / "y.py").write_text("def f():\n    from pkg.c import z\n", encoding="utf-8")
    (root / "c" / "z.py").write_text("def g():\n    from .. import a\n", encoding="utf-8")
    graph = package_graph(root)
    assert graph["a"] == {"b": ["pkg.a.x -> pkg.b.y"]}
    assert cycles(graph) == [["a", "b", "c"]]
    (root / "c" / "z.py").write_text("def g():\n    pass\n", encoding="utf-8")
    assert cycles(package_graph(root)) == []


def documented_layers() -> list[list[str]]:
    """The layer rows of docs/architecture.md, top first (the package names leading each row)."""
    text = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = text.split("Each package imports only from the rows below it:", 1)[1].split("```")[1]
    nodes = set(package_graph(SRC / "mustalah"))
    rows = []
    for line in block.strip().splitlines():
        names = []
        for word in line.split():
            if word not in nodes:
                break
            names.append(word)
        rows.append(names)
    return rows


def test_imports_go_down_the_documented_layers() -> None:
    graph = package_graph(SRC / "mustalah")
    rows = documented_layers()
    row = {name: i for i, names in enumerate(rows) for name in names}
    undocumented = set(graph) - set(row) - {"mustalah", "__main__", "data"}
    assert not undocumented, f"add these to the layers in docs/architecture.md: {sorted(undocumented)}"
    upward = [f"{a} -> {b}: {graph[a][b][0]}" for a in row for b in graph[a] if b in row and row[b] <= row[a]]
    assert not upward, "imports that do not go down the layers of docs/architecture.md:\n" + "\n".join(upward)
