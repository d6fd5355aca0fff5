"""The matcher on the annotated gold set (tests/gold): precision and recall held at 100 %."""

from __future__ import annotations

from pathlib import Path

from mustalah.lint.engine import index_for
from mustalah.matching.evaluate import evaluate, report

REPO = Path(__file__).resolve().parents[2]


def test_gold_set_precision_and_recall_are_100_percent() -> None:
    termbase, index = index_for(None)
    ev = evaluate(REPO / "tests" / "gold", termbase, index, REPO)
    assert ev.spans >= 300 and ev.traps > 0
    total = ev.total()
    assert (total.fp, total.fn, ev.traps_hit) == (0, 0, 0), report(ev) + "\n".join(ev.errors[:30])
    for flag in ("clitic", "nested", "feminine", "acronym", "variant"):
        assert ev.by_flag[flag].tp > 0, flag
