"""The string metrics: sacreBLEU's own classes, configured for the target language.

Nothing is re-implemented here.  Arabic targets get ``tokenize="intl"`` for BLEU (13a
leaves ، ؛ ؟ « » glued to words); chrF++ is the main string metric.  A metric is named
by a short key (``bleu``, ``chrf``, ``chrfpp``, ``ter``) that is also its JSON field.
"""

from __future__ import annotations

from dataclasses import dataclass

from sacrebleu.metrics.base import Metric, Signature
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from ..errors import UsageError
from .arnorm import ARNORM_TAG

STRING_METRICS = ("bleu", "chrf", "chrfpp", "ter")
TERMS = "terms"
ALL_METRICS = (*STRING_METRICS, TERMS)

#: Command-line spellings -> metric keys.
ALIASES = {
    "bleu": "bleu",
    "chrf": "chrf",
    "chrf++": "chrfpp",
    "chrfpp": "chrfpp",
    "ter": "ter",
    "terms": TERMS,
    "term": TERMS,
    "term_accuracy": TERMS,
}

#: Metric key -> the JSON field of its score.
SCORE_FIELDS = {"bleu": "bleu", "chrf": "chrf", "chrfpp": "chrfpp", "ter": "ter", TERMS: "term_accuracy"}


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
            raise UsageError(
                f"unknown metric {item!r}",
                hint="choose from bleu, chrf, chrf++, ter, terms (comma-separated)",
            )
        wanted.add(ALIASES[item])
    if not wanted:
        raise UsageError("no metric given", hint="e.g. --metrics bleu,chrf++,terms")
    return tuple(m for m in ALL_METRICS if m in wanted)


def build_metric(key: str, options: MetricOptions, sentence_level: bool = False) -> Metric:
    """A fresh sacreBLEU metric for ``key``.  ``sentence_level`` turns on BLEU's effective order."""
    if key == "bleu":
        return BLEU(
            tokenize=options.bleu_tokenizer,
            trg_lang=options.target_lang.split("-")[0],
            effective_order=sentence_level,
        )
    if key == "chrf":
        return CHRF()
    if key == "chrfpp":
        return CHRF(word_order=2)
    if key == "ter":
        return TER()
    raise ValueError(f"not a string metric: {key}")


def signature(metric: Metric, num_refs: int, options: MetricOptions) -> Signature:
    """sacreBLEU's signature, plus ``arnorm:…`` when Arabic normalization was applied."""
    metric.num_refs = num_refs
    sig: Signature = metric.get_signature()
    if options.normalize_ar:
        add_arnorm(sig)
    return sig


def add_arnorm(sig: Signature) -> None:
    sig._abbr["arnorm"] = "an"
    sig.update("arnorm", ARNORM_TAG)
