"""The blind sets' frozen first reviews: well formed, naming files that exist, and the README's
figures on unseen text are the ones they give (``scripts/blind_precision.py``)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import yaml

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


def test_the_readme_states_the_pooled_figures_the_first_reviews_give() -> None:
    bp = _script()
    sets = bp.load()
    last = sets[-1].number
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    stated = re.findall(
        r"Sets 25–(\d+) pooled: errors (\d+)/(\d+) \(\d+ %\), warnings (\d+)/(\d+) \(\d+ %\); since the TM001"
        r" policy(?: \(sets 39–\d+\))?: errors (\d+)/(\d+) \(\d+ %\), warnings (\d+)/(\d+)",
        readme,
    )
    assert stated, "the README no longer states the pooled figures on unseen text"
    n, e_ok, e_all, w_ok, w_all, pe_ok, pe_all, pw_ok, pw_all = map(int, stated[-1])
    assert n == last, f"the README's pooled figures stop at set {n}; the first reviews go to set {last}"
    since_25, since_policy = bp.pooled(sets, 25, last), bp.pooled(sets, bp.TM001_POLICY, last)
    assert (e_ok, e_all, w_ok, w_all) == (*since_25["errors"], *since_25["warnings"])
    assert (pe_ok, pe_all, pw_ok, pw_all) == (*since_policy["errors"], *since_policy["warnings"])
