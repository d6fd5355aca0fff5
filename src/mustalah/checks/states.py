"""Member State names: the UN short name, as the termbase records it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..matching.types import TermMatch
from ..model import Finding
from ..termbase.model import Concept, Status
from .base import Rule, SideView, UnitContext
from .terms import preferred_for, suggest

STATE_DOMAIN = "member-states"


class StateShortName(Rule):
    """A Member State named otherwise than by its UN short name.

    What it catches:
        A Member State (termbase domain ``member-states``) written in a form other
        than its preferred UN short name: a non-UN or outdated name (``Ivory Coast``,
        ``Swaziland``, ``North Korea``) is an error; a former official name
        (``Turkey`` before 2022: right in a text of its time) a warning; a formal or
        alternative name that the termbase admits (``Kingdom of Saudi Arabia``) an
        info note.  Not where the other side itself uses a non-UN name: a
        translation of a letter's "south Korean puppet forces" renders the source, and
        a history that gives the old name beside the new ("Burma, now Myanmar" =
        ``بورما، ميانمار حالياً``, in the same order, no more often) renders it too;
        nor in a person's name (``Mr. Jack Holland``, ``السيد جاك هولاند``; ``كلاوس
        توبفر``, Klaus, is no ك + لاوس), nor inside quotation marks (a title cited as it
        was published), nor where the name is a word (``من بنين وبنات``, "boys and girls",
        is not Benin's press name).  In Arabic
        text with no source, a warning: whether a translation keeps its
        author's wording (a Member State's letter) cannot be told — and a note
        where the UN name stands beside it (a history, ``بورما، ميانمار حالياً``).
        TM002 and TM009 leave Member States to this rule.
    Why it matters:
        UN texts name States by the short names of the UN's official list (UNTERM,
        the Protocol list); other names can carry political meaning.
    Example:
        en: the delegation of Ivory Coast
        ar: وفد كوت ديفوار
    Use instead:
        en: the delegation of Côte d'Ivoire
    Suppress:
        `mustalah: ignore ST007` in the unit's note.
    """

    code = "ST007"
    name = "state-short-name"
    category = "style"
    severity = "error"
    #: pre-filter (checks.prefilter): a match of a State's name that is not the preferred one
    needs = ("match:not-preferred",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for m in view.matches:
                if m.term.status is Status.PREFERRED:
                    continue
                concept = ctx.termbase.get(m.concept_id)
                if concept is None or concept.domain != STATE_DOMAIN:
                    continue
                better = preferred_for(concept, m.term, m.term.lang)
                if better is None or better.text == m.term.text:
                    continue
                admitted = m.term.status is Status.ADMITTED
                # a former official name (Turkey before 2022) may be right for the text's date: look
                former = m.term.status is Status.SUPERSEDED
                other = ctx.target if view is ctx.source else ctx.source
                if other is not None and other.text.strip() and _mirrors(other, concept, view, m):
                    continue  # the source itself uses a non-UN name ("south Korean puppet forces")
                if _PERSON_BEFORE.get(view.lang[:2], _PERSON_BEFORE["en"]).search(view.text, 0, m.start):
                    continue  # "Mr. Jack Holland (Australia)": a person's name, not the State
                if _quoted(view.text, m.start):
                    continue  # "… Development in Vietnam": a title is cited as it was published
                if m.clitics.endswith("ك") and len(m.surface.split()) == 1:
                    continue  # كلاوس توبفر (Klaus Töpfer): a name that reads as ك + لاوس, not "as Laos"
                if m.term.text == "بنين" and _BOYS_AND_GIRLS.search(
                    view.text[max(0, m.start - 8) : m.end + 10]
                ):
                    continue  # من بنين وبنات, "boys and girls": the word, not Benin's press name
                why = f" ({m.term.note})" if m.term.note else ""
                yield self.finding(
                    ctx,
                    view,
                    m.start,
                    m.end + _tail_present(view.text, m.end, m.surface, better.text),
                    f"the UN short name of this Member State is '{better.text}'{why}",
                    concept=m.concept_id,
                    suggestion=suggest(m, better),
                    # a former name in the source is the source's date, not the translator's slip
                    # Arabic alone that gives the UN name beside it ("بورما، ميانمار حالياً"): a history
                    severity="info"
                    if admitted
                    or (former and view is ctx.source)
                    or (ctx.target is None and _beside(view, concept, m) is not None)
                    else "warning"
                    if former or (ctx.target is None and view.lang.startswith("ar"))
                    else None,
                )


#: ``بنين`` beside ``بنات``: "boys and girls", not Benin (whose press name is ``بنين``).
_BOYS_AND_GIRLS = re.compile(r"بنين\s+و\s?(?:ال)?بنات|بنات\s+و\s?(?:ال)?بنين")

#: An honorific and up to three given names just before a match: the match is a family name.
_PERSON_BEFORE = {
    "en": re.compile(
        r"\b(?:Mr|Ms|Mrs|Miss|Dr|Sir|Dame|Lord|Judge|Professor|Prof)\.?\s+(?:[A-Z][\w'’.-]*\s+){1,3}$"
    ),
    "ar": re.compile(
        r"(?:^|\s)[وف]?(?:ل|ب)?(?:ال)?(?:سيد|سيدة|دكتور|دكتورة|سعادة|قاضي|قاضية|أستاذ|أستاذة)\s+(?:\S+\s+){1,3}$"
    ),
}


def _tail_present(text: str, end: int, surface: str, better: str) -> int:
    """How much of the text after a match already is the rest of the UN name (``فنزويلا`` +
    `` البوليفارية`` for جمهورية فنزويلا البوليفارية): the finding covers it too, so that its
    suggestion replaces it instead of writing it twice."""
    words, last = better.split(), surface.split()[-1] if surface.split() else ""
    if last not in words:
        return 0
    rest = " " + " ".join(words[words.index(last) + 1 :])
    return len(rest) if rest.strip() and text.startswith(rest, end) else 0


def _quoted(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a quotation ("…" or “…”): a cited title or a quoted text."""
    before = text[:start]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def _beside(view: SideView, concept: Concept, m: TermMatch) -> bool | None:
    """Whether the non-UN name ``m`` stands beside the State's UN name on its side, as a history
    gives them ("Burma, now Myanmar", ``ميانمار (بورما سابقا)``): True when the old name comes
    first, False when the UN name does, None when they are not within a few words."""
    for a in view.matches:
        if a.concept_id != concept.id or not a.term.approved:
            continue
        gap = a.start - m.end if a.start >= m.end else m.start - a.end
        if 0 <= gap <= _BESIDE:
            return m.start < a.start
    return None


