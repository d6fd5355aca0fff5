"""Wrong-entity rules: the target names another body, or a body that does not exist."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..matching.nearmiss_words import TOKEN
from ..model import Finding, Severity
from ..termbase.model import Concept
from ..text.arabic import attach_clitics
from ..text.normalize import fold_key
from .base import Rule, SideView, UnitContext
from .partial import partial_names
from .policy import is_official_name


class TermWrongEntity(Rule):
    """The target names a concept the source does not mention.

    What it catches:
        The reverse check: a termbase concept found in the target whose concept
        the source never mentions.  When a confusable concept (Centre/Committee,
        UNCCT/UNOCT, CTC/CTED) is in the source, it is an error — a note when the
        source also has every word that tells the two apart in a form the termbase
        lacks (``ISIL (Da'esh) & Al-Qaida Sanctions`` beside ``the 1988
        Committee``); otherwise an info note (the source may use a short form the
        termbase does not list).  Not a name inside a damaged longer name (``الأمم
        المتحدة`` in UNHCR's ``… لشئون اللاجئين``): TM006 reports that name.
    Why it matters:
        Confusing sibling bodies changes who did what; revisers catch it only by
        reading both sides.
    Example:
        en: the United Nations Counter-Terrorism Centre
        ar: مكتب الأمم المتحدة لمكافحة الإرهاب
    Use instead:
        ar: مركز الأمم المتحدة لمكافحة الإرهاب
    Suppress:
        `mustalah: ignore TM007` in the unit's note.
    """

    code = "TM007"
    name = "term-wrong-entity"
    category = "term-wrong-entity"
    severity = "error"
    #: pre-filter (checks.prefilter): every finding is a target match
    needs = ("target:match",)
    scope = "bilingual"
    #: another concept's acronym after a name (AC001), a part of a damaged name (TM006, TM008)
    yields_to = ("AC001", "TM006", "TM008")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None:
            return
        src, tgt = ctx.source, ctx.target
        in_source = src.concept_counts()
        damaged = [(nm.start, nm.end) for nm in tgt.near_misses]
        for m in tgt.matches:
            if m.concept_id in in_source:
                continue
            if any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in damaged):
                continue  # a word of a damaged name (UNHCR's لشئون … الأمم المتحدة): TM006 reports the name
            if any(m.concept_id in nm.concepts for nm in partial_names(ctx, src)):
                continue  # the source names it with a word missing or changed: TM006 reports that
            concept = ctx.termbase.get(m.concept_id)
            if concept is None:
                continue
            confused = [c for c in concept.confusable if c in in_source]
            confused += [
                c for c in in_source if m.concept_id in getattr(ctx.termbase.get(c), "confusable", ())
            ]
            if confused:
                other = ctx.termbase.get(confused[0])
                right = other.preferred(tgt.lang, m.term.gender) if other else None
                # the source gives the words that tell this body from the other, in a form the
                # termbase lacks (two Committees: ISIL (Da'esh) & Al-Qaida Sanctions and the 1988
                # Committee): both bodies are named, none is put for the other — a note
                told = other is not None and _source_tells_apart(src, concept, other)
                yield self.finding(
                    ctx,
                    tgt,
                    m.start,
                    m.end,
                    f"the target names {m.concept_id} but the source has {confused[0]} (often confused)"
                    + ("; the source has words of its name too, in another form" if told else ""),
                    concept=m.concept_id,
                    suggestion=attach_clitics(m.clitics, right.text) if right and not told else None,
                    severity="info" if told else None,
                )
            elif (
                is_official_name(concept)
                and not _source_may_name(ctx, src, concept)
                and m.concept_id not in _acronyms_after_names(src)  # last: seldom reached
            ):
                # vocabulary is paraphrased freely: no note
                yield self.finding(
                    ctx,
                    tgt,
                    m.start,
                    m.end,
                    f"the target names {m.concept_id} ('{m.term.text}'), which the source does not mention",
                    concept=m.concept_id,
                    severity="info",
                )


def _acronyms_after_names(src: SideView) -> set[str]:
    """The concepts whose acronym follows a name in the source ("the Office of the UN High
    Commissioner for Refugees (UNHCR)": UNHCR is named, after its head's title)."""
    return {mn.acronym.concept_id for mn in src.mentions() if mn.name is not None and mn.acronym is not None}


#: An acronym of three or more capitals (MINUSCA, FARDC, UNFICYP), with an optional s or -.
_ACRONYM = re.compile(r"\b[A-Z][A-Z-]{2,}[a-z]?\b")


def _source_may_name(ctx: UnitContext, src: SideView, concept: Concept) -> bool:
    """Whether the source names the concept in a way the matcher does not count: inside a
    longer name it matched (``United Nations entities`` holds ``United Nations``), or inside an
    acronym the termbase does not know (``MINUSCA`` is بعثة الأمم المتحدة … في جمهورية أفريقيا
    الوسطى, ``FARDC`` القوات المسلحة لجمهورية الكونغو الديمقراطية)."""
    names = [fold_key(t.text) for t in concept.terms_in(src.lang) if not t.is_acronym]
    for m in src.matches:
        if m.concept_id != concept.id and any(_has_words(fold_key(m.surface), name) for name in names):
            return True
    known = {m.surface for m in src.matches if m.term.is_acronym}
    return any(a.group() not in known for a in _ACRONYM.finditer(src.text))


def _source_tells_apart(src: SideView, concept: Concept, other: Concept) -> bool:
    """Whether the source has every word (two or more) that one of ``concept``'s names has and
    none of ``other``'s names has: ``ISIL``, ``Da'esh``, ``Qaida`` of the 1267 Committee beside the
    1988 Committee.  The Office and the Centre differ by one word only, so a source naming the
    Centre never tells the Office apart."""
    theirs = {w for t in other.terms_in(src.lang) for w in TOKEN.findall(fold_key(t.text))}
    words = set(TOKEN.findall(src.folded.key))
    for term in concept.terms_in(src.lang):
        if term.is_acronym or not term.approved:
            continue
        own = {w for w in TOKEN.findall(fold_key(term.text)) if len(w) > 2} - theirs
        if len(own) >= 2 and own <= words:
            return True
    return False


def _has_words(text: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


class NoSuchEntity(Rule):
    """A name built on a known name frame with another head: no such body exists.

    What it catches:
        A phrase that is an official name with its head word replaced by another
        entity head — ``للجنة الأمم المتحدة لمكافحة الإرهاب`` has the frame of the
        Centre (مركز) and the Office (مكتب) with "Committee" (لجنة) as its head.
    Why it matters:
        There is no "United Nations Counter-Terrorism Committee"; the reader cannot
        tell which body was meant.  Works on Arabic-only text too (a warning there);
        an error when the other side names one of the bodies (the head was changed in
        translation), unless it names it only by an acronym in parentheses after
        another name (a body the termbase lacks that shares the acronym); an info
        note when neither side does (perhaps a body the termbase lacks).  Nothing
        when the other side has the same name with the same word changed (``the
        International Fund on Money-Laundering``): both name a body the termbase
        lacks, and the translation is faithful.
    Example:
        en: the United Nations Counter-Terrorism Centre's virtual discussion
        ar: حلقة النقاش الافتراضية للجنة الأمم المتحدة لمكافحة الإرهاب
    Use instead:
        ar: حلقة النقاش الافتراضية لمركز الأمم المتحدة لمكافحة الإرهاب
    Suppress:
        `mustalah: ignore TM008` in the unit's note.
    """

    code = "TM008"
    name = "no-such-entity"
    category = "term-wrong-entity"
    severity = "error"
    #: pre-filter (checks.prefilter): every finding is a frame near miss
    needs = ("near:frame",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            other = ctx.source if view is ctx.target else ctx.target
            mentioned = other.concept_counts() if other is not None else {}
            for nm in view.near_misses:
                if nm.kind != "frame":
                    continue
                # the frames of bodies, posts and named programmes: a generic concept's frame
                # (جهاز الأمم المتحدة الإنمائي, the development system) names no body
                bodies = [c for c in nm.concepts if _a_name(ctx.termbase.get(c))]
                if not bodies:
                    continue
                if (
                    other is not None
                    and not any(c in mentioned for c in bodies)
                    and any(_same_frame(other, ctx.termbase.get(c)) for c in bodies)
                ):
                    continue  # the other side names the same unlisted body: a faithful rendering
                likely = [c for c in bodies if c in mentioned] or bodies
                suggestion = None
                if len(likely) == 1:
                    concept = ctx.termbase.get(likely[0])
                    term = concept.preferred(view.lang) if concept else None
                    if term is not None:
                        suggestion = attach_clitics(nm.clitics, term.text)
                found = nm.differing[0][0]
                named = bool(likely) and likely[0] in mentioned and not _only_stray_acronym(other, likely[0])
                severity: Severity
                if other is None:
                    severity = "warning"  # Arabic-only text: no source to say which body was meant
                elif named:
                    severity = "error"  # the other side names one of the bodies: the head was changed
                else:
                    severity = "info"  # perhaps a body the termbase lacks
                yield self.finding(
                    ctx,
                    view,
                    nm.start,
                    nm.end,
                    f"no such body in the termbase: the name frame of {' / '.join(bodies)} with the "
                    f"head '{found}'" + (f"; the other side names {likely[0]}" if named else ""),
                    concept=likely[0] if len(likely) == 1 else None,
                    suggestion=suggestion,
                    severity=severity,
                )


def _a_name(concept: Concept | None) -> bool:
    return concept is not None and is_official_name(concept)


def _only_stray_acronym(other: SideView | None, concept_id: str) -> bool:
    """The other side names the concept only by its acronym in parentheses after a name that
    is not the concept's: a body the termbase lacks whose acronym another body shares (the
    Forum on … (FCCCA) and the Facility on … (FCCCA)), not a head changed in translation."""
    if other is None:
        return False
    mine = [m for m in other.mentions() if m.concept_id == concept_id]
    return bool(mine) and all(
        m.name is None and m.acronym is not None and other.text[: m.acronym.start].rstrip().endswith("(")
        for m in mine
    )


def _same_frame(other: SideView, concept: Concept | None) -> bool:
    """The other side has one of the concept's names with exactly one word changed (the
    International Fund on Money-Laundering for the International Programme on …): it names
    the same body the termbase lacks, so the frame on this side renders it faithfully."""
    if concept is None:
        return False
    words = TOKEN.findall(other.folded.key)
    for term in concept.terms_in(other.lang):
        if term.is_acronym:
            continue
        toks = TOKEN.findall(fold_key(term.text))
        n = len(toks)
        if n < 2:
            continue
        for i in range(len(words) - n + 1):
            if sum(a != b for a, b in zip(words[i : i + n], toks, strict=True)) == 1:
                return True
    return False
