"""Language-tag comparison for readers.

TMX and XLIFF tags are BCP 47 and case-insensitive (``eN-uS``, ``EN-US``); CAT tools
match on the primary subtag when the region differs (``ar`` ~ ``ar-SA``).  Readers
prefer an exact (case-folded) match, then a primary-subtag match.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache


@lru_cache(maxsize=256)  # a file holds a handful of tags, compared for every unit
def norm(tag: str) -> str:
    return tag.strip().replace("_", "-").casefold()


def primary(tag: str) -> str:
    return norm(tag).split("-", 1)[0]


def same(a: str, b: str) -> bool:
    return norm(a) == norm(b)


def pick(wanted: str, tags: Sequence[str]) -> int | None:
    """Index of the first tag equal to ``wanted`` (any case), else of the first same-language tag."""
    for i, tag in enumerate(tags):
        if same(tag, wanted):
            return i
    for i, tag in enumerate(tags):
        if primary(tag) == primary(wanted):
            return i
    return None
