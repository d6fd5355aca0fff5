"""The values a scoring run returns: one :class:`SystemReport` per hypothesis, one :class:`ScoreReport`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .confidence import Interval
from .significance import Comparison
from .terms import TermMiss


@dataclass(frozen=True, slots=True)
class SystemReport:
    name: str
    scores: dict[str, float | None]  # JSON field -> score
    signatures: dict[str, str]  # JSON field -> signature
    verbose: dict[str, str]  # JSON field -> sacreBLEU's verbose score (n-gram precisions, …)
    term_hits: int | None = None
    term_total: int | None = None
    terms: list[dict[str, Any]] = field(default_factory=list)
    misses: list[TermMiss] = field(default_factory=list)
    #: JSON field -> 95 % bootstrap interval (only with --confidence)
    confidence: dict[str, Interval] = field(default_factory=dict)
    #: the WMT21 official figures (window_overlap_2, window_overlap_3, one_minus_term): --compat wmt21
    official: dict[str, float | None] = field(default_factory=dict)
    #: per segment [hits, total] (None when terms were not scored)
    term_segments: list[list[int]] | None = None
    #: (segment, concept, occurrences, hits)
    concept_segments: list[tuple[int, str, int, int]] = field(default_factory=list)
    #: per-context rows (None: no reference to read the contexts from, or not an Arabic target)
    contexts: list[dict[str, Any]] | None = None
    #: per challenge-set context (``mustalah challenge`` source with its manifest), else None
    challenge: list[dict[str, Any]] | None = None


@dataclass(frozen=True, slots=True)
class ScoreReport:
    source_lang: str
    target_lang: str
    systems: tuple[SystemReport, ...]
    comparisons: tuple[Comparison, ...] = ()
    paired: str | None = None  # the test that ran: bs | ar
    paired_samples: int = 0
    term_source: str | None = None  # termbase | wmt21 | wmt21-compat
    segments: int = 0
    reference_free: bool = False
    notes: tuple[str, ...] = ()
    confidence_samples: int = 0  # 0: no --confidence
    confidence_seed: str | None = None
