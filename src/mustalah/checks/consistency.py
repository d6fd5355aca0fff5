"""Consistency across a file or a corpus (corpus rules: facts per unit, conclusions once).

Keys are folded (fold_key) so typographic differences (tatweel, NBSP, digits) do
not split groups; the findings quote the original text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import replace

from ..matching.forms import one_spelling
from ..model import Finding
from ..termbase.model import Concept, Status, Term, TermType
from .base import CorpusRule, Fact, SideView, UnitContext

_TRAILING = " .,;:،؛!?؟…*"
_WORD = re.compile(r"\w+")


def _norm(view: SideView) -> str:
    """The side's text folded (``fold_key``, already computed on the view) with white space collapsed."""
    got: str | None = view.memo.get("norm")
    if got is None:  # CO001 and CO002 both key on it
        # trailing punctuation is layout ("The Security Council" / "The Security Council,")
        got = view.memo["norm"] = " ".join(view.folded.key.split()).rstrip(_TRAILING)
    return got


def _pair(ctx: UnitContext) -> str:
    """What a group is kept apart by: the language pair (an Arabic and a Spanish rendering of one
    source are no inconsistency) and a PO plural form (``msgstr[2]`` and ``msgstr[3]`` of one
    ``msgid_plural`` differ by design; unit ``N[k]``)."""
    target = ctx.target
    form = _PLURAL_FORM.search(ctx.segment.unit)
    return f"{ctx.source.lang}>{target.lang if target is not None else ''}{form.group() if form else ''}\0"


_PLURAL_FORM = re.compile(r"\[\d+\]$")


def _conclude_pairs(facts: Collection[Fact], label: str) -> Iterable[Finding]:
    """Group by key[0]; report units whose key[1] differs from the first (commonest) rendering."""
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[fact.key[0]].append(fact)
    for group in groups.values():
        if len(group) < 2:
            continue  # one unit: one rendering
        renderings: dict[str, list[Fact]] = defaultdict(list)
        for fact in group:
            renderings[fact.key[1]].append(fact)
        if len(renderings) < 2:
            continue
        ordered = sorted(renderings.values(), key=lambda fs: (-len(fs), fs[0].file, fs[0].index))
        main = ordered[0][0]
        for others in ordered[1:]:
            for fact in others:
                message = f"{label} (unit {main.finding.unit} of {main.file}: '{main.key[2]}')"
                yield replace(fact.finding, message=message)


def _names(view: SideView) -> str:
    """The concepts a side names: ``Note by the Secretariat`` (the UN's, الأمانة العامة) and ``Note
    by the secretariat`` (a convention's, الأمانة) fold alike but are two sources."""
    return "|" + ",".join(sorted({m.concept_id for m in view.matches}))


class InconsistentTranslation(CorpusRule):
    """The same source text translated differently.

    What it catches:
        Two or more units with the same source (after folding, but a name in
        one and not the other, ``the Secretariat`` / ``the secretariat`` of a
        convention, makes two sources) and different targets, across a file
        or every file of a run, within one language pair (and, in a PO file,
        one plural form).  Reported on the units that differ
        from the commonest rendering.
    Why it matters:
        Repeated sentences (boilerplate, titles, datelines) must read the same
        everywhere; a second rendering is either an error or an improvement that
        was not propagated.
    Example:
        en: The Centre will continue its work. (twice)
        ar: وسيواصل المركز عمله. / وسيستمر المركز في عمله.
    Use instead:
        ar: وسيواصل المركز عمله. (both)
    Suppress:
        `mustalah: ignore CO001` in the unit's note.
    """

    code = "CO001"
    name = "inconsistent-translation"
    category = "inconsistency"
    severity = "warning"
    scope = "corpus"

    def collect(self, ctx: UnitContext) -> Iterable[Fact]:
        if ctx.target is None or not ctx.source.text.strip() or not ctx.target.text.strip():
            return
        tgt = ctx.target
        finding = self.finding(ctx, tgt, 0, len(tgt.text), "")
        source = _pair(ctx) + _norm(ctx.source) + _names(ctx.source)
        yield Fact(tgt.file, ctx.segment.index, (source, _norm(tgt), tgt.text), finding)

    def conclude(self, facts: Collection[Fact]) -> Iterable[Finding]:
        return _conclude_pairs(facts, "the same source is translated differently elsewhere")


class InconsistentSource(CorpusRule):
    """The same target text used for different sources.

    What it catches:
        Two or more units with the same target (after folding) and different
        sources; not a target of one or two words, a label that rightly renders
        several sources (``المادة 15`` for Article 15 and Rule 15).  Sources that
        differ only in function words, modal verbs, punctuation or British and US
        spelling count as the same ("the Islamic State of/in Iraq", "I should/would
        be grateful if you would/could have …", "Israel Defence/Defense Forces").
    Why it matters:
        Two different English sentences rarely mean the same; one of the targets
        was probably copied from a neighbouring unit or a fuzzy TM match.
    Example:
        en: The Centre launched a workshop. / The Centre launched a discussion.
        ar: أطلق المركز حلقة عمل. (both)
    Use instead:
        ar: أطلق المركز حلقة عمل. / أطلق المركز حلقة نقاش.
    Suppress:
        `mustalah: ignore CO002` in the unit's note.
    """

    code = "CO002"
    name = "inconsistent-source"
    category = "inconsistency"
    severity = "warning"
    scope = "corpus"

    def collect(self, ctx: UnitContext) -> Iterable[Fact]:
        if ctx.target is None or not ctx.source.text.strip() or not ctx.target.text.strip():
            return
        tgt = ctx.target
        if len(_WORD.findall(tgt.text)) <= 2:
            return  # a label ("المادة 15" for Article 15 and for Rule 15, "الرئيس" for Chair and President)
        finding = self.finding(ctx, tgt, 0, len(tgt.text), "")
        yield Fact(
            tgt.file,
            ctx.segment.index,
            (_pair(ctx) + _norm(tgt), _content(ctx.source), ctx.source.text),
            finding,
        )

    def conclude(self, facts: Collection[Fact]) -> Iterable[Finding]:
        return _conclude_pairs(facts, "the same target translates another source elsewhere")


