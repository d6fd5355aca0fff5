"""``--format text`` streamed: each task's findings rendered as they arrive, units' text dropped.

``text_report.render_text`` groups findings by file, then unit, in order of first
appearance, and shows each span in its unit's text.  Streamed, a task's findings are
rendered at once with that task's segments (which are then dropped) and spooled, one
record per finding, to a temporary file.  The corpus rules' findings (CO*) arrive last
but belong inside earlier groups: their units' text is read again from the inputs that
hold them (only those units are kept), and the spool is copied to the output with
each of them inserted where ``render_text`` puts it.

That copy is exact when every group's findings arrive together and every unit's findings
together, which is what one pass over distinct inputs gives (shards of one input arrive in
line order).  Anything else (an input given twice, a folder and its own ``en.txt``, a unit
id used twice in one file, an input cut back by ``--keep-going``) is noticed on the way and
the report is rendered by ``render_text`` itself from the spooled findings and the inputs
re-read: the old memory profile, the same bytes.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import PurePath
from typing import IO, Any

from ..model import Finding, LintResult, LintSummary, Segment
from .text_report import finding_block, group_heading, group_of, painter, summary_line, unit_heading

Key = tuple[str, str]  # (file, unit)


class TextWriter:
    """The sink protocol (``lint.run.FindingSink``) for ``--format text``."""

    needs_segments = True

    def __init__(self, out: IO[bytes], colour: bool, reread: Callable[[str], Iterable[Segment]]) -> None:
        self.out = out
        self.colour = colour
        self.paint = painter(colour)
        self.reread = reread  # an input's segments, as the lint read them
        # Closed by finish() or close(); anonymous, so nothing is left on disk either way.
        self.spool: IO[bytes] = tempfile.TemporaryFile(prefix="mustalah-text-")  # noqa: SIM115
        self.inputs: list[str] = []  # input path per mark ("" once rolled back)
        self.spool_marks: list[int] = []
        self.owner: dict[str, int] = {}  # Segment.file → the input (mark) holding it
        self.cited: dict[str, int] = {}  # a finding's file or its folder → the input citing it (-1: several)
        self.closed: set[str] = set()  # groups left (a later finding for one breaks the order)
        self.files: dict[str, int] = {}  # Finding.file → the input that last reported on it
        self.group: str | None = None  # the group being spooled, and the order of its units
        self.order = _UnitOrder(0)
        self.tasks = 0
        self.exact = True  # False: fall back to render_text (see the module docstring)
        self.co: list[Finding] = []

    # -- the sink protocol ------------------------------------------------------------

    def mark(self) -> int:
        self.inputs.append("")
        self.spool_marks.append(self.spool.tell())
        return len(self.inputs) - 1

    def rollback(self, mark: int) -> None:
        self.spool.seek(self.spool_marks[mark])
        self.spool.truncate()
        self.inputs[mark] = ""
        for table in (self.owner, self.cited, self.files):
            for name in [k for k, v in table.items() if v == mark]:
                del table[name]
        self.exact = False

    def add(self, path: str, findings: Sequence[Finding], segments: Sequence[Segment]) -> None:
        serial = len(self.inputs) - 1
        self.inputs[serial] = path
        self.tasks += 1
        for name in {s.file for s in segments}:
            if self.owner.setdefault(name, serial) != serial or self.cited.get(name, serial) != serial:
                self.exact = False  # two inputs hold the same file: render_text would mix them
        if not findings:
            return
        by_key = {(s.file, s.unit): s for s in segments}
        lines: list[str] = []
        for f in findings:
            if self.files.get(f.file) != serial:
                self._cite(f.file, serial)
            group, seg = group_of(f, by_key)
            if group != self.group:
                if group in self.closed:
                    self.exact = False
                if self.group is not None:
                    self.closed.add(self.group)
                self.group, self.order = group, _UnitOrder(self.tasks)
            if not self.order.next(f.unit, self.tasks):
                self.exact = False
            block = finding_block(f, seg, group, self.paint)
            lines.append(json.dumps([group, f.unit, block, f.to_json()], ensure_ascii=False))
        self.spool.write(("\n".join(lines) + "\n").encode("utf-8"))

    def _cite(self, file: str, serial: int) -> None:
        """Input ``serial`` reports on ``file``: render_text looks its units up under ``file``
        and its folder, in every input; another input holding either breaks the order."""
        self.files[file] = serial
        for name in (file, str(PurePath(file).parent)):
            if self.owner.get(name, serial) != serial:
                self.exact = False
            if self.cited.setdefault(name, serial) != serial:
                self.cited[name] = -1

    def conclusions(self, findings: Sequence[Finding]) -> None:
        self.co = list(findings)

    def finish(self, summary: LintSummary) -> None:
        text = io.TextIOWrapper(self.out, encoding="utf-8", newline="")
        try:
            if self.exact:
                self._merge(text, summary)
            else:
                self._fallback(text, summary)
            text.flush()
        finally:
            text.detach()
            self.close()

    def close(self) -> None:
        self.spool.close()

    # -- bookkeeping --------------------------------------------------------------------

    def _records(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        self.spool.flush()
        self.spool.seek(0)
        for raw in self.spool:
            group, unit, block, finding = json.loads(raw)
            yield group, unit, block, finding

    def _segments_for(self, keys: set[Key]) -> dict[Key, Segment]:
        """The segments with these (file, unit) keys, read again from the inputs holding them."""
        wanted = {self.owner[file] for file, _ in keys if file in self.owner}
        found: dict[Key, Segment] = {}
        for serial in sorted(wanted):
            for seg in self.reread(self.inputs[serial]):
                if (seg.file, seg.unit) in keys:
                    found[(seg.file, seg.unit)] = seg
        return found

    # -- output ---------------------------------------------------------------------------

    def _merge(self, text: IO[str], summary: LintSummary) -> None:
        """Copy the spool, inserting each corpus finding at the end of its unit or group."""
        keys = {(c, f.unit) for f in self.co for c in (f.file, str(PurePath(f.file).parent))}
        segments = self._segments_for(keys)
        pending: dict[str, dict[str, list[str]]] = {}  # group → unit → blocks, in arrival order
        for f in self.co:
            group, seg = group_of(f, segments)
            pending.setdefault(group, {}).setdefault(f.unit, []).append(
                finding_block(f, seg, group, self.paint)
            )
        here: str | None = None  # the group and unit being copied
        unit: str | None = None
        for g, u, block, _ in self._records():
            if g != here:
                if here is not None:
                    self._close_group(text, pending, here, unit)
                here, unit = g, None
                text.write(group_heading(g, self.paint))
            if u != unit:
                if unit is not None:
                    self._close_unit(text, pending, g, unit)
                unit = u
                text.write(unit_heading(u, self.paint))
            text.write(block)
        if here is not None:
            self._close_group(text, pending, here, unit)
        for g, units in pending.items():
            text.write(group_heading(g, self.paint))
            for u, blocks in units.items():
                text.write(unit_heading(u, self.paint))
                text.write("".join(blocks))
        text.write(summary_line(LintResult((), summary), self.paint))

    def _close_unit(
        self, text: IO[str], pending: dict[str, dict[str, list[str]]], group: str, unit: str
    ) -> None:
        blocks = pending.get(group, {}).pop(unit, None)
        if blocks:
            text.write("".join(blocks))

    def _close_group(
        self, text: IO[str], pending: dict[str, dict[str, list[str]]], group: str, unit: str | None
    ) -> None:
        if unit is not None:
            self._close_unit(text, pending, group, unit)
        for u, blocks in pending.pop(group, {}).items():
            text.write(unit_heading(u, self.paint))
            text.write("".join(blocks))

    def _fallback(self, text: IO[str], summary: LintSummary) -> None:
        """``render_text`` over the spooled findings and every input read again."""
        from .text_report import render_text

        findings = [Finding(**record) for *_, record in self._records()]
        findings.extend(self.co)
        segments = [seg for path in self.inputs if path for seg in self.reread(path)]
        render_text(LintResult(tuple(findings), summary, tuple(segments)), text, colour=self.colour)


class _UnitOrder:
    """Whether a group's findings arrive unit by unit, no unit coming back after another.

    Within one task the units left are kept (the task's findings are in memory anyway).
    Across tasks, units numbered in increasing order (lines of a shard, PO entries, sorted
    TMX ids) need only the last one; others are remembered as 64-bit hashes (a collision
    only costs the exact fallback).
    """

    __slots__ = ("began", "hashed", "last", "left", "rising", "task")

    def __init__(self, task: int) -> None:
        self.began = task
        self.task = task
        self.last: str | None = None
        self.left: set[str] = set()  # units left in the current task
        self.rising = True  # every unit so far is a number above the one before
        self.hashed: set[int] | None = None  # units left in earlier tasks, once not rising

    def next(self, unit: str, task: int) -> bool:
        """Note ``unit`` (the finding's); False when render_text would group it elsewhere."""
        if task != self.task:
            if self.hashed is not None:
                self.hashed.update(hash(u) for u in self.left)
            self.left, self.task = set(), task
        last = self.last
        if unit == last:
            return True
        self.last = unit
        if last is not None:
            self.left.add(last)
        if unit in self.left or (self.hashed is not None and hash(unit) in self.hashed):
            return False
        if self.rising and last is not None and not _above(unit, last):
            self.rising = False
            if self.began != task:
                return False  # units of earlier tasks were not remembered
            self.hashed = set()
        return True


def _above(unit: str, last: str) -> bool:
    return unit.isdigit() and last.isdigit() and int(unit) > int(last)
