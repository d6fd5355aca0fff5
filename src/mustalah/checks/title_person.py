"""GN005: a title beside a person the termbase knows, in the other gender (no honorific between)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..matching.types import TermMatch
from ..model import Finding
from ..termbase.model import Gender
from .apposition import appointing_in
from .base import Rule, SideView, UnitContext
from .honorific_scan import honorifics
from .title_first import COMMA_BETWEEN, apposed, construct_head, title_form

_GENDERS = (Gender.MASCULINE, Gender.FEMININE)
_WOMANS_POST = "; a woman's post is feminine in UN Arabic"


class TitlePersonGender(Rule):
    """A title in apposition to a person the termbase knows, in the other gender.

    What it catches:
        In Arabic, a gendered title beside the name of a person the termbase knows, with no
        honorific to say who is meant (GN001 reads those): after the name and a comma
        (``ميشيل باشليه، المدير التنفيذي``) or before the name where the title opens its clause
        (``وقال المفوضة السامية فولكر تورك``).  A construct head before the title gives the
        person's title (``نائبة الأمين العام أمينة محمد``).  A feminine title for a man is an
        error; a masculine title for a woman, which older UN Arabic kept, a warning.  Not read,
        as they may be another person: a title after the name without a comma (``هنّأ غوتيريش
        المديرة التنفيذية``: he congratulated her), one that opens the next item of a list
        (``غوتيريش، والمديرة التنفيذية``) or is followed by another name, one before the name
        after a verb that may take it as object, after a comma or a preposition, and one near a
        word of appointing (``عين الأمين العام، أنطونيو غوتيريش، المبعوثة الخاصة``).  Each title
        is reported once.
    Why it matters:
        UN Arabic gives titles the holder's gender (``المديرة التنفيذية``); a title of the wrong
        gender beside a known name is a slip of editing (a template reused for the next holder)
        that no honorific is there to expose.
    Example:
        en: Volker Türk, the High Commissioner for Human Rights, said
        ar: وقال فولكر تورك، المفوضة السامية لحقوق الإنسان
    Use instead:
        ar: وقال فولكر تورك، المفوض السامي لحقوق الإنسان
    Suppress:
        `mustalah: ignore GN005` in the unit's note.
    """

    code = "GN005"
    name = "title-person-gender"
    category = "gender"
    severity = "error"
    #: pre-filter (checks.prefilter): a person and a title, both with a gender
    needs = ("match:gendered",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            gendered = [m for m in view.matches if m.term.gender in _GENDERS]
            people = [m for m in gendered if _domain(ctx, m) == "people"]
            if not people:
                continue
            titles = [m for m in gendered if _domain(ctx, m) == "posts"]
            named = {h.end for h in honorifics(view)}
            reported: set[int] = set()
            for person in people:
                if any(0 <= person.start - end <= 1 for end in named):
                    continue  # السيدة ميشيل باشليه: GN001 reads the honorific, the name and the title
                for title in titles:
                    if title.start in reported:
                        continue  # one title between two men (تورك، المفوضة السامية فيليبو غراندي): once
                    finding = self._beside(ctx, view, person, title)
                    if finding is not None:
                        reported.add(title.start)
                        yield finding

    def _beside(
        self, ctx: UnitContext, view: SideView, person: TermMatch, title: TermMatch
    ) -> Finding | None:
        text = view.text
        head = construct_head(text, title.start)
        opens = head[0] if head is not None else title.start
        if appointing_in(view, max(0, min(opens, person.start) - _REACH), min(opens, person.start)):
            return None  # وقد عين الأمين العام، أنطونيو غوتيريش، المبعوثة الخاصة: the one appointed
        if opens >= person.end:
            if COMMA_BETWEEN.fullmatch(text, person.end, opens) is None or _another_item(text, opens, title):
                return None
        elif title.end <= person.start:
            if not apposed(view, opens, title.end, person.start, title.clitics, head is not None):
                return None
        else:
            return None
        gender = head[1] if head is not None else Gender(title.term.gender or "masculine")
        if person.term.gender is None or gender is Gender(person.term.gender):
            return None
        who = Gender(person.term.gender)
        woman = who is Gender.FEMININE
        suggestion = title_form(ctx, title, who) if head is None else None
        return self.finding(
            ctx,
            view,
            opens,
            title.end,
            f"'{text[opens : title.end]}' ({title.concept_id}) is {gender.value} but "
            f"'{person.surface}' ({person.concept_id}) beside it is {who.value}"
            + (_WOMANS_POST if woman else ""),
            concept=title.concept_id,
            suggestion=suggestion,
            severity="warning" if woman else None,
        )


#: How far back a word of appointing is looked for before the person and the title.
_REACH = 60
#: What may follow a title in apposition after a name, up to the next mark: its complement,
#: words with ل or the article (``لحقوق الإنسان``, ``لبرنامج الأغذية العالمي``), at most three.
_COMPLEMENT = re.compile(r"(?:\s+(?:ل|ال)[\u0621-\u064a\u064b-\u0652]*){0,3}\s*(?:[،,.؛;:)(\-–]|$)")


def _another_item(text: str, opens: int, title: TermMatch) -> bool:
    """Whether the title after ``NAME،`` is not that name's apposition: it opens the next item of a
    list (``غوتيريش، والمديرة التنفيذية غادة والي``) or another name follows it (``تورك، المديرة
    التنفيذية لليونيسف كاثرين راسل``)."""
    if text[opens : opens + 1] in ("و", "ف") and title.clitics[:1] in ("و", "ف"):
        return True
    return _COMPLEMENT.match(text, title.end) is None


def _domain(ctx: UnitContext, match: TermMatch) -> str | None:
    concept = ctx.termbase.get(match.concept_id)
    return concept.domain if concept is not None else None
