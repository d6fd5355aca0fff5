"""Run a whole lint: inputs over an executor, corpus rules, per-file ignores, summary.

``keep_going``: by default the first unreadable input (bad XML, wrong encoding, a misaligned
release …) stops the run with its located error, exit 2 — the safe default for CI.  With
``keep_going=True`` each input that raises a :class:`~mustalah.errors.MustalahError` becomes an
:class:`InputFailure` (its path and the full located message with hint), the readable inputs are
still linted, and the caller reports the failures (``on_error`` sees each one, in input order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass

from ..errors import MustalahError, UsageError
from ..model import Finding, LintResult, LintSummary, Segment
from ..parallel import SerialExecutor, ordered_map
from .engine import LINTABLE, InputResult, LintSettings, conclude, expand_inputs, lint_input
from .suppress import per_file_ignored


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not be linted: its path and the user-facing (located) message."""

    path: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"file": self.path, "message": self.message}


def lint_or_failure(
    path: str, settings: LintSettings, keep_segments: bool = False
) -> InputResult | InputFailure:
    """:func:`lint_input`, with a user error turned into a value (top-level: picklable for workers)."""
    try:
        return lint_input(path, settings, keep_segments)
    except MustalahError as exc:
        return InputFailure(path, str(exc))


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
    keep_going: bool = False,
    on_error: Callable[[InputFailure], None] | None = None,
) -> LintResult:
    """Lint every input; see the module docstring for ``keep_going`` / ``on_error``.

    ``summary.files`` counts the inputs that were linted (failures are not files read).
    """
    paths = list(paths)
    inputs = expand_inputs(paths)
    if not inputs:
        raise UsageError(
            f"nothing to lint in {', '.join(paths)}: no lintable file or release folder found",
            hint=f"give files ({' '.join(LINTABLE)}) or folders holding them or en.txt + ar.txt",
        )
    executor = executor or SerialExecutor()
    results: list[InputResult] = []
    findings: list[Finding] = []
    segments: list[Segment] = []
    task = lint_or_failure if keep_going else lint_input
    for outcome in ordered_map(executor, task, inputs, settings, keep_segments):
        if isinstance(outcome, InputFailure):
            if on_error is not None:
                on_error(outcome)
            continue
        results.append(outcome)
        findings.extend(outcome.findings)
        segments.extend(outcome.segments)
        if on_result is not None:
            on_result(outcome)
    findings.extend(conclude(settings, results))
    suppressed = sum(r.suppressed for r in results)
    if per_file_ignores:
        before = len(findings)
        findings = [f for f in findings if not per_file_ignored(f, per_file_ignores)]
        suppressed += before - len(findings)
    units = sum(r.units for r in results)
    return LintResult(tuple(findings), summarize(len(results), units, findings, suppressed), tuple(segments))
