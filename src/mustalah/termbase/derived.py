"""Values derived from a whole termbase, registered once so the index cache can store them.

A rule that needs a view of every term (the spelling word list, the Latin acronyms
allowed in Arabic) registers its builder here and reads the value through
``termbase.derived(name, builder)``.  When the compiled index is written to the disk
cache (:mod:`mustalah.matching.cache`) every registered value is computed and stored
with it, so a warm run on a 100k-term termbase decodes none of its concepts.
Values must be plain data (sets and tuples of strings, numbers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .model import Termbase

T = TypeVar("T")

_BUILDERS: dict[str, Callable[[Termbase], object]] = {}


def register(name: str) -> Callable[[Callable[[Termbase], T]], Callable[[Termbase], T]]:
    """Decorator: ``build`` computes the value called ``name`` from a termbase."""

    def add(build: Callable[[Termbase], T]) -> Callable[[Termbase], T]:
        _BUILDERS[name] = build
        return build

    return add


def builders() -> dict[str, Callable[[Termbase], object]]:
    """Every registered builder by name (one registry for this extension point)."""
    return dict(_BUILDERS)


def compute_all(termbase: Termbase) -> dict[str, object]:
    """Every registered value for ``termbase`` (memoized on it as well)."""
    return {name: termbase.derived(name, build) for name, build in _BUILDERS.items()}
