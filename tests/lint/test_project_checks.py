"""Own checks without code: mustalah-checks.yaml / [tool.mustalah.checks], run as rules, listed by
``mustalah rules``, each check's pass and fail cases run when the file is read."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from mustalah.checks.project import evaluate, words_pattern
from mustalah.cli.main import main
from mustalah.lint.checkfile import read_checks_file
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]
CHECKS = REPO / "corpora" / "mustalah-checks.yaml"
SEED = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def lint(*argv: str) -> list[dict[str, Any]]:
    code, out, err = run("lint", *argv, "--format", "json", "--fail-on", "never", "--no-progress")
    assert code == 0, err
    findings: list[dict[str, Any]] = json.loads(out)["findings"]
    return findings


def tsv(tmp_path: Path, *pairs: tuple[str, str]) -> str:
    path = tmp_path / "pairs.tsv"
    path.write_text("".join(f"{en}\t{ar}\n" for en, ar in pairs), encoding="utf-8")
    return str(path)


def write(tmp_path: Path, text: str, name: str = "checks.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_corpora_checks_load_and_their_cases_hold() -> None:
    specs = read_checks_file(CHECKS)
    assert [s.code for s in specs] == ["X001", "X002", "X003"]
    for spec in specs:
        for case in spec.cases:
            hits = list(evaluate(spec, case.source, case.target, "en", "ar"))
            assert bool(hits) == (case.kind == "fail"), (spec.code, case)


def test_end_to_end_on_the_seed_release() -> None:
    """The seed's حفلة النقاش and حقلة النقاش (units 3 and 5) fail X001; its 90 participants pass X002."""
    found = lint(str(SEED), "--no-config", "--checks", str(CHECKS), "--select", "X")
    assert [(f["code"], f["unit"], f["side"], f["text"]) for f in found] == [
        ("X001", "3", "source", "panel discussion"),
        ("X001", "5", "source", "panel discussion"),
    ]
    ar = (SEED / "ar.txt").read_text(encoding="utf-8")
    assert "حفلة النقاش" in ar and "حقلة النقاش" in ar  # the slips the check exists for
    f = found[0]
    assert (f["severity"], f["category"], f["name"], f["suggestion"]) == (
        "error", "term-missing", "panel-discussion", "حلقة النقاش"
    )
    assert f["fingerprint"] and f["line"] == 5  # a finding like any other
    # --select/--ignore reach project checks as any rule
    assert not lint(str(SEED), "--no-config", "--checks", str(CHECKS), "--select", "X", "--ignore", "X001")


def test_capture_groups_carry_the_number(tmp_path: Path) -> None:
    pairs = tsv(
        tmp_path,
        ("More than 90 participants took part.", "شارك أكثر من 90 مشاركاً."),
        ("Some 40 participants and 12 participants met.", "اجتمع نحو 40 مشاركاً و13 مشاركاً."),
    )
    found = lint(pairs, "--no-config", "--checks", str(CHECKS), "--select", "X002")
    assert [(f["unit"], f["text"]) for f in found] == [("2", "12 participants")]


def test_must_not_flags_the_target_span(tmp_path: Path) -> None:
    pairs = tsv(
        tmp_path,
        ("Member States met.", "واجتمعت البلدان الأعضاء."),
        ("Member States met.", "اجتمعت الدول الأعضاء."),
    )
    found = lint(pairs, "--no-config", "--checks", str(CHECKS), "--select", "X003")
    assert [(f["unit"], f["side"], f["text"], f["suggestion"]) for f in found] == [
        ("1", "target", "البلدان الأعضاء", "الدول الأعضاء")
    ]


def test_plain_words_in_arabic_take_clitics_and_marks_not_suffixes() -> None:
    pattern = re.compile(words_pattern(["الأمين العام", "اللجنة", "وزير"]))
    for text in ("للأمين العام", "والأمين العامّ", "للجنة", "بالوزير", "للوزير", "ـوزير"[1:]):
        assert pattern.search(text), text
    for text in ("الوزيرة", "الأمين العامة", "وزيرا"):
        assert not pattern.search(text), text
    english = re.compile(words_pattern(["panel discussion"]))
    assert english.search("a Panel  Discussion.") and not english.search("panel discussions")


def test_per_language_pair(tmp_path: Path) -> None:
    checks = write(
        tmp_path,
        "X020:\n  message: French only\n  target-lang: fr\n  target-not: [Centre]\n"
        "  pass: [{source: a, target: b}]\n  fail: [{source: a, target: le Centre}]\n",
    )
    pairs = tsv(tmp_path, ("the Centre", "le Centre"))
    assert not lint(pairs, "--no-config", "--checks", checks, "--select", "X")  # the pair is en-ar
    assert lint(pairs, "--no-config", "--checks", checks, "--select", "X", "--target-lang", "fr")


