"""TM001: a source name whose concept the target does not render (the other term rules, for
deprecated, variant and admitted forms, are in ``checks/terms.py``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from ..matching.types import TermMatch
from ..model import Finding
from ..termbase.model import Concept, Status
from .base import Rule, SideView, UnitContext
from .embedded import coordinated_renderings, gapped_renderings, premodifiers, un_adjective_renderings
from .name_heads import (
    anaphor_renderings,
    head_alone,
    head_in_view,
    nested_renderings,
    person_spelt_otherwise,
    trace_in_view,
    trace_is_another_name,
)
from .partial import partial_names
from .policy import NAME_DOMAINS, is_official_name
from .reshaped import PARENT_BODIES, indefinite_renderings, reshaped_renderings
from .state_adjectives import adjective_renderings


def _generic_word(m: TermMatch, concept: Concept) -> bool:
    """A one-word common noun (decision, resolution, chief): too generic to require."""
    return (
        m.tokens == 1
        and not m.term.is_acronym
        and (m.term.pos == "noun" or concept.domain in ("concepts", "posts"))
    )


def _generic_use(m: TermMatch, concept: Concept) -> bool:
    """A capitalized programme or instrument name written in lower case ("through centres of
    excellence on the African continent"): the text uses the words, not the name (``مراكز الامتياز``
    renders them as well as the termbase's form)."""
    return (
        concept.domain not in NAME_DOMAINS
        and not m.term.is_acronym
        and m.term.text[:1].isupper()
        and m.surface == m.surface.lower()
        and any(c.isalpha() for c in m.surface)
    )


def _opens_longer_name(view: SideView, m: TermMatch) -> bool:
    if view.lang != "en":
        return False
    rest = view.text[m.end : m.end + 40]
    if m.term.is_acronym and rest[:1] in "-\u2010\u2011" and rest[1:2].isupper():
        return True  # UNU-IAS, UNU-WIDER: a longer acronym, an institute of the body (المعهد)
    return rest[:1] == " " and rest[1:2].isupper() and not rest[1:].startswith(("I ", "A "))


#: An indefinite article before a source term ("a Special Envoy", "a dedicated Counter-Terrorism
#: Committee", one lower-case word between): the Arabic drops the articles.
_INDEFINITE = re.compile(r"(?<![A-Za-z])(?i:an?)\s+(?:[a-z][a-z-]*\s+)?$")
#: A number or a quantifier right before a name ("five Member States", "any Member State", "2 Member
#: States"): Arabic counts the bare head (5 دول، أي دولة), which is then no trace of a slip.
_COUNTED = re.compile(
    r"(?<![A-Za-z])(?:\d[\d,]*|(?i:an?|any|each|every|no|some|several|many|other|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|fifteen|twenty|hundred|thousand))\s+$"
)


def _in_its_place(ctx: UnitContext, concept: Concept) -> str | None:
    """A target name of the concept's kind (a body for a body, a title for a title) whose concept
    the source does not name: the text a wrong name put in this one's place."""
    assert ctx.target is not None
    named = ctx.source.concept_counts()
    for m in ctx.target.matches:
        if m.concept_id in named or m.concept_id == "UN":  # the Organization is named by context
            continue
        other = ctx.termbase.get(m.concept_id)
        # an honorific (السيد، السيدة) names the person the title stood for: "the USG arrived" =
        # وصل السيد لوكوك, no other title in its place
        if other is not None and other.domain == concept.domain and other.subject != "honorifics":
            return ctx.target.text[m.start : m.end]
    return None


class TermMissing(Rule):
    """A source term whose concept is not rendered in the target.

    What it catches:
        A termbase concept mentioned in the source more often than in the target.
        Only official names demand a rendering: bodies, posts, people, Member States
        and named instruments or programmes (capitalized in English); subject-field
        vocabulary (``acts of terrorism``) has many correct renderings and TM002
        checks its deprecated forms only.  Mentions are counted: two mentions in the
        source need two in the target; a concept named fewer times than in the source
        (a pronoun or an anaphor may stand for the others) is an info note, a concept
        not named at all a warning — never an error: on unseen real UN text most
        "missing" names were rendered in a form the termbase did not list.  Even the
        warning needs a trace of a slip: something of the name in the target (its
        head in another form, ``المركز الدولي`` for the UN Centre, ``الأمين`` cut from
        ``الأمين العام``; or every word after the head, under another head) or another
        name of its kind in its place (``UNCCT`` →
        ``مجلس الأمن``, which the source does not name).  The head heading another body's
        name, one the source gives by an acronym the termbase lacks (``المجلس الانتقالي
        الجنوبي`` for "the STC"), is no such trace.  A person's given name followed
        by the surname spelt otherwise (``أنطونيو غوتيرس``) is such a trace, and the
        message quotes it.  With nothing of it there the
        name was left out (a headline's "UNHCR's Grandi" = ``غراندي``) or put in words
        no list holds (``أي عضو`` for "any Member State"): a note — in the first
        reviews of blind sets 20 to 38, 3 of 25 such warnings were slips.  After a
        number or a quantifier ("five Member States" = ``5 دول``) only the head with
        its article counts as a trace: Arabic counts the bare head.  So is a
        title whose head stands in the target (``مبعوثة``, ``المنسقين``, ``رئيسة``) a
        note: in the blind sets' first reviews such findings on titles were 1 right of
        9 (a body's head, ``المركز الدولي`` for the UN Centre, may be a wrong name, and
        stays a warning, but its definite head standing alone, ``ورتبت الإدارة`` for
        "the Department of Public Information arranged", is a note); so is the United
        Nations itself, which a translation names by context (``a UN peacekeeper`` =
        ``أحد أفراد حفظة السلام``).  A source naming a body by its former name
        expects the Arabic of that time (``إدارة شؤون الإعلام`` in a 2015 document).  A name
        with its acronym in parentheses counts as one mention; an acronym alone may
        be rendered by the name's definite head
        (``UNODC`` → ``المكتب``).  Grammar reshapes names and these count as
        renderings: a genitive inside a construct title (``وزير خارجية الأردن``), an
        indefinite title owned by ل (``مستشار خاص للأمين العام``), a pronoun for the
        genitive (``نائبه``), a parent body written out (``لجنة مجلس الأمن لمكافحة
        الإرهاب``), two heads before one name (``مراكز ودوائر الأمم المتحدة للإعلام``),
        a construct name made indefinite after "a"/"an" (``محكمة عدل دولية``; "a dedicated
        Counter-Terrorism Committee" = ``لجنة تابعة للمجلس مكرسة لمكافحة الإرهاب``), a title made
        indefinite with its adjective first (``كمفوض سام للأمم المتحدة لشؤون اللاجئين``), the
        adjective "UN" put into a title (``المبعوث الأممي الخاص`` for the Special Envoy). A target mention
        in a deprecated or variant form, or a near miss of it (one word changed or
        missing, a curated confusion), counts as present (TM002/TM003/TM006/TM008/SP001
        report those).  An acronym the English spells out as something else just
        before it (``epizootic catarrhal enteritis (ECE)``: initials that agree, words
        that share nothing with the body's names) is not the body, in that unit.
        Source mentions made only by a short form (``the Secretariat``) are not
        required: they are anaphors, rendered freely; nor are one-word common nouns
        (``decision``, ``chief``).  A Member State not found is an info note: Arabic
        often renders it by an adjective (``المركز الصيني`` for the China Center).
        A term inside a longer name the termbase lacks (``the Regional Platform on
        Money-Laundering``) is rendered when the Arabic has it with the premodifiers
        after the head (``المنصة الإقليمية المعنية بغسل الأموال``); a noun + adjective
        term in a coordination (``international and regional organizations``) when
        the Arabic shares the noun (``المنظمات الدولية والإقليمية``).
    Why it matters:
        Official names, posts and concepts must be rendered, and rendered with the UN
        form; a dropped or paraphrased name is the commonest terminology error.
    Example:
        en: The United Nations Counter-Terrorism Centre (UNCCT) launched…
        ar: أطلق المركز الدولي لمكافحة الإرهاب…
    Use instead:
        ar: أطلق مركز الأمم المتحدة لمكافحة الإرهاب (UNCCT)…
    Suppress:
        `mustalah: ignore TM001` in the unit's note, or `ignore = ["TM001"]` in
        `[tool.mustalah]`.  `count = false` in `[tool.mustalah.rules.TM001]` asks only
        that each concept appear once in the target.
    """

    code = "TM001"
    name = "term-missing"
    category = "term-missing"
    #: a warning: "not found" is never unambiguous — real translations render names by
    #: pronouns, possessives, case forms and short forms no termbase lists (corpora/real/blind*)
    severity = "warning"
    #: pre-filter (checks.prefilter): every finding is a source match the target does not render
    needs = ("source:match",)
    scope = "bilingual"
    #: ``count = false`` in ``[tool.mustalah.rules.TM001]``: one target mention satisfies any number
    #: of source mentions (for translations that replace repeated names by anaphors).
    defaults: ClassVar[Mapping[str, Any]] = {"count": True}

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None:
            return
        src, tgt = ctx.source, ctx.target
        wanted = src.concept_counts(short_forms=False)
        have = tgt.concept_counts()
        near = [
            n.concepts for n in tgt.near_misses if n.kind in ("edit", "frame", "confusion") and n.concepts
        ]
        near += [n.concepts for n in partial_names(ctx, tgt)]
        if near:  # a near miss of the concept in the target (TM006/TM008 report it) is a rendering
            have = dict(have)
            for concepts in near:
                # a frame close to two bodies (Office / Centre) renders the one the source wants
                short = [c for c in concepts if wanted.get(c, 0) > have.get(c, 0)]
                concept_id = short[0] if short else concepts[0]
                have[concept_id] = have.get(concept_id, 0) + 1
        counting = bool(self.option(ctx, "count"))
        for concept_id, count in wanted.items():
            missing = count - have.get(concept_id, 0) if counting else (0 if have.get(concept_id) else 1)
            # named, but fewer times: a pronoun or an anaphor often stands for the rest — a note
            fewer = have.get(concept_id, 0) > 0
            if missing <= 0:
                continue
            concept = ctx.termbase.get(concept_id)
            if concept is None:
                continue
            target_term = concept.preferred(tgt.lang)
            if target_term is None:
                continue
            occurrences = [m for m in src.matches if m.concept_id == concept_id and not m.term.is_acronym]
            occurrences = occurrences or [m for m in src.matches if m.concept_id == concept_id]
            if not is_official_name(concept) or all(
                _generic_word(m, concept) or _generic_use(m, concept) for m in occurrences
            ):
                continue  # subject-field vocabulary has many renderings: TM002 checks its deprecated forms
            if any(premodifiers(src, m) for m in occurrences):
                # inside a longer name (the Regional Platform on …): Arabic puts the
                # premodifiers after the head, so the term is there with a gap
                missing -= gapped_renderings(tgt, concept)
                if missing <= 0:
                    continue
            missing -= coordinated_renderings(tgt, concept)  # المنظمات الدولية والإقليمية
            missing -= un_adjective_renderings(tgt, concept)  # المبعوث الأممي الخاص
            if missing <= 0:
                continue
            missing -= reshaped_renderings(tgt, concept, ctx.termbase)  # وزير خارجية الأردن
            missing -= adjective_renderings(tgt, concept)  # the Government of Jordan = الحكومة الأردنية
            if any(_INDEFINITE.search(src.text[max(0, m.start - 30) : m.start]) for m in occurrences):
                missing -= indefinite_renderings(tgt, concept)  # a Special Envoy → مبعوثة خاصة
            missing -= nested_renderings(tgt, concept)  # كيانات الأمم المتحدة names the UN
            if missing <= 0:
                continue
            # "UN Action", "UN Habitat", "United Nations Commission on the Status of Women": an
            # acronym, or the name of a parent body, before a capitalized word opens a longer name
            # the termbase lacks, which the Arabic renders as a whole (المبادرة، لجنة وضع المرأة)
            opens = [m for m in occurrences if m.term.is_acronym or concept_id in PARENT_BODIES]
            missing -= sum(1 for m in opens if _opens_longer_name(src, m))
            if missing <= 0:
                continue
            if all(m.term.is_acronym for m in src.matches if m.concept_id == concept_id):
                anaphors = anaphor_renderings(tgt, concept)  # UNODC → المكتب, once named in full
                missing -= anaphors
                fewer = fewer or anaphors > 0  # the rest by pronouns (قدرات التنظيم وعملياته)
                if missing <= 0:
                    continue
            state = concept.domain == "member-states"
            # named in a form counted above (a reshaped, gapped or UN-adjective rendering), fewer
            # times than the source names it: a pronoun may stand for the rest, as above
            fewer = fewer or (counting and count - missing > 0)
            # a title's head in the target (مبعوثة، المنسقين): inflected, not missing; a body's head
            # (المركز الدولي for the UN Centre) may be a wrong name, which is worth the warning
            head = head_in_view(tgt, concept) if concept.domain == "posts" and not fewer else None
            # a body's definite head standing alone (ورتبت الإدارة بالتنسيق …, "the Department"):
            # named by its head, as the context allows — a note
            # (a title cut to its head, الأمين for الأمين العام, is a slip: bodies only)
            alone = head_alone(tgt, concept) if concept.domain == "entities" and not fewer else None
            # nothing of the name in the target, not even its head: left out (a headline, "UNHCR's
            # Grandi" = غراندي) or put in words no list holds (أي عضو for "any Member State") —
            # on unseen real UN text 3 of 25 such warnings were slips: a note
            counted = all(_COUNTED.search(src.text, max(0, m.start - 30), m.start) for m in occurrences)
            unnamed = not (fewer or head or alone) and (
                not trace_in_view(tgt, concept, definite_only=counted)
                or trace_is_another_name(src, tgt, concept)  # المجلس الانتقالي الجنوبي for "the STC"
            )
            # … unless another name of its kind stands in the target that the source does not give:
            # a body or a title in its place (UNCCT → مجلس الأمن) is worth the warning
            instead = _in_its_place(ctx, concept) if unnamed and not state else None
            # a person's given name with the surname spelt otherwise (أنطونيو غوتيرس): say what stands there
            spelt = person_spelt_otherwise(tgt, concept) if not (unnamed or fewer) else None
            note = state or fewer or head or alone or (unnamed and not instead) or concept_id == "UN"
            # the source names the body by its former name (a document of its time): the Arabic of
            # that time, not today's name, is the rendering to expect
            if all(m.term.status is Status.SUPERSEDED for m in occurrences):
                target_term = next(
                    (t for t in concept.terms if t.lang == tgt.lang and t.status is Status.SUPERSEDED),
                    target_term,
                )
            rendered = count - missing if counting else have.get(concept_id, 0)
            for m in occurrences[-missing:]:
                times = (
                    f" ({count} in the source, {rendered} in the target)" if count > 1 else ""
                )
                hint = " (or by an adjective of the State, e.g. الصيني for China)" if state else ""
                yield self.finding(
                    ctx,
                    src,
                    m.start,
                    m.end,
                    f"'{m.term.text}' ({concept_id}) is not rendered in the target{times}; "
                    f"expected '{target_term.text}'{hint}"
                    + (f"; '{head}' stands there: another form of the name?" if head else "")
                    + (f"; '{alone}' stands there: the body by its head alone?" if alone else "")
                    + (f"; '{instead}' stands there, which the source does not name" if instead else "")
                    + (f"; '{spelt}' stands there: the name spelt otherwise?" if spelt else ""),
                    concept=concept_id,
                    suggestion=target_term.text,
                    # the Organization itself is named by context ("a UN peacekeeper" = أحد أفراد
                    # حفظة السلام): in the blind sets' first reviews none of 5 such findings was a slip
                    severity="info" if note else None,
                )
