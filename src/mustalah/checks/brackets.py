"""Brackets and quotation marks, in both languages: unpaired ones (PU004) and quotation styles
mixed in one unit (PU005).

UN Arabic writes quotations as ”…“ (straight "…" also occurs; «…» is media usage); a lost
bracket or quotation mark changes what is quoted, and in Arabic an unpaired bracket mirrors the
wrong way.  Quotations run over several paragraphs (each opening with a mark, the last one
closing it) in both languages, so a unit is read with the other side and, alone, with care.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from .base import Rule, SideView, UnitContext

_OPENERS = {"(": ")", "[": "]", "{": "}", "«": "»"}
_QUOTE_STYLES = {'"': "straight", "\u201d": "curly", "\u201c": "curly", "«": "guillemets", "»": "guillemets"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
#: The characters PU004/PU005 look at; the rules visit only these positions.
_BRACKET_RE = re.compile("[" + re.escape("".join(_OPENERS) + "".join(_CLOSERS)) + "]")
_QUOTE_RE = re.compile("[" + re.escape("".join(_QUOTE_STYLES)) + "]")


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
    or a digit; or the unit's first character, whatever follows (``" إن ممارسة …``, a space typed
    after the mark that opens a quoted paragraph)."""
    if not text[:i].strip():
        return True
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    return (not before or before.isspace() or before in "(:-–—") and after.isalnum()


def _pairs(opens: list[bool]) -> bool:
    """Whether quotes that open (True) and close (False) in this order pair up, one after another."""
    return len(opens) % 2 == 0 and all(opens[k] and not opens[k + 1] for k in range(0, len(opens), 2))


#: ``(ملف بصيغة الـ PDF``, un.org's Arabic label of a link to a PDF, never closed on its pages
_PDF_LINK_LABEL = re.compile(r"\(\s*ملف\s+بصيغة\s+(?:الـ\s*)?PDF(?!\s*\))")
_RUNS_ON = "; the unit's only quotation mark (a quotation that runs on across units?)"
_RUNS_ON_LAST = "; one quotation opens and runs to the unit's end (a quotation running on across units?)"
_CLOSES_EARLIER = (
    "; the unit's only quotation mark, at its end, where the other side has none: it closes a"
    " quotation an earlier unit opened (the source closes it elsewhere), or is a stray mark"
)


def _quote_balance(text: str) -> list[tuple[int, str]]:
    """Positions of quotes that do not pair (straight quotes by parity, curly by count)."""
    problems: list[tuple[int, str]] = []
    opens, closes, straight = text.count("\u201c"), text.count("\u201d"), text.count('"')
    if straight and opens + closes:  # styles mixed (PU005 reports the mix): count the marks together
        if (straight + opens + closes) % 2 == 0:
            return problems  # quotations opened in one style and closed in the other ("…” "…”)
        last = max(text.rfind('"'), text.rfind("\u201c"), text.rfind("\u201d"))
        return [(last, "an odd number of quotation marks, straight and curly mixed")]
    if text.count('"') % 2:
        problems.append((text.rfind('"'), "an odd number of straight quotes"))
    # ” … ”: one mark opening and closing, as Arabic pages often write it, pairs by parity
    same_mark = min(opens, closes) == 0 and (opens + closes) % 2 == 0
    if opens != closes and not same_mark:
        pos = text.rfind("\u201d") if closes else text.rfind("\u201c")  # the last of opens + closes
        problems.append((pos, f"{closes} ” and {opens} “ do not pair"))
    return problems


class UnbalancedBrackets(Rule):
    """Brackets or quotation marks that do not pair.

    What it catches:
        A ``(`` ``[`` ``{`` ``«`` without its closing mark (or a closing mark with
        no opening one), an odd number of straight quotes, or unequal numbers of
        ” and “ — in either language; where straight and curly marks are mixed
        (``"…” "…”``), their total, once (PU005 reports the mix).  Not a quotation
        or a bracket the segmentation cut alike in both languages (each side opens one and the next segment
        closes it), nor a side whose only quotation mark opens it when the other
        side has none (a paragraph of a quotation that runs over several, each
        opening with a mark, as UN documents quote articles and statements).  A
        side whose only quotation mark closes it at the end of the unit, when the
        other side has none, is a note: a statement split into sentences, the
        Arabic closing the quotation where the English does not.  In text with no
        other side, a unit whose only quotation mark is the odd one is a note: the
        quotation may run on into the next unit; so is one whose quotations all pair but
        one, which opens and runs to the end (``"…". "بلغت …``, or ``"تلقت … "كوفيد-19"، …``
        with a quoted word inside).  The PDF link label un.org's Arabic pages leave open
        after a document's symbol (``قرارها 55/201 (ملف بصيغة الـ PDF المؤرخ …``) is a
        note: page furniture; so is a bracket left open round the symbol and that label
        (``(القرار 836(IX) (ملف بصيغة الـ PDF بأن …``), whose closing the template dropped with
        the label's.  A quotation opened in one style and closed in the
        other (``:” … اليوم".``) pairs: PU005 reports the mix, once; so does one
        opened and closed with the same curly mark (``” … ”``), as Arabic pages often write it.
        A list label closed by a bracket alone (``أ) … ب) …``, ``a)``) has no opening to lose.
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
                elif _LIST_LABEL.search(text, 0, i):
                    continue  # a list label, "a)" or "أ)", at the unit's start or after a space or ":"
                else:
                    yield self.finding(ctx, view, i, i + 1, f"'{c}' has no opening '{closers[c]}'")
        labels = [i for c, i in stack if c == "(" and _PDF_LINK_LABEL.match(text, i)]
        for c, i in stack:
            if c == "(" and i not in labels and _holds_a_label(text, i, labels):
                yield self.finding(
                    ctx,
                    view,
                    i,
                    i + 1,
                    "'(' is not closed: the link label '(ملف بصيغة الـ PDF' inside it, which un.org's Arabic "
                    "pages leave open, took its closing bracket (page furniture, not the text's)",
                    severity="info",
                )
                continue
            if c == "(" and i in labels:
                yield self.finding(
                    ctx,
                    view,
                    i,
                    i + 1,
                    "'(' is not closed: it opens '(ملف بصيغة الـ PDF', the link label un.org's Arabic pages "
                    "leave open after a document's symbol (page furniture, not the text's)",
                    severity="info",
                )
                continue
            yield self.finding(ctx, view, i, i + 1, f"'{c}' is not closed", suggestion=_OPENERS[c])


#: A list label closed by a bracket alone (``: أ) ميثاق الأمم المتحدة؛ ب) …``): one or two digits, a
#: letter or ``هـ``, at the unit's start or after a space or punctuation, right before the ``)``.
_LIST_LABEL = re.compile(r"(?:^|(?<=[\s:؛;،,]))(?:[0-9]{1,2}|[A-Za-z]|[\u0621-\u064A]|هـ)$")


def _holds_a_label(text: str, i: int, labels: list[int]) -> bool:
    """Whether the bracket opened at ``i`` holds, a few words on and still open, one of the PDF link
    labels at ``labels`` (``(القرار 836(IX) (ملف بصيغة الـ PDF بأن …``): the page closed both after
    the link, and the template dropped the two brackets together."""
    return any(0 < j - i <= 40 and not re.search(r"[.،,؛;:]", text[i:j]) for j in labels)


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
