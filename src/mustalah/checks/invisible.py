"""Invisible characters: bidi controls, zero-width characters, tatweel, stray NBSP.

They are folded away for matching (GUIDE §3) but survive in the text, where they
break search, spell-checking and copy-paste.  A lone RLM/LRM after a closing
parenthesis is the accepted plain-text display fix (research/arabic.md §4.1) and is
not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from .base import Rule, UnitContext

OVERRIDES = {"\u202d": "LRO", "\u202e": "RLO"}
EMBEDDINGS = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}
ZERO_WIDTH = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)",
    "\u00ad": "SOFT HYPHEN",
}
TATWEEL = "\u0640"
NBSPS = {"\u00a0": "NO-BREAK SPACE", "\u202f": "NARROW NO-BREAK SPACE"}


def _char_class(chars: Iterable[str]) -> re.Pattern[str]:
    """One character of ``chars``: the rules visit only these positions, not every character."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


_OVERRIDE_RE = _char_class(OVERRIDES)
_BIDI_RE = _char_class({**EMBEDDINGS, **OVERRIDES})
_ZERO_WIDTH_RE = _char_class(ZERO_WIDTH)
_TATWEEL_RUN = re.compile(TATWEEL + "+")
_NBSP_RE = _char_class(NBSPS)


class BidiOverride(Rule):
    """A bidi override character (LRO U+202D, RLO U+202E).

    What it catches:
        Characters that force the display order of the text after them.
    Why it matters:
        Overrides make text display in an order different from the one stored
        ("Trojan Source"): what the reviser reads is not what is searched,
        aligned or published.
    Example:
        en: resolution 2178
        ar: القرار \u202e2178\u202c
    Use instead:
        ar: القرار 2178
    Suppress:
        `mustalah: ignore IN001` in the unit's note.
    """

    code = "IN001"
    name = "bidi-override"
    category = "invisible"
    severity = "error"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for m in _OVERRIDE_RE.finditer(view.text):
                i, c = m.start(), m.group()
                if c in OVERRIDES:
                    yield self.finding(
                        ctx,
                        view,
                        i,
                        i + 1,
                        f"bidi override U+{ord(c):04X} ({OVERRIDES[c]}) reorders the display",
                        suggestion="",
                    )


class BidiEmbedding(Rule):
    """Bidi embeddings and isolates (U+202A–202C, U+2066–2069); unbalanced ones are errors.

    What it catches:
        LRE, RLE, PDF, LRI, RLI, FSI, PDI in the text: a warning, since paragraph
        direction or markup should carry direction; an error when an embedding or
        isolate is not closed (or a PDF/PDI closes nothing), because the
        direction then leaks into the rest of the text.
    Why it matters:
        Invisible controls survive into the published text and TM, break search
        and exact matching, and unbalanced ones garble the display of everything
        after them.
    Example:
        en: (UNCCT)
        ar: (\u2066UNCCT)
    Use instead:
        ar: (UNCCT)
    Suppress:
        `mustalah: ignore IN002` in the unit's note.
    """

    code = "IN002"
    name = "bidi-embedding"
    category = "invisible"
    severity = "warning"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            stack: list[tuple[str, int]] = []
            unbalanced: set[int] = set()
            positions: list[int] = []
            for m in _BIDI_RE.finditer(view.text):
                i, c = m.start(), m.group()
                if c in EMBEDDINGS or c in OVERRIDES:
                    if c in EMBEDDINGS:
                        positions.append(i)
                    if c in "\u202a\u202b\u202d\u202e":
                        stack.append(("embed", i))
                    elif c in "\u2066\u2067\u2068":
                        stack.append(("isolate", i))
                    else:
                        want = "embed" if c == "\u202c" else "isolate"
                        if stack and stack[-1][0] == want:
                            stack.pop()
                        else:
                            unbalanced.add(i)
            unbalanced.update(i for _, i in stack)
            for i in positions:
                c = view.text[i]
                if i in unbalanced:
                    yield self.finding(
                        ctx,
                        view,
                        i,
                        i + 1,
                        f"unbalanced bidi control U+{ord(c):04X} ({EMBEDDINGS[c]})",
                        severity="error",
                        suggestion="",
                    )
                else:
                    yield self.finding(
                        ctx,
                        view,
                        i,
                        i + 1,
                        f"bidi control U+{ord(c):04X} ({EMBEDDINGS[c]}) in the text",
                        suggestion="",
                    )


