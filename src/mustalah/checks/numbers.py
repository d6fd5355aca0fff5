"""NU001: numbers, ranges, dates and document symbols agree across languages (the month
rules, NU002 and NU003, are in ``checks/months.py``).

Numbers are compared after folding Arabic-Indic (٠–٩) and Extended (۰–۹) digits, the
Arabic decimal separator ``٫`` and the thousands separators ``٬`` and ``,``, so
``٤٫٥`` = ``4.5`` and ``1,500`` = ``١٬٥٠٠``.  Small numbers written as words
(``two``/``اثنين``) stand for their digits.  Dates are compared as day/year numbers
plus month names, so ``15 March 2021`` = ``15 آذار/مارس 2021`` = ``15 مارس 2021``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..formats.plurals import single_number
from ..model import Finding
from .base import Rule, SideView, UnitContext
from .number_dates import day_added
from .number_findings import join_decimal_commas, join_ranges, run_together
from .number_forms import SCALES, run_span, same_number_elsewhere
from .number_levels import is_levels, raw_numbers, reversed_levels, written_like
from .number_words import compound_numbers, word_numbers

_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
)
_D = r"[0-9٠-٩۰-۹]"
#: A number: digit groups joined by decimal or thousands separators (never a trailing dot).  A
#: stray vowel mark or tatweel typed between digits (``201ِ7``, ``16ـ81``) is read through (SP003
#: and IN004 report it), so one slip is one finding, not two numbers that match nothing.
NUMBER = re.compile(
    rf"{_D}(?:[\u064b-\u0652\u0640]*{_D})*(?:(?:[.,٫٬]|،(?={_D}{{3}}(?!{_D})))"
    rf"{_D}(?:[\u064b-\u0652\u0640]*{_D})*)*"
)
#: The Arabic comma typed as a thousands separator (3،000): read as 3000, reported once (NU001).
_COMMA_IN_NUMBER = re.compile(rf"{_D}،{_D}{{3}}(?!{_D})")

_ONE_SCALE = re.compile(r"\s*(?:" + "|".join(w for w in SCALES if w.isascii()) + r")\b", re.IGNORECASE)
_AR_SCALE = re.compile("|".join(w for w in SCALES if not w.isascii()))
_LATIN_RUN = re.compile(r"[A-Za-z]+")
#: A number of three digits or more (a year, a resolution's number) that a text may repeat.
_CITED = re.compile(r"[0-9]{3,}")
#: A year: UN Arabic writes years in digits, so a year one side lacks is worth a look (a warning);
#: any other number may be written out in words the lists here do not know (a note).
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
#: Letters after digits that keep them a number: an ordinal (21st) or a plural (the 1990s).
_NUMBER_SUFFIXES = frozenset({"s", "st", "nd", "rd", "th"})


def _in_identifier(text: str, n: NumberToken) -> bool:
    """Digits glued to Latin letters name something (R0, B0AT1, G20, COP26): the name may be
    spelt out in the other language, so its digits are not numbers to find there."""
    if n.start > 0 and text[n.start - 1].isascii() and text[n.start - 1].isalpha():
        return True
    after = _LATIN_RUN.match(text, n.end)
    return after is not None and after.group().lower() not in _NUMBER_SUFFIXES


@dataclass(frozen=True, slots=True)
class NumberToken:
    value: str
    start: int
    end: int


#: A page reference: ``(p. 31)``, ``pp. 34-35``, ``(الصفحتان 42-43)``, ``الصفحة 12``, ``ص 7``.  A
#: translation cites the pages of its own language version of the document referred to, so they
#: differ by right; the numbers of a page reference are never compared.
_PAGE_REFERENCE = re.compile(
    r"(?<![A-Za-z])(?:pp?\.|pages?)\s?"
    r"|(?<![\u0621-\u064a])(?:ال)?صفح(?:ة|تان|تين|ات)\s+(?:من\s+)?"
    r"|(?<![\u0621-\u064a])ص\s?\.?\s?(?=[0-9٠-٩])"
)
_PAGE_NUMBERS = re.compile(rf"{_D}+(?:\s?(?:[-–,،]|and|و|إلى|to)\s?{_D}+)*")


def _digits(text: str) -> str:
    """The digits of a number as written, Western, without separators (``15,000`` → ``15000``)."""
    return re.sub(r"[^0-9]", "", text.translate(_DIGITS))


def page_references(text: str) -> list[tuple[int, int]]:
    """The spans of the page numbers of ``text``'s page references."""
    out: list[tuple[int, int]] = []
    for m in _PAGE_REFERENCE.finditer(text):
        numbers = _PAGE_NUMBERS.match(text, m.end())
        if numbers:
            out.append((numbers.start(), numbers.end()))
    return out


