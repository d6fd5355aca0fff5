"""SP006: a word whose last letter is the wrong one of ي/ى or ة/ه (or with ى inside it)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

from ..model import Finding
from ..text.arabic import SHADDA
from ..text.final_letters import (
    CONTEXT_TOLD,
    CONTEXT_WORDS,
    FINAL_SWAPS,
    correction_in_context,
    describe_swap,
    final_letter_correction,
    inner_yeh_correction,
    nisba_with_haa,
)
from ..text.hamza import hamza_correction, hamza_lost_on_a_wasl_shape
from .base import Rule, SideView, UnitContext
from .spelling import AR_WORD, UNMARK, arabic_words, respell, spells_a_latin_name


class FinalLetterSlip(Rule):
    """A word whose last letter is the wrong one of ي/ى or ة/ه.

    What it catches:
        An Arabic word the dictionary does not know that is a word UN Arabic writes once its
        last letter is swapped: ى for ي (``فى``, ``الذى``, ``التى``, ``الثانى``, ``السنوى``), ي
        for ى (``يسعي``), ة for ه (``هذة``) and ه for ة (``المنظمه``).  The mended word must be
        one the corpus of professionally translated UN Arabic writes (``data/final-letter-words.txt``),
        so a name the dictionary lacks (``هيلانة``) is left alone, and so is a word that spells
        a capitalized word of the English.  Two words that are words with either letter are told
        by what follows: ``وفى`` with no ب-word among the next three (``وفى البيان``: the verb
        "fulfilled" takes ب) and ``المعنى`` before a ب-word (``المعنى بالمسائل``, "concerned
        with").  The function words ``هى``, ``كى``/``لكى`` and ``أى`` are reported whatever the
        dictionary says (it knows ``وهى`` and ``أى`` as classical verbs), and so is a word UN
        Arabic writes often in ية written يه (``عمليه``, read as "his …").  And ى inside a word,
        where Arabic never writes it, is always reported (``شىء``, ``مبادىء`` for ``مبادئ``,
        ``علىجميع`` for ``على جميع``).  A word that is also a word with a hamza on its
        first alef, where that alef may be a hamzat al-wasl (``اثنى``: ``اثني``, "two", or
        ``أثنى``, "praised"; ``واثنى``), is given both readings and no fix, unless ``عشر``
        follows (``اثنى عشر``: ``اثني``).  Inside an official
        name the term rules report it (TM003) with the name's right form.
    Why it matters:
        UN Arabic writes a final ي with its dots and keeps ة apart from ه; ``فى`` and
        ``الذى`` are the mark of a text typed on a keyboard or printed in a style that drops
        them, and a TM or a search for ``في`` or ``الذي`` misses them.
    Example:
        en: the refugees who fled the fighting in Syria
        ar: اللاجئين الذى فروا من القتال فى سوريا
    Use instead:
        ar: اللاجئين الذي فروا من القتال في سوريا
    Suppress:
        `mustalah: ignore SP006` in the unit's note.
    """

    code = "SP006"
    name = "final-letter-slip"
    category = "spelling"
    severity = "warning"
    #: a term, confusion, State-name or hamza rule that reports the same word with its right form
    yields_to = ("TM002", "TM003", "TM005", "TM006", "TM008", "SP001", "SP005", "ST007")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view, m, bare, is_word in arabic_words(ctx):
            if "ى" in bare[:-1]:
                yield self._inner_alef_maqsura(ctx, view, m, bare, is_word)
                continue
            if bare[-1:] not in FINAL_SWAPS:
                continue
            mended = final_letter_correction(bare, is_word)
            if mended is None and bare.endswith("يه"):
                mended = nisba_with_haa(bare, _word_before(view.text, m.start()))
            if mended is None and bare in CONTEXT_TOLD and SHADDA not in m.group():
                mended = correction_in_context(bare, _words_after(view.text, m.end()))
            if mended is None or hamza_correction(bare, is_word) is not None:
                continue
            if spells_a_latin_name(ctx, view, bare):
                continue
            swap = describe_swap(bare, mended)
            message = f"'{bare}' ends in the wrong letter ({swap}): UN Arabic writes '{mended}'"
            suggestion: str | None = respell(m.group(), len(bare) - 1, mended[-1])
            hamzated = hamza_lost_on_a_wasl_shape(bare, is_word)
            if hamzated is not None and _words_after(view.text, m.end())[:1] not in (["عشر"], ["عشرة"]):
                # اثنى: اثني, "two", or أثنى, "praised" (اثنى عشر is "twelve")
                message = f"'{bare}' is no word: '{mended}' ({swap}) or '{hamzated}' (its hamza lost)"
                suggestion = None
            yield self.finding(ctx, view, m.start(), m.end(), message, suggestion=suggestion)

    def _inner_alef_maqsura(
        self, ctx: UnitContext, view: SideView, m: re.Match[str], bare: str, is_word: Callable[[str], bool]
    ) -> Finding:
        """``ى`` inside a word: Arabic writes it only at the end, so this is always a slip."""
        mended = inner_yeh_correction(bare, is_word)
        message = f"'{bare}' has ى inside the word, where Arabic writes it only at the end"
        if mended is not None:
            message += f": UN Arabic writes '{mended}'"
        suggestion = mended if mended is not None and m.group() == bare else None
        return self.finding(ctx, view, m.start(), m.end(), message, suggestion=suggestion)


#: A token of the text after a word (white space apart).
_TOKEN = re.compile(r"\S+")


def _words_after(text: str, end: int) -> list[str]:
    """The Arabic words (no vowel marks) or numbers that follow ``end`` in the same clause: a
    punctuation mark ends it."""
    words: list[str] = []
    for token in itertools.islice(_TOKEN.finditer(text, end), CONTEXT_WORDS):
        word = token.group().translate(UNMARK)
        if not word or not (word[0].isdigit() or AR_WORD.match(word)):
            break
        words.append(word)
        if not AR_WORD.fullmatch(word) and not word.isdigit():
            break
    return words


def _word_before(text: str, start: int) -> str:
    """The word (no vowel marks) right before ``start``, or "" after punctuation or at the start."""
    words = text[max(0, start - 30) : start].split()
    return words[-1].translate(UNMARK) if words else ""
