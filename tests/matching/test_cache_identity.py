"""The index cache's code identity follows the code that shapes the index, and only that.

Editing the evaluation module (or the confusion list's code) must not invalidate every
user's cache; editing the matcher must.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from mustalah.matching.types import INDEX_MODULES

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "mustalah"
MATCHING = PACKAGE / "matching"


def _local_imports(module: str) -> set[str]:
    """The modules of matching/ that ``module`` imports (relative imports, anywhere in it)."""
    out: set[str] = set()
    tree = ast.parse((MATCHING / module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            out.add(node.module.split(".")[0] + ".py")
    return out


def test_index_modules_are_the_import_closure_of_the_cache() -> None:
    closure, todo = set(), ["cache.py"]
    while todo:
        module = todo.pop()
        if module not in closure:
            closure.add(module)
            todo.extend(_local_imports(module))
    assert set(INDEX_MODULES) == closure
    assert {"evaluate.py", "confusions.py"}.isdisjoint(closure)


def _build_id(src: Path) -> str:
    code = "from mustalah.matching.types import MATCHER_BUILD; print(MATCHER_BUILD)"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=src, env={"PYTHONPATH": str(src)}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_editing_evaluation_keeps_the_identity_editing_the_matcher_changes_it(tmp_path: Path) -> None:
    copy = tmp_path / "src" / "mustalah"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = _build_id(copy.parent)
    for module in ("evaluate.py", "confusions.py"):
        with open(copy / "matching" / module, "a", encoding="utf-8") as handle:
            handle.write("\n# an edit\n")
    assert _build_id(copy.parent) == before
    with open(copy / "matching" / "index.py", "a", encoding="utf-8") as handle:
        handle.write("\n# an edit\n")
    assert _build_id(copy.parent) != before
