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
from dataclasses import dataclass, field
from typing import IO, Any

from sacrebleu.metrics.base import Metric, Signature

from ..errors import InputError, UsageError
from ..termbase.model import Termbase
from . import wmt21
from .engine import ShardConfig, ShardResult, SystemTotals, TermSetup, run, term_index
from .inputs import (
    CorpusFiles,
    ShardInput,
    check_counts,
    check_reference_shape,
    iter_file_shards,
    iter_memory_shards,
)
from .metrics import SCORE_FIELDS, STRING_METRICS, TERMS, MetricOptions, build_metric, signature
from .significance import Comparison, paired_test
from .tally import TermTally
from .terms import TermAccuracy, TermMiss, TermSignature, term_score

DEFAULT_SHARD_SIZE = 2000


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
                            float(metric._compute_score_from_stats(stats[key][i]).score), 4
                        )
                if TERMS in stats:
                    hits, total = stats[TERMS][i]
                    row["term_hits"], row["term_total"] = int(hits), int(total)
                self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _term_signature(
    setup: TermSetup | None, compat: bool, target_lang: str, source_lang: str, termbase_hash: str
) -> Signature:
    args: dict[str, Any] = {
        "num_refs": 1,
        "termbase_hash": termbase_hash,
        "source_lang": source_lang,
        "target_lang": target_lang,
        "term_source": "wmt21-compat" if compat else (setup.term_source if setup else "termbase"),
    }
    sig = TermSignature(args)
    if compat:
        sig.update("matcher", "wmt21-official-exact")
        sig.update("hit", "any-form-token-exact")
    return sig


def _finish(
    systems: list[SystemTotals],
    options: ScoreOptions,
    num_refs: int,
    setup: TermSetup | None,
    compat_stats: list[list[list[int]]] | None = None,
    termbase_hash: str = "none",
) -> ScoreReport:
    mopts = options.metric_options
    signatures: dict[str, Signature] = {}
    score_metrics: dict[str, Metric] = {}
    for key in options.metrics:
        if key in STRING_METRICS:
            metric = build_metric(key, mopts)
            signatures[key] = signature(metric, num_refs, mopts)
            score_metrics[key] = metric
    compat = compat_stats is not None
    if TERMS in options.metrics:
        signatures[TERMS] = _term_signature(
            setup, compat, options.target_lang, options.source_lang, termbase_hash
        )
        score_metrics[TERMS] = _TermScorer()
    if compat_stats is not None:
        for system, stats in zip(systems, compat_stats, strict=True):
            system.totals[TERMS] = [sum(s[0] for s in stats), sum(s[1] for s in stats)]
            if system.segments is not None:
                system.segments[TERMS] = [list(s) for s in stats]
    reports: list[SystemReport] = []
    for system in systems:
        scores: dict[str, float | None] = {}
        verbose: dict[str, str] = {}
        hits = total = None
        for key in options.metrics:
            score = system.score(key, mopts)
            field_name = SCORE_FIELDS[key]
            scores[field_name] = float(score.score)
            verbose[field_name] = score._verbose
            if key == TERMS:
                hits, total = int(system.totals[TERMS][0]), int(system.totals[TERMS][1])
                if total == 0:
                    scores[field_name] = None
        tally = system.tally or TermTally()
        termbase = setup.termbase if setup else None
        reports.append(
            SystemReport(
                name=system.name,
                scores=scores,
                signatures={SCORE_FIELDS[k]: s.format() for k, s in signatures.items()},
                verbose=verbose,
                term_hits=hits,
                term_total=total,
                terms=tally.concept_rows(termbase, options.target_lang),
                misses=list(tally.misses),
            )
        )
    comparisons: tuple[Comparison, ...] = ()
    samples = 0
    paired: str | None = None
    if options.paired and len(systems) > 1:
        result = paired_test(
            [(s.name, s.segments or {}) for s in systems],
            {k: (score_metrics[k], signatures[k]) for k in options.metrics},
            test=options.paired,
            samples=options.paired_samples,
        )
        comparisons, samples, paired = result.comparisons, result.samples, result.test
        for rep in reports:
            rep.signatures.update({SCORE_FIELDS[k]: v for k, v in result.signatures.items()})
    source = "wmt21-compat" if compat else (setup.term_source if setup else None)
    return ScoreReport(
        options.source_lang,
        options.target_lang,
        tuple(reports),
        comparisons,
        paired,
        samples,
        source if TERMS in options.metrics else None,
        systems[0].count if systems else 0,
    )


class _TermScorer(TermAccuracy):
    """Computes term scores from statistics (for the paired test); never matches text itself."""

    def __init__(self) -> None:
        Metric.__init__(self)  # type: ignore[no-untyped-call]

    def _aggregate_and_compute(self, stats: Any) -> Any:
        return term_score(float(sum(s[0] for s in stats)), float(sum(s[1] for s in stats)))


def score_files(
    files: CorpusFiles,
    options: ScoreOptions,
    termbase: Termbase | None = None,
    executor: Executor | None = None,
    segments: IO[str] | None = None,
    names: Sequence[str] | None = None,
) -> ScoreReport:
    """Score hypothesis files against references (and terms, from ``termbase`` or WMT21 annotations)."""
    if not files.references:
        raise UsageError("no reference given", hint="pass --reference REF")
    if not files.hypotheses:
        raise UsageError("no hypothesis given", hint="pass one or more hypothesis files")
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
                hint="see the README section 'WMT21'",
            )
        compat_stats = [
            wmt21.compat_segment_stats(files.source, files.references[0], h) for h in files.hypotheses
        ]
        annotated = False
    elif annotated:
        assert files.source is not None
        ref0 = files.references[0]
        if not wmt21.is_sgml(ref0):
            raise InputError(
                "the source is WMT21 SGML but the first reference is not",
                file=str(ref0),
                hint="pass the annotated reference (…fr.sgm) as the first --reference",
            )
        src_segs = wmt21.read_segments(files.source)
        ref_segs = wmt21.read_segments(ref0)
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
        keep_segments=bool(options.paired) and len(names) > 1,
        on_shard=writer,
    )
    return _finish(systems, options, len(files.references), setup, compat_stats, tb_hash)


def score_corpus(
    hypotheses: Sequence[Sequence[str]],
    references: Sequence[Sequence[str]],
    options: ScoreOptions,
    sources: Sequence[str] | None = None,
    termbase: Termbase | None = None,
    names: Sequence[str] | None = None,
    executor: Executor | None = None,
) -> ScoreReport:
    """In-memory variant: ``hypotheses`` is a list of systems, ``references`` K streams of N strings."""
    if not hypotheses:
        raise UsageError("no hypothesis given")
    for s, system in enumerate(hypotheses, start=1):
        check_reference_shape(system, references)
        if isinstance(system, str):
            raise InputError(f"system {s} is a string, not a list of segments")
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
    systems = run(
        shards, config, names, executor=executor, keep_segments=bool(options.paired) and len(names) > 1
    )
    return _finish(
        systems,
        options,
        len(references),
        setup,
        termbase_hash=termbase.content_hash() if termbase is not None else "none",
    )
