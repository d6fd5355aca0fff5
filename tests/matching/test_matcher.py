"""The matcher on purpose-built cases: clitics, nesting, folds, traps, English variants."""

from __future__ import annotations

import pickle

import pytest

from mustalah.matching import TermIndex


def found(index: TermIndex, text: str, lang: str = "ar") -> list[tuple[str, str]]:
    return [(m.concept_id, m.surface) for m in index.match(text, lang)]


@pytest.mark.parametrize(
    ("text", "concept", "surface", "clitics"),
    [
        (
            "التابع لمكتب الأمم المتحدة لمكافحة الإرهاب اليوم",
            "UNOCT",
            "لمكتب الأمم المتحدة لمكافحة الإرهاب",
            "ل",
        ),
        ("بمكتب الأمم المتحدة لمكافحة الإرهاب", "UNOCT", "بمكتب الأمم المتحدة لمكافحة الإرهاب", "ب"),
        (
            "وللمديرية التنفيذية للجنة مكافحة الإرهاب",
            "CTED",
            "وللمديرية التنفيذية للجنة مكافحة الإرهاب",
            "ول",
        ),
        ("دعم للجنة مكافحة الإرهاب", "CTC", "للجنة مكافحة الإرهاب", "ل"),
        ("وللجنة مكافحة الإرهاب", "CTC", "وللجنة مكافحة الإرهاب", "ول"),
        ("للمركز العالمي للأمن التعاوني", "GCCS", "للمركز العالمي للأمن التعاوني", "ل"),
        ("والمركز العالمي للأمن التعاوني", "GCCS", "والمركز العالمي للأمن التعاوني", "و"),
        ("بالمركز العالمي للأمن التعاوني", "GCCS", "بالمركز العالمي للأمن التعاوني", "ب"),
        ("وشارك المقاتلين الإرهابيين الأجانب", "FTF", "المقاتلين الإرهابيين الأجانب", ""),
    ],
)
def test_clitic_forms_are_found_with_their_span(
    index: TermIndex, text: str, concept: str, surface: str, clitics: str
) -> None:
    (m,) = [m for m in index.match(text, "ar") if m.concept_id == concept]
    assert m.surface == surface == text[m.start : m.end]
    assert m.clitics == clitics
    assert m.differences == ()


def test_nested_name_is_part_of_the_longer_match(index: TermIndex) -> None:
    assert found(index, "المديرية التنفيذية للجنة مكافحة الإرهاب") == [
        ("CTED", "المديرية التنفيذية للجنة مكافحة الإرهاب")
    ]
    assert found(index, "نائبة المدير التنفيذي للمركز") == [("post-ded", "نائبة المدير التنفيذي")]
    assert found(index, "the Counter-Terrorism Committee Executive Directorate", "en") == [
        ("CTED", "Counter-Terrorism Committee Executive Directorate")
    ]


def test_feminine_title_matches_its_own_term(index: TermIndex) -> None:
    (m,) = index.match("السيدة غادة والي، المديرة التنفيذية", "ar")[-1:]
    assert m.concept_id == "post-ed" and m.term.text == "المديرة التنفيذية" and m.clitics == ""


def test_orthographic_differences_are_located(index: TermIndex) -> None:
    text = "لمكتب الأمم المتحدة المعنى بالمخدرات والجريمة"
    (m,) = index.match(text, "ar")
    assert m.concept_id == "UNODC"
    (d,) = m.differences
    assert (d.kind, d.found, d.expected) == ("alef-maqsura", "ى", "ي")
    assert text[d.start : d.end] == "ى"
    assert not m.tolerated


