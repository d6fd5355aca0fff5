"""Broken inputs: each is one located message (file + line/column/unit) with a hint, exit 2, and
``keep_going`` lints the readable inputs and reports the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from mustalah.errors import InputError, MustalahError
from mustalah.lint.engine import LintSettings
from mustalah.lint.run import InputFailure, run_lint

from .helpers import assert_user_error, run_cli

TMX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" segtype="sentence" '
    'o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1"/><body>\n'
)
GOOD_TU = (
    '<tu tuid="t1"><tuv xml:lang="en"><seg>United Nations</seg></tuv>'
    '<tuv xml:lang="ar"><seg>الأمم المتحدة</seg></tuv></tu>\n'
)
XLIFF12 = (
    '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '<file original="x" source-language="en" target-language="ar" datatype="plaintext"><body>\n'
    '<trans-unit id="u1"><source>United Nations</source><target>الأمم المتحدة</target></trans-unit>\n'
    "</body></file></xliff>\n"
)
XLIFF2 = (
    '<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
    'srcLang="en" trgLang="ar"><file id="f">\n<unit id="u1"><segment><source>United Nations</source>'
    "<target>الأمم المتحدة</target></segment></unit>\n</file></xliff>\n"
)

CASES: dict[str, tuple[str, bytes, tuple[str, ...]]] = {
    # name → (file name, content, what the message must contain)
    "truncated-tmx": (
        "t.tmx",
        (TMX_HEAD + GOOD_TU + GOOD_TU).encode()[:-60],
        ("t.tmx:4:", "not well-formed"),
    ),
    "truncated-xliff12": ("t.xlf", XLIFF12.encode()[:-30], ("t.xlf:", "not well-formed")),
    "truncated-xliff2": ("t2.xlf", XLIFF2.encode()[:-25], ("t2.xlf:", "not well-formed")),
    "ept-before-bpt": (
        "codes.tmx",
        (
            TMX_HEAD + GOOD_TU + '<tu tuid="bad"><tuv xml:lang="en"><seg>a<ept i="1">&lt;/b&gt;</ept>b'
            '<bpt i="1">&lt;b&gt;</bpt></seg></tuv></tu>\n</body></tmx>'
        ).encode(),
        ("codes.tmx:4", "unit bad", '<ept i="1"> without a preceding <bpt i="1">'),
    ),
    "unclosed-bpt": (
        "open.tmx",
        (
            TMX_HEAD
            + '<tu><tuv xml:lang="en"><seg><bpt i="7">&lt;b&gt;</bpt>x</seg></tuv></tu>\n</body></tmx>'
        ).encode(),
        ("open.tmx:3", "unit 1", '<bpt i="7"> is never closed'),
    ),
    "tuv-without-lang": (
        "nolang.tmx",
        (TMX_HEAD + GOOD_TU + '<tu tuid="t2"><tuv><seg>x</seg></tuv></tu>\n</body></tmx>').encode(),
        ("nolang.tmx:4", "unit t2", "<tuv> without xml:lang"),
    ),
    "xliff-unit-without-source": (
        "nosrc.xlf",
        XLIFF12.replace("<source>United Nations</source>", "").encode(),
        ("nosrc.xlf:4", "unit u1", "without <source>"),
    ),
    "po-syntax": (
        "bad.po",
        b'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d" junk\n',
        ("bad.po:5", "Syntax error"),
    ),
    "po-garbage-line": ("garbage.po", b'msgid "a"\nmsgstr "b"\nfoo bar\n', ("garbage.po:3", "Syntax error")),
    "po-unterminated": ("open.po", b'msgid "a"\nmsgstr "b\n', ("open.po:2", "unterminated string")),
    "tsv-without-tab": ("pairs.tsv", "a\tب\nno tab here\n".encode(), ("pairs.tsv:2", "no TAB")),
    "empty-tmx": ("empty.tmx", b"", ("empty.tmx", "empty file")),
    "empty-xliff": ("empty.xlf", b"", ("empty.xlf", "empty file")),
    "empty-po": ("empty.po", b"", ("empty.po", "empty file")),
    "empty-text": ("empty.txt", b"", ("empty.txt", "empty file")),
    "blank-text": ("blank.txt", b"\n\n  \n", ("blank.txt", "empty file")),
    "whitespace-only-xml": ("blank.tmx", b"   \n", ("blank.tmx", "empty file")),
    "tbx-given-to-lint": (
        "glossary.tmx",
        b'<?xml version="1.0"?><martif type="TBX"><text><body/></text></martif>',
        ("glossary.tmx", "TBX termbase", "termbase import"),
    ),
    "unknown-xml": ("page.xlf", b"<html><body/></html>", ("page.xlf", "unknown XML format")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_file_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    name, data, needles = CASES[case]
    path = tmp_path / name
    path.write_bytes(data)
    outcome = run_cli(capsys, "lint", "--no-config", "--format", "json", str(path))
    assert_user_error(outcome, *needles)
    assert outcome.out == ""


def _release(folder: Path, en: str, ar: str) -> Path:
    folder.mkdir()
    (folder / "en.txt").write_text(en, encoding="utf-8")
    (folder / "ar.txt").write_text(ar, encoding="utf-8")
    return folder


def test_misaligned_release_names_both_files_and_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _release(tmp_path / "rel", "One.\n\nTwo.\nThree.\n", "واحد.\n\nاثنان.\n")
    outcome = run_cli(capsys, "lint", "--no-config", str(folder))
    assert_user_error(outcome, "misaligned release", "en.txt has 3 non-empty lines", "ar.txt has 2")


def test_misaligned_moses_pair_gives_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "corpus.en").write_text("a\nb\nc\n", encoding="utf-8")
    (tmp_path / "corpus.ar").write_text("ا\nب\n", encoding="utf-8")
    outcome = run_cli(capsys, "lint", "--no-config", str(tmp_path / "corpus.en"))
    assert_user_error(outcome, "corpus.en:3", "misaligned corpus")


def test_directory_where_a_file_is_expected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("United Nations\n", encoding="utf-8")
    folder = tmp_path / "report.json"
    folder.mkdir()
    assert_user_error(
        run_cli(capsys, "lint", "--no-config", str(source), "-o", str(folder)), "is a directory"
    )
    empty = tmp_path / "memory.tmx"  # a folder named like a file, holding nothing lintable
    empty.mkdir()
    assert_user_error(run_cli(capsys, "lint", "--no-config", str(empty)), "nothing to lint", "memory.tmx")
    assert_user_error(run_cli(capsys, "termbase", "check", "--termbase", str(empty)), "no .yaml files")
    assert_user_error(
        run_cli(capsys, "export", "tmx", str(empty), "-o", str(tmp_path / "o.tmx")), "memory.tmx"
    )
    assert not (tmp_path / "o.tmx").exists()


def test_output_over_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("United Nations\n", encoding="utf-8")
    outcome = run_cli(capsys, "lint", "--no-config", str(source), "--format", "json", "-o", str(source))
    assert_user_error(outcome, "also an input")
    assert source.read_text(encoding="utf-8") == "United Nations\n"


# -- keep going --------------------------------------------------------------------------------


def _mixed_inputs(tmp_path: Path) -> list[str]:
    good = tmp_path / "good.tmx"
    good.write_text(TMX_HEAD + GOOD_TU + "</body></tmx>\n", encoding="utf-8")
    broken = tmp_path / "broken.tmx"
    broken.write_text(TMX_HEAD + GOOD_TU, encoding="utf-8")  # truncated
    text = tmp_path / "text.txt"
    text.write_text("الأمم المتحدة\n", encoding="utf-8")
    cp1256 = tmp_path / "cp1256.txt"
    cp1256.write_bytes("الأمم المتحدة\n".encode("cp1256"))
    release = _release(tmp_path / "rel", "One.\nTwo.\n", "واحد.\n")
    return [str(good), str(broken), str(text), str(cp1256), str(release)]


def test_without_keep_going_the_first_unreadable_input_stops_the_run(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not well-formed"):
        run_lint(_mixed_inputs(tmp_path), LintSettings())


def test_keep_going_lints_the_readable_inputs_and_reports_the_rest(tmp_path: Path) -> None:
    paths = _mixed_inputs(tmp_path)
    failures: list[InputFailure] = []
    result = run_lint(paths, LintSettings(), keep_going=True, on_error=failures.append)
    assert [f.path for f in failures] == [paths[1], paths[3], paths[4]]
    assert "not well-formed" in failures[0].message and f"{paths[1]}:" in failures[0].message
    assert "byte offset 0" in failures[1].message and "hint:" in failures[1].message
    assert "misaligned release" in failures[2].message
    assert result.summary.files == 2
    assert result.summary.units == 2
    expected = run_lint([paths[0], paths[2]], LintSettings())
    assert result.findings == expected.findings
    assert failures[0].to_json() == {"file": paths[1], "message": failures[0].message}


def test_keep_going_with_only_unreadable_inputs(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(b"<tmx")
    failures: list[InputFailure] = []
    result = run_lint([str(bad)], LintSettings(), keep_going=True, on_error=failures.append)
    assert result.summary.files == 0 and result.findings == ()
    assert len(failures) == 1 and isinstance(failures[0].message, str)
    with pytest.raises(MustalahError):
        run_lint([str(bad)], LintSettings())
