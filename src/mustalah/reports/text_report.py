"""Plain terminal output: grouped by file and unit, with the flagged text in context."""

from __future__ import annotations

import os
from itertools import groupby
from typing import IO

from ..model import Finding, LintResult

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"


def use_colour(out: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def render_text(result: LintResult, out: IO[str], colour: bool | None = None) -> None:
    colour = use_colour(out) if colour is None else colour

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    for file, items in groupby(result.findings, key=lambda f: f.file):
        out.write(paint(file, _BOLD) + "\n")
        for unit, unit_items in groupby(items, key=lambda f: f.unit):
            out.write(f"  unit {unit}\n")
            for f in unit_items:
                out.write(_line(f, paint))
    s = result.summary
    parts = [f"{n} {sev}" for sev in ("error", "warning", "info") if (n := s.by_severity.get(sev, 0))]
    tail = f" ({', '.join(parts)})" if parts else ""
    sup = f", {s.suppressed} suppressed" if s.suppressed else ""
    out.write(f"{s.findings} finding(s){tail} in {s.units} unit(s) of {s.files} file(s){sup}\n")


def _line(f: Finding, paint: object) -> str:
    assert callable(paint)
    loc = f"{f.line}:{f.column}" if f.line is not None else f"{f.start}-{f.end}"
    sev = paint(f"{f.severity:<7}", _COLOURS[f.severity])
    text = f"    {loc:<8} {sev} {f.code} {f.name}: {f.message}\n"
    if f.text:
        text += f"             {f.side} [{f.lang}]: «{f.text}»"
        if f.suggestion:
            text += f" → «{f.suggestion}»"
        text += "\n"
    return text
