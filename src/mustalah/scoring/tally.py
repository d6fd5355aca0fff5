"""Corpus-level term breakdowns built from per-segment term statistics.

A :class:`TermTally` is what a shard returns for one system and what the corpus result
holds: counts per concept and per source term, miss kinds, and the misses themselves.
Tallies merge by addition, so shards can be scored anywhere and combined in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..termbase.model import Termbase
from .terms import MISS_KINDS, SegmentTerms, TermMiss


@dataclass(slots=True)
class ConceptTally:
    occurrences: int = 0
    hits: int = 0
    misses: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MISS_KINDS, 0))
    #: source term text -> [occurrences, hits]
    by_term: dict[str, list[int]] = field(default_factory=dict)


@dataclass(slots=True)
class TermTally:
    hits: int = 0
    total: int = 0
    concepts: dict[str, ConceptTally] = field(default_factory=dict)
    misses: list[TermMiss] = field(default_factory=list)
    #: per segment, in corpus order: [hits, total] (what the paired tests and the gate need)
    segments: list[list[int]] = field(default_factory=list)
    #: (segment, concept, occurrences, hits) per segment and concept, in corpus order
    concept_segments: list[tuple[int, str, int, int]] = field(default_factory=list)
    #: context -> [occurrences, hits] (None: no reference to read the contexts from)
    contexts: dict[str, list[int]] | None = None

    def add(self, seg: SegmentTerms, segment: int = 0) -> None:
        self.hits += seg.hits
        self.total += seg.total
        self.segments.append([seg.hits, seg.total])
        per_concept: dict[str, list[int]] = {}
        for concept_id, _text, occ, hit in seg.rows:
            cell = per_concept.setdefault(concept_id, [0, 0])
            cell[0] += occ
            cell[1] += hit
        for concept_id, (occ, hit) in per_concept.items():
            self.concept_segments.append((segment, concept_id, occ, hit))
        for concept_id, text, occ, hit in seg.rows:
            c = self.concepts.setdefault(concept_id, ConceptTally())
            c.occurrences += occ
            c.hits += hit
            cell = c.by_term.setdefault(text, [0, 0])
            cell[0] += occ
            cell[1] += hit
        for miss in seg.misses:
            self.concepts[miss.concept_id].misses[miss.found] += 1
            self.misses.append(miss)

    def merge(self, other: TermTally) -> None:
        """Add a later shard's tally (order matters only for the list of misses)."""
        self.hits += other.hits
        self.total += other.total
        for concept_id, o in other.concepts.items():
            c = self.concepts.setdefault(concept_id, ConceptTally())
            c.occurrences += o.occurrences
            c.hits += o.hits
            for kind, n in o.misses.items():
                c.misses[kind] = c.misses.get(kind, 0) + n
            for text, (occ, hit) in o.by_term.items():
                cell = c.by_term.setdefault(text, [0, 0])
                cell[0] += occ
                cell[1] += hit
        self.misses.extend(other.misses)
        self.segments.extend(other.segments)
        self.concept_segments.extend(other.concept_segments)
        if other.contexts is not None:
            if self.contexts is None:
                self.contexts = {}
            for name, (occ, hit) in other.contexts.items():
                cell = self.contexts.setdefault(name, [0, 0])
                cell[0] += occ
                cell[1] += hit

    @property
    def accuracy(self) -> float | None:
        return 100.0 * self.hits / self.total if self.total else None

    def concept_rows(self, termbase: Termbase | None, target_lang: str) -> list[dict[str, Any]]:
        """Per-concept rows (with per-source-term rows inside), most occurrences first."""
        rows: list[dict[str, Any]] = []
        for concept_id, c in sorted(self.concepts.items(), key=lambda kv: (-kv[1].occurrences, kv[0])):
            concept = termbase.get(concept_id) if termbase is not None else None
            preferred = concept.preferred(target_lang) if concept is not None else None
            rows.append(
                {
                    "concept": concept_id,
                    "expected": preferred.text if preferred is not None else None,
                    "occurrences": c.occurrences,
                    "hits": c.hits,
                    "accuracy": round(100.0 * c.hits / c.occurrences, 4) if c.occurrences else None,
                    "misses": dict(c.misses),
                    "source_terms": [
                        {"term": text, "occurrences": occ, "hits": hit}
                        for text, (occ, hit) in sorted(c.by_term.items(), key=lambda kv: (-kv[1][0], kv[0]))
                    ],
                }
            )
        return rows


def miss_row(miss: TermMiss) -> dict[str, Any]:
    return {
        "segment": miss.segment,
        "concept": miss.concept_id,
        "source_term": miss.source_term,
        "expected": miss.expected,
        "found": miss.found,
        "found_text": miss.found_text,
        "found_concept": miss.found_concept,
        "detail": miss.detail,
    }
