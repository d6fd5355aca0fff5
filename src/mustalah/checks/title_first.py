"""A title put before the honorific and name it belongs to (``الممثلة الخاصة للأمين العام، السيدة
…``), for GN001: UN Arabic names a person by title first as often as by name first.

The title and the honorific are one person when nothing but a comma stands between them, or only
white space and the title opens its clause (the text's start, a mark other than a comma, or a verb
whose subject is the next word: ``وقال المفوض السامي السيد …``) or carries و or ف (``ووكيلة الأمين
العام السيدة …``).  Not after any other word: ``استقبل الأمين العام السيدة …`` is "the
Secretary-General received Ms …" and ``نيابة عن الأمين العام السيدة …`` "on behalf of the
Secretary-General, Ms …", two people; nor after a comma, which closes the apposition of the person
named before it (``السيد فولكر تورك، المفوض السامي، السيدة أمينة محمد``), after a word of appointing
(``عيّن الأمين العام، السيدة …``) or after a verb with the person as its object (``التي عينها``).  A
construct head before the title (``نائب الممثلة الخاصة``) gives the person's title and gender, and
only with a comma after it: ``ممثلةً الأمين التنفيذي السيد بدر`` names the Executive Secretary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

from ..matching.types import TermMatch
from ..model import Finding
from ..termbase.model import Gender
from ..text.arabic import attach_clitics
from .apposition import appoints
from .base import Rule, SideView, UnitContext

#: Between a title and the honorific in apposition to it: a comma (spaces around it), or spaces.
COMMA_BETWEEN = re.compile(r"\s*[،,]\s*")
_SPACE_BETWEEN = re.compile(r"\s+")
#: What may stand right before a title that opens its clause, when no comma follows the title.
_OPENS_CLAUSE = re.compile(
    r"(?:^|[.؛;:(\"“”«»\-–]|(?<![\u0621-\u064a])[وف]?(?:قال|أضاف|أكد|أشار|أعرب|صرح|شدد|أوضح)ت?)\s*$"
)
#: A comma right before the title: it closes the apposition of the person named before it
#: (``السيد فولكر تورك، المفوض السامي، السيدة أمينة محمد``), not one of the person after it.
_AFTER_COMMA = re.compile(r"[،,]\s*$")
#: How far before the honorific a title may end (a comma and spaces).
_GAP = 4
#: A verb with the person as its object right before a title (``عيّنها``, ``استقبله``): the title
#: is the verb's subject, another person (``الخبيرة التي عينها الأمين العام، السيدة غراسا ماشيل``).
OBJECT_PRONOUN = re.compile(
    r"(?<![\u0621-\u064a])(?!ال)[\u0621-\u064a\u064b-\u0652]{2,}(?:ها|ه|هم)[\u064b-\u0652]*\s+$"
)
#: A preposition with a pronoun (``فيهم``, ``منها``): what OBJECT_PRONOUN finds, but no verb.
_PREPOSITION_PRONOUNS = frozenset(
    p + q
    for p in ("في", "من", "ل", "على", "عن", "إلى", "مع", "لدى", "بين", "عند", "ب")
    for q in ("ه", "ها", "هم", "هن", "هما")
) | {"عليه", "عليها", "عليهم", "إليه", "إليها", "إليهم", "لديه", "لديها", "لديهم"}
#: Honorifics of a vocative or a list of people (``سيدي الرئيس، السيدات والسادة``): no one person.
_PLURAL = ("السيدات", "السادة")


#: Indefinite nouns that head a title in construct with another (``مساعدة وزير الخارجية``, Assistant
#: Secretary of State; ``نائب مساعد وزير الخارجية``): the person's title is the head's, its gender the
#: head's (ة: feminine).
CONSTRUCT_HEADS = frozenset(
    w + end
    for w in (
        "مساعد", "نائب", "مستشار", "ممثل", "مبعوث", "مدير", "منسق", "وكيل", "كبير", "مقرر", "سكرتير",
        "مسؤول", "قائد", "ملحق",
    )
    for end in ("", "ة")
)  # fmt: skip
_AR_WORD_BEFORE = re.compile(r"([\u0621-\u064a\u064b-\u0652\u0640]+)\s+$")


def construct_head(text: str, start: int) -> tuple[int, Gender] | None:
    """Where the construct heads right before a title match begin, and the outermost head's gender
    (``نائب مساعد وزير الخارجية`` → نائب, masculine), or ``None`` when no head stands there."""
    at, head = start, None
    for _ in range(3):
        m = _AR_WORD_BEFORE.search(text, max(0, at - 20), at)
        if m is None:
            break
        word = re.sub("[\u064b-\u0652\u0640]", "", m.group(1))
        bare = word[1:] if word[:1] in "وف" and word[1:] in CONSTRUCT_HEADS else word
        if bare not in CONSTRUCT_HEADS:
            break
        at, head = m.start(1), bare
    if head is None:
        return None
    return at, Gender.FEMININE if head.endswith("ة") else Gender.MASCULINE


class Titled(Protocol):
    """An honorific as GN001 reads it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def clitics(self) -> str: ...
    @property
    def gender(self) -> Gender | None: ...


H = TypeVar("H", bound=Titled)


