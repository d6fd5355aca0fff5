"""Shards inside one large line-oriented file, so a 20 M-line corpus spreads over workers.

A shard is lines ``[first, stop)`` (1-based) of a Moses pair, a TSV file or a plain
text file.  For uncompressed files a first pass records the byte offset of every
``step``-th line (the offset index), so a task seeks straight to its first line; a
``.gz`` file cannot seek, so its shards carry only line numbers and each task
decompresses up to its range (cheap next to linting it).

A shard is read by the format's own reader (``formats.plain.line_segments``) told its line
range, so it yields exactly the segments the unsharded reader yields for those lines — same
``unit`` (the global line number), ``line``, ``file``, ``index`` (the first pass counts the
non-empty lines before each shard) — and its errors name the file's own line and byte
offset.  The findings of all shards, concatenated in order, equal the serial run's.

The whole-file check the Moses reader does at the end (both files have the same number of
lines) is done once, in :func:`plan_shards`, with the reader's message.

Large TMX, XLIFF 1.2/2 and PO files are split by unit ranges instead (~5,000 units a
task): see :mod:`mustalah.lint.unitshards`.  :func:`plan_tasks` / :func:`run_task` take
both kinds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..formats import plain
from ..formats.registry import FORMATS
from ..model import Segment
from .engine import InputResult, LintSettings, lint_segments
from .inputs import LintInput, Unreadable, resolve_input
from .unitshards import DEFAULT_SHARD_UNITS, UnitShard, may_split, plan_unit_shards, unit_shard_segments

#: Lines per shard: 5,000 lines of UN prose is ≈ 2–5 s of lint per task on one core.
DEFAULT_SHARD_LINES = 5_000


@dataclass(frozen=True, slots=True)
class LineShard:
    """Lines ``span`` of one line input (a Moses pair, a TSV or a text file)."""

    source: plain.LineInput
    span: plain.LineSpan

    @property
    def path(self) -> str:
        return self.source.path


def _line_offsets(path: str, step: int) -> tuple[list[int], list[int], int]:
    """Byte offsets of lines 1, 1+step, …; non-empty line counts before each; total lines."""
    offsets: list[int] = []
    nonempty_before: list[int] = []
    nonempty = 0
    pos = 0
    number = 0
    with plain.open_binary(Path(path)) as handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if (number - 1) % step == 0:
                    offsets.append(pos)
                    nonempty_before.append(nonempty)
                pos += len(raw)
                if raw.strip():
                    nonempty += 1
        except (OSError, EOFError) as exc:  # damaged gzip stream: as the reader says it
            raise plain.damaged(Path(path), exc) from None
    return offsets, nonempty_before, number


def plan_shards(item: LintInput, lines_per_shard: int = DEFAULT_SHARD_LINES) -> list[LineShard]:
    """Shards of one input, or ``[]`` when it is not a line input (lint it whole)."""
    if FORMATS[item.format].split != "lines":
        return []
    source = plain.line_input(item.path, item.format, item.source_lang, item.target_lang)
    files = source.files
    scans = [_line_offsets(f, lines_per_shard) for f in files]
    totals = [s[2] for s in scans]
    if len(files) == 2 and totals[0] != totals[1]:  # a Moses pair: the reader would say so at the end
        raise plain.misaligned(files, files[0] if totals[0] > totals[1] else files[1], min(totals))
    total = totals[0]
    shards: list[LineShard] = []
    for k, first in enumerate(range(1, total + 1, lines_per_shard)):
        offsets = tuple(None if f.endswith(".gz") else s[0][k] for f, s in zip(files, scans, strict=True))
        index = first - 1 if source.format == "moses" else scans[0][1][k]
        span = plain.LineSpan(first, min(first + lines_per_shard, total + 1), index, offsets)
        shards.append(LineShard(source, span))
    return shards


def shard_segments(shard: LineShard) -> Iterator[Segment]:
    """The segments of one shard, exactly as the whole-file reader gives them."""
    return plain.line_segments(shard.source, shard.span)


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work: a whole input (``shard`` None) or one range of it (lines or units)."""

    input: LintInput | Unreadable
    shard: LineShard | UnitShard | None = None

    @property
    def path(self) -> str:
        return self.input.path


def splits(item: LintInput | Unreadable) -> bool:
    """Whether :func:`plan_tasks` may split a large ``item`` (a cheap guess: no parse)."""
    if isinstance(item, Unreadable):
        return False
    split = FORMATS[item.format].split
    return split == "lines" or (split == "units" and may_split(item.path, item.format))


def plan_tasks(
    inputs: Sequence[str | LintInput],
    settings: LintSettings,
    lines_per_shard: int = DEFAULT_SHARD_LINES,
    units_per_shard: int = DEFAULT_SHARD_UNITS,
) -> list[Task]:
    """Inputs (resolved, or paths to resolve) → tasks in input order: large line inputs split
    by lines, large TMX/XLIFF/PO files by units (lint.unitshards), everything else whole."""
    tasks: list[Task] = []
    for given in inputs:
        item = resolve_input(given, settings) if isinstance(given, str) else given
        split = FORMATS[item.format].split
        shards: Sequence[LineShard | UnitShard] = []
        if split == "lines":
            shards = plan_shards(item, lines_per_shard)
        elif split == "units":
            shards = plan_unit_shards(
                item.path, item.format, item.source_lang, item.target_lang, units_per_shard
            )
        if len(shards) > 1:
            tasks.extend(Task(item, s) for s in shards)
        else:
            tasks.append(Task(item))
    return tasks


def run_task(task: Task, settings: LintSettings, keep_segments: bool = False) -> InputResult:
    """Lint a task (picklable entry point for executors); an unreadable input raises its error."""
    if task.shard is None:
        segments = task.input.segments()
    elif isinstance(task.shard, LineShard):
        segments = shard_segments(task.shard)
    else:
        segments = unit_shard_segments(task.shard)
    return lint_segments(segments, settings, task.path, keep_segments)


def merge(results: Sequence[InputResult]) -> list[InputResult]:
    """Join consecutive shard results of the same input into one InputResult per input."""
    merged: list[InputResult] = []
    for r in results:
        if merged and merged[-1].path == r.path:
            last = merged[-1]
            facts = dict((code, list(f)) for code, f in last.facts)
            for code, f in r.facts:
                facts.setdefault(code, []).extend(f)
            merged[-1] = InputResult(
                r.path,
                last.units + r.units,
                last.findings + r.findings,
                last.suppressed + r.suppressed,
                tuple((k, tuple(v)) for k, v in facts.items()),
                last.segments + r.segments,
            )
        else:
            merged.append(r)
    return merged
