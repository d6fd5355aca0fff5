"""The curated confusion list (``data/confusions.yaml``), matched like terms.

Each entry becomes a pseudo-concept whose only term is the wrong form, marked
exact-spelling, so the same clitic-aware matcher finds ``وحفلة النقاش`` and never
takes ``آمل أن`` for ``أمل أن``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from ..termbase.model import Concept, Term, Termbase
from ..text.normalize import Folded
from .index import TermIndex
from .types import NearMiss, TermMatch

_SENTENCE_START = re.compile(r"(?:^|[.!?؟:\"”“«»\n]\s*)$")


@dataclass(frozen=True, slots=True)
class Confusion:
    id: str
    wrong: str
    right: str
    lang: str
    note: str | None = None
    concept: str | None = None
    context: str | None = None


@functools.lru_cache(maxsize=1)
def load_confusions() -> tuple[Confusion, ...]:
    raw = resources.files("mustalah.data").joinpath("confusions.yaml").read_text(encoding="utf-8")
    items = yaml.safe_load(raw) or []
    return tuple(
        Confusion(
            id=f"confusion-{i}",
            wrong=str(item["wrong"]),
            right=str(item["right"]),
            lang=str(item["lang"]),
            note=item.get("note"),
            concept=item.get("concept"),
            context=item.get("context"),
        )
        for i, item in enumerate(items, 1)
    )


class ConfusionMatcher:
    def __init__(self, confusions: tuple[Confusion, ...]) -> None:
        self._by_id = {c.id: c for c in confusions}
        concepts = tuple(
            Concept(c.id, "confusions", (Term(text=c.wrong, lang=c.lang, exact=True),)) for c in confusions
        )
        self._index = TermIndex.build(Termbase(concepts, name="confusions"))

    def find(self, text: str, lang: str, folded: Folded | None = None) -> list[NearMiss]:
        """The confusions in ``text``; ``folded`` is its :func:`fold` when the caller has it."""
        out: list[NearMiss] = []
        for m in self._index.match(text, lang, folded):
            c = self._by_id[m.concept_id]
            if c.context == "sentence-start" and not _SENTENCE_START.search(text[: m.start]):
                continue
            expected = m.clitics + c.right
            out.append(
                NearMiss(
                    "confusion",
                    lang,
                    m.start,
                    m.end,
                    m.surface,
                    expected,
                    (c.concept,) if c.concept else (),
                    ((m.surface, expected),),
                    c.note,
                )
            )
        return out


@functools.lru_cache(maxsize=1)
def default_confusions() -> ConfusionMatcher:
    return ConfusionMatcher(load_confusions())


def near_misses(
    index: TermIndex,
    text: str,
    lang: str,
    matches: tuple[TermMatch, ...] | None = None,
    folded: Folded | None = None,
) -> tuple[NearMiss, ...]:
    """Every near miss in ``text``: the curated confusions, then the index's name frames and
    one-edit variants that no confusion covers (a curated confusion is more specific than a
    generic near miss over the same words), in text order."""
    out = default_confusions().find(text, lang, folded)
    taken = [(m.start, m.end) for m in out]
    out.extend(
        n
        for n in index.near_misses(text, lang, matches, folded)
        if not any(s < n.end and n.start < e for s, e in taken)
    )
    out.sort(key=lambda m: (m.start, m.end))
    return tuple(out)
