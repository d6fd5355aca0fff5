"""A UN body's Arabic name with للأمم dropped before المتحدة: ``الجمعية العامة المتحدة``.

Names the UN writes ``X للأمم المتحدة …`` (``الجمعية العامة للأمم المتحدة``, ``الأمانة العامة
للأمم المتحدة``, ``المفوضية السامية للأمم المتحدة لشؤون اللاجئين``) lose their ``للأمم`` to a
slip and keep an orphan ``المتحدة``.  Exact matching then sees ``الجمعية العامة`` — a right
short form — and the near-miss searches leave words inside a match alone, so TM006 asks this
module: wherever ``المتحدة`` follows the words a name puts before ``للأمم`` (a proclitic on the
first of them allowed: ``للجمعية العامة المتحدة``), with the rest of that name after it, a
word was dropped.  ``المتحدة`` after anything else (``الولايات المتحدة``, ``المملكة المتحدة``,
``الأمم المتحدة``) is not looked at.
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

    @property
    def message(self) -> str:
        return f"'{self.written}' is {self.concept} '{self.expected}' without 'للأمم'"


@register("un-name-prefixes")
def un_name_prefixes(termbase: Termbase) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The words approved Arabic names put before ``للأمم المتحدة`` → each such name as (concept,
    name, what follows المتحدة) (stored with the compiled index cache)."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    for concept in termbase.concepts:
        for term in concept.terms_in("ar"):
            i = term.text.find(_UN)
            if term.approved and i > 0:
                table.setdefault(term.text[:i], []).append((concept.id, term.text, term.text[i + len(_UN) :]))
    return {prefix: tuple(names) for prefix, names in table.items()}


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
        for prefix, names in table.items():
            first, _, others = prefix.partition(" ")
            tail = f" {others}" if others else ""
            if not text.endswith(tail, 0, before):
                continue
            start = _first_word_at(text, before - len(tail), first)
            if start is None:
                continue
            fits = [
                (concept, name, rest)
                for concept, name, rest in names
                if text.startswith(rest, orphan.end()) and not _LETTER.match(text, orphan.end() + len(rest))
            ]
            if not fits:
                continue
            concept, name, rest = max(fits, key=lambda f: len(f[2]))
            end = orphan.end() + len(rest)
            mended = f"{text[start : orphan.start()]}للأمم {text[orphan.start() : end]}"
            yield DroppedUN(start, end, concept, name, mended, text[start:end])
            break
