"""Typing slips that leave a non-word one keystroke from a common UN word (SP007 reports them).

A letter dropped (``الفلسطنية``, ``المسؤلين``, ``سبتمر``), two letters typed in the wrong order
(``المستبقل``, ``السطلة``, ``ديسبمر``) or a letter typed twice (``والأمنن``, ``اللاجئيين``): the
written word is unknown to the dictionary, and exactly one word one such keystroke away is a word
UN Arabic writes often (``data/common-words.txt``, twenty times or more in the professionally
translated Arabic of ``corpora/real``; ``scripts/build_word_lists.py``).

Other keystrokes are not tried (but a month's letter with another's dots, ``سبتمير``): a letter
typed for another (``تخقيق``) or a letter added that is
not a repeat mends unknown names into common words as often as slips on real text (``شيران`` is
not ``إيران``, ``لويس`` not ``ليس``, ``بدارفور`` is ب + دارفور).  Guards keep names out: words
of four letters or fewer, or with a stem of three when no English stands beside them (``بريل``,
Braille, is not ``أبريل``, nor ``السيق``, the Siq of Petra, ``السياق``); with no English, a
word without the article, و or ف is mended only into a month (``ميلون كوثري`` is Miloon
Kothari); and words the dictionary lacks that UN Arabic itself writes (``data/unlisted-words.txt``:
``أربيل``, Erbil, is not ``أبريل`` either).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources

from .arabic import split_proclitics
from .dates import AR_MONTH_NAMES

#: The letters a dropped letter may have been.
LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
#: Shorter words mend into other words too easily (names, abbreviations): left to SP002.
MIN_LETTERS = 5
#: … and so do stems of three letters after the proclitics when no English beside the Arabic tells
#: a name from a slip (``السيق``, the Siq of Petra, is no ``السياق``; with the English, ``الريس`` is
#: ``الرئيس``).
MIN_STEM_ALONE = 4


def _read(name: str) -> frozenset[str]:
    text = resources.files("mustalah.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words (as written, proclitics and all) UN Arabic writes twenty times or more."""
    return _read("common-words.txt")


@functools.lru_cache(maxsize=1)
def definite_words() -> frozenset[str]:
    """Words with the article (a conjunction or preposition before it dropped) UN Arabic writes
    twice or more: a name's first word one letter short of its form is no slip if it is one."""
    return _read("definite-words.txt")


@functools.lru_cache(maxsize=1)
def unlisted_words() -> frozenset[str]:
    """Words the dictionary lacks that UN Arabic writes (names of places and people, mostly)."""
    return _read("unlisted-words.txt")


def _one_keystroke(word: str) -> dict[str, str]:
    """The words one slip away from ``word``, each with the slip that made ``word`` from it."""
    found: dict[str, str] = {}
    # a letter dropped inside the word: not the first (a proclitic's place: ب + دارفور), not the
    # first of the stem after the proclitics (``والونغو``, Walungu, is no و + الكونغو) nor the
    # last (a name or a word the dictionary lacks, mended into a feminine: العلاق, مساءل)
    opens = len(split_proclitics(word)[0])
    for i in range(1, len(word)):
        if i == opens:
            continue
        for letter in LETTERS:
            found.setdefault(word[:i] + letter + word[i:], f"'{letter}' dropped")
    for i in range(len(word) - 1):  # two letters swapped
        if word[i] != word[i + 1]:
            found.setdefault(
                word[:i] + word[i + 1] + word[i] + word[i + 2 :], f"'{word[i + 1]}{word[i]}' swapped"
            )
    for i in range(1, len(word)):  # a letter typed twice
        if word[i] == word[i - 1]:
            found.setdefault(word[:i] + word[i + 1 :], f"'{word[i]}' typed twice")
    return found


