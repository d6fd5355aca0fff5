"""A terminology challenge set generated from any termbase: each official name in each Arabic context.

For every concept with an approved English full form and an approved Arabic full form, one English
sentence per applicable context, with the Arabic sentence that renders the name as the termbase
requires in that context (the *expected* reference):

==================  =========================================  ==============================================
context             English template                            Arabic (the name's first word changes)
==================  =========================================  ==============================================
bare                The report refers to X.                     يشير التقرير إلى X.
proclitic-wa        The report covers the region and X.         يتناول التقرير المنطقة وX.
proclitic-bi        The participants commended X.               أشاد المشاركون بX.
proclitic-li        The report was submitted to X.              قُدِّم التقرير لX.  (ل + ال is written لل)
article             The participants discussed the X.           ناقش المشاركون الX.  (indefinite terms only)
feminine            Ms. Amina Haddad, X, spoke today.           تحدثت السيدة أمينة حداد، X_fem، اليوم.
acronym-follows     The report refers to X (ACR).               يشير التقرير إلى X (ACR).
==================  =========================================  ==============================================

``proclitic-li`` on a definite name is the ``l+al`` context; a construct-head name (``مكتب الأمم المتحدة
…``) is a ``construct-head`` occurrence in every sentence.  Generation is deterministic: concepts in
id order, contexts in the order above, ``per_concept`` keeps the first N applicable contexts.  The
manifest records, per segment, the concept, the context, the English term and the expected Arabic
form, plus the termbase's content hash.  ``mustalah score --source source.en -r expected.ar HYP`` then
reports term accuracy per context (read from ``expected.ar``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..matching import TermIndex
from ..matching.cache import index_of
from ..termbase.model import Concept, Gender, Term, Termbase
from .terms import analyse_segment, shared_forms, source_occurrences

GENERATOR = "mustalah-challenge/1"
CONTEXTS = ("bare", "proclitic-wa", "proclitic-bi", "proclitic-li", "article", "feminine", "acronym-follows")

_TEMPLATES: dict[str, tuple[str, str]] = {
    "bare": ("The report refers to {en}.", "يشير التقرير إلى {ar}."),
    "proclitic-wa": ("The report covers the region and {en}.", "يتناول التقرير المنطقة {ar}."),
    "proclitic-bi": ("The participants commended {en}.", "أشاد المشاركون {ar}."),
    "proclitic-li": ("The report was submitted to {en}.", "قُدِّم التقرير {ar}."),
    "article": ("The participants discussed the {en}.", "ناقش المشاركون {ar}."),
    "feminine": ("Ms. Amina Haddad, {en}, spoke today.", "تحدثت السيدة أمينة حداد، {ar}، اليوم."),
    "acronym-follows": ("The report refers to {en} ({acr}).", "يشير التقرير إلى {ar} ({acr})."),
}


@dataclass(frozen=True, slots=True)
class ChallengeItem:
    segment: int
    concept: str
    context: str
    source: str
    expected: str
    source_term: str
    expected_term: str  # the termbase form
    expected_form: str  # as it appears in the sentence (with its proclitics)

    def to_json(self) -> dict[str, Any]:
        return {
            "segment": self.segment,
            "concept": self.concept,
            "context": self.context,
            "source_term": self.source_term,
            "expected_term": self.expected_term,
            "expected_form": self.expected_form,
        }


def _definite(text: str) -> bool:
    return text.startswith("ال")


def _with_li(text: str) -> str:
    """ل + the name: ل + ال is written لل, and ل + ال + ل… is للـ… (``اللجنة`` → ``للجنة``)."""
    if _definite(text):
        rest = text[2:]
        return ("ل" if rest.startswith("ل") else "لل") + rest
    return "ل" + text


def _with_bi(text: str) -> str:
    return "ب" + text


def _with_article(text: str) -> str:
    return "ال" + text


def _full_form(concept: Concept, lang: str, gender: Gender | None = None) -> Term | None:
    forms = [t for t in concept.terms_in(lang) if t.approved and not t.is_acronym]
    if gender is not None:
        forms = [t for t in forms if t.gender == gender]
    preferred = [t for t in forms if t.status.value == "preferred"]
    chosen = preferred or forms
    if gender is None:
        # the unmarked (or masculine) form: a feminine title form is its own context
        unmarked = [t for t in chosen if t.gender != Gender.FEMININE]
        chosen = unmarked or chosen
    return chosen[0] if chosen else None


def _acronym(concept: Concept, lang: str) -> Term | None:
    acronyms = [t for t in concept.terms_in(lang) if t.approved and t.is_acronym]
    return acronyms[0] if acronyms else None


def _forms(concept: Concept, source_lang: str, target_lang: str) -> Iterator[tuple[str, str, str, str, str]]:
    """(context, English sentence, Arabic sentence, English term, Arabic form) per applicable context."""
    en = _full_form(concept, source_lang)
    ar = _full_form(concept, target_lang)
    if en is None or ar is None:
        return
    word = ar.text
    rest = word.split()[1:]
    en_name = f"the {en.text}" if concept.domain in ("entities", "posts") else en.text
    forms = {
        "bare": word,
        "proclitic-wa": "و" + word,
        "proclitic-bi": _with_bi(word),
        "proclitic-li": _with_li(word),
    }
    indefinite = not any(_definite(w) for w in word.split()) and concept.domain not in (
        "people",
        "member-states",
    )
    if indefinite and len(rest) == 0:
        forms["article"] = _with_article(word)
    for context in CONTEXTS:
        en_text, ar_text = _TEMPLATES[context]
        if context in forms:
            form = forms[context]
            english = en_text.format(en=en_name).replace("the the ", "the ")
            yield context, english, ar_text.format(ar=form), en.text, form
        elif context == "feminine":
            feminine = _full_form(concept, target_lang, Gender.FEMININE)
            if feminine is not None and concept.domain == "posts":
                yield (
                    context,
                    en_text.format(en=en.text),
                    ar_text.format(ar=feminine.text),
                    en.text,
                    feminine.text,
                )
        elif context == "acronym-follows":
            acr_en, acr_ar = _acronym(concept, source_lang), _acronym(concept, target_lang)
            if acr_en is not None and acr_ar is not None and acr_en.text == acr_ar.text:
                yield (
                    context,
                    en_text.format(en=en_name, acr=acr_en.text),
                    ar_text.format(ar=word, acr=acr_ar.text),
                    en.text,
                    word,
                )


@dataclass(frozen=True, slots=True)
class Skipped:
    """A candidate left out because the termbase's own form does not score as a hit in it."""

    concept: str
    context: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"concept": self.concept, "context": self.context, "reason": self.reason}


