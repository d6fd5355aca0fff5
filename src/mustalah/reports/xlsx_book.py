"""The openpyxl side of ``--format xlsx`` (``xlsx_report``): imported only when a workbook is written."""

from __future__ import annotations

from collections import Counter
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..checks.registry import rules_by_code
from ..model import SEVERITIES, LintSummary
from .xlsx_report import HEADERS, MAX_ROWS, WIDTHS, WRAP, Row, cell_text, is_arabic

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="305496")
_SEVERITY_FONT = {"error": Font(bold=True, color="C00000"), "warning": Font(color="9C5700")}


def _cell(ws: Any, value: Any, wrap: bool = False) -> Cell:
    if isinstance(value, str):
        text = cell_text(value)
        cell = WriteOnlyCell(ws, value=text)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if is_arabic(text):
            cell.alignment = Alignment(horizontal="right", readingOrder=2, wrap_text=wrap, vertical="top")
        elif wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell
    return WriteOnlyCell(ws, value=value)


class Book:
    """A write-only workbook: Findings sheet(s) as rows arrive, the Summary at the end."""

    def __init__(self) -> None:
        self.wb = Workbook(write_only=True)
        self.sheets = 0
        # openpyxl's write-only sheet (its stubs lack auto_filter, which it has at run time)
        self.ws: Any = None
        self.rows = 0  # rows in the current Findings sheet, header included
        self.by_file: Counter[str] = Counter()

    def _findings_sheet(self) -> Any:
        self.sheets += 1
        ws = self.wb.create_sheet("Findings" if self.sheets == 1 else f"Findings {self.sheets}")
        ws.freeze_panes = "A2"
        for i, width in enumerate(WIDTHS, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        header = []
        for name in HEADERS:
            cell = WriteOnlyCell(ws, value=name)
            cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
            header.append(cell)
        ws.append(header)
        self.ws, self.rows = ws, 1
        return ws

    def _close_sheet(self) -> None:
        if self.ws is not None:
            self.ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{self.rows}"

    def add(self, row: Row) -> None:
        ws = self.ws if self.ws is not None and self.rows < MAX_ROWS else None
        if ws is None:
            self._close_sheet()
            ws = self._findings_sheet()
        cells = [_cell(ws, v, HEADERS[i] in WRAP) for i, v in enumerate(row)]
        cells[2].font = _SEVERITY_FONT.get(str(row[2]), Font())
        ws.append(cells)
        self.rows += 1
        self.by_file[str(row[0])] += 1

    def save(self, summary: LintSummary, out: IO[bytes]) -> None:
        if self.ws is None:
            self._findings_sheet()
        self._close_sheet()
        self._summary(summary)
        self.wb.save(out)

    def _summary(self, s: LintSummary) -> None:
        ws = self.wb.create_sheet("Summary")
        ws.column_dimensions["A"].width = 30
        ws.column_dimensions["B"].width = 28
        ws.column_dimensions["C"].width = 10
        bold = Font(bold=True)

        def title(text: str) -> None:
            if text != "mustalah lint":
                ws.append([])
            cell = WriteOnlyCell(ws, value=text)
            cell.font = bold
            ws.append([cell])

        def row(*values: Any) -> None:
            ws.append([_cell(ws, v) for v in values])

        title("mustalah lint")
        for label, value in (
            ("files", s.files),
            ("units", s.units),
            ("findings", s.findings),
            ("suppressed", s.suppressed),
        ):
            row(label, "", value)
        for sev, n in s.not_shown.items():
            row("not shown", f"{sev} (below --min-severity {s.min_severity})", n)
        for file, message in s.errors:
            row("unreadable input", file, message)
        title("by severity")
        for sev in SEVERITIES:
            row(sev, "", s.by_severity.get(sev, 0))
        title("by category")
        for cat, n in sorted(s.by_category.items(), key=lambda kv: (-kv[1], kv[0])):
            row(cat, "", n)
        title("by rule")
        names = rules_by_code()
        for code, n in sorted(s.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
            rule = names.get(code)
            row(code, rule.name if rule is not None else "", n)
        title("by file")
        for file, n in sorted(self.by_file.items(), key=lambda kv: (-kv[1], kv[0])):
            row(file, "", n)
