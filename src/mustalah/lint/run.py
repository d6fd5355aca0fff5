"""Run a whole lint: inputs over an executor, corpus rules, per-file ignores, summary.

Two entry points share one loop, so they cannot drift apart:

* :func:`lint_stream` hands each finished task's findings (a whole input, or one shard of a
  large input: line ranges of text, unit ranges of TMX/XLIFF/PO) to a :class:`FindingSink`
  as soon as it arrives and keeps only counters, so the findings of a 1M-unit corpus are
  never all in memory at once (the CLI streams them into the report:
  ``mustalah.reports.stream``).  What it still keeps are the corpus rules' facts
  (``checks/consistency.py``), which their conclusions need once every input is done —
  past 20,000 on disk (``lint.facts``), 24 bytes each in memory.
* :func:`run_lint` collects everything into a :class:`~mustalah.model.LintResult` (tests,
  the HTML report, library callers).

The inputs are resolved once, before anything is read (:mod:`mustalah.lint.inputs`: the
paths walked, each input's format and languages); the command line resolves them itself and
passes the :class:`~mustalah.lint.inputs.RunInputs` on.  Findings reach the sink in the order
``run_lint`` lists them: each input's (shard after shard), in input order, then the corpus
rules' conclusions.  Per-file ignores are applied
to both before the sink sees them.

``keep_going``: by default the first unreadable input (bad XML, wrong encoding, a misaligned
release …) stops the run with its located error, exit 2 — the safe default for CI.  With
``keep_going=True`` each input that raises a :class:`~mustalah.errors.MustalahError` becomes an
:class:`InputFailure` (its path and the full located message with hint), the readable inputs are
still linted, and the caller reports the failures (``on_error`` sees each one, in input order).
A shard of a large input can fail after earlier shards were streamed: the sink then rolls the
input back (:meth:`FindingSink.rollback`), so the report never shows part of an unread input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Protocol

from ..checks.base import CorpusRule
from ..errors import MustalahError, UsageError
from ..formats.registry import WALKED_SUFFIXES
from ..model import SEVERITY_RANK, Finding, LintResult, LintSummary, Segment
from ..parallel import SerialExecutor, ordered_map
from ..termbase.layers import labeller
from .engine import InputResult, LintSettings, active_rules, index_for
from .facts import FactStore
from .inputs import LintInput, RunInputs, Unreadable, resolve_input, resolve_inputs
from .shards import Task, plan_tasks, run_task
from .suppress import per_file_ignored


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not be linted: its path and the user-facing (located) message."""

    path: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"file": self.path, "message": self.message}


class FindingSink(Protocol):
    """Where :func:`lint_stream` puts findings as they arrive (a report writer, or a list)."""

    #: Whether :meth:`add` needs the units' segments (workers then send them back).
    needs_segments: bool

    def mark(self) -> int:
        """A position to :meth:`rollback` to: taken before an input's first findings."""
        ...

    def rollback(self, mark: int) -> None:
        """Forget everything added since ``mark`` (the input turned out unreadable)."""
        ...

    def add(self, path: str, findings: Sequence[Finding], segments: Sequence[Segment]) -> None:
        """The findings of one task of input ``path`` (``segments``: its units, if asked for)."""
        ...

    def conclusions(self, findings: Sequence[Finding]) -> None:
        """The corpus rules' findings, once every input is done (last, in this order)."""
        ...

    def finish(self, summary: LintSummary) -> None:
        """The run is complete: ``summary`` counts exactly what the sink was given."""
        ...


def task_or_failure(
    task: Task, settings: LintSettings, keep_segments: bool = False
) -> InputResult | InputFailure:
    """:func:`run_task` (a whole input or one shard of a large one), a user error as a value."""
    try:
        return run_task(task, settings, keep_segments)
    except MustalahError as exc:
        return InputFailure(task.path, str(exc))


