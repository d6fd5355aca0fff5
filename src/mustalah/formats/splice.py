"""A unit range of a large XML file as a document of its own, read exactly as the whole file.

:func:`splice` builds the document a shard parses: the file's bytes up to its first unit,
end/start tags to reach the elements open around the shard's first unit, padding, the
shard's bytes, and end tags.  The padding is what makes the shard's readings *identical*:

* **Lines.** The padding holds exactly the newlines that were cut out, so every element
  has its line in the file.  A shift added afterwards would not do: for lines past 65,535
  libxml2 stores no line in the element and lxml's ``sourceline`` reports the line where
  the element's first text node was created — a value only a parse at the real lines gives.
* **Read boundaries** (a precaution): lxml's ``iterparse`` feeds libxml2 32,768 bytes at a
  time; the padding also puts the shard's bytes at the same offset modulo 32,768 as in the
  file, so whatever the push parser does at a read boundary inside a unit, it does alike.
  (No such effect was found — a text node's line is where it ends — but it costs only a
  few spaces.)

The padding is empty elements ``<x-mustalah-pad …/>`` whose newlines and spaces stand
between attributes — libxml2 makes no text node of them (a few bytes per million lines,
and ~1 GB/s to parse) — generated on demand by a seekable stream, never held in memory.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import IO

from .offsets import WIDE, NotIndexable, Open, UnitMark

_READ = 32_768  # lxml's iterparse read size
_PAD = b"x-mustalah-pad"
_PAD_LINES = 1_000_000  # newlines per pad element (libxml2's lookup limit is 10 MB a tag)


def _encoded(text: bytes, encoding: str) -> bytes:
    return text.decode("latin-1").encode(encoding) if encoding in WIDE else text


def _newlines(data: bytes, encoding: str) -> int:
    return data.decode(encoding, errors="replace").count("\n") if encoding in WIDE else data.count(b"\n")


class _Run:
    """``count`` copies of one encoded character."""

    __slots__ = ("count", "unit")

    def __init__(self, unit: bytes, count: int) -> None:
        self.unit = unit
        self.count = count

    def __len__(self) -> int:
        return len(self.unit) * self.count

    def slice(self, start: int, size: int) -> bytes:
        width = len(self.unit)
        first = start // width
        last = min(self.count, -(-(start + size) // width))
        skip = start - first * width
        return (self.unit * (last - first))[skip : skip + size]


class Spliced(io.RawIOBase):
    """A read-only, seekable stream over byte parts and runs (full reads until the end)."""

    def __init__(self, parts: Sequence[bytes | _Run]) -> None:
        super().__init__()
        self._parts = [p for p in parts if len(p)]
        self._ends = list(accumulate(len(p) for p in self._parts))
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._ends[-1] if self._ends else 0}
        self._pos = max(0, base[whence] + offset)
        return self._pos

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.take(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def take(self, size: int) -> bytes:
        out: list[bytes] = []
        k = bisect_right(self._ends, self._pos)
        while size > 0 and k < len(self._parts):
            part = self._parts[k]
            start = self._pos - (self._ends[k - 1] if k else 0)
            piece = part[start : start + size] if isinstance(part, bytes) else part.slice(start, size)
            out.append(piece)
            self._pos += len(piece)
            size -= len(piece)
            k += 1
        return b"".join(out)


def _padding(lines: int, length: int, encoding: str) -> list[bytes | _Run]:
    """Pad elements holding ``lines`` newlines, ``length`` code units long modulo ``_READ``."""
    width = 2 if encoding in WIDE else 1
    counts = [_PAD_LINES] * (lines // _PAD_LINES) + ([lines % _PAD_LINES] if lines % _PAD_LINES else [])
    counts = counts or [0]
    size = len(counts) * (len(_PAD) + 4) + lines  # "<" name " " … "/>" per element
    spaces = (length - size) % (_READ // width)
    parts: list[bytes | _Run] = []
    for k, count in enumerate(counts):
        parts += [_encoded(b"<" + _PAD + b" ", encoding), _Run(_encoded(b"\n", encoding), count)]
        if k == len(counts) - 1:
            parts.append(_Run(_encoded(b" ", encoding), spaces))
        parts.append(_encoded(b"/>", encoding))
    return parts


def splice(
    handle: IO[bytes],
    head: int,
    first: Sequence[Open],
    mark: UnitMark,
    end: int | None,
    closing: Sequence[Open],
    encoding: str = "bytes",
) -> io.BufferedReader:
    """A well-formed document holding the units of ``[mark.body, end)`` at their lines in the file.

    The file's own bytes up to ``head`` (the start of its first unit: declaration, DOCTYPE,
    root, TMX header …, open elements ``first``), end tags for those of ``first`` that are not
    ancestors of ``mark``, the start tags (verbatim) of ``mark``'s other ancestors, padding
    (see the module docstring), the bytes ``[mark.body, end)`` (to the end of the file when
    ``end`` is None), and end tags for ``closing`` (the elements open at ``end``).
    ``head`` 0 is the first shard: the file's bytes from the start, nothing added before them.
    """
    shared = 0
    while shared < min(len(first), len(mark.ancestors)) and first[shared] == mark.ancestors[shared]:
        shared += 1
    handle.seek(0)
    parts = [handle.read(head)]
    parts += [_encoded(b"</" + element.name + b">", encoding) for element in reversed(first[shared:])]
    for element in mark.ancestors[shared:]:
        handle.seek(element.start)
        parts.append(handle.read(element.end - element.start))
    prefix = b"".join(parts)
    handle.seek(mark.body)
    body = handle.read() if end is None else handle.read(end - mark.body)
    tail = b"".join(_encoded(b"</" + element.name + b">", encoding) for element in reversed(closing))
    if not head:
        return io.BufferedReader(Spliced([prefix, body, tail]), _READ)
    width = 2 if encoding in WIDE else 1
    lines = mark.line - 1 - _newlines(prefix, encoding)
    if lines < 0:
        raise NotIndexable("the kept markup holds more lines than precede the shard")
    pad = _padding(lines, (mark.body - len(prefix)) // width, encoding)
    return io.BufferedReader(Spliced([prefix, *pad, body, tail]), _READ)
