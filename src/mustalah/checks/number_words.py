"""Numbers written as words, English and Arabic: the small cardinals and ordinals a number
rule accepts for digits on the other side (``two``/``اثنين``, ``third``/``الثالثة``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

EN_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "single": 1,
    "dozen": 12,
    "twice": 2,
}
AR_WORDS: dict[str, int] = {
    "واحد": 1,
    "واحدة": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثة": 3,
    "أربع": 4,
    "أربعة": 4,
    "خمس": 5,
    "خمسة": 5,
    "ست": 6,
    "ستة": 6,
    "سبع": 7,
    "سبعة": 7,
    "ثماني": 8,
    "ثمانية": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعة": 9,
    "عشر": 10,
    "عشرة": 10,
    "عشرين": 20,
    "عشرون": 20,
    "ثلاثين": 30,
    "ثلاثون": 30,
    "أربعين": 40,
    "أربعون": 40,
    "خمسين": 50,
    "خمسون": 50,
    "ستين": 60,
    "ستون": 60,
    "سبعين": 70,
    "سبعون": 70,
    "ثمانين": 80,
    "ثمانون": 80,
    "تسعين": 90,
    "تسعون": 90,
    "مائة": 100,
    "مئة": 100,
    "ألف": 1000,
    # the dual of a hundred and a thousand: أكثر من ألفي تجربة (over 2,000 tests)
    "مائتان": 200,
    "مائتين": 200,
    "مائتي": 200,
    "مئتان": 200,
    "مئتين": 200,
    "مئتي": 200,
    "ألفان": 2000,
    "ألفين": 2000,
    "ألفي": 2000,
    "الأول": 1,
    "الأولى": 1,
    "الثاني": 2,
    "الثانية": 2,
    "الثالث": 3,
    "الثالثة": 3,
    "الرابع": 4,
    "الرابعة": 4,
    "الخامس": 5,
    "الخامسة": 5,
    "السادس": 6,
    "السادسة": 6,
    "السابع": 7,
    "السابعة": 7,
    "الثامن": 8,
    "الثامنة": 8,
    "التاسع": 9,
    "التاسعة": 9,
    "العاشر": 10,
    "العاشرة": 10,
    "مرتين": 2,
    "مرتان": 2,
    # "ten-year" as an adjective: خطة عشرية (a decennial plan)
    "عشري": 10,
    "عشرية": 10,
    "العشري": 10,
    "العشرية": 10,
}
#: "1 million" is مليون, with no 1: a lone 1 before a scale word needs no digit on the other side.
#: Marks and tatweel inside a number word (الثالثـة from a justified PDF) are not letters.
_AR_MARKS = dict.fromkeys(range(0x064B, 0x0653)) | {0x0640: None, 0x0670: None}
_AR_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "ال", "وال", "بال", "لل")
_WORD = re.compile(r"[A-Za-z]+|[\u0621-\u064A]+")


def _word_value(w: str, lang: str) -> int | None:
    """The number a word token stands for (the reference definition the regexes below compile)."""
    if lang == "en":
        return EN_WORDS.get(w.lower())
    v = AR_WORDS.get(w)
    if v is None:
        for c in _AR_CLITICS:
            if w.startswith(c) and w[len(c) :] in AR_WORDS:
                return AR_WORDS[w[len(c) :]]
    return v


def _forms(lang: str) -> dict[str, int]:
    """Every token ``_word_value`` gives a number for (lower case for English)."""
    if lang == "en":
        return dict(EN_WORDS)
    candidates = set(AR_WORDS) | {c + w for c in _AR_CLITICS for w in AR_WORDS}
    out = {w: _word_value(w, "ar") for w in candidates}
    return {w: v for w, v in out.items() if v is not None}


def _word_pattern(forms: Iterable[str], letters: str, flags: int = 0) -> re.Pattern[str]:
    """A whole ``_WORD`` token (a maximal run of ``letters``) that is one of ``forms``."""
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![{letters}])(?:{alternation})(?![{letters}])", flags)


_EN_FORMS, _AR_FORMS = _forms("en"), _forms("ar")
#: ASCII-only case folding, as ``str.lower`` does on the ``[A-Za-z]+`` tokens.
_EN_WORD_NUMBER = _word_pattern(_EN_FORMS, "A-Za-z", re.IGNORECASE | re.ASCII)
_AR_WORD_NUMBER = _word_pattern(_AR_FORMS, "\u0621-\u064a")


def word_numbers(text: str, lang: str) -> Counter[str]:
    """Numbers written as words (small numbers and ordinals)."""
    out: Counter[str] = Counter()
    if lang == "en":
        for w in _EN_WORD_NUMBER.findall(text):
            out[str(_EN_FORMS[w.lower()])] += 1
        return out
    for w in _AR_WORD_NUMBER.findall(text.translate(_AR_MARKS)):
        out[str(_AR_FORMS[w])] += 1
    return out


def _word_numbers_by_token(text: str, lang: str) -> Counter[str]:
    """The reference implementation of :func:`word_numbers` (kept for the equivalence test)."""
    out: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        v = _word_value(m.group(), lang)
        if v is not None:
            out[str(v)] += 1
    return out


_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_UNITS = (
    "one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
)
_EN_COMPOUND = re.compile(rf"(?<![A-Za-z])({_EN_TENS})[- ]({_EN_UNITS})(?![A-Za-z])", re.IGNORECASE)
_AR_UNIT_FORMS = {w: v for w, v in AR_WORDS.items() if 1 <= v <= 9 and not w.startswith("مر")} | {
    "حادي": 1,
    "الحادي": 1,
    "الحادية": 1,
    "إحدى": 1,
    "أحد": 1,
}
_AR_TENS_FORMS = {w: v for w, v in AR_WORDS.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)}
_AR_COMPOUND = re.compile(
    "(?<![\u0621-\u064a])[وفبل]?(?:ال)?("
    + "|".join(sorted(_AR_UNIT_FORMS, key=len, reverse=True))
    + r")\s+و(?:ال)?("
    + "|".join(sorted(_AR_TENS_FORMS, key=len, reverse=True))
    + ")(?![\u0621-\u064a])"
)
_EN_VALUES = EN_WORDS


#: The first word of an Arabic teen (اثنا عشر، الاثني عشر، الثالثة عشرة): a unit, or the forms of
#: one and two that only a teen takes (a published ى for ي included: الاثنى عشر).
_AR_TEEN_UNITS = _AR_UNIT_FORMS | {
    "اثنا": 2,
    "اثني": 2,
    "اثنى": 2,
    "اثنتا": 2,
    "اثنتي": 2,
    "ثاني": 2,
    "ثانية": 2,
}
_AR_TEEN = re.compile(
    "(?<![\u0621-\u064a])[وفبل]?(?:ال)?("
    + "|".join(sorted(_AR_TEEN_UNITS, key=len, reverse=True))
    + r")\s+عشرة?(?![\u0621-\u064a])"
)
#: A unit alone before "after the hundred" (الخامسة بعد المائة, the 105th).
_AR_UNIT_ALONE = re.compile(
    "(?<![\u0621-\u064a])[وفبل]?(?:ال)?("
    + "|".join(sorted(_AR_UNIT_FORMS, key=len, reverse=True))
    + r")(?=\s+بعد\s)"
)
#: "after the hundred": the ordinals 101st to 199th (الحادية والثلاثون بعد المائة, the 131st).
_AR_AFTER_HUNDRED = re.compile(r"\s+بعد\s+(?:ال)?م(?:ا|ئ)?[ئي]ة(?![\u0621-\u064a])")
#: A centenary: الذكرى المئوية, الذكرى السنوية المئوية, العيد المئوي (the 100th anniversary).
_AR_CENTENARY = re.compile(r"(?:ذكرى|العيد|عيد)(?:\s+السنوية)?\s+(?:ال)?مئوي")


def _after_hundred(text: str, end: int) -> int:
    return 100 if _AR_AFTER_HUNDRED.match(text, end) else 0


#: A run of English number words (``one thousand nine hundred and forty-five``): words joined by
#: spaces, hyphens and "and".
_EN_RUN = re.compile(r"[A-Za-z]+(?:(?:[\s-]+|\s+and\s+)[A-Za-z]+)*")
_EN_SCALES = {"thousand": 1000, "million": 1_000_000}


def _english_large(text: str) -> Iterable[int]:
    """Numbers of a hundred and more in English words: ``one thousand nine hundred and forty-five``
    (the Charter's date), ``two hundred and fifty``, ``three thousand``."""
    for m in _EN_RUN.finditer(text):
        total = current = 0
        large = False
        for word in re.split(r"[\s-]+", m.group().lower()):
            if word == "hundred":
                current, large = max(current, 1) * 100, True
            elif word in _EN_SCALES:
                total, current, large = total + max(current, 1) * _EN_SCALES[word], 0, True
            elif word == "and" and (total or current):
                continue
            elif word in EN_WORDS and EN_WORDS[word] < 100 and word not in ("single", "dozen", "twice"):
                current += EN_WORDS[word]
            else:  # another word ends the number
                if large:
                    yield total + current
                total = current = 0
                large = False
        if large:
            yield total + current


def compound_numbers(text: str, lang: str) -> Counter[str]:
    """Numbers from 21 to 99 written in two words: ``ninety-five``, ``seventy-fifth``,
    ``خمسة وسبعين``, ``الخامسة والسبعين`` (the 75th), ``الحادي والعشرين`` (the 21st),
    ``الأعوام الأربعة والعشرين`` (the 24 years), English numbers of a hundred and more
    (``one thousand nine hundred and forty-five``); the Arabic teens (``الاثني عشر``, 12), the ordinals
    after the hundred (``الحادية والثلاثون بعد المائة``, the 131st) and a centenary (``الذكرى
    المئوية``, the 100th anniversary)."""
    out: Counter[str] = Counter()
    if lang == "en":
        for m in _EN_COMPOUND.finditer(text):
            out[str(_EN_VALUES[m.group(1).lower()] + _EN_VALUES[m.group(2).lower()])] += 1
        if "hundred" in text or "thousand" in text or "million" in text:
            out.update(str(v) for v in _english_large(text))
        return out
    plain = text.translate(_AR_MARKS)
    for m in _AR_COMPOUND.finditer(plain):
        value = _AR_UNIT_FORMS[m.group(1)] + _AR_TENS_FORMS[m.group(2)]
        out[str(value + _after_hundred(plain, m.end()))] += 1
    for m in _AR_TEEN.finditer(plain):
        out[str(10 + _AR_TEEN_UNITS[m.group(1)] + _after_hundred(plain, m.end()))] += 1
    for m in _AR_UNIT_ALONE.finditer(plain):
        if _after_hundred(plain, m.end()):
            out[str(100 + _AR_UNIT_FORMS[m.group(1)])] += 1
    centenaries = len(_AR_CENTENARY.findall(plain)) if "مئوي" in plain else 0
    if centenaries:
        out["100"] += centenaries
    return out
