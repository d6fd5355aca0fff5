"""``--format xlsx``: the findings as a spreadsheet a reviser or project manager opens in Excel.

Sheet ``Findings``: one row per finding — file, unit, severity, code, rule, source, target,
flagged text, message, suggestion, an empty ``status`` column for the reviser, then line,
concept, termbase and fingerprint.  The header row is frozen and carries an autofilter; a
cell holding Arabic is right-aligned with right-to-left reading order (Excel's
``readingOrder=2``), so mixed Arabic/Latin text displays as it does in an Arabic editor.
Sheet ``Summary``: the run's totals, then counts per severity, category, rule and file.

Values are written as text, never as formulas (a target starting with ``=`` stays text), the
characters XML cannot hold (C0 controls) are shown as ``<U+000B>``, and a cell is cut at
Excel's 32,767-character limit with a trailing ``…``.  Past Excel's 1,048,576 rows the
findings continue on ``Findings 2`` and so on.

Streamed (:class:`XlsxSink`, the ``lint.run.FindingSink`` the CLI uses): each task's rows
are spooled as JSON lines to an anonymous temporary file (an input ``--keep-going`` drops is
cut back out); the corpus rules' findings, which arrive last, get their units' text by
reading those inputs again; the workbook is built at the end with openpyxl's write-only mode,
which keeps rows on disk, not in memory.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import PurePath
from typing import IO, Any

from ..model import Finding, LintResult, LintSummary, Segment

#: The columns of the Findings sheet, in order (the issue's list, then what helps filtering).
HEADERS: tuple[str, ...] = (
    "file",
    "unit",
    "severity",
    "code",
    "rule",
    "source",
    "target",
    "flagged text",
    "message",
    "suggestion",
    "status",
    "line",
    "concept",
    "termbase",
    "fingerprint",
)
WIDTHS = (28, 8, 9, 8, 22, 50, 50, 28, 50, 28, 12, 6, 16, 14, 22)
WRAP = {"source", "target", "message"}

#: Excel's limits.
MAX_CELL = 32_767
MAX_ROWS = 1_048_576

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

Row = list[Any]


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def cell_text(value: str) -> str:
    """What a cell can hold: C0 controls shown by code point, cut at Excel's limit."""
    value = _ILLEGAL.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - 1] + "…"


def _segment(f: Finding, segments: dict[tuple[str, str], Segment]) -> Segment | None:
    """The unit a finding is about (a release folder's findings name ``folder/en.txt``)."""
    for file in (f.file, str(PurePath(f.file).parent)):
        seg = segments.get((file, f.unit))
        if seg is not None:
            return seg
    return None


def finding_row(f: Finding, seg: Segment | None) -> Row:
    """One Findings row (the values of :data:`HEADERS`)."""
    return [
        f.file,
        f.unit,
        f.severity,
        f.code,
        f.name,
        seg.source if seg is not None else "",
        (seg.target or "") if seg is not None else "",
        f.text,
        f.message,
        f.suggestion or "",
        "",
        f.line,
        f.concept or "",
        f.termbase or "",
        f.fingerprint or "",
    ]


def render_xlsx(result: LintResult, out: IO[bytes]) -> None:
    """The workbook for an in-memory result (its segments give the source and target columns)."""
    from .xlsx_book import Book

    segments = {(s.file, s.unit): s for s in result.segments}
    book = Book()
    for f in result.findings:
        book.add(finding_row(f, _segment(f, segments)))
    book.save(result.summary, out)


def render_xlsx_text(result: LintResult, out: IO[str]) -> None:
    """:func:`render_xlsx` for the renderer registry's text streams: the bytes go to the binary
    file under ``out`` (``sys.stdout``, ``atomic_text``); a stream with none cannot hold them."""
    raw = getattr(out, "buffer", None)
    if raw is None:
        from ..errors import UsageError

        raise UsageError("an xlsx report is binary and needs a file", hint="give -o report.xlsx")
    out.flush()
    render_xlsx(result, raw)
    raw.flush()


class XlsxSink:
    """The sink protocol (``lint.run.FindingSink``) for ``--format xlsx``; see the module docstring."""

    needs_segments = True

    def __init__(self, out: IO[bytes], reread: Callable[[str], Iterable[Segment]]) -> None:
        self.out = out
        self.reread = reread  # an input's segments, as the lint read them
        self.spool: IO[bytes] = tempfile.TemporaryFile(prefix="mustalah-xlsx-")  # noqa: SIM115
        self.marks: list[int] = []
        self.inputs: list[str] = []  # input path per mark ("" once rolled back)
        self.owner: dict[str, int] = {}  # Segment.file → the input (mark) holding it
        self.co: list[Finding] = []

    def mark(self) -> int:
        self.marks.append(self.spool.tell())
        self.inputs.append("")
        return len(self.marks) - 1

    def rollback(self, mark: int) -> None:
        self.spool.seek(self.marks[mark])
        self.spool.truncate()
        self.inputs[mark] = ""
        for name in [k for k, v in self.owner.items() if v == mark]:
            del self.owner[name]

    def add(self, path: str, findings: Sequence[Finding], segments: Sequence[Segment]) -> None:
        serial = len(self.inputs) - 1
        self.inputs[serial] = path
        for seg in segments:
            self.owner.setdefault(seg.file, serial)
        if not findings:
            return
        by_key = {(s.file, s.unit): s for s in segments}
        lines = [json.dumps(finding_row(f, _segment(f, by_key)), ensure_ascii=False) for f in findings]
        self.spool.write(("\n".join(lines) + "\n").encode("utf-8"))

    def conclusions(self, findings: Sequence[Finding]) -> None:
        self.co = list(findings)

    def _rows(self) -> Iterator[Row]:
        self.spool.flush()
        self.spool.seek(0)
        for raw in self.spool:
            row: Row = json.loads(raw)
            yield row
        keys = {(c, f.unit) for f in self.co for c in (f.file, str(PurePath(f.file).parent))}
        wanted = sorted({self.owner[file] for file, _ in keys if file in self.owner})
        found: dict[tuple[str, str], Segment] = {}
        for serial in wanted:
            for seg in self.reread(self.inputs[serial]):
                if (seg.file, seg.unit) in keys:
                    found[(seg.file, seg.unit)] = seg
        for f in self.co:
            yield finding_row(f, _segment(f, found))

    def finish(self, summary: LintSummary) -> None:
        from .xlsx_book import Book

        try:
            book = Book()
            for row in self._rows():
                book.add(row)
            book.save(summary, self.out)
        finally:
            self.close()

    def close(self) -> None:
        self.spool.close()