def input_segments(path: str, settings: LintSettings) -> Iterator[Segment]:
    """The segments of one input, read as the lint reads them (for a report that needs the
    text of a unit a corpus rule reported, after the input's own results are gone)."""
    return resolve_input(path, settings).segments()


#: Findings reported per unit at most (the most severe first): a 14 MB unit can raise 100,000
#: findings, which help no one and cost minutes and gigabytes to write.  The summary counts
#: the units capped and the findings left out (JSON ``summary.not_reported``).
MAX_FINDINGS_PER_UNIT = 200


def cap_per_unit(
    findings: Sequence[Finding], limit: int = MAX_FINDINGS_PER_UNIT
) -> tuple[list[Finding], int, int]:
    """``findings`` with at most ``limit`` per unit (order kept; the most severe are kept), the
    number of units capped and of findings left out."""
    per_unit = Counter((f.file, f.unit) for f in findings)
    over = {key for key, n in per_unit.items() if n > limit}
    if not over:
        return list(findings), 0, 0
    keep: set[int] = set()
    for key in over:
        mine = [i for i, f in enumerate(findings) if (f.file, f.unit) == key]
        mine.sort(key=lambda i: -SEVERITY_RANK[findings[i].severity])
        keep.update(mine[:limit])
    kept = [f for i, f in enumerate(findings) if (f.file, f.unit) not in over or i in keep]
    return kept, len(over), len(findings) - len(kept)


