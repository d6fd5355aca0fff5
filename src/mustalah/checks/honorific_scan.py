"""The gendered honorifics of a text (السيد، السيدة، Mr., Ms.), found once per side.

Arabic is read less its vowel marks (``السيّد``), the offsets mapped back to the text; an
honorific with a proclitic (``والسيدة``، ``للسيد``) keeps it apart, and ``السيدة الأولى`` ("the
First Lady") is a title of its own, no honorific.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..termbase.model import Gender
from ..text.arabic import HONORIFIC_CLITICS, HONORIFICS_AR, HONORIFICS_EN, split_honorific_ar
from ..text.normalize import without_vowel_marks
from .base import SideView

_FIRST_LADY = re.compile(r"\s+الأولى(?![\u0621-\u064a])")


@dataclass(frozen=True, slots=True)
class Honorific:
    start: int
    end: int
    word: str
    clitics: str
    gender: Gender | None


def _surface_forms() -> dict[str, tuple[str, str, Gender]]:
    """Every written form of a gendered Arabic honorific with its proclitics (والسيد، للسيدة …)."""
    forms: dict[str, tuple[str, str, Gender]] = {}
    for word, gender in HONORIFICS_AR.items():
        if gender is None:
            continue
        for clitic in HONORIFIC_CLITICS:
            surface = clitic + word
            if clitic.endswith("ل") and word.startswith("ال"):
                surface = clitic + word[1:]  # ل + السيد → للسيد
            if split_honorific_ar(surface) is not None:
                forms.setdefault(surface, (clitic, word, gender))
    return forms


AR_HONORIFIC_FORMS = _surface_forms()
_AR_HONORIFIC = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, AR_HONORIFIC_FORMS), key=len, reverse=True)) + r")(?!\w)"
)
EN_GENDERED_HONORIFICS = {k: v for k, v in HONORIFICS_EN.items() if v is not None}
_EN_HONORIFIC = re.compile(
    r"(?<!\w)("
    + "|".join(sorted(map(re.escape, EN_GENDERED_HONORIFICS), key=len, reverse=True))
    + r")(?![\w])"
)


#: Every Arabic form contains its honorific without the article (``للسيد`` has ``سيد``), every
#: English one is itself a literal: a text with none of these has no honorific.
AR_HINT = re.compile("|".join(sorted({w.removeprefix("ال") for _, w, _ in AR_HONORIFIC_FORMS.values()})))
EN_HINT = re.compile("|".join(sorted(map(re.escape, EN_GENDERED_HONORIFICS))))


def honorifics(view: SideView) -> tuple[Honorific, ...]:
    """The gendered honorifics of a side, in order (once per view: GN001 and GN002 read them)."""
    got: tuple[Honorific, ...] | None = view.memo.get("honorifics")
    if got is None:
        got = view.memo["honorifics"] = tuple(_honorifics(view.text, view.lang))
    return got


def _honorifics(text: str, lang: str) -> Iterator[Honorific]:
    if lang == "ar":
        # read less the vowel marks (السيّد, السيّدة), the offsets mapped back to the text
        unmarked = without_vowel_marks(text)
        plain, kept = unmarked if unmarked is not None else (text, None)
        if not AR_HINT.search(plain):
            return
        for m in _AR_HONORIFIC.finditer(plain):
            clitic, word, gender = AR_HONORIFIC_FORMS[m.group(1)]
            if _FIRST_LADY.match(plain, m.end()):
                continue  # السيدة الأولى, "the First Lady": a title of its own, before no name
            if kept is None:
                yield Honorific(m.start(), m.end(), word, clitic, gender)
            else:  # the end after the honorific's last letter and its marks (السيّدُ)
                yield Honorific(kept[m.start()], kept[m.end()], word, clitic, gender)
    else:
        if not EN_HINT.search(text):
            return
        for m in _EN_HONORIFIC.finditer(text):
            token = m.group(1)
            yield Honorific(m.start(), m.end(), token, "", EN_GENDERED_HONORIFICS[token])
