"""Style rules: honorifics, digits, -ize spelling, document symbols (the UN month pairs: ``month_style``)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from ..model import Finding
from ..text.english import document_symbols, ise_words
from .base import Rule, UnitContext
from .number_runs import DIGITS
from .textcache import split_honorific, symbols

#: Personal honorifics that cannot be stacked (protocol ones — معالي، سعادة، فخامة — may precede السيد).
_PERSONAL_AR = {"السيد", "السيدة", "الدكتور", "الدكتورة", "د.", "الأستاذ", "الأستاذة", "الآنسة"}
_PERSONAL_EN = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?:Mr|Mrs|Ms|Miss|Dr|Prof)\b\.?")
#: ``_PERSONAL_EN`` without its word boundaries: a fast test (a leading ``\\b`` defeats the prefix scan).
_PERSONAL_EN_CORE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?:Mr|Mrs|Ms|Miss|Dr|Prof)")
_TOKEN = re.compile(r"\S+")
#: Every personal honorific (also after a proclitic, ``للسيد``) contains one of these; a text with
#: fewer than two cannot stack two.
_PERSONAL_AR_CORE = re.compile(r"سيد|دكتور|د\.|أستاذ|آنسة")
ARABIC_INDIC = re.compile(r"[٠-٩]+")
EXTENDED = re.compile(r"[۰-۹]+")
_NON_WESTERN_DIGIT = re.compile(r"[٠-٩۰-۹]")
WESTERN = re.compile(r"[0-9]+")
_NON_WESTERN_NUMBER = re.compile(r"[٠-٩۰-۹]+(?:[٫٬.,][٠-٩۰-۹]+)*")
#: A paragraph or list number that opens a unit: ``١٣ - ``, ``39. ``, ``(أ) ``.  UN Arabic
#: documents number paragraphs in Arabic-Indic digits whatever digits the text uses.
_PARAGRAPH_NUMBER = re.compile(r"\s*(?:[0-9٠-٩۰-۹]+\s*[-–.)]|\([0-9٠-٩۰-۹a-zء-ي]{1,4}\))\s+")


#: A resolution cited by number and year, ``2146 (2014)``: UN Arabic documents keep the
#: symbol's Western digits in citations whatever digits their text uses.
_CITATION = re.compile(r"[0-9]+ \([0-9]{4}\)")


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in spans)


def paragraph_number_end(text: str) -> int:
    """Where the body of ``text`` starts after an opening paragraph number (0 if none)."""
    m = _PARAGRAPH_NUMBER.match(text)
    return m.end() if m else 0


class StackedHonorifics(Rule):
    """Two personal honorifics before one name (``د. السيد``, ``Dr. Mr.``).

    What it catches:
        Two of السيد/السيدة، الدكتور/الدكتورة، د.، الأستاذ… in a row, or Mr./Ms./Dr.
        stacked in English.  A protocol honorific before السيد (``فخامة السيد``)
        is formal usage and is not reported.
    Why it matters:
        UN texts use one honorific (السيد/السيدة, or the title); stacking them is
        a calque of the English "Dr. Mr." and reads as an error.
    Example:
        en: Mr. Chua Teong Ban, Director-General
        ar: د. السيد شواه تيونغ بان، المدير العام
    Use instead:
        ar: السيد شواه تيونغ بان، المدير العام
    Suppress:
        `mustalah: ignore ST001` in the unit's note.
    """

    code = "ST001"
    name = "stacked-honorifics"
    category = "style"
    severity = "warning"
    #: pre-filter (checks.prefilter): a personal title (Mr, السيد, د. …)
    needs = ("personal",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            if view.lang == "ar":
                if len(_PERSONAL_AR_CORE.findall(view.text)) < 2:
                    continue
                tokens = list(_TOKEN.finditer(view.text))
                for a, b in itertools.pairwise(tokens):
                    ha, hb = split_honorific(a.group()), split_honorific(b.group())
                    if ha and hb and ha[1] in _PERSONAL_AR and hb[1] in _PERSONAL_AR:
                        yield self.finding(
                            ctx,
                            view,
                            a.start(),
                            b.end(),
                            f"stacked honorifics '{a.group()} {b.group()}'; use one",
                            suggestion=ha[0] + hb[1] if ha[0] else hb[1],
                        )
            elif view.lang == "en":
                if not _PERSONAL_EN_CORE.search(view.text):
                    continue
                for m in _PERSONAL_EN.finditer(view.text):
                    yield self.finding(ctx, view, m.start(), m.end(), f"stacked honorifics '{m.group()}'")


class NonWesternDigits(Rule):
    """Arabic-Indic or Extended digits in Arabic body text.

    What it catches:
        ``٢٠٢٠`` or ``۲۰۲۰`` in Arabic text.
    Why it matters:
        UN Arabic web pages and press releases use Western digits (0–9); the other
        systems break search and number checks in TMs.  UN documents long used
        Arabic-Indic digits, so this is a house-style note, not a warning.
    Example:
        en: 8 December 2020
        ar: ٨ كانون الأول/ديسمبر ٢٠٢٠
    Use instead:
        ar: 8 كانون الأول/ديسمبر 2020
        An opening paragraph number (``١٣ - …``) is the document's numbering, not
        text: UN Arabic documents number paragraphs in Arabic-Indic digits.
    Suppress:
        `ignore = ["ST003"]` in `[tool.mustalah]` for texts that follow another convention.
    """

    code = "ST003"
    name = "non-western-digits"
    category = "style"
    #: house style, not an error: UN documents long used Arabic-Indic digits (S/RES/2210 (2015))
    severity = "info"
    #: pre-filter (checks.prefilter): an Arabic-Indic or Extended digit in Arabic text
    needs = ("ar:indic-digit",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            if not _NON_WESTERN_DIGIT.search(view.text):
                continue  # every report is a run of non-Western digits
            body = paragraph_number_end(view.text)
            if WESTERN.search(view.text, body) and (
                ARABIC_INDIC.search(view.text, body) or EXTENDED.search(view.text, body)
            ):
                continue  # ST004 reports the mix
            for m in _NON_WESTERN_NUMBER.finditer(view.text, body):
                yield self.finding(
                    ctx,
                    view,
                    m.start(),
                    m.end(),
                    "UN Arabic uses Western digits",
                    suggestion=m.group().translate(DIGITS).replace("٫", ".").replace("٬", ","),
                )


class MixedDigitSystems(Rule):
    """Two digit systems in one text.

    What it catches:
        Western digits together with Arabic-Indic or Extended (Persian) digits in
        the same unit side, or Arabic-Indic with Extended.  An opening paragraph
        number (``١٣ - يطلب…``) is the document's numbering, and a cited resolution
        (``القرار 2146 (2014)``) or a document symbol (``A/CN.9/934``) keeps its
        Western digits: none of them counts.  One
        finding per side, on the first number of the smaller system, with the count.
    Why it matters:
        Mixed digits are a sure sign of pasted text; Extended digits ۴ ۵ ۶ look
        unlike the Arabic ones, and numbers compare wrongly in TMs.
    Example:
        en: from 8 to 10 December 2020
        ar: من ٨ إلى 10 كانون الأول/ديسمبر 2020
    Use instead:
        ar: من 8 إلى 10 كانون الأول/ديسمبر 2020
    Suppress:
        `mustalah: ignore ST004` in the unit's note.
    """

    code = "ST004"
    name = "mixed-digits"
    category = "style"
    #: a reviser looks: UN documents mix them on purpose in places (dates one way, times another)
    severity = "warning"
    #: pre-filter (checks.prefilter): an Arabic-Indic or Extended digit
    needs = ("indic-digit",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            if not _NON_WESTERN_DIGIT.search(view.text):
                continue  # Western digits alone are one system
            body = paragraph_number_end(view.text)  # "١٣ - …": the documents' own numbering
            cited = [m.span() for m in _CITATION.finditer(view.text)]  # القرار 2146 (2014)
            cited += [(a, b) for a, b, _ in document_symbols(view.text)]  # A/CN.9/934: Latin, Western digits
            systems = {
                name: [m for m in p.finditer(view.text, body) if not _inside(m.start(), cited)]
                for name, p in (("Western", WESTERN), ("Arabic-Indic", ARABIC_INDIC), ("Extended", EXTENDED))
            }
            used = [n for n, ms in systems.items() if ms]
            if len(used) < 2:
                continue
            minority = min(used, key=lambda n: len(systems[n]))
            runs = systems[minority]
            others = ", ".join(u for u in used if u != minority)
            # one finding per side, on the first run: one slip (a line pasted or typed in two systems)
            count = f" ({len(runs)} numbers, from here to the last)" if len(runs) > 1 else ""
            message = f"{minority} digits mixed with {others} digits{count}"
            yield self.finding(ctx, view, runs[0].start(), runs[0].end(), message)


class IseSpelling(Rule):
    """An -ise/-isation spelling in English where UN English writes -ize.

    What it catches:
        organisation, prioritise, realised… — UN English follows the Oxford
        spelling (-ize, -ization) but keeps -yse (analyse) and the words that are
        always -ise: advertise, advise, comprise, compromise, devise, exercise,
        revise, supervise, surprise, televise, otherwise, enterprise, franchise,
        merchandise, improvise, expertise, premise.  Official names the termbase
        spells with -ise (Organisation of Islamic Cooperation) are not reported.
    Why it matters:
        Consistency with UN editorial style and with official names (World Health
        Organization); en_GB dictionaries accept both spellings, so a spell-checker
        cannot catch it.
    Example:
        en: the organisation will prioritise prevention
        ar: ستعطي المنظمة الأولوية للوقاية
    Use instead:
        en: the organization will prioritize prevention
    Suppress:
        `mustalah: ignore ST005` in the unit's note.
    """

    code = "ST005"
    name = "ise-spelling"
    category = "style"
    severity = "warning"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("en"):
            official = [(m.start, m.end) for m in view.matches if not m.differences]
            for start, end, _found, fix in ise_words(view.text):
                if any(a <= start and end <= b for a, b in official):
                    continue  # an official name spelled -ise (Organisation of Islamic Cooperation)
                yield self.finding(ctx, view, start, end, f"UN English writes '{fix}' (-ize)", suggestion=fix)


class DocumentSymbolChanged(Rule):
    """A UN document symbol not copied verbatim into the other language.

    What it catches:
        ``S/RES/2178 (2014)``, ``A/RES/60/288``, ``A/75/L.1``: a document symbol in
        the source that does not appear, character for character, in the target
        (and the other way round).
    Why it matters:
        Symbols are identifiers, identical in all six languages; a changed digit,
        slash or letter points to another document.
    Example:
        en: resolution A/RES/60/288
        ar: القرار A/RES/60/228
    Use instead:
        ar: القرار A/RES/60/288
    Suppress:
        `mustalah: ignore ST006` in the unit's note.
    """

    code = "ST006"
    name = "document-symbol"
    category = "style"
    severity = "warning"
    #: pre-filter (checks.prefilter): a document symbol has a '/'
    needs = ("slash",)
    scope = "bilingual"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None:
            return
        for here, there in ((ctx.source, ctx.target), (ctx.target, ctx.source)):
            mine = symbols(here.text)
            if not mine:
                continue
            other = {s for _, _, s in symbols(there.text)}
            other_bare = {re.sub(r"\s\(\d{4}\)$", "", s) for s in other}
            for start, end, sym in mine:
                bare = re.sub(r"\s\(\d{4}\)$", "", sym)
                if sym in other or bare in other_bare:
                    continue
                where = "target" if here is ctx.source else "source"
                yield self.finding(
                    ctx, here, start, end, f"document symbol '{sym}' is not in the {where} verbatim"
                )
