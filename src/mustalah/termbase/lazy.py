"""A termbase whose concepts are decoded on first use (what the index cache loads).

A lint run on a 100k-term termbase reads a few hundred concepts — the ones its texts
mention — so the cache stores each concept as a JSON row (:class:`PackedRows`)
and :func:`lazy_termbase` builds a :class:`Termbase` whose ``concepts`` and id lookup
decode rows only when asked.  Whole-termbase walks (exports, ``content_hash``) still
work; they just decode everything, as a freshly parsed termbase would hold it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast, overload

from ..packed import PackedRows
from .model import Concept, Gender, Location, Status, Term, Termbase, TermType, split_tag

_STATUS = {s.value: s for s in Status}
_TYPE = {t.value: t for t in TermType}
_GENDER = {g.value: g for g in Gender}

#: (text, lang, status, type, gender, pos, usage, note, exact, forms, file, line)
TermRow = tuple[Any, ...]


def term_row(t: Term) -> TermRow:
    loc = t.location
    return (
        t.text,
        t.full_lang,  # the full tag (``en-US``); _term splits it back into lang + tag
        t.status.value,
        t.type.value,
        t.gender.value if t.gender else None,
        t.pos,
        t.usage,
        t.note,
        t.exact,
        t.forms,
        loc.file if loc else None,
        loc.line if loc else 0,
    )


def concept_row(c: Concept) -> tuple[Any, ...]:
    loc = c.location
    return (
        c.id,
        c.domain,
        tuple(term_row(t) for t in c.terms),
        c.subject,
        c.definition,
        c.note,
        c.source,
        c.related,
        c.confusable,
        loc.file if loc else None,
        loc.line if loc else 0,
    )


def _term(row: TermRow) -> Term:
    text, full, status, typ, gender, pos, usage, note, exact, forms, file, line = row
    lang, tag = split_tag(full)
    return Term(
        text,
        lang,
        _STATUS[status],
        _TYPE[typ],
        _GENDER[gender] if gender else None,
        pos,
        usage,
        note,
        exact,
        forms,
        Location(file, line) if file is not None else None,
        tag,
    )


def make_concept(
    cid: str,
    domain: str,
    terms: tuple[TermRow, ...],
    subject: str | None,
    definition: str | None,
    note: str | None,
    source: str | None,
    related: tuple[str, ...],
    confusable: tuple[str, ...],
    file: str | None,
    line: int,
) -> Concept:
    """A concept from its row (module level: the packed table stays picklable)."""
    return Concept(
        cid,
        domain,
        tuple(_term(t) for t in terms),
        subject,
        definition,
        note,
        source,
        related,
        confusable,
        Location(file, line) if file is not None else None,
    )


class LazyConcepts(Sequence[Concept]):
    """The concepts of a packed termbase, decoded when read."""

    def __init__(self, rows: PackedRows[Concept]) -> None:
        self.rows = rows

    @overload
    def __getitem__(self, i: int) -> Concept: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Concept, ...]: ...
    def __getitem__(self, i: int | slice) -> Concept | tuple[Concept, ...]:
        if isinstance(i, slice):
            return tuple(self.rows[k] for k in range(*i.indices(len(self))))
        return self.rows[i]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the tuple a parsed termbase holds


class LazyById(dict[str, Concept]):
    """Concept id → concept, decoding on lookup (the dict itself stays empty)."""

    def __init__(self, positions: dict[str, int], concepts: LazyConcepts) -> None:
        super().__init__()
        self.positions = positions
        self.concepts = concepts
        #: the concepts looked up so far, by id (rules ask for the same few again and again)
        self.seen: dict[str, Concept] = {}

    def get(self, key: str, default: Any = None) -> Any:
        got = self.seen.get(key)
        if got is None:
            at = self.positions.get(key)
            if at is None:
                return default
            got = self.seen[key] = self.concepts[at]
        return got

    def __getitem__(self, key: str) -> Concept:
        return self.concepts[self.positions[key]]

    def __contains__(self, key: object) -> bool:
        return key in self.positions

    def __len__(self) -> int:
        return len(self.positions)

    def __iter__(self) -> Iterator[str]:
        return iter(self.positions)

    # the dict's own storage stays empty: every view goes through the positions
    def keys(self) -> Any:
        return self.positions.keys()

    def values(self) -> Any:
        return [self.concepts[k] for k in self.positions.values()]

    def items(self) -> Any:
        return [(cid, self.concepts[k]) for cid, k in self.positions.items()]

    def copy(self) -> dict[str, Concept]:
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        return dict(self.items()) == other if isinstance(other, dict) else NotImplemented

    __hash__ = None  # a dict

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyById, (self.positions, self.concepts))


def lazy_termbase(
    rows: PackedRows[Concept],
    ids: Sequence[str],
    name: str,
    origin: str | None,
    derived: dict[str, object],
) -> Termbase:
    """A :class:`Termbase` over packed concept rows (``ids[k]`` is the id of row ``k``)."""
    concepts = LazyConcepts(rows)
    by_id = LazyById({cid: k for k, cid in reversed(list(enumerate(ids)))}, concepts)
    return Termbase(cast(tuple[Concept, ...], concepts), name, origin, by_id, dict(derived))


def pack_concepts(termbase: Termbase) -> PackedRows[Concept]:
    return PackedRows.pack((concept_row(c) for c in termbase.concepts), make_concept)
