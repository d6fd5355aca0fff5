"""Shards inside one large line-oriented file, so a 20 M-line corpus spreads over workers.

A shard is lines ``[first, stop)`` (1-based) of a Moses pair, a TSV file or a plain
text file.  For uncompressed files a first pass records the byte offset of every
``step``-th line (the offset index), so a task seeks straight to its first line; a
``.gz`` file cannot seek, so its shards carry only line numbers and each task
decompresses up to its range (cheap next to linting it).

Each shard yields exactly the segments the unsharded reader yields for those lines —
same ``unit`` (the global line number), ``line``, ``file`` — so the findings of all
shards, concatenated in order, equal the serial run's.  Only ``Segment.index``
(the position among the reader's segments) is global too: a shard counts the
non-empty lines before it during the first pass.

Whole-file checks the readers do (Moses: both files have the same number of lines)
are done once, in :func:`plan_shards`.

Large TMX, XLIFF 1.2/2 and PO files are split by unit ranges instead (~5,000 units a
task): see :mod:`mustalah.lint.unitshards`.  :func:`plan_tasks` / :func:`run_task` take
both kinds.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..encoding import iter_lines
from ..errors import InputError
from ..formats import plain
from ..formats.registry import FORMATS, detect_format
from ..model import Segment
from .engine import InputResult, LintSettings, lint_input, lint_segments
from .unitshards import DEFAULT_SHARD_UNITS, UnitShard, plan_unit_shards, unit_shard_segments

#: Lines per shard: 5,000 lines of UN prose is ≈ 2–5 s of lint per task on one core.
DEFAULT_SHARD_LINES = 5_000


@dataclass(frozen=True, slots=True)
class Shard:
    """Lines ``[first, stop)`` of ``files`` (one file, or a Moses source + target pair)."""

    path: str  # the input as given (what InputResult.path reports)
    format: str
    files: tuple[str, ...]
    first: int  # 1-based line number of the first line
    stop: int  # one past the last line
    offsets: tuple[int, ...]  # byte offset of line `first` in each file (-1: gzip, read from the start)
    index: int  # global Segment.index of the first segment in this shard
    source_lang: str
    target_lang: str | None


def _open(path: str) -> IO[bytes]:
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")  # type: ignore[return-value]


def _line_offsets(path: str, step: int) -> tuple[list[int], list[int], int]:
    """Byte offsets of lines 1, 1+step, …; non-empty line counts before each; total lines."""
    offsets: list[int] = []
    nonempty_before: list[int] = []
    nonempty = 0
    pos = 0
    number = 0
    with _open(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if (number - 1) % step == 0:
                offsets.append(pos)
                nonempty_before.append(nonempty)
            pos += len(raw)
            if raw.strip():
                nonempty += 1
    return offsets, nonempty_before, number


def plan_shards(path: str, settings: LintSettings, lines_per_shard: int = DEFAULT_SHARD_LINES) -> list[Shard]:
    """Shards for one input, or ``[]`` when it is not line-oriented (lint it whole)."""
    source_lang = settings.lang or settings.source_lang
    p = Path(path)
    if p.is_dir():
        return []
    fmt = detect_format(p, source_lang, settings.target_lang)
    if FORMATS[fmt].split != "lines":
        return []
    if fmt == "moses":
        pair = plain.moses_partner(p, source_lang, settings.target_lang)
        assert pair is not None  # detect_format found it
        files: tuple[str, ...] = (str(pair[0]), str(pair[1]))
        src = plain._MOSES_SUFFIX.match(pair[0].name).group("lang")  # type: ignore[union-attr]
        tgt: str | None = plain._MOSES_SUFFIX.match(pair[1].name).group("lang")  # type: ignore[union-attr]
    else:
        files = (str(p),)
        if fmt == "tsv":
            src, tgt = source_lang or "en", settings.target_lang or "ar"
        else:  # text: one language for the whole file, decided once from its first lines
            src, tgt = source_lang or plain._file_language(p), None
    scans = [_line_offsets(f, lines_per_shard) for f in files]
    totals = [s[2] for s in scans]
    if fmt == "moses" and totals[0] != totals[1]:
        longer = files[0] if totals[0] > totals[1] else files[1]
        raise InputError(
            f"misaligned corpus: {files[0]} and {files[1]} differ in length "
            f"({Path(longer).name} has more than {min(totals)} lines)",
            file=longer,
            line=min(totals) + 1,
            hint="line k of one file must translate line k of the other",
        )
    total = totals[0]
    shards: list[Shard] = []
    for k, first in enumerate(range(1, total + 1, lines_per_shard)):
        offsets = tuple(-1 if f.endswith(".gz") else s[0][k] for f, s in zip(files, scans, strict=True))
        index = first - 1 if fmt == "moses" else scans[0][1][k]
        shards.append(
            Shard(path, fmt, files, first, min(first + lines_per_shard, total + 1), offsets, index, src, tgt)
        )
    return shards


def _shard_lines(file: str, offset: int, first: int, stop: int) -> Iterator[tuple[int, str]]:
    numbered: Iterator[tuple[int, str]]
    with _open(file) as handle:
        if offset >= 0:
            handle.seek(offset)
            numbered = ((first + i, text) for i, (_n, text) in enumerate(iter_lines(handle, file=file)))
        else:
            numbered = iter_lines(handle, file=file)
        for number, text in numbered:
            if number >= stop:
                return
            if number >= first:
                yield number, text


def shard_segments(shard: Shard) -> Iterator[Segment]:
    """The segments of one shard, exactly as the whole-file reader numbers them."""
    lines = [
        _shard_lines(f, o, shard.first, shard.stop) for f, o in zip(shard.files, shard.offsets, strict=True)
    ]
    index = shard.index
    if shard.format == "moses":
        for (number, left), (tnumber, right) in zip(lines[0], lines[1], strict=True):
            yield Segment(
                file=shard.files[0],
                unit=str(number),
                index=index,
                source=left,
                target=right,
                source_lang=shard.source_lang,
                target_lang=shard.target_lang,
                line=number,
                target_line=tnumber,
                source_file=shard.files[0],
                target_file=shard.files[1],
            )
            index += 1
        return
    for number, text in lines[0]:
        if not text.strip():
            continue
        if shard.format == "tsv":
            fields = text.split("\t")
            if len(fields) < 2:
                raise InputError(
                    "line has no TAB between source and target",
                    file=shard.path,
                    line=number,
                    hint="TSV lines are: source<TAB>target",
                )
            yield Segment(
                file=shard.path,
                unit=str(number),
                index=index,
                source=fields[0],
                target=fields[1],
                source_lang=shard.source_lang,
                target_lang=shard.target_lang,
                line=number,
                target_line=number,
            )
        else:
            yield Segment(
                file=shard.path,
                unit=str(number),
                index=index,
                source=text,
                target=None,
                source_lang=shard.source_lang,
                line=number,
            )
        index += 1


def lint_shard(shard: Shard, settings: LintSettings, keep_segments: bool = False) -> InputResult:
    """Lint one shard (top-level and picklable: runs on any executor)."""
    return lint_segments(shard_segments(shard), settings, shard.path, keep_segments)


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work: a whole input (``shard`` None) or one shard of it (a line or unit range)."""

    path: str
    shard: Shard | UnitShard | None = None


