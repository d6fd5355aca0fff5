"""Month names in English and UN Arabic, and where they stand in a text.

UN Arabic writes a Gregorian month as the Levantine/Gregorian pair joined by a slash
(``كانون الأول/ديسمبر``, ``حزيران/يونيه``, ``تموز/يوليه``); press texts often use the
single Gregorian name (``ديسمبر``, ``يونيو``).  Both are recognised here so number and
style rules can compare dates across languages without caring which form was used.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .normalize import WESTERN_DIGITS, without_vowel_marks

EN_MONTHS: dict[str, int] = {
    name: i + 1
    for i, name in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        )
    )
}
EN_MONTHS.update({"Jan.": 1, "Feb.": 2, "Aug.": 8, "Sept.": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12})
#: The names in capitals: document titles as the UN's catalogue records them ("BEIRUT, 2 JULY 2012").
EN_MONTHS.update({name.upper(): number for name, number in list(EN_MONTHS.items()) if name.isalpha()})
#: Month number → its full English name (listed before the abbreviations in ``EN_MONTHS``).
EN_MONTH_NAMES: dict[int, str] = {number: name for name, number in reversed(EN_MONTHS.items())}

#: The UN pair for each month (../shared/research/arabic.md §4).
UN_PAIRS: dict[int, str] = {
    1: "كانون الثاني/يناير",
    2: "شباط/فبراير",
    3: "آذار/مارس",
    4: "نيسان/أبريل",
    5: "أيار/مايو",
    6: "حزيران/يونيه",
    7: "تموز/يوليه",
    8: "آب/أغسطس",
    9: "أيلول/سبتمبر",
    10: "تشرين الأول/أكتوبر",
    11: "تشرين الثاني/نوفمبر",
    12: "كانون الأول/ديسمبر",
}
GREGORIAN_AR: dict[str, int] = {
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "أبريل": 4,
    "ابريل": 4,
    "إبريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "أغسطس": 8,
    "اغسطس": 8,
    "سبتمبر": 9,
    "أكتوبر": 10,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
}
#: Month names of the Maghreb (Morocco: ``دجنبر``, ``شتنبر``; Algeria and Tunisia: ``جانفي``, ``أوت``),
#: which UN Arabic does not use.  Read as months (a date is not "missing" its month), reported by
#: ST002 as a form to replace.  The names shared with the Gregorian list (``يناير``, ``مارس``) are
#: there, not here.
REGIONAL_AR: dict[str, int] = {
    "جانفي": 1,
    "فيفري": 2,
    "أفريل": 4,
    "ماي": 5,
    "جوان": 6,
    "يوليوز": 7,
    "جويلية": 7,
    "غشت": 8,
    "أوت": 8,
    "شتنبر": 9,
    "نونبر": 11,
    "دجنبر": 12,
}
LEVANTINE_AR: dict[str, int] = {
    "كانون الثاني": 1,
    "شباط": 2,
    "آذار": 3,
    "نيسان": 4,
    "أيار": 5,
    "حزيران": 6,
    "تموز": 7,
    "آب": 8,
    "أيلول": 9,
    "تشرين الأول": 10,
    "تشرين الثاني": 11,
    "كانون الأول": 12,
    # written without their hamza or madda (``كانون الاول/ديسمبر``): still the month, so the pair
    # rules read it (SP005 reports the hamza)
    "اذار": 3,
    "ايار": 5,
    "ايلول": 9,
    "تشرين الاول": 10,
    "كانون الاول": 12,
    # written without their article (``كانون ثاني/يناير``, ``تشرين أول/أكتوبر``, as press Arabic
    # of the Levant does): still the month in a pair, in a date or before الماضي/المقبل, so the
    # pair and wrong-month rules read it (ST008 reports the article); elsewhere a name with an
    # ordinal (``صحيفة تشرين أول أمس``, the daily Tishreen "the day before yesterday").  Not with
    # أول without its hamza too: SP005 reports that hamza, as it did before.
    "كانون ثاني": 1,
    "تشرين أول": 10,
    "تشرين ثاني": 11,
    "كانون أول": 12,
}
#: The Levantine names above written without their article, with the name UN Arabic writes.
LEVANTINE_WITHOUT_ARTICLE: dict[str, str] = {
    name: name.replace(" ", " ال") for name in LEVANTINE_AR if " " in name and " ال" not in name
}

#: After a Levantine name without its article, what makes it the month with no number beside it.
_MONTH_WORD_AFTER = re.compile(
    r"\s+(?:من\s+)?(?:الماضي|المقبل|القادم|الجاري|العام|عام|هذا العام|من الشهر)(?![\u0621-\u064A])"
)
_DIGIT = r"[0-9٠-٩۰-۹]"
_AR_LETTER = r"\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF"
#: The letters that may not follow a month's name: a tatweel typed after it for a dash
#: (``حزيران/ يونيوـ إن``) ends the name, it does not lengthen it into another word.
_AR_LETTER_AFTER = r"\u0621-\u063F\u0641-\u064A\u066E-\u06D3\u06FA-\u06FF"
_LEV = "|".join(sorted(LEVANTINE_AR, key=len, reverse=True))
_GREG = "|".join(sorted({**GREGORIAN_AR, **REGIONAL_AR}, key=len, reverse=True))
#: A Gregorian month name right before (``يناير كانون أول``, two months side by side): a month too.
_GREG_BEFORE = re.compile(rf"(?:{_GREG})\s*/?\s*$")
_AR_MONTH = re.compile(
    rf"(?<![{_AR_LETTER}])(?:[وفبل]{{1,2}})?(?:(?P<lev>{_LEV})\s*/\s*)?(?P<greg>{_GREG})"
    rf"(?(lev)|(?:\s*/\s*(?P<levafter>{_LEV}))?)(?![{_AR_LETTER_AFTER}])"
    rf"|(?<![{_AR_LETTER}])(?:[وفبل]{{1,2}})?(?P<levonly>{_LEV})(?![{_AR_LETTER_AFTER}/])"
)
#: After any non-letter, a digit too: a PDF copy glues a period's two dates ("January 2013December 2014").
_EN_MONTH = re.compile(
    r"(?<![A-Za-z])(" + "|".join(re.escape(m) for m in sorted(EN_MONTHS, key=len, reverse=True)) + r")(?!\w)"
)
#: A month abbreviated without its point in a table's date, read only between a day and a year or
#: after a day: "Last advertised 22 Oct 14" (``Mar`` and ``Jan`` elsewhere may be names); or
#: before a day and a year, a US dateline: "Feb 6, 2011", "Nov 29, 2016".
_EN_SHORT = {
    **{name[:3]: number for name, number in EN_MONTHS.items() if name.istitle() and name != "May"},
    "Sept": 9,
}
_EN_SHORT_ALT = "|".join(sorted(_EN_SHORT, key=len, reverse=True))
_EN_SHORT_MONTH = re.compile(
    rf"(?<=[0-9] )({_EN_SHORT_ALT})(?=\s+[0-9]|[\s,;.)]|$)"
    rf"|(?<![A-Za-z0-9])({_EN_SHORT_ALT})(?=\s[0-3]?[0-9],?\s[12][0-9]{{3}}(?![0-9]))"
)
#: A two-digit year after such a month ("22 Oct 14" = 22 October 2014).
SHORT_YEAR_AFTER_MONTH = re.compile(r"(?:" + "|".join(_EN_SHORT) + r"|May)\.?\s+$")

#: Every match of ``_AR_MONTH`` contains one of these names, every match of ``_EN_MONTH`` one of
#: these prefixes: a text without any has no month (a cheap test before the full patterns).
AR_MONTH_NAMES = tuple(sorted({*GREGORIAN_AR, *REGIONAL_AR, *LEVANTINE_AR}))
#: Each one-word Arabic month name and its number (the names a mistyped word is mended into).
ONE_WORD_MONTHS: dict[str, int] = {
    name: month for name, month in {**LEVANTINE_AR, **GREGORIAN_AR, **REGIONAL_AR}.items() if " " not in name
}
_EN_PREFIX = re.compile("|".join(sorted({re.escape(m[:3]) for m in EN_MONTHS})))
_NEAR_NUMBER = re.compile(rf"{_DIGIT}\s*$")
_NUMBER_AFTER = re.compile(rf"^\s*,?\s*{_DIGIT}")


@dataclass(frozen=True, slots=True)
class MonthMention:
    """A month name in a text: its number, span, and how it was written."""

    month: int
    start: int
    end: int
    #: ``pair`` (UN pair), ``reversed`` (the pair Gregorian first: ``مارس/آذار``), ``single``
    #: (Gregorian name only), ``levantine`` (Levantine only),
    #: ``regional`` (a Maghreb name, :data:`REGIONAL_AR`), ``en``; from :func:`slashless_pairs`
    #: only, ``glued`` (the pair's names run together) or ``spaced`` (parted by a space, no slash).
    form: str
    #: True when a number stands right before or after (a date, not the verb مارس or modal May).
    dated: bool
    #: For a pair: True when the Levantine half is the right one for the Gregorian half.
    pair_ok: bool = True
    levantine: str | None = None


def _dated(text: str, start: int, end: int) -> bool:
    return bool(
        _NEAR_NUMBER.search(text[max(0, start - 12) : start]) or _NUMBER_AFTER.match(text[end : end + 8])
    )


def in_a_date(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands where a month does in a date: a number right before
    or after it, or a slash joining it to the other half of a month pair (``أيلول/سبتمير``)."""
    return _dated(text, start, end) or text[max(0, start - 1) : start] == "/" or text[end : end + 1] == "/"


