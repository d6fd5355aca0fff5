"""Punctuation rules for Arabic text (brackets and quotation marks are in ``brackets.py``).

UN Arabic uses ، ؛ ؟ (never Latin , ; ? next to Arabic words) and puts no space before
، ؛ . : ؟ !.  A full stop or comma typed *before* a Latin parenthetical so that it "looks
right" on screen is a logical-order error (../shared/research/arabic.md §4.1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from .base import Rule, SideView, UnitContext

AR_LETTER = "\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff"
_LATIN_PUNCT = re.compile(r"[,;?]")
_SPACE_BEFORE = re.compile(r"[ \t\u00a0]+([،؛.:؟!])")
#: Punctuation typed before a Latin parenthetical at the end of a line or paragraph.
_BIDI_ORDER = re.compile(r"[ \t]*([.،؛:])[ \t]*(\([^()\n]*[A-Za-z][^()\n]*\))(?=[ \t\u200e\u200f]*(?:\n|$))")
_LATIN = re.compile(r"[A-Za-z0-9]")
_ARABIC_TEXT = re.compile(f"[{AR_LETTER}]")


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t\u00a0":
        j += step
    return text[j] if 0 <= j < len(text) else ""


class LatinPunctuationInArabic(Rule):
    """A Latin comma, semicolon or question mark in Arabic text.

    What it catches:
        ``,`` ``;`` ``?`` next to Arabic words.  Not between digits (``1,500``) and
        not inside a Latin run such as ``(OAS/CICTE, CTED)``.  A mark typed against
        the next word (``فلقد ;طغت``) is moved after the word before it by the fix.
    Why it matters:
        Arabic has its own marks (، ؛ ؟); the Latin ones are the wrong characters,
        mirror wrongly in right-to-left text and break search.  A comma that
        opens the text has no place in either script: the fix deletes it.
    Example:
        en: the Centre, which…
        ar: المركز, الذي…
    Use instead:
        ar: المركز، الذي…
    Suppress:
        `mustalah: ignore PU001` in the unit's note.
    """

    code = "PU001"
    name = "latin-punctuation"
    category = "punctuation"
    severity = "error"
    #: pre-filter (checks.prefilter): a Latin , ; ? in Arabic text
    needs = ("ar:latin-punct",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            text = view.text
            separators: str | None = None  # looked up at the first Latin mark only (most texts have none)
            for m in _LATIN_PUNCT.finditer(text):
                if separators is None:
                    separators = _separators(ctx, view)
                # a list syntax the other side uses too (Keywords=a;b;c;), not prose — but a mark that
                # only ends the text (an item of a list in prose, "… or hour;") is Latin in Arabic
                glued = re.search(re.escape(m.group()) + r"\S", text) if m.group() in separators else None
                if glued is not None and not text[m.end() : m.end() + 1].isspace():
                    continue
                before, after = _neighbour(text, m.start(), -1), _neighbour(text, m.start(), 1)
                if _LATIN.match(before or " ") and (not after or _LATIN.match(after) or after in "()/"):
                    continue  # inside a Latin run or a number
                if m.group() == "," and before.isdigit() and after.isdigit():
                    continue
                if (
                    not re.match(f"[{AR_LETTER}]", before or " ")
                    and not re.match(f"[{AR_LETTER}]", after or " ")
                    and not (before == ")" and re.match(f"[{AR_LETTER}]", after or " "))
                ):
                    continue
                if not text[: m.start()].strip() and m.group() == ",":
                    # a comma opening the text (old UN News pages: ", الأمين العام يدين…"): no
                    # Arabic comma belongs there either, so the fix deletes it and the space after
                    end = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip(" \t"))
                    message = "a Latin ',' opens the text with nothing before it: delete it"
                    yield self.finding(ctx, view, m.start(), end, message, suggestion="")
                    continue
                fix = {",": "،", ";": "؛", "?": "؟"}[m.group()]
                start, message = m.start(), f"Latin '{m.group()}' in Arabic text; use '{fix}'"
                spaced = re.search(r"[ \t]+$", text[: m.start()])
                if spaced is not None and re.match(f"[{AR_LETTER}]", text[m.end() : m.end() + 1]):
                    # typed against the next word (فلقد ;طغت): the mark belongs after the word before it
                    start, fix, message = spaced.start(), fix + " ", message + " after the word before it"
                yield self.finding(ctx, view, start, m.end(), message, suggestion=fix)


def _separators(ctx: UnitContext, view: SideView) -> str:
    """The marks the other side uses as separators, glued to the next item (``a;b;c;``)."""
    other = ctx.source if view is ctx.target else ctx.target
    if other is None:
        return ""
    return "".join(c for c in ";," if re.search(rf"[^\W\d]{c}(?:[^\W\d]|$)", other.text))


class SpaceBeforePunctuation(Rule):
    """A space before ، ؛ . : ؟ ! in Arabic text.

    What it catches:
        White space (including NBSP) directly before an Arabic or Latin punctuation
        mark in Arabic text — often left by a "display fix" after a Latin
        parenthetical (``(PCVE) ،``).  Not a space before an inline code that
        stands before the mark (``مرحبا <x/>!``: the code is a name or a link), nor
        in a target still in the source's words (UT002 reports the copy).
    Why it matters:
        The mark is separated from its word: the line can break before it and it
        can drift to the wrong side of a Latin run in right-to-left display.
    Example:
        en: United Nations, 8 December 2020
        ar: الأمم المتحدة ، 8 كانون الأول/ديسمبر 2020
    Use instead:
        ar: الأمم المتحدة، 8 كانون الأول/ديسمبر 2020
    Suppress:
        `mustalah: ignore PU002` in the unit's note.
    """

    code = "PU002"
    name = "space-before-punctuation"
    category = "punctuation"
    severity = "error"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            text = view.text
            spaced = list(_SPACE_BEFORE.finditer(text))
            if not spaced or not _ARABIC_TEXT.search(text):
                continue  # (a target still in the source's words: UT002 reports the copy)
            covered = {m.start(1) for m in _BIDI_ORDER.finditer(text)} if "(" in text else set()
            codes = _code_offsets(ctx, view)
            for m in spaced:
                mark = m.group(1)
                if m.start(1) in covered:
                    continue
                if any(m.start() < at <= m.start(1) for at in codes):
                    continue  # مرحبا <x/>! : the space is before an inline code (a name, a link)
                nxt = text[m.end() : m.end() + 1]
                if mark == "." and (nxt.isdigit() or nxt == "." or text[m.end() - 2 : m.end()] == ".."):
                    continue  # .5, an ellipsis
                if mark == ":" and nxt.isdigit():
                    continue
                why = _DISPLAY_FIX if _after_latin_parenthetical(text, m.start()) else ""
                yield self.finding(
                    ctx, view, m.start(), m.end(), f"space before '{mark}'{why}", suggestion=mark
                )


_DISPLAY_FIX = " (a display fix after a Latin parenthetical?)"


def _after_latin_parenthetical(text: str, end: int) -> bool:
    """Whether a parenthetical holding Latin letters closes right at ``end`` (``(MINUSTAH) ،``), where
    a space before the mark may be a fix for the display; not an Arabic one (``(الفاو) .``)."""
    if not text[:end].endswith(")"):
        return False
    opened = text.rfind("(", 0, end)
    return opened >= 0 and re.search("[A-Za-z]", text[opened:end]) is not None


def _code_offsets(ctx: UnitContext, view: SideView) -> tuple[int, ...]:
    """Where the inline codes of ``view``'s side stand in its text (XLIFF ``<x/>``, TMX ``<ph>``)."""
    if view is ctx.target:
        return tuple(c.offset for c in ctx.segment.target_codes)
    return tuple(c.offset for c in ctx.segment.source_codes) if view is ctx.source else ()


