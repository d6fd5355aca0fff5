"""Per-text work several rules share, memoized by the text string.

Rule views are frozen and rules are independent, so a text's month mentions (NU002,
NU003, ST002) or honorific split (ST001) would be recomputed by every rule that reads
them.  These small LRU caches, keyed by the text itself (never by ``id``), let the
rules of one unit share that work; they hold only immutable values.
"""

from __future__ import annotations

import functools

from ..termbase.model import Gender
from ..text.arabic import split_honorific_ar
from ..text.dates import MonthMention, months
from ..text.english import document_symbols

__all__ = ["month_mentions", "split_honorific", "symbols"]


@functools.lru_cache(maxsize=1024)
def month_mentions(text: str, lang: str) -> tuple[MonthMention, ...]:
    """``text.dates.months`` for ``text``, computed once per unit side however many rules ask."""
    return tuple(months(text, lang))


@functools.lru_cache(maxsize=1024)
def symbols(text: str) -> tuple[tuple[int, int, str], ...]:
    """``text.english.document_symbols``, once per text (every UN document symbol has a ``/``)."""
    return tuple(document_symbols(text)) if "/" in text else ()


@functools.lru_cache(maxsize=65536)
def split_honorific(token: str) -> tuple[str, str, Gender | None] | None:
    """``text.arabic.split_honorific_ar``, once per distinct token."""
    return split_honorific_ar(token)
