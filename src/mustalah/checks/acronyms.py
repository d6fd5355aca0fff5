"""Acronym rules: wrong acronym after a name, missing in the target, unknown."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..matching.nearmiss import within_one_edit
from ..model import Finding
from .base import Rule, SideView, UnitContext
from .embedded import arabic_construct_head, longer_name_acronym, premodifiers
from .name_heads import named_before
from .policy import is_official_name

_PAREN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&'.\-]*[A-Z0-9](?:\s*/\s*[A-Z][A-Za-z0-9&.\-]*)*)\s*\)")


class AcronymMismatch(Rule):
    """A name followed by the acronym of another concept.

    What it catches:
        ``Name (ACRONYM)`` where the acronym in parentheses belongs to a different
        termbase concept than the name before it.  Not when the name is part of a
        longer one the termbase lacks and the acronym starts like that longer name
        (``the Subregional Service on Biodiversity (SSB)``), unless the two concepts are
        listed as confusable; not when the name before it is vocabulary, and not
        when the words of the acronym's own name stand before it in another form
        (``لجنة مجلس الأمن لمكافحة الإرهاب (CTC)``), or with one letter off
        (``منظمة الأغذية والزرعة للأمم المتحدة (الفاو)``, TM006's near miss): the acronym is trusted.
    Why it matters:
        The acronym is how readers (and search) identify the body afterwards; a
        wrong one silently swaps two bodies.
    Example:
        en: the United Nations Counter-Terrorism Centre (UNCCT)
        ar: مركز الأمم المتحدة لمكافحة الإرهاب (UNOCT)
    Use instead:
        ar: مركز الأمم المتحدة لمكافحة الإرهاب (UNCCT)
    Suppress:
        `mustalah: ignore AC001` in the unit's note.
    """

    code = "AC001"
    name = "acronym-mismatch"
    category = "acronym"
    severity = "error"
    #: pre-filter (checks.prefilter): a name followed by another concept's acronym: two matches
    needs = ("match",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for mention in view.mentions():
                if not mention.paired_other:
                    continue
                assert mention.name is not None and mention.acronym is not None
                concept = ctx.termbase.get(mention.name.concept_id)
                other = ctx.termbase.get(mention.acronym.concept_id)
                if (
                    concept is not None
                    and other is not None
                    and (other.id in concept.related or concept.id in other.related)
                    and other.id not in concept.confusable
                ):
                    continue  # e.g. the GCC Secretariat's name followed by (GCC)
                confusable = (
                    other is not None
                    and concept is not None
                    and (other.id in concept.confusable or concept.id in other.confusable)
                )
                if not confusable and longer_name_acronym(
                    mention.acronym.term.text, premodifiers(view, mention.name)
                ):
                    continue  # the acronym of a longer name (the Subregional Service on …), shared by chance
                if concept is not None and not is_official_name(concept):
                    continue  # vocabulary (لمكافحة الإرهاب) inside a longer name: no body's acronym to swap
                if other is not None and not confusable and named_before(view, other, mention.acronym.start):
                    continue  # the acronym's own name stands before it, another way: trust the acronym
                name = mention.name
                if other is not None and _misspelt_before(view, other.id, name.start, name.end):
                    continue  # لمنظمة الأغذية والزرعة للأمم المتحدة (الفاو): its own name a letter off
                right = concept.acronyms(view.lang) or concept.acronyms() if concept else ()
                acr = mention.acronym
                yield self.finding(
                    ctx,
                    view,
                    acr.start,
                    acr.end,
                    f"'{acr.term.text}' is the acronym of {acr.concept_id}, but the name before it is "
                    f"{mention.name.concept_id}",
                    concept=mention.name.concept_id,
                    suggestion=right[0].text if right else None,
                )


def _misspelt_before(view: SideView, concept_id: str, start: int, end: int) -> bool:
    """Whether the name before the acronym (``start``–``end``, UN's ``للأمم المتحدة``) is the tail of
    the acronym's own name with a letter off (``لمنظمة الأغذية والزرعة للأمم المتحدة (الفاو)``, a
    near miss of FAO): the acronym is right, and the slip is TM006's to report."""
    return any(
        nm.kind == "edit" and concept_id in nm.concepts and nm.start <= start and end <= nm.end
        for nm in view.near_misses
    )


class AcronymMissing(Rule):
    """An acronym in the source that the target drops or changes.

    What it catches:
        The source introduces a name with its acronym in parentheses
        (``… (UNCCT)``), the target renders the name but gives no acronym of that
        concept anywhere in the unit.  Bare acronyms used as short references are
        not required in Arabic, which often repeats the name instead.
    Why it matters:
        UN Arabic press releases keep the Latin acronym in parentheses after the
        first mention; dropping it breaks the link readers use later in the text.
        UN documents and resolutions often drop it, so this is a note, not a
        warning.
    Example:
        en: the Counter-Terrorism Committee Executive Directorate (CTED)
        ar: المديرية التنفيذية للجنة مكافحة الإرهاب
    Use instead:
        ar: المديرية التنفيذية للجنة مكافحة الإرهاب (CTED)
    Suppress:
        `mustalah: ignore AC002` in the unit's note.
    """

    code = "AC002"
    name = "acronym-missing"
    category = "acronym"
    #: a note: UN Arabic documents often give the name without the Latin acronym (S/RES/2214 (2015))
    severity = "info"
    #: pre-filter (checks.prefilter): a source acronym whose name the target has
    needs = ("source:match", "target:match")
    scope = "bilingual"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None:
            return
        tgt = ctx.target
        target_acronyms = {m.concept_id for m in tgt.matches if m.term.is_acronym}
        # A name followed by any parenthesis counts as "acronym given" (AC001/AC004 judge its content).
        target_acronyms |= {
            m.concept_id
            for m in tgt.matches
            if not m.term.is_acronym
            and ("(" in m.surface or tgt.text[m.end : m.end + 3].lstrip().startswith("("))
        }
        target_names = {m.concept_id for m in tgt.matches if not m.term.is_acronym}
        reported: set[str] = set()
        for mention in ctx.source.mentions():
            m = mention.acronym
            if m is None or mention.name is None or mention.paired_other:
                continue
            if (
                m.concept_id in target_acronyms
                or m.concept_id in reported
                or m.concept_id not in target_names
            ):
                continue
            concept = ctx.termbase.get(m.concept_id)
            if concept is None:
                continue
            reported.add(m.concept_id)
            tgt_acr = concept.acronyms(ctx.target.lang) or concept.acronyms()
            yield self.finding(
                ctx,
                ctx.source,
                m.start,
                m.end,
                f"the acronym '{m.term.text}' ({m.concept_id}) is not in the target",
                concept=m.concept_id,
                suggestion=f"({tgt_acr[0].text})" if tgt_acr else None,
            )


class AcronymUnknown(Rule):
    """An acronym in parentheses that the termbase does not know.

    What it catches:
        A Latin upper-case acronym in parentheses that is no term of the termbase
        (``(UNCTT)``), in either language.
    Why it matters:
        Either a typo in an official acronym or a body missing from the termbase —
        both worth a look by the terminologist.  When the acronym follows a name
        and is one edit from that name's acronym (``UNDOC`` for ``UNODC``), it is an
        error — unless the name is part of a longer one whose initials the acronym
        starts with (``the Standing Division on Cybersecurity (SDC)``, not ``DC``), or,
        in Arabic, the name stands in construct with a noun before it and the acronym
        adds a letter to its own (``لجمعية الأمم المتحدة (UNA)``, the UN Association):
        then the acronym is only unknown, a note.
        A termbase acronym the text spells out as something else
        (``epizootic catarrhal enteritis (ECE)``) is not reported: it is known.
    Example:
        en: the Centre (UNCTT)
        ar: المركز (UNCTT)
    Use instead:
        en: the Centre (UNCCT) — or add the body to the termbase.
    Suppress:
        `ignore = ["AC004"]` in `[tool.mustalah]`.
    """

    code = "AC004"
    name = "acronym-unknown"
    category = "acronym"
    severity = "info"
    #: pre-filter (checks.prefilter): an acronym in parentheses
    needs = ("paren",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            covered = [(m.start, m.end) for m in view.matches if m.term.is_acronym]
            redefined = view.memo.get("redefined", frozenset())  # spelt out as another name here
            for hit in _PAREN_ACRONYM.finditer(view.text):
                start, end = hit.span(1)
                token = hit.group(1)
                if sum(ch.isupper() for ch in token) < 2:
                    continue
                if any(s <= start and end <= e for s, e in covered) or token in redefined:
                    continue
                parts = [p.strip() for p in token.split("/")]
                if len(parts) > 1 and all(
                    any(s <= view.text.find(p, start) < e for s, e in covered) for p in parts
                ):
                    continue
                close = self._close_acronym(ctx, view, hit.start(), token)
                if close is not None:
                    concept_id, right = close
                    yield self.finding(
                        ctx,
                        view,
                        start,
                        end,
                        f"'{token}' after the name of {concept_id} differs from its acronym '{right}'",
                        concept=concept_id,
                        suggestion=right,
                        severity="error",
                    )
                    continue
                yield self.finding(
                    ctx,
                    view,
                    start,
                    end,
                    f"'{token}' is not an acronym in the termbase",
                )

    @staticmethod
    def _close_acronym(ctx: UnitContext, view: SideView, paren: int, token: str) -> tuple[str, str] | None:
        """The acronym of the name just before ``(`` when ``token`` is one edit from it (UNDOC/UNODC)."""
        before = [m for m in view.matches if m.end <= paren and not view.text[m.end : paren].strip()]
        if not before:
            return None
        concept = ctx.termbase.get(before[-1].concept_id)
        if concept is None or longer_name_acronym(token, premodifiers(view, before[-1])):
            return None  # (SDC) after the Standing Division on …: the longer name's acronym
        head = arabic_construct_head(view, before[-1])
        for acr in concept.acronyms():
            extends = len(token) > len(acr.text) and acr.text in (
                token[: len(acr.text)],
                token[-len(acr.text) :],
            )
            if head and extends:
                continue  # (UNA) after لجمعية الأمم المتحدة: the longer name's (the UN Association)
            if within_one_edit(token, acr.text):
                return concept.id, acr.text
        return None
