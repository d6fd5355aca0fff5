"""Names with a word missing or changed, when the other side names the concept.

``نائب الأمين`` for ``نائب الأمين العام``; ``the International Atomic Agency`` for ``the
International Atomic Energy Agency``; ``the Intergovernmental Agency for Water Resources``
for ``… on Water Resources``.  Exact matching cannot see them, and the near-miss index
finds a changed word only when it is one letter off or an entity head, because without
the other side any other word could be a different name.  In a bilingual unit the other
side says which concept is meant, so this rule-level search can be bolder: for each
concept the other side names by name and this side does not (an acronym alone, as in
``لهيئة الجمارك العالمية (WCO)``, is no name), this side is scanned for the concept's
name with one word left out (``drop``) or one word replaced (``swap``).

A name needs three words or more (two less one is a single common word); a two-word name,
or a name whose first word changed, only counts with a word changed into a close one: the
same word inflected or one letter off (``المبعوث الخاصة``), or another entity head
(``Security Committee``, ``هيئة الأمن``) — ``the victims and survivors of terrorism`` does
not name *victims of terrorism* badly.  What is left after a dropped word must not begin
or end with a function word (``of terrorism``); an Arabic name never loses its head (the
rest, ``المعنية بغسل الأموال``, is shared by many names) and an English one keeps three
words without its first.  Words inside another name's match are that name's (``the Fund
on Foreign Terrorist Fighters`` does not name *foreign terrorist fighters* with a word
missing); words a near miss already explains are left to it; a name with words
inserted after its head is a longer name (``checks/embedded.py``), not a damaged one; a
"dropped" word that stands just after the rest was moved (``القانون الدولي الإنساني``), not
dropped; and an English name keeps its capitals (``United Nations development assistance``
shares words with UNDP's name, it does not name UNDP).
The result is a :class:`NearMiss`, computed once per side and shared by TM001 (a damaged
rendering is reported where it is, not as missing), TM006 (which reports it) and TM007
(the source does name the concept, badly).
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterator

from ..matching.nearmiss import proclitic_on
from ..matching.nearmiss_words import BUILTIN_HEADS, TOKEN, inflected, stems, within_one_edit
from ..matching.types import NearMiss, TermMatch
from ..termbase.model import Concept, Status, Termbase
from ..text.arabic import attach_clitics
from ..text.normalize import fold_key
from .base import SideView, UnitContext
from .embedded import gapped_renderings
from .policy import is_official_name

_MIN_TOKENS = 3
#: Function words (folded): a "changed" last word that is one of these is the sentence going on
#: after a name cut short (``جامعة الدول على جهوده``), and what is left of a name after a
#: dropped word never begins or ends with one (``of terrorism``).
_FUNCTION_WORDS = frozenset(
    {"في", "من", "الى", "علي", "عن", "مع", "و", "او", "ثم", "حتي", "الذي", "التي", "لدي", "عند", "منذ"}
    | {"بين", "خلال", "of", "the", "on", "for", "in", "to", "and", "or", "at", "by", "with", "from", "as"}
    | {"a", "an"}
)


def partial_names(ctx: UnitContext, view: SideView) -> tuple[NearMiss, ...]:
    """Names of concepts the other side of ``ctx`` names, found in ``view`` with one word
    missing (kind ``drop``) or changed (kind ``swap``)."""
    got: tuple[NearMiss, ...] | None = view.memo.get("partial")
    if got is None:
        other = ctx.target if view is ctx.source else ctx.source
        got = view.memo["partial"] = _find(view, other, ctx.termbase) if other is not None else ()
    return got


def _further_on(word: str, after: list[str]) -> bool:
    """Whether ``word`` stands among the words ``after`` a name, whole or with its conjunction
    typed apart (``المجلس الإقتصادي و الإجتماعي``: ECOSOC's والاجتماعي as و + الاجتماعي)."""
    return word in after[:3] or any(a + b == word for a, b in itertools.pairwise(after) if a in ("و", "ف"))


def _find(view: SideView, other: SideView, termbase: Termbase) -> tuple[NearMiss, ...]:
    # by name: an acronym alone (``… (WCO)`` after a damaged name) does not render the name
    here = {m.concept_id for m in view.mentions() if m.name is not None}
    near = {c for nm in view.near_misses for c in nm.concepts}
    # the other side may name it by its acronym alone: "UNDP and UNODC" says which bodies are meant
    named = dict.fromkeys(m.concept_id for m in other.mentions())
    wanted = [c for c in named if c not in here and c not in near]
    people = [c for c in named if c not in near and getattr(termbase.get(c), "domain", "") == "people"]
    if not wanted and not people:
        return ()
    # the bodies whose acronym the other side writes after every name of a concept ("the UN High
    # Commissioner for Refugees (UNHCR)"): words that are wholly such a body's name render it
    tied = _tied_acronyms(other)
    spans = [(m.start(), m.end()) for m in TOKEN.finditer(view.folded.key)]
    words = [view.folded.key[a:b] for a, b in spans]
    out: list[NearMiss] = []
    for concept_id in people:  # the family name alone matches: the order is what is wrong
        swapped = _swapped_name(view, termbase[concept_id], words, spans)
        if swapped is not None:
            out.append(swapped)
            wanted = [c for c in wanted if c != concept_id]
    for concept_id in wanted:
        concept = termbase.get(concept_id)
        # words inserted after the head (a longer name) are not a damaged name; but a two-word
        # short form with words between (مفوضية … اللاجئين) is what a damaged full name holds too
        # (مفوضية الأمم لشؤون اللاجئين, UNHCR's name less المتحدة): no sign of a longer one
        if concept is None or gapped_renderings(view, concept, min_words=3):
            continue
        # approved forms first; a damaged deprecated form is suggested as the preferred one
        # vocabulary (التطرف المقترن بالعنف for violent extremism) is paraphrased, not damaged:
        # only an official name, or a deprecated form of anything, is searched for damage
        approved = [t for t in concept.terms_in(view.lang) if t.status.approved and is_official_name(concept)]
        preferred = concept.preferred(view.lang)
        # the other side gives the former name (a text of its time): a damaged former name is
        # mended to the former name it renders, not to today's
        former = any(m.concept_id == concept_id and m.term.status is Status.SUPERSEDED for m in other.matches)
        for term in approved + [t for t in concept.terms_in(view.lang) if not t.status.approved]:
            toks = TOKEN.findall(fold_key(term.text))
            if term.is_acronym or len(toks) < 2:
                continue
            for kind, i, p, clitics in _windows(words, toks, view.lang):
                if (len(toks) < _MIN_TOKENS or (kind == "swap" and p == 0)) and not (
                    kind == "swap" and _close(words[i + p], toks[p], view.lang)
                ):
                    continue  # a changed first word must be a close one (victims and survivors of …)
                if kind == "swap" and p == 0 and view.lang == "ar" and words[i] == toks[0] + "ه":
                    continue  # أمينة المظالم: the title of a woman (its head in the feminine), no slip
                last = i + len(toks) - (2 if kind == "drop" else 1)
                if kind == "drop" and concept.domain == "member-states" and toks[p] in _STATE_HEADS:
                    continue  # "Central African armed forces": a State's name less Republic is its adjective
                if kind == "drop" and _further_on(toks[p], words[last + 1 : last + 5]):
                    continue  # the word is there, further on: reordered (القانون الدولي الإنساني) or apart
                start, end = view.folded.span(spans[i][0], spans[last][1])
                if view.lang == "en" and _lower_cased(view.text[start:end], term.text):
                    continue  # "United Nations development assistance": a name keeps its capitals
                if any(
                    _another_name(m, start, start + len(clitics), end, tied.get(concept_id, ()))
                    for m in view.matches
                ):
                    continue  # inside, across or all of another name's match: the words are that name's
                if any(nm.start < end and start < nm.end for nm in view.near_misses):
                    continue  # a near miss already explains these words (SP001, TM006, TM008)
                clitics = view.text[start : start + len(clitics)] if clitics else ""
                kept = term.status.approved or (former and term.status is Status.SUPERSEDED)
                found = ""
                if kind == "swap":
                    a, b = view.folded.span(*spans[i + p])
                    found = view.text[a:b]
                    if p == len(toks) - 1 and not (
                        _close(words[i + p], toks[p], view.lang)
                        or _same_shape(found, _word(term.text, toks, p), view.lang)
                    ):
                        continue  # a name cut short, the sentence going on (نائب الأمين أمس)
                out.append(
                    NearMiss(
                        kind,
                        view.lang,
                        start,
                        end,
                        view.text[start:end],
                        attach_clitics(clitics, term.text if kept or preferred is None else preferred.text),
                        (concept_id,),
                        ((found, _word(term.text, toks, p)),),
                        note=None if kept else term.text,  # the damaged form, deprecated
                        clitics=clitics,
                    )
                )
                break
            else:
                continue
            break
    out.sort(key=lambda n: (n.start, n.end))
    return tuple(out)


def _another_name(m: TermMatch, start: int, head: int, end: int, tied: Container[str]) -> bool:
    """Whether the match ``m`` owns the words ``start``-``end`` (``head``: after their
    proclitics): it reaches across their edge, or covers them all and names a body the other
    side ties to the concept searched by its acronym ("the UN High Commissioner for Refugees
    (UNHCR)" = ``مفوضية الأمم المتحدة السامية لشؤون اللاجئين``, UNHCR, no near miss of the
    title).  Another name there is still one: the Office for its head named on its own (``قالت
    مفوضية …`` for "the High Commissioner … said"), the Secretariat for the Secretary-General
    (``تعرب الأمانة العامة``).  A shorter name inside them (``الأمم المتحدة``) does not own them."""
    if not (m.start < end and start < m.end):
        return False
    inside = start <= m.start and m.end <= end
    return not inside or (m.start <= head and end <= m.end and m.concept_id in tied)


def _tied_acronyms(other: SideView) -> dict[str, set[str]]:
    """Per concept of the other side, the other body whose acronym follows every mention of it
    by name (``… High Commissioner for Refugees (UNHCR)``); a concept also named bare has none."""
    tied: dict[str, set[str]] = {}
    bare: set[str] = set()
    for mention in other.mentions():
        acronym = mention.acronym
        if mention.name is None or acronym is None or acronym.concept_id == mention.concept_id:
            bare.add(mention.concept_id)
        else:
            tied.setdefault(mention.concept_id, set()).add(acronym.concept_id)
    return {concept: bodies for concept, bodies in tied.items() if concept not in bare}


#: The generic word of a State's name: without it the rest is the State's adjective ("Central
#: African", "Dominican", "Syrian Arab"), not the name damaged.
_STATE_HEADS = frozenset({"republic", "kingdom", "federation", "islands", "states", "emirates"})


def _windows(words: list[str], toks: list[str], lang: str) -> Iterator[tuple[str, int, int, str]]:
    """(kind, first word, position, proclitics) of each window equal to ``toks`` with one word
    changed (``swap``; a changed last word that is a function word is the text going on after a
    name cut short) or, failing that, left out (``drop``)."""
    n = len(toks)
    for i in range(len(words) - n + 1):
        window = words[i : i + n]
        diff = [k for k in range(1, n) if window[k] != toks[k]]
        head_ok = _first_word(window[0], toks[0], lang)
        if (
            head_ok is not None
            and len(diff) == 1
            and not (diff[0] == n - 1 and window[-1] in _FUNCTION_WORDS)
            and not (lang == "ar" and proclitic_on(window[diff[0]], toks[diff[0]]))
        ):
            yield "swap", i, diff[0], head_ok
        elif head_ok is None and not diff:
            yield "swap", i, 0, _head_proclitics(window[0], lang)
    for p in range(n):
        sub = toks[:p] + toks[p + 1 :]
        if sub[0] in _FUNCTION_WORDS or sub[-1] in _FUNCTION_WORDS:
            continue  # "of terrorism", "Department of": what is left is no name
        if p == 0 and (lang == "ar" or len(sub) < _MIN_TOKENS):
            continue  # without its (Arabic) head a name is a phrase many share (المعنية بغسل الأموال)
        for i in range(len(words) - n + 2):
            if words[i + 1 : i + n - 1] != sub[1:]:
                continue
            clitics = _first_word(words[i], sub[0], lang)
            if clitics is not None:
                yield "drop", i, p, clitics


def _first_word(word: str, expected: str, lang: str) -> str | None:
    """The proclitics ``word`` carries when it is ``expected`` (``""`` for none), else ``None``."""
    if word == expected:
        return ""
    if lang != "ar" or expected not in stems(word):
        return None
    if word.endswith(expected):
        return word[: len(word) - len(expected)]
    if expected.startswith("ال") and word.endswith(expected[1:]):
        return word[: len(word) - len(expected) + 1]  # ل + ال contracted: للأمين
    return ""


def _word(text: str, toks: list[str], p: int) -> str:
    """The term's ``p``-th word as the termbase writes it (``العربية``, not the folded ``العربيه``)."""
    raw = text.split()
    return raw[p] if len(raw) == len(toks) else toks[p]


def _close(found: str, expected: str, lang: str) -> bool:
    """``found`` may stand for ``expected`` in a two-word name: one letter off, or both entity
    heads (Council/Committee, مجلس/هيئة).  A word that is the other plus a final letter is
    another form of it (South African, جنوب أفريقي): only the Arabic feminine ending is a slip
    (``المبعوث الخاصة``, the adjective agreeing with no noun)."""
    if inflected(found, expected):
        return lang == "ar" and found == expected + "ه"
    if within_one_edit(found, expected):
        return True
    heads = BUILTIN_HEADS.get(lang, set())
    options = stems(found) if lang == "ar" else (found,)
    return expected in heads and any(o in heads for o in options)


def _same_shape(found: str, expected: str, lang: str) -> bool:
    """A last word that could stand in the name: in Arabic definite like the expected adjective
    (``العالمية`` for ``الدولية``), in English capitalized like the expected word (``Forum`` for
    ``Agency``, not ``met``)."""
    if lang == "ar":
        return expected.startswith("ال") and found.startswith("ال")
    return found[:1].isupper() == expected[:1].isupper() and found.lower() not in _FUNCTION_WORDS


def _head_proclitics(word: str, lang: str) -> str:
    """The proclitics on a changed first word that is an entity head (``ل`` in ``لهيئه``)."""
    heads = BUILTIN_HEADS.get(lang, set())
    for stem in stems(word)[1:] if lang == "ar" else ():
        if stem in heads:
            # the article is the name's own, not a proclitic (الأمانة for الأمينة: no اللأمينة)
            return (_first_word(word, stem, lang) or "").removesuffix("ال")
    return ""


def _lower_cased(found: str, name: str) -> bool:
    """A capitalized word of the English ``name`` written in lower case in ``found``: words that
    merely share the name's words (``United Nations development assistance frameworks``)."""
    capitals = {w.lower() for w in name.split() if w[:1].isupper()}
    return any(w[:1].islower() and w.lower() in capitals for w in found.split())


def _swapped_name(
    view: SideView, concept: Concept, words: list[str], spans: list[tuple[int, int]]
) -> NearMiss | None:
    """A person's name with the given name and the family name swapped (``فورونكوف فلاديمير``
    for ``فلاديمير فورونكوف``, ``Voronkov Vladimir``): the family name moved to the front."""
    for term in concept.terms_in(view.lang):
        toks = TOKEN.findall(fold_key(term.text))
        if term.is_acronym or not 2 <= len(toks) <= 4:
            continue
        turned = [toks[-1], *toks[:-1]]
        n = len(turned)
        for i in range(len(words) - n + 1):
            if words[i : i + n] != turned:
                continue
            start, end = view.folded.span(spans[i][0], spans[i + n - 1][1])
            return NearMiss(
                "order",
                view.lang,
                start,
                end,
                view.text[start:end],
                term.text,
                (concept.id,),
                ((view.text[start:end], term.text),),
            )
    return None
