"""Dates written in figures against dates written with a month's name (NU001 and NU002 ask this
module): "25 September 2023" = ``25/9/2023``, "May 21, 1995" = ``٢١ /٥/١٩٩٥``.  The day and the
year are numbers both sides give; the month is a figure on one side and a name on the other."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.dates import numeric_dates
from .textcache import month_mentions

_FIGURE = re.compile(r"[0-9٠-٩۰-۹]+")
_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


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
        figures = [int(f) for f in _FIGURE.findall(here[date.start : date.end].translate(_WESTERN))]
        numbers = {int(f) for f in _FIGURE.findall(there.translate(_WESTERN))}
        return sum(f not in numbers for f in figures) <= 1  # the month's figure, named in words
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
        figures = _FIGURE.findall(there[date.start : date.end].translate(_WESTERN))
        if any(int(f) == int(value) for f in figures):
            return True
    return False


def months_in_figures(text: str) -> Iterable[int]:
    """The month of each date ``text`` writes in figures (both readings of an ambiguous one)."""
    for date in numeric_dates(text):
        yield from date.months
