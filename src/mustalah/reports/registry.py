"""The renderer registry: one entry per ``--format``.  Renderers never re-run checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from ..model import LintResult
from .github_report import render_github
from .html_report import render_html
from .json_report import render_json, render_jsonl
from .sarif_report import render_sarif
from .text_report import render_text
from .xlsx_report import render_xlsx_text

Renderer = Callable[[LintResult, IO[str]], None]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
    "sarif": render_sarif,
    "github": render_github,
    "html": render_html,
    "xlsx": render_xlsx_text,  # binary: written to the file under the text stream
}


#: Formats rendered from a whole in-memory LintResult (the HTML page needs every unit's text and
#: every finding at once).  The others stream (``reports.stream``, ``reports.stream_text``,
#: ``reports.xlsx_report``).
IN_MEMORY = frozenset({"html"})
