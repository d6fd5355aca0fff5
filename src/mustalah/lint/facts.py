"""The corpus rules' facts of a whole run, in memory that does not grow with the corpus.

A corpus rule (``checks/consistency.py``) keeps one :class:`Fact` per unit or per term
match and concludes once every input is read: a 1M-unit run holds millions of them,
each with its :class:`Finding`.  But a conclusion only ever reports facts whose *group*
(the same source, the same target, the same concept in one file) holds at least two
different *renderings* (:meth:`CorpusRule.group_keys`).  So past ``SPILL_AFTER`` facts
the store keeps per fact only two 64-bit hashes and a file offset (24 bytes) and pickles
the fact itself to an anonymous temporary file; at the end it reads back only the facts of
groups with two renderings, in arrival order — what ``conclude`` would have reported from
the full list, since it regroups them by the real keys (a hash collision can only add a
candidate, never hide one, except for two renderings hashing alike: p ≈ 2⁻⁶⁴).
"""

from __future__ import annotations

import pickle
import tempfile
import weakref
from array import array
from collections.abc import Iterable
from typing import IO

import numpy as np

from ..checks.base import CorpusRule, Fact

#: Facts kept as objects before the store spills to disk (~1.6 KB each: about 30 MB; a run of
#: ten thousand units stays in memory).
SPILL_AFTER = 20_000


class _Column:
    """One rule's facts: objects while few, then hashes + offsets into the spool."""

    __slots__ = ("group", "kept", "offset", "rendering")

    def __init__(self) -> None:
        self.kept: list[Fact] = []
        self.group = array("q")
        self.rendering = array("q")
        self.offset = array("q")


class FactStore:
    """Facts per corpus rule; :meth:`facts` gives what the rule's conclusion needs."""

    def __init__(self, rules: Iterable[CorpusRule], spill_after: int | None = None) -> None:
        self._rules = {r.code: r for r in rules}
        self._columns = {code: _Column() for code in self._rules}
        self._spill_after = SPILL_AFTER if spill_after is None else spill_after
        self._held = 0
        self._spool: IO[bytes] | None = None

    def add(self, code: str, facts: Iterable[Fact]) -> None:
        column = self._columns.get(code)
        if column is None:
            return
        if self._spool is None:
            column.kept.extend(facts)
            self._held = sum(len(c.kept) for c in self._columns.values())
            if self._held > self._spill_after:
                self._spill_all()
            return
        self._write(code, column, facts)

    def _spill_all(self) -> None:
        self._spool = tempfile.TemporaryFile(prefix="mustalah-facts-")  # noqa: SIM115  (closed by close())
        # closed too when the store is dropped on an error path (the file is already unlinked)
        weakref.finalize(self, self._spool.close)
        for code, column in self._columns.items():
            kept, column.kept = column.kept, []
            self._write(code, column, kept)
        self._held = 0

    def _write(self, code: str, column: _Column, facts: Iterable[Fact]) -> None:
        spool = self._spool
        assert spool is not None
        rule = self._rules[code]
        for fact in facts:
            group, rendering = rule.group_keys(fact)
            column.group.append(hash(group))
            column.rendering.append(hash(rendering))
            column.offset.append(spool.tell())
            spool.write(pickle.dumps(fact, pickle.HIGHEST_PROTOCOL))

    def mark(self) -> tuple[tuple[str, int], ...]:
        """A point to :meth:`rollback` to (an input that failed after some of its shards)."""
        return tuple((code, len(c.offset) + len(c.kept)) for code, c in self._columns.items())

    def rollback(self, mark: tuple[tuple[str, int], ...]) -> None:
        """Forget the facts added since ``mark`` (arrival order: spilled ones, then kept ones)."""
        for code, count in mark:
            column = self._columns[code]
            if len(column.offset) >= count:
                del column.group[count:], column.rendering[count:], column.offset[count:]
                column.kept.clear()
            else:
                del column.kept[count - len(column.offset) :]

    @property
    def spilled(self) -> bool:
        return self._spool is not None

    def facts(self, code: str) -> list[Fact]:
        """The rule's facts (spilled: only those in groups with two renderings), in arrival order."""
        column = self._columns.get(code)
        if column is None:
            return []
        if not column.offset:
            return list(column.kept)
        groups = np.frombuffer(column.group, dtype=np.int64)
        renderings = np.frombuffer(column.rendering, dtype=np.int64)
        # sort by (group, rendering); a group reports when a neighbour in it renders differently.
        # Intermediates are dropped as soon as possible: at 1M facts each costs a few MB.
        order = np.lexsort((renderings, groups))
        sorted_groups = groups[order]
        same_group = sorted_groups[1:] == sorted_groups[:-1]
        del sorted_groups
        sorted_renderings = renderings[order]
        differs = same_group & (sorted_renderings[1:] != sorted_renderings[:-1])
        del sorted_renderings
        group_no = np.zeros(len(order), dtype=np.int32)
        np.cumsum(~same_group, out=group_no[1:])
        del same_group
        wanted = np.zeros(int(group_no[-1]) + 1, dtype=bool)
        wanted[group_no[1:][differs]] = True
        picked = np.sort(order[wanted[group_no]])
        del order, group_no, wanted, differs
        spool = self._spool
        assert spool is not None
        out: list[Fact] = []
        offsets = column.offset
        for k in picked.tolist():
            spool.seek(offsets[k])
            out.append(pickle.load(spool))  # reads exactly one pickled fact
        spool.seek(0, 2)
        return out  # once spilled, every later fact went to the spool: nothing is kept

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        for column in self._columns.values():
            column.kept.clear()
