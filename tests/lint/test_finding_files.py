"""A finding names the file its text was read from, at that file's line and column.

Two bugs this guards: a release folder linted with ``--target-lang ar-SA`` named
``ar-SA.txt`` (the reader had read ``ar.txt``), and a Moses pair ``c.en`` + ``c.ar``
named ``c.en`` for Arabic findings at the Arabic file's line and column.  The reader
now records each side's file on the segment; nothing downstream guesses it.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.formats.registry import detect_format, read_segments
from mustalah.lint.engine import LintSettings
from mustalah.lint.inputs import expand_inputs
from mustalah.lint.shards import merge, plan_tasks, run_task
from mustalah.parallel import SerialExecutor, ordered_map

REPO = Path(__file__).resolve().parents[2]
RELEASE = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"


def _lint(*argv: str) -> list[dict[str, object]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["lint", *argv, "--no-config", "--format", "json", "--fail-on", "never"])
    assert code == 0, err.getvalue()
    findings: list[dict[str, object]] = json.loads(out.getvalue())["findings"]
    return findings


def _assert_located(findings: list[dict[str, object]], expected: dict[str, Path]) -> None:
    """Every finding names an existing file, the one of its side, and its text is there."""
    assert {f["side"] for f in findings} == set(expected), "the fixture must give findings on both sides"
    for f in findings:
        path = Path(str(f["file"]))
        assert path == expected[str(f["side"])], f
        assert path.is_file(), f
        line = path.read_text(encoding="utf-8").split("\n")[int(str(f["line"])) - 1]
        start, end = int(str(f["start"])), int(str(f["end"]))
        assert line[start:end] == f["text"], f
        assert f["column"] == start + 1


@pytest.fixture()
def release(tmp_path: Path) -> Path:
    folder = tmp_path / "release"
    shutil.copytree(RELEASE, folder)
    return folder


def test_release_with_a_regional_target_tag_names_the_file_read(release: Path) -> None:
    findings = _lint(str(release), "--target-lang", "ar-SA")
    assert not (release / "ar-SA.txt").exists()
    _assert_located(findings, {"source": release / "en.txt", "target": release / "ar.txt"})
    # the same findings as without the tag: only the language tag differs, not what is read
    plain = _lint(str(release))
    assert [(f["code"], f["file"], f["line"], f["start"]) for f in findings] == [
        (f["code"], f["file"], f["line"], f["start"]) for f in plain
    ]


def test_release_with_a_regional_file_names_it(release: Path) -> None:
    # ar-SA.txt is read when present; ar.txt (still what makes a folder a release) holds other text
    text = (release / "ar.txt").read_text(encoding="utf-8")
    (release / "ar-SA.txt").write_text(text, encoding="utf-8")
    (release / "ar.txt").write_text(
        "\n".join("نص" if t.strip() else t for t in text.split("\n")), encoding="utf-8"
    )
    findings = _lint(str(release), "--target-lang", "ar-SA")
    _assert_located(findings, {"source": release / "en.txt", "target": release / "ar-SA.txt"})


def test_release_of_en_txt_and_ar_sa_txt_is_read_as_a_release(release: Path) -> None:
    """Only ``en.txt`` + ``ar-SA.txt`` (a regional file name, no ``ar.txt``): a release, read
    without any option, its Arabic side tagged as its file name says."""
    expected = _lint(str(release))
    (release / "ar.txt").rename(release / "ar-SA.txt")
    assert expand_inputs([str(release.parent)]) == [str(release)]  # not two text files
    assert detect_format(release) == "release"
    segments = list(read_segments(release))
    assert {(s.target_lang, s.target_file) for s in segments} == {("ar-SA", str(release / "ar-SA.txt"))}
    findings = _lint(str(release.parent))
    _assert_located(findings, {"source": release / "en.txt", "target": release / "ar-SA.txt"})
    assert [{**f, "file": str(f["file"]).replace("ar-SA.txt", "ar.txt")} for f in findings] == expected


def test_a_folder_of_regional_sides_only_is_a_release(release: Path) -> None:
    (release / "en.txt").rename(release / "en-GB.txt")
    (release / "ar.txt").rename(release / "ar-SA.txt")
    assert expand_inputs([str(release.parent)]) == [str(release)]
    findings = _lint(str(release))
    _assert_located(findings, {"source": release / "en-GB.txt", "target": release / "ar-SA.txt"})


def test_two_regional_sides_of_one_language_are_a_located_question(release: Path) -> None:
    (release / "ar.txt").rename(release / "ar-SA.txt")
    shutil.copy(release / "ar-SA.txt", release / "ar-EG.txt")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["lint", str(release), "--no-config"]) == 2
    assert f"{release}: missing ar.txt" in err.getvalue()
    assert "which of ar-EG.txt and ar-SA.txt is meant?" in err.getvalue()
    _assert_located(
        _lint(str(release), "--target-lang", "ar-EG"),
        {"source": release / "en.txt", "target": release / "ar-EG.txt"},
    )


@pytest.fixture()
def moses(tmp_path: Path) -> tuple[Path, Path]:
    """A Moses pair cut from the release: line k of c.en translates line k of c.ar."""
    en = [t for t in (RELEASE / "en.txt").read_text(encoding="utf-8").split("\n") if t.strip()]
    ar = [t for t in (RELEASE / "ar.txt").read_text(encoding="utf-8").split("\n") if t.strip()]
    (tmp_path / "c.en").write_text("\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "c.ar").write_text("\n".join(ar) + "\n", encoding="utf-8")
    return tmp_path / "c.en", tmp_path / "c.ar"


@pytest.mark.parametrize("given", ["c.en", "c.ar"])
def test_moses_pair_findings_name_each_side_file(moses: tuple[Path, Path], given: str) -> None:
    en, ar = moses
    findings = _lint(str(en.parent / given))
    _assert_located(findings, {"source": en, "target": ar})


def test_sharded_moses_pair_names_each_side_file(moses: tuple[Path, Path]) -> None:
    en, ar = moses
    settings = LintSettings()
    tasks = plan_tasks([str(en)], settings, lines_per_shard=2)
    assert len(tasks) > 1
    (result,) = merge(list(ordered_map(SerialExecutor(), run_task, tasks, settings)))  # type: ignore[arg-type]
    files = {(f.side, f.file) for f in result.findings}
    assert files == {("source", str(en)), ("target", str(ar))}
