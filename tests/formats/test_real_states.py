"""States and locks in a real Trados SDLXLIFF and a real memoQ MQXLIFF (tests/formats/real/PROVENANCE.md).

QuotesSample.docx.sdlxliff has eight segments: Draft (2), Translated (2), ApprovedTranslation (1),
no level (1) and two locked ApprovedSignOff copies (`` Midnight Cowboy.``, `` Wizard of Oz``).
ChangeTracking_memoQ_1.mqxliff (memoQ 8.6) has five rows, all ``PartiallyEdited`` (edited, never
confirmed), none locked, each with its first version (``NotStarted``, empty) as history.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from mustalah.cli.main import main
from mustalah.formats import read_segments
from mustalah.formats.states import in_states, locked, skipped_unit

from ..conftest import shared_path

REAL = Path(__file__).parent / "real"
SDLXLIFF = REAL / "QuotesSample.docx.sdlxliff"
PO = REAL / "plasma_applet_mawakit.ar.po"
MQXLIFF = REAL / "ChangeTracking_memoQ_1.mqxliff"
XLIFF12 = "{urn:oasis:names:tc:xliff:document:1.2}"
MQ = "{MQXliff}"


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


# --- memoQ ---------------------------------------------------------------------------------------


def _mq_rows(path: Path) -> list[dict[str, str | None]]:
    """The file's rows, read here with lxml: id, mq:status, mq:locked, translate."""
    root = etree.parse(str(path)).getroot()
    return [
        {
            "id": u.get("id"),
            "status": u.get(MQ + "status"),
            "locked": u.get(MQ + "locked"),
            "translate": u.get("translate"),
        }
        for u in root.iter(XLIFF12 + "trans-unit")
    ]


def test_reader_maps_memoq_statuses_and_reads_no_history() -> None:
    rows = _mq_rows(MQXLIFF)
    assert [r["status"] for r in rows] == ["PartiallyEdited"] * 5
    assert not any(r["locked"] or r["translate"] for r in rows)  # this file locks no row
    history = list(etree.parse(str(MQXLIFF)).getroot().iter(MQ + "historical-unit"))
    assert {h.get(MQ + "status") for h in history} == {"NotStarted"} and len(history) == 5
    segments = list(read_segments(MQXLIFF))
    # xliff12.py: PartiallyEdited -> needs-translation, the raw status kept in props
    assert [(s.unit, s.state, s.props) for s in segments] == [
        (r["id"], "needs-translation", (("mq:status", r["status"]),)) for r in rows
    ]
    assert all(s.target for s in segments)  # the rows, not their empty first versions
    assert not any(locked(s) for s in segments)
    assert sum(skipped_unit(s, {"PartiallyEdited"}) for s in segments) == 5


def test_lint_skips_the_memoq_states_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert _units(capsys, str(MQXLIFF)) == 5
    assert _units(capsys, "--skip-state", "partiallyedited", str(MQXLIFF)) == 0  # memoQ's own name, any case
    assert _units(capsys, "--skip-state", "needs-translation", str(MQXLIFF)) == 0  # the mapped state
    assert _units(capsys, "--skip-state", "ManuallyConfirmed", "--skip-state", "final", str(MQXLIFF)) == 5


@pytest.mark.parametrize("attribute", [(MQ + "locked", "locked"), ("translate", "no")])
def test_lint_skips_a_locked_memoq_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attribute: tuple[str, str]
) -> None:
    """The real file with one row locked (mq:locked, or translate="no" as disfr says memoQ also writes)."""
    tree = etree.parse(str(MQXLIFF))
    row = next(tree.getroot().iter(XLIFF12 + "trans-unit"))
    row.set(*attribute)
    copy = tmp_path / "locked.mqxliff"
    tree.write(str(copy), xml_declaration=True, encoding="UTF-8")
    assert [s.unit for s in read_segments(copy) if locked(s)] == [row.get("id")]
    assert _units(capsys, str(copy)) == 4


def test_memoq_export_tmx_writes_no_unconfirmed_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tracked.tmx"
    assert main(["export", "tmx", str(MQXLIFF), "-o", str(out)]) == 2  # nothing confirmed: no TM
    assert "left out 5 untranslated (--include-untranslated to keep them)" in capsys.readouterr().err
    assert not out.exists()
    assert main(["export", "tmx", str(MQXLIFF), "-o", str(out), "--include-untranslated"]) == 0
    written = list(read_segments(out))  # the TMX reader refuses an <ept> without its <bpt>
    assert [(s.source_lang, s.target_lang) for s in written] == [("en", "ja")] * 5
    assert [s.target for s in written] == [s.target for s in read_segments(MQXLIFF)]
    assert all(s.target and s.target.strip() for s in written)
