"""Termbase names inside longer names the termbase lacks: no false alarms, real errors kept.

The termbase below lists short names the way a large UN termbase does (``Platform on
Money-Laundering``); the texts name longer bodies built on them (``the Regional Platform on
Money-Laundering for the Horn of Africa (RPMLHA)``), with the Arabic premodifiers after the
head as UN Arabic writes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mustalah.checks.embedded import premodifiers
from mustalah.lint.engine import LintSettings, index_for, lint_segments
from mustalah.model import Finding, Segment

ROWS = [
    ("P1", "en", "Platform on Money-Laundering", "fullForm"),
    ("P1", "ar", "المنصة المعنية بغسل الأموال", "fullForm"),
    ("P1", "en", "PML", "acronym"),
    ("M1", "en", "Coordination Mechanism on Hate Speech", "fullForm"),
    ("M1", "ar", "آلية التنسيق المعنية بخطاب الكراهية", "fullForm"),
    ("D1", "en", "Division on Cybersecurity", "fullForm"),
    ("D1", "ar", "الشعبة المعنية بالأمن السيبراني", "fullForm"),
    ("D1", "en", "DC", "acronym"),
    ("S1", "en", "Service on Biodiversity", "fullForm"),
    ("S1", "ar", "الدائرة المعنية بالتنوع البيولوجي", "fullForm"),
    ("S1", "en", "SB", "acronym"),
    ("S2", "en", "Special Service on Biodiversity", "fullForm"),
    ("S2", "ar", "الدائرة الخاصة المعنية بالتنوع البيولوجي", "fullForm"),
    ("S2", "en", "SSB", "acronym"),
    ("I1", "en", "Independent Partnership on Persons with Disabilities", "fullForm"),
    ("I1", "ar", "الشراكة المستقلة المعنية بالأشخاص ذوي الإعاقة", "fullForm"),
    ("I1", "en", "IPPWD", "acronym"),
    ("I2", "en", "International Partnership on Persons with Disabilities", "fullForm"),
    ("I2", "ar", "الشراكة الدولية المعنية بالأشخاص ذوي الإعاقة", "fullForm"),
    ("I2", "en", "IPPWD", "acronym"),
    ("F1", "en", "Facility on Cyber Crime for Central Asia", "fullForm"),
    ("F1", "ar", "المرفق المعني بالجريمة السيبرانية لآسيا الوسطى", "fullForm"),
    ("F1", "en", "FCCCA", "acronym"),
    ("F2", "en", "Section on Cyber Crime for Central Asia", "fullForm"),
    ("F2", "ar", "القسم المعني بالجريمة السيبرانية لآسيا الوسطى", "fullForm"),
    ("FTF", "en", "foreign terrorist fighters", "fullForm"),
    ("FTF", "ar", "المقاتلين الإرهابيين الأجانب", "fullForm"),
    ("F3", "en", "Fund on Foreign Terrorist Fighters", "fullForm"),
    ("F3", "ar", "الصندوق المعني بالمقاتلين الإرهابيين الأجانب", "fullForm"),
]


@pytest.fixture(scope="module")
def termbase(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("embedded")
    path = folder / "names.tsv"
    lines = ["concept_id\tlang\tterm\tdomain\ttype"] + [
        "\t".join((c, lang, t, "entities", k)) for c, lang, t, k in ROWS
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(tmp_path / "cache"))


def lint(termbase: str | None, en: str, ar: str, *codes: str) -> list[Finding]:
    segment = Segment("case.txt", "1", 1, en, ar, "en", "ar", line=1)
    result = lint_segments([segment], LintSettings(termbase=termbase, select=codes), "case.txt")
    return list(result.findings)


def errors(findings: list[Finding], code: str) -> list[Finding]:
    """Findings a reviser must look at: errors, and warnings (TM001 is a warning by default)."""
    return [f for f in findings if f.code == code and f.severity in ("error", "warning")]


def test_premodifiers_are_the_capitalized_words_right_before_the_name(termbase: str) -> None:
    _tb, index = index_for(termbase)
    from mustalah.lint.engine import build_view

    def premods(text: str) -> tuple[str, ...]:
        segment = Segment("case.txt", "1", 1, text, None, "en")
        view = build_view(index, segment, "source", text, "en", "case.txt", 1, True)
        (name,) = [m for m in view.matches if not m.term.is_acronym]
        return premodifiers(view, name)

    assert premods("the Regional Platform on Money-Laundering for the Horn of Africa") == ("Regional",)
    assert premods("The Ad Hoc Platform on Money-Laundering met.") == ("Ad", "Hoc")
    assert premods("the Platform on Money-Laundering met") == ()
    assert premods("Platform on Money-Laundering met") == ()
    assert premods("members (Platform on Money-Laundering)") == ()
    assert premods("Kenya, Platform on Money-Laundering") == ()


def test_premodified_name_rendered_with_a_gap_is_not_missing(termbase: str) -> None:
    en = "Kenya thanked the Regional Platform on Money-Laundering for the Horn of Africa."
    ar = "أعربت كينيا عن تقديرها للمنصة الإقليمية المعنية بغسل الأموال للقرن الأفريقي."
    assert not errors(lint(termbase, en, ar, "TM001"), "TM001")
    # a head of two words: the adjective follows the whole head
    en = "the Technical Coordination Mechanism on Hate Speech for North Africa"
    ar = "آلية التنسيق التقنية المعنية بخطاب الكراهية لشمال أفريقيا"
    assert not errors(lint(termbase, en, ar, "TM001"), "TM001")


def test_gap_without_a_premodifier_or_a_wrong_word_is_still_reported(termbase: str) -> None:
    # no premodifier in the source: an inserted Arabic word has no basis
    found = lint(
        termbase, "the Platform on Money-Laundering", "المنصة الإقليمية المعنية بغسل الأموال", "TM001"
    )
    assert [f.text for f in errors(found, "TM001")] == ["Platform on Money-Laundering"]
    # a premodifier, but the rest of the Arabic name is wrong
    found = lint(
        termbase,
        "the Regional Platform on Money-Laundering",
        "المنصة الإقليمية المعنية بتمويل الإرهاب",
        "TM001",
    )
    assert [f.text for f in errors(found, "TM001")] == ["Platform on Money-Laundering"]
    # a premodifier, and the head is another body
    found = lint(
        termbase,
        "the Regional Platform on Money-Laundering",
        "الشبكة الإقليمية المعنية بغسل الأموال",
        "TM001",
    )
    assert [f.text for f in errors(found, "TM001")] == ["Platform on Money-Laundering"]
    # the gap is bounded
    far = "المنصة " + "كلمة " * 6 + "المعنية بغسل الأموال"
    assert errors(lint(termbase, "the Regional Platform on Money-Laundering", far, "TM001"), "TM001")


def test_acronym_of_the_longer_name(termbase: str) -> None:
    # (SDC) after the Standing Division on Cybersecurity: not a misspelt DC
    found = lint(termbase, "the Standing Division on Cybersecurity (SDC) met", "اجتمعت", "AC004")
    assert [(f.text, f.severity) for f in found] == [("SDC", "info")]
    # without the premodifier, one edit from DC after its name is an error (in an English text;
    # in the source of a translated unit, a note: the source is not the reviser's)
    found = lint(termbase, "the Division on Cybersecurity (DCC) met", "", "AC004")
    assert [(f.text, f.severity) for f in found] == [("DCC", "error")]
    found = lint(termbase, "the Division on Cybersecurity (DCC) met", "اجتمعت", "AC004")
    assert [(f.text, f.severity) for f in found] == [("DCC", "info")]
    # (SSB) after the Subregional Service on Biodiversity: that body's acronym, shared by chance
    assert not lint(termbase, "the Subregional Service on Biodiversity (SSB)", "", "AC001")
    found = lint(termbase, "the Service on Biodiversity (SSB)", "", "AC001")
    assert [f.text for f in found] == ["SSB"]


def test_acronym_two_bodies_share_goes_to_the_body_named_before_it(termbase: str) -> None:
    _tb, index = index_for(termbase)
    text = "the International Partnership on Persons with Disabilities (IPPWD) and later IPPWD"
    assert [m.concept_id for m in index.match(text, "en")] == ["I2", "I2", "I2"]
    text = "the Independent Partnership on Persons with Disabilities (IPPWD)"
    assert [m.concept_id for m in index.match(text, "en")] == ["I1", "I1"]
    en = "the International Partnership on Persons with Disabilities (IPPWD) took part"
    ar = "وشاركت الشراكة الدولية المعنية بالأشخاص ذوي الإعاقة (IPPWD)"
    assert not lint(termbase, en, ar, "TM007", "AC001")


def test_frame_named_only_by_a_shared_acronym_is_a_note(termbase: str) -> None:
    ar = "والمنتدى المعني بالجريمة السيبرانية لآسيا الوسطى (FCCCA)"
    # the source's Forum is another body that shares F1's acronym: a note, not an error
    found = lint(termbase, "the Forum on Cyber Crime for Central Asia (FCCCA)", ar, "TM008")
    assert [(f.side, f.severity) for f in found if f.side == "target"] == [("target", "info")]
    # the source names the Facility in full: the head was changed in translation
    found = lint(termbase, "the Facility on Cyber Crime for Central Asia (FCCCA)", ar, "TM008")
    assert [(f.side, f.severity) for f in found] == [("target", "error")]


def test_words_inside_a_longer_match_or_a_longer_name_are_no_damaged_name(termbase: str) -> None:
    # the target names FTF inside F3's Arabic; the source's "Terrorist Fighters" is F3's, not
    # foreign terrorist fighters with a word missing
    en = "the Trust Fund on Foreign Terrorist Fighters for Mali"
    ar = "الصندوق الاستئماني المعني بالمقاتلين الإرهابيين الأجانب لمالي"
    assert not [f for f in lint(termbase, en, ar, "TM006") if f.code == "TM006"]
    # words inserted after the head of a longer name: not the Platform with a word changed
    en = "the Regional Platform on Money-Laundering"
    assert not lint(termbase, en, "المنصة الإقليمية المعنية بغسل الأموال", "TM006")
    # the same name with a word really changed, the source naming it in full
    found = lint(termbase, "the Platform on Money-Laundering", "المنصة المعنية بتمويل الأموال", "TM006")
    assert [(f.text, f.suggestion) for f in found] == [
        ("المنصة المعنية بتمويل الأموال", "المنصة المعنية بغسل الأموال")
    ]


def test_a_damaged_deprecated_form_is_suggested_as_the_preferred_one() -> None:
    en, ar = "preventing and countering violent extremism", "منع ومحاربة التطرف العنيفة"
    (f,) = lint(None, en, ar, "TM006")  # the shipped termbase
    assert f.text == "منع ومحاربة التطرف العنيفة" and f.suggestion == "منع التطرف العنيف ومكافحته"
    assert "deprecated" in f.message and "'العنيفة' for 'العنيف'" in f.message
