"""Invisible characters: bidi controls, zero-width characters, tatweel, stray NBSP.

They are folded away for matching (GUIDE §3) but survive in the text, where they
break search, spell-checking and copy-paste.  A lone RLM/LRM after a closing
parenthesis is the accepted plain-text display fix (../shared/research/arabic.md §4.1) and is
not reported.

One slip, one finding: a text copied from a PDF carries hundreds of tatweel runs or
no-break spaces, one cause.  Each rule reports one finding per side with the count: its
span runs from the first character to the last, and its suggestion removes (or, for
IN005, replaces) every one of them and nothing else.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..matching.forms import DEFINITE_PREFIXES
from ..model import Finding, Severity
from .base import Rule, SideView, UnitContext

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


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    what: str  # the character's name, counted in a grouped message
    message: str  # the message of a lone hit
    fix: str = ""  # what replaces it


def _one_per_side(
    rule: Rule,
    ctx: UnitContext,
    view: SideView,
    hits: Sequence[_Hit],
    plural: str,
    severity: Severity | None = None,
) -> Iterable[Finding]:
    """One finding for all of a side's hits: the lone hit's own, or the count over their extent."""
    if not hits:
        return
    if len(hits) == 1:
        h = hits[0]
        yield rule.finding(ctx, view, h.start, h.end, h.message, suggestion=h.fix, severity=severity)
        return
    start, end = hits[0].start, hits[-1].end
    parts, at = [], start
    for h in hits:
        parts += [view.text[at : h.start], h.fix]
        at = h.end
    kinds = Counter(h.what for h in hits)
    names = f" ({', '.join(f'{name} ×{n}' for name, n in kinds.items())})" if len(kinds) > 1 else ""
    yield rule.finding(
        ctx,
        view,
        start,
        end,
        f"{len(hits)} {plural} in this text{names}, from here to the last; the suggestion fixes all",
        suggestion="".join(parts),
        severity=severity,
    )


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
    #: pre-filter (checks.prefilter): a bidi override character
    needs = ("bidi-override",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            hits = [
                _Hit(
                    m.start(),
                    m.end(),
                    OVERRIDES[c],
                    f"bidi override U+{ord(c):04X} ({OVERRIDES[c]}) reorders the display",
                )
                for m in _OVERRIDE_RE.finditer(view.text)
                if (c := m.group()) in OVERRIDES
            ]
            yield from _one_per_side(self, ctx, view, hits, "bidi overrides")


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
    #: pre-filter (checks.prefilter): a bidi embedding or isolate
    needs = ("bidi-embedding",)

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
            hits = []
            for i in positions:
                c = view.text[i]
                state = "unbalanced bidi control" if i in unbalanced else "bidi control"
                what = f"{EMBEDDINGS[c]}{' (unbalanced)' if i in unbalanced else ''}"
                hits.append(_Hit(i, i + 1, what, f"{state} U+{ord(c):04X} ({EMBEDDINGS[c]}) in the text"))
            severity: Severity | None = "error" if unbalanced.intersection(positions) else None
            yield from _one_per_side(self, ctx, view, hits, "bidi controls", severity)


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
    #: pre-filter (checks.prefilter): a zero-width character
    needs = ("zero-width",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            text = view.text
            hits = []
            for m in _ZERO_WIDTH_RE.finditer(text):
                i, c = m.start(), m.group()
                if c not in ZERO_WIDTH or (i == 0 and c == "\ufeff"):
                    continue
                j = i
                while j < len(text) and text[j] in ZERO_WIDTH:
                    j += 1
                if i > 0 and text[i - 1].isalpha() and j < len(text) and text[j].isalpha():
                    hits.append(
                        _Hit(i, i + 1, ZERO_WIDTH[c], f"{ZERO_WIDTH[c]} (U+{ord(c):04X}) inside a word")
                    )
            yield from _one_per_side(self, ctx, view, hits, "zero-width characters inside words")


class Tatweel(Rule):
    """Tatweel (kashida, U+0640) used to stretch a word.

    What it catches:
        The Arabic elongation character ``ـ`` inside or after a word; one finding
        per side of a unit.  Not the tatweel UN Arabic writes on purpose: between
        ن and ز (``النـزاع``, breaking a font ligature) and after a letter or the
        article standing alone (``بـ "…"``, ``الـ 15``, ``للـ 22``, the list letter ``(هـ)``),
        and after a slash before a feminine ending (``الأمين/ـة العام/ـة``, the inclusive form)
        or inside brackets (``مقدوني(ـة)``, as UNTERM's notes write it).
        A tatweel standing alone between spaces was typed for a dash (``مسألة الناس ـ أي
        البشر``): the finding says so and its fix is a dash (not beside a one-letter fragment of
        a word a PDF copy broke, ``ترس ـ ل``).
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
    #: pre-filter (checks.prefilter): a tatweel
    needs = ("tatweel",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            hits = [
                _Hit(
                    m.start(),
                    m.end(),
                    "tatweel as a dash",
                    "a tatweel standing alone for a dash: write a dash",
                    "–",
                )
                if _standing_alone(view.text, m.start(), m.end())
                else _Hit(m.start(), m.end(), "tatweel", "tatweel (kashida) in the text")
                for m in _TATWEEL_RUN.finditer(view.text)
                if not conventional_tatweel(view.text, m.start(), m.end())
            ]
            yield from _one_per_side(self, ctx, view, hits, "tatweel runs")


def _standing_alone(text: str, start: int, end: int) -> bool:
    """A tatweel run between spaces (``مسألة الناس ـ أي البشر``): typed for a dash, no word stretched.
    Not beside a one-letter fragment: a word a PDF copy broke with spaces (``ترس ـ ل``, ترسل) has a
    stray tatweel, and a dash there would make no sense."""
    if not (start == 0 or text[start - 1].isspace()) or not (end == len(text) or text[end].isspace()):
        return False
    beside = text[:start].split()[-1:] + text[end:].split()[:1]
    return not any(len(w) == 1 and "\u0621" <= w <= "\u064a" and w != "و" for w in beside)


#: A feminine ending after a slash and a tatweel (``/ـة``, ``/ـات``, ``/ـها``), as a word ends.
_INCLUSIVE_ENDING = re.compile(r"(?:ة|ات|ها|ي|ن)(?![\u0621-\u064a])")


def conventional_tatweel(text: str, start: int, end: int) -> bool:
    """A tatweel UN Arabic writes on purpose, which is no stretching:

    * between ن and ز (``النـزاع``, ``المنـزوعة``, ``الالتـزامات``): UN documents break the
      ligature their fonts draw for نز;
    * after a slash, before a feminine ending (``الأمين/ـة العام/ـة``, ``المشاركين/ـات``), or
      inside brackets (``مقدوني(ـة)``, UNTERM's usage note on North Macedonia): the inclusive
      form joins the ending to the word it completes;
    * after a letter or the article standing alone, with its proclitics, before something that
      is not an Arabic word (``بـ "كفالة…"``, ``الـ 15``, ``للـ 22``, ``لـ UNOCT``, the list letter
      ``(هـ)``)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before == "ن" and after == "ز":
        return True
    if before == "/" and _INCLUSIVE_ENDING.match(text, end):
        return True  # الأمين/ـة العام/ـة: the feminine ending joined after a slash, written on purpose
    ending = _INCLUSIVE_ENDING.match(text, end) if before == "(" else None
    if ending is not None and text[ending.end() : ending.end() + 1] == ")":
        return True  # مقدوني(ـة): the same ending in brackets
    if after and "\u0621" <= after <= "\u064a":
        return False
    head = text[max(0, start - 3) : start]
    alone = len(head) < 2 or not ("\u0621" <= head[-2] <= "\u064a")
    if before in "بلكوفه" and alone:
        return True
    word = re.search(r"[\u0621-\u064a]*$", text[max(0, start - 6) : start])
    # the article standing alone with its proclitics (الـ 15، للـ 22، بالـ UNOCT، وللـ)
    return word is not None and word.group() in DEFINITE_PREFIXES


class StrayNoBreakSpace(Rule):
    """A no-break space where an ordinary space (or none) belongs.

    What it catches:
        NBSP or narrow NBSP next to other white space, at the start or end of the
        text, or between two Arabic words.  A no-break space inside a number, a
        date or after an abbreviation (``10\u00a0December``, ``Mr.\u00a0Voronkov``) is
        typographic and not reported, nor one that keeps a detached و or ف with its
        word (``و\u00a0اختر``, as GNOME's Arabic writes it).
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
    #: pre-filter (checks.prefilter): a no-break space
    needs = ("nbsp",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            text = view.text
            hits = []
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
                elif view.lang == "ar" and before in "وف" and (i < 2 or text[i - 2].isspace()):
                    continue  # a detached و kept with its word (GNOME's "و\u00a0اختر"): a deliberate no-break
                elif view.lang == "ar" and before.isalpha() and after.isalpha():
                    why = "between two words"
                else:
                    continue
                hits.append(_Hit(i, i + 1, NBSPS[c], f"{NBSPS[c]} (U+{ord(c):04X}) {why}", " "))
            yield from _one_per_side(self, ctx, view, hits, "stray no-break spaces")
