"""Several termbases at once: the UN master list, a department list, a per-job list.

A *termbase set* is a sequence of sources (``--termbase un.tbx --termbase job/``, or
``termbase = ["un.tbx", "job/"]`` in ``[tool.mustalah]``).  They are layered in order: a
later termbase **overrides** an earlier one for the same concept id (the whole concept is
replaced) and **adds** the concepts the earlier ones lack.  ``@shipped`` names the UN
termbase shipped with mustalah, so ``--termbase @shipped --termbase job.tbx`` adds a job
list to it.

Every concept remembers which layer it came from (:data:`LAYERS`, a derived value stored
with the compiled index, so a warm run knows it without reading any source), and each
lint finding about a concept says so in its ``termbase`` field (the source as given).
``termbase check`` over a set reports a surface form that two concepts from different
termbases share (``TB016``): the matcher would have to guess which one a text means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .derived import register
from .model import Concept, Termbase
from .problems import Problem

if TYPE_CHECKING:
    pass

#: The shipped UN termbase inside a set.
SHIPPED = "@shipped"
#: Derived value: concept id -> index of the layer it came from (empty for a single termbase).
LAYERS = "termbase-layers"

#: One source (a path, ``None`` for the shipped one) or a set of them, in override order.
TermbaseSpec = str | Path | tuple[str, ...] | None


@register(LAYERS)
def _no_layers(termbase: Termbase) -> dict[str, int]:
    """A termbase read from one source has no layers (a merged one is given its map)."""
    return {}


def normalize(spec: TermbaseSpec) -> str | Path | tuple[str, ...] | None:
    """A one-element set is that source; ``@shipped`` alone is the default."""
    if isinstance(spec, tuple):
        if len(spec) == 1:
            spec = spec[0]
        elif not spec:
            return None
        else:
            return spec
    return None if spec == SHIPPED else spec


def source_path(item: str | Path | None) -> Path:
    """The path of one source (``@shipped`` and ``None``: the shipped termbase's folder)."""
    from .loader import default_termbase_path

    if item is None or str(item) == SHIPPED:
        return default_termbase_path()
    return Path(item)


def label(item: str | Path | None) -> str:
    """How findings name a source: as the user gave it; the shipped one as ``@shipped``."""
    return SHIPPED if item is None else str(item)


def merge(layers: Sequence[Termbase]) -> Termbase:
    """Later layers override earlier ones per concept id and add what they lack.

    Order: the first layer's concepts (each replaced in place by its last override), then
    each later layer's new concepts in their own order.
    """
    chosen: dict[str, tuple[int, Concept]] = {}
    order: list[str] = []
    for number, termbase in enumerate(layers):
        for concept in termbase.concepts:
            if concept.id not in chosen:
                order.append(concept.id)
            chosen[concept.id] = (number, concept)
    concepts = tuple(chosen[cid][1] for cid in order)
    merged = Termbase(
        concepts,
        name=" + ".join(t.name for t in layers),
        origin=layers[-1].origin if layers else None,
    )
    layer_of = {cid: chosen[cid][0] for cid in order}
    merged.derived(LAYERS, lambda _merged: layer_of)  # a fresh termbase: stored now, as computed
    return merged


def overridden(layers: Sequence[Termbase]) -> int:
    """How many concept ids a later layer replaced."""
    seen: set[str] = set()
    count = 0
    for termbase in layers:
        ids = {c.id for c in termbase.concepts}
        count += len(ids & seen)
        seen |= ids
    return count


def labeller(spec: TermbaseSpec, termbase: Termbase) -> Callable[[str | None], str | None]:
    """concept id -> the label of the termbase it came from (None for a finding with no concept)."""
    spec = normalize(spec)
    if not isinstance(spec, tuple):
        single = label(spec)
        return lambda concept: single if concept else None
    labels = [label(item) for item in spec]
    layers: dict[str, int] = termbase.derived(LAYERS, _no_layers)

    def of(concept: str | None) -> str | None:
        if not concept:
            return None
        number = layers.get(concept)
        return labels[number] if number is not None and number < len(labels) else None

    return of


def check_set(spec: tuple[str, ...]) -> tuple[Termbase, list[Problem], int]:
    """``termbase check`` over a set: each source's own problems (as read, and duplicate ids
    within it), the merged set's terminology problems, and a form two concepts of different
    termbases share as TB016 (TB006 stays for two concepts of one termbase).  Returns the
    merged termbase, the problems and how many concepts a later termbase overrode."""
    from .loader import read_termbase
    from .validate import check_termbase, duplicate_ids

    problems: list[Problem] = []
    layers: list[Termbase] = []
    for item in spec:
        result = read_termbase(source_path(item))
        problems.extend(result.problems)
        problems.extend(duplicate_ids(result.termbase))
        layers.append(result.termbase)
    merged = merge(layers)
    problems.extend(p for p in check_termbase(merged) if p.code not in ("TB005", "TB006"))
    layer_of: dict[str, int] = merged.derived(LAYERS, _no_layers)
    problems.extend(_shared_forms(merged, layer_of, [label(i) for i in spec]))
    return merged, problems, overridden(layers)


def _shared_forms(termbase: Termbase, layers: dict[str, int], labels: Sequence[str]) -> Iterator[Problem]:
    """``validate._shared_forms`` with each concept's termbase: across termbases it is TB016."""
    from .validate import shared_form_message, shared_form_pairs

    for lang, first, form in shared_form_pairs(termbase):
        text = shared_form_message(lang, first, form)
        mine, theirs = layers.get(form.concept.id, 0), layers.get(first.concept.id, 0)
        if mine == theirs:
            yield Problem("TB006", text, form.location, form.concept.id)
        else:
            text += f" — {form.concept.id} from {labels[mine]}, {first.concept.id} from {labels[theirs]}"
            yield Problem("TB016", text, form.location, form.concept.id)
