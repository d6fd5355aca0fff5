"""Latin runs an Arabic text with no source keeps on purpose, judged by their shape alone (UT003)."""

from __future__ import annotations

import re

#: Particles inside a name in its own language: Empresa Argentina de Soluciones Satelitales.
#: … and the small words of an English title (Impacts of Global Financial Crisis on Social and Economic
#: Development in Vietnam): a title cited in its own language, as UN Arabic cites publications.
PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "y", "e", "du", "des", "et", "von", "van", "der"}
    | {"of", "for", "and", "the", "in", "on", "to", "with", "at", "by", "an"}
    | {"und", "für", "di", "da", "dos", "das", "le", "les", "el", "al"}  # TÜV Produkt und Umwelt
)


#: A word of a title in Latin letters (``Fairness``, ``People's``, ``home-made``).
TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
QUOTATION = re.compile(r"[\"“«‘]([^\"“”«»]+)[\"”»’]")


def in_latin_quotation(text: str, start: int, end: int) -> bool:
    """The run lies in a quotation written mostly in Latin letters: a headline or a title cited in
    its own language (``"Iran manufactures first home-made VTOL drone", Fars News Agency``)."""
    for m in QUOTATION.finditer(text):
        if m.start() <= start and end <= m.end():
            inner: str = m.group(1)
            latin = sum(c.isascii() and c.isalpha() for c in inner)
            return latin > 2 * sum("\u0621" <= c <= "\u064a" for c in inner)
    return False


def title_case(run: str) -> bool:
    """A name by its shape, as an Arabic text with no source can only judge it: a journal, a
    company, a ship, a book kept in Latin letters (``Feminist Economics``, ``Sony Pictures
    Entertainment``, ``Argyll``, ``A Theory of Fairness and Social Welfare``) has a capital on
    every word but its particles; a phrase left untranslated (``border security and
    management``, ``Iran manufactures first home-made``) has lower-case words."""
    words = TITLE_WORD.findall(run)
    if not words or not words[0][:1].isupper():
        return False
    long_words = [w for w in words if len(w) > 3 and w.lower() not in PARTICLES]
    lower = [w for w in long_words if not w[:1].isupper()]
    return len(lower) <= len(long_words) // 6  # one small word a title keeps lower-case ("that")


#: A word in Latin letters, a code's letters among them (``E.4108`` gives ``E.``).
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def among_latin_names(text: str, start: int, end: int) -> bool:
    """The run stands in a stretch of Latin text (no Arabic letter between) whose words are
    mostly capitalized: an address or a reference UN Arabic keeps in Latin letters (``إلى وحدة
    تحرير الوثائق: Editing Unit, room E.4108, Palais des Nations, Geneva``), where the small
    words (``room``, ``des``) belong to the names around them.  A phrase left untranslated
    (``border security and management``) has no names around it."""
    first, last = start, end
    while first > 0 and not "\u0600" <= text[first - 1] <= "\u06ff":
        first -= 1
    while last < len(text) and not "\u0600" <= text[last] <= "\u06ff":
        last += 1
    words: list[str] = _LATIN.findall(text[first:last])
    capitalized = sum(w[0].isupper() for w in words)
    return capitalized >= 3 and capitalized >= 2 * (len(words) - capitalized)
