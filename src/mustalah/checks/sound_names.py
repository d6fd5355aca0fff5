"""Names written by their sound in Arabic with no English beside it: SP002 leaves them alone.

With an English side, an Arabic word that spells one of its capitalized words is a name
(``text/transliteration.py``).  Alone, the signal is where the word stands: a word the dictionary
lacks right after an honorific (``السيدة باتن``) or beside another such word (``مايكل كيتنغ``,
``إرفيه لادسوس``, ``بانتيو وملكال``) is a person's or a place's name written by its sound, not a
typo.  A word that a hamza mends the way SP005 does (``وأطلاق``, ``الإجتماعية`` …), that is a
known word with a hamza or madda on its first alef (``الى``), or whose final ``ى``/``ي``/``ه``/``ة``
swapped makes it known (``البشريه``) is a slip wherever it stands: neither a name nor what makes
its neighbour one.  (Two words run together beside a name, ``لدارفورعموماً``, lose their note:
Hunspell splits too many names into two words it knows for that to be a guard.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..text.arabic import GIVEN_NAMES, GIVEN_NAMES_ALSO_WORDS, PLACE_NOUNS, split_honorific_ar
from ..text.final_letters import FINAL_SWAPS
from ..text.hamza import hamza_correction, hamza_stems

#: What may stand between two words of one name: white space, or a hyphen (``كي - مون``).
_NAME_GAP = re.compile(r"[ \u00a0]+|[ \u00a0]*-[ \u00a0]*")


def mended_by_spelling(word: str, known: Callable[[str], bool]) -> bool:
    """Whether the unknown ``word`` is a known one misspelt at its hamza or its last letter."""
    if hamza_correction(word, known) is not None:
        return True
    if word[:1] == "ا" and any(h + word[1:] in hamza_stems() and known(h + word[1:]) for h in "أإآ"):
        return True  # الى → إلى: the whole word, no proclitic split off
    return len(word) > 3 and word[-1] in FINAL_SWAPS and known(word[:-1] + FINAL_SWAPS[word[-1]])


def sound_spelt_names(
    text: str,
    words: Sequence[re.Match[str]],
    bare: Callable[[str], str],
    unknown: Callable[[str], bool],
    known: Callable[[str], bool],
) -> frozenset[str]:
    """The words of ``words`` (matches in ``text``; ``bare`` drops their vowel marks) that read as
    a name: ``unknown``, not :func:`mended_by_spelling`, and after an honorific, after a given
    name (``هادي البحرة``) or a noun of a place (``سد الوالة``), or beside another such word.
    Returned bare."""
    plain = [bare(m.group()) for m in words]
    odd = [unknown(w) and not mended_by_spelling(w, known) for w in plain]
    names: set[str] = set()
    for i, m in enumerate(words):
        before = i > 0 and _NAME_GAP.fullmatch(text[words[i - 1].end() : m.start()]) is not None
        # after a noun of a place, a name whose last letter swapped makes a word is still a name
        # (``سد الوالة``: الواله is a word); only a hamza slip is not (SP005 reads those anyway)
        placed = before and plain[i - 1].removeprefix("و") in PLACE_NOUNS
        if not (odd[i] or (placed and unknown(plain[i]) and hamza_correction(plain[i], known) is None)):
            continue
        after = i + 1 < len(words) and _NAME_GAP.fullmatch(text[m.end() : words[i + 1].start()]) is not None
        given = plain[i - 1] in GIVEN_NAMES and plain[i - 1] not in GIVEN_NAMES_ALSO_WORDS
        titled = before and (odd[i - 1] or split_honorific_ar(plain[i - 1]) is not None or given)
        if placed or titled or (after and odd[i + 1]):
            names.add(plain[i])
    return frozenset(names)
