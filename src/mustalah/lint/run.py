"""Run a whole lint: inputs over an executor, corpus rules, per-file ignores, summary.

``keep_going``: by default the first unreadable input (bad XML, wrong encoding, a misaligned
release …) stops the run with its located error, exit 2 — the safe default for CI.  With
``keep_going=True`` each input that raises a :class:`~mustalah.errors.MustalahError` becomes an
:class:`InputFailure` (its path and the full located message with hint), the readable inputs are
still linted, and the caller reports the failures (``on_error`` sees each one, in input order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from itertools import chain

from ..checks.base import Fact
from ..errors import MustalahError, UsageError
from ..model import Finding, LintResult, LintSummary, Segment
from ..parallel import SerialExecutor, ordered_map
from .engine import LINTABLE, InputResult, LintSettings, conclude, expand_inputs, lint_input
from .shards import Task, plan_tasks, run_task
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


def task_or_failure(
    task: Task, settings: LintSettings, keep_segments: bool = False
) -> InputResult | InputFailure:
    """:func:`run_task` (a whole input or one shard of a large one), a user error as a value."""
    try:
        return run_task(task, settings, keep_segments)
    except MustalahError as exc:
        return InputFailure(task.path, str(exc))


def summarize(
    files: int,
    units: int,
    findings: Sequence[Finding],
    suppressed: int = 0,
    errors: Sequence[InputFailure] = (),
) -> LintSummary:
    return LintSummary(
        files=files,
        units=units,
        findings=len(findings),
        by_severity=dict(Counter(f.severity for f in findings)),
        by_category=dict(Counter(f.category for f in findings)),
        by_code=dict(Counter(f.code for f in findings)),
        suppressed=suppressed,
        errors=tuple((e.path, e.message) for e in errors),
    )


def join_shards(parts: Sequence[InputResult]) -> InputResult:
    """One input's shard results, in order, as one result (linear in their size)."""
    if len(parts) == 1:
        return parts[0]
    facts: dict[str, list[Fact]] = {}
    for part in parts:
        for code, items in part.facts:
            facts.setdefault(code, []).extend(items)
    return InputResult(
        parts[0].path,
        sum(p.units for p in parts),
        tuple(chain.from_iterable(p.findings for p in parts)),
        sum(p.suppressed for p in parts),
        tuple((code, tuple(items)) for code, items in facts.items()),
        tuple(chain.from_iterable(p.segments for p in parts)),
    )


def _plan(inputs: Sequence[str], settings: LintSettings) -> Iterator[Task]:
    """Tasks in input order: large line-oriented files are split into shards (lint.shards).

    An input that cannot even be planned becomes a whole-input task: running it raises the
    same located error, in input order (so the first unreadable input is the one reported).
    """
    for path in inputs:
        try:
            planned = plan_tasks([path], settings)
        except MustalahError:
            planned = [Task(path)]
        yield from planned


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
    failures: list[InputFailure] = []
    tasks = _plan(inputs, settings)
    failed: set[str] = set()
    pending: list[InputResult] = []  # the shards of the current input, joined once it is complete

    def finish(result: InputResult) -> None:
        results.append(result)
        findings.extend(result.findings)
        segments.extend(result.segments)
        if on_result is not None:
            on_result(result)

    for outcome in ordered_map(
        executor, task_or_failure if keep_going else run_task, tasks, settings, keep_segments
    ):
        if isinstance(outcome, InputFailure):
            if outcome.path not in failed:
                failed.add(outcome.path)
                failures.append(outcome)
            if pending and pending[0].path == outcome.path:
                pending = []
            continue
        if outcome.path in failed:
            continue
        if pending and pending[0].path != outcome.path:
            finish(join_shards(pending))
            pending = []
        pending.append(outcome)  # shards of one input come back in order
    if pending:
        finish(join_shards(pending))
    if on_error is not None:
        order = {p: i for i, p in enumerate(inputs)}
        for failure in sorted(failures, key=lambda f: order.get(f.path, 0)):
            on_error(failure)
    findings.extend(conclude(settings, results))
    suppressed = sum(r.suppressed for r in results)
    if per_file_ignores:
        before = len(findings)
        findings = [f for f in findings if not per_file_ignored(f, per_file_ignores)]
        suppressed += before - len(findings)
    units = sum(r.units for r in results)
    return LintResult(
        tuple(findings), summarize(len(results), units, findings, suppressed, failures), tuple(segments)
    )
