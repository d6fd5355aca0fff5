"""Term accuracy on a small hand-built termbase, every number counted by hand."""

from __future__ import annotations

from sacrebleu.significance import PairedTest

from mustalah.matching import TermIndex
from mustalah.scoring import ScoreOptions, TermAccuracy, score_corpus
from mustalah.termbase.model import Concept, Status, Term, Termbase, TermType

TB = Termbase(
    concepts=(
        Concept(
            "UNODC",
            "entities",
            (
                Term("United Nations Office on Drugs and Crime", "en"),
                Term("UNODC", "en", type=TermType.ACRONYM),
                Term("مكتب الأمم المتحدة المعني بالمخدرات والجريمة", "ar"),
                Term("مكتب الأمم المتحدة لمكافحة المخدرات والجريمة", "ar", status=Status.DEPRECATED),
            ),
        ),
        Concept(
            "CTC",
            "entities",
            (
                Term("Counter-Terrorism Committee", "en"),
                Term("لجنة مكافحة الإرهاب", "ar"),
            ),
        ),
        Concept(
            "CTED",
            "entities",
            (
                Term("Counter-Terrorism Committee Executive Directorate", "en"),
                Term("المديرية التنفيذية للجنة مكافحة الإرهاب", "ar"),
            ),
            confusable=("CTC",),
        ),
        Concept(
            "SG",
            "posts",
            (
                Term("Secretary-General", "en"),
                Term("الأمين العام", "ar"),
                Term("السكرتير العام", "ar", status=Status.DEPRECATED),
            ),
        ),
    )
)

SOURCES = [
    # UNODC ×2 (full name and acronym), CTC ×1
    "The United Nations Office on Drugs and Crime (UNODC) met the Counter-Terrorism Committee.",
    # CTED ×1: the longest match wins, CTC inside it is not counted
    "The Counter-Terrorism Committee Executive Directorate published a report.",
    # SG ×1, CTC ×1
    "The Secretary-General thanked the Counter-Terrorism Committee.",
    # no term at all
    "The meeting ended at noon.",
]
GOOD = [
    # diacritic on مكتبُ tolerated; the acronym is not rendered: 1 of 2 for UNODC; CTC with ل clitic
    "اجتمع مكتبُ الأمم المتحدة المعني بالمخدرات والجريمة مع أعضاء للجنة مكافحة الإرهاب.",
    "نشرت المديرية التنفيذية للجنة مكافحة الإرهاب تقريرا.",
    # article + clitic و on الأمين العام; tatweel in الإرهــاب tolerated
    "وشكر الأمين العام لجنة مكافحة الإرهــاب.",
    "انتهى الاجتماع ظهرا.",
]
BAD = [
    # deprecated UNODC form; hamza-less الارهاب is a variant, not a hit
    "اجتمع مكتب الأمم المتحدة لمكافحة المخدرات والجريمة مع لجنة مكافحة الارهاب.",
    # wrong entity: CTC where the source says CTED
    "نشرت لجنة مكافحة الإرهاب تقريرا.",
    # deprecated post title; CTC correct
    "وشكر السكرتير العام لجنة مكافحة الإرهاب.",
    "انتهى الاجتماع ظهرا.",
]
REFS = [GOOD]
OPTIONS = ScoreOptions(metrics=("terms",))


def test_hand_counted_hits_and_totals() -> None:
    report = score_corpus([GOOD, BAD], REFS, OPTIONS, sources=SOURCES, termbase=TB, names=["good", "bad"])
    good, bad = report.systems
    # source occurrences: UNODC 2 + CTC 1 + CTED 1 + SG 1 + CTC 1 = 6
    assert (good.term_hits, good.term_total) == (5, 6)  # only the acronym (UNODC) is missing
    assert (bad.term_hits, bad.term_total) == (1, 6)  # only CTC in segment 3
    assert good.scores["term_accuracy"] == 100 * 5 / 6


def test_misses_say_what_was_found_instead() -> None:
    bad = score_corpus([BAD], REFS, OPTIONS, sources=SOURCES, termbase=TB).systems[0]
    found = [(m.segment, m.concept_id, m.found, m.found_concept, m.detail) for m in bad.misses]
    assert found == [
        (1, "UNODC", "deprecated", None, "deprecated"),
        (1, "UNODC", "absent", None, None),
        (1, "CTC", "variant", None, "alef-hamza"),
        (2, "CTED", "wrong-entity", "CTC", None),
        (3, "SG", "deprecated", None, "deprecated"),
    ]


def test_per_concept_and_per_term_breakdown() -> None:
    good = score_corpus([GOOD], REFS, OPTIONS, sources=SOURCES, termbase=TB).systems[0]
    rows = {r["concept"]: r for r in good.terms}
    assert rows["UNODC"]["occurrences"] == 2 and rows["UNODC"]["hits"] == 1
    assert rows["UNODC"]["misses"]["absent"] == 1
    by_term = {t["term"]: (t["occurrences"], t["hits"]) for t in rows["UNODC"]["source_terms"]}
    assert by_term == {"United Nations Office on Drugs and Crime": (1, 1), "UNODC": (1, 0)}
    assert rows["CTC"]["occurrences"] == 2 and rows["CTC"]["hits"] == 2
    assert rows["CTED"]["expected"] == "المديرية التنفيذية للجنة مكافحة الإرهاب"


def test_sacrebleu_metric_interface_gives_the_same_numbers() -> None:
    index = TermIndex.build(TB)
    metric = TermAccuracy(index, TB, "en", "ar")
    score = metric.corpus_score(BAD, [SOURCES])
    assert score.score == 100 * 1 / 6
    assert "tb:" + TB.content_hash() in str(metric.get_signature())
    cached = TermAccuracy(index, TB, "en", "ar", sources=SOURCES)
    _, results = PairedTest(
        [("good", GOOD), ("bad", BAD)], {"terms": cached}, references=None, test_type="bs", n_samples=200
    )()
    assert results["TermAcc"][0].score == 100 * 5 / 6
    assert results["TermAcc"][1].score == 100 * 1 / 6
