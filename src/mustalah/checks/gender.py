"""Gender rules: honorific vs title and person, and honorific gender across languages."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding, Severity
from ..termbase.model import Gender
from ..text.arabic import gendered
from .base import Rule, SideView, UnitContext
from .honorific_scan import Honorific, honorifics
from .policy import is_person
from .title_first import (
    CONSTRUCT_HEADS,
    OBJECT_PRONOUN,
    construct_head,
    title_first_mismatch,
    title_fix,
    titles_first,
)
from .title_owner import NAME_RUN, met_before, titles_next_person

#: Where the search for an honorific's title stops: a semicolon, the full stop ending an Arabic
#: sentence (after a word, a closing parenthesis, or a year: ``2007. وقد``), or the next honorific.
_STOP = re.compile(
    r"[؛;]|(?<=[\u0621-\u064a)]{2})\.\s|(?<=\d)\.\s(?=\s*[\u0621-\u064a])|\s(?:و?السيدة?|Mr\.?|Ms\.?|Mrs\.?)\s"
)
_MAX_WINDOW = 90  # characters after the honorific within which its name and title stand


#: A verb in the feminine perfect right before a title, after her name (``أطلعت``, ``التقت``): she
#: is its subject, and the title its object, another person.
_HER_VERB = re.compile(r"[\u0621-\u064a]\s+(?!ال)[\u0621-\u064a\u064b-\u0652]{2,}ت[\u064b-\u0652]*\s+$")


#: Between an honorific and a title, a style of address (``فخامة الرئيس``, ``معالي الوزير``) or an
#: agent (``من قبل أنطونيو غوتيريش الأمين العام``, "by …"): the title is that other person's.
#: "the post of": the title after it names the post, in the masculine as UN Arabic names posts
#: (``لشغل منصب المدير العام``), not the title of the woman who holds it.
_POST_OF = re.compile(r"(?:منصب|وظيفة)\s+$")
_ANOTHER_PERSON = re.compile(r"(?:^|\s)و?(?:فخامة|معالي|سعادة|سمو|من قبل|من جانب)\s")
#: A preposition word right before a title (``التقت الدكتورة كانيم مع رئيس الوزراء``): its object.
_PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:مع|إلى|الى|على|عن|من|لدى|عند|بين|ضد|نحو)\s+$")


def _names_another_person(ctx: UnitContext, view: SideView, h: Honorific, start: int, concept: str) -> bool:
    """A person the termbase knows, named after the honorific but past a comma or more than four
    words (``رئيسة وزراء بنغلاديش الشيخة حسينة، قال غوتيريش``): another person, the subject of the
    next clause; the honorific names someone the termbase lacks."""
    known = ctx.termbase.get(concept)
    if known is None or known.domain != "people":
        return False
    return NAME_RUN.fullmatch(view.text, h.end, start) is None


def _joined_by_wa(text: str, after: int, opens: int, clitics: str, headed: bool) -> bool:
    """A title joined by و right after the honorific's name, with no comma (``الأمينة التنفيذية
    للإسكوا الدكتورة رولا دشتي والمدير العام للوكالة فرانشيسكو لا كاميرا``): the next item of a
    list, another person; a person's own title after her name follows a comma."""
    if headed:  # ونائبة الأمينة التنفيذية: the و is on the construct head
        word = re.sub("[\u064b-\u0652\u0640]", "", text[opens : opens + 20].split(" ", 1)[0])
        joined = word[:1] == "و" and word[1:] in CONSTRUCT_HEADS
    else:
        joined = clitics.startswith("و")
    return joined and NAME_RUN.fullmatch(text, after, opens) is not None


def _governed(title_clitics: str, honorific_clitics: str) -> bool:
    """A title after a person's name that carries a preposition (ب، ل) the honorific lacks
    (``التقت الدكتورة كانيم برئيس الوزراء``, "met with the Prime Minister") is the object of that
    preposition, another person; an apposition repeats the honorific's preposition or has none.
    ك is "as" (``تحدث السيد كانيم كمديرة تنفيذية``): the title is the person's own."""
    prepositions = {c for c in title_clitics if c in "بل"}
    return bool(prepositions) and not prepositions <= set(honorific_clitics)


