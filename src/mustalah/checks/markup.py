"""Markup: XLIFF/TMX inline codes and printf/brace placeholders must survive translation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..formats.icu import icu_spans
from ..formats.plurals import single_number
from ..model import Finding, InlineCode
from .base import Rule, UnitContext

#: printf (%s, %d, %1$s, %(name)s, %.2f) and brace ({0}, {name}, {{0}} excluded) placeholders;
#: ``%%`` is a literal percent sign, and a percentage range (``40%-50%``) no placeholder.
PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?(?:\([A-Za-z_]\w*\))?[-+#0]*\d*(?:\.\d+)?[sdifuxXeEgGcrp]|(?<!\{)\{[A-Za-z_0-9.]*\}(?!\})"
)
#: Code kinds that pair up (the closing part of a pair is matched by id, like its opening).
_KIND_FAMILY = {
    "bpt": "pair-open",
    "bx": "pair-open",
    "sc": "pair-open",
    "ept": "pair-close",
    "ex": "pair-close",
    "ec": "pair-close",
    "g": "pair",
    "pc": "pair",
    "ph": "ph",
    "x": "ph",
    "it": "it",
    "hi": "hi",
    "mrk": "mrk",
    "sub": "sub",
}


def _key(code: InlineCode) -> tuple[str, str]:
    return _KIND_FAMILY.get(code.kind, code.kind), code.id or ""


def _placeholders(text: str) -> list[re.Match[str]]:
    if "%" not in text and "{" not in text:
        return []  # every PLACEHOLDER match starts with one of them
    found = [m for m in PLACEHOLDER.finditer(text) if m.group() != "%%"]
    if found and "," in text:  # an ICU branch body ({attempts}) is text, not a placeholder
        icu = icu_spans(text)
        found = [m for m in found if not icu.is_body(*m.span())]
    return found


class InlineCodeMismatch(Rule):
    """Inline codes (tags) that differ between source and target.

    What it catches:
        XLIFF/TMX inline codes (``bpt/ept/ph/it/hi``, ``g/x/bx/ex``, ``pc/sc/ec``)
        present in the source but not in the target, extra in the target, or with
        another id (a code with the same content under another number, as memoQ
        renumbers reordered tags, is the same code).
    Why it matters:
        A lost code loses formatting, a link or a footnote in the published
        document, and CAT tools may refuse to save the file back.
    Example:
        en: See <ph id="1"/>resolution 2178 (2014)<ph id="2"/>.
        ar: انظر القرار 2178 (2014).
    Use instead:
        ar: انظر <ph id="1"/>القرار 2178 (2014)<ph id="2"/>.
    Suppress:
        `mustalah: ignore MK001` in the unit's note.
    """

    code = "MK001"
    name = "inline-code-mismatch"
    category = "markup"
    severity = "error"
    #: pre-filter (checks.prefilter): inline codes
    needs = ("codes",)
    scope = "bilingual"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        seg, tgt = ctx.segment, ctx.target
        if tgt is None or (not seg.source_codes and not seg.target_codes):
            return
        src_left, tgt_left = _unpaired(seg.source_codes, seg.target_codes)
        src_keys = Counter(_key(c) for c in src_left)
        for code in src_left:
            key = _key(code)
            same_kind = [
                c for c in tgt_left if _key(c)[0] == key[0] and src_keys[_key(c)] < 1 and c.id != code.id
            ]
            what = f"has id {same_kind[0].id!r} in the target" if same_kind else "is missing in the target"
            pos = min(code.offset, len(tgt.text))
            yield self.finding(ctx, tgt, pos, pos, f"inline code <{code.kind} id={code.id!r}> {what}")
        for code in tgt_left:
            if any(_key(c)[0] == _key(code)[0] for c in seg.source_codes):
                continue  # reported above as an id mismatch
            pos = min(code.offset, len(tgt.text))
            yield self.finding(
                ctx, tgt, pos, pos, f"extra inline code <{code.kind} id={code.id!r}> in the target"
            )


def _unpaired(
    source: tuple[InlineCode, ...], target: tuple[InlineCode, ...]
) -> tuple[list[InlineCode], list[InlineCode]]:
    """The codes of each side with no partner on the other: partners have the same kind and id,
    or, failing that, the same kind and the same content (memoQ numbers a target's tags anew when
    a translator reorders them: ``<b>`` is 1/2 in the source and 5/6 in the target)."""
    tgt_left = list(target)
    src_left: list[InlineCode] = []
    for code in source:
        partner = next((c for c in tgt_left if _key(c) == _key(code)), None)
        if partner is None:
            src_left.append(code)
        else:
            tgt_left.remove(partner)
    still: list[InlineCode] = []
    for code in src_left:
        partner = next(
            (
                c
                for c in tgt_left
                if code.content and _key(c)[0] == _key(code)[0] and c.content == code.content
            ),
            None,
        )
        if partner is None:
            still.append(code)
        else:
            tgt_left.remove(partner)
    return still, tgt_left


class PlaceholderMismatch(Rule):
    """printf or brace placeholders that differ between source and target.

    What it catches:
        ``%s``, ``%d``, ``%1$s``, ``%(name)s``, ``{0}``, ``{name}`` in the source but
        not in the target, or extra in the target (PO files, software strings).  A
        placeholder renamed (``{name}`` → ``{nom}``) is one finding, on the target.
    Why it matters:
        A lost or renamed placeholder crashes the program or shows the wrong
        value.
    Example:
        en: %(count)d participants from %(orgs)d organizations
        ar: %(count)d مشاركاً من منظمات
    Use instead:
        ar: %(count)d مشاركاً من %(orgs)d منظمة
    Suppress:
        `mustalah: ignore MK002` in the unit's note.
    """

    code = "MK002"
    name = "placeholder-mismatch"
    category = "markup"
    severity = "error"
    #: pre-filter (checks.prefilter): a placeholder starts with % or {
    needs = ("placeholder",)
    scope = "bilingual"
    #: ``{name}`` in the source, ``{nom}`` in its place in the target: one slip, reported once
    pairs_sides = True

    def paired(self, source: Finding, target: Finding) -> Finding:
        return replace(
            target,
            message=f"placeholder '{target.text}' is not in the source, which has '{source.text}' instead",
            suggestion=source.text,
        )

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None:
            return
        src = _placeholders(ctx.source.text)
        tgt = _placeholders(ctx.target.text)
        if not src and not tgt:
            return
        have = Counter(m.group() for m in tgt)
        # a PO plural form said for one number (يوم واحد, يومان) may leave out the count
        spare = 1 if single_number(ctx.segment) is not None else 0
        for m in src:
            if have[m.group()] > 0:
                have[m.group()] -= 1
                continue
            if spare:
                spare -= 1
                continue
            yield self.finding(
                ctx, ctx.source, m.start(), m.end(), f"placeholder '{m.group()}' is not in the target"
            )
        want = Counter(m.group() for m in src)
        for m in tgt:
            if want[m.group()] > 0:
                want[m.group()] -= 1
                continue
            yield self.finding(
                ctx, ctx.target, m.start(), m.end(), f"placeholder '{m.group()}' is not in the source"
            )
