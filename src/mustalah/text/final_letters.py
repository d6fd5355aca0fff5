"""The last letter of an Arabic word: ``ي``/``ى`` and ``ة``/``ه``, which hurried typing confuses.

``الذى``, ``فى``, ``الثانى`` (ى for ي, the habit of keyboards and printers that drop the dots of a
final yeh), ``يسعي`` (ي for ى), ``هذة`` (ة for ه) and ``المنظمه`` (ه for ة): the written word is
unknown, the word with its last letter swapped is one UN Arabic writes (``data/final-letter-words.txt``,
``scripts/build_word_lists.py``) and the dictionary knows.  The list keeps names out: a name the
dictionary lacks (``هيلانة``, ``دومة``) has no frequent UN word one letter away.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources

from .arabic import split_proclitics
from .typos import common_words

#: Each final letter and the one it is mistaken for.
FINAL_SWAPS = {"ى": "ي", "ي": "ى", "ه": "ة", "ة": "ه"}
#: Function words never written with a final ى in UN Arabic, whatever the dictionary says (it
#: knows ``وهى``, "weakened", and ``أى``, "saw", as classical verbs): ``فى`` (two letters, too short
#: for the dictionary test), ``هى``, ``كى``/``لكى`` and ``أى``, with the conjunctions before them.
_SHORT_SLIPS = {
    conjunction + preposition + word: conjunction + preposition + word[:-1] + "ي"
    for word in ("فى", "هى", "كى", "لكى", "أى")
    for conjunction in ("", "و", "ف")
    for preposition in (("", "ب", "ل", "ك") if word == "أى" else ("",))
    if conjunction + word != "وفى"  # also "fulfilled": correction_in_context reads what follows
}
#: How many words after a word :func:`correction_in_context` reads: ``وفى`` is ``وفي`` ("and in")
#: when none of them starts with ب, since the verb ``وفى`` ("fulfilled") takes ب within its clause
#: (``وفى الأمين العام بوعده``).
CONTEXT_WORDS = 3
#: The words :func:`correction_in_context` can tell (a set test keeps the context read off the
#: hot path: every other word ending in ي, ى, ة or ه needs no look ahead).
CONTEXT_TOLD = frozenset({"وفى", "المعنى", "والمعنى"})
#: Words after ``المعنى`` that start with ب and still leave it "the meaning" (``المعنى بالنسبة``).
_MEANING_BY = frozenset({"بالنسبة", "به", "بها", "بهم", "بذلك", "بهذا", "بهذه"})


@functools.lru_cache(maxsize=1)
def final_letter_words() -> frozenset[str]:
    """The words ending in ي, ى, ة or ه that UN Arabic writes (``data/final-letter-words.txt``)."""
    text = resources.files("mustalah.data").joinpath("final-letter-words.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def final_letter_correction(word: str, is_word: Callable[[str], bool]) -> str | None:
    """The word UN Arabic writes for ``word`` (no vowel marks) with its last letter swapped, or
    None: ``word`` must be unknown to ``is_word`` and the mended word (or its stem after the
    proclitics) one of :func:`final_letter_words` that ``is_word`` knows."""
    if word in _SHORT_SLIPS:
        return _SHORT_SLIPS[word]
    if len(word) < 3 or word[-1] not in FINAL_SWAPS:
        return None
    if is_word(word):
        return None
    return _listed_mend(word, is_word)


#: Words before a plural in construct (``أحد مسؤوليه``, "one of its officials"; ``بعض ممثليه``).
_QUANTIFIERS = frozenset({"أحد", "إحدى", "بعض", "جميع", "كل", "معظم", "أغلب", "كبار", "أبرز", "مختلف"})


def nisba_with_haa(word: str, previous: str) -> str | None:
    """``عمليه``, ``ماليه``, ``رسميه`` for ``عملية``, ``مالية``, ``رسمية`` (no vowel marks; the word
    before it as ``previous``): the dictionary reads ي + ه as a word and the pronoun "his", but a
    word UN Arabic writes often that ends in ية, and never in يه, is the slip.  Left alone: a word
    with a proclitic or after a quantifier, which may be a plural in construct with its pronoun
    (``ومسؤوليه``, ``أحد مفوضيه``, "one of its commissioners"), and a stem opening like a verb's
    present tense (ت ي ن أ: ``تغطيه``, "covers it", beside ``تغطية``)."""
    if not word.endswith("يه") or len(word) < 4 or word in final_letter_words():
        return None
    clitics, stem = split_proclitics(word)
    if clitics or previous in _QUANTIFIERS or stem[:1] in "تينأ":
        return None
    mended = word[:-1] + "ة"
    return mended if mended in common_words() else None


def _listed_mend(word: str, is_word: Callable[[str], bool]) -> str | None:
    mended = word[:-1] + FINAL_SWAPS[word[-1]]
    stem = split_proclitics(mended)[1]
    listed = final_letter_words()
    if (mended in listed or (len(stem) >= 3 and stem in listed)) and is_word(mended):
        return mended
    return None


def inner_yeh_correction(word: str, is_word: Callable[[str], bool]) -> str | None:
    """The word meant where ``word`` (no vowel marks) has ``ى`` before its last letter, or None
    when none is known: ``شىء`` → ``شيء``, ``مبادىء`` → ``مبادئ`` (ى + ء for a hamza on a
    seat), ``سىاسىة`` → ``سياسية`` (every inner ى), ``علىهم`` → ``عليهم``, and, only when that
    makes no word, ``علىجميع`` → ``على جميع`` (a preposition run into a word of three letters or
    more)."""
    at = word.find("ى")
    head, rest = word[: at + 1], word[at + 1 :]
    candidates = []
    if rest == "ء":  # فعيل (شيء، بريء، بطيء) writes ي + ء; فاعل, مفاعل and verbs ئ (لاجئ، مبادئ، أنشئ)
        seated, on_line = word[:at] + "ئ", word[:at] + "يء"
        short = len(split_proclitics(word)[1]) <= 4
        candidates = [on_line, seated] if short else [seated, on_line]
    candidates.append(word[:-1].replace("ى", "ي") + word[-1])
    if split_proclitics(head)[1] in _RUN_ON and len(rest) >= 3 and "ى" not in rest[:-1]:
        candidates.append(f"{head} {rest}")
    return next((c for c in candidates if all(is_word(w) for w in c.split())), None)


#: Words ending in ى that are run into the next word when a space is lost.
_RUN_ON = frozenset({"على", "إلى", "حتى", "لدى", "سوى", "متى"})


def correction_in_context(word: str, following: list[str]) -> str | None:
    """The word UN Arabic writes for ``word``, a word with either last letter, told by the words
    that follow it (no vowel marks), or None.

    ``وفى`` is a verb ("fulfilled") that takes ب; with no ب-word among the next three words it is
    ``وفي`` ("and in": ``وفى البيان الذي أصدرته``).  ``المعنى`` ("the meaning") before a word
    with ب is ``المعني`` ("concerned with": ``الفريق العامل المعنى بالمسائل``).
    """
    if word == "وفى":
        ahead = following[:CONTEXT_WORDS]
        return "وفي" if ahead and not any(w.startswith("ب") for w in ahead) else None
    if word in ("المعنى", "والمعنى") and following:
        after = following[0]
        return word[:-1] + "ي" if after.startswith("ب") and after not in _MEANING_BY else None
    return None


def describe_swap(written: str, mended: str) -> str:
    """``'ى written for ي'``: what the last letter of ``written`` should have been."""
    return f"{written[-1]} written for {mended[-1]}"
