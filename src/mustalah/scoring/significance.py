"""Paired significance tests through sacreBLEU's own :class:`PairedTest`, fed precomputed statistics.

sacreBLEU's paired bootstrap and approximate randomization work on per-segment sufficient
statistics; they only call ``metric._extract_corpus_statistics(hypotheses, references)`` to get
them.  :class:`_StatsMetric` wraps a real metric (BLEU, chrF, TER or term accuracy) and answers
that call with the statistics the sharded run already computed, so sacreBLEU's resampling code
runs unchanged (same RNG, same seed from ``SACREBLEU_SEED``, same p-value formula) without
re-reading or re-tokenizing the corpus.

One deliberate difference: a system whose statistics equal the baseline's (observed
difference exactly 0) gets p = 1.  sacreBLEU counts strictly greater differences and reports
p = 1/(n+1) for a system compared with itself, which reads as "significant".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np
from sacrebleu.metrics.base import Metric, Score, Signature
from sacrebleu.significance import PairedTest, Result

TEST_TYPES = {"bootstrap": "bs", "bs": "bs", "ar": "ar", "approximate-randomization": "ar"}


class _SystemStats(Sequence[str]):
    """Stands in for a system's hypotheses: has their length and carries their statistics."""

    def __init__(self, stats: Mapping[str, Any], n: int) -> None:
        self.stats = stats
        self._n = n

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        raise TypeError("statistics only: the hypotheses were scored in shards")

    def __iter__(self) -> Iterator[str]:
        raise TypeError("statistics only: the hypotheses were scored in shards")


class _StatsMetric(Metric):
    """A metric whose corpus statistics come precomputed with the system."""

    def __init__(self, key: str, inner: Metric, signature: Signature) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.key = key
        self.inner = inner
        self._signature = signature

    def _extract_corpus_statistics(self, hypotheses: Any, references: Any) -> Any:
        return hypotheses.stats[self.key]

    def _aggregate_and_compute(self, stats: Any) -> Score:
        score: Score = self.inner._aggregate_and_compute(stats)
        return score

    def _compute_score_from_stats(self, stats: Any) -> Score:
        score: Score = self.inner._compute_score_from_stats(stats)
        return score

    def _preprocess_segment(self, sent: str) -> str:  # pragma: no cover - never called
        return sent

    def _extract_reference_info(self, refs: Sequence[str]) -> dict[str, Any]:  # pragma: no cover
        return {}

    def _compute_segment_statistics(
        self, hypothesis: str, ref_kwargs: dict[str, Any]
    ) -> Any:  # pragma: no cover
        raise NotImplementedError

    def get_signature(self) -> Signature:
        return self._signature


@dataclass(frozen=True, slots=True)
class Comparison:
    baseline: str
    system: str
    metric: str  # metric key
    delta: float  # system − baseline
    p_value: float
    mean: float | None = None
    ci: float | None = None


@dataclass(frozen=True, slots=True)
class PairedResult:
    comparisons: tuple[Comparison, ...]
    signatures: dict[str, str]  # metric key -> signature with the test fields
    test: str  # bs | ar
    samples: int


def paired_test(
    systems: Sequence[tuple[str, Mapping[str, list[Any]]]],
    metrics: Mapping[str, tuple[Metric, Signature]],
    test: str = "bs",
    samples: int = 0,
) -> PairedResult:
    """Compare every system with the first (the baseline) on every metric.

    ``systems``: (name, metric key -> per-segment statistics); ``metrics``: metric key ->
    (a metric that can compute scores from statistics, its signature).
    """
    test_type = TEST_TYPES[test]
    n = len(next(iter(systems[0][1].values()))) if systems[0][1] else 0
    arrays = [
        (name, {k: np.asarray(v, dtype=np.float64) for k, v in stats.items()}) for name, stats in systems
    ]
    named: list[tuple[str, Sequence[str]]] = [(name, _SystemStats(stats, n)) for name, stats in arrays]
    wrapped = {key: _StatsMetric(key, metric, sig) for key, (metric, sig) in metrics.items()}
    tester = PairedTest(named, wrapped, references=None, test_type=test_type, n_samples=samples)
    sigs, results = tester()
    score_names = {
        key: _StatsMetric(key, metric, sig)._aggregate_and_compute(arrays[0][1][key]).name
        for key, (metric, sig) in metrics.items()
    }
    comparisons: list[Comparison] = []
    base_name, base_stats = arrays[0]
    for key in metrics:
        rows = [r for r in results[score_names[key]] if isinstance(r, Result)]
        base_score = float(rows[0].score)
        for i, (name, stats) in enumerate(arrays[1:], start=1):
            res = rows[i]
            delta = float(res.score) - base_score
            p = float(res.p_value) if res.p_value is not None else 1.0
            if delta == 0.0 or np.array_equal(stats[key], base_stats[key]):
                p = 1.0
            comparisons.append(
                Comparison(
                    base_name,
                    name,
                    key,
                    delta,
                    p,
                    float(res.mean) if res.mean is not None else None,
                    float(res.ci) if res.ci is not None else None,
                )
            )
    signatures = {key: sigs[score_names[key]].format() for key in metrics}
    return PairedResult(tuple(comparisons), signatures, test_type, tester.n_samples)