def plan_tasks(
    inputs: Sequence[str],
    settings: LintSettings,
    lines_per_shard: int = DEFAULT_SHARD_LINES,
    units_per_shard: int = DEFAULT_SHARD_UNITS,
) -> list[Task]:
    """Inputs → tasks in input order: large line-oriented files split by lines, large
    TMX/XLIFF/PO files by units (lint.unitshards), everything else whole."""
    tasks: list[Task] = []
    for path in inputs:
        shards: Sequence[Shard | UnitShard] = plan_shards(path, settings, lines_per_shard)
        if not shards and Path(path).is_file():
            source_lang = settings.lang or settings.source_lang
            fmt = detect_format(path, source_lang, settings.target_lang)
            shards = plan_unit_shards(path, fmt, source_lang, settings.target_lang, units_per_shard)
        if len(shards) > 1:
            tasks.extend(Task(path, s) for s in shards)
        else:
            tasks.append(Task(path))
    return tasks


def run_task(task: Task, settings: LintSettings, keep_segments: bool = False) -> InputResult:
    """Lint a task (picklable entry point for executors)."""
    if task.shard is None:
        return lint_input(task.path, settings, keep_segments)
    if isinstance(task.shard, Shard):
        return lint_shard(task.shard, settings, keep_segments)
    return lint_segments(unit_shard_segments(task.shard), settings, task.path, keep_segments)


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