def test_taa_marbuta_hamza_persian_tatweel_diacritics(index: TermIndex) -> None:
    text = "المديريه التنفيذيه للجنة مکافحة الارهاب"
    (m,) = index.match(text, "ar")
    kinds = sorted(d.kind for d in m.differences)
    assert kinds == ["alef-hamza", "persian", "taa-marbuta", "taa-marbuta"]
    vocalized = "مَكْتَبُ الأُمَمِ المُتَّحِدَةِ لِمُكَافَحَةِ الإِرْهَابِ"
    (v,) = index.match(vocalized, "ar")
    assert v.concept_id == "UNOCT" and v.surface == vocalized and v.tolerated
    assert {d.kind for d in v.differences} == {"diacritics"}
    (t,) = index.match("مكتـــب الأمم المتحدة لمكافحة الإرهاب", "ar")
    assert {d.kind for d in t.differences} == {"tatweel"} and t.tolerated


def test_invisible_marks_and_nbsp_do_not_break_a_name(index: TermIndex) -> None:
    text = "مكتب\u00a0الأمم المتحدة لمكافحة\u200f الإرهاب"
    (m,) = index.match(text, "ar")
    assert m.concept_id == "UNOCT" and m.end == len(text)
    assert {d.kind for d in m.differences} == {"space", "invisible"}


def test_construct_head_with_article_is_an_error_form(index: TermIndex) -> None:
    (m,) = index.match("والمكتب الأمم المتحدة لمكافحة الإرهاب", "ar")
    assert m.concept_id == "UNOCT" and m.error_form == "definite-construct-head" and m.clitics == "و"
    assert index.match("وأكد المكتب أن", "ar") == ()


@pytest.fixture(scope="module")
def shipped() -> TermIndex:
    from mustalah.termbase.loader import load_termbase

    return TermIndex.build(load_termbase(None))


def test_noun_that_lost_its_article_is_an_error_form(shipped: TermIndex) -> None:
    index = shipped
    (m,) = index.match("قدم إحاطة إلى اتحاد الأفريقي", "ar")
    assert m.concept_id == "AU" and m.error_form == "indefinite-head" and m.surface == "اتحاد الأفريقي"
    (m,) = index.match("وللاتحاد الأفريقي", "ar")
    assert m.error_form is None and m.clitics == "ول"
    assert index.match("اتحاد أفريقي جديد", "ar") == ()  # both indefinite: another phrase


def test_possessive_pronoun_on_the_noun_of_a_noun_adjective_phrase(shipped: TermIndex) -> None:
    index = shipped
    (m,) = index.match("قال في بيانه الافتتاحي", "ar")
    assert m.concept_id == "OPENING-STATEMENT" and m.form == "possessive" and m.surface == "بيانه الافتتاحي"
    # a possessive never matches a word ending in taa marbuta (مقررة "scheduled" is no مقرره)
    assert [m.concept_id for m in index.match("الجلسة مقررة غدا", "ar")] == []


def test_exact_spelling_terms_and_surname_traps(index: TermIndex) -> None:
    assert found(index, "وافق على ذلك") == []
    assert found(index, "قال علي") == [("person-ali", "علي")]
    # والي is a surname: its و is not a clitic, and ل+ي is not a word to match
    assert found(index, "غادة فتحي والي") == [("person-waly", "غادة فتحي والي")]


def test_compound_name_joined_spelling(index: TermIndex) -> None:
    (m,) = index.match("السفير عبدالله المعلمي", "ar")
    assert m.concept_id == "person-abdallah" and m.form == "compound-name"


def test_latin_acronyms_inside_arabic_text(index: TermIndex) -> None:
    text = "مركز الأمم المتحدة لمكافحة الإرهاب (UNCCT) التابع"
    got = found(index, text)
    assert got == [("UNCCT", "مركز الأمم المتحدة لمكافحة الإرهاب"), ("UNCCT", "UNCCT")]


