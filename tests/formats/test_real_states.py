"""States and locks in a real Trados SDLXLIFF (tests/formats/real/PROVENANCE.md).

QuotesSample.docx.sdlxliff has eight segments: Draft (2), Translated (2), ApprovedTranslation (1),
no level (1) and two locked ApprovedSignOff copies (`` Midnight Cowboy.``, `` Wizard of Oz``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.formats import read_segments
from mustalah.formats.states import in_states, locked, skipped_unit

REAL = Path(__file__).parent / "real"
SDLXLIFF = REAL / "QuotesSample.docx.sdlxliff"
PO = REAL / "plasma_applet_mawakit.ar.po"


def test_reader_marks_trados_locks_and_levels() -> None:
    segments = list(read_segments(SDLXLIFF))
    assert [s.source.strip() for s in segments if locked(s)] == ["Midnight Cowboy.", "Wizard of Oz"]
    assert [s.state for s in segments] == [
        "needs-translation",
        "translated",
        "translated",
        "needs-translation",
        "signed-off",
        "final",
        None,
        "signed-off",
    ]
    final = [s for s in segments if in_states(s, {"ApprovedTranslation"})]  # the raw Trados level
    assert [s.source for s in final] == ["Note: "]
    assert sum(skipped_unit(s, {"final", "signed-off"}) for s in segments) == 3


def _units(capsys: pytest.CaptureFixture[str], *args: str) -> int:
    assert main(["lint", "--format", "json", "--no-progress", "--fail-on", "never", *args]) == 0
    return int(json.loads(capsys.readouterr().out)["summary"]["units"])


def test_lint_skips_locked_units_and_the_states_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert _units(capsys, str(SDLXLIFF)) == 6  # the two locked segments are not the reviser's
    assert _units(capsys, "--skip-state", "final", str(SDLXLIFF)) == 5
    assert _units(capsys, "--skip-state", "translated", "--skip-state", "Draft", str(SDLXLIFF)) == 2


def test_po_obsolete_entries_are_not_units() -> None:
    assert "Isha" not in {s.source for s in read_segments(PO)}  # '#~ msgid "Isha"' (and fuzzy)