#: Characters between an old name and the UN name beside it ("، ميانمار حالياً", " (formerly ").
_BESIDE = 30


def _mirrors(view: SideView, concept: Concept, this: SideView, m: TermMatch) -> bool:
    """Whether ``view`` (the other side) gives the non-UN name that ``m`` stands for on ``this``
    side: it names the State by a non-UN form and never by its UN name (a faithful translation
    of a letter's "south Korean puppet forces"), or gives an old name beside the new as ``this``
    side does at ``m``, in the same order and no less often ("U Thant (Burma, now Myanmar)" =
    ``يو ثانت (بورما، ميانمار حالياً)``)."""
    text = view.text.casefold()
    places = sorted(
        found.start()
        for t in concept.terms_in(view.lang)
        if not t.approved
        for found in re.finditer(re.escape(t.text.casefold()), text)
    )
    if not places:
        return False
    new = [a for a in view.matches if a.concept_id == concept.id and a.term.approved]
    if not new:
        return True  # (by match: "Republic of Korea" inside "Democratic People's Republic of Korea" is none)
    order = _beside(this, concept, m)
    old_here = sum(1 for a in this.matches if a.concept_id == concept.id and not a.term.approved)
    if order is None or old_here > len(places):
        return False  # "Myanmar (formerly Burma) … In Myanmar" = "… وفي بورما": a slip, not the history
    nearest = min(new, key=lambda a: abs(a.start - places[0]))
    return (places[0] < nearest.start) is order
