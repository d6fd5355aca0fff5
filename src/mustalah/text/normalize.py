"""Folding for matching keys, with a map back to the original text.

Fold only to build keys; never rewrite the text (GUIDE §3).  :func:`fold` returns a
:class:`Folded` whose ``key`` is what matchers search and whose offsets map back to
the original string.  Every difference a fold hid can be recovered by comparing the
original characters with the expected ones (:func:`classify_difference`).

Two levels (../shared/research/arabic.md §1.1):

* lossless folds — tatweel, harakat, superscript alef, Quranic marks, bidi and
  zero-width marks, soft hyphen (deleted); NBSP and odd spaces (→ space); runs of
  white space (→ one space); Persian/Urdu letter forms; Arabic-Indic and Extended
  digits; presentation forms (NFKC, on those code points only, after deleting the
  isolated presentation-form marks that NFKC would turn into space + mark);
* recall folds that can change meaning — أ إ آ ٱ → ا, ى → ي, ة → ه.  A match that
  needed them is a finding.  Hamza seats (ؤ ئ ء) are not folded.

Latin text is lower-cased in keys and hyphens become spaces (``Counter-Terrorism``
and ``Counter Terrorism`` share a key); the original case and hyphen are still there
to be compared.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# --- character classes -------------------------------------------------------------

TATWEEL = "\u0640"
HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653))  # fathatan .. sukun
OTHER_MARKS = (
    "".join(chr(c) for c in range(0x0653, 0x0660))
    + "".join(chr(c) for c in range(0x0610, 0x061B))
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))
    + "\u0670"  # superscript (dagger) alef
)
BIDI_MARKS = (
    "\u061c\u200e\u200f"
    + "".join(chr(c) for c in range(0x202A, 0x202F))
    + "".join(chr(c) for c in range(0x2066, 0x206A))
)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
ODD_SPACES = "\u00a0\u2007\u202f\u3000\t\n\r\v\f" + "".join(chr(c) for c in range(0x2000, 0x200B))
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2212"
APOSTROPHES = "\u2019\u02bc\u2018`"

DELETED = TATWEEL + HARAKAT + OTHER_MARKS + BIDI_MARKS + ZERO_WIDTH

ALEF_FORMS = "أإآٱٲٳٵ"
PERSIAN_YEH = "یېے"
PERSIAN_KAF = "کڪ"
PERSIAN_HEH = "ہھەۀۃ"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
#: Arabic-Indic and Extended digits to Western ones (``str.translate``), for reading a number's value.
WESTERN_DIGITS = str.maketrans(ARABIC_INDIC_DIGITS + EXTENDED_DIGITS, "0123456789" * 2)

_MAP: dict[int, str] = {}
for _c in ALEF_FORMS:
    _MAP[ord(_c)] = "ا"
_MAP[ord("ى")] = "ي"
_MAP[ord("ة")] = "ه"
for _c in PERSIAN_YEH:
    _MAP[ord(_c)] = "ي"
for _c in PERSIAN_KAF:
    _MAP[ord(_c)] = "ك"
for _c in PERSIAN_HEH:
    _MAP[ord(_c)] = "ه"
for _i, _c in enumerate(ARABIC_INDIC_DIGITS):
    _MAP[ord(_c)] = str(_i)
for _i, _c in enumerate(EXTENDED_DIGITS):
    _MAP[ord(_c)] = str(_i)
for _c in ODD_SPACES:
    _MAP[ord(_c)] = " "
for _c in HYPHENS:
    _MAP[ord(_c)] = " "
for _c in APOSTROPHES:
    _MAP[ord(_c)] = "'"

#: Level-0 table: what the expected (canonical) form of a term is compared in.
_L0: dict[int, str | None] = {ord(c): None for c in DELETED}
for _c in ODD_SPACES:
    _L0[ord(_c)] = " "

#: Key table: level 0 plus the matching folds.
_KEY: dict[int, str | None] = dict(_L0)
_KEY.update(_MAP)


def _as_list(table: dict[int, str | None]) -> list[str | None]:
    """A 64k-entry sequence table: ``str.translate`` indexes it instead of hashing (≈2× faster);
    code points past the BMP raise IndexError, a LookupError, and stay as they are."""
    out: list[str | None] = [chr(i) for i in range(0x10000)]
    for k, v in table.items():
        out[k] = v
    return out


_KEY_LIST = _as_list(_KEY)

_SPACELIKE = " " + ODD_SPACES + HYPHENS
_SLOW_RE = re.compile(
    "[" + re.escape(DELETED) + "]|(?<=[" + re.escape(_SPACELIKE) + "])[" + re.escape(_SPACELIKE) + "]"
)
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_PRESENTATION_MARKS = {chr(c) for c in range(0xFE70, 0xFE80)} | {chr(c) for c in range(0xFC5E, 0xFC64)}


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded key and the map from key offsets back to the original text.

    ``shifts``: for the fast path (only deletions), the folded positions at which one
    more original character had been deleted; ``index``: for the rare slow path
    (presentation-form expansions), an explicit original position per key char.
    """

    text: str
    key: str
    deleted: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()
    index: tuple[int, ...] | None = None

    def original(self, k: int) -> int:
        """Original offset of key position ``k`` (``k == len(key)`` maps to ``len(text)``)."""
        if self.index is not None:
            return self.index[k] if k < len(self.index) else len(self.text)
        if k >= len(self.key):
            return len(self.text)
        return k + bisect_right(self.shifts, k)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the key span ``[a, b)``; trailing marks stay with the word."""
        start = self.original(a)
        end = self.original(b - 1) + 1 if b > a else start
        text = self.text
        while end < len(text) and (text[end] in HARAKAT or text[end] in OTHER_MARKS or text[end] == TATWEEL):
            end += 1
        return start, end

    def deleted_in(self, start: int, end: int) -> list[int]:
        """Original positions of characters the fold deleted inside ``[start, end)``."""
        return [d for d in self.deleted if start <= d < end]

    @property
    def identity(self) -> bool:
        return not self.deleted and self.index is None


def fold(text: str) -> Folded:
    """Fold ``text`` into a matching key with an offset map back to ``text``."""
    if _PRESENTATION_RE.search(text):
        return _fold_slow(text)
    if not _SLOW_RE.search(text):
        key = text.translate(_KEY_LIST).lower()
        if len(key) == len(text):
            return Folded(text, key)
        return _fold_slow(text)
    deleted = tuple(m.start() for m in _SLOW_RE.finditer(text))
    stripped = strip_positions(text, deleted)
    key = stripped.translate(_KEY_LIST).lower()
    if len(key) != len(stripped) or "  " in key:
        return _fold_slow(text)  # ("  ": spaces a deleted mark kept apart, collapsed by the slow fold)
    shifts = tuple(d - j for j, d in enumerate(deleted))
    return Folded(text, key, deleted, shifts)


def strip_positions(text: str, positions: tuple[int, ...]) -> str:
    parts: list[str] = []
    prev = 0
    for p in positions:
        parts.append(text[prev:p])
        prev = p + 1
    parts.append(text[prev:])
    return "".join(parts)


def _fold_slow(text: str) -> Folded:
    out: list[str] = []
    index: list[int] = []
    deleted: list[int] = []
    for i, ch in enumerate(text):
        if ch in _PRESENTATION_MARKS or ch in DELETED:
            deleted.append(i)
            continue
        expanded = unicodedata.normalize("NFKC", ch) if "ﭐ" <= ch <= "﷿" or "ﹰ" <= ch <= "\ufeff" else ch
        for e in expanded:
            if e in DELETED:
                continue
            mapped = _KEY.get(ord(e), e)
            assert mapped is not None
            for m in mapped.lower():
                if m == " " and out and out[-1] == " ":
                    continue
                out.append(m)
                index.append(i)
    return Folded(text, "".join(out), tuple(deleted), (), tuple(index))


@functools.lru_cache(maxsize=1 << 16)
def fold_key(text: str) -> str:
    """Just the key (for building indexes from canonical forms, and for the words and names
    rules compare: the same few again and again, hence the cache), :func:`fold` without the map."""
    if not _PRESENTATION_RE.search(text) and not _SLOW_RE.search(text):
        key = text.translate(_KEY_LIST).lower()
        if len(key) == len(text):
            return key
    return fold(text).key


def fold_level0(text: str) -> str:
    """Delete invisible marks and normalize spaces; letters keep their spelling and case.

    The result is aligned one to one with :func:`fold_key` of the same text (for text
    without presentation forms), so canonical and found characters can be compared.
    """
    out = text.translate(_L0)
    while "  " in out:
        out = out.replace("  ", " ")
    return out


# --- classifying what a fold hid ---------------------------------------------------

_DIGITS = set(ARABIC_INDIC_DIGITS + EXTENDED_DIGITS)
_PERSIAN = set(PERSIAN_YEH + PERSIAN_KAF + PERSIAN_HEH)


def classify_deleted(ch: str) -> str:
    """The difference kind of a character the fold deleted."""
    if ch == TATWEEL:
        return "tatweel"
    if ch in HARAKAT or ch in OTHER_MARKS:
        return "diacritics"
    if ch in BIDI_MARKS or ch in ZERO_WIDTH:
        return "invisible"
    if ch in ODD_SPACES or ch == " ":
        return "space"
    if ch in HYPHENS:
        return "hyphen"  # the spaced hyphen of UN Arabic (غينيا - بيساو) folds away
    if ch in _PRESENTATION_MARKS:
        return "presentation-form"
    return "other"


def classify_difference(found: str, expected: str) -> str:
    """The difference kind between a found character and the expected one (same key)."""
    if found in _PERSIAN:
        return "persian"
    if found in _DIGITS or expected in _DIGITS:
        return "digits"
    if "\ufb50" <= found <= "\ufdff" or "\ufe70" <= found <= "\ufeff":
        return "presentation-form"
    if found in ALEF_FORMS or expected in ALEF_FORMS:
        return "alef-hamza"
    if {found, expected} == {"ى", "ي"}:
        return "alef-maqsura"
    if {found, expected} == {"ة", "ه"}:
        return "taa-marbuta"
    if found in HYPHENS or expected in HYPHENS:
        return "hyphen"
    if found in ODD_SPACES or expected in ODD_SPACES or found == " " or expected == " ":
        return "space"
    if found in APOSTROPHES or expected in APOSTROPHES:
        return "punctuation"
    if found.lower() == expected.lower():
        return "case"
    return "other"


#: Differences that change spelling (a match needing them is a finding; scoring does not count it).
SPELLING_KINDS = frozenset(
    {
        "alef-hamza",
        "alef-maqsura",
        "taa-marbuta",
        "persian",
        "digits",
        "presentation-form",
        "hyphen",
        "spelling-us-gb",
        "other",
    }
)
#: Differences that are invisible or typographic (tolerated by scoring).
TOLERATED_KINDS = frozenset({"diacritics", "tatweel", "invisible", "space", "case", "punctuation"})


def is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3" or ch == "\u06d5"


_ARABIC_RE = re.compile("[\u0621-\u064a\u066e-\u06d3]")
_LATIN_RE = re.compile("[A-Za-z]")


def detect_script_language(text: str) -> str:
    """``ar`` when Arabic letters outnumber Latin ones, else ``en``."""
    arabic = len(_ARABIC_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    return "ar" if arabic >= latin and arabic > 0 else "en"


_VOWEL_MARK_RUN = re.compile("[\u064b-\u0652\u0670]")


def without_vowel_marks(text: str) -> tuple[str, list[int]] | None:
    """``text`` less its harakat and dagger alefs, and for each kept character (plus the end) its
    offset in ``text``; ``None`` when there is none to drop (the common case, at no copy)."""
    if not _VOWEL_MARK_RUN.search(text):
        return None
    kept = [i for i, ch in enumerate(text) if not _VOWEL_MARK_RUN.match(ch)]
    plain = "".join(text[i] for i in kept)
    kept.append(len(text))
    return plain, kept
