"""No module of src/mustalah reaches into another's private names.

A leading underscore says "only this module relies on it": a rule that imports the near-miss
walker's ``_TOKEN``, or the cache that fills ``TermIndex._entries`` from outside, breaks when
the owner changes what it considers its own business.  Names shared across modules are public
(``TOKEN``, ``TermIndex.entries``).  Third-party privates are allowed in one place only:
sacreBLEU's statistics API in ``scoring/sacrebleu_stats.py`` (why, in its docstring), plus the
two typing names lxml and argparse publish only with an underscore.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "mustalah"

#: ``module._name`` uses that are another library's public spelling, not a private reach.
ALLOWED_ATTRIBUTES = frozenset(
    {("argparse", "_SubParsersAction"), ("etree", "_Element"), ("etree", "_ElementTree"), ("os", "_exit")}
)
#: The one module that may touch a third-party library's private names (sacreBLEU's).
THIRD_PARTY_ADAPTER = SRC / "scoring" / "sacrebleu_stats.py"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _reaches(path: Path) -> list[str]:
    out: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            out += [
                f"line {node.lineno}: from {node.module} import {a.name}"
                for a in node.names
                if _private(a.name)
            ]
        elif isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name):
            owner = node.value.id
            if owner not in ("self", "cls") and (owner, node.attr) not in ALLOWED_ATTRIBUTES:
                out.append(f"line {node.lineno}: {owner}.{node.attr}")
    return out


def test_no_module_uses_another_modules_private_names() -> None:
    found = {
        str(path.relative_to(SRC)): reaches
        for path in sorted(SRC.rglob("*.py"))
        if path != THIRD_PARTY_ADAPTER and (reaches := _reaches(path))
    }
    assert not found, found


def test_the_check_sees_a_private_reach(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from .nearmiss_words import _TOKEN\nfrom .x import TOKEN as _T\n"
        "def f(index):\n    return index._entries, self_like._near\n",
        encoding="utf-8",
    )
    assert _reaches(module) == [
        "line 1: from nearmiss_words import _TOKEN",
        "line 4: index._entries",
        "line 4: self_like._near",
    ]
