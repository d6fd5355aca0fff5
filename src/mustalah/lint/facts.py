"""The corpus rules' facts of a whole run, in memory that does not grow with the corpus.

A corpus rule (``checks/consistency.py``) keeps one :class:`Fact` per unit or per term
match and concludes once every input is read: a 20M-unit corpus yields tens of millions,
each with its :class:`Finding`.  But a conclusion only ever reports facts whose *group*
(the same source, the same target, the same concept in one file) holds at least two
different *renderings* (:meth:`CorpusRule.group_keys`).  So past ``SPILL_AFTER`` facts
the store keeps nothing per fact in memory: the fact is pickled to an anonymous temporary
spool, and a 32-byte record (group hash, rendering hash, arrival number, spool offset) goes
to one of ``BUCKETS`` temporary files chosen by the group hash.  At the end each bucket is
read on its own (a group never spans two), its groups with two renderings are found with a
sort, and only their facts are read back from the spool, in arrival order, one at a time
as the conclusion iterates them (:class:`SpooledFacts`: a million-unit run's ~130,000 SP004
facts would take ~170 MB as objects) — what
``conclude`` would have reported from the full list, since it regroups them by the real keys
(a hash collision can only add a candidate, never hide one, except for two renderings hashing
alike: p ≈ 2⁻⁶⁴).  Memory at the end is one bucket's records: 1/32 of 32 bytes per fact.
"""

from __future__ import annotations

import pickle
import struct
import tempfile
import weakref
from collections.abc import Collection, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from ..checks.base import CorpusRule, Fact

#: Facts kept as objects before the store spills to disk (~1.6 KB each: about 30 MB; a run of
#: ten thousand units stays in memory).
SPILL_AFTER = 20_000
#: Record files per rule once spilled (a group's records all land in the same one).
BUCKETS = 32
#: One spilled fact's record: (group, rendering, arrival, offset), as numpy reads it back.
_RECORD_FIELDS = [("group", "<i8"), ("rendering", "<i8"), ("arrival", "<i8"), ("offset", "<i8")]
_PACK = struct.Struct("<qqqq").pack
if TYPE_CHECKING:  # numpy (70 ms to import) is loaded only when facts are read back from disk
    import numpy as np

    _Records = np.ndarray[Any, np.dtype[np.void]]


class _Column:
    """One rule's facts: objects while few, then records in bucket files."""

    __slots__ = ("arrived", "buckets", "dead", "kept")

    def __init__(self) -> None:
        self.kept: list[Fact] = []
        self.buckets: list[IO[bytes]] = []
        self.arrived = 0  # facts added so far (kept or spilled), including rolled-back ones
        self.dead: list[tuple[int, int]] = []  # arrival ranges rolled back after a spill

    def close(self) -> None:
        for bucket in self.buckets:
            bucket.close()
        self.buckets = []
        self.kept.clear()


