"""Corpus (consistency) rules, inline-code markup, and the optional Hunspell rule."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mustalah.checks import pofilter, spelling
from mustalah.lint.engine import LintSettings, conclude, lint_segments
from mustalah.model import InlineCode, Segment


def _seg(i: int, en: str, ar: str, **kw: object) -> Segment:
    return Segment("f.tmx", str(i), i, en, ar, "en", "ar", **kw)  # type: ignore[arg-type]


def _run(code: str, segments: list[Segment]) -> list[tuple[str, str]]:
    settings = LintSettings(select=(code,))
    result = lint_segments(segments, settings, "f.tmx")
    found = list(result.findings) + list(conclude(settings, [result]))
    return [(f.unit, f.text) for f in found if f.code == code]


def test_same_source_translated_differently() -> None:
    segs = [
        _seg(1, "The Centre will continue its work.", "وسيواصل المركز عمله."),
        _seg(2, "The Centre will continue its work.", "وسيواصل المركز عمله."),
        _seg(3, "The Centre will continue its work.", "وسيستمر المركز في عمله."),
        _seg(4, "Another sentence.", "جملة أخرى."),
    ]
    assert _run("CO001", segs) == [("3", "وسيستمر المركز في عمله.")]
    assert _run("CO001", segs[:2] + segs[3:]) == []


def test_a_word_capitalized_in_one_source_only_makes_two_sources() -> None:
    # corpora/real: "Note by the secretariat" of a convention body and the UN's "Note by the Secretariat"
    segs = [
        _seg(1, "Note by the secretariat", "مذكرة من الأمانة"),
        _seg(2, "Note by the Secretariat", "مذكرة من الأمانة العامة"),
    ]
    assert _run("CO001", segs) == []
    segs.append(_seg(3, "Note by the Secretariat", "مذكرة من الأمانة"))
    assert _run("CO001", segs) == [("3", "مذكرة من الأمانة")]


def test_consistency_is_per_language_pair_and_plural_form() -> None:
    def seg(i: int, unit: str, en: str, target: str, lang: str) -> Segment:
        return Segment("f.po", unit, i, en, target, "en", lang)

    # the same source in Arabic and in Spanish (a corpus of several pairs): no inconsistency
    segs = [seg(1, "1", "Close", "إغلاق", "ar"), seg(2, "2", "Close", "Cerrar", "es")]
    assert _run("CO001", segs) == []
    assert _run("CO002", [seg(1, "1", "Close", "إغلاق", "ar"), seg(2, "2", "Shut", "إغلاق", "es")]) == []
    # the plural forms of one msgid_plural differ by design; form k is compared with form k
    segs = [
        seg(1, "1[1]", "%d files", "ملفان %d", "ar"),
        seg(2, "1[2]", "%d files", "%d ملفات", "ar"),
        seg(3, "2[2]", "%d files", "%d من الملفات", "ar"),
    ]
    assert _run("CO001", segs) == [("2[2]", "%d من الملفات")]


def test_same_target_for_different_sources() -> None:
    segs = [
        _seg(1, "The Centre launched a workshop.", "أطلق المركز حلقة عمل."),
        _seg(2, "The Centre launched a discussion.", "أطلق المركز حلقة عمل."),
    ]
    assert [u for u, _ in _run("CO002", segs)] == ["2"]
    assert _run("CO002", segs[:1]) == []


def test_concept_in_two_approved_forms() -> None:
    segs = [
        _seg(
            1,
            "The United Nations Counter-Terrorism Centre (UNCCT) met.",
            "اجتمع مركز الأمم المتحدة لمكافحة الإرهاب (UNCCT).",
        ),
        _seg(
            2,
            "The United Nations Counter-Terrorism Centre spoke.",
            "وتحدث مركز الأمم المتحدة لمكافحة الإرهاب.",
        ),
    ]
    assert _run("CO003", segs) == []


def test_inline_codes_missing_extra_and_renamed() -> None:
    ok = _seg(
        1,
        "See resolution 2178.",
        "انظر القرار 2178.",
        source_codes=(InlineCode("ph", "1", 4), InlineCode("ph", "2", 19)),
        target_codes=(InlineCode("ph", "1", 5), InlineCode("ph", "2", 17)),
    )
    assert _run("MK001", [ok]) == []
    missing = _seg(
        2,
        "See resolution 2178.",
        "انظر القرار 2178.",
        source_codes=(InlineCode("bpt", "1", 4), InlineCode("ept", "1", 19)),
    )
    assert len(_run("MK001", [missing])) == 2
    renamed = _seg(
        3,
        "See x.",
        "انظر x.",
        source_codes=(InlineCode("ph", "1", 4),),
        target_codes=(InlineCode("ph", "7", 5),),
    )
    settings = LintSettings(select=("MK001",))
    messages = [f.message for f in lint_segments([renamed], settings, "f").findings]
    assert messages == ["inline code <ph id='1'> has id '7' in the target"]
    extra = _seg(4, "See x.", "انظر x.", target_codes=(InlineCode("x", "3", 5),))
    assert [f.message for f in lint_segments([extra], settings, "f").findings] == [
        "extra inline code <x id='3'> in the target"
    ]
    # memoQ numbers reordered tags anew: the same content under another id is the same code
    reordered = _seg(
        5,
        "bold italic",
        "مائل عريض",
        source_codes=(
            InlineCode("bpt", "1", 0, "<b>"),
            InlineCode("ept", "2", 4, "</b>"),
            InlineCode("bpt", "3", 5, "<i>"),
            InlineCode("ept", "4", 11, "</i>"),
        ),
        target_codes=(
            InlineCode("bpt", "3", 0, "<i>"),
            InlineCode("ept", "4", 4, "</i>"),
            InlineCode("bpt", "5", 5, "<b>"),
            InlineCode("ept", "6", 9, "</b>"),
        ),
    )
    assert lint_segments([reordered], settings, "f").findings == ()
    other_content = replace(
        reordered,
        unit="6",
        target_codes=(
            *reordered.target_codes[:2],
            InlineCode("bpt", "5", 5, "<u>"),
            InlineCode("ept", "6", 9, "</u>"),
        ),
    )
    assert [f.message for f in lint_segments([other_content], settings, "f").findings] == [
        "inline code <bpt id='1'> has id '5' in the target",
        "inline code <ept id='2'> has id '6' in the target",
    ]


def test_pofilter_checker_is_built_once_per_language() -> None:
    pofilter.checker_for.cache_clear()
    for i in range(3):  # a tab: the pre-filter cannot rule the tabs test out, the checker runs
        pofilter.pofilter_failures(f"a\tb {i}", f"ا\tب {i}", "ar")
    assert pofilter.checker_for.cache_info().misses == 1


def test_spelling_rule_is_skipped_without_binding(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spelling._speller.cache_clear()
    spelling._warned.clear()
    monkeypatch.setattr(spelling, "DICT_DIRS", ())
    try:
        segs = [_seg(1, "the orgnizations", "الممارسات المثلثى"), _seg(2, "the orgnizations", "المثلثى")]
        result = lint_segments(segs, LintSettings(select=("SP002",)), "f")
        assert result.findings == ()
        err = capsys.readouterr().err
        assert err.count("SP002 spelling skipped") == 1
    finally:
        spelling._speller.cache_clear()


def test_a_short_label_may_render_several_sources() -> None:
    segs = [_seg(1, "Article 15", "المادة 15"), _seg(2, "Rule 15", "المادة 15")]
    assert _run("CO002", segs) == []


def test_a_title_is_compared_with_the_same_title_of_the_same_body() -> None:
    """Chair / Chairperson (post-chair): two holders of two bodies keep their own titles (real
    letters to the Security Council, corpora/real/blind13); one body's title written two ways is
    still reported."""
    two_bodies = [
        _seg(1, "As Chair of the Central African Republic configuration, I visited Bangui.", "زرت بانغي."),
        _seg(2, "The Chairperson of the African Union Commission attended.", "وحضرت رئيسة المفوضية."),
    ]
    assert _run("CO003", two_bodies) == []
    one_body = [
        _seg(1, "The Chair of the Peacebuilding Commission spoke.", "وتكلم الرئيس."),
        _seg(2, "The Chairperson of the Peacebuilding Commission left.", "وغادر الرئيس."),
    ]
    assert [u for u, _ in _run("CO003", one_body)] == ["2"]


def test_one_formula_with_other_modal_verbs_is_one_source() -> None:
    """Letters to the Security Council (corpora/real/blind13, blind15): two wordings of the
    circulation formula, one UN Arabic formula."""
    ar = "وأرجو ممتنا تعميم هذه الرسالة ومرفقها بوصفهما وثيقة من وثائق مجلس الأمن."
    segs = [
        _seg(
            1,
            "I would be grateful if you could have the present letter and its annex circulated "
            "as a document of the Security Council.",
            ar,
        ),
        _seg(
            2,
            "I should be grateful if you would have the present letter and its annex circulated "
            "as a document of the Security Council.",
            ar,
        ),
    ]
    assert _run("CO002", segs) == []
    segs[1] = _seg(2, "I should be grateful if you would have the present note circulated.", ar)
    assert [u for u, _ in _run("CO002", segs)] == ["2"]


def test_a_space_before_an_inline_code_is_no_space_before_the_mark() -> None:
    # an Angular XLIFF (WISE-Client's ar.xlf): "Welcome <x id="INTERPOLATION"/>!" — the code (the user's
    # name) stands between the space and the mark, which the plain text alone would hide
    ph = (InlineCode("x", "INTERPOLATION", 6),)
    welcome = _seg(
        1, "Welcome !", "مرحبا !", source_codes=(InlineCode("x", "INTERPOLATION", 8),), target_codes=ph
    )
    assert _run("PU002", [welcome]) == []
    # a code before the space leaves the space before the mark: "للفريق<x/> : تم"
    closed = _seg(2, "for Team : done", "للفريق : تم", target_codes=(InlineCode("x", "CLOSE", 6),))
    assert _run("PU002", [closed]) == [("2", " :")]
    assert _run("PU002", [replace(welcome, target_codes=())]) == [("1", " !")]


def test_a_target_still_in_english_gets_no_arabic_punctuation_rules() -> None:
    # the same file's units in state needs-translation hold the English source: UT002 reports the copy,
    # the Arabic punctuation rules (space before a mark, a stop before a parenthetical) have nothing to say
    copy = "Data is used for research . (See 'How We Use the Data' for more information.)"
    segs = [_seg(1, copy, copy, state="needs-translation")]
    assert _run("PU002", segs) == [] and _run("PU003", segs) == []
    assert _run("UT002", segs) == [("1", copy)]


def test_sources_in_british_and_us_spelling_are_one_source() -> None:
    """Real text (corpora/real/blind80, UNIFIL's tripartite-meeting releases): one Arabic sentence
    for "Israel Defence Forces" and "Israel Defense Forces", a comma apart: one source, no CO002."""
    ar = (
        "ترأس رئيس بعثة اليونيفيل وقائدها العام اللواء مايكل بيري اليوم إجتماعا ثلاثيا عاديا مع كبار ضباط"
        " القوات المسلحة اللبنانية والجيش الإسرائيلي في موقع للأمم المتحدة على معبر رأس الناقورة."
    )
    en = (
        "UNIFIL Head of Mission and Force Commander{comma} Major General Michael Beary, today chaired a"
        " regular tripartite meeting with senior officials from the Lebanese Armed Forces (LAF) and the"
        " Israel {defence} Forces (IDF) at the UN position at Ras Al Naqoura."
    )
    segs = [
        _seg(1, en.format(comma=",", defence="Defence"), ar),
        _seg(2, en.format(comma="", defence="Defense"), ar),
    ]
    assert _run("CO002", segs) == []
    other = [segs[0], _seg(2, en.format(comma=",", defence="Security"), ar)]
    assert [u for u, _ in _run("CO002", other)] == ["2"]
