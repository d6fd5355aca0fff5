"""One metric table: the keys, command-line names, JSON fields and sacreBLEU classes agree."""

from __future__ import annotations

import pytest
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from mustalah.errors import UsageError
from mustalah.scoring.metrics import (
    ALIASES,
    ALL_METRICS,
    METRICS,
    SCORE_FIELDS,
    STRING_METRICS,
    TERMS,
    MetricOptions,
    build_metric,
    parse_metric_list,
)


def test_the_views_come_from_the_table() -> None:
    assert ALL_METRICS == ("bleu", "chrf", "chrfpp", "ter", TERMS) == tuple(METRICS)
    assert STRING_METRICS == ("bleu", "chrf", "chrfpp", "ter")
    assert SCORE_FIELDS == {
        "bleu": "bleu",
        "chrf": "chrf",
        "chrfpp": "chrfpp",
        "ter": "ter",
        TERMS: "term_accuracy",
    }
    for key, spec in METRICS.items():
        assert spec.key == key and ALIASES[spec.name] == key
        assert parse_metric_list(",".join((spec.name, *spec.spellings))) == (key,)


@pytest.mark.parametrize(
    ("key", "cls", "word_order"),
    [("bleu", BLEU, None), ("chrf", CHRF, 0), ("chrfpp", CHRF, 2), ("ter", TER, None)],
)
def test_each_string_metric_is_sacrebleus(key: str, cls: type, word_order: int | None) -> None:
    metric = build_metric(key, MetricOptions())
    assert type(metric) is cls
    if word_order is not None:
        assert metric.word_order == word_order  # type: ignore[attr-defined]
    if key == "bleu":  # Arabic targets: intl tokenization; sentence level: effective order
        assert metric.tokenizer.signature() == "intl"  # type: ignore[attr-defined]
        assert build_metric(key, MetricOptions(), sentence_level=True).effective_order  # type: ignore[attr-defined]


def test_term_accuracy_is_not_a_string_metric_and_unknown_names_list_the_table() -> None:
    with pytest.raises(ValueError, match="not a string metric"):
        build_metric(TERMS, MetricOptions())
    with pytest.raises(UsageError) as info:
        parse_metric_list("bleu,meteor")
    assert "meteor" in str(info.value)
    assert "bleu, chrf, chrf++, ter, terms" in (info.value.hint or "")