def _check(
    index: TermIndex,
    termbase: Termbase,
    shared: dict[str, frozenset[str]],
    en: str,
    ar: str,
    langs: tuple[str, str],
) -> str | None:
    """Why the expected sentence is not a perfect rendering of the source sentence (None: it is)."""
    occurrences = source_occurrences(index.match(en, langs[0]))
    if not occurrences:
        return "the English term is not found in its own sentence"
    seg = analyse_segment(0, occurrences, index.match(ar, langs[1]), termbase, langs[1], shared)
    if seg.hits == seg.total:
        return None
    miss = seg.misses[0]
    found = (
        miss.found
        + (f" {miss.found_text!r}" if miss.found_text else "")
        + (f" [{miss.detail}]" if miss.detail else "")
    )
    return f"{miss.source_term!r} is not a hit in the expected sentence: {found}"


def generate(
    termbase: Termbase, per_concept: int | None = None, source_lang: str = "en", target_lang: str = "ar"
) -> tuple[list[ChallengeItem], list[Skipped]]:
    """The challenge items (and the skipped candidates), deterministic for a termbase.

    Every kept item is checked with the scorer itself: its expected sentence scores 100 % against
    its source sentence (so a miss on the challenge set is the system's, never the set's).
    """
    index = index_of(termbase, (source_lang, target_lang))
    shared = shared_forms(termbase, target_lang)
    items: list[ChallengeItem] = []
    skipped: list[Skipped] = []
    for concept in sorted(termbase, key=lambda c: c.id):
        made = 0
        for context, en_text, ar_text, en_term, ar_form in _forms(concept, source_lang, target_lang):
            if per_concept is not None and made >= per_concept:
                break
            expected_term = _full_form(
                concept, target_lang, Gender.FEMININE if context == "feminine" else None
            )
            assert expected_term is not None
            problem = _check(index, termbase, shared, en_text, ar_text, (source_lang, target_lang))
            if problem is not None:
                skipped.append(Skipped(concept.id, context, problem))
                continue
            items.append(
                ChallengeItem(
                    len(items) + 1,
                    concept.id,
                    context,
                    en_text,
                    ar_text,
                    en_term,
                    expected_term.text,
                    ar_form,
                )
            )
            made += 1
    return items, skipped


def manifest(
    items: list[ChallengeItem],
    skipped: list[Skipped],
    termbase: Termbase,
    source_lang: str,
    target_lang: str,
    per_concept: int | None,
) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.context] = counts.get(item.context, 0) + 1
    return {
        "version": 1,
        "generator": GENERATOR,
        "mustalah": __version__,
        "termbase": {"name": termbase.name, "hash": termbase.content_hash(), "concepts": len(termbase)},
        "source_lang": source_lang,
        "target_lang": target_lang,
        "per_concept": per_concept,
        "files": {"source": f"source.{source_lang}", "expected": f"expected.{target_lang}"},
        "segments": len(items),
        "contexts": {c: counts[c] for c in CONTEXTS if c in counts},
        "items": [item.to_json() for item in items],
        "skipped": [s.to_json() for s in skipped],
    }