class PunctuationBeforeParenthetical(Rule):
    """Punctuation typed before a Latin parenthetical to fix the display.

    What it catches:
        ``الأمريكية .(OAS/CICTE)`` at the end of a line: the full stop (or comma)
        was moved before the parenthesis because the correct order
        ``الأمريكية (OAS/CICTE).`` *displays* with the stop at the far left.
    Why it matters:
        The logical order is wrong: screen readers, search, copy-paste, alignment
        with English and any left-to-right rendering all see the stop before the
        acronym.  Fix the display with paragraph direction (or an RLM after the
        parenthesis), never by reordering.
    Example:
        en: …of the Organization of American States (OAS/CICTE).
        ar: …للجنة البلدان الأمريكية .(OAS/CICTE)
    Use instead:
        ar: …للجنة البلدان الأمريكية (OAS/CICTE).
    Suppress:
        `mustalah: ignore PU003` in the unit's note.
    """

    code = "PU003"
    name = "punctuation-logical-order"
    category = "punctuation"
    severity = "error"
    #: pre-filter (checks.prefilter): a parenthetical in Arabic text
    needs = ("ar:paren",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            if "(" not in view.text or not _ARABIC_TEXT.search(view.text):
                continue  # _BIDI_ORDER needs a parenthesis; a target still in English has no display fix
            for m in _BIDI_ORDER.finditer(view.text):
                if m.group(1) == "." and _ABBREVIATION_END.search(view.text, 0, m.start() + 1):
                    continue  # S.A. (ARSAT): the full stop ends an abbreviation, it is no punctuation
                fix = f" {m.group(2)}{m.group(1)}"
                yield self.finding(
                    ctx,
                    view,
                    m.start(),
                    m.end(),
                    f"'{m.group(1)}' typed before '{m.group(2)}' (visual-order fix); move it after the ')'",
                    suggestion=fix,
                )


#: A Latin abbreviation ending at a full stop: S.A., U.S., Inc., Ltd., Co.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St)\.)$")
