"""Acronyms a text defines as something else: ``epizootic catarrhal enteritis (ECE)``.

Short acronyms are shared by many bodies and things.  When the English spells an acronym out
just before it, in words whose initials give the acronym and that share no word with any name
the termbase gives the concept, the text has said what the acronym means here: not the
termbase's body.  Its matches in the unit (that one and later bare uses, on both sides) are
dropped before any rule runs, so no rule asks for ``اللجنة الاقتصادية لأوروبا`` in a paper on
ferrets.  The other way round (the words agree and the acronym is another body's) is the
acronym rules' business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..termbase.model import Termbase
from .types import TermMatch

#: Words an acronym may leave out: "Organization of American States" = OAS.
_FUNCTION_WORDS = frozenset({"of", "for", "on", "and", "the", "in", "to", "against", "at", "by", "with"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _FUNCTION_WORDS}


def _spelled_before(before: str, letters: str) -> list[str] | None:
    """The last words of ``before`` whose initials spell ``letters`` (function words may be
    skipped, or count), or None."""
    words = _WORD.findall(before[-240:].replace("-", " "))
    for skip_function_words in (True, False):
        picked: list[str] = []
        for word in reversed(words):
            if skip_function_words and word.lower() in _FUNCTION_WORDS:
                if picked:
                    continue
                return None  # "… of (ECE)": no name stands just before the acronym
            picked.append(word)
            if len(picked) == len(letters):
                break
        if len(picked) == len(letters) and "".join(w[0] for w in reversed(picked)).upper() == letters:
            return picked
    return None


def redefined(text: str, matches: Iterable[TermMatch], termbase: Termbase) -> frozenset[str]:
    """The acronyms (their text) that ``text``, English, spells out as something else than the
    concept the termbase gives them."""
    if "(" not in text:
        return frozenset()
    found: set[str] = set()
    ends = {m.end for m in matches if not m.term.is_acronym}
    for m in matches:
        if not m.term.is_acronym or text[m.start - 1 : m.start] != "(" or text[m.end : m.end + 1] != ")":
            continue
        before = text[: m.start - 1].rstrip()
        if len(before) in ends:
            continue  # a name the termbase knows stands before it: its acronym
        letters = "".join(ch for ch in m.term.text if ch.isalpha()).upper()
        spelled = _spelled_before(before, letters) if len(letters) >= 2 else None
        concept = termbase.get(m.concept_id)
        if spelled is None or concept is None:
            continue
        names = set().union(*(_content_words(t.text) for t in concept.terms_in("en") if not t.is_acronym))
        if not names & {w.lower() for w in spelled}:
            found.add(m.term.text)
    return frozenset(found)


def without(matches: tuple[TermMatch, ...], acronyms: frozenset[str]) -> tuple[TermMatch, ...]:
    """``matches`` less those of ``acronyms``."""
    return tuple(m for m in matches if not (m.term.is_acronym and m.term.text in acronyms))
