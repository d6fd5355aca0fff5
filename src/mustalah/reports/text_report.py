"""Terminal output: grouped by file and unit, the flagged text shown in its context.

Colour only on a terminal, never when ``NO_COLOR`` is set (https://no-color.org),
always when ``FORCE_COLOR`` is.  Without colour the span is bracketed ``⟦…⟧`` so the
output stays readable in logs.  A release folder (``en.txt`` + ``ar.txt``) is one group,
so a unit's source and target findings stay together.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import PurePath
from typing import IO, Any

from ..model import Finding, LintResult, Segment

_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[36m"}
_SPAN = {"error": "\033[4;31m", "warning": "\033[4;33m", "info": "\033[4;36m"}
RESET, BOLD, DIM = "\033[0m", "\033[1m", "\033[2m"
_GREEN = "\033[32m"

#: ``paint(text, code)``: ``text`` in the colour ``code`` (or as it is, without colour).
Paint = Callable[[str, str], str]

#: Words of context shown either side of a flagged span.
CONTEXT_WORDS = 4
CONTEXT_CHARS = 60


def use_colour(out: IO[Any]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str, str]:
    """``(before, span, after)``: a few words either side of ``text[start:end]`` on its line."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before_words = text[line_start:start].split(" ")
    after_words = text[end:line_end].split(" ")
    before = " ".join(before_words[-(words + 1) :])[-CONTEXT_CHARS:]
    after = " ".join(after_words[: words + 1])[:CONTEXT_CHARS]
    if len(before_words) > words + 1 or len(before) == CONTEXT_CHARS:
        before = "…" + before
    if len(after_words) > words + 1 or len(after) == CONTEXT_CHARS:
        after = after + "…"
    return before, text[start:end], after


def painter(colour: bool) -> Paint:
    """The ``paint`` of a report with (or without) colour."""

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if colour and text else text

    return paint


def _segments(result: LintResult) -> dict[tuple[str, str], Segment]:
    return {(s.file, s.unit): s for s in result.segments}


def group_of(f: Finding, segments: dict[tuple[str, str], Segment]) -> tuple[str, Segment | None]:
    """The group ``f`` is shown under (its file, or the release folder holding it) and its unit."""
    for file in (f.file, str(PurePath(f.file).parent)):
        seg = segments.get((file, f.unit))
        if seg is not None:
            return file, seg
    return f.file, None


def render_text(result: LintResult, out: IO[str], colour: bool | None = None) -> None:
    paint = painter(use_colour(out) if colour is None else colour)
    segments = _segments(result)
    groups: dict[str, dict[str, list[tuple[Finding, Segment | None]]]] = {}
    for f in result.findings:
        file, seg = group_of(f, segments)
        groups.setdefault(file, {}).setdefault(f.unit, []).append((f, seg))
    for file, units in groups.items():
        out.write(group_heading(file, paint))
        for unit, items in units.items():
            out.write(unit_heading(unit, paint))
            for f, seg in items:
                out.write(finding_block(f, seg, file, paint))
    out.write(summary_line(result, paint))


def group_heading(group: str, paint: Paint) -> str:
    return paint(group, BOLD) + "\n"


def unit_heading(unit: str, paint: Paint) -> str:
    return paint(f"  unit {unit}", DIM) + "\n"


def finding_block(f: Finding, seg: Segment | None, group: str, paint: Paint) -> str:
    """One finding's lines under its group: location, severity, code, message, the span in context."""
    where = PurePath(f.file).name + ":" if f.file != group else ""
    loc = f"{where}{f.line}:{f.column}" if f.line is not None else f"{where}@{f.start}"
    sev = paint(f"{f.severity:<7}", _COLOURS[f.severity])
    text = f"    {loc:<12} {sev} {paint(f.code, BOLD)} {f.name}: {f.message}\n"
    side_text = None if seg is None else (seg.source if f.side == "source" else seg.target)
    pad = " " * 17
    if side_text is not None and f.end > f.start:
        before, span, after = context(side_text, f.start, f.end)
        marked = paint(span, _SPAN[f.severity]) if paint("x", BOLD) != "x" else f"⟦{span}⟧"
        text += f"{pad}{f.lang}: {before}{marked}{after}\n"
    elif f.text:
        text += f"{pad}{f.lang}: ⟦{f.text}⟧\n"
    if f.suggestion:
        text += f"{pad}{paint('suggestion:', _GREEN)} {f.suggestion}\n"
    return text


def summary_line(result: LintResult, paint: Paint) -> str:
    """The report's last line: counts by severity, units, files, suppressed, capped."""
    s = result.summary
    parts = [
        paint(f"{n} {sev}", _COLOURS[sev])
        for sev in ("error", "warning", "info")
        if (n := s.by_severity.get(sev, 0))
    ]
    tail = f" ({', '.join(parts)})" if parts else ""
    sup = f", {s.suppressed} suppressed" if s.suppressed else ""
    capped = (
        f"; {s.capped_findings} more in {s.capped_units} unit(s) over the per-unit cap not reported"
        if s.capped_findings
        else ""
    )
    hidden = ", ".join(f"{n} {sev}" for sev, n in s.not_shown.items() if n)
    if hidden:
        capped += f"; not shown below --min-severity {s.min_severity}: {hidden}"
    return f"{s.findings} finding(s){tail} in {s.units} unit(s) of {s.files} file(s){sup}{capped}\n"
