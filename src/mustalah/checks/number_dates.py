"""Dates written in figures against dates written with a month's name (NU001 and NU002 ask this
module): "25 September 2023" = ``25/9/2023``, "May 21, 1995" = ``٢١ /٥/١٩٩٥``.  The day and the
year are numbers both sides give; the month is a figure on one side and a name on the other."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.dates import numeric_dates
from .number_runs import DIGIT, DIGITS
from .textcache import month_mentions

_FIGURE = re.compile(rf"{DIGIT}+")


def named_months(text: str) -> set[int]:
    """The months ``text`` names, in English or Arabic (a citation may keep either)."""
    return {m.month for lang in ("en", "ar") for m in month_mentions(text, lang)}


def date_in_figures_named(here: str, start: int, there: str) -> bool:
    """Whether the number at ``start`` is (a figure of) a date written in figures that ``there``
    writes with the month's name: its month named there, its other figures there as numbers
    (``25/9/2023`` or its 9 beside "25 September 2023"; ``19.12.2012``, read as one number)."""
    for date in numeric_dates(here):
        if not date.start <= start < date.end:
            continue
        if not date.months & named_months(there):
            return False
        numbers = set(_figures(there))
        # every figure there as a number but one: the month's, named in words
        return sum(f not in numbers for f in _figures(here[date.start : date.end])) <= 1
    return False


def figure_of_a_date(value: str, here: str, there: str) -> bool:
    """Whether ``value`` (a day or a year) is a figure of a date ``there`` writes in figures and
    ``here`` with that month's name (the 19 and the 2012 of "19 كانون الأول/ديسمبر 2012" beside
    ``19.12.2012``)."""
    if not value.isdigit():
        return False
    mine = named_months(here)
    for date in numeric_dates(there):
        if not date.months & mine:
            continue
        if int(value) in _figures(there[date.start : date.end]):
            return True
    return False


def _figures(text: str) -> list[int]:
    """The values of the runs of digits in ``text``, any script's."""
    return [int(f) for f in _FIGURE.findall(text.translate(DIGITS))]


def months_in_figures(text: str) -> Iterable[int]:
    """The month of each date ``text`` writes in figures (both readings of an ambiguous one)."""
    for date in numeric_dates(text):
        yield from date.months


_RANGE_START = re.compile(r"((?:19|20)[0-9]{2})\s*[-–—/]\s*$")


def year_range_end(here: str, start: int, value: str, there: str) -> bool:
    """A period's second year written with two figures on one side and four on the other: the 27
    of "2026-27" is the 2027 of ``2026-2027``, and that 2027 is the 27 (the biennium 2024–25)."""
    if not value.isdigit():
        return False
    other = there.translate(DIGITS)
    if len(value) == 2:
        before = _RANGE_START.search(here[max(0, start - 8) : start].translate(DIGITS))
        if before is None:
            return False
        first = before.group(1)
        full = first[:2] + value
        written = re.search(rf"(?<![0-9]){first}\s*[-–—/]\s*{full}(?![0-9])", other)
        return int(full) > int(first) and written is not None
    if len(value) == 4 and value[:2] in ("19", "20"):
        first = str(int(value) - 1)
        return re.search(rf"(?<![0-9]){first}\s*[-–—/]\s*{value[2:]}(?![0-9])", other) is not None
    return False


_DAY_BEFORE_MONTH = re.compile(r"[0-9٠-٩۰-۹]{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?")


def day_added(here: str, start: int, value: str, there: str) -> bool:
    """A day of the month that one side adds to a date the other gives by its month alone ("the
    June 2020 resolution" = ``القرار المؤرخ 20 حزيران/يونيو 2020``): more precision, no number of
    its own (and never a year cut short)."""
    if not value.isdigit() or not 1 <= int(value) <= 31:
        return False
    undated = _months_without_day(there)
    for lang in ("en", "ar"):
        for month in month_mentions(here, lang):
            day = _DAY_BEFORE_MONTH.fullmatch(here, start, month.start) if month.start > start else None
            if day is not None and month.month in undated:
                return True
    return False


_DAY_ENDS = re.compile(r"[0-9٠-٩۰-۹]{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?$")
_DAY_STARTS = re.compile(r"\s*[0-9٠-٩۰-۹]{1,2}(?![0-9٠-٩۰-۹])")


def _months_without_day(text: str) -> set[int]:
    """The months ``text`` names with no day beside them ("June 2020", not "12 June" or "June 12")."""
    out: set[int] = set()
    for lang in ("en", "ar"):
        for m in month_mentions(text, lang):
            before = _DAY_ENDS.search(text, max(0, m.start - 12), m.start)
            after = _DAY_STARTS.match(text, m.end)
            if before is None and after is None:
                out.add(m.month)
    return out
