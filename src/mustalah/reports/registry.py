"""The report registry: one record per ``--format``, with both ways to write it.

Each :class:`ReportFormat` has its renderer (a whole in-memory ``LintResult`` to text) and
its streaming writer (findings encoded as they arrive, flat memory in corpus size), or
``stream=None`` when the report needs every finding at once (the HTML page).  A test checks
that both ways write the same bytes.  Renderers never re-run checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Protocol

from ..lint.run import FindingSink
from ..model import LintResult, Segment
from .github_report import render_github
from .html_report import render_html
from .json_report import render_json, render_jsonl
from .sarif_report import render_sarif
from .stream import GithubWriter, JsonlWriter, JsonWriter, SarifWriter
from .stream_text import TextWriter
from .text_report import render_text
from .xlsx_report import XlsxSink, render_xlsx_text

Renderer = Callable[[LintResult, IO[str]], None]
#: The segments of one input, read again: the text and xlsx reports show the unit a corpus rule
#: reported after the input's own results are gone.
Reread = Callable[[str], Iterable[Segment]]


class ReportWriter(FindingSink, Protocol):
    def close(self) -> None:
        """Release what the writer holds (a spool file) if the run ends early."""
        ...


#: A streaming writer over the binary output: ``(out, colour, reread) -> writer``.
StreamFactory = Callable[[IO[bytes], bool, Reread], ReportWriter]


@dataclass(frozen=True, slots=True)
class ReportFormat:
    name: str
    render: Renderer
    #: ``None``: rendered in memory from the whole result (``mustalah lint`` warns on large inputs).
    stream: StreamFactory | None
    #: Binary output (a workbook): needs ``-o FILE``.
    binary: bool = False


REPORT_FORMATS: dict[str, ReportFormat] = {
    f.name: f
    for f in (
        ReportFormat("text", render_text, lambda out, colour, reread: TextWriter(out, colour, reread)),
        ReportFormat("json", render_json, lambda out, _colour, _reread: JsonWriter(out)),
        ReportFormat("jsonl", render_jsonl, lambda out, _colour, _reread: JsonlWriter(out)),
        ReportFormat("sarif", render_sarif, lambda out, _colour, _reread: SarifWriter(out)),
        ReportFormat("github", render_github, lambda out, _colour, _reread: GithubWriter(out)),
        ReportFormat("html", render_html, None),
        # the renderer writes the bytes to the binary file under the text stream
        ReportFormat(
            "xlsx", render_xlsx_text, lambda out, _colour, reread: XlsxSink(out, reread), binary=True
        ),
    )
}

#: Views of :data:`REPORT_FORMATS` for the code that needs only one side.
RENDERERS: dict[str, Renderer] = {name: f.render for name, f in REPORT_FORMATS.items()}
IN_MEMORY = frozenset(name for name, f in REPORT_FORMATS.items() if f.stream is None)
