"""Xcode exports reuse a trans-unit id in several <file>s: unit ids are qualified by file.

File: tests/formats/real/loop.ar.xliff (PROVENANCE.md) — two ``Localizable.strings`` of the
Loop app, both with ``Cancel``, ``API Key``, ``Delete Service``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.formats import read_segments

from .schemas import assert_valid, xliff21

REAL = Path(__file__).parent / "real"
XCODE = REAL / "loop.ar.xliff"
LOOP = "Loop/Loop/Base.lproj/Localizable.strings"
AMPLITUDE = "AmplitudeService/AmplitudeServiceKitUI/Base.lproj/Localizable.strings"


def test_unit_ids_are_qualified_by_file_and_unique() -> None:
    units = [s.unit for s in read_segments(XCODE)]
    assert len(units) == 10 and len(set(units)) == 10
    assert f"{LOOP}#Cancel" in units and f"{AMPLITUDE}#Cancel" in units


def test_findings_name_one_unit_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both files' ``Cancel`` got the same slip (a copied English target): one finding each, told apart."""
    copied = tmp_path / "loop.ar.xliff"
    text = XCODE.read_text(encoding="utf-8").replace(
        "<source>Cancel</source>", "<source>Cancel</source><target>Cancel</target>"
    )
    copied.write_text(text, encoding="utf-8")
    main(
        ["lint", "--format", "json", "--no-progress", "--fail-on", "never", "--select", "UT002", str(copied)]
    )
    findings = json.loads(capsys.readouterr().out)["findings"]
    cancel = sorted(f["unit"] for f in findings if f["unit"].endswith("#Cancel"))
    assert cancel == [f"{AMPLITUDE}#Cancel", f"{LOOP}#Cancel"]
    assert f"{LOOP}#API Key" in {f["unit"] for f in findings}  # the file's own copied target


def test_exported_xliff21_ids_are_valid_nmtokens(tmp_path: Path) -> None:
    out = tmp_path / "loop.xlf"
    assert main(["export", "xliff", "--version", "2.1", "--no-hints", str(XCODE), "-o", str(out)]) == 0
    assert_valid(xliff21(), out)
    text = out.read_text(encoding="utf-8")
    assert 'id="Loop_Loop_Base.lproj_Localizable.strings_Cancel"' in text


def test_a_subscript_digit_id_is_made_a_valid_nmtoken(tmp_path: Path) -> None:
    """``b₁`` passed Python's ``\\w`` but not libxml2's NMTOKEN check."""
    source = tmp_path / "ids.xlf"
    text = XCODE.read_text(encoding="utf-8").replace('id="API Key"', 'id="b₁"', 1)
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "ids21.xlf"
    assert main(["export", "xliff", "--version", "2.1", "--no-hints", str(source), "-o", str(out)]) == 0
    assert_valid(xliff21(), out)
