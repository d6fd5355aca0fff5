"""From summed statistics to a :class:`ScoreReport`: scores, signatures, intervals, paired tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sacrebleu.metrics.base import Metric, Signature

from .confidence import DEFAULT_SAMPLES, MeanMetric, intervals, seed_label
from .contexts import context_rows
from .engine import SystemTotals, TermSetup
from .metrics import SCORE_FIELDS, STRING_METRICS, TERMS, MetricOptions, build_metric, signature
from .results import ScoreReport, SystemReport
from .sacrebleu_stats import verbose as verbose_of
from .significance import Comparison, paired_test
from .tally import TermTally
from .terms import TermAccuracy, TermSignature, term_score

#: The WMT21 official figures (``--compat wmt21``): JSON field names, in order.
OFFICIAL_FIELDS = ("window_overlap_2", "window_overlap_3", "one_minus_term")


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What :func:`finish` needs besides the totals."""

    metrics: tuple[str, ...]
    source_lang: str
    target_lang: str
    metric_options: MetricOptions
    num_refs: int
    setup: TermSetup | None = None
    compat_stats: list[list[list[int]]] | None = None
    termbase_hash: str = "none"
    paired: str | None = None
    paired_samples: int = 0
    confidence_samples: int = 0  # 0: no intervals
    #: per system: official field -> per-segment values (their corpus figure is in ``official``)
    official_segments: list[dict[str, list[float]]] = field(default_factory=list)
    official: list[dict[str, float | None]] = field(default_factory=list)
    reference_free: bool = False
    notes: tuple[str, ...] = ()


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


class TermScorer(TermAccuracy):
    """Computes term scores from statistics (for the paired test); never matches text itself."""

    def __init__(self) -> None:
        Metric.__init__(self)  # type: ignore[no-untyped-call]

    def _aggregate_and_compute(self, stats: Any) -> Any:
        return term_score(float(sum(s[0] for s in stats)), float(sum(s[1] for s in stats)))


def finish(systems: list[SystemTotals], info: RunInfo) -> ScoreReport:
    mopts = info.metric_options
    signatures: dict[str, Signature] = {}
    score_metrics: dict[str, Metric] = {}
    for key in info.metrics:
        if key in STRING_METRICS:
            metric = build_metric(key, mopts)
            signatures[key] = signature(metric, info.num_refs, mopts)
            score_metrics[key] = metric
    compat = info.compat_stats is not None
    if TERMS in info.metrics:
        signatures[TERMS] = _term_signature(
            info.setup, compat, info.target_lang, info.source_lang, info.termbase_hash
        )
        score_metrics[TERMS] = TermScorer()
    if info.compat_stats is not None:
        for system, stats in zip(systems, info.compat_stats, strict=True):
            system.totals[TERMS] = [sum(s[0] for s in stats), sum(s[1] for s in stats)]
            if system.segments is not None:
                system.segments[TERMS] = [list(s) for s in stats]
    reports: list[SystemReport] = []
    for k, system in enumerate(systems):
        reports.append(_system_report(system, k, info, signatures, score_metrics))
    comparisons: tuple[Comparison, ...] = ()
    samples = 0
    paired: str | None = None
    if info.paired and len(systems) > 1:
        result = paired_test(
            [(s.name, {m: v for m, v in (s.segments or {}).items() if m in info.metrics}) for s in systems],
            {k: (score_metrics[k], signatures[k]) for k in info.metrics},
            test=info.paired,
            samples=info.paired_samples,
        )
        comparisons, samples, paired = result.comparisons, result.samples, result.test
        for rep in reports:
            rep.signatures.update({SCORE_FIELDS[k]: v for k, v in result.signatures.items()})
    source = "wmt21-compat" if compat else (info.setup.term_source if info.setup else None)
    return ScoreReport(
        info.source_lang,
        info.target_lang,
        tuple(reports),
        comparisons,
        paired,
        samples,
        source if TERMS in info.metrics else None,
        systems[0].count if systems else 0,
        reference_free=info.reference_free,
        notes=info.notes,
        confidence_samples=info.confidence_samples,
        confidence_seed=seed_label() if info.confidence_samples else None,
    )


def _system_report(
    system: SystemTotals,
    k: int,
    info: RunInfo,
    signatures: dict[str, Signature],
    score_metrics: dict[str, Metric],
) -> SystemReport:
    scores: dict[str, float | None] = {}
    verbose: dict[str, str] = {}
    hits = total = None
    for key in info.metrics:
        score = system.score(key, info.metric_options)
        field_name = SCORE_FIELDS[key]
        scores[field_name] = float(score.score)
        verbose[field_name] = verbose_of(score)
        if key == TERMS:
            hits, total = int(system.totals[TERMS][0]), int(system.totals[TERMS][1])
            if total == 0:
                scores[field_name] = None
    tally = system.tally or TermTally()
    termbase = info.setup.termbase if info.setup else None
    term_segments: list[list[int]] | None = None
    if TERMS in info.metrics:
        if info.compat_stats is not None:
            term_segments = [list(s) for s in info.compat_stats[k]]
        else:
            term_segments = [list(s) for s in tally.segments]
    official = dict(info.official[k]) if info.official else {}
    confidence = {}
    if info.confidence_samples:
        segs = {m: v for m, v in (system.segments or {}).items() if m in info.metrics}
        metrics = dict(score_metrics)
        for name, values in (info.official_segments[k] if info.official_segments else {}).items():
            segs[name] = [[v, 1.0] for v in values]
            metrics[name] = MeanMetric(name)
        confidence = {
            SCORE_FIELDS.get(m, m): iv
            for m, iv in intervals(segs, metrics, info.confidence_samples or DEFAULT_SAMPLES).items()
        }
    sigs = {SCORE_FIELDS[m]: s for m, s in signatures.items()}
    if info.confidence_samples:
        for m, s in signatures.items():
            if SCORE_FIELDS[m] in confidence:
                s.update("bs", str(info.confidence_samples))
                s.update("seed", seed_label())
                sigs[SCORE_FIELDS[m]] = s
    return SystemReport(
        name=system.name,
        scores=scores,
        signatures={f: s.format() for f, s in sigs.items()},
        verbose=verbose,
        term_hits=hits,
        term_total=total,
        terms=tally.concept_rows(termbase, info.target_lang),
        misses=list(tally.misses),
        confidence=confidence,
        official=official,
        term_segments=term_segments,
        concept_segments=list(tally.concept_segments),
        contexts=context_rows(tally.contexts) if tally.contexts is not None else None,
    )
