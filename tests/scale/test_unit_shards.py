"""Unit-range shards of one large TMX / XLIFF 1.2 / XLIFF 2 / PO file read exactly as the whole file.

Concatenating the shards' segments must give ``read_segments(path)`` — same unit, index,
line, target_line, notes, codes, languages — for every cut; a file the whole-file reader
refuses (or anything unusual) is one task, so its error is the serial run's error.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from mustalah.errors import InputError
from mustalah.formats import offsets
from mustalah.formats.registry import read_segments
from mustalah.lint.engine import LintSettings
from mustalah.lint.inputs import Unreadable, lint_input
from mustalah.lint.shards import Task, plan_tasks, run_task
from mustalah.lint.unitshards import (
    DEFAULT_SHARD_UNITS,
    PoShard,
    XmlShard,
    may_split,
    unit_shard_segments,
)
from mustalah.model import Segment
from tests.conftest import shared_path

from .unit_files import corpus_lines, tmx, write_all

SETTINGS = LintSettings()
SHARDED = (
    "units.tmx",
    "crlf.tmx",
    "minified.tmx",
    "utf16.tmx",
    "units.xlf",
    "crlf.xlf",
    "utf16be.xlf",
    "units2.xlf",
    "units.po",
    "tall.tmx",
    "tall.xlf",
    "tall16.tmx",
)
WHOLE = {"obsolete.po": "polib reads it (obsolete entries)", "crlf.po": "polib reads it (CR line ends)"}


@pytest.fixture(scope="module")
def unit_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    en, ar = corpus_lines(150)
    return write_all(tmp_path_factory.mktemp("units"), en, ar)


def shard_segments(path: str, units: int) -> tuple[list[Task], list[Segment]]:
    tasks = plan_tasks([path], SETTINGS, units_per_shard=units)
    if len(tasks) == 1:
        return tasks, list(read_segments(path))
    segments: list[Segment] = []
    for task in tasks:
        assert isinstance(task.shard, XmlShard | PoShard)
        segments.extend(unit_shard_segments(task.shard))
    return tasks, segments


@pytest.mark.parametrize("name", SHARDED)
@pytest.mark.parametrize("units", [1, 3, 40])
def test_shards_concatenate_to_the_reader(unit_files: dict[str, Path], name: str, units: int) -> None:
    path = str(unit_files[name])
    whole = list(read_segments(path))
    tasks, parts = shard_segments(path, units)
    assert len(tasks) > 1, "this fixture must be split"
    assert parts == whole
    assert [(s.unit, s.index, s.line, s.target_line) for s in parts] == [
        (s.unit, s.index, s.line, s.target_line) for s in whole
    ]


def test_fixtures_cover_what_they_claim(unit_files: dict[str, Path]) -> None:
    """Languages per <file>, skipped tus, header srclang, plural forms, contexts, big lines all appear."""
    for name in ("tall.tmx", "tall.xlf", "tall16.tmx"):
        segments = list(read_segments(str(unit_files[name])))
        assert segments[-1].line is not None and segments[-1].line > 70_000
    xlf = list(read_segments(str(unit_files["units.xlf"])))
    assert {(s.source_lang, s.target_lang) for s in xlf} == {("en", "ar"), ("ar", "en"), ("und", None)}
    assert any("/" in s.unit for s in xlf)  # seg-source segmentation
    tmx_segments = list(read_segments(str(unit_files["units.tmx"])))
    assert len(tmx_segments) < 150 and any(s.source_lang == "ar" for s in tmx_segments)
    assert any(s.source_codes for s in tmx_segments) and any(s.props for s in tmx_segments)
    po = list(read_segments(str(unit_files["units.po"])))
    assert any("[5]" in s.unit for s in po) and any(s.context for s in po) and any(s.notes for s in po)
    x2 = list(read_segments(str(unit_files["units2.xlf"])))
    assert any(s.unit.endswith("/s2") for s in x2) and any(s.source_codes for s in x2)


@pytest.mark.parametrize("chunk", [7, 61, 4096])
def test_offset_index_does_not_depend_on_the_read_size(
    unit_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Tokens, unit start tags and CDATA cut by the scan window are found all the same."""
    for name in ("units.tmx", "minified.tmx", "utf16.tmx", "tall.tmx", "units.xlf", "utf16be.xlf"):
        path = str(unit_files[name])
        expected = plan_tasks([path], SETTINGS, units_per_shard=3)
        with monkeypatch.context() as patch:
            patch.setattr(offsets, "_CHUNK", chunk)
            assert plan_tasks([path], SETTINGS, units_per_shard=3) == expected, name


def test_skipped_tus_are_reported_once(unit_files: dict[str, Path], caplog: pytest.LogCaptureFixture) -> None:
    path = str(unit_files["units.tmx"])
    with caplog.at_level(logging.WARNING, logger="mustalah.formats"):
        list(read_segments(path))
    serial = [r.getMessage() for r in caplog.records]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mustalah.formats"):
        shard_segments(path, 7)
    assert [r.getMessage() for r in caplog.records] == serial
    assert len(serial) == 1 and "11 translation unit(s)" in serial[0]


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_polib_files_are_one_task(unit_files: dict[str, Path], name: str) -> None:
    path = str(unit_files[name])
    assert [t.shard for t in plan_tasks([path], SETTINGS, units_per_shard=3)] == [None], WHOLE[name]


@pytest.mark.parametrize("units", [1, 2, 5])
def test_conformance_samples(units: int) -> None:
    """Every third-party TMX/XLIFF/PO sample: split where possible, always equal to the reader."""
    root = shared_path("conformance")
    split = 0
    for path in sorted(root.glob("*/*")):
        if path.suffix not in (".tmx", ".xlf", ".po") or path.name == "invalid.tmx":
            continue
        tasks, parts = shard_segments(str(path), units)
        split += len(tasks) > 1
        assert parts == list(read_segments(str(path))), path.name
    assert split >= (18 if units == 1 else 11)


