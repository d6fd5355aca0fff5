"""English-side helpers: the UN -ize spelling rule and document symbols.

UN English follows the Concise Oxford: -ize (organization, recognize), but -yse
(analyse) and a closed list of words that are always -ise.
"""

from __future__ import annotations

import re

from .normalize import without_vowel_marks

#: Words always written -ise in UN English (and words where -ise is not a suffix).
ALWAYS_ISE: frozenset[str] = frozenset(
    [
        "advertise",
        "advise",
        "apprise",
        "arise",
        "chastise",
        "circumcise",
        "comprise",
        "compromise",
        "concise",
        "cruise",
        "demise",
        "despise",
        "devise",
        "disguise",
        "enterprise",
        "excise",
        "exercise",
        "expertise",
        "franchise",
        "improvise",
        "incise",
        "merchandise",
        "noise",
        "otherwise",
        "paradise",
        "poise",
        "practise",  # the British verb (practice is the noun): there is no "practize"
        "praise",
        "precise",
        "premise",
        "promise",
        "raise",
        "reprise",
        "revise",
        "rise",
        "supervise",
        "surmise",
        "surprise",
        "televise",
        "treatise",
        "wise",
        "likewise",
        "clockwise",
        "anise",
        "chemise",
        "mortise",
        "bruise",
        "guise",
        "cerise",
        "valise",
        "marquise",
    ]
)

_ISE = re.compile(r"\b([A-Za-z]{4,}?)is(e|es|ed|ing|ation|ations|ational|er|ers)\b")
#: The tail of every ``_ISE`` match: a fast test (a literal prefix) before the full pattern.
_ISE_TAIL = re.compile(r"is(?:e|es|ed|ing|ation|ations|ational|er|ers)\b")
_IZE_ENDINGS = {
    "e": "e",
    "es": "es",
    "ed": "ed",
    "ing": "ing",
    "ation": "ation",
    "ations": "ations",
    "ational": "ational",
    "er": "er",
    "ers": "ers",
}


def ise_words(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, found, suggestion) for every -ise/-isation spelling UN English writes -ize."""
    out: list[tuple[int, int, str, str]] = []
    if not _ISE_TAIL.search(text):
        return out
    for m in _ISE.finditer(text):
        stem, ending = m.group(1), m.group(2)
        base = (stem + "ise").lower()
        if base in ALWAYS_ISE or base.endswith("wise"):
            continue
        if stem.lower().endswith(("cl", "rom", "prem", "dem", "exerc", "compr", "a", "o", "u")):
            continue  # … and -aise, -oise, -uise are never a suffix (malaise, turquoise, bruise)
        if ending == "es" and stem.lower().endswith(("pol", "trell", "ir", "pelv", "chrysal")):
            continue  # the plural of a noun in -is (megalopolises, metropolises, trellises, irises)
        out.append((m.start(), m.end(), m.group(), stem + "iz" + _IZE_ENDINGS[ending]))
    return out


#: UN document symbols: S/RES/2178 (2014), A/RES/60/288, A/75/L.1, S/2021/655, E/CN.4/2005/L.10.
#: An Arabic letter before one is no part of it: a page that lost the spaces around its links runs
#: the symbol into the words around it (``انظرCEDAW/C/SR.1548وCEDAW/C/SR.1549``).
DOCUMENT_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9_/])(?:A|S|E|ST|TD|DP|UNEP|CTC|HRC|CEDAW|CRC|CCPR|CAT|ICCD|FCCC|UNW|ECE|ESCWA|ECA|ECLAC|ESCAP)"
    r"(?:/[A-Z0-9][A-Za-z0-9.\-]*)*/[A-Za-z0-9.\-]*[0-9][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)*"
    r"(?:\s\(\d{4}\))?"
)


def document_symbols(text: str) -> list[tuple[int, int, str]]:
    """(start, end, symbol) of each UN document symbol; a stray vowel mark typed inside one
    (``S/2َ024/750``, reported by SP003) is read through."""
    stripped = without_vowel_marks(text)
    plain, kept = stripped if stripped is not None else (text, None)
    out = []
    for m in DOCUMENT_SYMBOL.finditer(plain):
        sym = m.group().rstrip(".-")
        start, end = m.start(), m.start() + len(sym)
        if kept is not None:
            start, end = kept[start], kept[end - 1] + 1
        out.append((start, end, sym))
    return out


#: Words that open an English sentence and never a name, whatever follows them (``More Afghan
#: women …``): a capital on one of these is the sentence's, not a name's.
SENTENCE_OPENERS = frozenset({
    "more", "most", "many", "much", "some", "all", "few", "several", "the", "this", "these", "those",
    "such", "other", "each", "every", "both", "no", "any", "a", "an", "in", "on", "at", "for", "by",
    "with", "from", "of", "to", "as", "if", "when", "while", "after", "before", "since",
})  # fmt: skip
