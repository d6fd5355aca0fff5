"""Run a whole lint: inputs over an executor, corpus rules, per-file ignores, summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor

from ..model import Finding, LintResult, LintSummary, Segment
from ..parallel import SerialExecutor, ordered_map
from .engine import InputResult, LintSettings, conclude, expand_inputs, lint_input
from .suppress import per_file_ignored


def summarize(files: int, units: int, findings: Sequence[Finding], suppressed: int = 0) -> LintSummary:
    return LintSummary(
        files=files, units=units, findings=len(findings),
        by_severity=dict(Counter(f.severity for f in findings)),
        by_category=dict(Counter(f.category for f in findings)),
        by_code=dict(Counter(f.code for f in findings)),
        suppressed=suppressed,
    )


def run_lint(
    paths: Iterable[str],
    settings: LintSettings,
    *,
    executor: Executor | None = None,
    per_file_ignores: Mapping[str, Sequence[str]] | None = None,
    keep_segments: bool = False,
    on_result: Callable[[InputResult], None] | None = None,
) -> LintResult:
    inputs = expand_inputs(paths)
    executor = executor or SerialExecutor()
    results: list[InputResult] = []
    findings: list[Finding] = []
    segments: list[Segment] = []
    for result in ordered_map(executor, lint_input, inputs, settings, keep_segments):
        results.append(result)
        findings.extend(result.findings)
        segments.extend(result.segments)
        if on_result is not None:
            on_result(result)
    findings.extend(conclude(settings, results))
    suppressed = sum(r.suppressed for r in results)
    if per_file_ignores:
        before = len(findings)
        findings = [f for f in findings if not per_file_ignored(f, per_file_ignores)]
        suppressed += before - len(findings)
    units = sum(r.units for r in results)
    return LintResult(tuple(findings), summarize(len(inputs), units, findings, suppressed), tuple(segments))
