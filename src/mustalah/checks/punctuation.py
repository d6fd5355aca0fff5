"""Punctuation rules for Arabic text and for both languages (brackets and quotes).

UN Arabic uses ، ؛ ؟ (never Latin , ; ? next to Arabic words), puts no space before
، ؛ . : ؟ !, and writes quotations as ”…“ (straight "…" also occurs; «…» is media
usage).  A full stop or comma typed *before* a Latin parenthetical so that it "looks
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
_OPENERS = {"(": ")", "[": "]", "{": "}", "«": "»"}
_QUOTE_STYLES = {'"': "straight", "\u201d": "curly", "\u201c": "curly", "«": "guillemets", "»": "guillemets"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
#: The characters PU004/PU005 look at; the rules visit only these positions.
_BRACKET_RE = re.compile("[" + re.escape("".join(_OPENERS) + "".join(_CLOSERS)) + "]")
_QUOTE_RE = re.compile("[" + re.escape("".join(_QUOTE_STYLES)) + "]")


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
        mirror wrongly in right-to-left text and break search.
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
                why = (
                    " (a display fix after a Latin parenthetical?)" if text[: m.start()].endswith(")") else ""
                )
                yield self.finding(
                    ctx, view, m.start(), m.end(), f"space before '{mark}'{why}", suggestion=mark
                )


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


def _opens_quoted_paragraph(text: str) -> bool:
    """A paragraph of a quotation that runs over several paragraphs: its only quotation mark
    opens it, as each paragraph's does until the last one closes the quotation."""
    body = text.lstrip()
    head = body[:1]
    return bool(head) and head in _QUOTE_STYLES and len(_QUOTE_RE.findall(body)) == 1


def _closes_quoted_paragraph(text: str) -> bool:
    """The last sentence of a quotation that began in an earlier unit: its only quotation mark,
    at its end, closes it (``… في هذا البلد."`` after a unit that opened the statement)."""
    body = text.rstrip().rstrip(".،؛:!؟…").rstrip()
    tail = body[-1:]
    return bool(tail) and tail in _QUOTE_STYLES and len(_QUOTE_RE.findall(body)) == 1


def _one_quotation_runs_on(text: str) -> bool:
    """Every quotation of the unit pairs but one, which opens and runs to the end: a quotation
    over several paragraphs, each opening with a mark (``قالت: "…". "بلغت …``), perhaps with a
    quoted word inside (``"تلقت سوريا … لقاح "كوفيد-19"، وهي …``)."""
    if text.count('"') % 2:
        marks = [i for i, c in enumerate(text) if c == '"']
        opens = [_opening(text, i) for i in marks]
        return any(o and _pairs(opens[:k]) and _pairs(opens[k + 1 :]) for k, o in enumerate(opens))
    opens_curly, closes_curly = text.count("\u201c"), text.count("\u201d")
    return opens_curly == closes_curly + 1 and text.rfind("\u201c") > text.rfind("\u201d")


def _opening(text: str, i: int) -> bool:
    """A straight quote at ``i`` that opens: after the start, a space or ``(:-–—``, before a letter
    or a digit."""
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    return (not before or before.isspace() or before in "(:-–—") and after.isalnum()


def _pairs(opens: list[bool]) -> bool:
    """Whether quotes that open (True) and close (False) in this order pair up, one after another."""
    return len(opens) % 2 == 0 and all(opens[k] and not opens[k + 1] for k in range(0, len(opens), 2))


_RUNS_ON = "; the unit's only quotation mark (a quotation that runs on across units?)"
_RUNS_ON_LAST = "; one quotation opens and runs to the unit's end (a quotation running on across units?)"
_CLOSES_EARLIER = (
    "; the unit's only quotation mark, at its end, where the other side has none: it closes a"
    " quotation an earlier unit opened (the source closes it elsewhere), or is a stray mark"
)


def _quote_balance(text: str) -> list[tuple[int, str]]:
    """Positions of quotes that do not pair (straight quotes by parity, curly by count)."""
    problems: list[tuple[int, str]] = []
    opens, closes = text.count("\u201c"), text.count("\u201d")
    if text.count('"') % 2 and abs(opens - closes) == 1:
        return problems  # a quotation opened in one style and closed in the other (” … "): PU005's mix
    if text.count('"') % 2:
        problems.append((text.rfind('"'), "an odd number of straight quotes"))
    if opens != closes:
        pos = text.rfind("\u201d") if closes else text.rfind("\u201c")  # the last of opens + closes
        problems.append((pos, f"{closes} ” and {opens} “ do not pair"))
    return problems


