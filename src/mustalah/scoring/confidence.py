"""95 % confidence intervals by bootstrap resampling, exactly as ``sacrebleu --confidence``.

sacreBLEU's ``_bootstrap_resample`` (``sacrebleu_stats.bootstrap_resample``) draws ``n`` resamples
of the segment indexes at once (``numpy.random.default_rng(SACREBLEU_SEED)``, default seed 12345;
``SACREBLEU_SEED=None`` pulls entropy from the OS), recomputes the corpus score of each resample
from the summed per-segment statistics, and ``Score.estimate_ci`` reports the mean of the resampled
scores and half the width of the 2.5–97.5 percentile range (index ``n // 40`` from each end). Here
the same two functions run on the statistics the sharded run already has, for every metric, term
accuracy included; ``low`` and ``high`` are those two percentile bounds. Same seed, same numbers.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sacrebleu.metrics.base import Metric, Score

from .sacrebleu_stats import bootstrap_resample, mean_and_half_width

DEFAULT_SAMPLES = 1000


@dataclass(frozen=True, slots=True)
class Interval:
    mean: float
    ci: float  # half-width: the interval is mean ± ci
    low: float
    high: float

    def to_json(self) -> dict[str, float]:
        return {"mean": self.mean, "ci": self.ci, "low": self.low, "high": self.high}


class MeanMetric(Metric):
    """A macro average as a sacreBLEU metric: per-segment statistics ``[value, 1]``."""

    def __init__(self, name: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.name = name

    def _compute_score_from_stats(self, stats: Sequence[Any]) -> Score:
        return Score(self.name, float(stats[0]) / float(stats[1]) if stats[1] else 0.0)

    def _aggregate_and_compute(self, stats: Sequence[Sequence[Any]]) -> Score:
        return self._compute_score_from_stats([sum(s[0] for s in stats), sum(s[1] for s in stats)])

    def _preprocess_segment(self, sent: str) -> str:  # pragma: no cover - statistics only
        return sent

    def _extract_reference_info(self, refs: Sequence[str]) -> dict[str, Any]:  # pragma: no cover
        return {}

    def _compute_segment_statistics(
        self, hypothesis: str, ref_kwargs: dict[str, Any]
    ) -> Any:  # pragma: no cover
        raise NotImplementedError


def seed_label() -> str:
    """The seed as sacreBLEU prints it in signatures (``12345``, or ``none``)."""
    return os.environ.get("SACREBLEU_SEED", "12345").lower()


def interval(stats: Sequence[Sequence[Any]], metric: Metric, samples: int = DEFAULT_SAMPLES) -> Interval:
    """Bootstrap 95 % interval of ``metric`` over per-segment ``stats`` (sacreBLEU's own code)."""
    _seed, scores = bootstrap_resample([list(row) for row in stats], metric, samples)
    holder = Score("ci", 0.0)
    holder.estimate_ci(scores)
    raw = sorted(float(s.score) for s in scores)
    lower = len(raw) // 40
    mean, half = mean_and_half_width(holder)
    return Interval(mean, half, raw[lower], raw[len(raw) - lower - 1])


def intervals(
    segments: Mapping[str, Sequence[Sequence[Any]]],
    metrics: Mapping[str, Metric],
    samples: int = DEFAULT_SAMPLES,
) -> dict[str, Interval]:
    """Metric key -> interval, for every metric whose per-segment statistics are present."""
    out: dict[str, Interval] = {}
    for key, metric in metrics.items():
        stats = segments.get(key)
        if stats:
            out[key] = interval(stats, metric, samples)
    return out
