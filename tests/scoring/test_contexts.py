"""Per-context term accuracy: the Arabic context each occurrence needed, read from the reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.matching import TermIndex
from mustalah.scoring.contexts import match_contexts
from mustalah.termbase.loader import load_termbase

SHAPES = ("bare", "proclitic", "article", "l+al", "acronym", "unmatched-in-reference")


@pytest.mark.parametrize(
    ("text", "concept", "expected"),
    [
        ("مكتب الأمم المتحدة المعني بالمخدرات والجريمة", "UNODC", {"bare", "construct-head"}),
        ("ولمكتب الأمم المتحدة المعني بالمخدرات والجريمة", "UNODC", {"proclitic", "construct-head"}),
        ("للمديرية التنفيذية للجنة مكافحة الإرهاب", "CTED", {"l+al"}),
        ("بالمقاتلين الإرهابيين الأجانب", "FTF", {"proclitic"}),
        ("المديرة التنفيذية", "post-executive-director", {"bare", "feminine"}),
        (
            "مكتب الأمم المتحدة المعني بالمخدرات والجريمة (UNODC)",
            "UNODC",
            {"bare", "construct-head", "acronym-follows"},
        ),
    ],
)
def test_match_contexts(text: str, concept: str, expected: set[str]) -> None:
    tb = load_termbase(None)
    index = TermIndex.build(tb, languages=("en", "ar"))
    first = next(m for m in index.match(text, "ar") if m.concept_id == concept)
    assert set(match_contexts(first, text, tb)) == expected


def _contexts(mt_dir: Path, hyp: str, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    argv = ["score", "--source", str(mt_dir / "source.en"), "-r", str(mt_dir / "reference.ar")]
    assert main([*argv, str(mt_dir / hyp), "-m", "terms", "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)["systems"][0]  # type: ignore[no-any-return]


def test_breakdown_on_the_mt_corpus(mt_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = _contexts(mt_dir, "reference.ar", capsys)
    rows = {r["context"]: r for r in ref["contexts"]}
    # the reference scored against itself hits every occurrence in every context
    assert all(r["hits"] == r["occurrences"] for r in rows.values())
    # the first-word shapes partition the occurrences
    assert sum(rows[s]["occurrences"] for s in SHAPES if s in rows) == ref["term_total"] == 90
    b = {r["context"]: r for r in _contexts(mt_dir, "system-b.ar", capsys)["contexts"]}
    assert sum(b[s]["hits"] for s in SHAPES if s in b) == 65
    # system-b drops acronyms and breaks construct names (المعنى, المديريه التنفيذيه …)
    assert b["acronym"]["accuracy"] < 50 < b["construct-head"]["accuracy"] < 100
    assert b["construct-head"]["occurrences"] == rows["construct-head"]["occurrences"]