@pytest.mark.parametrize("name", ["ImportTest2A.tmx", "ImportTest1G.tmx"])
def test_utf16_compliance_kit_tmx_splits(name: str) -> None:
    """UTF-16 LE and BE (with BOM) from the LISA TMX compliance kit."""
    path = str(shared_path("conformance", "tmx", name))
    tasks, parts = shard_segments(path, 1)
    assert len(tasks) > 1
    assert parts == list(read_segments(path))


def _broken(folder: Path, damage: str) -> str:
    text = tmx(*corpus_lines(150))
    marker = '<tu tuid="t120">'
    assert marker in text
    path = folder / f"{damage}.tmx"
    if damage == "syntax":
        text = text.replace(marker, marker + "<tuv xml:lang='en'><seg>a</sag></tuv>", 1)
    elif damage == "semantic":  # an ept without its bpt, inside what would be shard 3
        text = text.replace(marker, marker + '<tuv xml:lang="de"><seg><ept i="9"/></seg></tuv>', 1)
    else:  # an entity bomb
        text = text.replace('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', '<!DOCTYPE tmx [<!ENTITY a "aaaa">]>')
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("damage", ["syntax", "semantic", "entities"])
def test_a_broken_file_is_one_task_with_the_serial_error(tmp_path: Path, damage: str) -> None:
    path = _broken(tmp_path, damage)
    with pytest.raises(InputError) as serial:
        list(read_segments(path))
    try:
        tasks = plan_tasks([path], SETTINGS, units_per_shard=40)
    except InputError as exc:  # refused while detecting the format: lint.run's task holds the error
        assert str(exc) == str(serial.value)
        tasks = [Task(Unreadable(path, exc))]
    assert [(t.path, t.shard) for t in tasks] == [(path, None)]
    with pytest.raises(InputError) as sharded:
        run_task(tasks[0], SETTINGS)
    assert str(sharded.value) == str(serial.value)
    assert serial.value.line is not None
    if damage != "entities":
        assert serial.value.line > 100  # the located spot, deep in the file (unit 120 of 150)


def test_unusual_xml_is_one_task(tmp_path: Path) -> None:
    text = tmx(*corpus_lines(60))
    subset = tmp_path / "subset.tmx"  # an internal DTD subset (no entities): readable, not scanned
    subset.write_text(text.replace('SYSTEM "tmx14.dtd"', "[<!ELEMENT tmx ANY>]"), encoding="utf-8")
    namespaced = tmp_path / "ns.tmx"  # the reader sees no <tu> in a namespace: the scan disagrees
    namespaced.write_text(text.replace('<tmx version="1.4">', '<tmx xmlns="urn:x" version="1.4">'))
    for path in (subset, namespaced):
        assert [t.shard for t in plan_tasks([str(path)], SETTINGS, units_per_shard=5)] == [None]
        assert lint_input(str(path), SETTINGS).units == len(list(read_segments(str(path))))


@pytest.mark.parametrize("name", ["units.tmx", "units.po"])
def test_a_file_changed_after_planning_is_refused(
    unit_files: dict[str, Path], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    shutil.copy(unit_files[name], path)
    tasks = plan_tasks([str(path)], SETTINGS, units_per_shard=40)
    assert len(tasks) > 1
    with open(path, "ab") as handle:
        handle.write(b"# appended\n")
    with pytest.raises(InputError, match="changed while it was being linted"):
        run_task(tasks[1], SETTINGS)


@pytest.mark.parametrize("name", ["corpus.tmx", "corpus.xlf", "corpus.po"])
def test_bench_corpus_splits_and_reads_back(name: str, bench_10k: Path) -> None:
    path = bench_10k / name
    whole = list(read_segments(str(path)))
    for units in (DEFAULT_SHARD_UNITS, 777):
        tasks, parts = shard_segments(str(path), units)
        assert len(tasks) == -(-10_000 // units)  # the bench corpora have 10k units
        assert parts == whole


def test_may_split_is_a_cheap_honest_guess(
    unit_files: dict[str, Path], tmp_path: Path, bench_10k: Path
) -> None:
    garbage = tmp_path / "big.po"  # a large file that is no PO catalogue
    garbage.write_bytes(b"#" * 500_000 + b"\n")
    assert not may_split(str(garbage), "po")
    assert not may_split(str(unit_files["units.tmx"]), "tmx")  # too small for two default shards
    assert may_split(str(unit_files["units.tmx"]), "tmx", step=3)
    assert may_split(str(unit_files["units.po"]), "po", step=3)
    assert not may_split(str(unit_files["units.tmx"]), "txml", step=3)  # a format never split
    assert not may_split(str(unit_files["crlf.po"]), "po", step=3)  # polib's: one task
    assert may_split(str(unit_files["utf16.tmx"]), "tmx", step=3)
    assert may_split(str(unit_files["utf16be.xlf"]), "xliff12", step=3)
    ebcdic = tmp_path / "ebcdic.tmx"  # an encoding the byte scan cannot read
    ebcdic.write_bytes(b'<?xml version="1.0" encoding="cp037"?>' + b" " * 500_000)
    assert not may_split(str(ebcdic), "tmx", step=3)
    for name, fmt in (("corpus.tmx", "tmx"), ("corpus.xlf", "xliff12"), ("corpus.po", "po")):
        big = str(bench_10k / name)
        assert may_split(big, fmt) and len(plan_tasks([big], SETTINGS)) == 2
