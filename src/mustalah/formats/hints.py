"""Term hints carried into XLIFF exports: what the termbase says about a segment's terms.

The XLIFF writers take a callable ``hints(segment) -> list[GlossHint]`` so they do
not depend on how terms are found; :func:`termbase_hints` builds that callable from
a termbase and the project's matcher (:mod:`mustalah.matching`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Segment

if TYPE_CHECKING:
    from ..termbase.model import Termbase


@dataclass(frozen=True, slots=True)
class GlossTranslation:
    text: str
    status: str  # "preferred" / "admitted"


@dataclass(frozen=True, slots=True)
class GlossHint:
    """One source term found in a segment, with the approved target terms of its concept."""

    concept_id: str
    term: str
    translations: tuple[GlossTranslation, ...]
    start: int | None = None
    end: int | None = None
    definition: str | None = None


HintFunc = Callable[[Segment], Sequence[GlossHint]]


def no_hints(segment: Segment) -> Sequence[GlossHint]:
    return ()


def termbase_hints(termbase: Termbase, target_lang: str = "ar") -> HintFunc:
    """Hints from the project matcher: every concept matched in the source, once per segment."""
    from ..matching import TermIndex

    index = TermIndex.build(termbase)
    target_primary = target_lang.split("-", 1)[0].lower()

    def hints(segment: Segment) -> Sequence[GlossHint]:
        out: list[GlossHint] = []
        seen: set[str] = set()
        for match in index.match(segment.source, segment.source_lang.split("-", 1)[0].lower()):
            if match.concept_id in seen:
                continue
            concept = termbase.get(match.concept_id)
            if concept is None:
                continue
            approved = tuple(
                GlossTranslation(t.text, t.status.value)
                for t in concept.terms
                if t.lang.split("-", 1)[0].lower() == target_primary and t.approved
            )
            if not approved:
                continue
            seen.add(match.concept_id)
            out.append(
                GlossHint(
                    match.concept_id, match.term.text, approved, match.start, match.end, concept.definition
                )
            )
        return out

    return hints
