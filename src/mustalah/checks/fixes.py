"""Which rules' suggestions ``mustalah fix`` applies (``lint.fix``): the safe ones.

A fix is safe when the suggestion is the flagged text itself corrected, span for span, with the
span's own proclitics kept: a deprecated or orthographically variant form replaced by the
preferred one (TM002, TM003), the article on a construct head (TM005), a space before punctuation
(PU002), a Latin comma or semicolon in Arabic (PU001), invisible controls (IN001–IN005).  The
rules' documentation (``mustalah rules``, ``docs/rules.md``) says so for each rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..matching.types import OrthoDiff

SAFE_FIXES: frozenset[str] = frozenset(
    {"TM002", "TM003", "TM005", "PU001", "PU002", "IN001", "IN002", "IN003", "IN004", "IN005"}
)


def fix_note(code: str) -> str:
    """One line for a rule's docs: whether ``mustalah fix`` applies its suggestion."""
    if code in SAFE_FIXES:
        return "safe: `mustalah fix` applies the suggestion (only the flagged span changes)"
    return "none: `mustalah fix` leaves it to the reviser"


def mend(text: str, start: int, end: int, diffs: Iterable[OrthoDiff]) -> str:
    """``text[start:end]`` with each of ``diffs`` (inside it) written as expected: the surface
    as found, its clitics and inflection kept (``رفيعة المستوي`` → ``رفيعة المستوى``)."""
    out = text[start:end]
    for d in sorted(diffs, key=lambda d: d.start, reverse=True):
        if start <= d.start and d.end <= end:
            out = out[: d.start - start] + d.expected + out[d.end - start :]
    return out


#: Conjunctions and prepositions written on a word (``ولمنظمة``), longest first.
_PREFIXES = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك", "")
#: The Arabic word right before a span, with the spaces after it.
_WORD_BEFORE = re.compile(r"([\u0621-\u064a]+)\s+$")


def absorb_repeated_word(text: str, start: int, suggestion: str) -> tuple[int, str]:
    """Where the fix's first word already stands before the span (``منظمة الفاو``, whose fix
    ``منظمة الأغذية والزراعة للأمم المتحدة`` begins with it), the span to replace and its fix
    cover that word too, or applying the fix would write it twice (``منظمة منظمة``).  A
    conjunction or preposition on the word stays on the fix (``لمنظمة الفاو`` → ``لمنظمة الأغذية …``)."""
    head, _, rest = suggestion.partition(" ")
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not rest or before is None:
        return start, suggestion
    word = before.group(1)
    for prefix in _PREFIXES:
        if word == prefix + head:
            return before.start(), prefix + suggestion
    return start, suggestion
