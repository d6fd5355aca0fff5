"""The renderer registry: one entry per ``--format``.  Renderers never re-run checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from ..model import LintResult
from .json_report import render_json, render_jsonl
from .text_report import render_text

Renderer = Callable[[LintResult, IO[str]], None]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
}