def _restated(text: str, numbers: list[NumberToken], value: str) -> bool:
    """Every occurrence of ``value`` starts the same words (``the 15-working-day limit`` twice): one
    phrase said again, which a translation may give once and refer back to.  ``3 P-5 and 2 P-3``
    are two numbers that happen to be equal."""
    after = {text[n.end : n.end + 12].split(",")[0].strip().lower() for n in numbers if n.value == value}
    return len(after) == 1 and len(next(iter(after))) >= 4


_WORD_BEFORE_PAREN = re.compile(r"([A-Za-z\u0621-\u064a]+)\s*\($")


def _restates_word(text: str, n: NumberToken, lang: str) -> bool:
    """``Two (2)``, ``five (5) years``: digits in parentheses after the same number in words, as
    legal and military English writes them; a translation may give the number once."""
    if text[n.end : n.end + 1] != ")":
        return False
    m = _WORD_BEFORE_PAREN.search(text[max(0, n.start - 24) : n.start])
    return m is not None and word_numbers(m.group(1), lang).get(n.value, 0) > 0


def _inside(n: NumberToken, spans: list[tuple[int, int]]) -> bool:
    return any(a <= n.start < b for a, b in spans)


@functools.lru_cache(maxsize=65536)
def canonical_number(raw: str, lang: str) -> str:
    """``٤٫٥`` → ``4.5``; ``1,500`` / ``١٬٥٠٠`` → ``1500``; ``4,5`` in Arabic text → ``4.5``;
    ``04`` → ``4`` (a day, month or hour written with two digits: "04 March" = ``4 مارس``)."""
    s = raw.translate(_DIGITS).replace("٬", "").replace("٫", ".").replace("،", "")
    groups = re.split(r"[.,]", s)
    seps = re.findall(r"[.,]", s)
    if not seps:
        return s[1] if len(s) == 2 and s[0] == "0" != s[1] else s
    # thousands separators: every group after the first has exactly 3 digits and the separator repeats
    if all(len(g) == 3 for g in groups[1:]) and (len(set(seps)) == 1 and (seps[0] == "," or len(seps) > 1)):
        return "".join(groups)
    if is_levels(groups, seps):
        return s  # 3.2.1, 17.18.1: an indicator's levels, not a decimal (checks.number_levels)
    if seps[-1] == "," and lang == "en" and len(groups[-1]) == 3:
        return "".join(groups)
    if seps[-1] == "," and lang == "ar":  # comma as decimal point (rare, but ٫ is often typed as ,)
        return "".join(groups[:-1]) + "." + groups[-1]
    head = "".join(groups[:-1]).replace(",", "")
    if set(groups[-1]) == {"0"} and head:
        return head  # 93.0 = 93: a decimal of zeros is the whole number ("$93.0 million" = 93 مليون)
    return f"{head}.{groups[-1]}"


def numbers_in(text: str, lang: str) -> list[NumberToken]:
    return [NumberToken(canonical_number(raw, lang), a, b) for raw, a, b in raw_numbers(text, NUMBER)]


def _values(text: str, lang: str) -> list[str]:
    """The canonical values of ``numbers_in(text, lang)``, sorted (no tokens built)."""
    return sorted(canonical_number(raw, lang) for raw, _, _ in raw_numbers(text, NUMBER))


#: A paragraph or list number opening a unit: ``46 - `` (UN Arabic), ``46. ``, ``(a) 3. ``, ```3' ``.
_NUMBERING = re.compile(r"\s*(?:[0-9٠-٩۰-۹]{1,3}\s?[-–.]\s|`[0-9٠-٩۰-۹]{1,3}'\s*|\([0-9٠-٩۰-۹]{1,3}\)\s)")
_OPENS_WITH_NUMBER = re.compile(r"\W*[0-9٠-٩۰-۹]")


def _paragraph_number(here: str, there: str) -> int:
    """Where the number of ``here``'s opening paragraph number starts, when ``there`` opens with
    no number at all (the document numbered one language's paragraphs in the text and the other's
    by its list numbering, or the sentence alignment cut the number off); else -1."""
    m = _NUMBERING.match(here)
    if m is None or _OPENS_WITH_NUMBER.match(there):
        return -1
    return next(i for i, ch in enumerate(here) if ch.isdigit())


