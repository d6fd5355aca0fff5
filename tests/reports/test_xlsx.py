"""``--format xlsx``: the spreadsheet is read back with openpyxl and checked against the JSON report."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

from mustalah.cli.main import main  # noqa: E402
from mustalah.lint.engine import LintSettings  # noqa: E402
from mustalah.lint.run import input_segments, lint_stream, run_lint  # noqa: E402
from mustalah.model import Finding, LintResult, LintSummary, Segment  # noqa: E402
from mustalah.reports.xlsx_report import HEADERS, XlsxSink, render_xlsx  # noqa: E402
from tests.conftest import shared_path  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
RELEASES = REPO / "corpora" / "releases"
RELEASE = RELEASES / "2020-12-08-uncct-virtual-discussion"
COL = {name: i for i, name in enumerate(HEADERS)}


def cli(*argv: str) -> int:
    return main(["lint", *argv, "--no-config", "--no-progress", "--fail-on", "never"])


def rows(path: Path | io.BytesIO, sheet: str = "Findings") -> list[tuple[Any, ...]]:
    wb = openpyxl.load_workbook(path)
    return list(wb[sheet].iter_rows(values_only=True))


def lint_both(tmp_path: Path, *inputs: str) -> tuple[Any, dict[str, Any]]:
    """The workbook and the JSON report of the same lint."""
    xlsx, js = tmp_path / "r.xlsx", tmp_path / "r.json"
    assert cli(*inputs, "--format", "xlsx", "-o", str(xlsx)) == 0
    assert cli(*inputs, "--format", "json", "-o", str(js)) == 0
    return openpyxl.load_workbook(xlsx), json.loads(js.read_text(encoding="utf-8"))


def test_one_row_per_finding_with_the_json_reports_values(tmp_path: Path) -> None:
    wb, doc = lint_both(tmp_path, str(RELEASES))
    assert wb.sheetnames == ["Findings", "Summary"]
    ws = wb["Findings"]
    table = list(ws.iter_rows(values_only=True))
    assert table[0] == HEADERS
    found = table[1:]
    assert len(found) == len(doc["findings"]) > 20
    for row, f in zip(found, doc["findings"], strict=True):
        assert row[COL["file"]] == f["file"] and row[COL["unit"]] == f["unit"]
        assert row[COL["severity"]] == f["severity"]
        assert (row[COL["code"]], row[COL["rule"]]) == (f["code"], f["name"])
        assert (row[COL["flagged text"]] or "") == f["text"] and row[COL["message"]] == f["message"]
        assert (row[COL["suggestion"]] or None) == f["suggestion"]
        assert row[COL["status"]] is None  # the reviser's column
        assert row[COL["line"]] == f["line"] and row[COL["fingerprint"]] == f["fingerprint"]
        assert (row[COL["concept"]] or None) == f["concept"]
        assert (row[COL["termbase"]] or None) == f["termbase"]
    # The header is frozen and filterable over every row.
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(HEADERS))}{len(table)}"


def test_source_and_target_are_the_units_text_arabic_right_to_left(tmp_path: Path) -> None:
    wb, _ = lint_both(tmp_path, str(RELEASE))
    ws = wb["Findings"]
    en = (RELEASE / "en.txt").read_text(encoding="utf-8")
    ar = (RELEASE / "ar.txt").read_text(encoding="utf-8")
    rtl = ltr = 0
    for r in range(2, ws.max_row + 1):
        source, target = ws.cell(r, COL["source"] + 1), ws.cell(r, COL["target"] + 1)
        assert source.value in en and target.value in ar  # each a paragraph of the release
        assert target.alignment.readingOrder == 2 and target.alignment.horizontal == "right"
        assert source.alignment.readingOrder != 2 and source.alignment.horizontal != "right"
        flagged = ws.cell(r, COL["flagged text"] + 1)
        if flagged.value and any("\u0600" <= c <= "\u06ff" for c in flagged.value):
            assert flagged.alignment.readingOrder == 2
            rtl += 1
        elif flagged.value:
            assert flagged.alignment.readingOrder != 2
            ltr += 1
    assert rtl > 10 and ltr > 0
    # Severity, code and message cells of Arabic findings stay left to right.
    assert all(ws.cell(r, COL["code"] + 1).alignment.readingOrder != 2 for r in range(2, ws.max_row + 1))


def test_summary_sheet_counts_the_run(tmp_path: Path) -> None:
    wb, doc = lint_both(tmp_path, str(RELEASES))
    table = [r for r in wb["Summary"].iter_rows(values_only=True) if any(v is not None for v in r)]
    values = {r[0]: r[2] for r in table if r[2] is not None}
    s = doc["summary"]
    assert (values["files"], values["units"], values["findings"]) == (s["files"], s["units"], s["findings"])
    for sev, n in s["by_severity"].items():
        assert values[sev] == n
    for code, n in s["by_code"].items():
        assert values[code] == n
    by_file: dict[str, int] = {}
    for f in doc["findings"]:
        by_file[f["file"]] = by_file.get(f["file"], 0) + 1
    assert {f: values[f] for f in by_file} == by_file
    names = {r[0]: r[1] for r in table}
    assert names["TM002"] == "term-deprecated"


def test_corpus_findings_get_their_units_text(tmp_path: Path) -> None:
    """CO00x findings arrive after every input: the streamed sink reads their units again."""
    centre = "The Centre will continue its work."
    (tmp_path / "a.tsv").write_text(f"{centre}\tوسيواصل المركز عمله.\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text(f"{centre}\tوسيستمر المركز في عمله.\n", encoding="utf-8")
    settings = LintSettings()
    out = io.BytesIO()
    lint_stream([str(tmp_path)], settings, XlsxSink(out, lambda p: input_segments(p, settings)))
    streamed = rows(io.BytesIO(out.getvalue()))
    memory = io.BytesIO()
    render_xlsx(run_lint([str(tmp_path)], settings, keep_segments=True), memory)
    assert streamed == rows(memory)
    co = [r for r in streamed if str(r[COL["code"]]).startswith("CO")]
    assert co and all(r[COL["source"]] == centre for r in co)
    assert {r[COL["target"]] for r in co} <= {"وسيواصل المركز عمله.", "وسيستمر المركز في عمله."}


def test_cells_hold_text_never_formulas_or_illegal_characters() -> None:
    target = "=HYPERLINK(\"http://x\")\x0bمكتب" + "ب" * 40_000
    seg = Segment("x.tsv", "1", 0, "+1 (UNODC)", target, "en", "ar")
    f = Finding("UT003", "x", "style", "warning", "x.tsv", "1", "ar", "target", 0, 5, "=SUM(", "@cmd")
    out = io.BytesIO()
    render_xlsx(LintResult((f,), LintSummary(1, 1, 1), (seg,)), out)
    ws = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["Findings"]
    cells = {name: ws.cell(2, i + 1) for i, name in enumerate(HEADERS)}
    assert all(c.data_type == "s" for c in cells.values() if isinstance(c.value, str))
    assert cells["flagged text"].value == "=SUM("
    assert cells["target"].value.startswith('=HYPERLINK("http://x")<U+000B>مكتب')
    assert len(cells["target"].value) == 32_767 and cells["target"].value.endswith("…")
    assert cells["source"].value == "+1 (UNODC)"


def test_real_po_file(tmp_path: Path) -> None:
    """A real Arabic PO catalogue (Gradia, ../shared/conformance/po/ar.po)."""
    po = shared_path("conformance", "po", "ar.po")
    wb, doc = lint_both(tmp_path, str(po))
    table = list(wb["Findings"].iter_rows(values_only=True))
    assert len(table) - 1 == len(doc["findings"]) > 0
    ws = wb["Findings"]
    arabic_targets = [
        ws.cell(r, COL["target"] + 1) for r in range(2, ws.max_row + 1) if ws.cell(r, COL["target"] + 1).value
    ]
    assert arabic_targets and all(c.alignment.readingOrder == 2 for c in arabic_targets)


def test_no_findings_still_a_workbook(tmp_path: Path) -> None:
    clean = tmp_path / "clean.tsv"
    clean.write_text("The meeting ended.\tانتهى الاجتماع.\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert cli(str(clean), "--format", "xlsx", "-o", str(out), "--select", "TM") == 0
    assert rows(out) == [HEADERS]
    summary = {r[0]: r[2] for r in rows(out, "Summary")}
    assert summary["findings"] == 0 and summary["files"] == 1


def test_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(RELEASE), "--no-config", "--format", "xlsx"]) == 2
    err = capsys.readouterr().err
    assert "xlsx report is a binary file" in err and "-o report.xlsx" in err and "Traceback" not in err


def test_failed_run_leaves_no_workbook(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text("<tmx version='1.4'><body><tu>", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert cli(str(RELEASE), str(broken), "--format", "xlsx", "-o", str(out)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [broken.name]
    # --keep-going: the readable input's rows, none of the broken one's.
    assert cli(str(RELEASE), str(broken), "--format", "xlsx", "-o", str(out), "--keep-going") == 2
    files = {r[COL["file"]] for r in rows(out)[1:]}
    assert files and all(str(RELEASE) in f for f in files)
