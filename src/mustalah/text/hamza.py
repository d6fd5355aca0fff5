"""Where a hamza belongs at the start of an Arabic word: the stems UN Arabic writes with one, the
shapes of a hamzat al-wasl, and the mended spelling of a word that lost its hamza or took one on a
wasl (SP005 reports these; SP002 does not take such a word for a name written by its sound)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from importlib import resources

from .arabic import split_proclitics
from .typos import common_words, is_common

#: The proclitics after which a missing hamza is looked for: the article (``وال``, ``لل``) or none.
#: Not a proclitic alone: a name opening with one (``فايرا``, ``كايمان``, ``لايدن``, ``دي واين``)
#: would split.  A hamza on a hamzat al-wasl is looked for after any (``بإسم``, ``وإرتفاع``).
_ARTICLE_ENDS = ("ال", "لل")
#: The words (not verbal-noun shapes) that open with a hamzat al-wasl: اثنان, اسم, ابن, امرأة.
_WASL_WORDS = "ثن|سم|بن|مر[أؤئاء]"
#: Form VIII's verbal noun (افتعال: التقاط, اجتماع), not assimilated.
_FORM_VIII_SHAPE = ".ت.ا"
#: A stem (after its alef) that opens with a hamzat al-wasl: those words, and the verbal nouns of
#: form X (استفعال, استفالة), VIII (افتعال, اضطهاد, ازدياد) and VII (انفعال).
_WASL = re.compile(rf"^(?:{_WASL_WORDS}|ست..?ا|{_FORM_VIII_SHAPE}|[ضصطظ]ط.ا|زد.ا|ن..ا)")
#: … and form VIII with its first letter assimilated (اتّفاق, اتّحاد, اتّخاذ, اتّصال): the shape of form
#: IV's إتمام and إتاحة too, so a hamza is taken off it (the written word unknown, the bare one known)
#: but never added to it (``اتمام`` may be a slip for إتمام).
_WASL_ASSIMILATED = re.compile(r"^ت.ا")
_WASL_WORD = re.compile(rf"^(?:{_WASL_WORDS})")
_FORM_VIII = re.compile(rf"^{_FORM_VIII_SHAPE}")
#: A form VIII verb with its first letter assimilated (اتخذ, اتفق, اتسع): a hamza on its alef is a
#: slip for the bare alef, not a hamza on the other seat (``وإتخذ`` is واتخذ, not وأتخذ).
_WASL_VERB = re.compile(r"^ت..$")


#: Short words that lose their hamza in hurried Arabic and that the stem test cannot read: the
#: article's letters open them (``الى``, ``اليه``, ``الف``) or they are two letters (``او``); each has
#: one reading in UN Arabic.  SP005 asks only about words the dictionary does not know, so a form
#: it knows is left alone (``والى``: the verb "befriended", or والي, "governor", with its ى slip).
SHORT_WORDS_WITHOUT_HAMZA: dict[str, str] = {
    **{prefix + word: hamza for prefix in ("", "و", "ف") for word, hamza in (("الى", "إ"), ("او", "أ"))},
    # not اليك or الينا: the names Alec (اليك كوليت) and Alina
    **{word: "إ" for word in ("اليه", "اليها", "اليهما", "اليكم")},
    "الف": "أ",
    "الاف": "آ",
}


@functools.lru_cache(maxsize=1)
def hamza_stems() -> frozenset[str]:
    """The stems opening with a hamza that UN Arabic writes (``data/hamza-stems.txt``)."""
    text = resources.files("mustalah.data").joinpath("hamza-stems.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def hamza_correction(word: str, is_word: Callable[[str], bool]) -> tuple[str, int, list[str]] | None:
    """``("missing" | "wasl" | "seat", index of the seat, the corrected words)`` for a hamza slip
    in the unknown ``word`` (a hamza lost, one on a hamzat al-wasl, or one on the wrong seat of
    its alef, ``الإجانب`` for الأجانب, where UN Arabic writes the other: after the article, or
    the month ``إبريل``, so that a name is not mended, ``إدوار``, Édouard, ``بإيدي``, Edi), or
    None.  A hamza on a hamzat al-wasl is read under the alef, or over it after the article
    (``إستقرار``, ``الأثنين``; ``بأستانا`` is Astana)."""
    if word in SHORT_WORDS_WITHOUT_HAMZA:  # الى: إلى (read as ال + ى), او: أو (two letters)
        seat = word.index("ا")
        return "missing", seat, [word[:seat] + SHORT_WORDS_WITHOUT_HAMZA[word] + word[seat + 1 :]]
    prefix, stem = split_proclitics(word)
    if len(stem) < 3:
        return None
    if stem[0] == "ا":
        if (prefix and not prefix.endswith(_ARTICLE_ENDS)) or _WASL.match(stem[1:]):
            return None
        hamzated = _hamzated(prefix, stem, is_word)
        return ("missing", len(prefix), hamzated) if hamzated else None
    wasl = _WASL.match(stem[1:]) or _WASL_ASSIMILATED.match(stem[1:])
    # over the alef: after the article, in a word of its own or form VIII (الأثنين, وأمرأتان,
    # لألتقاطها); not the shapes a name takes too (بأستانا, Astana; بأنيتا, Anita)
    own = _WASL_WORD.match(stem[1:]) or _FORM_VIII.match(stem[1:])
    above = stem[0] == "أ" and (prefix.endswith(_ARTICLE_ENDS) or own is not None)
    if (stem[0] == "إ" or above) and wasl and is_word(prefix + "ا" + stem[1:]):
        return "wasl", len(prefix), [prefix + "ا" + stem[1:]]
    if stem[0] == "إ" and _WASL_VERB.match(stem[1:]) and is_word(prefix + "ا" + stem[1:]):
        return "wasl", len(prefix), [prefix + "ا" + stem[1:]]  # وإتخذ: واتخذ, a form VIII verb
    other = {"أ": "إ", "إ": "أ"}.get(stem[0])
    if other is None or is_word(prefix + "ا" + stem[1:]):
        return None
    if not prefix.endswith(_ARTICLE_ENDS) and stem not in _MONTHS_ON_THE_WRONG_SEAT:
        return None  # a name: إدوار is Édouard, not أدوار; بإيدي, Edi Rama; إرسين, Ersin
    if other + stem[1:] in hamza_stems() and is_word(prefix + other + stem[1:]):
        return "seat", len(prefix), [prefix + other + stem[1:]]  # الإجانب: الأجانب
    return None


#: Month names written with the hamza on the other seat (``إبريل``): no name is spelt so.
_MONTHS_ON_THE_WRONG_SEAT = frozenset({"إبريل"})


def hamza_lost_on_a_wasl_shape(word: str, is_word: Callable[[str], bool]) -> str | None:
    """The word ``word`` makes with a hamza on its opening alef when that alef could also be a
    hamzat al-wasl (``اثنى``: ``أثنى``, "praised", beside ``اثني``, "two"; ``واثنى``: ``وأثنى``),
    or None.  Such a word has two readings, so no rule may mend it as the one slip it shows."""
    prefix, stem = split_proclitics(word)
    if len(stem) < 3 or stem[0] != "ا" or not _WASL.match(stem[1:]):
        return None
    return next(iter(_hamzated(prefix, stem, is_word)), None)


def _hamzated(prefix: str, stem: str, is_word: Callable[[str], bool]) -> list[str]:
    """The words ``prefix`` + ``stem`` makes with a hamza on the stem's opening alef: the stem one
    UN Arabic writes, the whole word one the dictionary knows."""
    hamzas = (h for h in "أإآ" if h + stem[1:] in hamza_stems())
    return [prefix + h + stem[1:] for h in hamzas if is_word(prefix + h + stem[1:])]


def hamza_lost_inside(word: str, is_word: Callable[[str], bool]) -> tuple[str, int, list[str]] | None:
    """``("missing", index of the seat, [the word])`` for the unknown ``word`` whose hamza on an
    alef inside its stem was lost (``تاثير``: ``تأثير``; ``المراة``: ``المرأة``), or None: exactly
    one such alef, given its hamza, must make a word the dictionary knows that UN Arabic writes
    often (``data/common-words.txt``), so that a name is not mended (``تامر`` is Tamer, not
    ``تأمر``)."""
    prefix, stem = split_proclitics(word)
    if len(stem) < 4:
        return None
    found = [
        (i, mended)
        for i in range(len(prefix) + 1, len(word) - 1)
        if word[i] == "ا"
        for mended in (word[:i] + "أ" + word[i + 1 :],)
        if (is_common(mended) or split_proclitics(mended)[1] in common_words()) and is_word(mended)
    ]
    if len(found) != 1:
        return None
    seat, mended = found[0]
    return "missing", seat, [mended]
