"""ST010: a word typed twice in Arabic text with no English beside it (TT001 covers translations)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from ..text.arabic import split_proclitics
from ..text.typos import common_words
from .base import Rule, UnitContext
from .pofilter import OPENS_COMPOUND, REDUPLICATED
from .spelling import UNMARK

#: A letter of an Arabic word, its vowel marks and tatweel included (``AR_WORD``'s letters).
_LETTER = "\u0621-\u0652\u0670\u0671\u06a9\u06cc\u0640"
#: An Arabic word, then white space and the same word, once or more (``في في في``).
_DOUBLED = re.compile(rf"(?<![{_LETTER}])([{_LETTER}]+)(?:[ \u00a0]+\1)+(?![{_LETTER}])")
#: Short words a slip repeats (``في في``, ``و و``) that no name or code is made of; longer words
#: count when UN Arabic writes them often (``data/common-words.txt``: ``كان``, ``مشروع``).
_SHORT_WORDS = frozenset({"و", "في", "من", "عن", "أو", "ثم", "قد", "لا", "لم", "لن", "ما", "أن", "إن"})
#: Words Arabic says twice on purpose, besides pofilter's (TT001's) list: "day by day", "year by year",
#: "side by side", "in between"; ``هو هو`` ("it is the same") is why the pronouns are not short words.
_MEANT_TWICE = REDUPLICATED | frozenset({"يوما", "سنة", "عاما", "جنبا", "بعضا", "بين"})


def _definite(word: str) -> bool:
    """A word of four letters or more with the article (``المزعومة``, ``البرازيل``): no name said
    twice takes it, so the pair is a slip."""
    return len(word) >= 4 and split_proclitics(word)[0].endswith(("ال", "لل"))


def _said_twice_on_purpose(text: str, m: re.Match[str]) -> bool:
    """A word repeated in warning or urging (``الحذرَ الحذرَ``, ``النجدةَ النجدةَ``: vowel-marked) or
    a cry quoted (``"الخبز الخبز"``): Arabic says these twice on purpose."""
    if m.group(1) != m.group(1).translate(UNMARK):
        return True
    before = text[: m.start()]
    return before.count('"') % 2 == 1 or before.count("«") > before.count("»")


class DoubledWord(Rule):
    """A word typed twice in Arabic text with no English beside it.

    What it catches:
        The same word twice in a row in Arabic text read alone (a plain Arabic file, a
        monolingual unit): ``في في``, ``و و``, ``السيد السيد``, ``مؤتمر مؤتمر``, ``المزعومة
        المزعومة``.  Only a short function word, a word UN Arabic writes often
        (``data/common-words.txt``) or a word with the article counts (not vowel-marked or
        quoted: ``الحذرَ الحذرَ``, ``"الخبز الخبز"`` are said twice on purpose), so
        names said twice (``بطرس بطرس غالي``, ``باغو باغو``, ``يو يو ما``) and letter codes
        (``(ك ك)``) are left alone, as are words Arabic repeats on purpose (``رويدا رويدا``,
        ``خطوة خطوة``, ``بين بين``, ``هو هو``) and a word whose repeat opens a hyphenated
        name (``وغينيا وغينيا - بيساو``).  In a translation TT001 (pofilter's doublewords)
        reports it, with the source to compare; a doubled honorific is ST001's.
    Why it matters:
        A doubled word is the commonest slip of editing — a word typed again after a line break
        or a cut — and the eye reads over it; in a published release it is plain to every reader.
    Example:
        en: (none: Arabic text alone)
        ar: وأكد الأمين العام أن الأمم المتحدة ستواصل العمل في في المنطقة
    Use instead:
        ar: وأكد الأمين العام أن الأمم المتحدة ستواصل العمل في المنطقة
    Suppress:
        `mustalah: ignore ST010` in the unit's note.
    """

    code = "ST010"
    name = "doubled-word"
    category = "style"
    severity = "warning"
    #: an honorific typed twice is ST001's (stacked honorifics): one finding
    yields_to = ("ST001",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.bilingual:
            return  # TT001 (pofilter doublewords) reads the translation with its source
        for view in ctx.in_lang("ar"):
            for m in _DOUBLED.finditer(view.text):
                word = m.group(1).translate(UNMARK)
                if word in _MEANT_TWICE:
                    continue
                listed = word in _SHORT_WORDS or word in common_words()
                if not listed and not (_definite(word) and not _said_twice_on_purpose(view.text, m)):
                    continue  # a name said twice (بطرس بطرس غالي) or a code: no slip anyone can tell
                if OPENS_COMPOUND.match(view.text, m.end()):
                    continue
                message = f"'{m.group(1)}' is typed twice"
                yield self.finding(ctx, view, m.start(), m.end(), message, suggestion=m.group(1))
