"""Annotations CAT tools put inside a target are not the document's markup (real files,
tests/formats/real/PROVENANCE.md).

* ChangeTracking_memoQ_1.mqxliff (memoQ 8.6, tracked changes on): insertions
  ``<mrk mtype="x-mq-tc" mq:tctype="ins">`` are text, deletions (``mq:tctype="del"``, their text
  and tags) are not — the target reads as it now stands, not as old and new text run together.
* git.html_jpn.mqxlz: memoQ marks a commented range with empty ``<mrk mtype="x-mq-range"/>``.
* QuotesSample.docx.sdlxliff: Trados marks a commented range with ``<mrk mtype="x-sdl-comment">``.

Neither marker is an inline code: before, each was reported as an "extra inline code" (MK001),
16 times in the memoQ file, 4 in the Trados one, and written into a TMX as ``<hi>``.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from lxml import etree

from mustalah.cli.main import main
from mustalah.formats import read_segments

REAL = Path(__file__).parent / "real"
MQXLIFF = REAL / "ChangeTracking_memoQ_1.mqxliff"
SDLXLIFF = REAL / "QuotesSample.docx.sdlxliff"
X = "{urn:oasis:names:tc:xliff:document:1.2}"
MQ = "{MQXliff}"


def _as_it_stands(target: etree._Element) -> str:
    """The target's text read here with lxml: deletions removed, tags' content left out."""
    target = copy.deepcopy(target)
    for element in list(target.iter(X + "mrk", X + "bpt", X + "ept")):
        deleted = element.tag == X + "mrk" and element.get(MQ + "tctype") == "del"
        if deleted or element.tag != X + "mrk":
            parent = element.getparent()
            if parent is None:
                continue
            tail, previous = element.tail or "", element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
            parent.remove(element)
    return "".join(target.itertext())


def _lint(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict[str, str]]:
    assert main(["lint", "--format", "json", "--no-progress", "--fail-on", "never", str(path)]) == 0
    findings: list[dict[str, str]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


def test_memoq_tracked_changes_read_as_the_target_now_stands() -> None:
    root = etree.parse(str(MQXLIFF)).getroot()
    units = list(root.iter(X + "trans-unit"))
    changes = [m.get(MQ + "tctype") for u in units for m in u.find(X + "target").iter(X + "mrk")]
    assert changes.count("del") == 3 and changes.count("ins") == 5
    expected = [_as_it_stands(u.find(X + "target")) for u in units]
    segments = list(read_segments(MQXLIFF))
    assert [s.target for s in segments] == expected
    assert expected == [
        "CHANGE TRACKING",
        "#1.",  # <mrk del>PARAGRAPH </mrk>#1.
        "PARAGRAPH #2 INSERTED.",
        "WITH TAGS, PARAGRAPH #3.",  # the bold "PARAGRAPH #3 " moved to the end
        "ABRACADABRA #4 with TAGS.",  # PARAGRAPH replaced
    ]
    # the deleted <b></b> of unit 4 is gone with its text; the inserted one is there
    assert [(c.kind, c.id) for c in segments[3].target_codes] == [
        ("bpt", "3"),
        ("ept", "4"),
        ("bpt", "5"),
        ("ept", "6"),
    ]
    assert not any(c.kind.endswith("mrk") for s in segments for c in s.target_codes)


def test_memoq_and_trados_annotation_markers_are_no_inline_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = _lint(capsys, MQXLIFF)
    assert not [f for f in found if "mrk" in f["message"]]  # was 16 "extra inline code <mrk>"
    # memoQ's own numbering counts the deleted <b></b> of unit 4, so the surviving bold tag is
    # bpt 5 / ept 6 where the source has 1 / 2: the same content, the same code (was 2 MK001)
    assert not [f for f in found if f["code"] == "MK001"]
    comments = [
        m for m in etree.parse(str(SDLXLIFF)).getroot().iter(X + "mrk") if m.get("mtype") == "x-sdl-comment"
    ]
    assert len(comments) == 2
    segments = list(read_segments(SDLXLIFF))
    assert segments[0].target == "Se si crea un prodotto che verrà."  # the commented range is text
    assert not any(c.kind.endswith("mrk") for s in segments for c in s.target_codes)
    assert not [f for f in _lint(capsys, SDLXLIFF) if f["code"] == "MK001"]  # was 4


def test_trados_tracked_changes(tmp_path: Path) -> None:
    """The real SDLXLIFF with its first comment marker turned into a Trados deletion and its
    second into an insertion (the mtypes Trados writes when changes are tracked)."""
    tree = etree.parse(str(SDLXLIFF))
    first, second = (m for m in tree.getroot().iter(X + "mrk") if m.get("mtype") == "x-sdl-comment")
    first.set("mtype", "x-sdl-deleted")
    second.set("mtype", "x-sdl-added")
    changed = tmp_path / "tracked.sdlxliff"
    tree.write(str(changed), xml_declaration=True, encoding="utf-8")
    segments = list(read_segments(changed))
    assert segments[0].target == "Se si crea un che verrà."
    assert segments[1].target == "Avrai bisogno di una barca più grande."
    assert not segments[0].target_codes and not segments[1].target_codes


def test_export_tmx_writes_no_marker_and_pairs_memoq_tags(tmp_path: Path) -> None:
    out = tmp_path / "quotes.tmx"
    assert main(["export", "tmx", str(SDLXLIFF), "-o", str(out), "--include-untranslated"]) == 0
    assert etree.parse(str(out)).getroot().find(".//hi") is None  # was <hi> around the comment
    out = tmp_path / "tracked.tmx"
    assert main(["export", "tmx", str(MQXLIFF), "-o", str(out), "--include-untranslated"]) == 0
    root = etree.parse(str(out)).getroot()
    # memoQ 8 numbers bpt and ept in order (<bpt id="1"> ... <ept id="2">): each pair shares one i
    for seg in root.iter("seg"):
        begins = [b.get("i") for b in seg.iter("bpt")]
        assert sorted(begins) == sorted(e.get("i") for e in seg.iter("ept")), etree.tostring(seg)
    units = etree.parse(str(MQXLIFF)).getroot().iter(X + "trans-unit")
    kept = [
        b
        for u in units
        for side in (u.find(X + "source"), u.find(X + "target"))
        for b in side.iter(X + "bpt")
        if b.getparent().get(MQ + "tctype") != "del"
    ]
    assert len(list(root.iter("bpt"))) == len(kept) == 8
