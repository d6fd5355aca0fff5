"""Arabic renderings of a name that grammar reshapes (TM001 asks this module).

The termbase lists an Arabic name in its citation form; running Arabic bends it, and the
professional translations of the UN do so all the time:

* **a genitive between the words of a title in construct**: وزير الخارجية with a State
  becomes ``وزير خارجية الأردن`` (Minister for Foreign Affairs of Jordan) — the article
  moves from الخارجية to the new last word;
* **an indefinite title owned by ل**: المستشار الخاص becomes ``مستشار خاص للأمين العام``
  (a Special Adviser to the Secretary-General) — every article drops — also in the
  accusative (``ممثلا خاصا لي``, "as my Special Representative");
* **a possessive on the title's noun**: الممثل الخاص becomes ``ممثلي الخاص`` ("my Special
  Representative"), ``ممثلتي الخاصة`` for a woman;
* **a pronoun for the genitive**: نائب الرئيس becomes ``نائبه`` ("its Vice-Chair");
* **the construct undone with ل**: نائب الرئيس becomes ``النائب الثالث للرئيس`` (Third
  Vice-Chair), or, indefinite, ``نائبا للرئيس`` ("as Vice-President"); with the adjective
  brought forward, ``مفوض سام للأمم المتحدة لشؤون اللاجئين`` ("as United Nations High Commissioner");
* **a parent body written out inside the name**: لجنة مكافحة الإرهاب becomes
  ``لجنة مجلس الأمن لمكافحة الإرهاب`` (the Security Council Counter-Terrorism Committee) —
  the Council's name, or the Organization's, stands between the head and the rest.

* **a State between a title's words**: وزير الشؤون الخارجية becomes ``وزير فرنسا للشؤون
  الخارجية``.

* **a Latin acronym spelt as an Arabic word**: UNOPS becomes ``اليونوبس``, UNITAR ``اليونيتار``
  (:func:`spelt_acronyms`, by the consonant skeletons of ``text/transliteration.py``).

Each is counted as a rendering of the concept, never reported: these forms are correct
Arabic. The first word may carry proclitics (``ومستشار``); the others must be exact after
folding.  The neighbouring questions — a concept named by its head alone or inside another
name — are :mod:`mustalah.checks.name_heads`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..matching.nearmiss_words import TOKEN, stems
from ..termbase.model import Concept, Termbase
from ..text.normalize import fold_key
from ..text.transliteration import spells_acronym
from .base import SideView

#: Bodies that UN Arabic writes out inside the names of their subsidiary organs.
PARENT_BODIES = ("UN", "UNSC", "UNGA")
#: Attached pronouns that stand for the genitive of a construct title (نائبه، نائبتها).
_PRONOUNS = ("ه", "ها", "هم", "هما")
#: Possessive pronouns on a title's noun: ممثلي ("my"), ممثله ("his"), ممثلنا ("our") …
_OWNERS = ("ي", "ه", "ها", "هم", "نا", "كم")


class _Words:
    """A side's folded words, each word's proclitic-free stems, and where each stem stands:
    built once per side (``view.memo``) so a shape is tried only where its head word is."""

    __slots__ = ("at", "spans", "words")

    def __init__(self, view: SideView) -> None:
        tokens = list(TOKEN.finditer(view.folded.key))
        self.words = [t.group() for t in tokens]
        self.spans = [t.span() for t in tokens]
        self.at: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            for stem in stems(word):
                self.at.setdefault(stem, []).append(i)

    def find(self, shape: Sequence[str], clitics: tuple[int, ...] = (0,)) -> list[int]:
        """Where ``shape`` stands; the words at the ``clitics`` positions may carry proclitics."""
        return [i for i in self.at.get(shape[0], ()) if stands_at(self.words, i, shape, clitics)]


def side_words(view: SideView) -> _Words:
    got = view.memo.get("reshaped-words")
    if not isinstance(got, _Words):
        got = view.memo["reshaped-words"] = _Words(view)
    return got


def reshaped_renderings(view: SideView, concept: Concept, termbase: Termbase) -> int:
    """How often an Arabic ``view`` renders ``concept`` in one of the reshaped forms above, or by
    its Latin acronym spelt as an Arabic word (:func:`spelt_acronyms`)."""
    if view.lang != "ar":
        return 0
    return spelt_acronyms(view, concept) + _reshaped(view, concept, termbase)


def spelt_acronyms(view: SideView, concept: Concept) -> int:
    """Words of an Arabic ``view`` that spell one of the concept's Latin acronyms as a word
    (``اليونيتار`` for UNITAR, ``اليونيسف`` for UNICEF): UN Arabic names many bodies so, and a
    termbase seldom lists every such form."""
    acronyms = [t.text for t in concept.terms if t.is_acronym and t.text.isascii()]
    if not acronyms:
        return 0
    words = [w for w in side_words(view).words if w.startswith(_ARTICLE) or _UN_SPELT.match(w)]
    return sum(1 for word in words if any(spells_acronym(word, a) for a in acronyms))


#: The article, alone or after a proclitic: an acronym read as a word takes it (``اليونيسف``).
_ARTICLE = ("ال", "وال", "لل", "بال", "ولل")
#: Without the article, only a word that spells the "UN" of an acronym (``منظمة يونيسف``, ``يونسكو``):
#: a bare word of three consonants may be any Arabic word (نسف, "demolish", has UNICEF's).
_UN_SPELT = re.compile(r"(?:[وفبل]{1,2})?(?:يون|اون)")


def _reshaped(view: SideView, concept: Concept, termbase: Termbase) -> int:
    ws = side_words(view)
    words = ws.words
    forms = [toks for toks in approved_token_forms(concept) if len(toks) >= 2]
    # the head without its article and last letter, which a possessive or a case ending changes
    heads = {(t[0][2:] if t[0].startswith("ال") else t[0])[:-1] for t in forms}
    plurals = (BROKEN_PLURALS.get(t[0].removeprefix("ال")) for t in forms)
    heads.update(plural[:-1] for plural in plurals if plural)
    if len(words) < 2 or not any(stem.startswith(tuple(heads)) for stem in ws.at if heads):
        return 0  # no word of the name's head stands here: nothing reshaped either (the common case)
    parents = _parent_forms(concept, termbase)
    starts: set[int] = set()
    for toks in forms:
        last, before = toks[-1], toks[-2]
        names = [toks]
        plural = BROKEN_PLURALS.get(toks[0].removeprefix("ال"))
        if plural is not None:
            # وزير الخارجية → وزراء الخارجية (Ministers for Foreign Affairs): the head's broken plural
            names.append([("ال" if toks[0].startswith("ال") else "") + plural, *toks[1:]])
            starts.update(ws.find(names[-1]))
        for name in names:
            # مراكز ودوائر الأمم المتحدة للإعلام ("United Nations information centres and
            # services"): another head coordinated with this one before the rest of the name
            rest = name[1:]
            for i in ws.at.get(name[0].removeprefix("ال"), ()):
                j = i + 2
                if j < len(words) and words[i + 1].startswith("و") and words[j : j + len(rest)] == rest:
                    starts.add(i)
        if last.startswith("ال") and not before.startswith("ال"):
            # وزير الخارجية → وزير خارجية <genitive> (وزراء خارجية البلدان الثلاثة); نائب الرئيس →
            # نائب رئيسة اللجنة (a woman chairs it)
            for name in names:
                for end in {last[2:], last[2:] if last.endswith("ه") else last[2:] + "ه"}:
                    shape = [*name[:-1], end]
                    starts.update(i for i in ws.find(shape) if i + len(shape) < len(words))
        if len(toks) == 2 and last.startswith("ال") and not before.startswith("ال"):
            # نائب الرئيس → نائبه ("its Vice-Chair"): a pronoun stands for the genitive
            stem = before[:-1] + "ت" if before.endswith("ه") else before
            for owned in (stem + p for p in _PRONOUNS):
                starts.update(ws.at.get(owned, ()))
            # نائب الرئيس → نائبا للرئيس ("as Vice-President"): indefinite, the genitive with ل
            # … and with an ordinal between: نائب ثالث للرئيس ("a third Vice-Chair")
            for i in [*ws.at.get(before, ()), *ws.at.get(before + "ا", ())]:
                if "ل" + last[1:] in words[i + 1 : i + 3]:
                    starts.add(i)
            # نائب الرئيس → النائب الثالث للرئيس: the construct undone with ل, an ordinal between
            for i in ws.at.get("ال" + before, ()):
                following = words[i + 1 : i + 4]
                if any(a.startswith("ل") and last in stems(a) for a in following):
                    starts.add(i)
        if all(t.startswith("ال") and len(t) > 3 for t in toks):
            # المستشار الخاص → مستشار خاص لـ<owner>, and in the accusative ممثلا خاصا لي
            bare = [t[2:] for t in toks]
            for shape in (bare, [w + "ا" for w in bare]):
                for i in ws.find(shape):
                    after = i + len(shape)
                    if after < len(words) and words[after].startswith("ل"):
                        starts.add(i)
            # الممثل الخاص → ممثلي الخاص، ممثله الخاص ("my/his Special Representative"): the
            # possessive pronoun on the noun, the adjectives keeping their article
            head = bare[0][:-1] + "ت" if bare[0].endswith("ه") else bare[0]
            for owned in (head + p for p in _OWNERS):
                starts.update(ws.find([owned, *toks[1:]]))
            # المنسق المقيم → المنسقين المقيمين ("resident coordinators"), المنسقان المقيمان: the
            # sound plural and the dual, every word of a noun and its adjectives taking the ending
            for shape in number_forms(toks):
                starts.update(ws.find(shape))
        if not toks[0].startswith("ال") and len(toks) >= 3:
            starts.update(_adjective_first(ws, toks))
            starts.update(_other_title_reshaped(ws, toks, concept, termbase))
        if toks[0] not in ws.at:
            continue
        for parent in parents:
            # لجنة مكافحة الإرهاب → لجنة مجلس الأمن لمكافحة الإرهاب
            # (the word after the parent takes ل: لجنة مجلس الأمن لمكافحة…)
            for k in range(1, len(toks)):
                starts.update(ws.find([*toks[:k], *parent, *toks[k:]], (0, k + len(parent))))
        if concept.domain == "posts":
            starts.update(_state_inside(view, ws, toks, termbase))
    # a shape that is the name itself, matched already (مركز + الأمم المتحدة + لمكافحة الإرهاب)
    named = [(m.start, m.end) for m in view.matches if m.concept_id == concept.id]
    return sum(1 for i in starts if not _inside(view.folded.span(*ws.spans[i])[0], named))


#: The broken plurals of title heads (folded, without the article): the sound ones are
#: :func:`number_forms`'.
BROKEN_PLURALS = {
    "وزير": "وزراء",
    "رئيس": "رؤساء",
    "نائب": "نواب",
    "امين": "امناء",
    "وكيل": "وكلاء",
    "سفير": "سفراء",
    "سيد": "ساده",
    "مركز": "مراكز",
}


#: Sound plural and dual endings of a masculine word, and of a feminine one (its ه, folded ة, dropped).
_MASCULINE_NUMBER = ("ون", "ين", "ان")
_FEMININE_NUMBER = ("ات", "تان", "تين")


def number_forms(toks: Sequence[str]) -> list[list[str]]:
    """The sound plurals and duals of a noun with its adjectives, all definite: ``المنسقين
    المقيمين``, ``المنسقات المقيمات``, ``المبعوثان الخاصان`` (each word agrees with the head)."""
    out: list[list[str]] = []
    for k in range(3):
        shape = [t[:-1] + _FEMININE_NUMBER[k] if t.endswith("ه") else t + _MASCULINE_NUMBER[k] for t in toks]
        out.append(shape)
    return out


def indefinite_renderings(view: SideView, concept: Concept) -> int:
    """How often an Arabic ``view`` gives a title of the form noun + adjective (``المبعوث الخاص``)
    without its articles, whatever follows: ``مبعوثة خاصة معنية بالمرأة`` for "a Special Envoy for
    Women"; or a name in construct without the articles of its genitive (``محكمة عدل دولية`` for
    "an International Court of Justice").  Asked only for a source that says "a"/"an" before it."""
    if view.lang != "ar":
        return 0
    ws = side_words(view)
    starts: set[int] = set()
    for toks in approved_token_forms(concept):
        if len(toks) < 2:
            continue
        if all(t.startswith("ال") and len(t) > 3 for t in toks):
            bare = [t[2:] for t in toks]
            for shape in (bare, [w + "ا" for w in bare], *number_forms(bare)):
                starts.update(ws.find(shape))
        elif any(t.startswith("ال") and len(t) > 3 for t in toks[1:]):
            # a construct name, indefinite: "an International Court of Justice" = محكمة عدل دولية
            # (the Charter establishing its organs)
            starts.update(ws.find([t[2:] if t.startswith("ال") and len(t) > 3 else t for t in toks]))
            if not toks[0].startswith("ال"):
                starts.update(_undone_with_lam(ws, toks))
    return len(starts)


#: Words a description may put between an indefinite head and the rest of the name.
_DESCRIPTION_WORDS = 3


def _undone_with_lam(ws: _Words, toks: list[str]) -> list[int]:
    """ "a dedicated Counter-Terrorism Committee (CTC) of the Council" = ``لجنة تابعة للمجلس مكرسة
    لمكافحة الإرهاب``: the head indefinite, a few words describing it, then the rest of the name
    with ل on its first word (``لمكافحة``; ``للإرهاب`` for an article)."""
    second = "ل" + toks[1][1:] if toks[1].startswith("ال") else "ل" + toks[1]
    out: list[int] = []
    words = ws.words
    for i in ws.at.get(toks[0], ()):
        if words[i].endswith("ال" + toks[0]):
            continue  # a definite head (اللجنة): the name itself, or another body's
        for j in range(i + 1, min(i + 2 + _DESCRIPTION_WORDS, len(words))):
            if words[j] == second and words[j + 1 : j + len(toks) - 1] == toks[2:]:
                out.append(i)
                break
    return out


def _adjective_first(ws: _Words, toks: list[str]) -> list[int]:
    """مفوض الأمم المتحدة السامي لشؤون اللاجئين → ``مفوض سام للأمم المتحدة لشؤون اللاجئين`` ("as
    United Nations High Commissioner"): the title indefinite, its adjective (a defective one loses
    its ي) right after the head, the genitive taking ل, the rest as it was."""
    out: list[int] = []
    for k in range(2, len(toks)):
        adjective = toks[k]
        if not adjective.startswith("ال") or len(adjective) <= 3:
            continue
        if not all(t.startswith("ال") for t in toks[1:k]):
            break
        bare = adjective[2:]
        for head in (toks[0], toks[0] + "ا"):
            for indefinite in {bare, bare[:-1] if bare.endswith("ي") else bare, bare + "ا"}:
                out += ws.find([head, indefinite, "ل" + toks[1][1:], *toks[2:k], *toks[k + 1 :]])
    return out


def _other_title_reshaped(ws: _Words, toks: list[str], concept: Concept, termbase: Termbase) -> list[int]:
    """نائب الأمين العام → ``نائبة للأمينة العامة`` (WMO's Deputy Secretary-General, a woman, under
    a woman Secretary-General): a title in construct with another post the termbase knows (a
    related concept), that post in any of its forms (its feminine), after the head in construct
    or, the head indefinite, with ل."""
    genitive = toks[1:]
    if not all(t.startswith("ال") for t in genitive):
        return []
    others: list[list[str]] = []
    for related in concept.related:
        post = termbase.get(related)
        if post is None or post.domain != "posts":
            continue
        forms = [f for f in approved_token_forms(post) if f and all(t.startswith("ال") for t in f)]
        if genitive in forms:
            others.extend(f for f in forms if f != genitive)
    out: list[int] = []
    for other in others:
        for head in (toks[0], toks[0] + "ا"):
            out += ws.find([head, *other])
            out += ws.find([head, "ل" + other[0][1:], *other[1:]])
    for head in (toks[0], toks[0] + "ا"):
        out += ws.find([head, "ل" + genitive[0][1:], *genitive[1:]])
    return out


def _state_inside(view: SideView, ws: _Words, toks: list[str], termbase: Termbase) -> list[int]:
    """وزير فرنسا للشؤون الخارجية: a Member State the matcher found right after the title's first
    word, and the rest of the title after it (its first word may take ل)."""
    out: list[int] = []
    for m in view.matches:
        concept = termbase.get(m.concept_id)
        if concept is None or concept.domain != "member-states":
            continue
        inside = [k for k, (a, b) in enumerate(ws.spans) if m.start <= view.folded.span(a, b)[0] < m.end]
        if not inside:
            continue
        first, after = inside[0], inside[-1] + 1
        rest = toks[1:]
        if (
            first >= 1
            and toks[0] in stems(ws.words[first - 1])
            and after + len(rest) <= len(ws.words)
            and rest[0] in stems(ws.words[after])
            and ws.words[after + 1 : after + len(rest)] == rest[1:]
        ):
            out.append(first - 1)
    return out


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def approved_token_forms(concept: Concept, lang: str = "ar") -> Iterable[list[str]]:
    for term in concept.terms_in(lang):
        if term.is_acronym or not term.approved:
            continue
        for text in (term.text, *term.forms):
            yield (
                [t.lower() for t in TOKEN.findall(fold_key(text))]
                if lang != "ar"
                else TOKEN.findall(fold_key(text))
            )


def _parent_forms(concept: Concept, termbase: Termbase) -> list[list[str]]:
    out: list[list[str]] = []
    for parent_id in (*PARENT_BODIES, *concept.related):
        parent = termbase.get(parent_id)
        if parent is None or parent.id == concept.id:
            continue
        out.extend(toks for toks in approved_token_forms(parent) if toks)
    return out


def stands_at(words: Sequence[str], i: int, shape: Sequence[str], clitics: tuple[int, ...]) -> bool:
    """``shape`` stands in ``words`` from ``i``; words at ``clitics`` positions may carry proclitics."""
    return i + len(shape) <= len(words) and all(
        shape[j] in stems(words[i + j]) if j in clitics else shape[j] == words[i + j]
        for j in range(len(shape))
    )