def test_checks_from_pyproject_and_the_file_beside_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.mustalah.checks.X030]\nmessage = 'the Centre is المركز'\nsource = 'Centre'\n"
        "target = 'المركز'\npass = [{en = 'the Centre', ar = 'المركز'}]\n"
        "fail = [{en = 'the Centre', ar = 'مكتب'}]\n",
        encoding="utf-8",
    )
    (tmp_path / "mustalah-checks.yaml").write_text(CHECKS.read_text(encoding="utf-8"), encoding="utf-8")
    pairs = tsv(tmp_path, ("the Centre and the panel discussion", "المكتب وحفلة النقاش"))
    found = lint(pairs, "--select", "X")
    assert sorted(f["code"] for f in found) == ["X001", "X030"]
    code, out, _ = run("rules", "--config", str(tmp_path / "pyproject.toml"))
    assert code == 0 and "X030" in out and "X001  panel-discussion" in out
    # the same code twice is refused, naming both places
    (tmp_path / "pyproject.toml").write_text(
        (tmp_path / "pyproject.toml").read_text(encoding="utf-8").replace("X030", "X001"), encoding="utf-8"
    )
    code, _, err = run("lint", pairs)
    assert code == 2 and "X001 is already defined" in err


def test_rules_lists_and_explains_project_checks() -> None:
    code, out, _ = run("rules", "--no-config", "--checks", str(CHECKS), "--format", "json")
    doc = {r["code"]: r for r in json.loads(out)}
    assert code == 0 and {"X001", "X002", "X003", "TM002"} <= set(doc)
    catches = doc["X002"]["doc"]["What it catches"]
    assert catches.startswith("Project check: when the source has /(\\d+) participants/")
    code, out, _ = run("rules", "X003", "--no-config", "--checks", str(CHECKS))
    assert code == 0 and "must not have 'البلدان الأعضاء'" in out and "Use instead:\n  الدول الأعضاء" in out
    # markdown for a project's docs: the built-in rules, then the project's own
    code, out, _ = run("rules", "--no-config", "--checks", str(CHECKS), "--format", "markdown")
    assert out.index("## TM002") < out.index("## X001 panel-discussion")


BAD = [
    ("X1:\n  message: m\n", "is not X + 3 digits"),
    ("X001:\n  message: m\n  source: a\n  pass: [{en: a, ar: b}]\n  fail: [{en: a, ar: c}]\n",
     "says nothing"),
    ("X001:\n  message: m\n  target-regex: '(['\n  pass: [{en: a, ar: b}]\n  fail: [{en: a, ar: c}]\n",
     "not a valid regular expression"),
    ("X001:\n  message: m\n  source-regex: '(\\d+)'\n  target-regex: '\\2'\n  pass: [{en: a, ar: b}]\n"
     "  fail: [{en: '1', ar: c}]\n", "uses group 2"),
    ("X001:\n  message: m\n  target-not: [x]\n  colour: red\n  pass: [{en: a, ar: b}]\n"
     "  fail: [{en: a, ar: x}]\n",
     "unknown field(s) colour"),
    ("X001:\n  message: m\n  target-not: [x]\n  fail: [{en: a, ar: x}]\n", "'pass' must be a list of cases"),
    ("X001:\n  message: m\n  target-not: [x]\n  pass: [{en: a, ar: x}]\n  fail: [{en: a, ar: x}]\n",
     "pass case 1 gives a finding on 'x'"),
    ("X001:\n  message: m\n  target-not: [x]\n  pass: [{en: a, ar: b}]\n  fail: [{en: a, ar: y}]\n",
     "fail case 1 gives no finding"),
    ("X001:\n  name: term-deprecated\n  message: m\n  target-not: [x]\n  pass: [{en: a, ar: b}]\n"
     "  fail: [{en: a, ar: x}]\n", "is a built-in rule's"),
    ("X001:\n  message: m\n  severity: fatal\n  target-not: [x]\n", "severity 'fatal'"),
    ("X001: [\n", "not valid YAML"),
]


@pytest.mark.parametrize(("text", "wanted"), BAD, ids=[w for _, w in BAD])
def test_a_bad_check_is_a_located_usage_error(tmp_path: Path, text: str, wanted: str) -> None:
    checks = write(tmp_path, "# project checks\n" + text)
    code, out, err = run("lint", str(SEED), "--no-config", "--checks", checks)
    assert code == 2 and not out
    assert wanted in err and f"{checks}:" in err and "Traceback" not in err
    assert re.search(re.escape(checks) + r":\d+", err)  # the line


def test_real_po_file(tmp_path: Path) -> None:
    """Gradia's Arabic catalogue (../shared/conformance/po/ar.po): where the English says
    'screenshot', two entries say التقاط ('capturing') instead of لقطة."""
    po = shared_path("conformance", "po", "ar.po")
    checks = write(
        tmp_path,
        "X010:\n  message: \"'Screenshot' is لقطة الشاشة\"\n  source: [Screenshot, Screenshots]\n"
        "  target: [لقطة, لقطات]\n  pass: [{en: Screenshot Shortcut, ar: اختصار لقطة الشاشة}]\n"
        "  fail: [{en: Screenshot Shortcut, ar: اختصار صورة الشاشة}]\n",
    )
    found = lint(str(po), "--no-config", "--checks", checks, "--select", "X")
    assert [(f["unit"], f["text"]) for f in found] == [("111", "screenshot"), ("240", "Screenshot")]


def test_the_report_never_replaces_the_checks_file(tmp_path: Path) -> None:
    checks = tmp_path / "checks.yaml"
    checks.write_text(CHECKS.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("lint", str(SEED), "--no-config", "--checks", str(checks), "-o", str(checks))
    assert code == 2 and "also an input" in err
    assert checks.read_text(encoding="utf-8") == CHECKS.read_text(encoding="utf-8")
