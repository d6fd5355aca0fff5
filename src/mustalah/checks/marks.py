"""Stray Arabic vowel marks: a haraka typed on a digit, a Latin letter, a space or punctuation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..model import Finding
from .base import Rule, SideView, UnitContext

#: Harakat (fathatan … sukun) and the dagger alef: they belong on an Arabic letter.
_MARK_RUN = re.compile("[\u064b-\u0652\u0670]+")
#: A tanwin (with a shadda, perhaps) followed by another letter of its word: a tanwin ends a word,
#: bar the fathatan written before a final alif or alif maqsura (``جداً``/``جدًا``, ``هدًى``).
_TANWIN_INSIDE = re.compile("[\u064b-\u064d]\u0651?(?=[\u0621-\u064a])")
_FINAL_ALEF = re.compile("[\u0627\u0649](?![\u0621-\u064a\u064b-\u0652])")
#: The short vowel a tanwin was typed for (dammatan for damma: ``المٌمثل`` for ``المُمثل``).
_SHORT_VOWEL = {"\u064b": "\u064e", "\u064c": "\u064f", "\u064d": "\u0650"}
_ARABIC_BASE = re.compile("[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")


class StrayVowelMark(Rule):
    """A vowel mark on something that is not an Arabic letter.

    What it catches:
        A haraka (fatha, kasra, shadda, sukun …) or a dagger alef after a digit, a
        Latin letter, a space or punctuation: ``201ِ7``, ``S/2َ024/750``.  A slip
        of the shift key on an Arabic keyboard; the number rules read through it,
        so the slip is reported once, here.  Also a tanwin inside a word, which only
        its last letter can carry (``المٌمثل`` for ``المُمثل``, ``يٌحتفل``,
        ``استجابًة`` for ``استجابةً``); a fathatan before a final alif (``جدًا``) is right.
    Why it matters:
        The mark is invisible or nearly so, yet the number, symbol or word no
        longer matches anything: search, alignment and the reader's screen reader
        all see ``201`` and ``7``.
    Example:
        en: for 2017
        ar: لعام 201ِ7
    Use instead:
        ar: لعام 2017
    Suppress:
        `mustalah: ignore SP003` in the unit's note.
    """

    code = "SP003"
    name = "stray-vowel-mark"
    category = "spelling"
    severity = "error"
    #: pre-filter (checks.prefilter): a vowel mark
    needs = ("vowel-mark",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            text = view.text
            if not _MARK_RUN.search(text):
                continue
            yield from self._tanwin_inside(ctx, view)
            for m in _MARK_RUN.finditer(text):
                i = m.start()
                base = text[i - 1] if i > 0 else ""
                if base and _ARABIC_BASE.match(base):
                    continue
                names = ", ".join(_name(c) for c in m.group())
                if not base or base.isspace():
                    yield self.finding(
                        ctx, view, i, m.end(), f"stray vowel mark ({names}) on no letter", suggestion=""
                    )
                    continue
                a, b = _word_around(text, i - 1, m.end())
                kind = "the digit" if base.isdigit() else "the letter" if base.isalpha() else "the character"
                yield self.finding(
                    ctx,
                    view,
                    i - 1,
                    m.end(),
                    f"stray vowel mark ({names}) on {kind} '{base}' in '{text[a:b]}'",
                    suggestion=base,
                )

    def _tanwin_inside(self, ctx: UnitContext, view: SideView) -> Iterable[Finding]:
        text = view.text
        for m in _TANWIN_INSIDE.finditer(text):
            tanwin = text[m.start()]
            if m.start() == 0 or not _ARABIC_BASE.match(text[m.start() - 1]):
                continue  # on no letter: reported above as a stray mark
            if tanwin == "\u064b" and _FINAL_ALEF.match(text, m.end()):
                continue  # جدًا: the fathatan written on the letter before a final alif
            a, b = _word_around(text, m.start(), m.end())
            j = m.end() + 1  # past the letter after the tanwin and its own marks
            while j < len(text) and _MARK_RUN.match(text[j]):
                j += 1
            last = j == len(text) or not text[j].isalpha()  # that letter is the word's last
            before_ta = last and text[m.end()] == "\u0629"
            yield self.finding(
                ctx,
                view,
                m.start(),
                m.start() + 1,
                f"{_name(tanwin)} inside the word '{text[a:b]}': a tanwin ends a word"
                + (
                    "; it belongs on the final ة"
                    if before_ta
                    else ""
                    if last
                    else f"; probably {_name(_SHORT_VOWEL[tanwin])}"
                ),
                suggestion=None if last else _SHORT_VOWEL[tanwin],
            )


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the space-delimited word around ``text[start:end]``."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _name(mark: str) -> str:
    """``kasra``, ``shadda`` … (the Unicode name less ``ARABIC``)."""
    return unicodedata.name(mark, f"U+{ord(mark):04X}").lower().removeprefix("arabic ")
