"""The parts of sacreBLEU's metric API that mustalah drives from outside a metric, in one place.

sacreBLEU (``>=2.4,<3``, pinned in ``pyproject.toml``) scores a corpus from sufficient
statistics summed over its segments.  The entry points for that carry a leading underscore in
its code, but they are how sacreBLEU's own paired tests and ``--confidence`` work
(``sacrebleu/significance.py``), and sharded scoring needs exactly them: statistics per shard,
summed, scored once.  Every use outside a ``Metric`` subclass goes through this module, so a
sacreBLEU release that renames one breaks here, and ``tests/scoring`` (our scores equal
sacreBLEU's ``corpus_score`` on the same text) says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sacrebleu.metrics.base import Metric, Score, Signature
from sacrebleu.significance import _bootstrap_resample

#: ``(per-segment statistics, metric, n) -> (seed, n resampled corpus scores)``
bootstrap_resample: Callable[[list[list[Any]], Metric, int], tuple[str, list[Score]]] = _bootstrap_resample


def cache_references(metric: Metric, references: Sequence[Sequence[str]]) -> None:
    """Tokenize the references once for the segments ``corpus_statistics`` is given next."""
    metric._ref_cache = metric._cache_references(references)


def corpus_statistics(metric: Metric, hypotheses: Sequence[str]) -> list[Any]:
    """Per-segment sufficient statistics against the cached references."""
    stats: list[Any] = metric._extract_corpus_statistics(hypotheses, None)
    return stats


def score_from_statistics(metric: Metric, statistics: list[Any]) -> Score:
    """The score of (summed, or one segment's) statistics."""
    score: Score = metric._compute_score_from_stats(statistics)
    return score


def verbose(score: Score) -> str:
    """The detail sacreBLEU prints after a score (BLEU's n-gram precisions, TermAcc's counts)."""
    return str(score._verbose)


def set_verbose(score: Score, text: str) -> None:
    score._verbose = text


def mean_and_half_width(score: Score) -> tuple[float, float]:
    """What ``Score.estimate_ci`` stored: the resampled mean and half the 95 % interval."""
    return float(score._mean), float(score._ci)


def add_abbreviation(signature: Signature, key: str, abbreviation: str) -> None:
    """Give a signature field its short name (as sacreBLEU's own fields have)."""
    signature._abbr[key] = abbreviation