def _introduces(text: str, end: int, following: Honorific) -> bool:
    """A title followed, within its phrase, by a comma and the next honorific with no و before it
    (``الأمينة العامة المقبلة للاتحاد، السيدة دورين``; ``ووزيرة الثقافة، السيدة خاليدة``): in apposition
    to that next person.  With و (``…، المدير التنفيذي، والسيدة …``) a list of people and their titles."""
    between = text[end : following.start]
    return (
        len(between) <= 50
        and not following.clitics.startswith("و")
        and re.fullmatch(r"[^.،,؛;:]*[،,]\s*", between) is not None
    )


def _opens_next_person(text: str, start: int, end: int, following: Honorific) -> bool:
    """A title that opens a new item of a list, after a comma or with و, and runs on with no
    punctuation into the next honorific (``…الدكتور عبدالله الدردري، ونائبة الأمينة التنفيذية لدعم
    البرامج الدكتورة خولة مطر``): the title of the person that honorific names, put before it."""
    between = text[end : following.start]
    if len(between) > 50 or following.clitics.startswith("و") or re.search(r"[.،,؛;:()]", between):
        return False
    before = text[max(0, start - 3) : start].rstrip()
    return text[start : start + 1] == "و" or before.endswith(("،", ","))


class HonorificTitleGender(Rule):
    """An honorific whose gender disagrees with the person's title or name.

    What it catches:
        ``السيد`` / ``Mr.`` before a person whose title after the name is feminine
        (``نائبة المدير التنفيذي``) or whom the termbase knows as a woman, and the
        reverse.  Title genders come from the termbase's gender forms; honorifics
        are language data (السيد/السيدة, السفير/السفيرة, الدكتور/الدكتورة …).  A
        title right after a verb with the person as its object (``وهي خبير مستقل
        عيّنها الأمين العام``, "whom the Secretary-General appointed") is that verb's
        subject, another person, and ends the search; so does a title followed by a
        comma and the next honorific (``ووزيرة الثقافة، السيدة خاليدة تومي``: that
        person's title).  A title in construct after a head (``السفيرة …، مساعدة
        وزير الخارجية``) is the head's: its gender is the head's.  A title with a preposition
        the honorific lacks (``التقت الدكتورة كانيم برئيس الوزراء``, "met with the Prime
        Minister", or ``مع رئيس الوزراء``) is that preposition's object, another person, and
        so is a title right after her verb (``السيدة كازين أطلعت الرئيس``, "briefed the
        President").  A style of address (``فخامة الرئيس``, ``معالي الوزير``) or an agent
        (``من قبل أنطونيو غوتيريش الأمين العام``) before the title, or a full stop ending
        the sentence, marks another person's title.  A person the termbase knows, named past a
        comma or more than four words after the honorific (``الشيخة حسينة، قال غوتيريش``), is
        the next clause's subject, not the person the honorific names; a title joined by و
        right after the name, with no comma (``الدكتورة رولا دشتي والمدير العام للوكالة``),
        opens the next item of a list, another person's.  A masculine title after ``منصب`` or
        ``وظيفة`` ("the post of": ``اختار الدكتورة مارغريت تشان لشغل منصب المدير العام``) names
        the post, as UN Arabic names posts, not her title.  A feminine honorific before a masculine
        post is a warning with no suggestion: Arabic often gives a woman's post in the masculine
        (``السفيرة صفية السهيل، المندوب الدائم``), and the honorific is most often right.  When a
        second witness agrees with the honorific — the English names one person, with that
        gender's honorific, or a person the termbase knows of that gender stands between
        (``السيد فولكر تورك، المفوضة السامية``) — the title is the slip: the finding is on the
        title, with its form in the person's gender.  A title put before the honorific in
        apposition (``وقال الممثلة الخاصة السيد …``; ``…، السيد``) is read too, when only a
        comma stands between them or the title opens its clause; not a title after a comma (it
        closes the apposition of the person before it), after a preposition (``نيابة عن الأمين
        العام السيدة …``) or after a verb that may take the honorific's person as object.
    Why it matters:
        Addressing a woman as السيد is an error every reader notices; it also
        breaks the agreement UN Arabic requires between honorific and title.
    Example:
        en: Ms. Violanda Botet, Deputy Executive Director
        ar: والسيد فيوليندا بوتيت، نائبة المدير التنفيذي
    Use instead:
        ar: والسيدة فيوليندا بوتيت، نائبة المدير التنفيذي
    Suppress:
        `mustalah: ignore GN001` in the unit's note.
    """

    code = "GN001"
    name = "honorific-gender"
    category = "gender"
    severity = "error"
    #: pre-filter (checks.prefilter): an honorific before a gendered title match
    needs = ("match:gendered", "honorific")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            hons = honorifics(view)
            reported: set[int] = set()
            for i, h in enumerate(hons):
                limit = hons[i + 1].start if i + 1 < len(hons) else len(view.text)
                stop = _STOP.search(view.text, h.end)
                if stop is not None:
                    limit = min(limit, stop.start())
                limit = min(limit, h.end + _MAX_WINDOW)
                following = hons[i + 1] if i + 1 < len(hons) else None
                person: str | None = None  # a person the termbase knows, agreeing, before the title
                for m in view.matches:
                    if m.start < h.end or m.start >= limit or m.term.gender is None:
                        continue
                    if m.term.gender not in (Gender.MASCULINE, Gender.FEMININE):
                        continue
                    if _names_another_person(ctx, view, h, m.start, m.concept_id):
                        break  # الشيخة حسينة، قال غوتيريش: the next clause's subject, not the person she is
                    if view.lang == "ar" and OBJECT_PRONOUN.search(view.text, max(0, m.start - 24), m.start):
                        break  # خبير مستقل عيّنها الأمين العام: who "appointed her", not her title
                    if (
                        view.lang == "ar"
                        and h.gender is Gender.FEMININE
                        and _HER_VERB.search(view.text, max(0, m.start - 24), m.start)
                    ):
                        break  # السيدة كازين أطلعت الرئيس المصري: "she briefed the President", his title
                    if view.lang == "ar" and met_before(view.text, h.start, h.end, m.start):
                        break  # التقت … السيدة جينين هينيس-بلاسخارت رئيس بعثة اليونيفيل: whom she met
                    if view.lang == "ar" and (
                        _governed(m.clitics, h.clitics)
                        or _PREPOSITION_BEFORE.search(view.text, max(0, m.start - 12), m.start)
                    ):
                        break  # الدكتورة كانيم برئيس الوزراء: "met with the Prime Minister", another person
                    if (
                        view.lang == "ar"
                        and m.term.gender == Gender.MASCULINE
                        and _POST_OF.search(view.text, max(0, m.start - 12), m.start)
                    ):
                        break  # الدكتورة تشان … لشغل منصب المدير العام: the post's name, not her title
                    if view.lang == "ar" and _ANOTHER_PERSON.search(view.text, h.end, m.start):
                        break  # التقت الدكتورة حنان … فخامة الرئيس: the President's title, not hers
                    if following is not None and _introduces(view.text, m.end, following):
                        break  # وزير الزراعة، السيد …، ووزيرة الثقافة، السيدة …: the next person's title
                    what, gender = m.term.text, Gender(m.term.gender)
                    head = construct_head(view.text, m.start) if view.lang == "ar" else None
                    opens = head[0] if head is not None else m.start
                    if (
                        following is not None
                        and view.lang == "ar"
                        and _opens_next_person(view.text, opens, m.end, following)
                    ):
                        break  # …، ونائبة الأمينة التنفيذية … الدكتورة خولة: the next person's title
                    headed = head is not None
                    if view.lang == "ar" and _joined_by_wa(view.text, h.end, opens, m.clitics, headed):
                        break  # الدكتورة رولا دشتي والمدير العام للوكالة فرانشيسكو: the list's next item
                    if head is not None:  # مساعدة وزير الخارجية: her title is the head's, not the Minister's
                        what, gender = view.text[head[0] : m.end], head[1]
                    if following and titles_next_person(view.text, h.end, opens, m.end, following, gender):
                        break  # … بما في ذلك نائب المدير العام … السيد عباس: his title, before his name
                    if gender is not h.gender:
                        reported.add(h.start)
                        fix = title_fix(self, ctx, view, m, h, honorifics, person) if head is None else None
                        yield fix or self._mismatch(ctx, view, h, what, gender, m.concept_id)
                    elif is_person(ctx.termbase, m.concept_id):
                        person = m.surface
                        continue  # السيدة غادة والي، المدير التنفيذي: her name agrees; her title is next
                    break
            for h, title, opens, gender in titles_first(view, hons):
                if gender is not h.gender and h.start not in reported:
                    fix = title_fix(self, ctx, view, title, h, honorifics) if opens == title.start else None
                    span = (opens, title.end)
                    yield fix or title_first_mismatch(self, ctx, view, h, span, gender, title.concept_id)

    def _mismatch(
        self, ctx: UnitContext, view: SideView, h: Honorific, what: str, gender: Gender, concept: str
    ) -> Finding:
        # A woman with a masculine title is sometimes kept in older UN Arabic: a warning, not an error,
        # and the honorific is most often right (السفيرة صفية السهيل، المندوب الدائم): the title is
        # what a reviser would make feminine, so no masculine honorific is suggested.
        # (a man the termbase knows after a feminine honorific: the honorific is wrong)
        woman_with_masculine_post = (
            gender is Gender.MASCULINE and view.lang == "ar" and not is_person(ctx.termbase, concept)
        )
        suggestion: str | None
        if woman_with_masculine_post:
            suggestion = None
        elif view.lang == "ar":
            suggestion = h.clitics + gendered(h.word, gender)
        else:
            suggestion = "Ms." if gender is Gender.FEMININE else "Mr."
        severity: Severity | None = "warning" if woman_with_masculine_post else None
        return self.finding(
            ctx,
            view,
            h.start,
            h.end,
            f"'{view.text[h.start : h.end]}' is {h.gender.value if h.gender else '?'} but '{what}' "
            f"({concept}) is {gender.value}"
            + (_WOMANS_POST if woman_with_masculine_post else ""),
            concept=concept,
            suggestion=suggestion,
            severity=severity,
        )