def titles_first(view: SideView, honorifics: Sequence[H]) -> Iterator[tuple[H, TermMatch, int, Gender]]:
    """Each honorific with the gendered title in apposition right before it: the honorific, the
    title's match, where the title opens (its construct head, if any) and the person's gender the
    title gives (the head's, if any)."""
    text = view.text
    for h in honorifics:
        if h.clitics or h.gender not in (Gender.MASCULINE, Gender.FEMININE):
            continue  # بالسيدة، للسيد: governed by a preposition, not in apposition
        if view.text.startswith(_PLURAL, h.start):
            continue
        for m in view.matches:
            gender = m.term.gender
            if m.end > h.start or h.start - m.end > _GAP or gender not in (Gender.MASCULINE, Gender.FEMININE):
                continue
            head = construct_head(text, m.start)
            opens = head[0] if head is not None else m.start
            if apposed(view, opens, m.end, h.start, m.clitics, head is not None):
                yield h, m, opens, head[1] if head is not None else Gender(gender)
            break


def apposed(view: SideView, opens: int, title_end: int, start: int, clitics: str, headed: bool) -> bool:
    """Whether the title from ``opens`` (its construct head when ``headed``) to ``title_end`` is in
    apposition to the name or honorific at ``start``, which it stands right before."""
    text = view.text
    comma = COMMA_BETWEEN.fullmatch(text, title_end, start) is not None
    if not comma and _SPACE_BETWEEN.fullmatch(text, title_end, start) is None:
        return False
    if headed and not comma:
        return False  # ممثلة الأمين التنفيذي السيد بدر: the name may be the head's or the genitive's
    if _AFTER_COMMA.search(text, max(0, opens - 4), opens):
        return False
    opener = _OPENS_CLAUSE.search(text, max(0, opens - 12), opens) is not None
    pronoun = OBJECT_PRONOUN.search(text, max(0, opens - 24), opens)
    if pronoun is not None and pronoun.group().strip() in _PREPOSITION_PRONOUNS:
        pronoun = None  # بمن فيهم الممثلة الخاصة: a preposition's pronoun, no verb's object
    if appoints(view, opens) or (not opener and pronoun is not None):
        return False  # عيّن الأمين العام، التي عينها الأمين العام: who appoints, not the one appointed
    clitic = text[opens] in "وف" if headed else clitics[:1] in ("و", "ف")
    return comma or clitic or opener


def title_form(ctx: UnitContext, title: TermMatch, gender: Gender) -> str | None:
    """The title's Arabic form in ``gender``, with its proclitics, or None when the termbase has none."""
    concept = ctx.termbase.get(title.concept_id)
    form = concept.preferred("ar", gender=gender) if concept is not None else None
    return attach_clitics(title.clitics, form.text) if form is not None and form.gender is gender else None


def title_fix(
    rule: Rule,
    ctx: UnitContext,
    view: SideView,
    title: TermMatch,
    h: Titled,
    honorifics: Callable[[SideView], Iterable[Titled]],
    person: str | None = None,
) -> Finding | None:
    """GN001's finding on the title, with its form in the honorific's gender, when a second witness
    agrees with the honorific: the source names one person, with an honorific of that gender
    (``Mr. Gaye, Special Representative`` = ``السيد غاي، الممثلة الخاصة``), or ``person``, a
    person the termbase knows of that gender, stands between them (``السيد فولكر تورك، المفوضة
    السامية``).  The title is the slip then, not the honorific.  A woman's masculine title is a
    warning, as GN001 says of it everywhere.  None otherwise."""
    said = [s.gender for s in honorifics(ctx.source)] if view is ctx.target else []
    if h.gender is None or (said != [h.gender] and person is None):
        return None
    form = title_form(ctx, title, h.gender)
    if form is None:
        return None
    witness = f"'{person}' (the termbase's)" if person is not None else "here and in the source"
    return rule.finding(
        ctx,
        view,
        title.start,
        title.end,
        f"'{title.surface}' ({title.concept_id}) is {title.term.gender} but the person, "
        f"'{view.text[h.start : h.end]}' {witness}, is {h.gender.value}"
        + ("; a woman's post is feminine in UN Arabic" if h.gender is Gender.FEMININE else ""),
        concept=title.concept_id,
        suggestion=form,
        severity="warning" if h.gender is Gender.FEMININE else None,
    )


def title_first_mismatch(
    rule: Rule,
    ctx: UnitContext,
    view: SideView,
    h: Titled,
    title: tuple[int, int],
    gender: Gender,
    concept: str,
) -> Finding:
    """GN001's finding on a title before the honorific in apposition whose gender it does not
    have: either word may be the slip, so the finding covers both and suggests neither."""
    honorific = view.text[h.start : h.end]
    what = view.text[title[0] : title[1]]
    woman = gender is Gender.MASCULINE
    return rule.finding(
        ctx,
        view,
        title[0],
        h.end,
        f"'{honorific}' is {h.gender.value if h.gender else '?'} but the title before it, '{what}' "
        f"({concept}), is {gender.value}"
        + (
            "; a woman's post is feminine in UN Arabic, or the honorific is wrong"
            if woman
            else ": one of the two is wrong"
        ),
        concept=concept,
        severity="warning" if woman else None,
    )