class ZeroWidthInWord(Rule):
    """A zero-width character or soft hyphen inside a word.

    What it catches:
        ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM (not at the start of the text) and the
        soft hyphen between two letters.
    Why it matters:
        The word looks right but is a different string: search, the termbase, the
        spell-checker and TM all miss it.
    Example:
        en: Counter-Terrorism Centre
        ar: مركز مكافحة الإر\u200cهاب
    Use instead:
        ar: مركز مكافحة الإرهاب
    Suppress:
        `mustalah: ignore IN003` in the unit's note.
    """

    code = "IN003"
    name = "zero-width-in-word"
    category = "invisible"
    severity = "warning"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            text = view.text
            for m in _ZERO_WIDTH_RE.finditer(text):
                i, c = m.start(), m.group()
                if c not in ZERO_WIDTH or (i == 0 and c == "\ufeff"):
                    continue
                j = i
                while j < len(text) and text[j] in ZERO_WIDTH:
                    j += 1
                if i > 0 and text[i - 1].isalpha() and j < len(text) and text[j].isalpha():
                    yield self.finding(
                        ctx, view, i, i + 1, f"{ZERO_WIDTH[c]} (U+{ord(c):04X}) inside a word", suggestion=""
                    )


class Tatweel(Rule):
    """Tatweel (kashida, U+0640) used to stretch a word.

    What it catches:
        The Arabic elongation character ``ـ`` inside or after a word.
    Why it matters:
        Justification belongs to the typesetting, not the text: tatweel breaks
        search and matching and is not used in UN Arabic documents.
    Example:
        en: United Nations
        ar: الأمم المتحـــدة
    Use instead:
        ar: الأمم المتحدة
    Suppress:
        `mustalah: ignore IN004` in the unit's note.
    """

    code = "IN004"
    name = "tatweel"
    category = "invisible"
    severity = "warning"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for m in _TATWEEL_RUN.finditer(view.text):
                yield self.finding(
                    ctx, view, m.start(), m.end(), "tatweel (kashida) in the text", suggestion=""
                )


class StrayNoBreakSpace(Rule):
    """A no-break space where an ordinary space (or none) belongs.

    What it catches:
        NBSP or narrow NBSP next to other white space, at the start or end of the
        text, or between two Arabic words.  A no-break space inside a number, a
        date or after an abbreviation (``10\u00a0December``, ``Mr.\u00a0Voronkov``) is
        typographic and not reported.
    Why it matters:
        Stray NBSPs (pasted from Word or the web) break search and tokenization
        and show up as odd gaps.
    Example:
        en: United Nations
        ar: الأمم\u00a0المتحدة
    Use instead:
        ar: الأمم المتحدة
    Suppress:
        `mustalah: ignore IN005` in the unit's note.
    """

    code = "IN005"
    name = "stray-nbsp"
    category = "invisible"
    severity = "warning"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            text = view.text
            for m in _NBSP_RE.finditer(text):
                i, c = m.start(), m.group()
                if c not in NBSPS:
                    continue
                before = text[i - 1] if i > 0 else ""
                after = text[i + 1] if i + 1 < len(text) else ""
                if not before or not after or before.isspace() or after.isspace():
                    why = "next to other white space" if before and after else "at the edge of the text"
                elif before.isdigit() or after.isdigit() or before in ".%" or after in "%:;?!»":
                    continue
                elif view.lang == "ar" and before.isalpha() and after.isalpha():
                    why = "between two words"
                else:
                    continue
                yield self.finding(ctx, view, i, i + 1, f"{NBSPS[c]} (U+{ord(c):04X}) {why}", suggestion=" ")
