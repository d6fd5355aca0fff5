"""The string metrics: sacreBLEU's own classes, configured for the target language.

Nothing is re-implemented here.  Arabic targets get ``tokenize="intl"`` for BLEU (13a
leaves ، ؛ ؟ « » glued to words); chrF++ is the main string metric.  A metric is named
by a short key (``bleu``, ``chrf``, ``chrfpp``, ``ter``) that is also its JSON field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sacrebleu.metrics.base import Metric, Signature
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from ..errors import UsageError
from .arnorm import ARNORM_TAG
from .sacrebleu_stats import add_abbreviation

TERMS = "terms"


@dataclass(frozen=True, slots=True)
class MetricSpec:
    """One metric: its key, its command-line name (and other accepted spellings), the JSON
    field of its score, and how to build its sacreBLEU object (``None`` for term accuracy,
    which is ours)."""

    key: str
    name: str
    field: str
    spellings: tuple[str, ...]
    build: Callable[[MetricOptions, bool], Metric] | None


def _bleu(options: MetricOptions, sentence_level: bool) -> Metric:
    # sentence level turns on BLEU's effective order
    return BLEU(
        tokenize=options.bleu_tokenizer,
        trg_lang=options.target_lang.split("-")[0],
        effective_order=sentence_level,
    )


#: The one metric table (as sacreBLEU's ``METRICS``), in canonical order.
METRICS: dict[str, MetricSpec] = {
    m.key: m
    for m in (
        MetricSpec("bleu", "bleu", "bleu", (), _bleu),
        MetricSpec("chrf", "chrf", "chrf", (), lambda _options, _sentence: CHRF()),
        MetricSpec("chrfpp", "chrf++", "chrfpp", (), lambda _options, _sentence: CHRF(word_order=2)),
        MetricSpec("ter", "ter", "ter", (), lambda _options, _sentence: TER()),
        MetricSpec(TERMS, "terms", "term_accuracy", ("term", "term_accuracy"), None),
    )
}

#: Views of :data:`METRICS`.
STRING_METRICS = tuple(key for key, m in METRICS.items() if m.build is not None)
ALL_METRICS = tuple(METRICS)
#: Command-line spellings -> metric keys.
ALIASES = {spelling: m.key for m in METRICS.values() for spelling in (m.key, m.name, *m.spellings)}
#: Metric key -> the JSON field of its score.
SCORE_FIELDS = {key: m.field for key, m in METRICS.items()}


@dataclass(frozen=True, slots=True)
class MetricOptions:
    """Everything that configures the string metrics; picklable, so shards can rebuild them."""

    target_lang: str = "ar"
    tokenize: str | None = None  # BLEU tokenizer override
    normalize_ar: bool = False

    @property
    def bleu_tokenizer(self) -> str | None:
        if self.tokenize:
            return self.tokenize
        return "intl" if self.target_lang.split("-")[0] == "ar" else None


def parse_metric_list(text: str) -> tuple[str, ...]:
    """``bleu,chrf++,terms`` -> ``("bleu", "chrfpp", "terms")`` in canonical order."""
    wanted: set[str] = set()
    for item in (part.strip().lower() for part in text.split(",")):
        if not item:
            continue
        if item not in ALIASES:
            names = ", ".join(m.name for m in METRICS.values())
            raise UsageError(f"unknown metric {item!r}", hint=f"choose from {names} (comma-separated)")
        wanted.add(ALIASES[item])
    if not wanted:
        raise UsageError("no metric given", hint="e.g. --metrics bleu,chrf++,terms")
    return tuple(m for m in ALL_METRICS if m in wanted)


def build_metric(key: str, options: MetricOptions, sentence_level: bool = False) -> Metric:
    """A fresh sacreBLEU metric for ``key``.  ``sentence_level`` turns on BLEU's effective order."""
    spec = METRICS.get(key)
    if spec is None or spec.build is None:
        raise ValueError(f"not a string metric: {key}")
    return spec.build(options, sentence_level)


def signature(metric: Metric, num_refs: int, options: MetricOptions) -> Signature:
    """sacreBLEU's signature, plus ``arnorm:…`` when Arabic normalization was applied."""
    metric.num_refs = num_refs
    sig: Signature = metric.get_signature()
    if options.normalize_ar:
        add_arnorm(sig)
    return sig


def add_arnorm(sig: Signature) -> None:
    add_abbreviation(sig, "arnorm", "an")
    sig.update("arnorm", ARNORM_TAG)
