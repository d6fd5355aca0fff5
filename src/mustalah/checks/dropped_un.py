"""A UN body's Arabic name with للأمم dropped before المتحدة (``الجمعية العامة المتحدة``), or
المتحدة dropped after الأمم (``برنامج الأمم الإنمائي``).

Names the UN writes ``X للأمم المتحدة …`` (``الجمعية العامة للأمم المتحدة``, ``الأمانة العامة
للأمم المتحدة``, ``المفوضية السامية للأمم المتحدة لشؤون اللاجئين``) lose their ``للأمم`` to a
slip and keep an orphan ``المتحدة``.  Exact matching then sees ``الجمعية العامة`` — a right
short form — and the near-miss searches leave words inside a match alone, so TM006 asks this
module: wherever ``المتحدة`` follows the words a name puts before ``للأمم`` (a proclitic on the
first of them allowed: ``للجمعية العامة المتحدة``), with the rest of that name after it, a
word was dropped.  ``المتحدة`` after anything else (``الولايات المتحدة``, ``المملكة المتحدة``,
``الأمم المتحدة``) is not looked at.

The other slip keeps ``الأمم`` and drops ``المتحدة``: ``برنامج الأمم الإنمائي``, ``صندوق الأمم
للسكان``, ``لمكتب الأمم المعني بالمخدرات والجريمة``.  ``الأمم`` alone is a word ("nations"), so
only a name the termbase holds, with a word before ``الأمم`` and one after, or two after, is
looked for, written out with ``المتحدة`` dropped (:func:`dropped_united`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..termbase.derived import register
from ..termbase.model import Termbase
from ..text.arabic import PROCLITICS

_UN = " للأمم المتحدة"
_ORPHAN = re.compile(r"(?<=[\u0621-\u064a] )المتحدة(?![\u0621-\u064a])")
_LETTER = re.compile(r"[\u0621-\u064a]")
_LETTERS = re.compile(r"[\u0621-\u064a]+")
#: No proclitic, one, or a conjunction and a preposition on the name's first word (``وللجمعية``).
_CLITICS = frozenset({"", *PROCLITICS, *(c + p for c in "وف" for p in PROCLITICS - {"و", "ف"})})


@dataclass(frozen=True, slots=True)
class DroppedUN:
    """``text[start:end]`` is ``concept``'s name ``expected`` without its ``للأمم``."""

    start: int
    end: int
    concept: str
    expected: str
    #: the text with للأمم put back, its proclitics kept (``للجمعية العامة للأمم المتحدة``)
    fix: str
    written: str
    #: the word dropped: للأمم before المتحدة, or المتحدة after الأمم (``برنامج الأمم الإنمائي``)
    dropped: str = "للأمم"

    @property
    def message(self) -> str:
        return f"'{self.written}' is {self.concept} '{self.expected}' without '{self.dropped}'"


#: (the words a name puts before للأمم, concept, name, what follows المتحدة)
_Entry = tuple[str, str, str, str]


@register("un-name-prefixes")
def un_name_prefixes(termbase: Termbase) -> dict[str, tuple[_Entry, ...]]:
    """Each approved Arabic name written ``X للأمم المتحدة …``, found by the word before ``للأمم``:
    the last word of ``X``, or, for a one-word ``X``, ``*`` and that word without its article (a
    proclitic may stand on it).  One dictionary look-up per ``المتحدة`` in the text, whatever the
    termbase's size (stored with the compiled index cache)."""
    table: dict[str, list[_Entry]] = {}
    for concept in termbase.concepts:
        for term in concept.terms_in("ar"):
            i = term.text.find(_UN)
            if term.approved and i > 0:
                prefix = term.text[:i]
                last = prefix.rsplit(" ", 1)[-1]
                key = last if " " in prefix else "*" + last.removeprefix("ال")
                table.setdefault(key, []).append((prefix, concept.id, term.text, term.text[i + len(_UN) :]))
    return {key: tuple(entries) for key, entries in table.items()}


def _candidates(table: dict[str, tuple[_Entry, ...]], word: str) -> list[_Entry]:
    """The names whose words before للأمم may end with ``word``: by the word itself, or, for a
    one-word name, by what is left once up to four letters of proclitics and article go."""
    found = list(table.get(word, ()))
    for k in range(5):
        found += table.get("*" + word[k:], ())
    return found


def _first_word_at(text: str, before: int, first: str) -> int | None:
    """Where the word ending at ``before`` starts, if it is ``first`` with proclitics (with ل on
    an article, ``ال`` → ``لل``: ``للجمعية``); None otherwise."""
    start = before
    while start > 0 and "\u0621" <= text[start - 1] <= "\u064a":
        start -= 1
    word = text[start:before]
    for clitics in _CLITICS:
        if word == clitics + first or (
            clitics.endswith("ل") and first.startswith("ال") and word == clitics + first[1:]
        ):
            return start
    return None


