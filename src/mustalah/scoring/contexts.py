"""Per-context term accuracy: which Arabic context each source occurrence needed.

The context of an occurrence is read from the **reference**: the reference's approved match of
the same concept (the k-th source occurrence of a concept in a segment is paired with the k-th
reference match of that concept).  An occurrence can need several contexts at once and counts
under each of them:

* the first-word shape, exactly one of ``bare`` (no proclitic), ``proclitic`` (و ف ب ك ل and their
  combinations, no article), ``article`` (the article added to the term: ``ال``, ``بال``, ``وال`` …),
  ``l+al`` (ل + ال written ``لل``: ``للمديرية التنفيذية`` for ``المديرية التنفيذية``);
* ``construct-head``: the term is a construct phrase whose head takes no article
  (``مكتب الأمم المتحدة …``); ``feminine``: a feminine title form (``المديرة التنفيذية``);
* ``acronym-follows``: the name is followed by its acronym in parentheses (``… (UNODC)``);
  ``acronym``: the occurrence is the Latin acronym itself inside the Arabic text.

An occurrence the reference does not render with an approved form is counted under
``unmatched-in-reference``.  Hits are assigned to a concept's occurrences in source order (the
first *h* of *n* occurrences are the hits), as in the per-term breakdown.  Contexts are computed
only for Arabic targets and only when a reference is given (``score`` on a challenge set always has
one: ``expected.ar``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..matching import TermMatch
from ..termbase.model import Gender, Termbase

#: Every context name, in report order.
CONTEXTS = (
    "bare",
    "proclitic",
    "article",
    "l+al",
    "construct-head",
    "feminine",
    "acronym-follows",
    "acronym",
    "unmatched-in-reference",
)

_PAREN = re.compile(r"\s*[(（]\s*([^()（）\s]+)\s*[)）]")


def shape(match: TermMatch) -> str:
    """``bare`` | ``proclitic`` | ``article`` | ``l+al`` from the match's attached prefix."""
    clitics = match.clitics
    if not clitics:
        return "bare"
    definite_term = match.term.text.startswith("ال")
    if clitics.endswith("لل") or (definite_term and clitics.endswith("ل")):
        return "l+al"
    if clitics.endswith("ال"):
        return "article"
    return "proclitic"


_DEFINITE = re.compile(r"^[وف]?(?:[بك]?ال|لل)")


def is_construct_head(text: str) -> bool:
    """A multi-word Arabic name whose first word has no article and a later word is definite.

    ``مكتب الأمم المتحدة…`` and ``لجنة مكافحة الإرهاب`` are; ``المديرية التنفيذية…`` (the head
    has the article) and ``مقاتل إرهابي أجنبي`` (nothing definite) are not.
    """
    words = text.split()
    return len(words) > 1 and not _DEFINITE.match(words[0]) and any(_DEFINITE.match(w) for w in words[1:])


def match_contexts(match: TermMatch, text: str, termbase: Termbase) -> tuple[str, ...]:
    """Every context the reference match shows (see the module docstring)."""
    if match.term.is_acronym or not any("\u0600" <= ch <= "\u06ff" for ch in match.term.text):
        return ("acronym",)
    found = [shape(match)]
    if is_construct_head(match.term.text):
        found.append("construct-head")
    if match.term.gender == Gender.FEMININE:
        found.append("feminine")
    after = _PAREN.match(text, match.end)
    if after is not None:
        concept = termbase.get(match.concept_id)
        acronyms = {t.text for t in concept.terms if t.is_acronym} if concept is not None else set()
        if after.group(1) in acronyms:
            found.append("acronym-follows")
    return tuple(found)


def reference_contexts(
    matches: Sequence[TermMatch],
    text: str,
    termbase: Termbase,
    target_lang: str,
    owners: Mapping[str, frozenset[str]],
) -> dict[str, list[tuple[str, ...]]]:
    """Concept id -> the contexts of its approved reference matches, in text order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for m in matches:
        if not (m.term.lang == target_lang and m.term.approved and m.tolerated):
            continue
        ctx = match_contexts(m, text, termbase)
        for concept_id in owners.get(m.term.text, frozenset()) | {m.concept_id}:
            out.setdefault(concept_id, []).append(ctx)
    return out


def count_contexts(
    rows: Sequence[tuple[str, str, int, int]],
    ref_contexts: Mapping[str, Sequence[tuple[str, ...]]],
    into: dict[str, list[int]],
) -> None:
    """Add one segment's occurrences and hits to ``into`` (context -> [occurrences, hits])."""
    per_concept: dict[str, list[int]] = {}
    for concept_id, _text, occ, hit in rows:
        cell = per_concept.setdefault(concept_id, [0, 0])
        cell[0] += occ
        cell[1] += hit
    for concept_id, (occ, hits) in per_concept.items():
        known = ref_contexts.get(concept_id, ())
        for k in range(occ):
            ctx = known[k] if k < len(known) else ("unmatched-in-reference",)
            for name in ctx:
                cell = into.setdefault(name, [0, 0])
                cell[0] += 1
                cell[1] += 1 if k < hits else 0


def context_rows(counts: Mapping[str, Sequence[int]]) -> list[dict[str, object]]:
    """JSON rows in :data:`CONTEXTS` order: context, occurrences, hits, accuracy (×100)."""
    return [
        {
            "context": name,
            "occurrences": counts[name][0],
            "hits": counts[name][1],
            "accuracy": round(100.0 * counts[name][1] / counts[name][0], 4) if counts[name][0] else None,
        }
        for name in CONTEXTS
        if name in counts
    ]
