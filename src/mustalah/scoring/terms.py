"""Term accuracy: how many source term occurrences the hypothesis renders with an approved form.

Definition (documented in docs/scoring.md, "Term accuracy"):

* **Source occurrences** are the leftmost-longest, non-overlapping matches of the termbase's
  source-language terms in the source segment (:meth:`TermIndex.match`), any status.  In WMT21
  mode the ``<term>`` annotations of the source are the occurrences instead.
* For each segment and concept, **hits = min(source count, hypothesis count)**, where the
  hypothesis count is the number of matches of that concept's *approved* (preferred or admitted)
  target-language terms that the matcher calls ``tolerated``: proclitics, the article,
  diacritics, tatweel, case and invisible characters are fine; orthographic variants (hamza
  seat, ى for ي, ه for ة, …), construct-state errors and deprecated forms are not hits.
* **Accuracy = Σ hits / Σ source occurrences** (×100, like every sacreBLEU score).

A miss is explained by what the hypothesis has instead: the same concept in a ``deprecated``
form, a ``variant`` of an approved form, a ``wrong-entity`` (another concept's target form that
the source does not mention), or nothing at all (``absent``).

The per-segment sufficient statistics are ``[hits, total]``, so the metric is shaped like a
sacreBLEU metric: corpus scores sum statistics, shards add up, and sacreBLEU's own paired
bootstrap / approximate randomization code runs it (:class:`TermAccuracy`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sacrebleu.metrics.base import Metric, Score, Signature

from .. import __version__
from ..matching import MATCHER_VERSION, TermIndex, TermMatch
from ..termbase.model import Termbase
from .sacrebleu_stats import set_verbose

#: One source occurrence: (concept id, the source term's text).
SourceOccurrence = tuple[str, str]

MISS_KINDS = ("deprecated", "variant", "wrong-entity", "absent")


@dataclass(frozen=True, slots=True)
class TermMiss:
    """One source occurrence the hypothesis did not render with an approved form."""

    segment: int  # 1-based
    concept_id: str
    source_term: str
    expected: str
    found: str  # one of MISS_KINDS
    found_text: str | None = None
    found_concept: str | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class SegmentTerms:
    """Term statistics of one hypothesis segment."""

    hits: int
    total: int
    #: (concept id, source term, occurrences, hits), in source order.
    rows: tuple[tuple[str, str, int, int], ...]
    misses: tuple[TermMiss, ...]

    @property
    def stats(self) -> list[int]:
        return [self.hits, self.total]


def source_occurrences(matches: Sequence[TermMatch]) -> tuple[SourceOccurrence, ...]:
    return tuple((m.concept_id, m.term.text) for m in matches)


def is_hit(match: TermMatch, target_lang: str) -> bool:
    """An approved target-language form of the concept, matched with tolerated differences only."""
    return match.term.lang == target_lang and match.term.approved and match.tolerated


def shared_forms(termbase: Termbase, target_lang: str) -> dict[str, frozenset[str]]:
    """Approved target texts that belong to more than one concept -> those concepts.

    The matcher reports one concept per span; when two concepts share a target form
    (``symptômes`` for "symptom" and "symptoms"), a match of that form counts for either.
    """
    owners: dict[str, set[str]] = {}
    for concept, term in termbase.terms(target_lang):
        if term.approved:
            for text in (term.text, *term.forms):
                owners.setdefault(text, set()).add(concept.id)
    return {text: frozenset(ids) for text, ids in owners.items() if len(ids) > 1}


def analyse_segment(
    segment: int,
    occurrences: Sequence[SourceOccurrence],
    hypothesis: Sequence[TermMatch],
    termbase: Termbase,
    target_lang: str,
    shared: Mapping[str, frozenset[str]] | None = None,
) -> SegmentTerms:
    """Count hits per concept and explain every miss (see the module docstring)."""
    shared = shared or {}
    order: list[str] = []
    by_concept: dict[str, list[str]] = {}
    for concept_id, term_text in occurrences:
        if concept_id not in by_concept:
            order.append(concept_id)
            by_concept[concept_id] = []
        by_concept[concept_id].append(term_text)
    mentioned = set(by_concept)
    owners = [_owners(m, shared) for m in hypothesis]
    used: set[int] = set()
    hits_total = 0
    rows: list[tuple[str, str, int, int]] = []
    misses: list[TermMiss] = []
    pending: list[tuple[str, str, int]] = []  # (concept, source term, missing count)
    for concept_id in order:
        terms = by_concept[concept_id]
        own = [
            i
            for i, m in enumerate(hypothesis)
            if i not in used and m.concept_id == concept_id and is_hit(m, target_lang)
        ]
        other = [
            i
            for i, m in enumerate(hypothesis)
            if i not in used
            and m.concept_id != concept_id
            and concept_id in owners[i]
            and is_hit(m, target_lang)
        ]
        good = own + other
        hits = min(len(terms), len(good))
        used.update(good[:hits])
        hits_total += hits
        per_term: dict[str, list[int]] = {}
        for k, text in enumerate(terms):
            cell = per_term.setdefault(text, [0, 0])
            cell[0] += 1
            cell[1] += 1 if k < hits else 0
        for text, (occ, hit) in per_term.items():
            rows.append((concept_id, text, occ, hit))
            if occ > hit:
                pending.append((concept_id, text, occ - hit))
    # Explain misses: same-concept deprecated forms and variants first, then wrong entities.
    for concept_id, text, missing in pending:
        concept = termbase.get(concept_id)
        preferred = concept.preferred(target_lang) if concept is not None else None
        expected = preferred.text if preferred is not None else ""
        related = set(concept.confusable) | set(concept.related) if concept is not None else set()
        domain = concept.domain if concept is not None else None
        comparable = related | {
            cid
            for cids in owners
            for cid in cids
            if (candidate := termbase.get(cid)) is not None and candidate.domain == domain
        }
        for _ in range(missing):
            found = _explain(
                hypothesis, owners, used, concept_id, mentioned, comparable, related, target_lang
            )
            if found is None:
                misses.append(TermMiss(segment, concept_id, text, expected, "absent"))
                continue
            index, kind, detail = found
            used.add(index)
            m = hypothesis[index]
            misses.append(
                TermMiss(
                    segment,
                    concept_id,
                    text,
                    expected,
                    kind,
                    m.surface,
                    m.concept_id if kind == "wrong-entity" else None,
                    detail,
                )
            )
    total = sum(len(v) for v in by_concept.values())
    return SegmentTerms(hits_total, total, tuple(rows), tuple(misses))


def _owners(match: TermMatch, shared: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """Every concept a hypothesis match can stand for."""
    return shared.get(match.term.text, frozenset()) | {match.concept_id}


def _explain(
    hypothesis: Sequence[TermMatch],
    owners: Sequence[frozenset[str]],
    used: set[int],
    concept_id: str,
    mentioned: set[str],
    comparable: set[str],
    related: set[str],
    target_lang: str,
) -> tuple[int, str, str | None] | None:
    """What the hypothesis has instead of a missed concept, or None (absent).

    A wrong entity must be comparable: a concept of the same domain (an entity for an
    entity, a post for a post) or one listed as related/confusable, which is preferred.
    """
    for i, m in enumerate(hypothesis):
        if i in used or concept_id not in owners[i]:
            continue
        if not m.term.approved:
            return i, "deprecated", m.term.status.value
        if not is_hit(m, target_lang):
            return i, "variant", _variant_detail(m)
    wrong = [
        i
        for i, m in enumerate(hypothesis)
        if i not in used
        and not (owners[i] & mentioned)
        and m.term.lang == target_lang
        and owners[i] & comparable
    ]
    if wrong:
        preferred = [i for i in wrong if owners[i] & related]
        i = (preferred or wrong)[0]
        return i, "wrong-entity", None
    return None


def _variant_detail(m: TermMatch) -> str:
    kinds = [d.kind for d in m.differences if d.kind not in _TOLERATED_NAMES]
    parts = ([m.error_form] if m.error_form else []) + sorted(set(kinds))
    if m.term.lang != m.lang:
        parts.append(m.form)
    return "+".join(parts) if parts else m.form


_TOLERATED_NAMES = frozenset({"diacritics", "tatweel", "invisible", "space", "case", "punctuation"})


# --- a sacreBLEU metric -----------------------------------------------------------------


class TermSignature(Signature):
    """``tb:<hash>|matcher:<v>|src:en|tgt:ar|hit:approved+tolerated|version:mustalah-<v>``."""

    def __init__(self, args: dict[str, Any]) -> None:
        super().__init__(args)
        self._abbr.update({"tb": "tb", "matcher": "m", "src": "s", "tgt": "t", "hit": "h", "terms": "tm"})
        self.info.pop("nrefs", None)
        self.info.update(
            {
                "terms": args.get("term_source", "termbase"),
                "tb": args["termbase_hash"],
                "matcher": MATCHER_VERSION,
                "src": args["source_lang"],
                "tgt": args["target_lang"],
                "hit": "approved+tolerated",
                "version": f"mustalah-{__version__}",
            }
        )


def term_score(hits: float, total: float) -> Score:
    """Accuracy ×100; 0.0 when the source has no term (there is nothing to get right)."""
    value = 100.0 * float(hits) / float(total) if total else 0.0
    score = Score("TermAcc", value)
    set_verbose(score, f"({int(hits)}/{int(total)})")
    return score


class TermAccuracy(Metric):
    """Term accuracy as a sacreBLEU :class:`Metric`.

    The "reference" stream is the *source* text: its term occurrences are what the
    hypothesis is checked against.  ``TermAccuracy(...).corpus_score(hyps, [sources])``
    works, and so does ``sacrebleu.significance.PairedTest``.
    """

    _SIGNATURE_TYPE = TermSignature

    def __init__(
        self,
        index: TermIndex,
        termbase: Termbase,
        source_lang: str,
        target_lang: str,
        sources: Sequence[str] | None = None,
        term_source: str = "termbase",
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.index = index
        self.termbase = termbase
        self.termbase_hash = termbase.content_hash()
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.term_source = term_source
        self.num_refs = 1
        self.shared = shared_forms(termbase, target_lang)
        if sources is not None:
            self._ref_cache = self._cache_references([sources])

    def _preprocess_segment(self, sent: str) -> str:
        return sent

    def _extract_reference_info(self, refs: Sequence[str]) -> dict[str, Any]:
        source = refs[0] if refs else ""
        return {"occurrences": source_occurrences(self.index.match(source, self.source_lang))}

    def _compute_segment_statistics(self, hypothesis: str, ref_kwargs: dict[str, Any]) -> list[int]:
        found = self.index.match(hypothesis, self.target_lang)
        return analyse_segment(
            0, ref_kwargs["occurrences"], found, self.termbase, self.target_lang, self.shared
        ).stats

    def _compute_score_from_stats(self, stats: Sequence[Any]) -> Score:
        return term_score(stats[0], stats[1])

    def _aggregate_and_compute(self, stats: Sequence[Sequence[Any]]) -> Score:
        hits = sum(float(s[0]) for s in stats)
        total = sum(float(s[1]) for s in stats)
        return term_score(hits, total)
