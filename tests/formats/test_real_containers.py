"""Containers: gzipped XML read by content, zip packages read member by member, Wordfast TXML.

The bilingual files are real (tests/formats/real/PROVENANCE.md); the gzip and zip wrappers are
made here with the standard library, as ``gzip`` and a CAT tool's packager make them.  The
hostile packages (zip bomb, absolute and ``..`` member names) are made here too.
"""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.errors import InputError
from mustalah.formats import read_segments
from mustalah.formats.registry import detect_format

REAL = Path(__file__).parent / "real"
SDLXLIFF = REAL / "QuotesSample.docx.sdlxliff"
TXML = REAL / "Test01.docx.txml"


def _plain(segments: list) -> list[tuple[str, str, str | None, str, str | None]]:  # type: ignore[type-arg]
    return [(s.unit, s.source, s.target, s.source_lang, s.target_lang) for s in segments]


def test_wordfast_txml_is_read_as_bilingual_text() -> None:
    assert detect_format(TXML) == "txml"
    segments = list(read_segments(TXML))
    assert len(segments) == 10
    assert {(s.source_lang, s.target_lang) for s in segments} == {("EN", "FR")}
    by_unit = {s.unit: s for s in segments}
    # block 2 holds two segments; the <ut> codes are codes, not text
    assert by_unit["2/2"].source == "And now of the one of the second sentence."
    assert by_unit["2/2"].target == "Et maintenant de l'un de la deuxième phrase. "
    assert ("gtmt", "true") in by_unit["2/2"].props  # Wordfast's machine-translation flag
    assert by_unit["0"].source == "This is the text of the first sentence" and by_unit["0"].target == ""
    assert len(by_unit["0"].source_codes) == 5


@pytest.mark.parametrize("name", ["quotes.sdlxliff.gz", "quotes.xlf.gz", "no-extension"])
def test_gzipped_xliff_is_read_by_content(tmp_path: Path, name: str) -> None:
    packed = tmp_path / name
    packed.write_bytes(gzip.compress(SDLXLIFF.read_bytes()))
    assert detect_format(packed) == "gzip"
    assert _plain(list(read_segments(packed))) == _plain(list(read_segments(SDLXLIFF)))


def test_gzipped_tmx_export_round_trips(tmp_path: Path) -> None:
    tmx = tmp_path / "quotes.tmx"
    assert main(["export", "tmx", str(SDLXLIFF), "-o", str(tmx)]) == 0
    packed = tmp_path / "quotes.tmx.gz"
    packed.write_bytes(gzip.compress(tmx.read_bytes()))
    plain = list(read_segments(tmx))
    assert len(plain) == 6
    assert _plain(list(read_segments(packed))) == _plain(plain)


def _package(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_package_members_are_read_and_named_in_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _package(
        tmp_path / "job.sdlppx",
        {
            "job.sdlproj": b"<Project/>",
            "it-IT/QuotesSample.docx.sdlxliff": SDLXLIFF.read_bytes(),
            "fr-FR/Test01.docx.txml": TXML.read_bytes(),
        },
    )
    assert detect_format(package) == "package"
    segments = list(read_segments(package))
    files = {s.file for s in segments}
    assert files == {f"{package}!fr-FR/Test01.docx.txml", f"{package}!it-IT/QuotesSample.docx.sdlxliff"}
    assert len(segments) == 10 + len(list(read_segments(SDLXLIFF)))
    main(["lint", "--format", "json", "--no-progress", str(package)])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings and all("!" in f["file"] for f in findings)


def test_mqxlz_with_a_wrong_suffix_member_is_not_read(tmp_path: Path) -> None:
    package = _package(
        tmp_path / "doc.mqxlz", {"skeleton.skl": b"binary", "document.mqxliff": SDLXLIFF.read_bytes()}
    )
    assert {Path(s.file.split("!")[1]).name for s in read_segments(package)} == {"document.mqxliff"}


@pytest.mark.parametrize("member", ["/etc/passwd.xlf", "../../outside.xlf", "C:\\\\Windows\\\\x.xlf"])
def test_package_member_paths_that_escape_are_refused(tmp_path: Path, member: str) -> None:
    package = _package(tmp_path / "evil.sdlrpx", {member: SDLXLIFF.read_bytes()})
    with pytest.raises(InputError, match=r"absolute path|climbs out"):
        list(read_segments(package))


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    package = _package(tmp_path / "bomb.xlz", {"a.xlf": b"<" + b" " * (4 * 1024 * 1024)})
    with pytest.raises(InputError, match=r"zip bomb|inflates"):
        list(read_segments(package))
    assert main(["lint", "--no-progress", str(package)]) == 2
    err = capsys.readouterr().err
    assert "bomb.xlz" in err and "Traceback" not in err
    assert not any(p.suffix == ".xlf" for p in tmp_path.rglob("*"))  # nothing extracted