#: A resolution or decision cited by its number with its year in parentheses: ``القرار 984 (1995)``.
_CITATION_YEAR = re.compile(rf"({_D}{{1,4}})\s*\(\s*((?:19|20|١٩|٢٠){_D}{{2}})\s*\)")
_CITED_AS = re.compile(r"(?:resolution|decision)s?\b|قرار|مقرر", re.IGNORECASE)


def _citation_years(here: str, there: str) -> set[int]:
    """Where a resolution's year stands (``القرار 984 (1995)``) when the other side cites the same
    number without a year (``Resolution No. 984``): the year is part of the citation one language
    gives in full, no number of the text.  Another year there (``984 (1996)``) is left to the rule."""
    years: set[int] = set()
    for m in _CITATION_YEAR.finditer(here):
        if not _CITED_AS.search(here, max(0, m.start() - 40), m.start()):
            continue
        number = m.group(1).translate(_DIGITS)
        cited = [
            c
            for c in re.finditer(rf"(?<!{_D}){_D}{{1,4}}(?!{_D})", there)
            if c.group().translate(_DIGITS) == number
        ]
        if cited and not any(re.match(r"\s*\(\s*[0-9٠-٩۰-۹]{4}", there[c.end() :]) for c in cited):
            years.add(m.start(2))
    return years


def _counts_things(text: str, n: NumberToken) -> bool:
    """``2 vehicles``: a bare one or two before a word, not part of a grade, list or symbol (P-2)."""
    before = text[n.start - 1] if n.start else " "
    return before in " (" and re.match(r"\s+[A-Za-z]", text[n.end :]) is not None


