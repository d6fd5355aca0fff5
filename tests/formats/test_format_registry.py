"""The format registry owns the format facts: ``mustalah formats`` lists them from it, and
detection reads file endings and XML roots from it."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.errors import InputError
from mustalah.formats.registry import FORMATS, WALKED_SUFFIXES, detect_format, files_of


def _formats(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["formats", *args]) == 0
    return out.getvalue()


def test_formats_lists_every_registered_format_with_its_facts() -> None:
    rows = json.loads(_formats("--format", "json"))
    assert [r["name"] for r in rows] == list(FORMATS)
    for row in rows:
        spec = FORMATS[row["name"]]
        assert row["description"] == spec.description and row["split"] == spec.split
        assert row["extensions"] == list(spec.extensions) and row["walked"] == spec.walked
    text = _formats()
    assert all(spec.description in text for spec in FORMATS.values())
    assert "(given by name)" in text  # Moses pairs are not walked: a walk would lint each twice


@pytest.mark.parametrize("name", [s.name for s in FORMATS.values() if s.root])
def test_a_file_named_as_an_xml_format_must_start_with_xml(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"damaged{FORMATS[name].extensions[0]}"
    path.write_text("not xml at all\n", encoding="utf-8")
    with pytest.raises(InputError, match="does not start with XML"):
        detect_format(path)


def test_walked_endings_and_the_files_an_input_reads(tmp_path: Path) -> None:
    assert ".tmx" in WALKED_SUFFIXES and ".po" in WALKED_SUFFIXES and ".en" not in WALKED_SUFFIXES
    (tmp_path / "c.en").write_text("a\n", encoding="utf-8")
    (tmp_path / "c.ar").write_text("ب\n", encoding="utf-8")
    assert detect_format(tmp_path / "c.ar") == "moses"
    assert files_of(tmp_path / "c.ar", "moses") == (str(tmp_path / "c.en"), str(tmp_path / "c.ar"))
    (tmp_path / "en.txt").write_text("a\n", encoding="utf-8")
    (tmp_path / "ar.txt").write_text("ب\n", encoding="utf-8")
    sides = (str(tmp_path / "en.txt"), str(tmp_path / "ar.txt"))
    assert files_of(tmp_path, "release", None, "ar-SA") == sides  # no ar-SA.txt: ar.txt
