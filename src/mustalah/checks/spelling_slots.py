"""A rare word before a name where the text usually has a word one letter longer (SP004).

The curated confusion list (SP001) knows ``من أجل تعزز`` for ``من أجل تعزيز``; it cannot list
every verbal noun.  This corpus rule learns from the text itself: the word just before a name
the termbase knows (``تعزيز`` before ``مركز الأمم المتحدة لمكافحة الإرهاب``) is a *slot*, and
a slot's commonest words are what the writers meant.  A word seen once in a slot that is one of
those words with an inner ``ي`` dropped (``تعزز``, ``تنفذ``, ``تحقق``: the verb where the
verbal noun ``تفعيل`` stood) is reported as a note: both are real words, so no dictionary sees it,
and the reviser decides.

Only the ``ي`` of the verbal noun ``تفعيل`` counts: on real UN text a dropped ``ي`` elsewhere is a
tense (``ويحث``/``وحث``) or another word (``جديد``/``جدد`` before ``مجلس الأمن``), and a dropped
``ا`` or ``و`` makes plurals and other nouns (``مكاتب``/``مكتب``, ``منظومة``/``منظمة``): no slips.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import replace

from ..model import Finding
from ..text.arabic import SHADDA
from ..text.normalize import fold_key
from .base import CorpusRule, Fact, UnitContext

#: The Arabic word just before a position (vowel marks and tatweel inside it), then spaces.
_WORD_BEFORE = re.compile(r"([\u0621-\u064a\u064b-\u0652\u0640\u0670]+)\s+$")
#: و/ف before the word are conjunctions, not part of it (``وتعزيز`` is ``تعزيز``).
_CONJUNCTION = ("و", "ف")
#: A form II verbal noun ``تفعيل`` after its clitics (ل ب ال لل; و ف are stripped before):
#: group 1 is its ``ي``.  Dropped, it leaves the verb ``تفعل`` (``تعزيز`` → ``تعزز``).
_TAFIIL = re.compile("(?:ل|ب|ال|بال|لل)?ت[\u0621-\u064a]{2}(ي)[\u0621-\u064a]")
#: The words a slot keeps (folded): a verbal noun ``تفعيل`` or the verb ``تفعل`` it becomes without
#: its ي, clitics allowed.  Any other word can neither report nor be reported, so it makes no fact
#: (a 1M-unit run keeps a few facts per hundred units instead of several per unit).
_CANDIDATE = re.compile("(?:ل|ب|ال|بال|لل)?ت[\u0621-\u064a]{2}ي?[\u0621-\u064a]")
#: How far back the word before a name is looked for (a word and its spaces).
_REACH = 80
#: How often the longer word must precede the name for the rare one to be worth a note.
MIN_COMMON = 2


def _dropped_inner_yeh(rare: str, common: str) -> bool:
    """``rare`` is the verbal noun ``common`` (``تفعيل``, clitics allowed) without its ``ي``."""
    if len(common) != len(rare) + 1:
        return False
    stem = _TAFIIL.fullmatch(common)
    return stem is not None and common[: stem.start(1)] + common[stem.end(1) :] == rare


def _bare(word: str) -> str:
    key = fold_key(word)
    if len(key) > 4 and key[0] in _CONJUNCTION:
        return key[1:]
    return key


class RareWordBeforeName(CorpusRule):
    """A word before a name, seen once there, that is the usual word with a letter dropped.

    What it catches:
        In Arabic text, the word just before a name the termbase knows, when it occurs there
        only once and is the word that usually precedes that name in the same file or run
        with an inner ``ي`` dropped: ``تعزز`` where ``تعزيز`` stands before the name
        elsewhere.  A note (info): both are words, and the verb may be meant; a word
        written with its shadda (``تنفِّذ قرارات``) says the verb is, and so does one right
        after an indefinite noun or adjective it describes (``سياسات … تعزز المساواة``,
        "policies that promote equality"): neither is reported.
    Why it matters:
        A dropped letter that makes another real word is invisible to a spell-checker and
        changes the grammar (``تعزيز`` "strengthening", ``تعزز`` "strengthens"); the curated
        confusion list (SP001) holds the common cases, this learns the rest from the text.
    Example:
        en: to strengthen the capacity of the Counter-Terrorism Centre (third mention)
        ar: الرامية إلى تعزز قدرات مركز الأمم المتحدة لمكافحة الإرهاب
    Use instead:
        ar: الرامية إلى تعزيز قدرات مركز الأمم المتحدة لمكافحة الإرهاب
    Suppress:
        `mustalah: ignore SP004` in the unit's note.
    """

    code = "SP004"
    name = "rare-word-before-name"
    category = "spelling"
    severity = "info"
    #: pre-filter (checks.prefilter): a fact per word before an Arabic match
    needs = ("ar:match",)
    scope = "corpus"

    def collect(self, ctx: UnitContext) -> Iterable[Fact]:
        for view in ctx.in_lang("ar"):
            text = view.text
            seen: set[int] = set()
            for m in view.mentions():
                start = m.start
                if start in seen:
                    continue
                seen.add(start)
                before = _WORD_BEFORE.search(text, max(0, start - _REACH), start)
                if before is None:
                    continue
                word = before.group(1)
                if SHADDA in word:
                    continue  # vowelled as the verb (تنفِّذ قرارات, "which carries out decisions"): on purpose
                bare = _bare(word)
                if not _CANDIDATE.fullmatch(bare):
                    continue  # only a verbal noun تفعيل or the verb تفعل can report: the rest is no fact
                if _describes(text, before.start(1), bare):
                    continue  # سياسات اجتماعية واقتصادية تعزز المساواة: the verb of a noun before it
                finding = self.finding(ctx, view, before.start(1), before.end(1), "", concept=m.concept_id)
                yield Fact(view.file, ctx.segment.index, (f"ar<{m.concept_id}", bare, word), finding)

    def conclude(self, facts: Collection[Fact]) -> Iterable[Finding]:
        # Two passes, keeping counters, not facts: a 1M-unit run has ~130,000 facts here, read
        # back from disk (lint.facts), and only the few words seen once in a slot are reported.
        counts: dict[str, Counter[str]] = {}  # slot → its words; slots in order of first arrival
        first: dict[tuple[str, str], str] = {}  # (slot, word) → the word as first written
        for fact in facts:
            slot, bare, written = fact.key
            counts.setdefault(slot, Counter())[bare] += 1
            first.setdefault((slot, bare), written)
        common = {slot: [w for w, n in words.items() if n >= MIN_COMMON] for slot, words in counts.items()}
        order = {slot: k for k, slot in enumerate(counts)}
        found: list[tuple[int, int, Finding]] = []
        for arrival, fact in enumerate(facts):
            slot, rare, written = fact.key
            if counts[slot][rare] != 1 or not common[slot]:
                continue
            usual = next((w for w in common[slot] if _dropped_inner_yeh(rare, w)), None)
            if usual is None:
                continue
            example = _unjoined(first[(slot, usual)])
            finding = replace(
                fact.finding,
                message=(
                    f"'{written}' stands before this name once; elsewhere the text has "
                    f"'{example}' here {counts[slot][usual]} times: a dropped ي that makes another word?"
                ),
                suggestion=_with_conjunction(written, example),
            )
            found.append((order[slot], arrival, finding))
        found.sort(key=lambda hit: hit[:2])  # slot by slot, each in arrival order
        return [finding for _, _, finding in found]


#: Words after which a verbal noun stands, never a finite verb describing them (folded, no و/ف).
_GOVERNORS = frozenset(
    ("علي", "الي", "والي", "وعلي", "في", "من", "عن", "مع", "بهدف", "اجل", "لاجل", "بغيه", "نحو", "بقصد")
)


def _describes(text: str, at: int, bare: str) -> bool:
    """Whether a verb ``تفعل`` at ``at`` follows an indefinite noun or adjective it describes
    (``سياسات اجتماعية واقتصادية تعزز المساواة``, "policies that promote equality"): a verb, no
    slip.  After a preposition (``إلى تعزز قدرات``) or a definite word the verbal noun was meant."""
    if _TAFIIL.fullmatch(bare) or bare.startswith(("بت", "كت")):
        return False  # the verbal noun itself, or after ب / ك (بتنفذ ولاية): a verb takes neither
    prev = _WORD_BEFORE.search(text, max(0, at - _REACH), at)
    if prev is None:
        return False
    word = _bare(prev.group(1))
    if word.startswith(("ال", "لل")) or word in _GOVERNORS or _TAFIIL.fullmatch(word):
        return False  # a definite word, a preposition, a verbal noun in construct (تنسيق تنفيذ)
    return word.endswith(_DESCRIBED)


#: The endings of an indefinite noun or adjective a verb may describe (folded: ة is ه): a feminine,
#: a plural, a nisba adjective (اجتماعيه، سياسات، خبراء مستقلون، دولي).
_DESCRIBED = ("ه", "ات", "ون", "ين", "ي")


def _unjoined(word: str) -> str:
    """``word`` without a leading conjunction (``وتعزيز`` → ``تعزيز``)."""
    return word[1:] if len(word) > 4 and word[0] in _CONJUNCTION else word


def _with_conjunction(written: str, usual: str) -> str:
    """``usual`` with the conjunction ``written`` had (``وتعزز`` → ``وتعزيز``)."""
    if written[:1] in _CONJUNCTION and usual[:1] not in _CONJUNCTION:
        return written[0] + usual
    return usual