class FactStore:
    """Facts per corpus rule; :meth:`facts` gives what the rule's conclusion needs."""

    def __init__(self, rules: Iterable[CorpusRule], spill_after: int | None = None) -> None:
        self._rules = {r.code: r for r in rules}
        self._columns = {code: _Column() for code in self._rules}
        self._spill_after = SPILL_AFTER if spill_after is None else spill_after
        self._spool: IO[bytes] | None = None
        weakref.finalize(self, _close_all, self._columns)

    def add(self, code: str, facts: Iterable[Fact]) -> None:
        column = self._columns.get(code)
        if column is None:
            return
        if self._spool is None:
            before = len(column.kept)
            column.kept.extend(facts)
            column.arrived += len(column.kept) - before
            if sum(len(c.kept) for c in self._columns.values()) > self._spill_after:
                self._spill_all()
            return
        self._write(code, column, facts)

    def _spill_all(self) -> None:
        self._spool = tempfile.TemporaryFile(prefix="mustalah-facts-")  # noqa: SIM115  (closed by close())
        # closed too when the store is dropped on an error path (the file is already unlinked)
        weakref.finalize(self, self._spool.close)
        for code, column in self._columns.items():
            kept, column.kept = column.kept, []
            column.arrived -= len(kept)
            self._write(code, column, kept)

    def _write(self, code: str, column: _Column, facts: Iterable[Fact]) -> None:
        spool = self._spool
        assert spool is not None
        if not column.buckets:
            # closed by close(), or by the finalizer when the store is dropped on an error path
            column.buckets = [tempfile.TemporaryFile(prefix="mustalah-facts-") for _ in range(BUCKETS)]  # noqa: SIM115
        rule = self._rules[code]
        buckets = column.buckets
        offset = spool.seek(0, 2)  # the spool's end, counted on below (tell() per fact costs)
        for fact in facts:
            group, rendering = rule.group_keys(fact)
            g = hash(group)
            buckets[g % BUCKETS].write(_PACK(g, hash(rendering), column.arrived, offset))
            column.arrived += 1
            offset += spool.write(pickle.dumps(fact, pickle.HIGHEST_PROTOCOL))

    def mark(self) -> tuple[tuple[str, int], ...]:
        """A point to :meth:`rollback` to (an input that failed after some of its shards)."""
        return tuple((code, c.arrived) for code, c in self._columns.items())

    def rollback(self, mark: tuple[tuple[str, int], ...]) -> None:
        """Forget the facts added since ``mark`` (kept ones are dropped, spilled ones marked dead)."""
        for code, count in mark:
            column = self._columns[code]
            spilled = column.arrived - len(column.kept)  # arrivals 0 … spilled-1 are on disk
            if count < spilled:
                column.dead.append((count, spilled))
            del column.kept[max(0, count - spilled) :]
            column.arrived = spilled + len(column.kept)

    @property
    def spilled(self) -> bool:
        return self._spool is not None

    def facts(self, code: str) -> Collection[Fact]:
        """The rule's facts (spilled: only those in groups with two renderings), in arrival order;
        once spilled, read from disk each time they are iterated (valid until :meth:`close`)."""
        column = self._columns.get(code)
        if column is None:
            return []
        if not column.buckets:
            return list(column.kept)
        import numpy as np

        record = np.dtype(_RECORD_FIELDS)
        picked: list[_Records] = []
        for bucket in column.buckets:
            bucket.flush()
            bucket.seek(0)
            records = np.frombuffer(bucket.read(), dtype=record)
            bucket.seek(0, 2)
            for start, stop in column.dead:
                records = records[(records["arrival"] < start) | (records["arrival"] >= stop)]
            if len(records):
                picked.append(_two_renderings(records))
        chosen = np.sort(np.concatenate(picked), order="arrival") if picked else np.zeros(0, dtype=record)
        spool = self._spool
        assert spool is not None
        return SpooledFacts(spool, chosen["offset"].tolist(), list(column.kept))

    def close(self) -> None:
        _close_all(self._columns)
        if self._spool is not None:
            self._spool.close()
            self._spool = None


class SpooledFacts(Collection[Fact]):
    """Facts pickled at ``offsets`` of ``spool``, then ``kept`` ones: each iteration reads them
    back one at a time (every read seeks first, so two iterations may interleave)."""

    __slots__ = ("_kept", "_offsets", "_spool")

    def __init__(self, spool: IO[bytes], offsets: list[int], kept: list[Fact]) -> None:
        self._spool = spool
        self._offsets = offsets
        self._kept = kept

    def __len__(self) -> int:
        return len(self._offsets) + len(self._kept)

    def __iter__(self) -> Iterator[Fact]:
        spool = self._spool
        for offset in self._offsets:
            spool.seek(offset)
            yield pickle.load(spool)  # reads exactly one pickled fact
        spool.seek(0, 2)  # writes go on at the end
        yield from self._kept

    def __contains__(self, item: object) -> bool:
        return any(fact == item for fact in self)


def _two_renderings(records: _Records) -> _Records:
    """The records of groups holding at least two different renderings."""
    import numpy as np

    order = np.lexsort((records["rendering"], records["group"]))
    groups = records["group"][order]
    same_group = groups[1:] == groups[:-1]
    del groups
    renderings = records["rendering"][order]
    differs = same_group & (renderings[1:] != renderings[:-1])
    del renderings
    group_no = np.zeros(len(order), dtype=np.int64)
    np.cumsum(~same_group, out=group_no[1:])
    wanted = np.zeros(int(group_no[-1]) + 1, dtype=bool)
    wanted[group_no[1:][differs]] = True
    return records[np.sort(order[wanted[group_no]])]


def _close_all(columns: dict[str, _Column]) -> None:
    for column in columns.values():
        column.close()
