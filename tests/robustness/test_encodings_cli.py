"""Encodings through the command line: read correctly, or refused with the byte offset.

Read correctly is checked by a round trip through ``mustalah export tmx`` (input in encoding X →
a UTF-8 TMX) and an independent parser (the standard library's ElementTree) on the output.
"""

from __future__ import annotations

import codecs
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import shared_path

from .helpers import assert_user_error, run_cli

ARABIC = "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"
ENGLISH = "United Nations Office on Drugs and Crime"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tmx(declared: str | None) -> str:
    decl = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ""
    return (
        decl + '<tmx version="1.4"><header srclang="en" segtype="paragraph" o-tmf="x" adminlang="en" '
        'datatype="plaintext" creationtool="t" creationtoolversion="1"/><body>\n'
        f'<tu tuid="1"><tuv xml:lang="en"><seg>{ENGLISH}</seg></tuv>'
        f'<tuv xml:lang="ar"><seg>{ARABIC}</seg></tuv></tu>\n</body></tmx>\n'
    )


def _segs(path: Path) -> list[tuple[str, str]]:
    """(lang, text) of every tuv in a TMX, read by the standard library (an independent parser)."""
    root = ET.parse(path).getroot()
    return [(tuv.get(XML_LANG, ""), "".join(tuv.find("seg").itertext())) for tuv in root.iter("tuv")]  # type: ignore[union-attr]


ENCODED = {
    "utf-8": lambda: _tmx("UTF-8").encode("utf-8"),
    "utf-8-bom": lambda: codecs.BOM_UTF8 + _tmx("UTF-8").encode("utf-8"),
    "utf-8-no-declaration": lambda: _tmx(None).encode("utf-8"),
    "utf-16-le-bom": lambda: codecs.BOM_UTF16_LE + _tmx("UTF-16").encode("utf-16-le"),
    "utf-16-be-bom": lambda: codecs.BOM_UTF16_BE + _tmx("UTF-16").encode("utf-16-be"),
    "windows-1256-declared": lambda: _tmx("windows-1256").encode("cp1256"),
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_encoding_reads_correctly(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    source = tmp_path / "in.tmx"
    source.write_bytes(ENCODED[name]())
    out = tmp_path / "out.tmx"
    outcome = run_cli(capsys, "export", "tmx", str(source), "-o", str(out))
    assert outcome.code == 0, outcome.err
    assert _segs(out) == [("en", ENGLISH), ("ar", ARABIC)]


@pytest.mark.parametrize(
    ("kit", "encoding"),
    [
        ("ImportTest1A.tmx", "utf-16"),
        ("ImportTest1G.tmx", "utf-16"),
        ("ImportTest1D.tmx", "utf-8-sig"),
    ],
)
def test_compliance_kit_bom_files_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kit: str, encoding: str
) -> None:
    source = shared_path("conformance", "tmx", kit)
    assert source.read_bytes()[:3] in (codecs.BOM_UTF8, b"\xff\xfe<", b"\xfe\xff\x00")
    out = tmp_path / "out.tmx"
    outcome = run_cli(capsys, "export", "tmx", str(source), "-o", str(out), "--source-lang", "en-US")
    assert outcome.code == 0, outcome.err
    expected = ET.fromstring(
        source.read_bytes().decode(encoding).split("?>", 1)[-1]
        if encoding != "utf-16"
        else source.read_bytes().decode(encoding)
    )
    source_count = sum(1 for tu in expected.iter("tu") if tu.find("tuv") is not None)
    assert len(ET.parse(out).getroot().findall(".//tu")) == source_count > 0


def _offset_of(data: bytes, needle: bytes) -> int:
    offset = data.find(needle)
    assert offset > 0
    return offset


def test_declared_utf8_that_is_really_windows_1256_is_refused_at_the_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _tmx("UTF-8").encode("cp1256")
    path = tmp_path / "lying.tmx"
    path.write_bytes(data)
    outcome = run_cli(capsys, "lint", "--no-config", str(path))
    first_arabic = _offset_of(data, ARABIC[0].encode("cp1256"))
    assert_user_error(outcome, "lying.tmx:", f"byte offset {first_arabic}", "utf-8", "windows-1256")


def test_declared_ascii_with_utf8_bytes_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _tmx("US-ASCII").encode("utf-8")
    path = tmp_path / "ascii.tmx"
    path.write_bytes(data)
    outcome = run_cli(capsys, "lint", "--no-config", str(path))
    assert_user_error(outcome, "ascii.tmx:", f"byte offset {_offset_of(data, ARABIC[0].encode('utf-8'))}")


def test_unknown_declared_encoding_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "unknown.tmx"
    path.write_bytes(_tmx("ltf-8").encode("utf-8"))
    outcome = run_cli(capsys, "lint", "--no-config", str(path))
    assert_user_error(outcome, "unknown.tmx:1:", "unknown encoding 'ltf-8'")


def test_nul_byte_in_xml_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _tmx("UTF-8").encode("utf-8").replace(b"Drugs", b"Dr\x00ugs")
    path = tmp_path / "nul.tmx"
    path.write_bytes(data)
    outcome = run_cli(capsys, "lint", "--no-config", str(path))
    nul = data.index(b"\x00")
    assert_user_error(outcome, "nul.tmx:3:", f"byte offset {nul}")


TEXT_LINES = f"{ENGLISH}\n{ARABIC}\n"
CP1256 = TEXT_LINES.encode("cp1256")
INVALID = TEXT_LINES.encode("utf-8")[:-5] + b"\xff\xfe\xfa\n"
NUL = TEXT_LINES.encode("utf-8").replace(b"Office", b"Off\x00ice")


@pytest.mark.parametrize(
    ("name", "data", "needle", "offset"),
    [
        ("cp1256.txt", CP1256, "invalid UTF-8 byte 0x", len(ENGLISH) + 1),
        ("invalid.txt", INVALID, "invalid UTF-8 byte 0xFF", INVALID.index(b"\xff")),
        ("nul.txt", NUL, "NUL byte", NUL.index(b"\x00")),
        ("utf16.txt", TEXT_LINES.encode("utf-16"), "UTF-16", None),
    ],
)
def test_text_file_encoding_errors_give_the_offset(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    needle: str,
    offset: int | None,
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    outcome = run_cli(capsys, "lint", "--no-config", "--format", "json", str(path))
    assert outcome.out == ""
    if offset is None:
        assert_user_error(outcome, f"{name}:1", needle)
        return
    line = data[:offset].count(b"\n") + 1
    assert_user_error(outcome, f"{name}:{line}", needle, f"byte offset {offset}")


def test_utf8_text_with_bom_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8") + b"\n")
    outcome = run_cli(capsys, "lint", "--no-config", "--format", "json", "--fail-on", "never", str(path))
    assert outcome.code == 0, outcome.err
    assert '"units": 1' in outcome.out


def test_po_with_invalid_bytes_gives_the_offset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{ENGLISH}"\nmsgstr "'.encode()
        + ARABIC.encode("cp1256")
        + b'"\n'
    )
    path = tmp_path / "bad.po"
    path.write_bytes(data)
    outcome = run_cli(capsys, "lint", "--no-config", str(path))
    offset = _offset_of(data, ARABIC[0].encode("cp1256"))
    assert_user_error(outcome, "bad.po:6", f"byte offset {offset}")
