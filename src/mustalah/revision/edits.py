"""Word-level edits between a translator's text and the reviser's, Arabic-aware.

Texts are cut into tokens (words, single punctuation marks, runs of white space) and compared
with :class:`difflib.SequenceMatcher`; each changed run is one :class:`RawEdit` with its span in
the original.  The kind says what changed, most specific first:

* ``diacritics`` — only harakat, shadda, superscript alef or tatweel differ (الدولي → الدوليّ);
* ``spacing`` — only white space (a space before a comma removed);
* ``punctuation`` — only punctuation marks (, → ،);
* ``clitic`` — one word whose proclitics changed, its stem kept (مكافحة → لمكافحة, وللمكتب → والمكتب);
* ``orthography`` — the same word once hamza seats, alef maqsura and ta marbuta are folded
  (المعنى → المعني);
* ``word`` — anything else (a word replaced, added or removed).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from ..text.arabic import split_proclitics

_MARK_CLASS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
#: Words keep their marks and tatweel (``الدوليّ`` is one token), then white space runs, then
#: single punctuation marks.
_TOKEN = re.compile(f"[\\w{_MARK_CLASS}]+|\\s+|[^\\w\\s]")
_MARKS = re.compile(f"[{_MARK_CLASS}]")
_ORTHO = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


@dataclass(frozen=True, slots=True)
class RawEdit:
    """A changed run: ``old`` at ``start:end`` in the original became ``new``."""

    start: int
    end: int
    old: str
    new: str
    kind: str


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _bare(text: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFC", text))


def classify(old: str, new: str) -> str:
    """The kind of one edit (see the module docstring)."""
    if _bare(old) == _bare(new):
        return "diacritics"
    if not old.strip() and not new.strip():
        return "spacing"
    if "".join(old.split()) == "".join(new.split()):
        return "spacing"
    letters = re.compile(r"\w")
    if not letters.search(old) and not letters.search(new):
        return "punctuation"
    a, b = _bare(old).strip(), _bare(new).strip()
    if a and b and " " not in a and " " not in b:
        (pa, sa), (pb, sb) = split_proclitics(a), split_proclitics(b)
        same = sa == sb or "ال" + sa == sb or sa == "ال" + sb
        if len(sa) > 1 and len(sb) > 1 and same and pa != pb:  # والي / لي: no stem, a surname
            return "clitic"
    if a.translate(_ORTHO) == b.translate(_ORTHO):
        return "orthography"
    return "word"


def word_edits(old: str, new: str) -> list[RawEdit]:
    """The edits that turn ``old`` into ``new``, in order, spans in ``old``."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [t[2] for t in a], [t[2] for t in b], autojunk=False)
    # changed runs that only white space keeps apart are one edit (a phrase rewritten)
    runs: list[list[int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if runs and all(not t[2].strip() for t in a[runs[-1][1] : i1]) and i1 - runs[-1][1] <= 1:
            runs[-1][1], runs[-1][3] = i2, j2
        else:
            runs.append([i1, i2, j1, j2])
    out: list[RawEdit] = []
    for i1, i2, j1, j2 in runs:
        start = a[i1][0] if i1 < len(a) else len(old)
        end = a[i2 - 1][1] if i2 > i1 else start
        new_text = new[b[j1][0] : b[j2 - 1][1]] if j2 > j1 else ""
        old_text = old[start:end]
        out.append(RawEdit(start, end, old_text, new_text, classify(old_text, new_text)))
    return out