def arabic_months(text: str) -> list[MonthMention]:
    """Month names in Arabic ``text``; vowel marks (``مّارس``, ``آذَار``) do not hide one."""
    stripped = without_vowel_marks(text)
    if stripped is None:
        return _arabic_months(text)
    plain, kept = stripped
    return [
        MonthMention(m.month, kept[m.start], kept[m.end - 1] + 1, m.form, m.dated, m.pair_ok, m.levantine)
        for m in _arabic_months(plain)
    ]


def _beside_a_month(text: str, start: int, end: int) -> bool:
    """A Levantine name without its article is the month before ``الماضي``/``المقبل`` … or after a
    Gregorian name (``يناير كانون أول``)."""
    return bool(_MONTH_WORD_AFTER.match(text, end) or _GREG_BEFORE.search(text[max(0, start - 14) : start]))


def _arabic_months(text: str) -> list[MonthMention]:
    out: list[MonthMention] = []
    if not any(name in text for name in AR_MONTH_NAMES):
        return out
    for m in _AR_MONTH.finditer(text):
        if m.group("levonly"):
            month = LEVANTINE_AR[m.group("levonly")]
            start = m.start("levonly")
            dated = _dated(text, start, m.end())
            if m.group("levonly") in LEVANTINE_WITHOUT_ARTICLE and not (
                dated or _beside_a_month(text, start, m.end())
            ):
                continue  # صحيفة تشرين أول أمس: a name and an ordinal, not the month
            out.append(MonthMention(month, start, m.end(), "levantine", dated))
            continue
        greg = m.group("greg")
        month = GREGORIAN_AR.get(greg) or REGIONAL_AR[greg]
        lev = m.group("lev")
        if lev:
            out.append(
                MonthMention(month, m.start("lev"), m.end(), "pair", True, LEVANTINE_AR[lev] == month, lev)
            )
        elif after := m.group("levafter"):  # مارس/آذار: the pair in the other order, one month
            start = m.start("greg")
            ok, dated = LEVANTINE_AR[after] == month, _dated(text, start, m.end())
            out.append(MonthMention(month, start, m.end(), "reversed", dated, ok, after))
        else:
            start = m.start("greg")
            form = "single" if greg in GREGORIAN_AR else "regional"
            out.append(MonthMention(month, start, m.end(), form, _dated(text, start, m.end())))
    return out


