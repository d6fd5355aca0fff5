"""The blind sets' frozen first reviews: well formed, naming files that exist, and the figures on
unseen text in the README's summary and in ``docs/precision.md`` are the ones they give
(``scripts/blind_precision.py``)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import yaml

from .readme_table import summary_row

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("blind_precision", ROOT / "scripts" / "blind_precision.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["blind_precision"] = module  # (dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def test_every_first_review_is_well_formed_and_names_real_files() -> None:
    bp = _script()
    sets = bp.load()
    numbers = [s.number for s in sets]
    assert numbers == sorted(set(numbers)) and len(numbers) >= 60
    for path in (ROOT / "corpora" / "real").glob("blind*-first-review.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert re.fullmatch(r"[0-9a-f]{7,40}", str(data["measured_at"])), path.name
        for entry in data.get("reviewed") or []:
            assert (ROOT / entry["file"]).is_file(), (path.name, entry["file"])
            assert entry["code"] and entry.get("cause"), (path.name, entry)


#: the fields of a verdict row (``severity`` in the frozen first reviews only)
ROW_KEYS = {"cause", "code", "file", "text", "unit", "verdict"}


def test_every_verdict_row_parses_to_its_fields_alone() -> None:
    """A cause with ', ' left unquoted in a flow mapping parses as a cut cause plus stray keys:
    every row of every review file has the verdict fields and nothing else."""
    files = sorted((ROOT / "corpora").glob("real*/*review*.yaml"))
    assert len(files) > 100
    for path in files:
        for row in yaml.safe_load(path.read_text(encoding="utf-8")).get("reviewed") or []:
            keys = set(row)
            assert ROW_KEYS <= keys <= ROW_KEYS | {"severity"}, (path.name, row)
            assert all(isinstance(row[k], str) and row[k] for k in ROW_KEYS - {"text"}), (path.name, row)


def _words(path: Path) -> str:
    return " ".join(path.read_text(encoding="utf-8").split())


def test_the_record_states_the_pooled_figures_the_first_reviews_give() -> None:
    bp = _script()
    sets = bp.load()
    last = sets[-1].number
    record = _words(ROOT / "docs" / "precision.md")
    stated = re.findall(
        r"Sets 25–(\d+) pooled: errors (\d+)/(\d+) \(\d+ %\), warnings (\d+)/(\d+) \(\d+ %\); since the TM001"
        r" policy(?: \(sets 39–\d+\))?: errors (\d+)/(\d+) \(\d+ %\), warnings (\d+)/(\d+)",
        record,
    )
    assert stated, "docs/precision.md no longer states the pooled figures on unseen text"
    n, e_ok, e_all, w_ok, w_all, pe_ok, pe_all, pw_ok, pw_all = map(int, stated[-1])
    assert n == last, f"docs/precision.md's pooled figures stop at set {n}; the reviews go to set {last}"
    since_25, since_policy = bp.pooled(sets, 25, last), bp.pooled(sets, bp.TM001_POLICY, last)
    assert (e_ok, e_all, w_ok, w_all) == (*since_25["errors"], *since_25["warnings"])
    assert (pe_ok, pe_all, pw_ok, pw_all) == (*since_policy["errors"], *since_policy["warnings"])


def test_the_readme_summary_table_states_what_the_first_reviews_give() -> None:
    bp = _script()
    sets, arabic = bp.load(), bp.load(bp.REAL_AR, "blindar")
    for label, reviews, ends_at_last in (
        (r"bilingual blind sets (\d+)–(\d+) \(first reviews; the early linter\)", sets, False),
        (r"bilingual blind sets (\d+)–(\d+) \(first reviews\)", sets, True),
        (r"of which the latest, sets (\d+)–(\d+)", sets, True),
        (r"Arabic-only blind sets (\d+)–(\d+) \(first reviews\)", arabic, True),
    ):
        first, last, e_ok, e_all, w_ok, w_all = summary_row(r"\*\*unseen\*\*: " + label)
        if ends_at_last:
            assert last == reviews[-1].number, f"the README's row {label!r} stops at set {last}"
        pool = bp.pooled(reviews, first, last)
        assert (e_ok, e_all, w_ok, w_all) == (*pool["errors"], *pool["warnings"]), label