def dropped_un(termbase: Termbase, text: str) -> Iterator[DroppedUN]:
    """Each UN name in Arabic ``text`` written without its ``للأمم`` before ``المتحدة``."""
    if "المتحدة" not in text:
        return
    table = termbase.derived("un-name-prefixes", un_name_prefixes)
    for orphan in _ORPHAN.finditer(text):
        before = orphan.start() - 1  # the space
        word_start = before
        while word_start > 0 and _LETTER.match(text, word_start - 1):
            word_start -= 1
        fits: list[tuple[int, str, str, str]] = []
        for prefix, concept, name, rest in _candidates(table, text[word_start:before]):
            first, _, others = prefix.partition(" ")
            tail = f" {others}" if others else ""
            if not text.endswith(tail, 0, before):
                continue
            start = _first_word_at(text, before - len(tail), first)
            after = orphan.end() + len(rest)
            if start is not None and text.startswith(rest, orphan.end()) and not _LETTER.match(text, after):
                fits.append((start, concept, name, rest))
        if fits:
            start, concept, name, rest = max(fits, key=lambda f: len(f[3]))
            end = orphan.end() + len(rest)
            mended = f"{text[start : orphan.start()]}للأمم {text[orphan.start() : end]}"
            yield DroppedUN(start, end, concept, name, mended, text[start:end])


#: (the words before الأمم, الأمم as the name writes it, the words after المتحدة, concept, name)
_UnitedEntry = tuple[tuple[str, ...], str, tuple[str, ...], str, str]
_NATIONS = ("الأمم", "للأمم")
_NATIONS_WORD = re.compile(
    r"(?<![\u0621-\u064a])([\u0621-\u064a]*(?:الأمم|للأمم)) (?!المتحدة(?![\u0621-\u064a]))"
)


@register("un-names-united")
def un_names_united(termbase: Termbase) -> dict[str, tuple[_UnitedEntry, ...]]:
    """Each approved Arabic name with ``الأمم المتحدة`` (or ``للأمم المتحدة``) inside it and at
    least two other words around it, by the word after ``المتحدة``."""
    table: dict[str, list[_UnitedEntry]] = {}
    for concept in termbase.concepts:
        for term in concept.terms_in("ar"):
            if not term.approved:
                continue
            words = term.text.split(" ")
            for k in range(len(words) - 2):
                if words[k] in _NATIONS and words[k + 1] == "المتحدة":
                    before, after = tuple(words[:k]), tuple(words[k + 2 :])
                    if len(before) + len(after) >= 2:
                        table.setdefault(after[0], []).append(
                            (before, words[k], after, concept.id, term.text)
                        )
    return {key: tuple(entries) for key, entries in table.items()}


def dropped_united(termbase: Termbase, text: str) -> Iterator[DroppedUN]:
    """Each UN name in Arabic ``text`` written without its ``المتحدة`` after ``الأمم``."""
    if "لأمم" not in text:
        return
    table = termbase.derived("un-names-united", un_names_united)
    for m in _NATIONS_WORD.finditer(text):
        token, after_at = m.group(1), m.end()
        nxt = _LETTERS.match(text, after_at)
        if nxt is None:
            continue
        fits: list[tuple[int, int, _UnitedEntry]] = []
        for entry in table.get(nxt.group(), ()):
            before, nations, after, _concept, _name = entry
            rest = " ".join(after)
            end = after_at + len(rest)
            if not text.startswith(rest, after_at) or _LETTER.match(text, end):
                continue
            if before:
                if token != nations:
                    continue  # a proclitic stands on the name's first word, not on الأمم
                tail = " ".join(before[1:])
                pre = m.start(1) - 1 - (len(tail) + 1 if tail else 0)
                if pre <= 0 or (tail and not text.startswith(tail + " ", pre + 1)):
                    continue
                start = _first_word_at(text, pre, before[0])
            else:
                start = m.start(1) if token.endswith(nations) and _proclitics_only(token, nations) else None
            if start is not None:
                fits.append((start, end, entry))
        if fits:
            start, end, (_b, _n, _a, concept, name) = max(fits, key=lambda f: f[1] - f[0])
            cut = m.end(1)
            mended = f"{text[start:cut]} المتحدة{text[cut:end]}"
            yield DroppedUN(start, end, concept, name, mended, text[start:end], dropped="المتحدة")


def _proclitics_only(token: str, word: str) -> bool:
    """``token`` is ``word`` with nothing but proclitics before it (``والأمم``, ``بالأمم``)."""
    return token[: len(token) - len(word)] in _CLITICS


def dropped_words(termbase: Termbase, text: str) -> list[DroppedUN]:
    """Both slips in Arabic ``text``: names without their ``للأمم`` or without their ``المتحدة``."""
    return [*dropped_un(termbase, text), *dropped_united(termbase, text)]