#: "May" after these words is the month: "in May of the year", "since May", "of May", "last May".
_MAY_MONTH = re.compile(
    r"\b(?:in|of|since|until|till|from|by|between|early|mid|late|end of|during|last|next|this|each|every"
    r"|before|after|through)\s+$",
    re.IGNORECASE,
)
#: … and before another month: "between May and August 2015", "May-June".
_MAY_BEFORE_MONTH = re.compile(
    r"\s*(?:and|or|to|through|until|[-–])\s*(?:January|February|March|April|June|July|August|September"
    r"|October|November|December)\b",
    re.IGNORECASE,
)


def english_months(text: str) -> list[MonthMention]:
    out: list[MonthMention] = []
    if not _EN_PREFIX.search(text):
        return out
    for m in _EN_MONTH.finditer(text):
        dated = _dated(text, m.start(), m.end())
        if (
            m.group(1) in ("May", "MAY")
            and not dated
            and not _MAY_MONTH.search(text[: m.start()])
            and not _MAY_BEFORE_MONTH.match(text, m.end())
        ):
            continue  # the modal "May" ("May the Council…"), unless "in/of/since May" says a month
        out.append(MonthMention(EN_MONTHS[m.group(1)], m.start(), m.end(), "en", dated))
    read = {mention.start for mention in out}
    for m in _EN_SHORT_MONTH.finditer(text):  # "22 Oct 14", "Feb 6, 2011" ("Oct." is read above)
        if m.start() not in read:
            out.append(MonthMention(_EN_SHORT[m.group(1) or m.group(2)], m.start(), m.end(), "en", True))
    return sorted(out, key=lambda mention: mention.start) if out else out


def months(text: str, lang: str) -> list[MonthMention]:
    return arabic_months(text) if lang == "ar" else english_months(text) if lang == "en" else []