class NumberMismatch(Rule):
    """A number in one language that the other does not have.

    What it catches:
        Numbers, ranges, years, days of dates and the numbers in document symbols
        (``S/RES/2178 (2014)``) that appear in the source but not in the target, or
        the other way round.  Arabic-Indic and Extended digits, the Arabic decimal
        separator ``٫`` and the thousands separators ``٬`` / ``,`` are folded first
        (``٤٫٥`` = ``4.5``; ``35 000`` = ``35000``), and a small number written as a word (``two``,
        ``اثنين``) counts for its digits.  A number with another in its place on
        the other side (``10`` → ``11``: as many missing on each side) is one
        finding on the target, an error — a warning when the digits of one begin
        or end the other's (``27`` for ``2027``, ``14`` for ``4``), most often a
        form one side shortens (``2026-27``); numbers that differ but not one for one
        (``8 to 10`` → ``9``) are warnings.  A period's second year in two figures
        (``2024–25`` = ``2024–2025``), a date written in figures (``25/9/2023`` =
        ``25 September 2023``) and a day one side adds to a month the other gives
        alone (``June 2020`` = ``20 حزيران/يونيو 2020``) are the same numbers.  A
        year the other side just lacks is a warning too: UN Arabic writes years in
        digits.  Any other number the other
        side just lacks is a note, since real translations write numbers out in
        words no list knows whole (``1 million`` → ``مليون``, ``ten-year`` →
        ``عشري``, ``131st`` → ``الحادية والثلاثون بعد المائة``), give a number
        said twice once, and cite their own pages: on unseen UN text, 4 of 69
        such findings were slips, against 7 of 10 for years.  A resolution's year
        that only one side's citation gives (``Resolution No. 984`` /
        ``قرار مجلس الأمن 984 (1995)``) is part of the citation, not a number to find;
        a table's two-digit year after an abbreviated month (``22 Oct 14``) is that year.
        A range the other side lacks at both ends (``2014-2015``, ``٢٠١١ - ٢٠١٥``) is one
        finding, and so is a number whose digits are several of the other side's run
        together (a copy that lost their commas: ``182018881889196021062122``), and so are
        two numbers joined by the Arabic comma that the other side gives as one decimal
        (``5،6`` for 5.6: the comma typed for the decimal point, a warning).  A number of levels
        (indicator ``3.2.1``, which UN Arabic writes ``3-2-1``) is one number: a level changed is
        one finding, its fix in the target's form.
    Why it matters:
        A wrong figure, day or resolution number is a factual error that no reader
        can detect without the source; it is the commonest error revisers catch.
    Example:
        en: from 8 to 10 December 2020
        ar: من 8 إلى 11 كانون الأول/ديسمبر 2020
    Use instead:
        ar: من 8 إلى 10 كانون الأول/ديسمبر 2020
    Suppress:
        `mustalah: ignore NU001` in the unit's note.
    """

    code = "NU001"
    name = "number-mismatch"
    category = "number"
    severity = "warning"
    #: pre-filter (checks.prefilter): every finding is a number in digits
    needs = ("digit",)
    scope = "bilingual"
    #: the digits of a placeholder (``{0}``, ``%1$s``) that MK002 reports whole
    #: … and the digits of a date whose month NU002 reports missing (one date left out, one finding)
    yields_to = ("MK002", "NU002")
    #: ``10`` in the source, ``11`` in its place in the target: one slip, reported once
    pairs_sides = True
    #: ``2020`` twice in the source, ``2019`` once in the target (the restated date gives no year)
    pairs_repeats = True

    def paired(self, source: Finding, target: Finding) -> Finding:
        """The other side has another number in this one's place: an error — unless the digits of
        one begin or end the other's (``27`` for ``2027``, ``20`` for ``2020``, ``15`` for
        ``15,000``): that is most often a form one side shortens (``2026-27``, a day beside a year,
        ``15 ألفاً``), which in the blind sets' first reviews gave 5 of the 6 such errors, so a warning."""
        same_digits = source.text.isascii() == target.text.isascii()
        mine, theirs = _digits(target.text), _digits(source.text)
        in_part = mine != theirs and (
            theirs.startswith(mine)
            or theirs.endswith(mine)
            or mine.startswith(theirs)
            or mine.endswith(theirs)
        )
        return replace(
            target,
            severity="warning" if in_part else "error",
            message=f"number {target.text} is not in the source, which has {source.text} instead"
            + ("; their digits agree in part: a form one side shortens?" if in_part else ""),
            suggestion=written_like(source.text, target.text)
            if same_digits and target.suggestion is None
            else target.suggestion,
        )

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None:
            return
        src, tgt = ctx.source, ctx.target
        for view in (v for v in (src, tgt) if v.lang.split("-")[0] == "ar" and "،" in v.text):
            for m in _COMMA_IN_NUMBER.finditer(view.text):
                yield self.finding(
                    ctx,
                    view,
                    m.start(),
                    m.end(),
                    f"the Arabic comma between the digits of {m.group()}: a thousands separator is ٬, a "
                    "space or nothing",
                    suggestion=m.group().replace("،", ""),
                    severity="warning",
                )
        if _values(src.text, src.lang) == _values(tgt.text, tgt.lang):
            return  # the same numbers on both sides: each side's digits cover the other's
        src_numbers, tgt_numbers = numbers_in(src.text, src.lang), numbers_in(tgt.text, tgt.lang)
        # digits inside a name (R0, ACE2) are not required on the other side, but count there
        src_pages, tgt_pages = page_references(src.text), page_references(tgt.text)
        src_own = [n for n in src_numbers if not _in_identifier(src.text, n) and not _inside(n, src_pages)]
        tgt_own = [n for n in tgt_numbers if not _in_identifier(tgt.text, n) and not _inside(n, tgt_pages)]
        here = list(self._one_way(ctx, src, tgt, "the target", src_own, src_numbers, tgt_numbers))
        there = list(self._one_way(ctx, tgt, src, "the source", tgt_own, tgt_numbers, src_numbers))
        join_decimal_commas(((tgt.text, tgt.lang, there, here), (src.text, src.lang, here, there)))  # 5،6
        yield from run_together(here, there)
        yield from run_together(there, here)

    def _one_way(
        self,
        ctx: UnitContext,
        here: SideView,
        there: SideView,
        where: str,
        mine: list[NumberToken],
        all_mine: list[NumberToken],
        their_numbers: list[NumberToken],
    ) -> Iterable[Finding]:
        if not mine:
            return  # every finding is about one of this side's numbers
        theirs = Counter(n.value for n in their_numbers)
        counts = Counter(n.value for n in mine)
        if all(theirs[v] >= c for v, c in counts.items()):
            return  # the other side's digits alone cover every number here (words only add to them)
        numbering = _paragraph_number(here.text, there.text)
        # a number of the other side that this side lacks: something stands in a missing one's place
        # (against every number here: a number inside a name, B21 or R0, that both sides have is none)
        every = Counter(n.value for n in all_mine)
        # (a day the other side adds to a date this side gives by its month alone stands in no place)
        extra = any(
            c > every.get(v, 0)
            and not all(day_added(there.text, t.start, v, here.text) for t in their_numbers if t.value == v)
            for v, c in Counter(n.value for n in their_numbers).items()
        )
        theirs.update(word_numbers(there.text, there.lang))
        theirs.update(compound_numbers(there.text, there.lang))  # ninety-five, الخامسة والسبعين
        # a name both sides give, in forms that differ in their numbers: "the 1267 Committee" /
        # لجنة مجلس الأمن المنشأة عملا بالقرارات 1267 (1999) و 1989 (2011) … (the term rules check names)
        named = {m.concept_id for m in there.matches}
        in_names = [(m.start, m.end) for m in here.matches if m.concept_id in named]
        seen: Counter[str] = Counter()
        found: list[Finding] = []
        reported = -1  # the end of the last run reported
        citation_years = _citation_years(here.text, there.text) if "(" in here.text else set()
        spare = where == "the target" and single_number(ctx.segment) is not None
        for n in mine:
            seen[n.value] += 1
            if seen[n.value] <= theirs.get(n.value, 0):
                continue
            if spare:
                spare = False
                continue  # a PO plural form said for one number (يومان, 'two days') may leave out the count
            if any(a <= n.start and n.end <= b for a, b in in_names):
                continue  # part of a name the other side gives in another form
            if n.start in citation_years:
                continue  # "Resolution No. 984" = قرار مجلس الأمن 984 (1995): the citation's year
            if n.start == numbering:
                continue  # "46 - " before the Arabic paragraph only: its numbering, not a number of the text
            if where == "the target" and n.value in ("1", "2") and _counts_things(here.text, n):
                continue  # "2 vehicles" = مركبتان, "1 minibus" = وحافلة: the dual and the singular count
            if where == "the source" and counts[n.value] > 1 and theirs.get(n.value, 0) > 0:
                continue  # repetition in the target (a restated year) is not a new number
            if (
                counts[n.value] > 1
                and theirs.get(n.value, 0) > 0
                and not extra
                and (_CITED.fullmatch(n.value) or _restated(here.text, mine, n.value))
            ):
                # "1 January 1994 and 31 December 1994", "resolution 1540 (2004) … resolution 1540
                # (2004)", "the 15-working-day limit … the 15-working-day limit": the other side gives
                # a repeated year, citation or phrase once and refers back (هذا الأجل)
                continue
            if n.value == "1" and _ONE_SCALE.match(here.text, n.end) and _AR_SCALE.search(there.text):
                continue  # "1 million" = مليون
            if _restates_word(here.text, n, here.lang):
                continue  # "Two (2) militants" = مقاتلان: the digits repeat the word before them
            if reversed_levels(n.value, there.text):
                continue  # 2.1.1 = 1-1-2: a right-to-left copy turned the indicator's levels round
            if same_number_elsewhere(n.value, n.start, here.text, here.lang, there.text):
                continue  # 10 a.m. = 10:00, 4,300 = 300 4, (L) = 50, 11th = الحادي عشر
            span = run_span(here.text, n.start) or (n.start, n.end)
            if span[1] <= reported:
                continue  # another group of a number already reported (000 816 10): one number, one finding
            run = here.text[span[0] : span[1]]
            before, after = here.text[span[0] - 1 : span[0]], here.text[span[1] : span[1] + 1]
            in_symbol = before in ("/", "-") or after == "/"
            one_time = re.fullmatch(r"[0-9٠-٩۰-۹]+(?:[:/][0-9٠-٩۰-۹]+)+", run) and not in_symbol
            if " " not in run and not one_time:
                span = (n.start, n.end)  # 10-103, 6.11, A/RES/60/228: several numbers, each its own
            reported = span[1]
            written = here.text[span[0] : span[1]]
            shown = written if span != (n.start, n.end) or "-" in written else n.value
            found.append(
                self.finding(
                    ctx,
                    here,
                    span[0],
                    span[1],
                    f"number {shown} is not in {where}"
                    + (
                        f" ({counts[n.value]} here, {theirs.get(n.value, 0)} there)"
                        if counts[n.value] > 1
                        else ""
                    ),
                    # a year, or a number with another the other side has in its place: worth a look
                    severity=None if extra or _YEAR.fullmatch(n.value) else "info",
                )
            )
        yield from join_ranges(here.text, found, where)
