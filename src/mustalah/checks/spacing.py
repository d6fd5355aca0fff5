"""ST009: a number typed against an Arabic word, the space between them lost."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from ..text.arabic import split_proclitics
from .base import Rule, UnitContext

_LETTER = "\u0621-\u063a\u0641-\u064a"  # Arabic letters (not tatweel, U+0640)
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
#: A word of two Arabic letters or more and a number with nothing between them, either way round.
_GLUED = re.compile(
    rf"(?<![{_LETTER}\u0640])([{_LETTER}]{{2,}})([{_DIGIT}](?:[{_DIGIT}.,:/-]*[{_DIGIT}])?)"
    rf"|([{_DIGIT}](?:[{_DIGIT}.,:/-]*[{_DIGIT}])?)([{_LETTER}]{{2,}})"
)
#: What may stand against a number in good UN Arabic: proclitics alone (و2، بال5), and units
#: squared or cubed (كلم2، م3).
_PROCLITICS = frozenset({"ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وب", "ول", "فب", "فل"})
_UNITS = frozenset({"كلم", "كم", "م", "سم", "مم"})
#: Words a number follows in running text (a resolution, a paragraph, a year, COVID-19): glued to
#: one of these, even a short number is a lost space, never a footnote's.
# fmt: off
_NUMBERED = frozenset({
    "قرار", "قرارات", "فقرة", "فقرات", "مادة", "مواد", "بند", "جلسة", "مرفق",
    "رقم", "عام", "سنة", "كوفيد", "دورة", "هدف", "غاية", "مؤشر", "صفحة",
    "فصل", "جدول", "شكل", "مبدأ", "توصية", "أمن", "مقرر", "باب", "يوم",
    "أيام", "شهر", "ساعة", "في", "من", "منذ", "إلى", "الى", "على", "حتى",
    "بين", "نحو", "حوالي", "قرابة",
})
# fmt: on
#: A footnote's number the page set as a superscript and a copy flattened (``والفتيات2 ففي عام``):
#: one or two digits after the word, then a space, a punctuation mark or the end.
_FOOTNOTE_AFTER = re.compile(r"(?:\s|[.،؛:)\]]|$)")


def _footnote(word: str, digits: str, text: str, end: int) -> bool:
    """Whether ``digits`` glued after ``word`` read as a footnote's number, not a number of the text."""
    if len(digits) > 2 or not digits.isdigit() or not _FOOTNOTE_AFTER.match(text, end):
        return False
    stem = split_proclitics(word)[1]
    if len(stem) < 3:
        return False  # في4, من5: a short word, a preposition, not a sentence's last word
    return not {word, stem, stem + "ة"} & _NUMBERED


class NumberGluedToWord(Rule):
    """A number typed against an Arabic word, with no space between them.

    What it catches:
        ``قرار مجلس الأمن2610``, ``بالقرار1988``, ``الجمعة 20شباط/فبراير``: a word of
        two Arabic letters or more and digits with nothing between them, either
        way round, in Arabic text.  A proclitic alone (``و2``, ``بال5``), the article
        joined by tatweel (``الـ42``), a unit squared or cubed (``كلم2``) and a name
        the source writes with its digits glued on (``Hayabusa2`` = ``هايابوسا2``)
        are not reported.  One or two digits after an ordinary word, before a space or
        a mark (``النساء والفتيات2 ففي عام 2012``), are most often a footnote's number
        whose superscript a copy lost: a note.
    Why it matters:
        The lost space is a typing slip that a reader sees and search misses: the
        TM and the term checks no longer find the word (``الأمن2610`` is not
        ``مجلس الأمن``) or the number.
    Example:
        en: Security Council resolution 2610 (2021)
        ar: قرار مجلس الأمن2610 (2021)
    Use instead:
        ar: قرار مجلس الأمن 2610 (2021)
    Suppress:
        `mustalah: ignore ST009` in the unit's note.
    """

    code = "ST009"
    name = "number-glued-to-word"
    category = "style"
    severity = "warning"
    #: pre-filter (checks.prefilter): every finding holds a digit
    needs = ("digit",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            other = "" if ctx.target is None else (ctx.source if view is ctx.target else ctx.target).text
            for m in _GLUED.finditer(view.text):
                word, digits = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
                if word in _PROCLITICS or (word in _UNITS and m.group(1) and digits in ("2", "3")):
                    continue
                if m.group(1) and re.search(rf"[A-Za-z]{re.escape(digits)}(?![0-9])", other):
                    continue  # Hayabusa2 = هايابوسا2: the name has its digits
                cut = m.start(2) if m.group(1) else m.start(4)
                footnote = bool(m.group(1)) and _footnote(word, digits, view.text, m.end())
                yield self.finding(
                    ctx,
                    view,
                    m.start(),
                    m.end(),
                    f"no space between '{view.text[m.start() : cut]}' and '{view.text[cut : m.end()]}'"
                    + ("; a footnote's number the copy lost its superscript for?" if footnote else ""),
                    suggestion=None
                    if footnote
                    else view.text[m.start() : cut] + " " + view.text[cut : m.end()],
                    severity="info" if footnote else None,
                )
