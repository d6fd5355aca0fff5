"""The termbase exporters of ``mustalah termbase export``, keyed by ``--to`` name: the one
extension point for new targets.

An exporter takes the termbase and an output path, writes atomically and returns a one-line
summary for the CLI.  The table lives in the command layer because its targets span layers
(the termbase's own writers and the HTML page of ``reports``); ``termbase`` imports neither.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..termbase.csv_io import write_csv
from ..termbase.model import Termbase
from ..termbase.tbx_write import ExportSummary, write_tbx2008, write_tbx2019
from ..termbase.yaml_write import write_yaml

Exporter = Callable[[Termbase, Path], str]


def _tbx_summary(summary: ExportSummary) -> str:
    text = f"{summary.concepts} concepts, {summary.terms} terms"
    if summary.skipped:
        text += f"; skipped {len(summary.skipped)} concept(s) without terms: {', '.join(summary.skipped)}"
    return text


def _tbx2019(termbase: Termbase, output: Path) -> str:
    return _tbx_summary(write_tbx2019(termbase, output))


def _tbx2008(termbase: Termbase, output: Path) -> str:
    return _tbx_summary(write_tbx2008(termbase, output))


def _csv(termbase: Termbase, output: Path) -> str:
    return f"{write_csv(termbase, output, ',')} terms"


def _tsv(termbase: Termbase, output: Path) -> str:
    return f"{write_csv(termbase, output, chr(9))} terms"


def _yaml(termbase: Termbase, output: Path) -> str:
    files = write_yaml(termbase, output)
    return f"{len(termbase)} concepts in {len(files)} file(s)"


def _html(termbase: Termbase, output: Path) -> str:
    from ..fileio import atomic_text
    from ..reports.termbase_html import render_termbase_html  # loaded only for this target

    with atomic_text(output) as out:
        render_termbase_html(termbase, out)
    return f"{len(termbase)} concepts in a browsable page"


EXPORTERS: dict[str, Exporter] = {
    "tbx2019": _tbx2019,
    "tbx2008": _tbx2008,
    "csv": _csv,
    "tsv": _tsv,
    "yaml": _yaml,
    "html": _html,
}
