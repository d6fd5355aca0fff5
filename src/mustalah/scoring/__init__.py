"""MT scoring: sacreBLEU's BLEU / chrF / chrF++ / TER and term accuracy, sharded, with paired tests.

>>> from mustalah.scoring import ScoreOptions, score_corpus
>>> report = score_corpus([["a b c d"]], [["a b c d"]], ScoreOptions(metrics=("bleu",)))
>>> report.systems[0].scores["bleu"]
100.0

See docs/scoring.md for the definitions, the signatures and the JSON contract.
"""

from __future__ import annotations

from .api import ScoreOptions, ScoreReport, SystemReport, score_corpus, score_files
from .arnorm import ARNORM_TAG, normalize_arabic
from .challenge import ChallengeItem, generate
from .confidence import Interval
from .contexts import CONTEXTS
from .engine import ShardConfig, ShardTask, TermSetup, run, run_shard
from .gate import GateResult, Regression, load_baseline, run_gate
from .inputs import CorpusFiles, check_reference_shape
from .metrics import ALL_METRICS, STRING_METRICS, MetricOptions, build_metric, parse_metric_list
from .report import JSON_VERSION, to_json, to_json_data, to_text
from .significance import Comparison, paired_test
from .terms import SegmentTerms, TermAccuracy, TermMiss, analyse_segment
from .wmt21 import Wmt21ExactMatch, compat_exact_match
from .wmt21_official import official_stats

__all__ = [
    "ALL_METRICS",
    "ARNORM_TAG",
    "CONTEXTS",
    "JSON_VERSION",
    "STRING_METRICS",
    "ChallengeItem",
    "Comparison",
    "CorpusFiles",
    "GateResult",
    "Interval",
    "MetricOptions",
    "Regression",
    "ScoreOptions",
    "ScoreReport",
    "SegmentTerms",
    "ShardConfig",
    "ShardTask",
    "SystemReport",
    "TermAccuracy",
    "TermMiss",
    "TermSetup",
    "Wmt21ExactMatch",
    "analyse_segment",
    "build_metric",
    "check_reference_shape",
    "compat_exact_match",
    "generate",
    "load_baseline",
    "normalize_arabic",
    "official_stats",
    "paired_test",
    "parse_metric_list",
    "run",
    "run_gate",
    "run_shard",
    "score_corpus",
    "score_files",
    "to_json",
    "to_json_data",
    "to_text",
]
