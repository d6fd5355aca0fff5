"""Arabic renderings of a name that grammar reshapes (TM001 asks this module).

The termbase lists an Arabic name in its citation form; running Arabic bends it, and the
professional translations of the UN do so all the time:

* **a genitive between the words of a title in construct**: وزير الخارجية with a State
  becomes ``وزير خارجية الأردن`` (Minister for Foreign Affairs of Jordan) — the article
  moves from الخارجية to the new last word;
* **an indefinite title owned by ل**: المستشار الخاص becomes ``مستشار خاص للأمين العام``
  (a Special Adviser to the Secretary-General) — every article drops;
* **a pronoun for the genitive**: نائب الرئيس becomes ``نائبه`` ("its Vice-Chair");
* **the construct undone with ل**: نائب الرئيس becomes ``النائب الثالث للرئيس`` (Third
  Vice-Chair);
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
#: Attached pronouns that stand for the genitive of a construct title (نائبه، نائبتها).
_PRONOUNS = ("ه", "ها", "هم", "هما")
#: Words a name written another way may carry besides its own (مجلس الأمن inside لجنة … لمكافحة).
_EXTRA_WORDS = 4


def reshaped_renderings(view: SideView, concept: Concept, termbase: Termbase) -> int:
    """How often an Arabic ``view`` renders ``concept`` in one of the reshaped forms above."""
    if view.lang != "ar":
        return 0
    tokens = list(_TOKEN.finditer(view.folded.key))
    words = [t.group() for t in tokens]
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
        if len(toks) == 2 and last.startswith("ال") and not before.startswith("ال"):
            # نائب الرئيس → نائبه ("its Vice-Chair"): a pronoun stands for the genitive
            stem = before[:-1] + "ت" if before.endswith("ه") else before
            owned = {stem + p for p in _PRONOUNS}
            starts.update(i for i, w in enumerate(words) if owned.intersection(stems(w)))
            # نائب الرئيس → النائب الثالث للرئيس: the construct undone with ل, an ordinal between
            for i, w in enumerate(words):
                if "ال" + before in stems(w):
                    following = words[i + 1 : i + 4]
                    if any(a.startswith("ل") and last in stems(a) for a in following):
                        starts.add(i)
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
    # a shape that is the name itself, matched already (مركز + الأمم المتحدة + لمكافحة الإرهاب)
    named = [(m.start, m.end) for m in view.matches if m.concept_id == concept.id]
    return sum(1 for i in starts if not _inside(view.folded.span(*tokens[i].span())[0], named))


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def anaphor_renderings(view: SideView, concept: Concept) -> int:
    """How often an Arabic ``view`` refers to ``concept`` by its definite head alone:
    ``المكتب`` for UNODC, ``المعهد`` for UNICRI, ``البعثة`` for MINUSMA — how UN Arabic
    renders an English acronym once the name has been given in full."""
    if view.lang != "ar":
        return 0
    heads = set()
    for toks in _approved_token_forms(concept):
        if len(toks) >= 2:
            head = toks[0]
            heads.add(head if head.startswith("ال") else "ال" + head)
    if not heads:
        return 0
    return sum(1 for word in _TOKEN.findall(view.folded.key) if heads.intersection(stems(word)))


def nested_renderings(view: SideView, concept: Concept) -> int:
    """How many of ``view``'s matches of other concepts hold ``concept``'s name inside them:
    ``كيانات الأمم المتحدة`` (United Nations entities) names the United Nations, and
    ``لجنة مكافحة الإرهاب التابعة لمجلس الأمن`` the Security Council, though the matcher
    reports the longer name only."""
    forms = [toks for toks in _approved_token_forms(concept) if toks]
    if not forms:
        return 0
    count = 0
    for m in view.matches:
        if m.concept_id == concept.id:
            continue
        inner = _TOKEN.findall(fold_key(m.surface))
        if any(any(True for _ in _find(inner, toks)) for toks in forms):
            count += 1
    return count


def named_before(view: SideView, concept: Concept, end: int) -> bool:
    """Whether every word of one of ``concept``'s names stands, in order, among the words just
    before ``end`` in ``view`` (a few others between them; proclitics allowed): the name
    written another way, ``لجنة مجلس الأمن لمكافحة الإرهاب`` before ``(CTC)``."""
    before = [t.group() for t in _TOKEN.finditer(view.folded.key) if view.folded.span(*t.span())[1] <= end]
    for toks in _approved_token_forms(concept, view.lang):
        if len(toks) < 2:
            continue
        window = before[-(len(toks) + _EXTRA_WORDS) :]
        k = 0
        for word in window:
            if k < len(toks) and (toks[k] == word or toks[k] in stems(word) or toks[k] == word.lower()):
                k += 1
        if k == len(toks) and window and _first_is(window, toks[0]):
            return True
    return False


def _first_is(window: list[str], head: str) -> bool:
    return any(head in stems(w) or head == w.lower() for w in window)


def _approved_token_forms(concept: Concept, lang: str = "ar") -> Iterable[list[str]]:
    for term in concept.terms_in(lang):
        if term.is_acronym or not term.approved:
            continue
        for text in (term.text, *term.forms):
            yield [t.lower() for t in _TOKEN.findall(fold_key(text))] if lang != "ar" else _TOKEN.findall(
                fold_key(text)
            )


def _state_forms(termbase: Termbase) -> list[list[str]]:
    """The Arabic names of the Member States, as token lists (built once per termbase)."""
    return [
        toks
        for concept in termbase
        if concept.domain == "member-states"
        for toks in _approved_token_forms(concept)
        if toks
    ]


def _parent_forms(concept: Concept, termbase: Termbase) -> list[list[str]]:
    out: list[list[str]] = []
    if concept.domain == "posts":  # وزير فرنسا للشؤون الخارجية: a State between a title's words
        out.extend(termbase.derived("reshaped-state-forms", _state_forms))
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
