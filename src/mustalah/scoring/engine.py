"""Sharded scoring: per-segment sufficient statistics computed per shard, summed in corpus order.

sacreBLEU scores a corpus by extracting per-segment statistics for every segment (with the
whole corpus and every reference n-gram held in memory) and then summing them.  Here the
corpus is read in shards; a shard is scored by a top-level, picklable task function
(:func:`run_shard`) on any :class:`concurrent.futures.Executor`, and the main process adds
the shard's statistics to running totals *in corpus order*.  The totals are exactly the
numbers sacreBLEU's ``sum_of_lists`` would produce (same additions in the same order, which
matters for TER's float statistics), so every corpus score is identical to a single
sacreBLEU call.  Scores are never averaged.

At most ``max_pending`` shards are in flight, so memory is bounded by the shard size, not by
the corpus (per-segment statistics are kept only when a paired test needs them).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

from sacrebleu.metrics.base import Score
from sacrebleu.metrics.chrf import CHRF

from ..matching import TermIndex
from ..matching.cache import index_of
from ..parallel import SerialExecutor, ordered_map
from ..termbase.model import Termbase
from .arnorm import normalize_arabic
from .contexts import count_contexts, reference_contexts
from .inputs import ShardInput
from .metrics import STRING_METRICS, TERMS, MetricOptions, build_metric
from .sacrebleu_stats import cache_references, corpus_statistics, score_from_statistics
from .tally import TermTally
from .terms import SegmentTerms, analyse_segment, shared_forms, source_occurrences, term_score

Stats = list[Any]


@dataclass(frozen=True, slots=True)
class TermSetup:
    """What a shard needs to score terms (picklable: the termbase travels, the index is rebuilt)."""

    termbase: Termbase
    source_lang: str
    target_lang: str
    term_source: str = "termbase"  # or "wmt21" (annotations)


@dataclass(frozen=True, slots=True)
class ShardConfig:
    metrics: tuple[str, ...]
    options: MetricOptions
    terms: TermSetup | None = None


@dataclass(frozen=True, slots=True)
class ShardTask:
    config: ShardConfig
    data: ShardInput


@dataclass(frozen=True, slots=True)
class ShardResult:
    first: int
    count: int
    #: per system: metric key -> per-segment statistics
    stats: tuple[dict[str, list[Stats]], ...]
    #: per system: the shard's term tally (None when terms are not scored)
    tallies: tuple[TermTally | None, ...]


_forms_lock = threading.Lock()
_shared: dict[tuple[str, str], dict[str, frozenset[str]]] = {}


def term_index(setup: TermSetup) -> tuple[TermIndex, dict[str, frozenset[str]]]:
    """The matcher's index for a termbase (:func:`mustalah.matching.cache.index_of`, once per
    process) and its shared target forms."""
    index = index_of(setup.termbase, (setup.source_lang, setup.target_lang))
    key = (index.termbase_hash, setup.target_lang)
    with _forms_lock:
        shared = _shared.get(key)
    if shared is None:
        shared = shared_forms(setup.termbase, setup.target_lang)
        with _forms_lock:
            _shared[key] = shared
    return index, shared


def score_terms(data: ShardInput, setup: TermSetup) -> tuple[list[list[Stats]], list[TermTally]]:
    """Term statistics and tallies of every system on one shard."""
    index, shared = term_index(setup)
    if data.occurrences is not None:
        occurrences = list(data.occurrences)
    else:
        occurrences = [source_occurrences(index.match(s, setup.source_lang)) for s in data.sources]
    ref_contexts: list[dict[str, list[tuple[str, ...]]]] | None = None
    if data.references and setup.target_lang.split("-")[0] == "ar":
        ref_contexts = [
            reference_contexts(
                index.match(ref, setup.target_lang), ref, setup.termbase, setup.target_lang, shared
            )
            for ref in data.references[0]
        ]
    all_stats: list[list[Stats]] = []
    tallies: list[TermTally] = []
    for hyps in data.hypotheses:
        tally = TermTally(contexts={} if ref_contexts is not None else None)
        stats: list[Stats] = []
        for i, (occ, hyp) in enumerate(zip(occurrences, hyps, strict=True)):
            seg: SegmentTerms = analyse_segment(
                data.first + i + 1,
                occ,
                index.match(hyp, setup.target_lang),
                setup.termbase,
                setup.target_lang,
                shared,
            )
            tally.add(seg, data.first + i + 1)
            if ref_contexts is not None and tally.contexts is not None:
                count_contexts(seg.rows, ref_contexts[i], tally.contexts)
            stats.append(seg.stats)
        all_stats.append(stats)
        tallies.append(tally)
    return all_stats, tallies


def run_shard(task: ShardTask) -> ShardResult:
    """Score one shard for every system (top-level and picklable: runs on any Executor)."""
    config, data = task.config, task.data
    per_system: list[dict[str, list[Stats]]] = [{} for _ in data.hypotheses]
    refs, hyps = data.references, data.hypotheses
    if config.options.normalize_ar:
        refs = tuple(tuple(normalize_arabic(x) for x in stream) for stream in refs)
        hyps = tuple(tuple(normalize_arabic(x) for x in system) for system in hyps)
    # chrF's statistics are the character part of chrF++'s (sacreBLEU lists the character
    # orders first): with one reference, where no best-reference choice can differ, compute
    # chrF++ once and take chrF from it.  A test checks the equality against sacreBLEU.
    share_chrf = "chrf" in config.metrics and "chrfpp" in config.metrics and len(refs) == 1
    for key in sorted(config.metrics, key=lambda k: k == "chrf"):  # chrF after chrF++
        if key not in STRING_METRICS:
            continue
        if key == "chrf" and share_chrf:
            chrf = build_metric("chrf", config.options)
            assert isinstance(chrf, CHRF)
            width = 3 * chrf.char_order
            for s in range(len(hyps)):
                per_system[s]["chrf"] = [row[:width] for row in per_system[s]["chrfpp"]]
            continue
        # A fresh metric per shard: no state is shared between threads or shards.
        metric = build_metric(key, config.options)
        cache_references(metric, refs)
        for s, system in enumerate(hyps):
            per_system[s][key] = corpus_statistics(metric, system)
    tallies: list[TermTally | None] = [None] * len(hyps)
    if TERMS in config.metrics and config.terms is not None:
        term_stats, term_tallies = score_terms(data, config.terms)
        for s, stats in enumerate(term_stats):
            per_system[s][TERMS] = stats
        tallies = list(term_tallies)
    count = len(data.references[0]) if data.references else len(data.sources)
    return ShardResult(data.first, count, tuple(per_system), tuple(tallies))


# --- accumulation ------------------------------------------------------------------------


@dataclass(slots=True)
class SystemTotals:
    """Running sums for one system; per-segment statistics only if asked for."""

    name: str
    totals: dict[str, list[Any]] = field(default_factory=dict)
    segments: dict[str, list[Stats]] | None = None
    tally: TermTally | None = None
    count: int = 0

    def add(self, stats: dict[str, list[Stats]], tally: TermTally | None) -> None:
        for key, rows in stats.items():
            total = self.totals.get(key)
            for row in rows:
                if total is None:
                    # sacreBLEU's sum_of_lists: start from the first value's type.
                    total = [type(row[0])(0.0)] * len(row)
                    self.totals[key] = total
                for i, value in enumerate(row):
                    total[i] += value
            if self.segments is not None:
                self.segments.setdefault(key, []).extend(rows)
        if tally is not None:
            if self.tally is None:
                self.tally = TermTally()
            self.tally.merge(tally)

    def score(self, key: str, options: MetricOptions) -> Score:
        total = self.totals.get(key)
        if key == TERMS:
            return term_score(*(total or [0, 0]))
        metric = build_metric(key, options)
        if total is None:
            raise ValueError("no segments were scored")
        return score_from_statistics(metric, total)


def run(
    shards: Iterable[ShardInput],
    config: ShardConfig,
    names: list[str],
    executor: Executor | None = None,
    keep_segments: bool = False,
    on_shard: Callable[[ShardResult], None] | None = None,
    max_pending: int = 4,
) -> list[SystemTotals]:
    """Score every shard and fold the results in corpus order (``parallel.ordered_map``:
    at most ``max_pending`` shards in flight)."""
    pool = executor if executor is not None else SerialExecutor()
    systems = [SystemTotals(name, segments={} if keep_segments else None) for name in names]
    tasks = (ShardTask(config, data) for data in shards)
    for result in ordered_map(pool, run_shard, tasks, window=max_pending):
        for system, stats, tally in zip(systems, result.stats, result.tallies, strict=True):
            system.add(stats, tally)
            system.count += result.count
        if on_shard is not None:
            on_shard(result)
    return systems
