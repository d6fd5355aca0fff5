"""A title beside a name, for GN003: is it the name's apposition (``Bachelet, the High Commissioner``,
``ليز غراندي، منسقة الأمم المتحدة``), and which name words stand before it?  Not when the source
shows the title and the name are two people, nor after a word of appointing (``عيّن الأمين العام
باشيليت``: the Secretary-General appoints her)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..termbase.validate import fold as word_key
from .base import SideView, UnitContext
from .spelling import UNMARK, arabic_speller, arabic_word_known

#: A capitalized English word of a name, and an Arabic word with its marks and tatweel (GN003's too).
EN_NAME = re.compile(r"[A-Z][\w'’.-]*")
AR_NAME_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u064b-\u0652\u0640]+")

#: An English title in apposition to a name: a name right after it (``Secretary-General António
#: Guterres``, ``High Commissioner Zeid``), or a name and a comma before it (``Bachelet, the High
#: Commissioner``).  ``the Secretary-General's appointment of Bachelet`` is none.
_NAME_AFTER = re.compile(r",?\s+(?:(?:Mr|Ms|Mrs|Dr|Sir|Dame)\.?\s+)?[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"[A-Z][a-z][\w'’.-]*,\s*(?:the\s+)?$")


def apposed_in_source(ctx: UnitContext, view: SideView, concept_id: str) -> bool:
    """Whether a title of the target may stand for the name beside it: yes unless the source gives
    the same title and never beside a name.  ``تعيين الأمين العام باشيليت`` renders "the
    Secretary-General's appointment of Bachelet" (the Secretary-General appoints her), and
    ``شكر الأمين العام باشيليت`` "the Secretary-General thanked Bachelet": the Arabic puts the
    title next to the name, the English shows they are two people."""
    source = ctx.source
    if view is not ctx.target or source.lang.split("-")[0] != "en":
        return True
    titles = [m for m in source.matches if m.concept_id == concept_id]
    if not titles:
        return True
    text = source.text
    return any(_NAME_AFTER.match(text, m.end) or _NAME_BEFORE.search(text, 0, m.start) for m in titles)


#: Appointing, nominating, electing (verbs and verbal nouns, folded, with و ف ب ل before them): a title
#: right after one is who appoints, the name after it who is appointed (عيّن الأمين العام باشيليت).
_APPOINTING = frozenset(
    p + w
    for p in ("", "و", "ف", "ب", "ل", "وب", "ول")
    for w in ("تعيين", "ترشيح", "اختيار", "انتخاب", "تكليف", "تسميه", "عين", "رشح", "اختار", "كلف", "سمي")
)


def appoints(view: SideView, start: int) -> bool:
    """Whether the title at ``start`` follows a word of appointing (``تعيين الأمين العام باشيليت``,
    "the Secretary-General's appointment of Bachelet"): the title is then the one who appoints."""
    before = AR_NAME_WORD.findall(view.text, max(0, start - 30), start)
    return view.lang.startswith("ar") and bool(before) and word_key(before[-1]) in _APPOINTING


def appointing_in(view: SideView, start: int, end: int) -> bool:
    """Whether a word of appointing stands between ``start`` and ``end`` (``وقد عين الأمين العام،
    أنطونيو غوتيريش، المبعوثة الخاصة``: the title after it is the one appointed)."""
    return view.lang.startswith("ar") and any(
        word_key(w) in _APPOINTING for w in AR_NAME_WORD.findall(view.text, start, end)
    )


def name_before(view: SideView, at: int, unknown: Callable[[str], bool]) -> list[tuple[int, int]]:
    """``Name, Title``: the name word just before a title after a comma, and in Arabic the word
    before it too when the dictionary does not know it (a given name: ``ليز غراندي، منسقة`` is
    Lise Grande, no mention of Filippo Grandi; ``وقال غراندي، المفوض`` names the surname alone)."""
    head = view.text[:at].rstrip()
    if not head.endswith((",", "،")):
        return []
    head = head[:-1].rstrip()
    pattern = AR_NAME_WORD if view.lang == "ar" else EN_NAME
    words = list(pattern.finditer(head, max(0, len(head) - 60)))
    if not words or words[-1].end() != len(head):
        return []
    last = words[-1]
    if view.lang == "ar" and len(words) > 1:
        given = words[-2]
        if head[given.end() : last.start()].strip() == "" and unknown(given.group().translate(UNMARK)):
            return [(given.start(), given.end()), (last.start(), last.end())]
    return [(last.start(), last.end())]


def unknown_word(ctx: UnitContext) -> Callable[[str], bool]:
    """Whether an Arabic word is unknown to the dictionary and the termbase (every word is known
    when no dictionary is installed: the name before a title is then its last word alone)."""
    speller = arabic_speller()
    if speller is None:
        return lambda word: False
    return lambda word: not arabic_word_known(word, ctx.termbase, speller)
