"""Term-form rules: a term written in another spelling, case or grammatical form than the
termbase's (TM004, TM005), or close to it (TM006: one letter off, or in a bilingual unit one
word missing or changed)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..matching.types import NearMiss, TermMatch
from ..model import Finding
from ..text.arabic import PROCLITICS
from ..text.normalize import fold_key
from .base import Rule, SideView, UnitContext
from .dropped_un import dropped_words
from .embedded import ARTICLED
from .partial import partial_names
from .policy import is_official_name
from .spelling import dictionary_word
from .terms import suggest


class TermSpellingVariant(Rule):
    """An English name in US spelling or with its hyphen dropped or joined.

    What it catches:
        An English term matched through a British/US spelling pair (Centre/Center,
        Organization/Organisation, programme/program) or a hyphen/space/joined
        variant of an official name (Counter-Terrorism / Counter Terrorism /
        Counterterrorism; vocabulary takes hyphens as a compound modifier, ``rule-of-law
        institutions``) — except where the entry itself has that spelling (the Global Center on Cooperative
        Security) — the name of a body, person or State in other capitals
        (``united Nations Office on drugs and Crime``; a headline in capitals aside),
        and, as an info note, an official name with ``UN`` for ``United Nations``
        (``the UN Development Programme``: informal, though UN pages use it too).
    Why it matters:
        UN English follows British spelling with -ize; official names are written
        exactly as the UN writes them.
    Example:
        en: the United Nations Counter-Terrorism Center
        ar: مركز الأمم المتحدة لمكافحة الإرهاب
    Use instead:
        en: the United Nations Counter-Terrorism Centre
    Suppress:
        `mustalah: ignore TM004` in the unit's note.
    """

    code = "TM004"
    name = "term-spelling-variant"
    category = "term-variant"
    severity = "warning"
    #: pre-filter (checks.prefilter): every finding is a match with a difference, or the 'UN' abbreviation
    needs = ("match:variant",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for m in view.matches:
                kinds = {d.kind for d in m.differences}
                if "case" in kinds and _proper_name_case(ctx, m):
                    kinds.add("capitalization")
                if m.form == "un-abbreviated":
                    kinds.add("un-abbreviated")
                if "hyphen" in kinds and (m.lang != "en" or not _official(ctx, m)):
                    # "rule-of-law institutions": a compound modifier takes hyphens; UN Arabic spaces
                    # its hyphens (غينيا - بيساو, بان كي - مون) where the termbase may not
                    kinds.discard("hyphen")
                if not kinds & {"spelling-us-gb", "hyphen", "capitalization", "un-abbreviated"}:
                    continue
                what = (
                    "'UN' for 'United Nations'"
                    if "un-abbreviated" in kinds
                    else "US/British spelling"
                    if "spelling-us-gb" in kinds
                    else "hyphenation"
                    if "hyphen" in kinds
                    else "capitalization"
                )
                yield self.finding(
                    ctx,
                    view,
                    m.start,
                    m.end,
                    f"{m.concept_id}: {what} differs from the official form '{m.term.text}'",
                    concept=m.concept_id,
                    suggestion=m.term.text,
                    # UN pages and releases themselves write "the UN Office on Drugs and Crime": a note
                    severity="info" if kinds == {"un-abbreviated"} else None,
                )


_PROPER_DOMAINS = frozenset({"entities", "people", "member-states"})
#: The article split by a space before a name read as ل + its indefinite noun: ``ا لأمين العام``
#: (a PDF's justification) is الأمين العام, not للأمين العام; proclitics may stand before the alef.
_SPLIT_ARTICLE = re.compile(r"(?<!\S)([وفب]?)ا $")


def _official(ctx: UnitContext, m: TermMatch) -> bool:
    concept = ctx.termbase.get(m.concept_id)
    return concept is not None and is_official_name(concept)


def _proper_name_case(ctx: UnitContext, m: TermMatch) -> bool:
    """A proper name (body, person, State) written in other capitals; headlines in capitals aside."""
    concept = ctx.termbase.get(m.concept_id)
    if concept is None or concept.domain not in _PROPER_DOMAINS or m.lang == "ar":
        return False
    body = m.surface[len(m.clitics) :]
    last = body.split()[-1] if body.split() else ""
    if m.form == "plural" or (last.islower() and last.endswith("s")):
        return False  # "United Nations information centres": UN English writes a generic plural in lower case
    return not body.isupper() and body != body.title()


class ConstructArticle(Rule):
    """The head of a construct-state name took the definite article, or a noun lost it.

    What it catches:
        ``المكتب الأمم المتحدة…``: the first word of a name in construct state
        (إضافة) cannot take ال; ``مكتب الأمم المتحدة…`` is the name.  The reverse
        slip too: a definite noun with its adjective (``الاتحاد الأفريقي``,
        ``المنسق المقيم``) written without the noun's article (``اتحاد الأفريقي``).  A
        two-word short form with the article on its head is not reported: ``وتساعد المفوضية
        اللاجئين`` ("the Office helps refugees") is a verb's subject and its object, not
        UNHCR's ``مفوضية اللاجئين``; a full name of two words (``التنظيم القاعدة``) is.
    Why it matters:
        Both are ungrammatical; the first is a typical slip when a short form
        (المكتب) is expanded into the full name.
    Example:
        en: the United Nations Office of Counter-Terrorism
        ar: والمكتب الأمم المتحدة لمكافحة الإرهاب
    Use instead:
        ar: ومكتب الأمم المتحدة لمكافحة الإرهاب
    Suppress:
        `mustalah: ignore TM005` in the unit's note.
    """

    code = "TM005"
    name = "construct-article"
    category = "term-variant"
    severity = "error"
    #: a near miss of the longer name around it is the same slip, mended whole (``لصندوق لأمم
    #: المتحدة للسكان``: UNFPA's name with the alef of الأمم dropped, not "the UN" after ل)
    yields_to = ("TM006",)
    #: pre-filter (checks.prefilter): every finding is an error-form match
    needs = ("match:error-form",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for m in view.matches:
                if m.error_form == "definite-construct-head":
                    message = (
                        f"the head of '{m.term.text}' ({m.concept_id}) takes no article in a construct name"
                    )
                elif m.error_form == "indefinite-head":
                    split = _split_article(view, m)
                    if split is not None:
                        start, suggestion = split
                        yield self.finding(
                            ctx,
                            view,
                            start,
                            m.end,
                            f"the article of '{m.term.text}' ({m.concept_id}) is split by a space "
                            f"('{view.text[start : m.end]}')",
                            concept=m.concept_id,
                            suggestion=suggestion,
                        )
                        continue
                    message = (
                        f"the noun of '{m.term.text}' ({m.concept_id}) needs the article its adjective has"
                    )
                else:
                    continue
                yield self.finding(
                    ctx, view, m.start, m.end, message, concept=m.concept_id, suggestion=suggest(m, m.term)
                )


def _split_article(view: SideView, m: TermMatch) -> tuple[int, str] | None:
    """``ا لأمين العام``: a match read as ل + an indefinite noun right after a lone alef is the
    name with its article split by a space.  The start of the alef (after its proclitics) and
    the name as it should stand; None otherwise."""
    if m.clitics != "ل":
        return None
    before = _SPLIT_ARTICLE.search(view.text, max(0, m.start - 4), m.start)
    if before is None:
        return None
    return before.start(), before.group(1) + m.term.text


class TermNearMiss(Rule):
    """A word of a multi-word term one edit away from the official form.

    What it catches:
        All words of a termbase name but one are exact, and that one is a single
        edit (substitution, insertion, deletion, transposition) from the official
        word — often a real word that spell-checkers pass.  In a bilingual unit,
        also a name of three words or more with one word missing or changed, when
        the other side names the concept (``نائب الأمين`` for ``نائب الأمين العام``,
        ``Agency for Water Resources`` for ``Agency on Water Resources``; a word standing a
        little further on, or with its conjunction typed apart, ``المجلس الإقتصادي و الإجتماعي``,
        is not missing); only
        official names are searched so (vocabulary is paraphrased, not damaged),
        and a name the other side gives by its acronym alone counts as named.  A
        person's name with the family name put first (``فورونكوف فلاديمير``).  Words
        that are all of another known name, a body whose acronym the other side writes
        after the name searched ("the UN High Commissioner for Refugees (UNHCR)" =
        UNHCR's ``مفوضية الأمم المتحدة السامية لشؤون اللاجئين``), are that name, no near
        miss of the title; another name stays one (the Secretariat, ``الأمانة العامة``,
        for the Secretary-General; the Office for its head named on her own).  A title owned
        by ل after an indefinite word (``كانت وزيرة لخارجية بلغاريا``, the construct's other
        form) is a note; ل for the article after a definite word (``الممثل لخاص``) stays one.
        A word that differs only in its grammatical ending (``كدولة عضوة`` beside ``دولة عضوا``)
        is reported with no fix: the sentence decides the ending (here ``كدولة عضو``).
        A UN name without ``للأمم`` (``الجمعية العامة المتحدة``) or ``المتحدة`` (``برنامج الأمم
        الإنمائي``), and a two-word name's first word with a letter dropped inside (``الجعية العامة``).
    Why it matters:
        ``العنفي`` for ``العنيف`` reads as a different word; revisers catch these
        by eye, a dictionary cannot.
    Example:
        en: countering violent extremism
        ar: مكافحة التطرف العنفي
    Use instead:
        ar: مكافحة التطرف العنيف
    Suppress:
        `mustalah: ignore TM006` in the unit's note.
    """

    code = "TM006"
    name = "term-near-miss"
    category = "term-variant"
    severity = "warning"
    #: pre-filter (checks.prefilter): an edit near miss, a partial name (the other side names it: a match),
    #: or a UN name without its للأمم (the orphan المتحدة)
    needs = ("near:edit|match|ar:united",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for nm in view.near_misses:
                if nm.kind != "edit":
                    continue
                found, expected = nm.differing[0]
                if not _other_side_names(ctx, view, nm.concepts):
                    continue  # رئيس مجلس الأمة for "Speaker of the National Assembly": another name
                # with no other side to ask, a letter changed into another word is most often that
                # word (مجلس الأمة, a parliament; إعادة الإدراج, relisting): a note
                other_word = ctx.target is None and _another_word(view, nm, found, expected)
                reflexive = view.lang == "ar" and _reflexive_form(view, nm, found, expected)
                owned = _owned_by_lam(view, nm, found, expected)
                ending = view.lang == "ar" and _another_ending(found, expected)
                how = (
                    f"differs from '{expected}' only in its ending (agreement or case: the sentence decides)"
                    if ending
                    else f"differs by one letter from '{expected}'"
                )
                yield self.finding(
                    ctx,
                    view,
                    nm.start,
                    nm.end,
                    f"close to {', '.join(nm.concepts)} '{nm.expected}': '{found}' {how}"
                    + (" (an indefinite title owned by ل, as Arabic allows: a note)" if owned else "")
                    + (
                        " (the root's reflexive form, انفعال for إفعال: a word the sentence may want)"
                        if reflexive
                        else ""
                    ),
                    concept=nm.concepts[0] if nm.concepts else None,
                    suggestion=None if ending else nm.expected,
                    severity="info" if other_word or owned or reflexive else None,
                )
            dropped = dropped_words(ctx.termbase, view.text) if view.lang == "ar" else []
            for d in dropped:
                yield self.finding(ctx, view, d.start, d.end, d.message, concept=d.concept, suggestion=d.fix)
            if ctx.target is None:
                continue
            for nm in partial_names(ctx, view):
                if any(d.start < nm.end and nm.start < d.end for d in dropped):
                    continue  # المفوضية السامية المتحدة: the word dropped is للأمم, no word swapped
                other = "target" if view is ctx.source else "source"
                found, word = nm.differing[0]
                if nm.kind == "swap" and view.lang == "ar" and _number_form(found, word):
                    continue  # نائبا الرئيس (two Vice-Chairs), مراكز …: the name in the dual or plural
                how = (
                    f"with '{found}' for '{word}'"
                    if nm.kind == "swap"
                    else "with the given and the family name swapped"
                    if nm.kind == "order"
                    else f"without '{word}'"
                )
                yield self.finding(
                    ctx,
                    view,
                    nm.start,
                    nm.end,
                    f"'{nm.surface}' is {nm.concepts[0]} '{nm.note or nm.expected}' {how} (the {other} names "
                    f"it)" + (f"; that form is deprecated, the UN one is '{nm.expected}'" if nm.note else ""),
                    concept=nm.concepts[0],
                    suggestion=nm.expected,
                )


def _other_side_names(ctx: UnitContext, view: SideView, concepts: Sequence[str]) -> bool:
    """In a bilingual unit, whether the other side names one of ``concepts`` (a match of it, its
    acronym included).  A word one letter from a name, in a unit whose other side does not name
    it, is most often another word (مجلس الأمة, a parliament, beside مجلس الأمن); text with no
    other side has nothing to ask."""
    if ctx.target is None:
        return True
    other = ctx.source if view is ctx.target else ctx.target
    named = other.concept_counts()
    return any(c in named for c in concepts)


def _another_word(view: SideView, nm: NearMiss, found: str, expected: str) -> bool:
    """Whether the odd word of an edit near miss has one letter replaced (not added, dropped or
    swapped, as in العنفي for العنيف) and, as written, is a word of the dictionary.  A clitic the
    odd word carries and the term word lacks is no letter of it: ``لبيانات`` (ل + بيانات, "data")
    beside ``كيانات`` ("entities"), ``لرئاسة`` (ل + رئاسة, "presidency") beside ``رئيسة``."""
    stem = found
    while len(stem) > len(expected) and stem[0] in PROCLITICS:
        stem = stem[1:]
    if len(stem) != len(expected) or sum(a != b for a, b in zip(stem, expected, strict=True)) != 1:
        return False
    return _written_word_known(view, nm, found)


def _written_word_known(view: SideView, nm: NearMiss, found: str) -> bool:
    """Whether the near miss's odd word (``found``, folded), as the text writes it, is a word of
    the dictionary."""
    for word in view.text[nm.start : nm.end].split():
        if fold_key(word) == found:
            return dictionary_word(word, view.lang.split("-")[0]) is True
    return False


#: What may stand before the stem's alif: nothing, a proclitic, or the article (folded).
_BEFORE_STEM = frozenset({"", *PROCLITICS, *ARTICLED})


def _reflexive_form(view: SideView, nm: NearMiss, found: str, expected: str) -> bool:
    """Whether the odd word is the term word's root in the reflexive verbal noun (form VII, انفعال)
    where the term has form IV (إفعال) — ``إعادة الاندماج``, the returnees' own reintegration, beside
    ``إعادة الإدماج``, reintegrating them — and, as written, a dictionary word: a word of its own
    that the sentence may want, not a slip (UN-Habitat on Sinjar, 2019)."""
    at = next((i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b), len(expected))
    if found[at : at + 1] != "ن" or found[at + 1 :] != expected[at:] or found[at - 1 : at] != "ا":
        return False
    return found[: at - 1] in _BEFORE_STEM and _written_word_known(view, nm, found)


#: Last letters Arabic grammar changes (folded): the accusative alif (عضوا), the feminine ة (ه once
#: folded: عضوة), the nisba or genitive ي.
_ENDINGS = frozenset("اهي")


def _another_ending(found: str, expected: str) -> bool:
    """Whether the odd word is the name's word with another grammatical ending (``دولة عضوة`` for
    ``دولة عضوا``, ``رئيسا`` for ``رئيسة``): which ending is right depends on the sentence (after ك
    the genitive ``دولة عضو``), so the form the termbase lists is no fix to offer."""
    return (
        len(found) == len(expected) > 2
        and found[:-1] == expected[:-1]
        and found[-1] in _ENDINGS
        and expected[-1] in _ENDINGS
    )


def _owned_by_lam(view: SideView, nm: NearMiss, found: str, expected: str) -> bool:
    """Whether the odd word is the name's word with ل for its article, after an indefinite
    word and before the genitive it owns: the title owned by ل that Arabic allows beside the
    construct (``كانت وزيرة لخارجية بلغاريا``, "she was a foreign minister of Bulgaria", for
    ``وزيرة خارجية بلغاريا``).  After a definite word (``الممثل لخاص``) or a word ل already
    owns (``لشؤون للاجئين``) the article is lost, a slip."""
    if not (expected.startswith("ال") and found == "ل" + expected[2:]):
        return False
    words = [fold_key(word) for word in view.text[nm.start : nm.end].split()]
    at = words.index(found) if found in words else 0
    if at == 0:
        return False
    before = words[at - 1].removeprefix("و").removeprefix("ف")
    genitive = at < len(words) - 1 or bool(_NEXT_WORD.match(view.text, nm.end))
    return not before.startswith(("ال", "ل")) and genitive


#: An Arabic word right after a name (the genitive a title owned by ل takes).
_NEXT_WORD = re.compile(r"\s+[\u0621-\u064a]")


def _number_form(found: str, word: str) -> bool:
    """Whether ``found`` is ``word`` in the dual of a construct (نائبا / نائبي for نائب or نائبة,
    نائبتا for نائبة) or in the broken plural CaCāCiC of a four-letter noun (مراكز for مركز,
    مكاتب for مكتب): Arabic grammar, not a misspelt name."""
    found = found.removeprefix("و").removeprefix("ف")
    stems = {word, word[:-1]} if word.endswith("ة") else {word}
    if word.endswith("ة"):
        stems.add(word[:-1] + "ت")
    if any(found in (stem + "ا", stem + "ي", stem + "ان", stem + "ين") for stem in stems):
        return True
    return len(word) == 4 and found == word[:2] + "ا" + word[2:]
