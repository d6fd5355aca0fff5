"""The severity policy's facts about termbase entries (checks/policy.py): only official names
demand a rendering, and a form the termbase itself doubts (``confidence L``) never gives an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from mustalah.checks.policy import is_low_confidence, is_official_name
from mustalah.lint.engine import LintSettings, index_for, lint_segments
from mustalah.model import Finding, Segment

TERMBASE = """\
domain: entities
concepts:
  - id: SURE
    note: EN/AR from the body's own pages (confidence H).
    terms:
      en: [Regional Centre for Border Studies]
      ar:
        - المركز الإقليمي لدراسات الحدود
        - {text: المركز الإقليمي لدراسة الحدود, status: deprecated, note: an older rendering}
  - id: DOUBT
    note: AR is a rendering, no UN text found (confidence L).
    terms:
      en: [Regional Office for Border Studies]
      ar:
        - مكتب دراسات الحدود الإقليمي
        - {text: المكتب الإقليمي لدراسة الحدود, status: deprecated, note: an older rendering}
"""


@pytest.fixture()
def termbase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "tb.yaml"
    path.write_text(TERMBASE, encoding="utf-8")
    return str(path)


def lint(termbase: str, en: str, ar: str, code: str) -> list[Finding]:
    segment = Segment("case.txt", "1", 1, en, ar, "en", "ar", line=1)
    return [
        f
        for f in lint_segments([segment], LintSettings(termbase=termbase), "case.txt").findings
        if f.code == code
    ]


def test_a_doubtful_form_is_never_an_error_a_sure_one_is(termbase: str) -> None:
    en_sure = "The Regional Centre for Border Studies met."
    en_doubt = "The Regional Office for Border Studies met."
    (sure,) = lint(termbase, en_sure, "اجتمع المركز الإقليمي لدراسة الحدود.", "TM002")
    (doubt,) = lint(termbase, en_doubt, "اجتمع المكتب الإقليمي لدراسة الحدود.", "TM002")
    assert sure.severity == "error" and doubt.severity == "warning"
    # a missing name is a warning either way: "not found" is never unambiguous
    (missing,) = lint(termbase, en_sure, "اجتمع المركز الدولي.", "TM001")
    assert missing.severity == "warning"


def test_official_names_and_vocabulary() -> None:
    tb, _ = index_for(None)
    assert is_official_name(tb["UNOCT"]) and is_official_name(tb["post-executive-director"])
    assert is_official_name(tb["SDGS"]) and is_official_name(tb["PLAN-OF-ACTION-PVE"])  # named instruments
    assert not is_official_name(tb["TERRORIST-ACT"]) and not is_official_name(tb["NON-STATE-ACTORS"])
    assert is_low_confidence(tb["person-violanda-botet"]) and not is_low_confidence(tb["UNOCT"])
