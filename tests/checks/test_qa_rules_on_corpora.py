"""The QA rules on real text: the seed's errors are found, correct UN Arabic is quiet."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mustalah.lint.engine import LintSettings, index_for, lint_segments
from mustalah.lint.inputs import lint_input
from mustalah.model import Segment
from tests.conftest import REPO, shared_path

QA_FAMILIES = ("NU", "PU", "IN", "SP", "CO", "UT", "MK", "ST", "TT")
RELEASES = sorted(p for p in (REPO / "corpora" / "releases").glob("*") if (p / "meta.yaml").is_file())


def test_seed_errors_are_found() -> None:
    seed = shared_path("seeds", "seed-release.ar.txt")
    result = lint_input(str(seed), LintSettings(lang="ar"))
    by_code: dict[str, list[str]] = {}
    for f in result.findings:
        by_code.setdefault(f.code, []).append(f.text)
    space_commas = [t for t in by_code.get("PU002", []) if t.endswith("،")]
    assert len(space_commas) == 2, by_code.get("PU002")
    assert " .(OAS/CICTE)" in by_code.get("PU003", [])
    confusions = by_code.get("SP001", [])
    for typo in ("حفلة النقاش", "سنتسمم", "بالإثابة", "أمل أن"):
        assert typo in confusions, (typo, confusions)
    assert confusions.count("حفلة النقاش") == 2
    # حقلة and المثلثى reach the rules as one-edit near misses of termbase terms (TM006) before the
    # confusion list; either code is a catch.
    caught = confusions + by_code.get("TM006", [])
    assert any("حقلة" in t for t in caught)
    assert any("المثلثى" in t for t in caught)
    assert "د. السيد" in by_code.get("ST001", [])
    assert by_code.get("ST002", []) == ["ديسمبر", "ديسمبر"]


def _known_error_lines(release: Path) -> set[int]:
    meta = yaml.safe_load((release / "meta.yaml").read_text(encoding="utf-8"))
    return {int(e["line"]) for e in meta.get("known_errors") or []}


@pytest.mark.parametrize("release", RELEASES, ids=[p.name for p in RELEASES])
def test_correct_releases_give_no_qa_error_or_warning(release: Path) -> None:
    """Every error/warning of the QA rules on a release is on a line with a deliberate known error."""
    result = lint_input(str(release), LintSettings(select=QA_FAMILIES))
    known = _known_error_lines(release)
    # a finding on a deliberate error's line excuses its unit (NU001 also reports the source side)
    excused = {f.unit for f in result.findings if f.side == "target" and f.line in known}
    unexpected = [
        (f.code, f.line, f.text, f.message)
        for f in result.findings
        if f.severity != "info" and f.unit not in excused
    ]
    assert not unexpected


def test_shipped_termbase_pairs_are_quiet() -> None:
    """Each concept's preferred English and Arabic forms, as a unit, give no QA error or warning."""
    termbase, _ = index_for(None)
    segments = []
    for concept in termbase.concepts:
        en, ar = concept.preferred("en"), concept.preferred("ar")
        if en and ar:
            segments.append(Segment("tb", concept.id, len(segments), en.text, ar.text, "en", "ar"))
    assert len(segments) > 100
    result = lint_segments(segments, LintSettings(select=QA_FAMILIES), "tb")
    assert not [(f.code, f.unit, f.text) for f in result.findings if f.severity != "info"]


def test_the_display_fix_hint_names_only_a_latin_parenthetical(tmp_path: Path) -> None:
    """PU002's hint that a space before a mark may fix the display of a Latin parenthetical in
    right-to-left text (real: ``(MINUSTAH) ،``, corpora/real/blind59) is not given after an Arabic
    one (real: ``(خطة الاستجابة الإنسانية لمساعدة الجمهورية العربية السورية) .``, blindar158)."""
    text = tmp_path / "two.ar.txt"
    text.write_text(
        "وقالت البعثة (MINUSTAH) ، إن العمل مستمر\n"
        "وأدرج المشروع في (خطة الاستجابة الإنسانية لمساعدة الجمهورية العربية السورية) . ثم بدأت اليونسكو\n",
        encoding="utf-8",
    )
    result = lint_input(str(text), LintSettings(lang="ar"))
    messages = {f.unit: f.message for f in result.findings if f.code == "PU002"}
    assert messages["1"] == "space before '،' (a display fix after a Latin parenthetical?)", messages
    assert messages["2"] == "space before '.'", messages
