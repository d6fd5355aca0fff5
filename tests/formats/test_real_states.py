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

from ..conftest import shared_path

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


def test_xliff2_states_from_the_oasis_test_suite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """toJoin.xlf (OASIS XLIFF 2.1 test suite): translated, final, and two segments with no state."""
    to_join = shared_path("standards", "xliff2", "test-suite-2.1", "core", "valid", "toJoin.xlf")
    assert _units(capsys, str(to_join)) == 5
    assert _units(capsys, "--skip-state", "final", str(to_join)) == 4
    out = tmp_path / "join.tmx"
    assert main(["export", "tmx", str(to_join), "-o", str(out)]) == 0
    capsys.readouterr()
    # no state reads as 'initial', which many tools never change: those two stay in the TM
    assert [s.unit for s in read_segments(out)] == ["1/s1", "1/s2", "1/s3", "1/s4", "1/s5"]
