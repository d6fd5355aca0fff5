"""Rendering gate results: text lines, the JSON ``gate`` block, SARIF 2.1.0 and GitHub annotations.

SARIF and GitHub annotations point at the hypothesis file of the system that regressed, one
result per regression, located at the first segment that lost hits (segment k is line k of a
one-segment-per-line file); the message names the concept, the figures, the p-value and every
segment that lost hits.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from .gate import GateResult, Regression

RULES = {
    "term_accuracy": ("MT001", "term-accuracy-regression", "Term accuracy dropped significantly"),
    "concept": ("MT002", "concept-regression", "A concept's hit rate dropped significantly"),
}
_MAX_SEGMENTS = 20


def _segments(reg: Regression) -> str:
    shown = ", ".join(str(s) for s in reg.segments[:_MAX_SEGMENTS])
    more = f" (+{len(reg.segments) - _MAX_SEGMENTS} more)" if len(reg.segments) > _MAX_SEGMENTS else ""
    return (shown + more) if shown else "none"


def message(reg: Regression, system: str, baseline: str) -> str:
    what = "term accuracy" if reg.kind == "term_accuracy" else f"concept {reg.concept}"
    return (
        f"{what} dropped from {reg.baseline:.2f} ({reg.baseline_counts[0]}/{reg.baseline_counts[1]}) "
        f"in {baseline} to {reg.current:.2f} ({reg.current_counts[0]}/{reg.current_counts[1]}) "
        f"in {system}, p = {reg.p_value:.4f}; segments that lost hits: {_segments(reg)}"
    )


def gate_text(results: Sequence[GateResult]) -> str:
    lines: list[str] = []
    for r in results:
        state = "PASSED" if r.passed else f"FAILED ({len(r.regressions)} regression(s))"
        lines.append(
            f"Gate: {r.system} vs baseline {r.baseline_system}: {state} "
            f"[paired AR, {r.trials} trials, alpha {r.alpha}, "
            f"{r.concepts_tested} concept(s) with a drop tested]"
        )
        if r.totals_differ:
            lines.append(
                f"  note: {r.totals_differ} segment(s) have another number of source terms than in the "
                "baseline: was it scored with another source or termbase?"
            )
        for reg in r.regressions:
            lines.append(f"  {RULES[reg.kind][0]} {message(reg, r.system, r.baseline_system)}")
    return "\n".join(lines) + "\n"


def gate_json(results: Sequence[GateResult]) -> dict[str, Any]:
    return {
        "passed": all(r.passed for r in results),
        "test": "ar-one-sided",
        "systems": [
            {
                "system": r.system,
                "baseline": r.baseline_system,
                "alpha": r.alpha,
                "trials": r.trials,
                "passed": r.passed,
                "concepts_tested": r.concepts_tested,
                "totals_differ": r.totals_differ,
                "regressions": [
                    {
                        "kind": reg.kind,
                        "concept": reg.concept,
                        "baseline": reg.baseline,
                        "current": reg.current,
                        "delta": reg.delta,
                        "p_value": reg.p_value,
                        "baseline_hits": reg.baseline_counts[0],
                        "baseline_total": reg.baseline_counts[1],
                        "hits": reg.current_counts[0],
                        "total": reg.current_counts[1],
                        "segments": list(reg.segments),
                    }
                    for reg in r.regressions
                ],
            }
            for r in results
        ],
    }


def _uri(file: str) -> str:
    path = Path(file)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_uri()


def gate_sarif(results: Sequence[GateResult], files: Mapping[str, str]) -> str:
    """SARIF 2.1.0; ``files``: system name -> its hypothesis file."""
    rules = [
        {
            "id": code,
            "name": name,
            "shortDescription": {"text": text},
            "defaultConfiguration": {"level": "error"},
        }
        for code, name, text in RULES.values()
    ]
    index = {kind: i for i, kind in enumerate(RULES)}
    out: list[dict[str, Any]] = []
    for r in results:
        for reg in r.regressions:
            code = RULES[reg.kind][0]
            location: dict[str, Any] = {"artifactLocation": {"uri": _uri(files.get(r.system, r.system))}}
            if reg.segments:
                location["region"] = {"startLine": reg.segments[0]}
            out.append(
                {
                    "ruleId": code,
                    "ruleIndex": index[reg.kind],
                    "level": "error",
                    "message": {"text": message(reg, r.system, r.baseline_system)},
                    "locations": [{"physicalLocation": location}],
                    "properties": {
                        "concept": reg.concept,
                        "p_value": reg.p_value,
                        "delta": reg.delta,
                        "segments": list(reg.segments),
                    },
                }
            )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mustalah",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                "results": out,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def gate_github(results: Sequence[GateResult], files: Mapping[str, str]) -> str:
    """GitHub Actions ``::error`` workflow commands, one per regression, and a closing summary line."""
    lines: list[str] = []
    for r in results:
        for reg in r.regressions:
            code, name, _ = RULES[reg.kind]
            props = [("file", files.get(r.system, r.system))]
            if reg.segments:
                props.append(("line", str(reg.segments[0])))
            props.append(("title", f"{code} {name}"))
            head = ",".join(f"{k}={_escape_property(v)}" for k, v in props)
            lines.append(f"::error {head}::{_escape(message(reg, r.system, r.baseline_system))}")
    failed = sum(len(r.regressions) for r in results)
    lines.append(f"mustalah: term gate {'passed' if not failed else 'failed'}: {failed} regression(s)")
    return "\n".join(lines) + "\n"
