"""Markup for one side of a unit: bidi isolation of mixed-direction runs and highlighted spans.

Finding spans are Python ``str`` offsets into the side's text and may overlap or nest
arbitrarily, so the text is cut at every span boundary and each piece becomes a ``<mark>``
listing *all* the findings covering it (``data-f="f3 f7"``).  The concatenated text of the
marks of one finding is therefore exactly that finding's text, whatever else overlaps it.

Runs written in the other direction (Latin acronyms and names in Arabic, Arabic quoted in
English) are wrapped whole in ``<bdi>``, *outside* the marks: splitting an LTR run into
several isolates would make an RTL paragraph display its pieces in reverse order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from itertools import pairwise

#: Scripts written right to left (language subtags).
RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"})

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
#: A Latin run inside RTL text: starts and ends with a Latin letter or digit, may hold
#: spaces and joiners (``OAS/CICTE``, ``COVID-19``, ``Counter-Terrorism Centre``).
_LATIN = "A-Za-z\u00c0-\u024f"
_LATIN_RUN = re.compile(rf"[{_LATIN}][{_LATIN}0-9]*(?:[ \-./&'’:_]+[{_LATIN}0-9]+)*")
#: An Arabic run inside LTR text (words separated by spaces).
_ARABIC_RUN = re.compile(rf"[{_ARABIC}]+(?:[ \u00a0]+[{_ARABIC}]+)*")

#: Invisible characters shown as badges (the character itself is kept, so text is unchanged).
CONTROL_NAMES = {
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\u061c": "ALM",
    "\ufeff": "BOM",
    "\u00ad": "SHY",
}
_CONTROL = re.compile("[" + "".join(CONTROL_NAMES) + "]")


def is_rtl(lang: str | None) -> bool:
    return bool(lang) and str(lang).split("-")[0].lower() in RTL_LANGS


def direction(lang: str | None) -> str:
    return "rtl" if is_rtl(lang) else "ltr"


def _show_controls(escaped: str) -> str:
    return _CONTROL.sub(
        lambda m: f'<span class="ctl" data-cp="{CONTROL_NAMES[m.group()]}">{m.group()}</span>', escaped
    )


def text_html(text: str) -> str:
    """Escaped text with invisible controls made visible."""
    return _show_controls(escape(text, quote=True))


def foreign_runs(text: str, rtl: bool) -> list[tuple[int, int, str | None]]:
    """Cover ``text`` with runs; a run in the other direction carries that direction."""
    pattern, other = (_LATIN_RUN, "ltr") if rtl else (_ARABIC_RUN, "rtl")
    runs: list[tuple[int, int, str | None]] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            runs.append((pos, m.start(), None))
        runs.append((m.start(), m.end(), other))
        pos = m.end()
    if pos < len(text) or not runs:
        runs.append((pos, len(text), None))
    return runs


def side_html(text: str, spans: Sequence[tuple[str, int, int]], rtl: bool, titles: dict[str, str]) -> str:
    """HTML for one side: ``spans`` are ``(finding id, start, end)``; ``titles`` the tooltips by id."""
    n = len(text)
    clamped = [(fid, max(0, min(s, n)), max(0, min(e, n))) for fid, s, e in spans]
    ranges = [(fid, s, e) for fid, s, e in clamped if e > s]
    points: dict[int, list[str]] = {}
    for fid, s, e in clamped:
        if e <= s:
            points.setdefault(s, []).append(fid)
    cuts = {0, n}
    for _, s, e in ranges:
        cuts.update((s, e))
    out: list[str] = []
    emitted_points: set[int] = set()

    def point(pos: int) -> None:
        if pos in points and pos not in emitted_points:
            emitted_points.add(pos)
            out.append(_mark(points[pos], "", titles, point=True))

    for run_start, run_end, run_dir in foreign_runs(text, rtl):
        if run_dir:
            out.append(f'<bdi dir="{run_dir}">')
        bounds = sorted(c for c in cuts if run_start < c < run_end)
        edges = [run_start, *bounds, run_end]
        for a, b in pairwise(edges):
            point(a)
            covering = [fid for fid, s, e in ranges if s <= a and e >= b]
            piece = text[a:b]
            out.append(_mark(covering, piece, titles) if covering else text_html(piece))
        if run_dir:
            out.append("</bdi>")
    point(n)
    return "".join(out)


def _mark(fids: list[str], piece: str, titles: dict[str, str], point: bool = False) -> str:
    title = "\n".join(titles.get(f, "") for f in fids)
    classes = "hl" + (" multi" if len(fids) > 1 else "") + (" point" if point else "")
    return (
        f'<mark class="{classes}" data-f="{escape(" ".join(fids))}" title="{escape(title)}">'
        f"{text_html(piece)}</mark>"
    )
