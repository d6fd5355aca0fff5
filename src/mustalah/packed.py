"""Compact, fast-to-load tables for the compiled index cache.

A 100k-term termbase has hundreds of thousands of terms, index entries and near-miss
candidates.  Unpickling them as objects costs seconds; a lint run touches a few hundred.
So the cache stores each table as *one* ``bytes`` blob of rows plus an array of offsets —
loading is a copy — and a row becomes an object the first time it is read.  A row is JSON
(strings, numbers, booleans, None and nested tuples, read back as tuples): decoding it can
build nothing but those values, whoever wrote the bytes.

Also here: a stable 63-bit rolling hash of token-id sequences (Python's ``hash`` of a
string changes from process to process, so it cannot key an on-disk table).  ``step`` and
``masked`` are its reference definition: the near-miss index inlines them in its text walk
and vectorizes them when building its tables, and a test holds all three equal.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")

MASK = 0x7FFF_FFFF_FFFF_FFFF
PRIME = 1_099_511_628_211  # FNV-64 prime
SLOT = 0x5BD1E995
SEED = 14_695_981_039_346_656_037 & MASK


def step(h: int, token_id: int) -> int:
    """Extend the hash of a token-id sequence by one id."""
    return ((h ^ (token_id + 1)) * PRIME) & MASK


def masked(h: int, position: int) -> int:
    """The key of a sequence whose token at ``position`` is left out (a near-miss slot)."""
    return ((h ^ (SLOT + position)) * PRIME) & MASK


class PackedRows(Sequence[T]):
    """A read-only sequence of rows stored as JSON; ``make`` turns a row into its object.

    ``make`` must be a module-level callable (the table is picklable for process pools).
    """

    __slots__ = ("_blob", "_make", "_memo", "_offsets")

    def __init__(self, blob: bytes, offsets: array[int], make: Callable[..., T]) -> None:
        self._blob = blob
        self._offsets = offsets
        self._make = make
        self._memo: dict[int, T] = {}

    @classmethod
    def pack(cls, rows: Iterable[tuple[object, ...]], make: Callable[..., T]) -> PackedRows[T]:
        parts: list[bytes] = []
        offsets = array("q", [0])
        total = 0
        for row in rows:
            data = json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            parts.append(data)
            total += len(data)
            offsets.append(total)
        return cls(b"".join(parts), offsets, make)

    def _position(self, i: int) -> int:
        n = len(self)
        k = i + n if i < 0 else i
        if not 0 <= k < n:
            raise IndexError(f"row {i} of {n}")
        return k

    def row(self, i: int) -> tuple[object, ...]:
        i = self._position(i)
        off = self._offsets
        value = json.loads(self._blob[off[i] : off[i + 1]])
        if not isinstance(value, list):
            raise ValueError(f"row {i} is not a list")
        return _tuples(value)

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[T]: ...
    def __getitem__(self, i: int | slice) -> T | Sequence[T]:
        if i.__class__ is int:  # a row read before (the matcher reads the same few again and again)
            got = self._memo.get(i)
            if got is not None:
                return got
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        i = self._position(i)
        item = self._memo.get(i)
        if item is None:
            item = self._memo[i] = self._make(*self.row(i))
        return item

    def probe(self) -> None:
        """Decode and build the first and last rows without keeping them (raises if damaged)."""
        for k in {0, len(self) - 1} - {-1}:
            self._make(*self.row(k))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __iter__(self) -> Iterator[T]:
        for i in range(len(self)):
            yield self[i]

    def state(self) -> tuple[bytes, bytes]:
        """The blob and the offsets as bytes (what the cache writes)."""
        return self._blob, self._offsets.tobytes()

    @classmethod
    def from_state(cls, state: tuple[bytes, bytes], make: Callable[..., T]) -> PackedRows[T]:
        blob, raw = state
        offsets = array("q")
        offsets.frombytes(raw)
        return cls(blob, offsets, make)

    def __reduce__(self) -> tuple[object, ...]:
        return (_unpack, (self.state(), self._make))


def _tuples(items: list[object]) -> tuple[object, ...]:
    """A JSON row with every list turned back into the tuple it was."""
    return tuple(_tuples(v) if isinstance(v, list) else v for v in items)


def _unpack(state: tuple[bytes, bytes], make: Callable[..., T]) -> PackedRows[T]:
    return PackedRows.from_state(state, make)
