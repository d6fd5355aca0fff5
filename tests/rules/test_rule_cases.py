"""Data-driven rule cases: ``tests/rules/<CODE>.yaml`` holds ``pass_*`` and ``fail_*`` cases.

A case has ``en`` and/or ``ar`` text; ``dir: ar-en`` makes Arabic the source (default
en→ar; a case with only ``ar`` is an Arabic-only text).  A pass case must give no
finding of the rule; a fail case must give at least one, and every text listed in
``expect`` must be the exact span of one of them (``severity`` checks their severity, ``message``
a text one of their messages must contain, ``suggestion`` one of their suggestions, ``count`` how
many there are: one slip, one finding).  The rule
runs through the engine, so a slip it reports on both sides (``pairs_sides``) is one finding, on
the target.  Lists of texts are several units of one file, in order; a corpus rule (GN003) then
concludes over their facts.  ``spell: true`` (on the file or on one case) skips without Hunspell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mustalah.checks.base import CorpusRule
from mustalah.checks.registry import rules_by_code
from mustalah.checks.spelling import spelling_available
from mustalah.lint.engine import LintSettings, lint_segments
from mustalah.model import Finding, Segment

HERE = Path(__file__).parent


def _cases() -> list[Any]:
    out = []
    for path in sorted(HERE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = data["code"]
        unknown = [k for k in data if k not in ("code", "spell") and not k.startswith(("pass_", "fail_"))]
        assert not unknown, f"{path.name}: cases must be named pass_* or fail_*, not {unknown}"
        for name, case in data.items():
            if name.startswith(("pass_", "fail_")):
                spell = bool(data.get("spell") or case.get("spell"))  # a file's flag, or one case's
                marks = [pytest.mark.spell] if spell else []
                out.append(pytest.param(code, name, case, spell, id=f"{code}-{name}", marks=marks))
    return out


def _units(case: dict[str, Any], lang: str) -> list[str]:
    value = case[lang]
    return list(value) if isinstance(value, list) else [value]


def run_case(code: str, case: dict[str, Any]) -> list[Finding]:
    segments = []
    if "en" in case and "ar" in case:
        src_lang, tgt_lang = ("ar", "en") if case.get("dir") == "ar-en" else ("en", "ar")
        pairs = zip(_units(case, src_lang), _units(case, tgt_lang), strict=True)
        for i, (src, tgt) in enumerate(pairs, 1):
            segments.append(Segment("case.txt", str(i), i, src, tgt, src_lang, tgt_lang, line=i))
    else:
        lang = "ar" if "ar" in case else "en"
        for i, text in enumerate(_units(case, lang), 1):
            segments.append(Segment("case.txt", str(i), i, text, None, lang, line=i))
    result = lint_segments(segments, LintSettings(select=(code,)), "case.txt")
    found = [f for f in result.findings if f.code == code]
    rule = rules_by_code()[code]
    if issubclass(rule, CorpusRule):  # a rule across units: its conclusions over these units
        facts = [fact for c, items in result.facts if c == code for fact in items]
        found += [f for f in rule().conclude(facts) if f.code == code]
    return found


def test_every_rule_has_cases() -> None:
    codes = {p.stem for p in HERE.glob("*.yaml")}
    families = ("NU", "PU", "IN", "SP", "UT", "MK", "ST", "TT", "TM", "AC", "GN")
    mine = {c for c in rules_by_code() if c[:2] in families and c[2:].isdigit()}
    missing = mine - codes - {"MK001"}  # MK001 needs inline codes: tests/checks/test_corpus_and_markup.py
    assert not missing, f"rules without tests/rules/<CODE>.yaml: {sorted(missing)}"


@pytest.mark.parametrize(("code", "name", "case", "spell"), _cases())
def test_rule_case(code: str, name: str, case: dict[str, Any], spell: bool) -> None:
    if spell:
        for lang in ("ar", "en"):
            if not spelling_available(lang):
                pytest.skip(
                    f"needs the Hunspell binding (pip install 'mustalah[spell]') and the {lang} dictionary"
                )
    found = run_case(code, case)
    if name.startswith("pass_"):
        assert not found, [(f.text, f.message) for f in found]
        return
    assert found, f"{code} found nothing in {case}"
    texts = [f.text for f in found]
    for expected in case.get("expect", []):
        assert expected in texts, f"expected a finding on {expected!r}, got {texts}"
    if "severity" in case:
        assert {f.severity for f in found} == {case["severity"]}
    if "message" in case:
        assert any(case["message"] in f.message for f in found), [f.message for f in found]
    if "suggestion" in case:
        assert case["suggestion"] in [f.suggestion for f in found], [f.suggestion for f in found]
    if "count" in case:
        assert len(found) == case["count"], [(f.text, f.message, f.suggestion) for f in found]
