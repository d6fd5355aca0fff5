"""Counts for ``mustalah termbase stats`` (the JSON shape is relied on by scripts)."""

from __future__ import annotations

from collections import Counter

from .model import Termbase


def termbase_stats(termbase: Termbase) -> dict[str, object]:
    """``{"concepts": N, "terms": {lang: N}, "by_domain": …, "by_status": …, "by_type": …}``."""
    terms: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    for _, term in termbase.terms():
        terms[term.lang] += 1
        by_status[term.status.value] += 1
        by_type[term.type.value] += 1
    for lang in ("en", "ar"):
        terms.setdefault(lang, 0)
    by_domain = Counter(c.domain for c in termbase.concepts)
    return {
        "concepts": len(termbase),
        "terms": dict(sorted(terms.items())),
        "by_domain": dict(sorted(by_domain.items())),
        "by_status": dict(sorted(by_status.items())),
        "by_type": dict(sorted(by_type.items())),
    }
