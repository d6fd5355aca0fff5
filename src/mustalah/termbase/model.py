"""Concept-oriented termbase model, shaped like TBX (concept -> language -> term).

A :class:`Concept` holds, per language, its :class:`Term` entries.  Terms carry the
TBX data categories the toolkit needs: administrative status, term type, grammatical
gender, part of speech, usage note and an "exact spelling only" flag for short names
that collide with common words (``علي`` / ``على``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar, cast

# Gender is shared with text/ (honorifics), so it lives in the shared model; re-exported here.
from ..model import Gender as Gender

T = TypeVar("T")


class Status(StrEnum):
    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def approved(self) -> bool:
        return self in (Status.PREFERRED, Status.ADMITTED)


class TermType(StrEnum):
    FULL_FORM = "fullForm"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"
    SHORT_FORM = "shortForm"
    VARIANT = "variant"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value was defined: file and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    lang: str
    status: Status = Status.PREFERRED
    type: TermType = TermType.FULL_FORM
    gender: Gender | None = None
    pos: str | None = None
    usage: str | None = None
    note: str | None = None
    exact: bool = False
    #: Other grammatical forms of the same term that are equally correct: English
    #: plurals (``Permanent Representatives``), Arabic case forms
    #: (``المقاتلين الإرهابيين الأجانب`` beside ``المقاتلون الإرهابيون الأجانب``).
    forms: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)
    #: The full BCP 47 tag as the source wrote it when it says more than the language
    #: (``en-US``, ``ar-SA``); ``lang`` is then its primary subtag, what matching uses.
    tag: str | None = None

    @property
    def full_lang(self) -> str:
        """The tag to write back: ``tag`` when the source gave a region, else ``lang``."""
        return self.tag or self.lang

    @property
    def approved(self) -> bool:
        return self.status.approved

    @property
    def is_acronym(self) -> bool:
        return self.type in (TermType.ACRONYM, TermType.ABBREVIATION)


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    domain: str
    terms: tuple[Term, ...]
    subject: str | None = None
    definition: str | None = None
    note: str | None = None
    source: str | None = None
    related: tuple[str, ...] = ()
    confusable: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.lang == lang)

    def preferred(self, lang: str, gender: Gender | None = None) -> Term | None:
        """The preferred full form in ``lang`` (of ``gender`` if given), else any preferred term."""
        candidates = [t for t in self.terms if t.lang == lang and t.status is Status.PREFERRED]
        if gender is not None:
            gendered = [t for t in candidates if t.gender is gender]
            candidates = gendered or candidates
        full = [t for t in candidates if not t.is_acronym]
        chosen = full or candidates
        return chosen[0] if chosen else None

    def acronyms(self, lang: str | None = None) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.is_acronym and (lang is None or t.lang == lang))

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for t in self.terms:
            seen.setdefault(t.lang, None)
        return tuple(seen)

    @property
    def full_languages(self) -> tuple[str, ...]:
        """The languages as the source tagged them (``en-US``), for writers."""
        seen: dict[str, None] = {}
        for t in self.terms:
            seen.setdefault(t.full_lang, None)
        return tuple(seen)

    def terms_tagged(self, tag: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.full_lang == tag)


def split_tag(tag: str) -> tuple[str, str | None]:
    """``en-US`` → ``("en", "en-US")``; ``ar`` → ``("ar", None)``: terms match by primary subtag (BCP 47)."""
    primary = tag.split("-", 1)[0].lower()
    return primary, (tag if tag != primary else None)


@dataclass(frozen=True, slots=True)
class Termbase:
    concepts: tuple[Concept, ...]
    name: str = "termbase"
    origin: str | None = None
    _by_id: dict[str, Concept] = field(default_factory=dict, compare=False, repr=False)
    #: Values computed once from the whole termbase (see :meth:`derived`).
    _derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # slots + frozen: fill the lookup table once through object.__setattr__ on the dict we own.
        if not self._by_id:
            for c in self.concepts:
                self._by_id.setdefault(c.id, c)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def derived(self, name: str, build: Callable[[Termbase], T]) -> T:
        """A value computed from the whole termbase, once per termbase.

        Rules that need a view of every term (a spelling word list, the acronyms allowed
        in Arabic text) ask for it here; builders registered with
        :func:`mustalah.termbase.derived.register` are also stored in the compiled index
        cache, so a warm run never walks a 100k-term termbase for them.
        """
        if name not in self._derived:
            self._derived[name] = build(self)
        return cast(T, self._derived[name])

    def derived_names(self) -> frozenset[str]:
        """The names of the derived values computed (or loaded from the index cache) so far."""
        return frozenset(self._derived)

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, concept_id: str) -> Concept | None:
        return self._by_id.get(concept_id)

    def __getitem__(self, concept_id: str) -> Concept:
        return self._by_id[concept_id]

    def terms(self, lang: str | None = None) -> Iterator[tuple[Concept, Term]]:
        for c in self.concepts:
            for t in c.terms:
                if lang is None or t.lang == lang:
                    yield c, t

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for c in self.concepts:
            for lang in c.languages:
                seen.setdefault(lang, None)
        return tuple(seen)

    def content_hash(self) -> str:
        """A stable hash of everything that affects matching and reporting."""
        h = hashlib.sha256()
        for c in sorted(self.concepts, key=lambda c: c.id):
            h.update(repr((c.id, c.domain, c.related, c.confusable)).encode())
            for t in c.terms:
                h.update(
                    repr(
                        (
                            t.text,
                            t.lang,
                            t.status.value,
                            t.type.value,
                            t.gender.value if t.gender else None,
                            t.pos,
                            t.exact,
                            t.forms,
                        )
                    ).encode()
                )
        return h.hexdigest()[:16]
