"""Reader behaviour on small, purpose-built inputs (XLIFF, PO, plain text)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from mustalah.errors import InputError
from mustalah.formats import detect_format, read_segments
from tests.conftest import shared_path

X2 = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ar">
<file id="f1"><unit id="u1"><notes><note>check the title</note></notes>
<originalData><data id="d1">&lt;br/&gt;</data></originalData>
<segment id="s1" state="translated"><source>The <pc id="1">Office</pc><ph id="2" dataRef="d1"/>.</source>
<target>المكتب<ph id="2" dataRef="d1"/>.</target></segment>
<segment id="s2"><source>Second<cp hex="0007"/></source></segment>
</unit><unit id="u2" translate="no"><segment><source>UNOCT</source><target>UNOCT</target></segment></unit>
</file></xliff>"""


def test_xliff2_units_segments_codes(tmp_path: Path) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(X2, encoding="utf-8")
    first, second, third = read_segments(path)
    assert (first.unit, second.unit, third.unit) == ("u1/s1", "u1/s2", "u2")
    assert first.source == "The Office." and first.target == "المكتب."
    assert [(c.kind, c.id, c.offset, c.content) for c in first.source_codes] == [
        ("pc", "1", 4, ""),
        ("/pc", "1", 10, ""),
        ("ph", "2", 10, "<br/>"),
    ]
    assert first.notes == ("check the title",) and first.state == "translated"
    assert second.source == "Second\x07" and second.target is None
    assert ("translate", "no") in third.props and third.target_lang == "ar"


def test_sdlxliff_segments_and_states() -> None:
    path = shared_path("conformance", "xliff12", "TS09-12-Test01.xlf")
    segments = {s.unit: s for s in read_segments(path)}
    started = segments["22bfcddb-0d5f-4493-b630-1a7bae84fd29"]
    assert (started.source, started.target, started.state) == (
        "Getting Started",
        "Erste Schritte",
        "translated",
    )
    assert ("sdl:conf", "Translated") in started.props
    assert ("translate", "no") in segments["ef0bb684-d2e9-49b7-b7c8-cd1799316337"].props


def test_xliff12_alt_trans_ignored_and_states() -> None:
    segments = {
        s.unit: s for s in read_segments(shared_path("conformance", "xliff12", "Manual-12-AltTrans.xlf"))
    }
    assert ("translate", "no") in segments["0"].props
    assert all("alt" not in (s.target or "").lower() for s in segments.values())
    states = [s.state for s in read_segments(shared_path("conformance", "xliff12", "states.xlf"))]
    assert "fake" in states and "translated" in states


def test_po_plurals_notes_and_errors(tmp_path: Path) -> None:
    po = tmp_path / "a.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# translator says\n#. extracted says\n#, fuzzy\nmsgid "%d file"\nmsgid_plural "%d files"\n'
        + "".join(f'msgstr[{k}] "f{k}"\n' for k in range(6))
        + '\n#~ msgid "old"\n#~ msgstr "قديم"\n\nmsgid "Office"\nmsgstr "مكتب"\n',
        encoding="utf-8",
    )
    segments = list(read_segments(po))
    assert [s.unit for s in segments] == ["1", "1[1]", "1[2]", "1[3]", "1[4]", "1[5]", "2"]
    assert segments[0].source == "%d file" and segments[0].target == "f0"
    assert segments[1].source == "%d files" and segments[1].target == "f1"
    assert segments[0].notes == ("translator says", "extracted says") and segments[0].state == "fuzzy"
    assert segments[-1].target == "مكتب" and segments[-1].target_lang == "ar"
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstr "b"\n\nnonsense here\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_segments(bad))
    assert caught.value.line == 4


def _release(tmp_path: Path, en: str, ar: str) -> Path:
    folder = tmp_path / "2020-unoct"
    folder.mkdir()
    (folder / "en.txt").write_text(en, encoding="utf-8")
    (folder / "ar.txt").write_text(ar, encoding="utf-8")
    return folder


def test_release_folder_aligns_non_empty_lines(tmp_path: Path) -> None:
    folder = _release(tmp_path, "Title\n\nFirst.\nSecond.\n", "العنوان\nالأول.\n\n\nالثاني.\n")
    assert detect_format(folder) == "release"
    segments = list(read_segments(folder))
    assert [(s.unit, s.source, s.target, s.line, s.target_line) for s in segments] == [
        ("1", "Title", "العنوان", 1, 1),
        ("2", "First.", "الأول.", 3, 2),
        ("3", "Second.", "الثاني.", 4, 5),
    ]


def test_misaligned_release_names_both_files(tmp_path: Path) -> None:
    folder = _release(tmp_path, "A\nB\nC\n", "أ\nب\n")
    with pytest.raises(InputError) as caught:
        list(read_segments(folder))
    assert "en.txt has 3" in caught.value.message and "ar.txt has 2" in caught.value.message


def test_moses_pair_with_gzip(tmp_path: Path) -> None:
    (tmp_path / "corpus.en").write_text("One\n\nThree\n", encoding="utf-8")
    with gzip.open(tmp_path / "corpus.ar.gz", "wt", encoding="utf-8") as handle:
        handle.write("واحد\n\nثلاثة\n")
    segments = list(read_segments(tmp_path / "corpus.en"))
    assert [(s.unit, s.source, s.target) for s in segments] == [
        ("1", "One", "واحد"),
        ("2", "", ""),
        ("3", "Three", "ثلاثة"),
    ]
    (tmp_path / "short.en").write_text("One\nTwo\n", encoding="utf-8")
    (tmp_path / "short.ar").write_text("واحد\n", encoding="utf-8")
    with pytest.raises(InputError, match="misaligned"):
        list(read_segments(tmp_path / "short.en"))


def test_tsv_and_monolingual_text(tmp_path: Path) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("Office\tمكتب\n\nno tab here\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_segments(tsv))
    assert caught.value.line == 3
    text = tmp_path / "release.txt"
    text.write_text("\ufeffأنشئ مكتب الأمم المتحدة (UNOCT).\n\nUNOCT 2017\n", encoding="utf-8")
    segments = list(read_segments(text))
    assert [(s.unit, s.source_lang, s.target) for s in segments] == [("1", "ar", None), ("3", "ar", None)]
    assert segments[0].source.startswith("أنشئ")
    assert {s.source_lang for s in read_segments(text, source_lang="en")} == {"en"}


def test_non_utf8_text_is_refused_with_offset_and_iconv_hint(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    data = b"Office\n" + "مكتب\n".encode("cp1256")
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        list(read_segments(path))
    assert "byte offset 7" in caught.value.message and caught.value.line == 2
    assert caught.value.hint and "iconv -f cp1256" in caught.value.hint
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"abc\x00def\n")
    with pytest.raises(InputError, match="NUL byte at byte offset 3"):
        list(read_segments(nul))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("مكتب\n".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        list(read_segments(utf16))
