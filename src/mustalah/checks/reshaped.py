"""Arabic renderings of a name that grammar reshapes (TM001 asks this module).

The termbase lists an Arabic name in its citation form; running Arabic bends it, and the
professional translations of the UN do so all the time:

* **a genitive between the words of a title in construct**: وزير الخارجية with a State
  becomes ``وزير خارجية الأردن`` (Minister for Foreign Affairs of Jordan) — the article
  moves from الخارجية to the new last word;
* **an indefinite title owned by ل**: المستشار الخاص becomes ``مستشار خاص للأمين العام``
  (a Special Adviser to the Secretary-General) — every article drops;
* **a parent body written out inside the name**: لجنة مكافحة الإرهاب becomes
  ``لجنة مجلس الأمن لمكافحة الإرهاب`` (the Security Council Counter-Terrorism Committee) —
  the Council's name, or the Organization's, stands between the head and the rest.

Each is counted as a rendering of the concept, never reported: these forms are correct
Arabic. The first word may carry proclitics (``ومستشار``); the others must be exact after
folding.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..matching.nearmiss_words import _TOKEN, stems
from ..termbase.model import Concept, Termbase
from ..text.normalize import fold_key
from .base import SideView

#: Bodies that UN Arabic writes out inside the names of their subsidiary organs.
PARENT_BODIES = ("UN", "UNSC", "UNGA")


def reshaped_renderings(view: SideView, concept: Concept, termbase: Termbase) -> int:
    """How often an Arabic ``view`` renders ``concept`` in one of the reshaped forms above."""
    if view.lang != "ar":
        return 0
    words = _TOKEN.findall(view.folded.key)
    if len(words) < 2:
        return 0
    parents = _parent_forms(concept, termbase)
    starts: set[int] = set()
    for toks in _approved_token_forms(concept):
        if len(toks) < 2:
            continue
        last, before = toks[-1], toks[-2]
        if last.startswith("ال") and not before.startswith("ال"):
            # وزير الخارجية → وزير خارجية <genitive>
            shape = [*toks[:-1], last[2:]]
            starts.update(i for i in _find(words, shape) if i + len(shape) < len(words))
        if all(t.startswith("ال") and len(t) > 3 for t in toks):
            # المستشار الخاص → مستشار خاص لـ<owner>
            shape = [t[2:] for t in toks]
            for i in _find(words, shape):
                after = i + len(shape)
                if after < len(words) and words[after].startswith("ل"):
                    starts.add(i)
        for parent in parents:
            # لجنة مكافحة الإرهاب → لجنة مجلس الأمن لمكافحة الإرهاب
            # (the word after the parent takes ل: لجنة مجلس الأمن لمكافحة…)
            for k in range(1, len(toks)):
                shape = [*toks[:k], *parent, *toks[k:]]
                starts.update(_find(words, shape, (0, k + len(parent))))
    return len(starts)


def _approved_token_forms(concept: Concept) -> Iterable[list[str]]:
    for term in concept.terms_in("ar"):
        if term.is_acronym or not term.approved:
            continue
        for text in (term.text, *term.forms):
            yield _TOKEN.findall(fold_key(text))


def _parent_forms(concept: Concept, termbase: Termbase) -> list[list[str]]:
    out: list[list[str]] = []
    for parent_id in (*PARENT_BODIES, *concept.related):
        parent = termbase.get(parent_id)
        if parent is None or parent.id == concept.id:
            continue
        out.extend(toks for toks in _approved_token_forms(parent) if toks)
    return out


def _find(words: Sequence[str], shape: Sequence[str], clitics: tuple[int, ...] = (0,)) -> Iterable[int]:
    """Where ``shape`` stands in ``words``; the words at the ``clitics`` positions of the shape
    may carry proclitics (``ومستشار``, ``لمكافحة``), the others must be equal."""
    n = len(shape)
    for i in range(len(words) - n + 1):
        if all(
            shape[j] in stems(words[i + j]) if j in clitics else shape[j] == words[i + j] for j in range(n)
        ):
            yield i
