"""Scoring runs: files or in-memory streams in, a :class:`ScoreReport` out.

This is the layer the CLI (``mustalah score``) and other tools call.  It validates the
inputs (line counts, reference shape), decides where terms come from (a termbase, or the
WMT21 annotations of SGML input), runs the sharded engine, the optional paired test, and
collects scores with their signatures.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from typing import IO, Any

from sacrebleu.metrics.base import Metric

from ..errors import InputError, UsageError
from ..termbase.model import Termbase
from . import wmt21, wmt21_official
from .challenge_score import item_rows, load_items
from .collect import OFFICIAL_FIELDS, RunInfo, finish
from .confidence import DEFAULT_SAMPLES
from .engine import ShardConfig, ShardResult, TermSetup, run, term_index
from .inputs import (
    CorpusFiles,
    ShardInput,
    check_counts,
    check_reference_shape,
    iter_file_shards,
    iter_memory_shards,
)
from .metrics import SCORE_FIELDS, STRING_METRICS, TERMS, MetricOptions, build_metric
from .results import ScoreReport, SystemReport
from .sacrebleu_stats import score_from_statistics

__all__ = ["DEFAULT_SHARD_SIZE", "ScoreOptions", "ScoreReport", "SystemReport", "score_corpus", "score_files"]

#: Said in every reference-free report (text and JSON ``notes``).
REFERENCE_FREE_NOTE = (
    "reference-free: term accuracy only (it needs the source and the hypotheses); "
    "BLEU, chrF, chrF++ and TER compare with a reference and need --reference REF"
)

DEFAULT_SHARD_SIZE = 2000


@dataclass(frozen=True, slots=True)
class ScoreOptions:
    metrics: tuple[str, ...] = ("bleu", "chrf", "chrfpp", "ter", TERMS)
    source_lang: str = "en"
    target_lang: str = "ar"
    tokenize: str | None = None
    normalize_ar: bool = False
    paired: str | None = None  # bootstrap | ar
    paired_samples: int = 0  # 0: sacreBLEU's defaults (1000 bootstrap, 10000 AR)
    compat: str | None = None  # wmt21
    shard_size: int = DEFAULT_SHARD_SIZE
    confidence: bool = False  # 95 % bootstrap intervals for every metric
    confidence_samples: int = 0  # 0: sacreBLEU's 1000

    @property
    def keep_segments(self) -> bool:
        """Per-segment statistics are kept for the paired tests and the intervals."""
        return bool(self.paired) or self.confidence

    @property
    def metric_options(self) -> MetricOptions:
        return MetricOptions(
            target_lang=self.target_lang, tokenize=self.tokenize, normalize_ar=self.normalize_ar
        )


class SegmentWriter:
    """Writes per-segment scores as JSON lines while shards arrive (nothing is kept)."""

    def __init__(self, handle: IO[str], names: Sequence[str], options: ScoreOptions) -> None:
        self.handle = handle
        self.names = list(names)
        self.metrics: dict[str, Metric] = {
            key: build_metric(key, options.metric_options, sentence_level=True)
            for key in options.metrics
            if key in STRING_METRICS
        }

    def __call__(self, result: ShardResult) -> None:
        for i in range(result.count):
            for name, stats in zip(self.names, result.stats, strict=True):
                row: dict[str, Any] = {"segment": result.first + i + 1, "system": name}
                for key, metric in self.metrics.items():
                    if key in stats:
                        row[SCORE_FIELDS[key]] = round(
                            float(score_from_statistics(metric, stats[key][i]).score), 4
                        )
                if TERMS in stats:
                    hits, total = stats[TERMS][i]
                    row["term_hits"], row["term_total"] = int(hits), int(total)
                self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def score_files(
    files: CorpusFiles,
    options: ScoreOptions,
    termbase: Termbase | None = None,
    executor: Executor | None = None,
    segments: IO[str] | None = None,
    names: Sequence[str] | None = None,
) -> ScoreReport:
    """Score hypothesis files against references (and terms, from ``termbase`` or WMT21 annotations).

    Without references only term accuracy is computed (reference-free scoring; the report says so).
    """
    if not files.hypotheses:
        raise UsageError("no hypothesis given", hint="pass one or more hypothesis files")
    notes: list[str] = []
    reference_free = not files.references
    if reference_free:
        if TERMS not in options.metrics:
            raise UsageError(
                "BLEU, chrF, chrF++ and TER compare with a reference, and none was given",
                hint="pass --reference REF, or score term accuracy alone (--metrics terms)",
            )
        if options.compat is not None:
            raise UsageError("--compat wmt21 needs the annotated reference", hint="pass --reference REF.sgm")
        options = replace(options, metrics=(TERMS,))
        notes.append(REFERENCE_FREE_NOTE)
    want_terms = TERMS in options.metrics
    if want_terms and files.source is None:
        raise UsageError(
            "term accuracy needs the source text", hint="pass --source SRC, or drop 'terms' from --metrics"
        )
    check_counts(files)
    names = list(names) if names is not None else [p.name for p in files.hypotheses]
    annotated = want_terms and files.source_is_sgml
    setup: TermSetup | None = None
    compat_stats: list[list[list[int]]] | None = None
    official_segments: list[dict[str, list[float]]] = []
    official: list[dict[str, float | None]] = []
    tb_hash = "none"
    if options.compat is not None and options.compat != "wmt21":
        raise UsageError(
            f"unknown compatibility mode {options.compat!r}", hint="the only one is --compat wmt21"
        )
    if options.compat == "wmt21" and want_terms:
        if files.source is None or not files.source_is_sgml or not wmt21.is_sgml(files.references[0]):
            raise InputError(
                "--compat wmt21 needs WMT21 SGML source and reference files",
                file=str(files.source),
                hint="see docs/scoring.md, 'WMT21 terminology files'",
            )
        compat_stats = [
            wmt21.compat_segment_stats(files.source, files.references[0], h) for h in files.hypotheses
        ]
        for h in files.hypotheses:
            stats = wmt21_official.official_stats(files.source, files.references[0], h)
            per_segment = {
                OFFICIAL_FIELDS[0]: stats.window[2],
                OFFICIAL_FIELDS[1]: stats.window[3],
                OFFICIAL_FIELDS[2]: [1.0 - t for t in stats.term_ter or []],
            }
            official_segments.append(per_segment)
            official.append(
                {
                    OFFICIAL_FIELDS[0]: stats.window_overlap(2),
                    OFFICIAL_FIELDS[1]: stats.window_overlap(3),
                    OFFICIAL_FIELDS[2]: stats.one_minus_term,
                }
            )
        annotated = False
    elif annotated:
        assert files.source is not None
        ref_segs = None
        if files.references:
            ref0 = files.references[0]
            if not wmt21.is_sgml(ref0):
                raise InputError(
                    "the source is WMT21 SGML but the first reference is not",
                    file=str(ref0),
                    hint="pass the annotated reference (…fr.sgm) as the first --reference",
                )
            ref_segs = wmt21.read_segments(ref0)
        src_segs = wmt21.read_segments(files.source)
        tb = wmt21.annotation_termbase(src_segs, ref_segs, options.source_lang, options.target_lang)
        setup = TermSetup(tb, options.source_lang, options.target_lang, "wmt21")
        tb_hash = tb.content_hash()
    elif want_terms:
        if termbase is None:
            raise UsageError("term accuracy needs a termbase", hint="pass --termbase PATH")
        setup = TermSetup(termbase, options.source_lang, options.target_lang)
        tb_hash = termbase.content_hash()
    config = ShardConfig(
        tuple(m for m in options.metrics if m != TERMS or setup is not None), options.metric_options, setup
    )
    if setup is not None:
        term_index(setup)  # build once here: serial runs and forked workers reuse it
    writer = SegmentWriter(segments, names, options) if segments is not None else None
    shards = iter_file_shards(files, options.shard_size, annotated=annotated)
    systems = run(
        shards,
        config,
        names,
        executor=executor,
        keep_segments=options.keep_segments,
        on_shard=writer,
    )
    info = _run_info(options, len(files.references), setup, tb_hash, reference_free, tuple(notes))
    info = replace(info, compat_stats=compat_stats, official_segments=official_segments, official=official)
    report = finish(systems, info)
    items = load_items(files.source, report.segments) if files.source is not None and want_terms else None
    if items is not None:
        report = replace(
            report, systems=tuple(replace(s, challenge=item_rows(s, items)) for s in report.systems)
        )
    return report


def _run_info(
    options: ScoreOptions,
    num_refs: int,
    setup: TermSetup | None,
    tb_hash: str,
    reference_free: bool = False,
    notes: tuple[str, ...] = (),
) -> RunInfo:
    return RunInfo(
        metrics=options.metrics,
        source_lang=options.source_lang,
        target_lang=options.target_lang,
        metric_options=options.metric_options,
        num_refs=num_refs,
        setup=setup,
        termbase_hash=tb_hash,
        paired=options.paired,
        paired_samples=options.paired_samples,
        confidence_samples=(options.confidence_samples or DEFAULT_SAMPLES) if options.confidence else 0,
        reference_free=reference_free,
        notes=notes,
    )


def score_corpus(
    hypotheses: Sequence[Sequence[str]],
    references: Sequence[Sequence[str]],
    options: ScoreOptions,
    sources: Sequence[str] | None = None,
    termbase: Termbase | None = None,
    names: Sequence[str] | None = None,
    executor: Executor | None = None,
) -> ScoreReport:
    """In-memory variant: ``hypotheses`` is a list of systems, ``references`` K streams of N strings.

    ``references=[]`` is reference-free scoring: term accuracy only, from ``sources``.
    """
    if not hypotheses:
        raise UsageError("no hypothesis given")
    reference_free = isinstance(references, Sequence) and not isinstance(references, str) and not references
    notes: tuple[str, ...] = ()
    if reference_free:
        if TERMS not in options.metrics:
            raise UsageError(
                "BLEU, chrF, chrF++ and TER compare with a reference, and none was given",
                hint="pass references, or score term accuracy alone (metrics=('terms',))",
            )
        options, notes = replace(options, metrics=(TERMS,)), (REFERENCE_FREE_NOTE,)
    for s, system in enumerate(hypotheses, start=1):
        if isinstance(system, str):
            raise InputError(f"system {s} is a string, not a list of segments")
        if not reference_free:
            check_reference_shape(system, references)
        elif len(system) != len(hypotheses[0]):
            raise InputError(f"system {s} has {len(system)} segments, system 1 has {len(hypotheses[0])}")
    if sources is not None and len(sources) != len(hypotheses[0]):
        raise InputError(
            f"{len(sources)} source segments for {len(hypotheses[0])} hypotheses", unit="sources"
        )
    setup: TermSetup | None = None
    if TERMS in options.metrics:
        if sources is None or termbase is None:
            raise UsageError("term accuracy needs sources and a termbase")
        setup = TermSetup(termbase, options.source_lang, options.target_lang)
    names = list(names) if names is not None else [f"system-{i + 1}" for i in range(len(hypotheses))]
    config = ShardConfig(options.metrics, options.metric_options, setup)
    shards: Sequence[ShardInput] | Any = iter_memory_shards(
        sources, references, hypotheses, options.shard_size
    )
    systems = run(shards, config, names, executor=executor, keep_segments=options.keep_segments)
    tb_hash = termbase.content_hash() if termbase is not None else "none"
    return finish(systems, _run_info(options, len(references), setup, tb_hash, reference_free, notes))
