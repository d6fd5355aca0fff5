"""The rules' shortcuts (pre-filters, per-view memos) never change what the rules find."""

from __future__ import annotations

import random

from mustalah.checks import honorific_scan, pofilter, style
from mustalah.checks.terms import concept_counts
from mustalah.lint.engine import LintSettings, index_for, lint_segments, unit_context
from mustalah.model import Segment
from mustalah.text import dates, english

_PIECES = (
    " ", "  ", "\t", "\n", "\r", "\\", "<b>", "</b>", "<br/>", "http://un.org/x", "www.un.org", "ftp:x",
    "a@b.org", "!", "...", ".", "في في", "the the", "The the", "“x”", ",", "?", ";", "\u00a0", "\u200f",
    "e\u0301", "\u00e9", "_", "٣", "(UNOCT)", "&amp;", "%s", "{0}",
)  # fmt: skip
_PAIRS = (
    ("The Centre will continue its work.", "وسيواصل المركز عمله."),
    ("", ""),
    ("!", "!"),
    ("Hi", "؟"),
    ("café", "مقهى"),
)


def _perturb(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(0, 3)):
        i = rng.randint(0, len(text))
        text = text[:i] + rng.choice(_PIECES) + text[i:]
    return text


def test_pofilter_prefilter_never_hides_a_failure() -> None:
    rng = random.Random(7)
    skipped = 0
    for _ in range(3000):
        source, target = rng.choice(_PAIRS)
        source, target = _perturb(rng, source), _perturb(rng, target)
        if pofilter.may_fail_ar(source, target):
            continue
        skipped += 1
        assert pofilter._failures.__wrapped__(source, target, "ar") == (), (source, target)
    assert skipped > 100  # the pre-filter does rule out clean pairs


def test_pofilter_prefilter_passes_clean_press_text() -> None:
    assert not pofilter.may_fail_ar("The Centre (UNCCT) met twice.", "اجتمع المركز (UNCCT) مرتين.")
    assert pofilter.may_fail_ar("See www.un.org.", "انظر الموقع.")
    assert pofilter.pofilter_failures("The Centre met.", "اجتمع المركز المركز.", "ar") == {
        "doublewords": "The word 'المركز' is repeated"
    }


def test_honorific_hints_cover_every_form() -> None:
    assert all(honorific_scan.AR_HINT.search(form) for form in honorific_scan.AR_HONORIFIC_FORMS)
    assert all(honorific_scan.EN_HINT.search(form) for form in honorific_scan.EN_GENDERED_HONORIFICS)


def test_month_prefilters_keep_every_month() -> None:
    for name in [*dates.GREGORIAN_AR, *dates.LEVANTINE_AR]:
        text = f"في 8 {name} 2020"
        assert dates.arabic_months(text), name
    for name in dates.EN_MONTHS:
        assert dates.english_months(f"on 8 {name} 2020"), name
    assert dates.arabic_months("اجتمع المركز") == []
    assert dates.english_months("The Centre met.") == []


def test_regex_prefilters_are_necessary_conditions() -> None:
    for text in ("Dr. Mr. Smith", "Mrs  Ms Jones", "Prof.\tDr Lee", "Miss Mr"):
        assert style._PERSONAL_EN.search(text) and style._PERSONAL_EN_CORE.search(text)
    for text in ("organisation", "they realised it", "prioritising", "organisational", "colonisers"):
        assert english.ise_words(text), text


def test_concept_counts_are_shared_per_view_and_copied_for_callers() -> None:
    termbase, index = index_for(None)
    seg = Segment(
        file="f",
        index=0,
        unit="1",
        source="the United Nations Counter-Terrorism Centre (UNCCT) and the UNCCT",
        target="مركز الأمم المتحدة لمكافحة الإرهاب (UNCCT)",
        source_lang="en",
        target_lang="ar",
    )
    ctx = unit_context(seg, termbase, index, LintSettings(), {})
    shared = ctx.source.concept_counts()
    assert shared  # the Centre is mentioned
    assert ctx.source.concept_counts() is shared
    assert ctx.source.mentions() is ctx.source.mentions()
    copy = concept_counts(ctx.source)
    assert dict(copy) == shared and copy is not shared
    copy["X"] += 1
    assert "X" not in shared
    fresh = unit_context(seg, termbase, index, LintSettings(), {})
    assert ctx.source == fresh.source  # the memo is no part of the view's value
    result = lint_segments([seg], LintSettings(), "f")
    again = lint_segments([seg], LintSettings(), "f")
    assert result.findings == again.findings