def test_english_case_hyphen_and_spelling_variants(index: TermIndex) -> None:
    (m,) = index.match("the united nations counter-terrorism centre", "en")
    assert m.concept_id == "UNCCT" and {d.kind for d in m.differences} == {"case"} and m.tolerated
    (h,) = index.match("the Counter Terrorism Committee", "en")
    assert {d.kind for d in h.differences} == {"hyphen"}
    (us,) = index.match("the United Nations Counter-Terrorism Center", "en")
    assert "spelling-us-gb" in {d.kind for d in us.differences}
    # the entry itself says Center: no variant
    (g,) = index.match("the Global Center on Cooperative Security", "en")
    assert g.differences == ()
    (gb,) = index.match("the Global Centre on Cooperative Security", "en")
    assert "spelling-us-gb" in {d.kind for d in gb.differences}


def test_acronyms_are_case_sensitive(index: TermIndex) -> None:
    assert found(index, "UNOCT and unoct", "en") == [("UNOCT", "UNOCT")]


def test_plural_of_posts(index: TermIndex) -> None:
    (m,) = index.match("three Deputy Executive Directors", "en")
    assert m.concept_id == "post-ded" and m.form == "plural"


def test_near_misses_frame_edit_and_confusions(index: TermIndex) -> None:
    from mustalah.matching.confusions import near_misses

    text = "حلقة النقاش الافتراضية للجنة الأمم المتحدة لمكافحة الإرهاب ومكافحة التطرف العنفي وحفلة النقاش"
    near = near_misses(index, text, "ar")
    kinds = [(n.kind, n.surface) for n in near]
    assert ("frame", "للجنة الأمم المتحدة لمكافحة الإرهاب") in kinds
    assert ("edit", "التطرف العنفي") in kinds
    assert ("confusion", "وحفلة النقاش") in kinds
    # the index alone knows only its own names: the curated confusions are not its business
    alone = [(n.kind, n.surface) for n in index.near_misses(text, "ar")]
    assert alone == [k for k in kinds if k[0] != "confusion"]
    frame = next(n for n in near if n.kind == "frame")
    assert set(frame.concepts) == {"UNOCT", "UNCCT"} and frame.clitics == "ل"
    edit = next(n for n in near if n.kind == "edit")
    assert edit.expected == "التطرف العنيف" and edit.concepts == ("VE",)


def test_no_near_miss_on_exact_sibling_names(index: TermIndex) -> None:
    text = "مركز الأمم المتحدة لمكافحة الإرهاب ومكتب الأمم المتحدة لمكافحة الإرهاب والتطرف العنيف"
    assert [n for n in index.near_misses(text, "ar") if n.kind != "confusion"] == []


def test_confusion_is_spelling_exact() -> None:
    from mustalah.matching.confusions import default_confusions

    finder = default_confusions()
    assert [c.surface for c in finder.find("قال: أمل أن نتمكن", "ar")] == ["أمل أن"]
    assert finder.find("قال: آمل أن نتمكن", "ar") == []
    assert finder.find("لديه أمل أن", "ar") == []  # not at a sentence start


def test_index_pickles_and_matches_the_same(index: TermIndex) -> None:
    clone = pickle.loads(pickle.dumps(index))
    text = "لمكتب الأمم المتحدة المعنى بالمخدرات والجريمة"
    assert clone.match(text, "ar") == index.match(text, "ar")


def test_hamza_alef_lam_is_not_an_article() -> None:
    from mustalah.termbase.model import Concept, Termbase

    from .conftest import T

    index = TermIndex.build(
        Termbase(
            (
                Concept("state-DEU", "member-states", (T("ألمانيا", "ar"),)),
                Concept("MECH", "concepts", (T("آلية", "ar"),)),
            )
        )
    )
    for text in ("ألمانيا", "لألمانيا", "وألمانيا", "بألمانيا"):
        assert [m.concept_id for m in index.match(text, "ar")] == ["state-DEU"], text
    assert [m.surface for m in index.match("عبر الآلية والآلية", "ar")] == []  # definite: not this term
    assert [m.surface for m in index.match("عبر آلية جديدة", "ar")] == ["آلية"]