_WOMANS_POST = "; a woman's post is feminine in UN Arabic, or the honorific is wrong"

#: The Arabic honorifics of the Mr./Ms. kind, the ones English marks with a gendered honorific.
_MR_MS_AR = frozenset({"السيد", "السيدة", "الآنسة", "السيدات"})


class HonorificSourceGender(Rule):
    """The target's honorific has another gender than the source's.

    What it catches:
        Honorifics taken in order: ``Ms.`` in the source rendered ``السيد`` in the
        target, or ``Mr.`` rendered ``السيدة``.  An Arabic title that reads as an
        honorific (``السفير``, ``الدكتورة``) where the English has none of gender
        ("Ambassador", "Dr.") is left out of the count, and so is a ``السيد`` right
        after it (``بالسفير السيد سميث``); a mismatch found so is a warning.
    Why it matters:
        The source says who the person is; the translation must not change it.
    Example:
        en: Ms. Ghada Fathi Waly
        ar: السيد غادة فتحي والي
    Use instead:
        ar: السيدة غادة فتحي والي
    Suppress:
        `mustalah: ignore GN002` in the unit's note.
    """

    code = "GN002"
    name = "honorific-source-gender"
    category = "gender"
    severity = "error"
    #: pre-filter (checks.prefilter): an honorific on each side
    needs = ("source:honorific", "target:honorific")
    scope = "bilingual"
    #: the honorific GN001 finds against the person's title or name: one finding, naming both facts
    yields_to = ("GN001",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None:
            return
        src = honorifics(ctx.source)
        tgt = honorifics(ctx.target)
        filtered = ctx.target.lang == "ar" and len(src) != len(tgt)
        if filtered:
            # Arabic titles read as honorifics (السفير، الدكتورة) whose English is no gendered
            # honorific ("Ambassador", "Dr."): compare the Mr./Ms. kind alone, but not one right
            # after such a title (بالسفير السيد سميث: UN Arabic adds السيد after a post)
            titles = [t for t in tgt if t.word not in _MR_MS_AR]
            tgt = tuple(
                t
                for t in tgt
                if t.word in _MR_MS_AR and not any(0 <= t.start - b.end <= 1 for b in titles)
            )
        if not src or len(src) != len(tgt):
            return
        for s, t in zip(src, tgt, strict=True):
            if s.gender is not None and t.gender is not None and s.gender is not t.gender:
                yield self.finding(
                    ctx,
                    ctx.target,
                    t.start,
                    t.end,
                    f"the source has '{s.word}' ({s.gender.value}); the target has "
                    f"'{ctx.target.text[t.start : t.end]}' ({t.gender.value})",
                    suggestion=t.clitics + gendered(t.word, s.gender) if ctx.target.lang == "ar" else None,
                    # paired once the titles are set aside: likely, not certain
                    severity="warning" if filtered else None,
                )