@dataclass(slots=True)
class Tally:
    """Finding counters, kept incrementally; key order is first appearance (as ``Counter`` over the list)."""

    findings: int = 0
    capped_units: int = 0
    capped_findings: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    not_shown: Counter[str] = field(default_factory=Counter)

    def count(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            self.findings += 1
            self.by_severity[f.severity] += 1
            self.by_category[f.category] += 1
            self.by_code[f.code] += 1

    def merge(self, other: Tally) -> None:
        self.findings += other.findings
        self.capped_units += other.capped_units
        self.capped_findings += other.capped_findings
        self.by_severity.update(other.by_severity)
        self.by_category.update(other.by_category)
        self.by_code.update(other.by_code)
        self.not_shown.update(other.not_shown)

    def shown(self, findings: Iterable[Finding], min_rank: int) -> list[Finding]:
        """``findings`` at or above ``min_rank``; the others are counted as not shown."""
        kept = []
        for f in findings:
            if SEVERITY_RANK[f.severity] >= min_rank:
                kept.append(f)
            else:
                self.not_shown[f.severity] += 1
        return kept

    def summary(
        self,
        files: int,
        units: int,
        suppressed: int,
        errors: Sequence[InputFailure] = (),
        min_severity: str = "info",
    ) -> LintSummary:
        return LintSummary(
            files=files,
            units=units,
            findings=self.findings,
            by_severity=dict(self.by_severity),
            by_category=dict(self.by_category),
            by_code=dict(self.by_code),
            suppressed=suppressed,
            errors=tuple((e.path, e.message) for e in errors),
            capped_units=self.capped_units,
            capped_findings=self.capped_findings,
            not_shown=dict(self.not_shown),
            min_severity=min_severity,
        )


def _plan(
    inputs: Sequence[LintInput | Unreadable], settings: LintSettings, counts: dict[str, int] | None = None
) -> Iterator[Task]:
    """Tasks in input order: large files are split into line or unit ranges (lint.shards).

    An input that cannot be resolved or planned becomes one task holding its located error:
    running it raises that error, in input order (so the first unreadable input is the one
    reported).  ``counts`` learns how many tasks each input became (for progress within a
    large file).
    """
    for item in inputs:
        planned: list[Task]
        if isinstance(item, Unreadable):
            planned = [Task(item)]
        else:
            try:
                planned = plan_tasks([item], settings)
            except MustalahError as exc:
                planned = [Task(Unreadable(item.path, exc))]
        if counts is not None:
            counts[item.path] = len(planned)
        yield from planned


def _window(executor: Executor) -> int:
    """Tasks in flight.  Results done ahead of the one awaited wait in memory, so keep no more
    than keeps the workers busy: one at a time in this process, one per worker plus one queued
    in a pool (shards take seconds each; each result holds a shard's findings and corpus facts,
    ~15 MB), ``ordered_map``'s default on a cluster of unknown size."""
    if isinstance(executor, SerialExecutor):
        return 1
    if isinstance(executor, ProcessPoolExecutor):
        workers = getattr(executor, "_max_workers", None)
        if isinstance(workers, int):
            return workers + 1
    return 64


@dataclass(slots=True)
class _Input:
    """The input whose tasks are arriving: counted apart until it is complete."""

    path: str
    mark: int
    units: int = 0
    suppressed: int = 0
    tally: Tally = field(default_factory=Tally)
    facts_mark: tuple[tuple[str, int], ...] = ()  # the fact store's mark when this input began


def lint_stream(
    paths: Iterable[str] | RunInputs,
    settings: LintSettings,
    sink: FindingSink,
    *,
    executor: Executor | None = None,
    per_file_ignores: Mapping[str, Sequence[str]] | None = None,
    on_result: Callable[[InputResult], None] | None = None,
    keep_going: bool = False,
    on_error: Callable[[InputFailure], None] | None = None,
    on_task: Callable[[int, int, int], None] | None = None,
    min_severity: str = "info",
) -> LintSummary:
    """Lint every input into ``sink`` (see the module docstring); return the summary.

    ``paths``: files and folders, or the run's inputs already resolved with these settings.

    ``on_task(units, done, tasks)`` sees each finished task of the current input: its units,
    how many of the input's tasks are done and how many it has (progress within one large file).

    ``summary.files`` counts the inputs that were linted (failures are not files read).
    ``on_result`` sees each finished input as an :class:`InputResult` with its path, units and
    suppressed count (its findings went to the sink).

    ``min_severity``: findings below it are neither reported nor counted with the others; the
    summary's ``not_shown`` counts them by severity.  Suppressions and per-file ignores apply
    first (a finding they remove is suppressed, not hidden).
    """
    run_inputs = paths if isinstance(paths, RunInputs) else resolve_inputs(paths, settings)
    inputs = run_inputs.inputs
    if not inputs:
        raise UsageError(
            f"nothing to lint in {', '.join(run_inputs.given)}: no lintable file or release folder found",
            hint=f"give files ({' '.join(WALKED_SUFFIXES)}) or folders holding them or en.txt + ar.txt",
        )
    executor = executor or SerialExecutor()
    ignores = per_file_ignores or {}
    if ignores:  # the engine applies them per unit, before one-slip folding (lint.merge)
        settings = replace(settings, per_file_ignores=tuple((p, tuple(c)) for p, c in ignores.items()))
    tally = Tally()
    min_rank = SEVERITY_RANK[min_severity]
    files = units = suppressed = 0
    corpus_rules = [r for r in active_rules(settings) if isinstance(r, CorpusRule)]
    store = FactStore(corpus_rules)
    failures: list[InputFailure] = []
    failed: set[str] = set()
    current: _Input | None = None  # the input whose shards are arriving (in order)
    planned: dict[str, int] = {}  # tasks per input
    tasks_done = 0  # of the current input

    def finish(done: _Input) -> None:
        nonlocal files, units, suppressed
        files += 1
        units += done.units
        suppressed += done.suppressed
        tally.merge(done.tally)
        if on_result is not None:
            on_result(InputResult(done.path, done.units, (), done.suppressed))

    for outcome in ordered_map(
        executor,
        task_or_failure if keep_going else run_task,
        _plan(inputs, settings, planned),
        settings,
        sink.needs_segments,
        window=_window(executor),
    ):
        if isinstance(outcome, InputFailure):
            if outcome.path not in failed:
                failed.add(outcome.path)
                failures.append(outcome)
            if current is not None and current.path == outcome.path:
                sink.rollback(current.mark)
                store.rollback(current.facts_mark)
                current = None
            continue
        if outcome.path in failed:
            continue
        if current is not None and current.path != outcome.path:
            finish(current)
            current = None
        if current is None:
            current = _Input(outcome.path, sink.mark(), facts_mark=store.mark())
            tasks_done = 0
        kept = [f for f in outcome.findings if not per_file_ignored(f, ignores)]
        current.units += outcome.units
        current.suppressed += outcome.suppressed + len(outcome.findings) - len(kept)
        kept = current.tally.shown(kept, min_rank)
        kept, capped_units, capped = cap_per_unit(kept)
        current.tally.capped_units += capped_units
        current.tally.capped_findings += capped
        current.tally.count(kept)
        tasks_done += 1
        if on_task is not None:
            on_task(outcome.units, tasks_done, planned.get(outcome.path, 1))
        for code, items in outcome.facts:
            store.add(code, items)
        sink.add(outcome.path, kept, outcome.segments)
        del outcome, kept  # let this task's findings go before the next one arrives
    if current is not None:
        finish(current)
    if on_error is not None:
        order = {item.path: i for i, item in enumerate(inputs)}
        for failure in sorted(failures, key=lambda f: order.get(f.path, 0)):
            on_error(failure)
    try:
        concluded = [f for rule in corpus_rules for f in rule.conclude(store.facts(rule.code))]
    finally:
        store.close()
    kept_conclusions = [f for f in concluded if not per_file_ignored(f, ignores)]
    if any(f.concept for f in kept_conclusions):  # say which termbase each concept came from
        label = labeller(settings.termbase, index_for(settings.termbase)[0])
        kept_conclusions = [replace(f, termbase=label(f.concept)) for f in kept_conclusions]
    suppressed += len(concluded) - len(kept_conclusions)
    kept_conclusions = tally.shown(kept_conclusions, min_rank)
    tally.count(kept_conclusions)
    sink.conclusions(kept_conclusions)
    summary = tally.summary(files, units, suppressed, failures, min_severity)
    sink.finish(summary)
    return summary


class CollectSink:
    """The in-memory sink behind :func:`run_lint`: every finding (and segment) in a list."""

    def __init__(self, keep_segments: bool = False) -> None:
        self.needs_segments = keep_segments
        self.findings: list[Finding] = []
        self.segments: list[Segment] = []
        self.summary: LintSummary | None = None
        self._marks: list[tuple[int, int]] = []

    def mark(self) -> int:
        self._marks.append((len(self.findings), len(self.segments)))
        return len(self._marks) - 1

    def rollback(self, mark: int) -> None:
        nfind, nseg = self._marks[mark]
        del self.findings[nfind:], self.segments[nseg:]

    def add(self, path: str, findings: Sequence[Finding], segments: Sequence[Segment]) -> None:
        self.findings.extend(findings)
        self.segments.extend(segments)

    def conclusions(self, findings: Sequence[Finding]) -> None:
        self.findings.extend(findings)

    def finish(self, summary: LintSummary) -> None:
        self.summary = summary

    def result(self) -> LintResult:
        assert self.summary is not None, "finish() was not called"
        return LintResult(tuple(self.findings), self.summary, tuple(self.segments))


def run_lint(
    paths: Iterable[str] | RunInputs,
    settings: LintSettings,
    *,
    executor: Executor | None = None,
    per_file_ignores: Mapping[str, Sequence[str]] | None = None,
    keep_segments: bool = False,
    on_result: Callable[[InputResult], None] | None = None,
    keep_going: bool = False,
    on_error: Callable[[InputFailure], None] | None = None,
) -> LintResult:
    """Lint every input into one in-memory :class:`LintResult` (:func:`lint_stream` into a list).

    ``summary.files`` counts the inputs that were linted (failures are not files read).
    """
    sink = CollectSink(keep_segments)
    lint_stream(
        paths,
        settings,
        sink,
        executor=executor,
        per_file_ignores=per_file_ignores,
        on_result=on_result,
        keep_going=keep_going,
        on_error=on_error,
    )
    return sink.result()