class UnbalancedBrackets(Rule):
    """Brackets or quotation marks that do not pair.

    What it catches:
        A ``(`` ``[`` ``{`` ``«`` without its closing mark (or a closing mark with
        no opening one), an odd number of straight quotes, or unequal numbers of
        ” and “ — in either language.  Not a quotation or a bracket the segmentation
        cut alike in both languages (each side opens one and the next segment
        closes it), nor a side whose only quotation mark opens it when the other
        side has none (a paragraph of a quotation that runs over several, each
        opening with a mark, as UN documents quote articles and statements).  A
        side whose only quotation mark closes it at the end of the unit, when the
        other side has none, is a note: a statement split into sentences, the
        Arabic closing the quotation where the English does not.  In text with no
        other side, a unit whose only quotation mark is the odd one is a note: the
        quotation may run on into the next unit; so is one whose quotations all pair but
        one, which opens and runs to the end (``"…". "بلغت …``, or ``"تلقت … "كوفيد-19"، …``
        with a quoted word inside).  A quotation opened in one style and closed in the
        other (``:” … اليوم".``) pairs: PU005 reports the mix, once.
    Why it matters:
        A lost bracket or quote changes what is quoted or parenthetical, and in
        Arabic an unpaired bracket mirrors the wrong way.
    Example:
        en: the Centre (UNCCT) said
        ar: قال المركز (UNCCT إن
    Use instead:
        ar: قال المركز (UNCCT) إن
    Suppress:
        `mustalah: ignore PU004` in the unit's note.
    """

    code = "PU004"
    name = "unbalanced-brackets"
    category = "punctuation"
    severity = "warning"
    #: pre-filter (checks.prefilter): a bracket or a quotation mark
    needs = ("bracket",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        unbalanced = {view.side: list(_quote_balance(view.text)) for view in ctx.sides}
        mirrored = ctx.target is not None and all(unbalanced.values())
        for view in ctx.sides:
            yield from self._brackets(ctx, view)
            if mirrored or not unbalanced[view.side]:
                continue  # balanced, or a quotation the segmentation cut alike in both languages
            other = ctx.target if view is ctx.source else ctx.source
            if other is not None and _opens_quoted_paragraph(view.text) and not _QUOTE_RE.search(other.text):
                continue  # "2 - لا يجوز …: a paragraph of a quotation that runs on; the source shows none
            # with no other side to compare, a unit whose one quotation mark is the odd one most
            # often opens a quotation the next unit goes on with (or closes one): a note
            lone = other is None and len(_QUOTE_RE.findall(view.text)) == 1
            runs_on = other is None and not lone and _one_quotation_runs_on(view.text)
            # the last sentence of a quoted statement split into sentences: the Arabic closes the
            # quotation here, the English (one opening mark per paragraph) closes it elsewhere
            closing = (
                other is not None and _closes_quoted_paragraph(view.text) and not _QUOTE_RE.search(other.text)
            )
            note = _RUNS_ON if lone else _RUNS_ON_LAST if runs_on else _CLOSES_EARLIER if closing else ""
            for pos, what in unbalanced[view.side]:
                yield self.finding(
                    ctx,
                    view,
                    pos,
                    pos + 1,
                    f"unbalanced quotation marks: {what}" + note,
                    severity="info" if note else None,
                )

    def _brackets(self, ctx: UnitContext, view: SideView) -> Iterable[Finding]:
        found = list(self._bracket_problems(ctx, view))
        other = ctx.target if view is ctx.source else ctx.source
        if found and other is not None:
            theirs = {f.message for f in self._bracket_problems(ctx, other)}
            # "79. [Draft article 4C …" in both languages: a bracket the document itself leaves open
            found = [f for f in found if f.message not in theirs]
        yield from found

    def _bracket_problems(self, ctx: UnitContext, view: SideView) -> Iterable[Finding]:
        stack: list[tuple[str, int]] = []
        closers = _CLOSERS
        text = view.text
        for m in _BRACKET_RE.finditer(text):
            i, c = m.start(), m.group()
            if c in _OPENERS:
                stack.append((c, i))
            elif c in closers:
                if stack and stack[-1][0] == closers[c]:
                    stack.pop()
                elif re.match(r"[0-9A-Za-z\u0621-\u064A]\)", text[max(0, i - 1) : i + 1]) and i <= 3:
                    continue  # a list label "a)" at the start of a unit
                else:
                    yield self.finding(ctx, view, i, i + 1, f"'{c}' has no opening '{closers[c]}'")
        for c, i in stack:
            yield self.finding(ctx, view, i, i + 1, f"'{c}' is not closed", suggestion=_OPENERS[c])


class MixedQuoteStyles(Rule):
    """Two quotation styles in one unit.

    What it catches:
        Straight ``"…"``, curly ``”…“`` and guillemets ``«…»`` mixed in the same
        text.  UN Arabic uses ”…“ (straight quotes also occur); «…» is media usage.
    Why it matters:
        Mixed styles look careless and usually mean text was pasted from several
        sources without revision.
    Example:
        en: "Jordan has shown commitment," she said, calling it a "model".
        ar: قالت: ”أظهر الأردن التزاماً“، ووصفته بأنه «نموذج».
    Use instead:
        ar: قالت: ”أظهر الأردن التزاماً“، ووصفته بأنه ”نموذج“.
    Suppress:
        `mustalah: ignore PU005` in the unit's note.
    """

    code = "PU005"
    name = "mixed-quotes"
    category = "punctuation"
    severity = "warning"
    #: pre-filter (checks.prefilter): quotation marks
    needs = ("quote",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            first: dict[str, int] = {}
            for m in _QUOTE_RE.finditer(view.text):
                i, c = m.start(), m.group()
                style = _QUOTE_STYLES.get(c)
                if style and style not in first:
                    first[style] = i
            if len(first) > 1:
                styles = sorted(first, key=first.__getitem__)
                pos = first[styles[1]]
                yield self.finding(ctx, view, pos, pos + 1, f"quotation styles mixed: {', '.join(styles)}")