def test_near_miss_false_alarms_seen_on_real_text(index: TermIndex) -> None:
    # agreement or a suffix is inflection, not a misspelling
    assert [n for n in index.near_misses("أشكال التطرف العنيفة", "ar") if n.kind == "edit"] == []
    # a two-word phrase with another first word is another phrase
    assert [n for n in index.near_misses("من الطرف العنيف", "ar") if n.kind == "edit"] == []
    # but the second word one edit away is reported
    assert [n.surface for n in index.near_misses("مكافحة التطرف العنفي", "ar")] == ["التطرف العنفي"]


def test_lower_case_compounds_keep_their_hyphen() -> None:
    from mustalah.termbase.model import Concept, Termbase

    from .conftest import T

    index = TermIndex.build(Termbase((Concept("HL", "concepts", (T("high-level", "en"),)),)))
    assert [m.surface for m in index.match("a high-level meeting", "en")] == ["high-level"]
    assert index.match("a high level of antibodies", "en") == ()


def test_one_word_proper_names_in_lower_case_are_common_words() -> None:
    from mustalah.termbase.model import Concept, Termbase

    from .conftest import T

    state = Concept("state-TUR", "member-states", (T("Türkiye", "en"), T("Turkey", "en")))
    index = TermIndex.build(Termbase((state,)))
    assert [m.surface for m in index.match("a delegation from Turkey", "en")] == ["Turkey"]
    assert index.match("roast turkey and rice", "en") == ()


def test_every_curated_confusion_names_a_concept_of_the_shipped_termbase() -> None:
    from mustalah.matching.confusions import load_confusions
    from mustalah.termbase.loader import load_termbase

    ids = {c.id for c in load_termbase(None)}
    named = {c.concept for c in load_confusions() if c.concept}
    assert named and named <= ids, sorted(named - ids)


def test_on_behalf_of_is_no_acting() -> None:
    """Real text (corpora/real-ar/blindar211, ESCWA): ``ألقاها بالنيابة عنها`` is "delivered on her
    behalf", a preposition; ``أمين سر الإسكوا بالإنابة`` in the same sentence is "acting".  The
    qualifier followed by عن (with or without a pronoun) is no match; after a title it is."""
    from mustalah.termbase.model import Concept, Status, Termbase

    from .conftest import T

    acting = Concept(
        "post-acting",
        "posts",
        (T("بالإنابة", "ar", pos="adjective"), T("بالنيابة", "ar", pos="adjective", status=Status.ADMITTED)),
    )
    index = TermIndex.build(Termbase((acting,)))
    text = "ألقاها بالنيابة عنها السيد كريم خليل، أمين سر الإسكوا بالإنابة"
    assert [m.surface for m in index.match(text, "ar")] == ["بالإنابة"]
    assert index.match("ألقى الكلمة بالإنابة عن الأمين العام", "ar") == ()
    assert [m.surface for m in index.match("وقال المدير بالنيابة إن الاجتماع مهم", "ar")] == ["بالنيابة"]
    assert [m.surface for m in index.match("المدير بالنيابة عنان", "ar")] == ["بالنيابة"]
    assert index.match("وتحدث بالإنابة عنا جميعا", "ar") == ()  # عن + نا is written عنا


def test_on_behalf_of_leaves_other_qualifiers_alone() -> None:
    """Only a qualifier made with ب (بالنيابة، بالإنابة) reads as "on behalf of" before عن: the
    shipped termbase's high-level (الرفيع المستوى) is still matched there."""
    from mustalah.termbase.loader import load_termbase

    index = TermIndex.build(load_termbase(None))
    found = index.match("الاجتماع الرفيع المستوى عن المحيطات", "ar")
    assert "الرفيع المستوى" in [m.surface for m in found]
    assert "بالإنابة" not in [m.surface for m in index.match("ألقى الكلمة بالإنابة عنها", "ar")]
