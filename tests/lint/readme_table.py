"""The README's summary table of precision on real text ("Precision and recall on real UN text"): the
tests that review a corpus hold its "today" row to the counts they measure."""

from __future__ import annotations

import re
from pathlib import Path

from mustalah.lint.review import Review, Tally

README = Path(__file__).resolve().parents[2] / "README.md"


def assert_today_row(label: str, rv: Review) -> None:
    """The row whose first cell matches ``label`` (a regex) states ``rv``'s errors and warnings:
    right (true or defensible) / all."""
    text = " ".join(README.read_text(encoding="utf-8").split())
    found = re.findall(r"\| " + label + r" \| (\d+)/(\d+) \([\d.]+ %\) \| (\d+)/(\d+) \([\d.]+ %\) \|", text)
    assert len(found) == 1, f"the README's summary table has no single row {label!r}"
    stated = tuple(map(int, found[0]))
    measured: list[int] = []
    for severity in ("error", "warning"):
        tally = rv.by_severity.get(severity, Tally())
        measured += [tally.true + tally.defensible, tally.total]
    assert stated == tuple(measured), f"the README's row {label!r} says {stated}; measured {tuple(measured)}"