#: The two names of one month with no slash between them, in either order: run together by a PDF
#: copy or a slip (``أكتوبرتشرين الأول``), or parted by white space only (``تموز يوليه``).
_SLASHLESS = re.compile(
    rf"(?<![{_AR_LETTER}/])(?:[وفبل]{{1,2}})?(?:(?P<lev>{_LEV})(?P<gap>[^\S\n]*)(?P<greg>{_GREG})"
    rf"|(?P<greg2>{_GREG})(?P<gap2>[^\S\n]*)(?P<lev2>{_LEV}))(?![{_AR_LETTER_AFTER}/])"
)


#: What every date written in figures has: a digit, then (after spaces) its separator.
_FIGURE_THEN_SEPARATOR = re.compile(rf"{_DIGIT}\s*[/.-]")


def slashless_pairs(text: str) -> list[MonthMention]:
    """UN month pairs in Arabic ``text`` written without their slash: both names of one month side
    by side (two different months side by side are a list, not a pair).  The span leaves out a
    leading proclitic (``وتموز يوليه``)."""
    out: list[MonthMention] = []
    if not any(name in text for name in LEVANTINE_AR):
        return out
    for m in _SLASHLESS.finditer(text):
        lev, greg, gap = (m.group("lev"), m.group("greg"), m.group("gap"))
        if lev is None:
            lev, greg, gap = (m.group("lev2"), m.group("greg2"), m.group("gap2"))
        month = GREGORIAN_AR.get(greg) or REGIONAL_AR[greg]
        if LEVANTINE_AR[lev] != month:
            continue
        start = m.start("lev") if m.group("lev") else m.start("greg2")
        form = "glued" if gap == "" else "spaced"
        out.append(MonthMention(month, start, m.end(), form, _dated(text, start, m.end()), True, lev))
    return out


#: A date written in figures, day first as the UN and the Arab region write it: ``25/9/2023``,
#: ``٢١ /٥/١٩٩٥`` (spaces beside the slashes kept as published), ``4-5-2020``, ``04.03.2022``.
_NUMERIC_DATE = re.compile(
    rf"(?<![0-9٠-٩۰-۹/.-])({_DIGIT}{{1,2}})\s*([/.-])\s*({_DIGIT}{{1,2}})\s*\2\s*({_DIGIT}{{4}}|{_DIGIT}{{2}})"
    rf"(?![0-9٠-٩۰-۹]|[/.-]{_DIGIT})"
)

#: Year first, as a database or an ISO date writes it: 2020/02/23, 2020-02-23.
_NUMERIC_DATE_YMD = re.compile(
    rf"(?<![0-9٠-٩۰-۹/.-])({_DIGIT}{{4}})\s*([/.-])\s*({_DIGIT}{{1,2}})\s*\2\s*({_DIGIT}{{1,2}})"
    rf"(?![0-9٠-٩۰-۹]|[/.-]{_DIGIT})"
)


@dataclass(frozen=True, slots=True)
class NumericDate:
    """A date written in figures: its span, the span of its month's figures, and the month (or the
    two months it may be, day-first and month-first, when both figures are 12 or less)."""

    start: int
    end: int
    month_start: int
    month_end: int
    months: frozenset[int]


@functools.lru_cache(maxsize=1024)
def numeric_dates(text: str) -> tuple[NumericDate, ...]:
    """Dates written in figures in ``text`` (any script's digits); day first (25/9/2023), or month
    first when the first figure cannot be a month's day otherwise (9/25/2023), or year first
    (2020/02/23).  Computed once per text: ST002, NU001 and NU002 all ask."""
    out: list[NumericDate] = []
    if not _FIGURE_THEN_SEPARATOR.search(text):
        return ()
    for m in _NUMERIC_DATE.finditer(text):
        first, second = (int(m.group(k).translate(WESTERN_DIGITS)) for k in (1, 3))
        if not (1 <= first <= 31 and 1 <= second <= 31) or (first > 12 and second > 12):
            continue
        if second <= 12:
            months = {second, first} if first <= 12 else {second}
            out.append(NumericDate(m.start(), m.end(), m.start(3), m.end(3), frozenset(months)))
        else:  # 9/25/2023: month first
            out.append(NumericDate(m.start(), m.end(), m.start(1), m.end(1), frozenset({first})))
    for m in _NUMERIC_DATE_YMD.finditer(text):
        month, day = (int(m.group(k).translate(WESTERN_DIGITS)) for k in (3, 4))
        if 1 <= month <= 12 and 1 <= day <= 31:
            out.append(NumericDate(m.start(), m.end(), m.start(3), m.end(3), frozenset({month})))
    return tuple(sorted(out, key=lambda date: date.start))