#: Letters that differ only by their dots: one typed for the other is read in a month's name only
#: (``سبتمير``): elsewhere it mends as many words the dictionary lacks and names as slips (``القنال``,
#: the Canal Hotel, is no ``القتال``; ``النيئة``, "raw", no ``البيئة``).
_SAME_SHAPE = {
    letter: group.replace(letter, "")
    for group in ("بتثنيى", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق")
    for letter in group
}


def dots_moved_slip(slip: str) -> bool:
    """Whether ``slip``, as :func:`typo_correction` names it, is a letter's dots moved (read in a
    month's name only, and only in a date)."""
    return slip.endswith("'") and " for " in slip


def _dots_moved(word: str) -> dict[str, str]:
    """The words ``word`` makes with one letter's dots moved (``سبتمير`` → ``سبتمبر``)."""
    return {
        word[:i] + other + word[i + 1 :]: f"'{word[i]}' for '{other}'"
        for i in range(len(word))
        for other in _SAME_SHAPE.get(word[i], "")
    }


#: Proclitics a common word may take and still be the word the list holds (``للفلسطينية`` is
#: ``الفلسطينية``): the article and the conjunctions, not a lone ب, ك or ل (``كروسيا`` is no ك +
#: ``روسيا``, ``بشيلي`` no ب + ``شيلي``: those are names, CORSIA and Shabelle).
_CONJUNCTIONS = ("و", "ف")


def is_common(word: str) -> bool:
    """Whether UN Arabic writes ``word`` often, as written or after its article or conjunction."""
    if word in common_words():
        return True
    prefix, stem = split_proclitics(word)
    if len(stem) < 3 or not prefix:
        return False
    if prefix.endswith(("ال", "لل")):
        return "ال" + stem in common_words()
    return prefix in _CONJUNCTIONS and stem in common_words()


#: The alef and its hamza seats, which hurried typing confuses.
_ALEFS = "اأإآ"


def _hamza_slip(word: str, is_word: Callable[[str], bool]) -> bool:
    """Whether another seat on one alef makes ``word`` known (``لاشراك`` is لإشراك, ``العاب``
    ألعاب, ``الأقليم`` الإقليم): a hamza slip, for SP005 or a reviser, not a letter dropped.  The
    alef of what looks like the article is tried too: it may open the stem (``العاب``)."""
    return any(
        is_word(word[:i] + alef + word[i + 1 :])
        for i, ch in enumerate(word)
        if ch in _ALEFS
        for alef in _ALEFS
        if alef != ch
    )


def typo_correction(word: str, is_word: Callable[[str], bool], alone: bool) -> tuple[str, str] | None:
    """``(the common word meant, the slip)`` for ``word`` (no vowel marks), a word ``is_word``
    does not know, or None when no common word, or more than one, is one keystroke away.
    ``alone``: Arabic with no English beside it, where a short stem is more often a name, and
    a word with neither the article nor و or ف before it is mended only into a month (``ميلون
    كوثري``, Miloon Kothari, and ``كورييا``, Correa, are names; ``سبتمر 2017`` is September)."""
    prefix, stem = split_proclitics(word)
    if len(word) < MIN_LETTERS or (alone and len(stem) < MIN_STEM_ALONE):
        return None
    if word in unlisted_words() or stem in unlisted_words():
        return None
    meant = [(w, slip) for w, slip in _one_keystroke(word).items() if is_common(w)]
    if not meant:  # a month's letter with the dots of another (``سبتمير``, ``ينابر``)
        meant = [(w, slip) for w, slip in _dots_moved(word).items() if w in MONTHS]
    if len(meant) != 1 or not is_word(meant[0][0]) or _hamza_slip(word, is_word):
        return None
    clitic = prefix.endswith(("ال", "لل")) or prefix[:1] in _CONJUNCTIONS  # a lone ب, ك or ل may open a name
    if alone and not clitic and meant[0][0] not in MONTHS:
        return None
    return meant[0]


#: The month names of Arabic, every series: a bare word mended into one is a slip wherever it stands.
MONTHS = frozenset(word for name in AR_MONTH_NAMES for word in name.split())
