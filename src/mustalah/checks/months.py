"""Month rules: the months of dates agree across languages (NU002), and a UN month pair's two
halves name one month (NU003).  Months are read by ``text/dates.py``: the UN pair
(``كانون الأول/ديسمبر``), the single Gregorian or Levantine name, and English names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Finding
from ..text.dates import (
    EN_MONTH_NAMES,
    EN_MONTHS,
    LEVANTINE_AR,
    ONE_WORD_MONTHS,
    UN_PAIRS,
    MonthMention,
    in_a_date,
)
from ..text.typos import typo_correction
from .base import Rule, SideView, UnitContext
from .number_dates import months_in_figures
from .number_runs import DIGITS
from .spelling import arabic_words
from .textcache import month_mentions


class MonthMismatch(Rule):
    """A month in a date that the other language gives as another month or omits.

    What it catches:
        English month names and Arabic month names — the UN pair
        (``كانون الأول/ديسمبر``, ``حزيران/يونيه``, ``تموز/يوليه``), the single
        Gregorian name (``ديسمبر``, ``يونيو``/``يونيه``) or the Levantine name —
        compared by month number; an English month abbreviated without its point
        is read after a day (a table's ``22 Oct 14``).  A month next to a number
        (a date) must appear on the other side.  Another month in its place there (as many missing on
        each side) is one finding on the target, an error; a month the other side
        just lacks is a warning, since the date may be written another way there
        (``15/3/2021``, ``منتصف الشهر``).  When both sides give the same months, one
        said once more on one side is restated, not new (``March 4 and 5`` =
        ``يوم 4 مارس ويوم 5 مارس``).  A source date the target leaves out whole
        (``Wednesday 30 October 2019`` = ``اليوم``), or a date the target adds where
        the source names no other month (``resolutions 69/20 and 69/21`` = ``… المؤرخين
        25 تشرين الثاني/نوفمبر 2014``), is one finding on the date, its day and year
        included (NU001's findings on them fold into it).
    Why it matters:
        ``8 December`` rendered as ``8 تشرين الثاني/نوفمبر`` is a wrong date; the
        month pairs make such slips easy (كانون الأول is December, كانون الثاني
        January).
    Example:
        en: New York, 15 March 2021
        ar: نيويورك، 15 نيسان/أبريل 2021
    Use instead:
        ar: نيويورك، 15 آذار/مارس 2021
    Suppress:
        `mustalah: ignore NU002` in the unit's note.
    """

    code = "NU002"
    name = "month-mismatch"
    category = "number"
    severity = "warning"
    #: pre-filter (checks.prefilter): a dated month: a month name and a number beside it, or an
    #: Arabic month pair (with '/')
    needs = ("digit|ar:slash", "month")
    scope = "bilingual"
    #: ``December`` in the source, ``تشرين الثاني/نوفمبر`` in its place: one slip, reported once
    pairs_sides = True

    def paired(self, source: Finding, target: Finding) -> Finding:
        """The other side has another month in this one's place: unambiguous, an error."""
        month = _month_of(source)
        if month is None:
            right = None
        else:
            right = UN_PAIRS[month] if target.lang == "ar" else EN_MONTH_NAMES.get(month)
        shown = next((m for m in month_mentions(target.text, target.lang)), None)
        said = target.text[shown.start : shown.end] if shown is not None else target.text
        if _RESTATED in target.message:  # the source names this month too, once less
            message = f"month {said} is said once more than in the source, which has "
            message += f"{source.text} in its place"
        else:
            message = f"month {said} is not in the source, which has {source.text} instead"
        if right is not None and said != target.text:  # a whole date's span: its day and year stay
            right = target.text.replace(said, right)
        return replace(target, severity="error", message=message, suggestion=right)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None:
            return
        if ctx.target.text.strip() == ctx.source.text.strip():
            return  # a date line left untranslated ("6 February 2015" in the Arabic): UT002 says so
        src_months = month_mentions(ctx.source.text, ctx.source.lang)
        tgt_months = month_mentions(ctx.target.text, ctx.target.lang)
        # a citation kept in English in the Arabic ("Fars News Agency, 3 March 2015"): its Latin
        # months count for the other side, never reported themselves
        # … and so do the months of dates written in figures (25/9/2023 = 25 September 2023)
        src_latin = (*_latin_months(ctx.source.text, ctx.source.lang), *_in_figures(ctx.source.text))
        tgt_latin = (*_latin_months(ctx.target.text, ctx.target.lang), *_in_figures(ctx.target.text))
        # … and so do the Arabic month names mistyped (``ديسبر``): SP007 reports the word itself
        src_latin += _mistyped_months(ctx, ctx.source)
        tgt_latin += _mistyped_months(ctx, ctx.target)
        # a pair whose halves name two months stands for the one the other side lacks (``كانون
        # الأول/يناير`` beside "December … January"): NU003 reports the pair, and no right date is
        # made to pay for it
        tgt_months = _resolve_wrong_pairs(tgt_months, (*src_months, *src_latin))
        src_months = _resolve_wrong_pairs(src_months, (*tgt_months, *tgt_latin))
        for here, where, mine, other, latin in (
            (ctx.source, "the target", src_months, tgt_months, tgt_latin),
            (ctx.target, "the source", tgt_months, src_months, src_latin),
        ):
            if not any(m.dated for m in mine):
                continue  # only a dated month is reported
            theirs = Counter(m.month for m in (*other, *latin))
            # every month of the other side stands here too: a month here said once more than there
            # is the same month restated ("March 4 and 5" = يوم 4 مارس ويوم 5 مارس), or given once
            same_months = set(theirs) <= {m.month for m in mine}
            # a target date is taken whole only when it stands in no source month's place
            added = here is ctx.target and {o.month for o in other if o.dated} <= {o.month for o in mine}
            other_side = ctx.target.text if here is ctx.source else ctx.source.text if added else ""
            seen: Counter[int] = Counter()
            for m in mine:
                if not m.dated:
                    continue
                seen[m.month] += 1
                if seen[m.month] <= theirs.get(m.month, 0) or (same_months and theirs.get(m.month, 0)):
                    continue
                start, end = _whole_date(here.text, m.start, m.end, other_side)
                date = here.text[start:end]
                whole = "" if (start, end) == (m.start, m.end) else f": the date '{date}' is " + (
                    "left out" if here is ctx.source else "added"
                )
                said = theirs.get(m.month, 0)
                fewer = f" {_RESTATED} {seen[m.month]} times, {where} {said}" if said else ""
                month_text = here.text[m.start : m.end]
                fix = date.replace(month_text, UN_PAIRS[m.month]) if here.lang == "ar" else None
                yield self.finding(
                    ctx,
                    here,
                    start,
                    end,
                    f"month {month_text} ({m.month}) is not in {where}" + (fewer or whole),
                    # a whole date's span keeps its day and year: only its month is written the UN way
                    # (a month already in its UN form has nothing to fix)
                    suggestion=fix if fix != date else None,
                )


#: the message of a month said more often than the other side says it
_RESTATED = "as often: said here"
_DAY_BEFORE = re.compile(r"(?<![0-9])([0-9]{1,2})\s+$")
_YEAR_AFTER = re.compile(r",?\s+((?:19|20)[0-9]{2})(?![0-9])")


def _whole_date(text: str, start: int, end: int, other: str) -> tuple[int, int]:
    """The span of a date whose month the other side lacks, with its day and year when the other
    side lacks them too: a source date left out (``Wednesday 30 October 2019`` = ``اليوم``,
    "today") or a date the target adds (``resolutions 69/20 and 69/21`` = ``القرارين 69/20 و 69/21
    المؤرخين 25 تشرين الثاني/نوفمبر 2014``) is one finding — NU001's findings on its day and year
    fold into it."""
    if not other:
        return start, end
    values = {int(d) for d in re.findall(r"[0-9]+", other.translate(DIGITS))}
    day = _DAY_BEFORE.search(text, max(0, start - 4), start)
    year = _YEAR_AFTER.match(text, end)
    if day is not None and int(day.group(1)) not in values:
        start = day.start(1)
    if year is not None and int(year.group(1)) not in values:
        end = year.end(1)
    return start, end


def _latin_months(text: str, lang: str) -> tuple[MonthMention, ...]:
    """English month names in a non-English text (a citation kept in its own language)."""
    if lang.split("-")[0] == "en" or not re.search(r"[A-Z][a-z]", text):
        return ()
    return month_mentions(text, "en")


def _in_figures(text: str) -> tuple[MonthMention, ...]:
    """The months of the dates ``text`` writes in figures, as mentions of the other side's months."""
    return tuple(MonthMention(month, 0, 0, "numeric", True) for month in months_in_figures(text))


def _resolve_wrong_pairs(
    mine: Sequence[MonthMention], theirs: Sequence[MonthMention]
) -> tuple[MonthMention, ...]:
    """``mine`` with each pair whose halves disagree read as the month of its Levantine half when
    the other side needs that month and not the Gregorian one, once the pairs that agree are counted."""
    if all(m.pair_ok for m in mine):
        return tuple(mine)
    wanted = Counter(m.month for m in theirs)
    wanted.subtract(m.month for m in mine if m.pair_ok)
    out = []
    for m in mine:
        levantine = LEVANTINE_AR.get(m.levantine or "")
        if not m.pair_ok and levantine is not None and wanted[levantine] > 0 >= wanted[m.month]:
            m = replace(m, month=levantine)
        wanted[m.month] -= not m.pair_ok
        out.append(m)
    return tuple(out)


def _as_the_other_side_reads(
    ctx: UnitContext, view: SideView, mine: Sequence[MonthMention]
) -> tuple[MonthMention, ...]:
    """``mine``, ``view``'s months, each pair whose halves disagree read as the month the other side
    needs."""
    other = ctx.source if view is ctx.target else ctx.target
    if other is None or all(m.pair_ok for m in mine):
        return tuple(mine)
    return _resolve_wrong_pairs(mine, month_mentions(other.text, other.lang))


def _mistyped_months(ctx: UnitContext, view: SideView) -> tuple[MonthMention, ...]:
    """The months of the words in ``view`` that are an Arabic month name mistyped (``ديسبر``), as
    SP007 reads them: the month was rendered, and SP007's finding on the word says what is wrong."""
    if view.lang != "ar" or not re.search(_UNKNOWN_MONTH_SHAPE, view.text):
        return ()
    found = []
    for side, m, bare, is_word in arabic_words(ctx):
        if side is not view or bare in ONE_WORD_MONTHS or is_word(bare):
            continue
        if not in_a_date(view.text, m.start(), m.end()):
            continue
        fix = typo_correction(bare, is_word, alone=False)
        if fix is not None and fix[0] in ONE_WORD_MONTHS:
            found.append(MonthMention(ONE_WORD_MONTHS[fix[0]], m.start(), m.end(), "mistyped", True))
    return tuple(found)


#: A word beside a number: only there may a mistyped month stand in a date's place.
_UNKNOWN_MONTH_SHAPE = r"[0-9٠-٩][\s/]*[\u0621-\u064a]{4,}|[\u0621-\u064a]{4,}[\s/]*[0-9٠-٩]"


def _month_of(f: Finding) -> int | None:
    """The month a NU002 finding's span names."""
    if f.lang == "en" and f.text in EN_MONTHS:
        return EN_MONTHS[f.text]
    return next((m.month for m in month_mentions(f.text, f.lang)), None)  # (or a whole date's)


class MonthPairWrong(Rule):
    """A UN month pair whose two halves name different months.

    What it catches:
        ``كانون الثاني/ديسمبر``: the Levantine name (January) does not belong with
        the Gregorian one (December), in either order (``ديسمبر/كانون الثاني``).
        The UN pairs are كانون الثاني/يناير،
        شباط/فبراير، آذار/مارس، نيسان/أبريل، أيار/مايو، حزيران/يونيه، تموز/يوليه،
        آب/أغسطس، أيلول/سبتمبر، تشرين الأول/أكتوبر، تشرين الثاني/نوفمبر،
        كانون الأول/ديسمبر.  The fix is the Gregorian half's pair, unless the English beside it
        names the Levantine half's month and not the other (``كانون الأول/يناير`` for "15 December
        2020 to 15 January 2021": ``كانون الأول/ديسمبر``); NU002 then counts the pair as that
        month, so the right date beside it is not called a month said twice.
    Why it matters:
        The two halves are read by different audiences; a mismatched pair gives two
        dates at once.
    Example:
        en: 8 December 2020
        ar: 8 كانون الثاني/ديسمبر 2020
    Use instead:
        ar: 8 كانون الأول/ديسمبر 2020
    Suppress:
        `mustalah: ignore NU003` in the unit's note.
    """

    code = "NU003"
    name = "month-pair-wrong"
    category = "number"
    severity = "error"
    #: pre-filter (checks.prefilter): an Arabic month pair (with '/')
    needs = ("ar:slash", "ar:month")
    #: the source's month in a wrong pair's place (NU002): its fix, the source month's pair, is the
    #: one to take (``December`` = ``كانون الأول/يناير``: not ``كانون الثاني/يناير``)
    yields_to = ("NU002",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            mentions = month_mentions(view.text, "ar")
            for m, read in zip(mentions, _as_the_other_side_reads(ctx, view, mentions), strict=True):
                if m.form in ("pair", "reversed") and not m.pair_ok:
                    message = f"'{m.levantine}' does not pair with the Gregorian month {m.month}"
                    if read.month != m.month:  # كانون الأول/يناير for "December": the Gregorian half is wrong
                        message += f"; the other language has month {read.month}: the Gregorian half slipped"
                    yield self.finding(ctx, view, m.start, m.end, message, suggestion=UN_PAIRS[read.month])
