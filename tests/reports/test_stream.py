"""Streamed reports (lint_stream + reports.stream, stream_text) equal the in-memory renderers."""

from __future__ import annotations

import contextlib
import functools
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.lint import run as lint_run
from mustalah.lint.engine import LintSettings
from mustalah.lint.run import InputFailure, input_segments, lint_stream, run_lint
from mustalah.reports.registry import IN_MEMORY, RENDERERS, REPORT_FORMATS

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO / "corpora"
RELEASE = CORPORA / "releases" / "2020-12-08-uncct-virtual-discussion"
SETTINGS = LintSettings()


def streamed(fmt: str, paths: Sequence[str], settings: LintSettings = SETTINGS, **kw: object) -> str:
    out = io.BytesIO()
    stream = REPORT_FORMATS[fmt].stream
    assert stream is not None
    writer = stream(out, False, lambda p: input_segments(p, settings))
    lint_stream(paths, settings, writer, **kw)  # type: ignore[arg-type]
    return out.getvalue().decode("utf-8")


def in_memory(fmt: str, paths: Sequence[str], settings: LintSettings = SETTINGS, **kw: object) -> str:
    result = run_lint(paths, settings, keep_segments=True, **kw)  # type: ignore[arg-type]
    buf = io.StringIO()
    if fmt == "text":
        RENDERERS["text"](result, buf, colour=False)  # type: ignore[call-arg]
    else:
        RENDERERS[fmt](result, buf)
    return buf.getvalue()


def test_every_format_is_streamed_or_rendered_in_memory() -> None:
    """One record per --format: a renderer, and a streaming writer unless it is rendered in memory."""
    assert set(RENDERERS) == set(REPORT_FORMATS) >= {"text", "json", "jsonl", "sarif", "github", "html"}
    for name, spec in REPORT_FORMATS.items():
        assert spec.name == name and callable(spec.render)
        assert (spec.stream is None) == (name in IN_MEMORY)
    assert {"html"} == IN_MEMORY


TEXT_STREAMS = [n for n, f in REPORT_FORMATS.items() if f.stream is not None and not f.binary]


def test_the_text_streams_are_the_five() -> None:
    assert sorted(TEXT_STREAMS) == ["github", "json", "jsonl", "sarif", "text"]


@pytest.mark.parametrize("fmt", TEXT_STREAMS)
def test_streamed_equals_in_memory_on_the_corpora(fmt: str) -> None:
    expected = in_memory(fmt, [str(CORPORA)])
    assert expected.count("\n") > 20
    assert streamed(fmt, [str(CORPORA)]) == expected


@pytest.fixture
def corpus_rules(tmp_path: Path) -> list[str]:
    """Three TSV files whose corpus findings (CO001, CO003) fall inside an earlier unit, after
    a file's last unit, and in a file with no other finding (new group at the end)."""
    centre = "The Centre will continue its work."
    unoct = "The UNOCT Centre will continue its work."
    (tmp_path / "a.tsv").write_text(
        f"{centre}\tوسيواصل المركز عمله.\n"
        "The Acting Director opened the meeting.\tافتتح المدير بالإنابة الاجتماع.\n"
        "The Acting Director closed the meeting.\tاختتم المدير بالنيابة الاجتماع.\n"
        f"{unoct}\tسيواصل مكتب الأمم المتحدة لمكافحة الارهاب عمله.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.tsv").write_text(
        f"{centre}\tوسيستمر المركز في عمله.\n{unoct}\tسيواصل مكتب الامم المتحده لمكافحه الإرهاب عمله.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.tsv").write_text(f"{centre}\tويواصل المركز أعماله.\n", encoding="utf-8")
    return [str(tmp_path)]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "github", "text"])
def test_corpus_findings_are_placed_as_in_memory(fmt: str, corpus_rules: list[str]) -> None:
    result = run_lint(corpus_rules, SETTINGS)
    co = [f for f in result.findings if f.code.startswith("CO")]
    files = {f.file for f in result.findings if not f.code.startswith("CO")}
    assert co and any(f.file not in files for f in co)  # one group only a corpus rule opens
    assert streamed(fmt, corpus_rules) == in_memory(fmt, corpus_rules)


def test_text_is_exact_when_inputs_overlap(corpus_rules: list[str]) -> None:
    """An input given twice, a folder and its own file: render_text's grouping, via the fallback."""
    a = str(Path(corpus_rules[0]) / "a.tsv")
    for paths in ([a, a], [corpus_rules[0], a], [str(RELEASE), str(RELEASE / "en.txt")]):
        assert streamed("text", paths) == in_memory("text", paths)


