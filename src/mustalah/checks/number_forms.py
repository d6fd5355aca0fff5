"""Number forms that differ between English and UN Arabic but say the same (NU001 asks this
module about a number it would otherwise report).

Professional UN translations write many numbers differently from the English, and none
of these is a slip:

* **times**: ``10 a.m.`` is ``10:00`` (or ``00:10``, typed for right-to-left display),
  ``3 p.m.`` is ``15:00``, ``3.05 p.m.`` and ``3:05 p.m.`` are ``15:05``; the minutes of a
  time are no number of their own;
* **grouped and compound numbers**: ``4,300`` is ``300 4``, ``10,816,000`` is ``000 816 10``
  and ``18,185.15`` is ``15, 185 18`` (thousands groups typed in right-to-left order), ``35 000``
  (thousands parted by spaces, as WHO writes them) is ``35000``,
  ``s.10.103`` is ``10-103`` (a section number), ``224.14`` is ``224-14`` or ``224- 14``: the
  same digits, other separators;
* **Roman numerals**: ``resolution 1576 (L)`` is ``1576 (د-50)``, item ``(i)`` is ``'1```;
* **eleven to nineteen in words**: ``11th meeting`` is ``اجتماعه الحادي عشر``, ``14 Mile
  Area`` is ``منطقة الأربعة عشر ميلا``;
* **footnote references**, numbered differently in each language's document: ``[23]``,
  ``2014.42`` and ``2014;1`` (the note's number glued after the year), ``2014(42)``;
* **military time**: ``1100 hours`` is ``11:00``, ``0940 hours`` is ``09:40``, ``2359Z`` is
  ``59/23`` (a time typed right to left with a slash, as UN Arabic documents write it), and
  ``At 1310`` in an incident report is ``10/13``;
* **decades**: ``the 1960s`` is ``الستينيات``;
* **scale words**: ``750,000`` is ``750 ألف``, ``2,500,000`` is ``2.5 million`` (either side).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..text.dates import SHORT_YEAR_AFTER_MONTH
from .number_dates import date_in_figures_named, day_added, figure_of_a_date, year_range_end
from .number_runs import DIGIT as _DIGIT
from .number_runs import DIGITS as _DIGITS
from .number_runs import run_span, runs, same_digits_in_groups

__all__ = ["SCALES", "run_span", "same_number_elsewhere"]
_PM = re.compile(r"\s*p\.?\s?m\b\.?", re.IGNORECASE)
_ROMAN = re.compile(r"\((?P<r>[ivxlcdm]+|[IVXLCDM]+)\)")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}

_UNITS = {
    3: ("ثلاث", "ثلاثة"),
    4: ("أربع", "أربعة", "اربع", "اربعة"),
    5: ("خمس", "خمسة"),
    6: ("ست", "ستة"),
    7: ("سبع", "سبعة"),
    8: ("ثماني", "ثمانية", "ثمان"),
    9: ("تسع", "تسعة"),
}
_ORDINALS = {
    1: ("الحادي", "الحادية"),
    2: ("الثاني", "الثانية"),
    3: ("الثالث", "الثالثة"),
    4: ("الرابع", "الرابعة"),
    5: ("الخامس", "الخامسة"),
    6: ("السادس", "السادسة"),
    7: ("السابع", "السابعة"),
    8: ("الثامن", "الثامنة"),
    9: ("التاسع", "التاسعة"),
}


def _teens() -> dict[str, int]:
    out: dict[str, int] = {}
    for u, words in _UNITS.items():
        for w in words:
            for ten in ("عشر", "عشرة"):
                out[f"{w} {ten}"] = out[f"ال{w} {ten}"] = 10 + u
    for u, words in _ORDINALS.items():
        for w in words:
            for ten in ("عشر", "عشرة"):
                out[f"{w} {ten}"] = 10 + u
    for w in ("أحد", "إحدى", "احد", "احدى"):
        for ten in ("عشر", "عشرة"):
            out[f"{w} {ten}"] = 11
    for w in ("اثنا", "اثني", "اثنتا", "اثنتي"):
        for ten in ("عشر", "عشرة"):
            out[f"{w} {ten}"] = 12
    return out


_TEENS = _teens()
_TEEN_WORDS = re.compile(
    r"(?<![\u0621-\u064a])(?:[وفبل]{0,2})("
    + "|".join(re.escape(k) for k in sorted(_TEENS, key=len, reverse=True))
    + r")(?![\u0621-\u064a])"
)
_MARKS = dict.fromkeys(range(0x064B, 0x0653)) | {0x0640: None, 0x0670: None}


def same_number_elsewhere(value: str, start: int, here: str, here_lang: str, there: str) -> bool:
    """Whether the number ``value`` at ``start`` in ``here`` is in ``there`` in another form."""
    if _minutes(here, start, value, there):
        return True  # the 00 of 10:00, the 15 of 6:15 p.m. when the other side has :15
    if date_in_figures_named(here, start, there) or figure_of_a_date(value, here, there):
        return True  # the 9 of 25/9/2023 = 25 September 2023; its 25 and 2023, the other way
    if year_range_end(here, start, value, there):
        return True  # the 27 of 2026-27 = the 2027 of 2026-2027
    if day_added(here, start, value, there) and not _has_value(there, value):
        return True  # "the June 2020 resolution" = المؤرخ 20 حزيران/يونيو 2020: the day added
    after = start + len(_raw_at(here, start))
    afternoon = here_lang == "en" and value.isdigit() and _PM.match(here, after)
    if here_lang == "en" and _clock_time(here, start, there):
        return True  # 3.05 p.m. = 15:05, 6:15 p.m. = 18:15
    if afternoon and _has_value(there, str(int(value) % 12 + 12)):
        return True  # 3 p.m. = 15:00
    hour = int(value) if here_lang != "en" and value.isdigit() else 0
    if 13 <= hour <= 23 and _afternoon(there, hour - 12):
        return True  # 15:00 = 3 p.m.
    if value.isdigit() and int(value) in _roman_values(there) | _teen_values(there):
        return True
    if _footnote(here, start, value):
        return True  # [23], 2014.42, 2014;1, (42): a note's number, not the text's
    year_note = rf"(?<![0-9]){value}\.[0-9]{{1,3}}(?=\s|$)"
    if re.fullmatch(r"(?:19|20)[0-9]{2}", value) and re.search(year_note, there):
        return True  # 2014 = "2014.42", the year with its footnote number glued on
    if _hours(here, start, value, there):
        return True  # 1100 hours = 11:00
    if _slash_time(here, start, there):
        return True  # 59/23 = 2359Z, 47/10 = 10.47 a.m.: a time typed right to left with a slash
    if _decade(here, start, value, there):
        return True  # the 1960s = الستينيات
    if _scaled(here, start, value, there):
        return True  # 750,000 = 750 ألف, 2.5 million = 2,500,000
    if _short_year(here, start, value, there):
        return True  # 22 Oct 14 = 22 تشرين الأول/أكتوبر 2014
    if _dotted_thousands(here, start, value, there):
        return True  # 42.000 = 42000: thousands parted by a dot, as German and Maghreb Arabic write them
    return same_digits_in_groups(here, start, value, there)  # 300 4 = 4,300; 35 000 = 35000



_DOTTED = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9]|[.,][0-9])")


def _dotted_thousands(here: str, start: int, value: str, there: str) -> bool:
    """A number with its thousands parted by dots (``42.000``) on one side, whole on the other."""
    raw = _raw_at(here, start).translate(_DIGITS).rstrip(".,")
    if _DOTTED.fullmatch(raw):
        return _has_value(there, raw.replace(".", ""))
    dotted = _DOTTED.finditer(there.translate(_DIGITS))
    return value.isdigit() and any(m.group().replace(".", "") == value for m in dotted)


def _short_year(here: str, start: int, value: str, there: str) -> bool:
    """A year written with two digits after an abbreviated month in a table's date (``22 Oct 14``)
    and with four on the other side (2014), either way round."""
    if len(value) == 2 and value.isdigit() and SHORT_YEAR_AFTER_MONTH.search(here[max(0, start - 8) : start]):
        return _has_value(there, "20" + value) or _has_value(there, "19" + value)
    if re.fullmatch(r"(?:19|20)[0-9]{2}", value):
        short = re.finditer(rf"(?<![0-9]){value[2:]}(?![0-9])", there)
        return any(SHORT_YEAR_AFTER_MONTH.search(there[max(0, m.start() - 8) : m.start()]) for m in short)
    return False


_FOOTNOTE_AFTER = re.compile(r"[.;,:)\]\"”’]\(?[0-9]{1,3}\)?(?=\s|$)")
_YEAR_NOTE = re.compile(r"(?:19|20)[0-9]{2}\.[0-9]{1,3}")


def _footnote(text: str, start: int, value: str) -> bool:
    """A footnote reference: ``[23]``, a number glued after a sentence's punctuation
    (``2014;1``, ``2014.42`` — the year stays a number), ``(42)`` glued to a word."""
    raw = _raw_at(text, start)
    end = start + len(raw)
    if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
        return True
    glued = start >= 2 and not text[start - 2].isspace()
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")" and glued:
        return True  # (42) glued to the word or number before it
    if (
        start >= 2
        and _FOOTNOTE_AFTER.match(text, start - 1)
        and (text[start - 2].isalnum() or text[start - 2] in ")]\"”’")
    ):
        return True  # 2014;1 — glued to the sentence's last word
    return _YEAR_NOTE.fullmatch(raw) is not None and (end == len(text) or text[end].isspace())


#: "hours" after a four-digit time, or after the second of two ("between 1100 and 1200 hours"),
#: or the Z of UTC ("2359Z")
_HOURS = re.compile(r"(?:(?:\s+(?:and|to|-|–)\s+[0-9]{4})?\s+hours\b|Z\b)")
#: "At 1310, near the village …": a four-digit time after "at" (incident reports), hours unsaid.
_AT = re.compile(r"(?<![A-Za-z])(?:[Aa]t|[Bb]y|[Uu]ntil|[Ff]rom|and)\s+$")


def _military(text: str, start: int, end: int) -> bool:
    """Four digits that are a time of day: ``1100 hours``, ``2359Z``, ``At 1310``."""
    raw = text[start:end]
    if len(raw) != 4 or not raw.isdigit() or int(raw[:2]) > 23 or int(raw[2:]) > 59:
        return False
    return bool(_HOURS.match(text, end) or _AT.search(text[max(0, start - 8) : start]))


def _hours(here: str, start: int, value: str, there: str) -> bool:
    """``1100 hours`` (military time) and ``11:00``."""
    raw = _raw_at(here, start).rstrip(".,٫٬")  # "At 1310, near …": the comma ends the time
    if len(raw) == 4 and _military(here, start, start + 4):  # 0940 hours = 9:40, 09:40; 2359Z = 59/23
        return _written_time(there, int(raw[:2]), raw[2:])
    if value.isdigit() and here[start + len(raw) : start + len(raw) + 1] == ":":
        military = re.finditer(rf"(?<![0-9]){int(value):02d}[0-9]{{2}}(?![0-9])", there)
        return any(_military(there, m.start(), m.end()) for m in military)
    return False


_DECADES = {2: "عشرين", 3: "ثلاثين", 4: "أربعين", 5: "خمسين", 6: "ستين", 7: "سبعين", 8: "ثمانين", 9: "تسعين"}


def _decade(here: str, start: int, value: str, there: str) -> bool:
    """``the 1960s`` written ``الستينيات`` / ``الستينات`` (``من القرن الماضي`` or not)."""
    if not re.fullmatch(r"1[0-9][2-9]0", value) or not here.startswith("s", start + len(value)):
        return False
    word = _DECADES[int(value[2])]
    return re.search(rf"{word}(?:ي?ات)", there.translate(_MARKS)) is not None


def _afternoon(text: str, hour: int) -> bool:
    """``3 p.m.``, ``3.05 p.m.`` or ``3:05 p.m.`` in ``text`` for ``hour`` 3."""
    return re.search(rf"(?<![0-9]){hour}(?:[.:][0-9]{{2}})?{_PM.pattern}", text, re.IGNORECASE) is not None


_CLOCK = re.compile(r"([0-9]{1,2})(?:[.:]([0-9]{2}))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)


def _clock_time(here: str, start: int, there: str) -> bool:
    """An English clock time at ``start`` (``3.05 p.m.``, ``6:15 p.m.``, ``11 a.m.``) that the
    other side writes on the 24-hour clock (``15:05``, ``18:15``, ``11:00``), or typed for
    right-to-left display (``05:15``, ``00:11``)."""
    m = _CLOCK.match(here, start)
    if m is None:
        return False
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    minutes = m.group(2) or "00"
    return _written_time(there, hour, minutes)


def _written_time(text: str, hour: int, minutes: str) -> bool:
    """Whether ``text`` gives the time on the 24-hour clock: ``15:05``, ``05:15`` or ``05/15``
    (typed right to left, with a colon or, in UN Arabic documents, a slash)."""
    return (
        re.search(rf"(?<![0-9])0?{hour}:{minutes}(?![0-9])", text) is not None
        or re.search(rf"(?<![0-9]){minutes}[:/]0?{hour}(?![0-9])", text) is not None
    )


_SLASH_TIME = re.compile(r"(?<![0-9/])([0-5][0-9])/([0-2]?[0-9])(?![0-9/])")


def _slash_time(here: str, start: int, there: str) -> bool:
    """A time typed right to left with a slash in UN Arabic documents (``الساعة 59/23``: minutes,
    then the hour) that the other side writes as ``2359Z``, ``23:59`` or ``11.59 p.m.`` (``00/15``:
    ``3 p.m.``)."""
    for m in _SLASH_TIME.finditer(here, max(0, start - 3), start + 5):
        if not m.start() <= start < m.end():
            continue
        minutes, hour = m.group(1), int(m.group(2))
        if hour > 23:
            return False
        h12, half = hour % 12 or 12, "p" if hour >= 12 else "a"
        on_the_hour = rf"|(?<![0-9]){h12}\s*{half}\.?\s?m\b" if minutes == "00" else ""  # 00/15 = 3 p.m.
        patterns = (
            rf"(?<![0-9])0?{hour}:{minutes}(?![0-9])",
            rf"(?<![0-9]){h12}[.:]{minutes}\s*{half}\.?\s?m\b" + on_the_hour,
        )
        military = re.finditer(rf"(?<![0-9]){hour:02d}{minutes}(?![0-9])", there)
        return any(re.search(p, there, re.IGNORECASE) for p in patterns) or any(
            _military(there, t.start(), t.end()) for t in military
        )
    return False


def _raw_at(text: str, start: int) -> str:
    m = re.match(r"[0-9٠-٩۰-۹.,٫٬]+", text[start:])
    return m.group() if m else ""


def _minutes(text: str, start: int, value: str, there: str) -> bool:
    """The minutes of a clock time: ``00`` glued to a colon, or two digits after a colon that the
    other side gives as minutes too (``18:15`` and ``6:15 p.m.``/``6.15 p.m.``)."""
    glued = text[start - 1 : start] == ":" or text[start + len(value) :].startswith(":")
    if set(value) == {"0"} and glued:
        return True
    after_colon = text[start - 1 : start] == ":" and len(value) == 2 and value.isdigit()
    if not after_colon:
        return False
    if re.search(rf"[0-9][.:]{value}(?![0-9])", there) is not None:
        return True
    military = re.finditer(rf"(?<![0-9])[0-2][0-9]{value}(?![0-9])", there)  # 11:15 = At 1115
    return any(_military(there, m.start(), m.end()) for m in military)


def _has_value(text: str, value: str) -> bool:
    return any(int(g) == int(value) for g in re.findall(r"[0-9]+", text.translate(_DIGITS)))


#: Powers of ten the scale words after a number stand for (UN Arabic: بليون is a thousand million).
SCALES = {
    "thousand": 3,
    "million": 6,
    "billion": 9,
    "trillion": 12,
    "ألف": 3,
    "آلاف": 3,
    "مليون": 6,
    "ملايين": 6,
    "مليار": 9,
    "مليارات": 9,
    "بليون": 9,
    "بلايين": 9,
    "تريليون": 12,
}
_SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))
#: … with the Arabic word's case endings (``15 ألفاً``, ``ألفا``, ``مليونًا``, ``مليونان``) or an English plural
_SCALED = re.compile(
    rf"({_DIGIT}+(?:[.,٫٬]{_DIGIT}+)*)\s*(?:-\s*)?({_SCALE_WORDS})(?:s|ا[ًٌٍ]?|[ًٌٍ]ا?|ان|ين)?(?!\w)"
)


def _amount(raw: str) -> Decimal | None:
    """The value of digits as written with a scale word: ``750``, ``2.5``, ``1,250``, ``11,6``."""
    raw = raw.translate(_DIGITS)
    if re.fullmatch(r"[0-9]{1,3}(?:[,٬][0-9]{3})+(?:[.٫][0-9]+)?", raw):
        raw = re.sub("[,٬]", "", raw)
    elif re.fullmatch(r"[0-9]+,[0-9]{1,2}", raw):
        raw = raw.replace(",", ".")  # 11,6 مليون: a decimal comma
    try:
        return Decimal(raw.replace("٫", "."))
    except InvalidOperation:
        return None


def _scaled_values(text: str) -> set[Decimal]:
    out = set()
    for m in _SCALED.finditer(text):
        amount = _amount(m.group(1))
        if amount is not None:
            out.add(amount.scaleb(SCALES[m.group(2)]))
    return out


def _scaled(here: str, start: int, value: str, there: str) -> bool:
    """``750,000`` and ``750 ألف``, ``2.5 million`` and ``2,500,000``: one number, with a scale
    word on one side (this number's value among the other side's scaled numbers, or this number
    with its scale word among the other side's plain numbers)."""
    try:
        mine = Decimal(value)
    except InvalidOperation:
        return False
    if mine in _scaled_values(there):
        return True
    m = _SCALED.match(here, start)
    amount = None if m is None else _amount(m.group(1))
    if m is None or amount is None:
        return False
    product = amount.scaleb(SCALES[m.group(2)])
    return any(_amount(run) == product for run in runs(there))



def _roman_values(text: str) -> set[int]:
    out = set()
    for m in _ROMAN.finditer(text):
        letters = m.group("r").lower()
        total = 0
        for k, ch in enumerate(letters):
            v = _ROMAN_VALUES[ch]
            nxt = _ROMAN_VALUES[letters[k + 1]] if k + 1 < len(letters) else 0
            total += -v if v < nxt else v
        if total > 0:
            out.add(total)
    return out


def _teen_values(text: str) -> set[int]:
    return {_TEENS[m.group(1)] for m in _TEEN_WORDS.finditer(text.translate(_MARKS))}
