"""SP008: two words run together, the space between them dropped (``سكانالبلدان``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Finding
from ..text.typos import MONTHS, common_words, unlisted_words
from .base import Rule, UnitContext
from .spelling import arabic_speller, arabic_words, names_by_place, spells_a_latin_name

#: The shortest word taken for two: a letter pair and a word of three.
MIN_LETTERS = 5
#: Words that open a compound name written as one word (``عبدالله``, ``أبوظبي``, ``ابنسينا``):
#: what follows them is the name's second half, not a word with its space lost.
NAME_OPENERS = frozenset({"عبد", "أبو", "ابو", "أبي", "ابي", "ابن", "بن", "بنت", "آل", "ذو", "أم", "أبا"})


class WordsRunTogether(Rule):
    """Two words run together, the space between them dropped.

    What it catches:
        An Arabic word that neither Hunspell nor the termbase knows and that is, split once,
        two words UN Arabic writes often (``data/common-words.txt``, twenty times or more in
        the professionally translated Arabic of ``corpora/real``): ``سكانالبلدان``
        (``سكان البلدان``), ``الممثلةالخاصة``, ``وتوفيرالمساعدات``, ``علىجميع``, ``المشارإليه``.
        Arabic joins its letters across a lost space without a visible seam, so the slip
        survives proofreading on screen.  Left alone: a word split two ways into common words
        (no telling which was meant), a compound name written as one word (``عبدالله``,
        ``أبوظبي``: its first half is ``عبد``, ``أبو``, ``ابن`` …), a name UN Arabic itself writes
        that the dictionary lacks (``data/unlisted-words.txt``), a word that spells a
        capitalized word of the English, a word read as a name by where it stands, and two
        month names run together (``أكتوبرتشرين``: ST008's month pair).
    Why it matters:
        A search for either word misses it, a term or a name inside it is not matched, and
        the page reads as a typing slip.
    Example:
        en: on the populations of mine-infested countries
        ar: على سكانالبلدان التي تعج بالألغام
    Use instead:
        ar: على سكان البلدان التي تعج بالألغام
    Suppress:
        `mustalah: ignore SP008` in the unit's note; a name the dictionary lacks goes into the
        termbase or `words = [...]` under `[tool.mustalah.rules.SP002]`.
    """

    code = "SP008"
    name = "words-run-together"
    category = "spelling"
    severity = "warning"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view, m, bare, is_word in arabic_words(ctx):
            if len(bare) < MIN_LETTERS or is_word(bare) or bare in unlisted_words():
                continue
            split = run_together(bare, is_word)
            if split is None or spells_a_latin_name(ctx, view, bare):
                continue
            speller = arabic_speller()
            if speller is not None and bare in names_by_place(ctx, view, speller):
                continue
            left, right = split
            message = f"'{bare}' is two words run together: '{left} {right}'"
            suggestion = f"{left} {right}" if m.group() == bare else None  # vowel marks: retype
            yield self.finding(ctx, view, m.start(), m.end(), message, suggestion=suggestion)


def run_together(word: str, is_word: Callable[[str], bool]) -> tuple[str, str] | None:
    """``(first, second)`` when ``word`` (no vowel marks, unknown to ``is_word``) is two common
    words of UN Arabic with the space between them lost, split in one way only; else None."""
    common = common_words()
    splits = [
        (word[:i], word[i:]) for i in range(2, len(word) - 2) if word[:i] in common and word[i:] in common
    ]
    if len(splits) != 1:
        return None
    left, right = splits[0]
    if left in NAME_OPENERS or left in MONTHS or right in MONTHS:
        return None  # two month names run together are ST008's month pair (``أكتوبرتشرين``)
    if not (is_word(left) and is_word(right)):
        return None
    return left, right
