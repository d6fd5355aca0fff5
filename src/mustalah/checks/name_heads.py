"""A concept named by a head or inside another name (TM001 and AC001 ask this module).

Beside the reshaped renderings of :mod:`mustalah.checks.reshaped`, a name may stand in a text
as part of itself or of something longer:

* **its head, inflected** (``مبعوثة`` for المبعوث الخاص): most likely the name in a form no list
  holds (:func:`head_in_view`); **its head in any form, or all its words after the head**
  (:func:`trace_in_view`): something of the name stands there;
* **its definite head alone, as an anaphor** (``المكتب`` for UNODC once named in full,
  :func:`anaphor_renderings`), or **standing alone** with the rest of the name nowhere
  (``ورتبت الإدارة``, "the Department arranged", :func:`head_alone`);
* **inside another concept's match** (``كيانات الأمم المتحدة`` names the United Nations,
  :func:`nested_renderings`);
* **its words before an acronym, in another form** (``لجنة مجلس الأمن لمكافحة الإرهاب``
  before ``(CTC)``, :func:`named_before`, for AC001).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..matching.forms import DEFINITE_PREFIXES
from ..matching.nearmiss_words import TOKEN, stems
from ..termbase.model import Concept
from ..text.normalize import fold_key
from .base import SideView
from .reshaped import approved_token_forms, side_words, stands_at

#: Words a name written another way may carry besides its own (مجلس الأمن inside لجنة … لمكافحة).
_EXTRA_WORDS = 4


def head_in_view(view: SideView, concept: Concept) -> str | None:
    """A word of an Arabic ``view`` that is the head of one of the concept's names of two words
    or more, inflected (``مبعوثة`` for المبعوث الخاص, ``المنسقين`` for المنسق المقيم) or followed
    by the next word of the name inflected (``نائب رئيسة`` for نائب الرئيس): the name is most
    likely there in a form no list holds, so TM001 makes its finding a note.  The head as written
    with the rest of the name gone (``الأمين`` alone for الأمين العام) is a name cut short, and
    stays a finding.  None when no such word stands there."""
    if view.lang != "ar":
        return None
    names = []
    for toks in approved_token_forms(concept):
        if len(toks) < 2:
            continue
        head = toks[0].removeprefix("ال")
        following = toks[1].removeprefix("ال")
        names.append((head, _stem_of(head), _stem_of(following)))
    if not names:
        return None
    ws = side_words(view)
    every_head = {head for head, _, _ in names}  # الأمين and الأمينة: one title's two genders
    for k, word in enumerate(ws.words):
        for _, head_stem, next_stem in names:
            if len(head_stem) < 3 or not any(stem.startswith(head_stem) for stem in stems(word)):
                continue
            inflected = not every_head.intersection(stems(word))
            after = ws.words[k + 1] if k + 1 < len(ws.words) else ""
            if inflected or (len(next_stem) >= 3 and any(s.startswith(next_stem) for s in stems(after))):
                start, end = view.folded.span(*ws.spans[k])
                return view.text[start:end]
    return None


def trace_in_view(view: SideView, concept: Concept, definite_only: bool = False) -> bool:
    """Whether something of one of the concept's names of two words or more stands in an Arabic
    ``view``: a word that starts like its head, in any form (``المركز`` of المركز الدولي for the UN
    Centre, ``الأمين`` cut from الأمين العام, ``أنطونيو`` of أنطونيو جوتيريس), or, for a name of
    three words or more, every word after the head (``الشبكة الإقليمية المعنية بغسل الأموال`` for
    the Platform): the name may be there, wrong.  With ``definite_only`` a head counts only with
    the article (a source that says "five Member States" reads ``5 دول`` in Arabic: the head
    bare, the number's noun, no trace of a slip).  True for a view in another language (nothing
    to tell)."""
    if view.lang != "ar":
        return True
    ws = side_words(view)
    forms = [toks for toks in approved_token_forms(concept) if len(toks) >= 2]
    if any(len(toks) >= 3 and all(t in ws.at for t in toks[1:]) for toks in forms):
        return True
    heads = {toks[0].removeprefix("ال") for toks in forms}
    short = {h for h in heads if len(_stem_of(h)) < 3}  # خطة: the word itself (خط starts خطر)
    longer = tuple(_stem_of(h) for h in heads - short)
    words = [w for w in ws.words if w.startswith(_DEFINITE)] if definite_only else ws.words
    return any(stem in short or stem.startswith(longer) for word in words for stem in stems(word))


#: An English acronym used as a name: after "the" or inside parentheses ("the STC", "(NTC)").
_ACRONYM = re.compile(r"(?:\bthe\s+|\()([A-Z]{2,6})\b")


def trace_is_another_name(source: SideView, view: SideView, concept: Concept) -> bool:
    """Whether every word of an Arabic ``view`` that starts like the head of one of the concept's
    names heads another name, one the source gives by an acronym the termbase does not know: the
    head with the article and exactly as many adjectives of relation (``الانتقالي``, ``الجنوبي``)
    after it as the acronym has letters less one, the acronym used as a name ("the STC", "(STC)")
    and ending with the initial of the concept's English head but not with the initials of its
    name ("UNSC" is the Security Council's own): "the STC" = ``المجلس الانتقالي الجنوبي``, the
    Southern Transitional Council, is no trace of the Security Council.  False when the rest of a
    name stands there too, or no such acronym is given."""
    if view.lang != "ar" or source.lang != "en":
        return False
    names = [t.text.replace("-", " ").split() for t in concept.terms_in("en") if not t.is_acronym]
    initials = {words[-1][:1] for words in names if words}
    own = {"".join(w[:1] for w in words if w[:1].isupper()) for words in names if words} - {""}
    covered = [(m.start, m.end) for m in source.matches]
    acronyms = [
        a.group(1)
        for a in _ACRONYM.finditer(source.text)
        if a.group(1)[-1] in initials
        and not any(a.group(1).endswith(o) for o in own)
        and not any(s <= a.start(1) < e for s, e in covered)
    ]
    if not acronyms:
        return False
    ws = side_words(view)
    forms = [toks for toks in approved_token_forms(concept) if len(toks) >= 2]
    if any(len(toks) >= 3 and all(t in ws.at for t in toks[1:]) for toks in forms):
        return False
    heads = tuple(_stem_of(toks[0].removeprefix("ال")) for toks in forms)
    traced = False
    for k, word in enumerate(ws.words):
        if not any(stem.startswith(heads) for stem in stems(word)):
            continue
        traced = True
        n = 0
        while k + 1 + n < len(ws.words) and _relation_adjective(ws.words[k + 1 + n]):
            n += 1
        if not (n and word.startswith(_DEFINITE) and any(len(a) == n + 1 for a in acronyms)):
            return False
    return traced


#: The endings of an adjective of relation (nisba), folded (ة → ه).
_NISBA = ("ي", "يه", "يين", "يون", "يتين", "يان")
#: Relative pronouns of that shape (the short ones, الذي and التي, fall under the length test).
_RELATIVES = frozenset({"اللاتي", "اللواتي"})


def _relation_adjective(word: str) -> bool:
    """A definite adjective of relation (``الانتقالي``, ``الوطنية``), as a name's words after its head."""
    return word.startswith("ال") and len(word) > 4 and word.endswith(_NISBA) and word not in _RELATIVES


def person_spelt_otherwise(view: SideView, concept: Concept) -> str | None:
    """A person's given name in an Arabic ``view`` followed by a word that starts like the
    surname but is not it (``أنطونيو غوتيرس`` for أنطونيو غوتيريش): the name is there, spelt
    otherwise.  The two words as written, or None."""
    if view.lang != "ar" or concept.domain != "people":
        return None
    ws = side_words(view)
    for toks in approved_token_forms(concept):
        if len(toks) < 2 or len(toks[-1]) < 4:
            continue
        given, surname = toks[-2], toks[-1]
        for k in range(len(ws.words) - 1):
            after = ws.words[k + 1]
            if given in stems(ws.words[k]) and after != surname and after[:3] == surname[:3]:
                start, _ = view.folded.span(*ws.spans[k])
                _, end = view.folded.span(*ws.spans[k + 1])
                return view.text[start:end]
    return None


#: The article after its proclitics (الدول، والدول، للدول، بالدول).
_DEFINITE = tuple(DEFINITE_PREFIXES)


def _stem_of(word: str) -> str:
    """A word without the ه (folded ة) a feminine or a case ending changes."""
    return word[:-1] if word.endswith("ه") else word


def anaphor_renderings(view: SideView, concept: Concept) -> int:
    """How often an Arabic ``view`` refers to ``concept`` by its definite head alone:
    ``المكتب`` for UNODC, ``المعهد`` for UNICRI, ``البعثة`` for MINUSMA — how UN Arabic
    renders an English acronym once the name has been given in full."""
    if view.lang != "ar":
        return 0
    heads = {_definite(toks[0]) for toks in approved_token_forms(concept) if len(toks) >= 2}
    if not heads:
        return 0
    at = side_words(view).at
    return len({i for head in heads for i in at.get(head, ())})


def _definite(word: str) -> str:
    """A name's head word with the article: ``مكتب`` → ``المكتب``."""
    return word if word.startswith("ال") else "ال" + word


def head_alone(view: SideView, concept: Concept) -> str | None:
    """The definite head of one of the concept's names standing alone in an Arabic ``view``, not
    followed by a definite word (an adjective: ``المركز الدولي`` is another name, not the Centre)
    and with the rest of the name nowhere in the text (else it is the name broken up):
    ``ورتبت الإدارة بالتنسيق`` ("the Department arranged") for the Department of Public Information."""
    if view.lang != "ar":
        return None
    ws = side_words(view)
    forms = [toks for toks in approved_token_forms(concept) if len(toks) >= 2]
    if any(all(t in ws.at for t in toks[1:]) for toks in forms):
        return None  # the rest of the name stands here too: the name broken up, not an anaphor
    for toks in forms:
        for i in ws.at.get(_definite(toks[0]), ()):
            after = ws.words[i + 1] if i + 1 < len(ws.words) else ""
            if not after.startswith("ال"):
                start, end = view.folded.span(*ws.spans[i])
                return view.text[start:end]
    return None


def nested_renderings(view: SideView, concept: Concept) -> int:
    """How many of ``view``'s matches of other concepts hold ``concept``'s name inside them:
    ``كيانات الأمم المتحدة`` (United Nations entities) names the United Nations, and
    ``لجنة مكافحة الإرهاب التابعة لمجلس الأمن`` the Security Council, though the matcher
    reports the longer name only."""
    forms = [toks for toks in approved_token_forms(concept) if toks]
    if not forms:
        return 0
    count = 0
    for m in view.matches:
        if m.concept_id == concept.id:
            continue
        inner = TOKEN.findall(fold_key(m.surface))
        if any(any(True for _ in _find(inner, toks)) for toks in forms):
            count += 1
    return count


def named_before(view: SideView, concept: Concept, end: int) -> bool:
    """Whether every word of one of ``concept``'s names stands, in order, among the words just
    before ``end`` in ``view`` (a few others between them; proclitics allowed): the name
    written another way, ``لجنة مجلس الأمن لمكافحة الإرهاب`` before ``(CTC)``."""
    before = [t.group() for t in TOKEN.finditer(view.folded.key) if view.folded.span(*t.span())[1] <= end]
    for toks in approved_token_forms(concept, view.lang):
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


def _find(words: Sequence[str], shape: Sequence[str], clitics: tuple[int, ...] = (0,)) -> Iterable[int]:
    """Where ``shape`` stands in ``words``; the words at the ``clitics`` positions of the shape
    may carry proclitics (``ومستشار``, ``لمكافحة``), the others must be equal."""
    return (i for i in range(len(words) - len(shape) + 1) if stands_at(words, i, shape, clitics))
