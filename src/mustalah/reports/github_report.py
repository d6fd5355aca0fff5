"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

Escaping follows the runner's rules (actions/toolkit ``command.ts``): in the message
``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in property values ``:`` and ``,`` also
become ``%3A`` and ``%2C``.  Actions shows only about ten annotations of each type per
step, so a closing plain line gives the totals.
"""

from __future__ import annotations

from typing import IO

from ..model import Finding, LintResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = [("file", f.file)]
    if f.line is not None:
        props.append(("line", str(f.line)))
        if f.column is not None:
            props.append(("col", str(f.column)))
            if f.text and "\n" not in f.text:
                props.append(("endColumn", str(f.column + len(f.text))))
    props.append(("title", f"{f.code} {f.name}"))
    message = f"{f.message} (unit {f.unit}, {f.side})"
    if f.suggestion:
        message += f" → {f.suggestion}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[f.severity]} {head}::{escape_data(message)}"


def render_github(result: LintResult, out: IO[str]) -> None:
    for f in result.findings:
        out.write(annotation(f) + "\n")
    s = result.summary
    out.write(f"mustalah: {s.findings} finding(s) in {s.units} unit(s) of {s.files} file(s)\n")
