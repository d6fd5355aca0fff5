"""Style rules for UN month pairs: a date with a single month name or in figures (ST002), a
pair with a space beside its slash or without its slash (ST008)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from ..text.dates import (
    EN_MONTH_NAMES,
    GREGORIAN_AR,
    LEVANTINE_WITHOUT_ARTICLE,
    UN_PAIRS,
    MonthMention,
    numeric_dates,
    slashless_pairs,
)
from .base import Rule, SideView, UnitContext
from .number_runs import DIGITS
from .spelling import UNMARK
from .textcache import month_mentions


class MonthWithoutPair(Rule):
    """A date in Arabic with a single month name instead of the UN pair.

    What it catches:
        ``8 ديسمبر 2020``: a Gregorian month name next to a number, not written
        as the UN pair ``كانون الأول/ديسمبر`` (or the pair in the other order,
        ``24 مارس/آذار 2013``, which names one month, not two).  A Maghreb month name in a date
        (``2 دجنبر 2014``, ``5 جويلية``) is a warning: UN Arabic never writes it.  A date
        written in figures, day first (``25/9/2023``, ``٢١ /٥/١٩٩٥``), is the same note, with
        the date spelt out as the suggestion (``25 أيلول/سبتمبر 2023``); a date whose figures
        could be day or month (``04/03/2022``) gets none.
    Why it matters:
        UN Arabic documents and pages write the Levantine/Gregorian pair; press
        texts often do not, so a single Gregorian or Levantine name is a
        suggestion.  A Maghreb name (``دجنبر``, ``شتنبر``, ``غشت``, ``جانفي``) is
        not read as a month across most of the Arab region, so a reviser replaces it.
    Example:
        en: from 8 to 10 December 2020
        ar: من 8 إلى 10 ديسمبر 2020
    Use instead:
        ar: من 8 إلى 10 كانون الأول/ديسمبر 2020
    Suppress:
        `ignore = ["ST002"]` in `[tool.mustalah]` for press texts that use single names.
    """

    code = "ST002"
    name = "month-without-pair"
    category = "style"
    severity = "info"
    #: pre-filter (checks.prefilter): an Arabic digit (a month name beside it, or a date in figures)
    needs = ("ar:digit",)
    #: a wrong month (NU002): its suggestion, the right month's pair, fixes this too; a single
    #: Levantine name without its article (ST008): its suggestion is the pair
    yields_to = ("NU002", "ST008")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            # a pair whose slash is missing (``تموز يوليه``) is ST008's, not two single names
            paired = [(p.start, p.end) for p in slashless_pairs(view.text)]
            for m in month_mentions(view.text, "ar"):
                if any(start <= m.start < end for start, end in paired):
                    continue
                if m.form == "regional" and m.dated:
                    yield self.finding(
                        ctx,
                        view,
                        m.start,
                        m.end,
                        f"'{view.text[m.start : m.end]}' is the Maghreb name of {EN_MONTH_NAMES[m.month]}, "
                        f"which UN Arabic does not use: it writes '{UN_PAIRS[m.month]}'",
                        suggestion=UN_PAIRS[m.month],
                        severity="warning",
                    )
                elif m.form == "reversed" and m.dated and m.pair_ok:
                    if _spaced_slash(view.text[m.start : m.end]):
                        continue  # يونيو/ حزيران: ST008's error (its suggestion puts the Levantine first)
                    yield self.finding(
                        ctx,
                        view,
                        m.start,
                        m.end,
                        f"UN Arabic writes the Levantine name first: '{UN_PAIRS[m.month]}'",
                        suggestion=UN_PAIRS[m.month],
                    )
                elif m.form in ("single", "levantine") and m.dated:
                    yield self.finding(
                        ctx,
                        view,
                        m.start,
                        m.end,
                        f"UN Arabic writes the month pair '{UN_PAIRS[m.month]}'",
                        suggestion=UN_PAIRS[m.month],
                    )
            for date in numeric_dates(view.text):
                if len(date.months) != 1:
                    continue  # 04/03/2022: April or March, which the text does not say
                (month,) = date.months
                written = view.text[date.start : date.end]
                yield self.finding(
                    ctx,
                    view,
                    date.start,
                    date.end,
                    f"the date {written} in figures: UN Arabic names the month, '{UN_PAIRS[month]}'",
                    suggestion=_date_with_pair(written, month),
                )


_SLASH_SPACED = re.compile(r"\s*/\s*")


def _spaced_slash(pair: str) -> re.Match[str] | None:
    """The slash of a month pair with white space beside it (``تموز/ يوليه``), or None."""
    slash = _SLASH_SPACED.search(pair)
    return None if slash is None or slash.group() == "/" else slash


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``–``end`` without the white space at either end."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _gregorian_after(text: str, end: int, month: int) -> bool:
    """Whether the Gregorian name of ``month`` follows within a few characters (``(أكتوبر)``,
    ``- أكتوبر``): the pair is written another way, and the UN pair as a fix would repeat it."""
    after = text[end : end + 14]
    return any(name in after for name, number in GREGORIAN_AR.items() if number == month)


def _article_note(levantine: str | None) -> str:
    if levantine not in LEVANTINE_WITHOUT_ARTICLE:
        return ""
    return f", and '{levantine}' without its article"


def _date_with_pair(written: str, month: int) -> str | None:
    """``25/9/2023`` → ``25 أيلول/سبتمبر 2023`` (day first; a month-first or two-digit-year date
    gets no suggestion)."""
    figures = re.split(r"\s*[/.-]\s*", written)
    if len(figures) != 3 or len(figures[2]) != 4 or int(figures[1].translate(DIGITS)) != month:
        return None
    return f"{figures[0].lstrip('0٠') or figures[0]} {UN_PAIRS[month]} {figures[2]}"


class MonthPairSpacing(Rule):
    """A UN month pair written with a space beside its slash, or without its slash.

    What it catches:
        ``تموز/ يوليه``, ``تموز /يوليه``, ``كانون الأول / ديسمبر``: white space
        (also a no-break space or a line break) before or after the slash that
        joins the Levantine and the Gregorian month.  The halves are read as
        written, vowel marks and all; only the space is reported.  A pair in the
        other order with a space (``أكتوبر / تشرين الأول``, ``يونيو/ حزيران``) is the
        same slip, with the UN pair, Levantine name first, as the suggestion
        (ST002's note on the order is then left out).  The two names
        of one month with no slash between them, run together or parted by a
        space only (``أكتوبرتشرين الأول``, ``تموز يوليه``), are the same slip.  A Levantine
        name without its article (``كانون ثاني``, ``تشرين أول/أكتوبر``), as Levantine press
        writes it, is the month in a pair, beside a number or before ``الماضي``/``المقبل``
        (elsewhere it is a name and an ordinal: ``صحيفة تشرين أول أمس``, the daily Tishreen
        "the day before yesterday"): in a pair with a space or no slash it is one finding
        whose fix, the UN pair, mends both; elsewhere a warning of its own, with the article
        as the fix, or the UN pair when the pair is in the other order or the name stands
        alone in a date (not when the Gregorian name follows in brackets).
    Why it matters:
        UN Arabic writes the pair as one unit, ``تموز/يوليه``.  A space splits it:
        search and the TM miss the pair, and a line may break inside the date.
        It is a fixed convention with no reading under which the space is right,
        hence an error.
    Example:
        en: 21 July 2021
        ar: 21 تموز/ يوليه 2021
    Use instead:
        ar: 21 تموز/يوليه 2021
    Suppress:
        `mustalah: ignore ST008` in the unit's note.
    """

    code = "ST008"
    name = "month-pair-spacing"
    category = "style"
    severity = "error"
    #: pre-filter (checks.prefilter): an Arabic month name (a pair with its slash, or without)
    needs = ("ar:month",)
    #: a wrong month or mismatched halves (NU002, NU003): their suggestion, the UN pair, fixes this too
    yields_to = ("NU002", "NU003")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            paired: list[tuple[int, int]] = []
            for glued in slashless_pairs(view.text):
                names = view.text[glued.start : glued.end]
                how = "run together" if glued.form == "glued" else "parted by a space"
                paired.append((glued.start, glued.end))
                yield self.finding(
                    ctx,
                    view,
                    glued.start,
                    glued.end,
                    f"the month pair '{names}' has no slash, its two names {how}"
                    f"{_article_note(glued.levantine)}: UN Arabic writes '{UN_PAIRS[glued.month]}'",
                    suggestion=UN_PAIRS[glued.month],
                )
            for m in month_mentions(view.text, "ar"):
                if any(start <= m.start < end for start, end in paired):
                    continue
                pair = view.text[m.start : m.end]
                slash = _spaced_slash(pair) if m.form in ("pair", "reversed") else None
                if slash is None:
                    found = self._article_lost(ctx, view, m)
                    if found is not None:
                        yield found
                    continue
                if m.levantine in LEVANTINE_WITHOUT_ARTICLE:  # كانون أول/ ديسمبر: the UN pair mends both
                    yield self.finding(
                        ctx,
                        view,
                        m.start,
                        m.end,
                        f"space in the month pair '{pair}'{_article_note(m.levantine)}: "
                        f"UN Arabic writes '{UN_PAIRS[m.month]}'",
                        suggestion=UN_PAIRS[m.month],
                    )
                    continue
                if m.form == "reversed":  # أكتوبر / تشرين الأول: one month, the Gregorian name first
                    yield self.finding(
                        ctx,
                        view,
                        m.start,
                        m.end,
                        f"space in the month pair '{pair}': UN Arabic writes it without spaces, "
                        f"the Levantine name first: '{UN_PAIRS[m.month]}'",
                        suggestion=UN_PAIRS[m.month],
                    )
                    continue
                yield self.finding(
                    ctx,
                    view,
                    m.start,
                    m.end,
                    f"space in the month pair '{pair}': UN Arabic writes it without spaces",
                    suggestion=pair[: slash.start()] + "/" + pair[slash.end() :],
                )

    def _article_lost(self, ctx: UnitContext, view: SideView, m: MonthMention) -> Finding | None:
        """``كانون ثاني/يناير``, ``تشرين أول``: the Levantine name without its article, a warning
        (the name's place is sure, the article a convention).  In a pair in the other order
        (``يناير/كانون ثاني``) or dated and alone, the UN pair mends it (ST002's note on the
        order or the single name yields to this) — unless the Gregorian name follows in brackets
        or after a dash (``تشرين أول (أكتوبر)``): then the article alone, not the month twice."""
        written = view.text[m.start : m.end] if m.form == "levantine" else m.levantine or ""
        name = written.translate(UNMARK)  # تشرين أوّل: read without its marks
        if name not in LEVANTINE_WITHOUT_ARTICLE:
            return None
        start, end = m.start, m.end
        slash = view.text.find("/", m.start, m.end)
        if m.form == "pair" and slash > 0:  # the name's span as written: before the pair's slash
            end = slash
            start, end = _stripped(view.text, start, end)
        right = LEVANTINE_WITHOUT_ARTICLE[name]
        fix = right
        alone_in_a_date = m.form == "levantine" and m.dated and not _gregorian_after(view.text, end, m.month)
        if m.form == "reversed" or alone_in_a_date:
            fix = UN_PAIRS[m.month]
        shown = view.text[start:end]
        return self.finding(
            ctx,
            view,
            start,
            end,
            f"the month pair '{shown}' in the other order, its Levantine name without its article "
            f"('{right}'): UN Arabic writes '{fix}'"
            if m.form == "reversed"
            else f"the month '{shown}' without its article: UN Arabic writes '{fix}'",
            suggestion=fix,
            severity="warning",
        )