#: Words whose change leaves one translation right for both sources ("the Islamic State of/in
#: Iraq"): CO002 compares sources without them.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "by", "for", "to", "from", "with", "and", "or", "as"}
    | {"its", "their", "this", "that", "these", "those"}
    # modal and auxiliary verbs: "I should be grateful if you would have …" and "I would be
    # grateful if you could have …" are one formula, one Arabic (وأرجو ممتنا تعميم …)
    | {"would", "should", "could", "will", "shall", "may", "might", "can", "be", "is", "are", "was"}
    | {"were", "been"}
)


def _content(view: SideView) -> str:
    """The side's folded words less English function words (a source's content, for CO002)."""
    words = _WORD.findall(_norm(view).lower())
    # "Israel Defence Forces" and "Israel Defense Forces": one source (UNIFIL's releases)
    return " ".join(one_spelling(w) for w in words if w not in _FUNCTION_WORDS)


class ConceptRenderedTwoWays(CorpusRule):
    """One concept written in two different approved forms in one file.

    What it catches:
        Two different preferred/admitted full forms of the same termbase concept
        (same language, same gender) in one file: e.g. both ``بالإنابة`` and
        ``بالنيابة`` for "acting".  Deprecated forms are TM002's; short forms,
        acronyms and forms whose termbase entry has a usage note (a formal name,
        "after first mention") are meant to coexist and are not reported.  A title
        is compared only with the same title of the same body: the Chairperson of
        the African Union Commission and the Chair of a configuration of the
        Peacebuilding Commission each hold their own.
    Why it matters:
        Readers take two names for two things; a release should pick one form.
    Example:
        en: Acting Director … Acting Director
        ar: المدير بالإنابة … المدير بالنيابة
    Use instead:
        ar: المدير بالإنابة … المدير بالإنابة
    Suppress:
        `mustalah: ignore CO003` in the unit's note.
    """

    code = "CO003"
    name = "concept-two-forms"
    category = "inconsistency"
    severity = "warning"
    #: pre-filter (checks.prefilter): a fact per term match
    needs = ("match",)
    scope = "corpus"

    def collect(self, ctx: UnitContext) -> Iterable[Fact]:
        index = ctx.segment.index
        for view in ctx.sides:
            for m in view.matches:
                term = m.term
                kind = _two_forms_kind(term)
                if kind is None or not _has_rival(term, ctx.termbase.get(m.concept_id), kind):
                    continue  # a concept with one such form can never be written two ways
                finding = self.finding(ctx, view, m.start, m.end, "", concept=m.concept_id)
                owner = _owner(view.text, m.end) if m.concept_id.startswith("post-") else ""
                key = f"{view.file}|{view.lang}|{m.concept_id}|{kind}|{owner}"
                yield Fact(view.file, index, (key, term.text, term.text), finding)

    def conclude(self, facts: Collection[Fact]) -> Iterable[Finding]:
        return _conclude_pairs(
            facts, "this concept is written in another approved form elsewhere in the file"
        )


#: The body a title belongs to, as English names it after the title ("Chairperson of the African
#: Union Commission"): its capitalized words.
_OWNER = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?((?:[A-Z][\w'’-]*(?:\s+(?:of|on|for|and)\s+|\s+)?){1,5})")


def _owner(text: str, end: int) -> str:
    """The body named right after a title, lower-cased ('' when none is): titles of different
    bodies keep their own forms."""
    m = _OWNER.match(text, end)
    return " ".join(m.group(1).split()).lower() if m else ""


#: id(term) → (term, whether its concept has another text of the same kind in its language).
_RIVALS: dict[int, tuple[Term, bool]] = {}


def _has_rival(term: Term, concept: Concept | None, kind: str) -> bool:
    """Whether the concept holds another approved full form of ``kind`` in the term's language.

    Without one, a file cannot write the concept two ways, so CO003 keeps no fact for it
    (a 1M-unit run would otherwise keep one per term match).
    """
    cached = _RIVALS.get(id(term))
    if cached is not None and cached[0] is term:
        return cached[1]
    rival = concept is not None and any(
        t.text != term.text and t.lang == term.lang and _two_forms_kind(t) == kind for t in concept.terms
    )
    if len(_RIVALS) > 200_000:
        _RIVALS.clear()
    _RIVALS[id(term)] = (term, rival)
    return rival


#: id(term) → (term, its CO003 key part or None): a term's verdict never changes.
_KINDS: dict[int, tuple[Term, str | None]] = {}


def _two_forms_kind(term: Term) -> str | None:
    """``gender|type`` for a full form CO003 compares, None for forms meant to coexist."""
    cached = _KINDS.get(id(term))
    if cached is not None and cached[0] is term:
        return cached[1]
    kind: str | None = None
    if (
        not term.is_acronym
        and term.status in (Status.PREFERRED, Status.ADMITTED)
        and term.type is TermType.FULL_FORM
        and not term.usage  # short forms and forms with a usage note are meant to coexist
    ):
        kind = f"{term.gender.value if term.gender else ''}|{term.type.value}"
    if len(_KINDS) > 200_000:
        _KINDS.clear()
    _KINDS[id(term)] = (term, kind)
    return kind
