"""Terminology rules: deprecated, variant and admitted forms (TM001, a missing name, is in
``checks/term_missing.py``), and the helpers the term rules share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..matching.types import TermMatch
from ..model import Finding, Severity
from ..termbase.model import Concept, Status, Term
from ..text.arabic import attach_clitics
from .base import Rule, SideView, UnitContext
from .fixes import mend


def preferred_for(concept: Concept, term: Term, lang: str) -> Term | None:
    """The preferred form in ``lang`` of the same gender and kind as ``term``: of its type
    (a short form for a short form) and, among those, the nearest in length — a suggestion
    replaces the words it flags, so ``فريق الرصد`` becomes ``فريق الدعم التحليلي ورصد
    الجزاءات``, not the 30-word full name with resolution numbers the other side lacks."""
    same_kind = [
        t for t in concept.terms_in(lang) if t.status is Status.PREFERRED and t.is_acronym == term.is_acronym
    ]
    if term.gender is not None:
        gendered = [t for t in same_kind if t.gender is term.gender]
        same_kind = gendered or same_kind
    if not same_kind:
        return concept.preferred(lang, term.gender)
    words = len(term.text.split())
    return min(same_kind, key=lambda t: (t.type is not term.type, abs(len(t.text.split()) - words)))


def suggest(match: TermMatch, replacement: Term) -> str:
    return attach_clitics(match.clitics, replacement.text) if match.lang == "ar" else replacement.text


def concept_counts(view: SideView, *, short_forms: bool = True) -> Counter[str]:
    """Mentions per concept: a name with its acronym in parentheses counts once.

    With ``short_forms=False`` a mention made only by a short form (``the Secretariat``) is
    not counted: short forms are anaphoric and translators legitimately render them freely.
    A fresh copy of the counts the view computes once (``SideView.concept_counts``).
    """
    return Counter(view.concept_counts(short_forms))


class TermDeprecated(Rule):
    """A deprecated or superseded form of a termbase concept.

    What it catches:
        A term whose status in the termbase is deprecated or superseded, in either
        language, in bilingual and Arabic-only text.  A deprecated form is an error;
        a superseded (former) name may be right for the text's date, so it is a
        warning, and a note in the source and in a target that renders a source
        of its time (``Department of Public Information`` / ``إدارة شؤون الإعلام``).
    Why it matters:
        Deprecated renderings (press usage, older forms, calques) contradict the UN's
        prescribed terminology and make documents inconsistent.
    Example:
        en: preventing and countering violent extremism (PCVE)
        ar: ومنع ومحاربة التطرف العنيف (PCVE)
    Use instead:
        ar: ومنع التطرف العنيف ومكافحته (PCVE)
    Suppress:
        `mustalah: ignore TM002` in the unit's note; or change the term's status in
        the termbase if the form is in fact admitted.  Member States are left to
        ST007 (state-short-name).
    """

    code = "TM002"
    name = "term-deprecated"
    category = "term-deprecated"
    severity = "error"
    #: pre-filter (checks.prefilter): every finding is a match of a deprecated or superseded term
    needs = ("match:deprecated",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for m in view.matches:
                if m.term.status not in (Status.DEPRECATED, Status.SUPERSEDED):
                    continue
                concept = ctx.termbase.get(m.concept_id)
                if concept is not None and concept.domain == "member-states":
                    continue  # ST007 names the UN short name
                better = preferred_for(concept, m.term, m.term.lang) if concept else None
                why = f": {m.term.note}" if m.term.note else ""
                yield self.finding(
                    ctx,
                    view,
                    m.start,
                    m.end,
                    f"'{m.term.text}' is a {m.term.status.value} form of {m.concept_id}{why}",
                    concept=m.concept_id,
                    suggestion=suggest(m, better) if better else None,
                    severity=_superseded_severity(ctx, view, m.concept_id)
                    if m.term.status is Status.SUPERSEDED
                    else None,
                )


def _superseded_severity(ctx: UnitContext, view: SideView, concept_id: str) -> Severity:
    """A former name (the Department of Public Information before 2019) may be right for the
    text's date: a warning; a note in the source, and in a target whose source has the former
    name too (a faithful translation of a text of its time)."""
    if ctx.target is None:
        return "warning"
    if view is ctx.source:
        return "info"
    former = any(
        m.concept_id == concept_id and m.term.status is Status.SUPERSEDED for m in ctx.source.matches
    )
    return "info" if former else "warning"


_FOLD_MESSAGES = {
    "alef-maqsura": "ى written for ي (or ي for ى)",
    "taa-marbuta": "ه written for ة (or ة for ه)",
    "alef-hamza": "hamza/madda on alef differs",
    "persian": "Persian/Urdu letter form instead of the Arabic letter",
    "presentation-form": "Arabic presentation-form characters (copied from a PDF?)",
    "digits": "digits in another script",
    "other": "spelling differs",
}


#: Names spelt from another language, whose first alef UN documents write with madda or hamza.
_FOREIGN_NAME_DOMAINS = frozenset({"member-states", "people"})


class TermVariant(Rule):
    """An official name written with an orthographic variant.

    What it catches:
        A term found only after folding a spelling difference inside it: ى for ي,
        ه for ة, a hamza or madda on alef, Persian letter forms, presentation forms.
        An error; a warning when only a hamza on alef differs, and a note when only
        madda and hamza differ in the name of a State or a person (``أيرلندا`` for
        ``آيرلندا``: UN documents write both).
    Why it matters:
        These letters change meaning (المعنى "the meaning" / المعني "concerned") and
        break search, spell-checking and consistency of official names.
    Example:
        en: United Nations Office on Drugs and Crime (UNODC)
        ar: لمكتب الأمم المتحدة المعنى بالمخدرات والجريمة (UNODC)
    Use instead:
        ar: لمكتب الأمم المتحدة المعني بالمخدرات والجريمة (UNODC)
    Suppress:
        `mustalah: ignore TM003` in the unit's note.
    """

    code = "TM003"
    name = "term-variant"
    category = "term-variant"
    severity = "error"
    #: pre-filter (checks.prefilter): every finding is a match with a difference a fold hid
    needs = ("match:differs",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for m in view.matches:
                diffs = [d for d in m.differences if d.kind in _FOLD_MESSAGES]
                if not diffs:
                    continue
                kinds = sorted({d.kind for d in diffs})
                what = "; ".join(_FOLD_MESSAGES[k] for k in kinds)
                found = ", ".join(f"{d.found}→{d.expected}" for d in diffs[:4])
                severity: Severity | None = "warning" if kinds == ["alef-hamza"] else None
                concept = ctx.termbase.get(m.concept_id)
                if (
                    concept is not None
                    and concept.domain in _FOREIGN_NAME_DOMAINS
                    and all({d.found, d.expected} == {"أ", "آ"} for d in diffs)
                ):
                    # آيرلندا / أيرلندا: how a foreign name's first vowel is spelt, and UN documents
                    # write both (وأيرلندا الشمالية in the United Kingdom's name): a note.  In an
                    # Arabic word it is another word: الآمن "the safe" for الأمن "security"
                    severity = "info"
                yield self.finding(
                    ctx,
                    view,
                    m.start,
                    m.end,
                    f"{m.concept_id} written with a variant spelling ({what}: {found})",
                    concept=m.concept_id,
                    # the letters mended in place: a listed inflection (رفيعة المستوي) keeps its form
                    suggestion=mend(view.text, m.start, m.end, diffs),
                    severity=severity,
                )


class TermAdmitted(Rule):
    """An admitted form where the termbase prefers another.

    What it catches:
        A term with status admitted: acceptable, but not the preferred form.
    Why it matters:
        Consistency: a release that uses the preferred form throughout is easier to
        search and to reuse.  This is a suggestion, not an error; in the original of a
        translation (the source side) it offers no fix, the original not being the
        reviser's to rewrite.
    Example:
        en: the Office of Counter-Terrorism
        ar: مكتب مكافحة الإرهاب
    Use instead:
        ar: مكتب الأمم المتحدة لمكافحة الإرهاب (first mention)
    Suppress:
        `ignore = ["TM009"]` in `[tool.mustalah]` to stop these suggestions.
    """

    code = "TM009"
    name = "term-admitted"
    category = "term-variant"
    severity = "info"
    #: pre-filter (checks.prefilter): every finding is a match of an admitted term
    needs = ("match:not-preferred",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for m in view.matches:
                if m.term.status is not Status.ADMITTED:
                    continue
                concept = ctx.termbase.get(m.concept_id)
                if concept is not None and concept.domain == "member-states":
                    continue  # ST007 names the UN short name
                better = preferred_for(concept, m.term, m.term.lang) if concept else None
                if better is None or better.text == m.term.text:
                    continue
                yield self.finding(
                    ctx,
                    view,
                    m.start,
                    m.end,
                    f"'{m.term.text}' is admitted for {m.concept_id}; the preferred form is '{better.text}'",
                    concept=m.concept_id,
                    # the original of a translation is not the reviser's to rewrite: no fix offered there
                    # ("the UN Refugee Agency's budget" → the full name would ask the Arabic for it again)
                    suggestion=None if view is ctx.source and ctx.target is not None else suggest(m, better),
                )