def test_empty_report(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("أطلق مركز الأمم المتحدة لمكافحة الإرهاب (UNCCT) اليوم برنامجاً جديداً.\n", "utf-8")
    for fmt in ("json", "jsonl", "sarif", "github", "text"):
        assert streamed(fmt, [str(clean)]) == in_memory(fmt, [str(clean)])
    assert '"findings": [],' in streamed("json", [str(clean)])


def test_per_file_ignores_apply_to_streamed_and_corpus_findings(corpus_rules: list[str]) -> None:
    ignores = {"b.tsv": ["CO001", "SP002"], "c.tsv": ["ALL"]}
    for fmt in ("json", "text"):
        got = streamed(fmt, corpus_rules, per_file_ignores=ignores)
        assert got == in_memory(fmt, corpus_rules, per_file_ignores=ignores)
    doc = json.loads(streamed("json", corpus_rules, per_file_ignores=ignores))
    assert not [f for f in doc["findings"] if f["file"].endswith(("c.tsv",))]
    assert doc["summary"]["suppressed"] >= 3


def _small_shards(monkeypatch: pytest.MonkeyPatch, lines: int) -> None:
    monkeypatch.setattr(lint_run, "plan_tasks", functools.partial(lint_run.plan_tasks, lines_per_shard=lines))


def test_a_shard_that_fails_late_takes_its_input_out_of_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--keep-going: shards 1–2 of bad.tsv were streamed before shard 3 failed; none of it stays."""
    _small_shards(monkeypatch, 4)
    line = "The Centre will continue its work.\tسيواصل مكتب الامم المتحده لمكافحه الإرهاب عمله.\n"
    bad = tmp_path / "bad.tsv"
    bad.write_text(line * 9 + "no tab here\n" + line, encoding="utf-8")
    good = tmp_path / "good.tsv"
    good.write_text(line * 3, encoding="utf-8")
    paths = [str(bad), str(good)]
    for fmt in ("json", "jsonl", "sarif", "github", "text"):
        failures: list[InputFailure] = []
        got = streamed(fmt, paths, keep_going=True, on_error=failures.append)
        assert [f.path for f in failures] == [str(bad)]
        assert got == in_memory(fmt, paths, keep_going=True)
        if fmt in ("sarif", "github", "text"):  # no list of errors in these
            assert got == in_memory(fmt, [str(good)])
    doc = json.loads(streamed("json", paths, keep_going=True))
    assert doc["summary"]["files"] == 1 and doc["summary"]["units"] == 3
    assert {f["file"] for f in doc["findings"]} == {str(good)}


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "github", "text"])
def test_cli_stdout_and_output_file_agree(fmt: str, tmp_path: Path) -> None:
    code, out, _ = _run("lint", str(RELEASE), "--no-config", "--format", fmt)
    report = tmp_path / f"report.{fmt}"
    code2, out2, _ = _run("lint", str(RELEASE), "--no-config", "--format", fmt, "-o", str(report))
    assert code == code2 == 1 and out2 == ""
    assert report.read_text(encoding="utf-8") == out == in_memory(fmt, [str(RELEASE)])
    assert [p.name for p in tmp_path.iterdir()] == [report.name]  # no temporary file left


def test_cli_failed_run_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text("<tmx version='1.4'><body><tu>", encoding="utf-8")
    report = tmp_path / "report.json"
    argv = ("lint", str(RELEASE), str(broken), "--no-config", "--format", "jsonl")
    code, out, _ = _run(*argv, "-o", str(report))
    assert code == 2 and out == ""
    assert [p.name for p in tmp_path.iterdir()] == [broken.name]
    code, out, _ = _run(*argv)
    assert code == 2 and out == ""  # stdout: all or nothing, as before


@pytest.mark.parametrize("fmt", sorted(REPORT_FORMATS))
def test_every_format_choice_writes_a_report(fmt: str, tmp_path: Path) -> None:
    """Each --format in the registry runs end to end (no KeyError for a format one table lacks)."""
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    report = tmp_path / f"report.{fmt}"
    code, out, err = _run("lint", str(RELEASE), "--no-config", "--format", fmt, "-o", str(report))
    assert (code, out) == (1, "") and "Traceback" not in err, err
    assert report.stat().st_size > 100
    if REPORT_FORMATS[fmt].binary:
        code, out, err = _run("lint", str(RELEASE), "--no-config", "--format", fmt)
        assert code == 2 and out == "" and "-o" in err
