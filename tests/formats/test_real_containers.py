"""Containers: gzipped XML read by content, zip packages read member by member, Wordfast TXML.

``git.html_jpn.mqxlz`` is a real memoQ package (memoQ 7.8: ``document.mqxliff`` + ``skeleton.xml``,
an English Wikipedia page in Japanese); the other bilingual files are real too
(tests/formats/real/PROVENANCE.md).  The gzip wrappers and the Trados-style package are made here
with the standard library, as ``gzip`` and a CAT tool's packager make them, and so are the hostile
packages (zip bomb, absolute and ``..`` member names).
"""

from __future__ import annotations

import gzip
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from mustalah.cli.main import main
from mustalah.errors import InputError
from mustalah.formats import read_segments
from mustalah.formats.registry import detect_format

REAL = Path(__file__).parent / "real"
SDLXLIFF = REAL / "QuotesSample.docx.sdlxliff"
TXML = REAL / "Test01.docx.txml"
MQXLZ = REAL / "git.html_jpn.mqxlz"
XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


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


# --- a real memoQ package ----------------------------------------------------------------------


@dataclass
class Member:
    langs: tuple[str | None, str | None]
    ids: list[str | None]
    statuses: set[str | None]
    comments: dict[str | None, list[str | None]]


def _zip_truth(package: Path) -> dict[str, Member]:
    """Each XLIFF member of the zip, read here with zipfile + lxml: languages, units, comments."""
    found: dict[str, Member] = {}
    with zipfile.ZipFile(package) as archive:
        for name in archive.namelist():
            root = etree.fromstring(archive.read(name))
            if etree.QName(root).localname != "xliff":
                continue  # memoQ's skeleton.xml (mq:externalparts)
            file = root.find(f"{{{XLIFF12}}}file")
            assert file is not None
            units = root.findall(f".//{{{XLIFF12}}}trans-unit")
            found[name] = Member(
                langs=(file.get("source-language"), file.get("target-language")),
                ids=[u.get("id") for u in units],
                statuses={u.get("{MQXliff}status") for u in units},
                comments={
                    u.get("id"): [c.text for c in u.iter("{MQXliff}comment")]
                    for u in units
                    if u.find(".//{MQXliff}comment") is not None
                },
            )
    return found


def test_real_mqxlz_every_bilingual_member_is_read_with_its_languages() -> None:
    truth = _zip_truth(MQXLZ)
    assert list(truth) == ["document.mqxliff"]  # one bilingual member beside skeleton.xml
    member = truth["document.mqxliff"]
    assert member.langs == ("en", "ja") and len(member.ids) == 11
    segments = list(read_segments(MQXLZ))
    assert detect_format(MQXLZ) == "package"
    assert [(s.file, s.unit) for s in segments] == [(f"{MQXLZ}!document.mqxliff", i) for i in member.ids]
    assert {(s.source_lang, s.target_lang) for s in segments} == {member.langs}
    # memoQ writes PartiallyEdited for an edited, unconfirmed row: read as needs-translation
    assert member.statuses == {"PartiallyEdited"}
    assert {(s.state, s.props) for s in segments} == {
        ("needs-translation", (("mq:status", "PartiallyEdited"),))
    }
    # a memoQ row comment (mq:comment) is the unit's note; memoQ's empty <note/> is none
    assert {s.unit: list(s.notes) for s in segments if s.notes} == member.comments
    assert segments[0].source == "Git (software)" and segments[0].target == "Git (ソフトウェア)"


CHECKS = """\
X001:
  name: revision-control
  message: "'revision control' is バージョン管理 in this project"
  source-lang: en
  target-lang: ja
  source: [revision control]
  target-regex: 'バージョン管理'
  pass: [{en: a revision control system, ja: バージョン管理システム}]
  fail: [{en: a revision control system, ja: 改版コントロールシステム}]
X002:
  name: repository-spelling
  message: "'repository' is written リポジトリ"
  source-lang: en
  target-lang: ja
  source: [repository]
  target-not-regex: 'レポジトリ'
  suggestion: リポジトリ
  pass: [{en: a repository, ja: リポジトリ}]
  fail: [{en: a repository, ja: レポジトリー}]
"""


def _lint_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["lint", "--format", "json", "--no-progress", "--fail-on", "never", *args]) == 0
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def test_real_mqxlz_lint_names_the_member_in_every_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checks = tmp_path / "checks.yaml"
    checks.write_text(CHECKS, encoding="utf-8")
    report = _lint_json(capsys, "--checks", str(checks), str(MQXLZ))
    assert report["summary"]["files"] == 1
    assert report["summary"]["units"] == len(_zip_truth(MQXLZ)["document.mqxliff"].ids)
    found = [(f["file"], f["unit"], f["code"], f["lang"], f["text"]) for f in report["findings"]]
    member = f"{MQXLZ}!document.mqxliff"
    # unit 3 says 改版コントロール for "revision control"; unit 5 writes レポジトリー
    assert found == [
        (member, "3", "X001", "en", "revision control"),
        (member, "5", "X002", "ja", "レポジトリ"),
    ]
    # memoQ's comment-range markers (<mrk mtype="x-mq-range"/>) are no inline codes: no MK001
    assert "MK001" not in _lint_json(capsys, str(MQXLZ))["summary"]["by_code"]


def test_real_mqxlz_a_directive_in_a_memoq_comment_suppresses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The row comment is where a memoQ user writes; the same package with that comment's text
    replaced by a directive (every other byte as memoQ wrote it)."""
    checks = tmp_path / "checks.yaml"
    checks.write_text(CHECKS, encoding="utf-8")
    comment = "This term might be better written クライアント・サーバー or even クラサバ."
    package = tmp_path / "git.html_jpn.mqxlz"
    with zipfile.ZipFile(MQXLZ) as source, zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "document.mqxliff":
                assert data.count(comment.encode()) == 1
                data = data.replace(comment.encode(), b"mustalah: ignore X002")
            out.writestr(info, data)
    report = _lint_json(capsys, "--checks", str(checks), str(package))
    assert [f["code"] for f in report["findings"]] == ["X001"]
    assert report["summary"]["suppressed"] == 1


def test_real_mqxlz_export_tmx_keeps_its_languages_and_leaves_out_unconfirmed_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "git.tmx"
    # every row is PartiallyEdited (never confirmed in memoQ): nothing goes into a TM by default
    assert main(["export", "tmx", str(MQXLZ), "-o", str(out)]) == 2
    assert "left out 11 untranslated (--include-untranslated to keep them)" in capsys.readouterr().err
    assert not out.exists()
    args = ["export", "tmx", str(MQXLZ), "-o", str(out), "--include-untranslated", "--target-lang", "ar"]
    assert main(args) == 0
    assert "says the target language is ja; --target-lang ar only fills in" in capsys.readouterr().err
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("srclang") == "en"
    tus = root.findall(".//tu")
    assert len(tus) == 11
    assert {tuple(tuv.get(XML_LANG) for tuv in tu.iter("tuv")) for tu in tus} == {("en", "ja")}
    assert root.find(".//hi") is None  # no memoQ comment marker became TMX markup
    notes = [n.text for n in root.iter("note")]
    assert notes == _zip_truth(MQXLZ)["document.mqxliff"].comments["5"]
