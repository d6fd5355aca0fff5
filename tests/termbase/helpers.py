"""Shared paths and helpers for the termbase tests."""

from __future__ import annotations

import re
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
_EXPECT = re.compile(r"#\s*expect:\s*((?:TB\d{3}\s*)+)$")


def expected_markers(path: Path) -> list[tuple[int, str]]:
    """(line, code) pairs from ``# expect: TB006`` comments in a fixture file."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _EXPECT.search(line)
        if match:
            out.extend((number, code) for code in match.group(1).split())
    return sorted(out)
