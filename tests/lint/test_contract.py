"""The lint JSON contract (version 1), exit codes and options: other tools depend on these."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.model import CATEGORIES

REPO = Path(__file__).resolve().parents[2]
RELEASE = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"
KEYS = {
    "code",
    "name",
    "category",
    "severity",
    "file",
    "unit",
    "lang",
    "side",
    "start",
    "end",
    "text",
    "message",
    "concept",
    "suggestion",
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_json_contract_on_a_bilingual_release() -> None:
    code, out, _ = run("lint", str(RELEASE), "--no-config", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert doc["version"] == 1 and set(doc) >= {"version", "findings", "summary"}
    s = doc["summary"]
    assert set(s) >= {"files", "units", "findings", "by_severity", "by_category"}
    assert s["files"] == 1 and s["findings"] == len(doc["findings"]) > 0
    en = (RELEASE / "en.txt").read_text(encoding="utf-8").split("\n")
    ar = (RELEASE / "ar.txt").read_text(encoding="utf-8").split("\n")
    for f in doc["findings"]:
        assert set(f) >= KEYS
        assert f["category"] in CATEGORIES
        assert f["severity"] in ("error", "warning", "info")
        assert f["side"] in ("source", "target")
        lines = en if f["side"] == "source" else ar
        assert Path(f["file"]).name == ("en.txt" if f["side"] == "source" else "ar.txt")
        assert lines[f["line"] - 1][f["start"] : f["end"]] == f["text"]
        assert isinstance(f["unit"], str)
    assert sum(s["by_severity"].values()) == s["findings"] == sum(s["by_category"].values())


def test_fail_on_and_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(
        "أطلق مركز الأمم المتحدة لمكافحة الإرهاب (UNCCT) اليوم برنامجاً جديداً.\n", encoding="utf-8"
    )
    assert run("lint", str(clean), "--no-config")[0] == 0
    bad = tmp_path / "bad.txt"
    bad.write_text("أطلق مكتب الأمم المتحدة المعنى بالمخدرات والجريمة اليوم.\n", encoding="utf-8")
    assert run("lint", str(bad), "--no-config")[0] == 1
    assert run("lint", str(bad), "--no-config", "--fail-on", "never")[0] == 0
    assert run("lint", str(tmp_path / "missing.txt"), "--no-config")[0] == 2


def test_select_and_ignore() -> None:
    _, out, _ = run("lint", str(RELEASE), "--no-config", "--format", "json", "--select", "GN")
    assert {f["code"] for f in json.loads(out)["findings"]} <= {"GN001", "GN002"}
    _, out, _ = run("lint", str(RELEASE), "--no-config", "--format", "json", "--ignore", "gender,TM001")
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert not codes & {"GN001", "GN002", "TM001"}


def test_output_file_is_written_atomically_and_never_over_an_input(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    code, out, _ = run("lint", str(RELEASE), "--no-config", "--format", "json", "-o", str(report))
    assert out == "" and json.loads(report.read_text(encoding="utf-8"))["version"] == 1
    assert not list(tmp_path.glob("*.part"))
    src = tmp_path / "x.txt"
    src.write_text("نص\n", encoding="utf-8")
    code, _, err = run("lint", str(src), "--no-config", "-o", str(src))
    assert code == 2 and "also an input" in err and src.read_text(encoding="utf-8") == "نص\n"


def test_baseline_accepts_known_findings_and_lapses_on_change(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("لمكتب الأمم المتحدة المعنى بالمخدرات والجريمة\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert run("lint", str(text), "--no-config", "--write-baseline", str(base))[0] == 0
    assert run("lint", str(text), "--no-config", "--baseline", str(base))[0] == 0
    text.write_text("إن مكتب الأمم المتحدة المعنى بالمخدرات والجريمة\n", encoding="utf-8")
    assert run("lint", str(text), "--no-config", "--baseline", str(base))[0] == 1


def test_unit_note_suppression_and_unused_suppression(tmp_path: Path) -> None:
    po = tmp_path / "a.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n\n'
        "# mustalah: ignore TM003\n"
        'msgid "United Nations Office on Drugs and Crime"\nmsgstr "مكتب الأمم المتحدة المعنى بالمخدرات والجريمة"\n\n'  # noqa: E501
        "# mustalah: ignore TM002\n"
        'msgid "United Nations Office on Drugs and Crime"\nmsgstr "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"\n',  # noqa: E501
        encoding="utf-8",
    )
    _, out, _ = run("lint", str(po), "--no-config", "--format", "json")
    doc = json.loads(out)
    codes = [(f["unit"], f["code"]) for f in doc["findings"]]
    assert ("1", "TM003") not in codes
    assert ("2", "MU001") in codes
    assert doc["summary"]["suppressed"] >= 1


def test_pyproject_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mustalah]\nignore = ["TM003"]\n', encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("لمكتب الأمم المتحدة المعنى بالمخدرات والجريمة\n", encoding="utf-8")
    _, out, _ = run("lint", str(text), "--format", "json")
    assert "TM003" not in {f["code"] for f in json.loads(out)["findings"]}
    (tmp_path / "pyproject.toml").write_text("[tool.mustalah]\nbogus = 1\n", encoding="utf-8")
    code, _, err = run("lint", str(text))
    assert code == 2 and "bogus" in err


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_other_formats_render(fmt: str) -> None:
    code, out, _ = run("lint", str(RELEASE), "--no-config", "--format", fmt)
    assert code == 1 and out.strip()


def test_unknown_rule_in_select_is_a_usage_error() -> None:
    code, _, err = run("lint", str(RELEASE), "--no-config", "--select", "TM999")
    assert code == 2 and "TM999" in err and "mustalah rules" in err


def test_rule_option_from_pyproject(tmp_path: Path) -> None:
    release = tmp_path / "rel"
    release.mkdir()
    (release / "en.txt").write_text(
        "The United Nations Counter-Terrorism Centre and the United Nations Counter-Terrorism Centre.\n",
        encoding="utf-8",
    )
    (release / "ar.txt").write_text("مركز الأمم المتحدة لمكافحة الإرهاب والمركز.\n", encoding="utf-8")
    _, out, _ = run("lint", str(release), "--no-config", "--format", "json", "--select", "TM001")
    assert [f["code"] for f in json.loads(out)["findings"]] == ["TM001"]
    (tmp_path / "pyproject.toml").write_text("[tool.mustalah.rules.TM001]\ncount = false\n", encoding="utf-8")
    _, out, _ = run("lint", str(release), "--format", "json", "--select", "TM001")
    assert json.loads(out)["findings"] == []


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        (
            "[tool.mustalah.rules.TM001]\ncoutn = false\n",
            ["TM001 has no option 'coutn'", "its options: count"],
        ),
        ('[tool.mustalah.rules.TM001]\ncount = "no"\n', ["count = 'no' is not a bool", "count = True"]),
        ("[tool.mustalah.rules.TM999]\ncount = false\n", ["TM999", "no such rule"]),
        ("[tool.mustalah.rules.SP002]\nwords = [1, 2]\n", ["words = [1, 2] is not a list of strings"]),
    ],
)
def test_a_bad_rule_option_is_a_usage_error(tmp_path: Path, toml: str, said: list[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("مركز الأمم المتحدة لمكافحة الإرهاب\n", encoding="utf-8")
    code, out, err = run("lint", str(text))
    assert code == 2 and not out and "Traceback" not in err
    assert str(tmp_path / "pyproject.toml") in err
    for words in said:
        assert words in err


def test_project_words_silence_the_spelling_note(tmp_path: Path) -> None:
    from mustalah.checks.spelling import spelling_available

    if not spelling_available("ar"):
        pytest.skip("needs the Hunspell binding and the ar dictionary")
    text = tmp_path / "a.txt"
    text.write_text("تبادل الممارسات المثلثى مع كوفيد\n", encoding="utf-8")
    _, out, _ = run("lint", str(text), "--no-config", "--format", "json", "--select", "SP002")
    assert {f["text"] for f in json.loads(out)["findings"]} == {"المثلثى", "كوفيد"}
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mustalah.rules.SP002]\nwords = ["كوفيد"]\n', encoding="utf-8"
    )
    _, out, _ = run("lint", str(text), "--format", "json", "--select", "SP002")
    assert {f["text"] for f in json.loads(out)["findings"]} == {"المثلثى"}


def test_missing_termbase_and_directory_output_are_usage_errors(tmp_path: Path) -> None:
    code, _, err = run("lint", str(RELEASE), "--no-config", "--termbase", str(tmp_path / "nope.tbx"))
    assert code == 2 and "termbase not found" in err and "Traceback" not in err
    code, _, err = run("lint", str(RELEASE), "--no-config", "-o", str(tmp_path))
    assert code == 2 and "is a directory" in err


def test_an_unusable_dask_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("lint", str(RELEASE), "--no-config", "--scheduler", str(tmp_path / "nope.json"))
    assert code == 2 and "scheduler" in err and "Traceback" not in err


def test_parallel_by_default_only_where_it_pays(tmp_path: Path) -> None:
    import argparse

    from mustalah.cli.lint_cmd import AUTO_PARALLEL_BYTES, _jobs
    from mustalah.lint.config import ProjectConfig
    from mustalah.lint.engine import LintSettings
    from mustalah.lint.inputs import resolve_inputs
    from mustalah.parallel import default_jobs

    big_line = "أطلق مركز الأمم المتحدة لمكافحة الإرهاب برنامجاً\n" * 2000
    text = tmp_path / "corpus.ar"
    with text.open("w", encoding="utf-8") as out:
        while out.tell() <= AUTO_PARALLEL_BYTES:
            out.write(big_line)
    po = tmp_path / "big.po"
    po.write_bytes(b"#" * (AUTO_PARALLEL_BYTES + 1) + b"\n")

    def jobs(path: Path, given: int | None = None) -> int:
        args = argparse.Namespace(jobs=given, scheduler=None, paths=[str(path)])
        return _jobs(args, ProjectConfig(), resolve_inputs(args.paths, LintSettings()))

    tmx = tmp_path / "big.tmx"
    unit = (
        '<tu><tuv xml:lang="en"><seg>The Office met.</seg></tuv>'
        '<tuv xml:lang="ar"><seg>اجتمع المكتب.</seg></tuv></tu>\n'
    )
    with tmx.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n')
        while out.tell() <= AUTO_PARALLEL_BYTES:
            out.write(unit * 1000)
        out.write("</body></tmx>\n")

    assert jobs(text) == default_jobs()  # line-aligned text is split into shards
    assert jobs(tmx) == default_jobs()  # one large TMX is split into unit ranges
    assert jobs(po) == 1  # not a PO file the unit shards can split: a pool would only add start-up
    assert jobs(text, 1) == 1 and jobs(po, 3) == 3
    assert jobs(RELEASE) == 1
