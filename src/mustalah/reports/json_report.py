"""JSON (the stable contract, version 1) and JSON Lines renderers."""

from __future__ import annotations

import json
from typing import IO

from ..model import LintResult, LintSummary

JSON_VERSION = 1


def summary_json(summary: LintSummary) -> dict[str, object]:
    out: dict[str, object] = {
        "files": summary.files,
        "units": summary.units,
        "findings": summary.findings,
        "by_severity": summary.by_severity,
        "by_category": summary.by_category,
        "by_code": summary.by_code,
        "suppressed": summary.suppressed,
    }
    if summary.errors:  # only under --keep-going, and only when an input could not be read
        out["errors"] = [{"file": f, "message": m} for f, m in summary.errors]
    if summary.capped_findings:  # only when a unit had more findings than the cap
        out["not_reported"] = {"units": summary.capped_units, "findings": summary.capped_findings}
    if summary.min_severity != "info":  # only under --min-severity warning or error
        out["not_shown"] = {"below": summary.min_severity, "by_severity": summary.not_shown}
    return out


def render_json(result: LintResult, out: IO[str]) -> None:
    doc = {
        "version": JSON_VERSION,
        "findings": [f.to_json() for f in result.findings],
        "summary": summary_json(result.summary),
    }
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")


def render_jsonl(result: LintResult, out: IO[str]) -> None:
    """One finding per line, then one summary line (``{"summary": …}``)."""
    for f in result.findings:
        out.write(json.dumps({"version": JSON_VERSION, **f.to_json()}, ensure_ascii=False))
        out.write("\n")
    out.write(
        json.dumps({"version": JSON_VERSION, "summary": summary_json(result.summary)}, ensure_ascii=False)
    )
    out.write("\n")
