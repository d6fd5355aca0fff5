"""The README's summary table of precision on real text ("Precision and recall on real UN text"): its
rows read once here, for the tests that hold them to the first reviews and to today's review counts."""

from __future__ import annotations

import re
from pathlib import Path

from mustalah.lint.review import Review, Tally

README = Path(__file__).resolve().parents[2] / "README.md"


def summary_row(label: str) -> tuple[int, ...]:
    """The numbers of the one row whose first cell matches ``label`` (a regex; its own groups come
    first), then errors right, errors, warnings right, warnings."""
    text = " ".join(README.read_text(encoding="utf-8").split())
    found = re.findall(r"\| " + label + r" \| (\d+)/(\d+) \([\d.]+ %\) \| (\d+)/(\d+) \([\d.]+ %\) \|", text)
    assert len(found) == 1, f"the README's summary table has no single row {label!r}"
    return tuple(map(int, found[0]))


def assert_today_row(label: str, rv: Review) -> None:
    """The row whose first cell matches ``label`` states ``rv``'s errors and warnings: right (true
    or defensible) / all."""
    stated = summary_row(label)
    measured: list[int] = []
    for severity in ("error", "warning"):
        tally = rv.by_severity.get(severity, Tally())
        measured += [tally.true + tally.defensible, tally.total]
    assert stated == tuple(measured), f"the README's row {label!r} says {stated}; measured {tuple(measured)}"
