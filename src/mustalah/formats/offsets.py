"""The offset index of a large XML file: where its unit elements start, in bytes.

lxml cannot tell byte offsets, so this is a byte-level scan of the markup, just enough of
XML to find the start tags of the unit elements (``tu``, ``trans-unit``, ``unit``) and the
elements open around them: comments, CDATA sections, processing instructions and a
DOCTYPE (without an internal subset) are skipped whole, so a ``<tu`` inside them is never
taken for a unit; inside a unit only its end tag (and what could hide one) is looked for.

The scan is a *proposal*: lint.unitshards accepts it only when the real reader, run over the
whole file, saw the same units at the same lines, and when the document it builds for each
shard (:func:`splice`) reads back the shard's first unit exactly as the whole file does.
Anything this scan does not expect — an internal DTD subset, a mismatched end tag, a token
longer than the parser's own limits, an encoding it cannot scan (UTF-16 is read through
its ASCII-compatible narrow form) — raises :class:`NotIndexable`, and the file is linted whole.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from ..encoding import sniff_xml_encoding

_CHUNK = 1 << 20
#: Longer than any token libxml2 accepts without ``huge_tree`` (10 MB): give up rather than buffer on.
_MAX_TOKEN = 16 << 20
_TOKEN = re.compile(
    rb"""<!--.*?-->
    | <!\[CDATA\[.*?\]\]>
    | <\?.*?\?>
    | <!DOCTYPE(?:[^>\[\"']|\"[^\"]*\"|'[^']*')*>
    | </(?P<end>[^\s>]+)\s*>
    | <(?P<start>[^\s/>!?]+)(?:[^>\"'/]|/(?!>)|\"[^\"]*\"|'[^']*')*(?P<empty>/)?>""",
    re.S | re.X,
)
_BLANK = re.compile(rb"[ \t]*")
#: Bytes kept before the window's start: indentation of a unit's line up to this long is found.
_BEHIND = 256
#: Codecs in which every ASCII character is the same single byte and no other character uses
#: bytes below 0x80 — so ``<``, ``>``, quotes, names and newlines can be found in the raw bytes.
_ASCII_COMPATIBLE = re.compile(r"^(utf-8|ascii|latin-1|iso8859-\d+|cp125\d)$")


class NotIndexable(Exception):
    """The file is outside what the byte scan understands: lint it whole."""


@dataclass(frozen=True, slots=True)
class Open:
    """An element open around a unit: its qualified name and the byte span of its start tag."""

    name: bytes
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class UnitMark:
    """Where unit number ``position`` (0-based) is, for a shard to start there."""

    position: int
    start: int  # byte offset of the "<" of its start tag
    body: int  # where a shard starting here begins: its line's start when only blanks precede it
    line: int  # line number at ``body``
    end: int  # one past its end tag
    ancestors: tuple[Open, ...]  # outermost first


def scan_encoding(head: bytes) -> str | None:
    """How the XML file starting with ``head`` is scanned: ``"bytes"`` for ASCII-compatible
    encodings, ``"utf-16-le"`` / ``"utf-16-be"`` (each code unit seen as one byte: ASCII or
    0x80), or None when it cannot be (another multi-byte encoding, an unknown one)."""
    try:
        name = codecs.lookup(sniff_xml_encoding(head)).name
    except LookupError:
        return None
    if name in WIDE:
        return name
    return "bytes" if _ASCII_COMPATIBLE.match(name) else None


WIDE = ("utf-16-le", "utf-16-be")


def _narrow(raw: bytes, encoding: str) -> bytes:
    """One byte per UTF-16 code unit: the unit itself when ASCII, else 0x80 (never markup)."""
    import numpy as np  # here: only UTF-16 files need it, and it costs start-up time

    units = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<u2" if encoding == "utf-16-le" else ">u2")
    return bytes(np.where(units < 0x80, units, 0x80).astype(np.uint8).tobytes())


class _Buffer:
    """A sliding window over the file, with the line number at any offset (asked in order)."""

    def __init__(self, handle: IO[bytes], encoding: str) -> None:
        self.handle = handle
        self.encoding = encoding
        self.data = b""
        self.base = 0  # offset of data[0] (in code units for UTF-16)
        self.eof = False
        self.line = 1
        self.counted = 0  # file offset up to which newlines are counted into `line`

    def more(self, keep: int) -> bool:
        """Drop the bytes before file offset ``keep`` and read on; False at the end of the file."""
        if self.eof:
            return False
        if len(self.data) - (keep - self.base) > _MAX_TOKEN:
            raise NotIndexable("a token longer than the parser's limits")
        self.line_at(keep)
        raw = self.handle.read(_CHUNK if self.encoding == "bytes" else 2 * _CHUNK)
        chunk = raw if self.encoding == "bytes" else _narrow(raw, self.encoding)
        start = max(self.base, keep - _BEHIND)  # a little of what came before: see UnitMark.body
        self.data = self.data[start - self.base :] + chunk
        self.base = start
        self.eof = not raw
        return bool(raw)

    def line_at(self, offset: int) -> int:
        if offset > self.counted:
            self.line += self.data.count(b"\n", self.counted - self.base, offset - self.base)
            self.counted = offset
        return self.line


def scan_units(
    handle: IO[bytes], local: bytes, step: int, encoding: str = "bytes"
) -> Iterator[tuple[int, UnitMark | None]]:
    """For every unit element named ``local`` (any prefix), in order: the line of its start tag's
    ``>`` (what lxml's ``sourceline`` reports) and, for every ``step``-th unit from the first, its mark
    (byte offsets in the file, whatever ``encoding`` — see :func:`scan_encoding`).

    Raises NotIndexable on anything unexpected (checked against the real parse by the caller).
    """
    buf = _Buffer(handle, encoding)
    width = 1 if encoding == "bytes" else 2
    stack: list[Open] = []
    position = 0
    seen_root = False
    pos = 0
    while True:
        data = buf.data
        lt = data.find(b"<", pos - buf.base)
        if lt < 0:
            pos = buf.base + len(data)
            if not buf.more(pos):
                break
            continue
        match = _TOKEN.match(data, lt)
        if match is None:  # cut by the end of the window, or not markup this scan knows
            pos = buf.base + lt
            if not buf.more(pos):
                raise NotIndexable(f"unexpected markup at byte {pos}")
            continue
        pos = buf.base + match.end()
        end_name, name = match.group("end"), match.group("start")
        if end_name is not None:
            if not stack or stack[-1].name != end_name:
                raise NotIndexable(f"unexpected end tag at byte {buf.base + lt}")
            stack.pop()
            continue
        if name is None:
            continue  # comment, CDATA, processing instruction, DOCTYPE
        if not stack:
            if seen_root:
                raise NotIndexable("a second root element")
            seen_root = True
        start = buf.base + lt
        if name.rpartition(b":")[2] != local:
            if match.group("empty") is None:
                stack.append(Open(name, start * width, pos * width))
            continue
        if not stack:
            raise NotIndexable("a unit as the root element")
        line = buf.line_at(start)
        tag_line = buf.line_at(pos - 1)
        boundary = position % step == 0
        body = start
        if boundary:  # blanks before it on its line go with it (columns stay the file's)
            newline = data.rfind(b"\n", max(0, lt - _BEHIND), lt)
            if newline >= 0 and _BLANK.fullmatch(data, newline + 1, lt):
                body = buf.base + newline + 1
        if match.group("empty") is None:
            pos = _skip_unit(buf, pos, name)
        if boundary:
            yield tag_line, UnitMark(position, start * width, body * width, line, pos * width, tuple(stack))
        else:
            yield tag_line, None
        position += 1
    if stack or not seen_root:
        raise NotIndexable("unbalanced document")


_INSIDE: dict[bytes, re.Pattern[bytes]] = {}


def _skip_unit(buf: _Buffer, pos: int, name: bytes) -> int:
    """The file offset just past the end tag ``</name>`` of the unit whose start tag ends at ``pos``."""
    inside = _INSIDE.get(name)
    if inside is None:
        inside = _INSIDE.setdefault(
            name, re.compile(rb"</" + re.escape(name) + rb"\s*>|<!--|<!\[CDATA\[|<\?")
        )
    while True:
        data = buf.data
        found = inside.search(data, pos - buf.base)
        if found is None:
            last = data.rfind(b"<", pos - buf.base)
            keep = buf.base + (last if last >= 0 else len(data))
            if not buf.more(keep):
                raise NotIndexable("a unit is not closed")
            pos = keep
            continue
        if data.startswith(b"</", found.start()):
            return buf.base + found.end()
        token = _TOKEN.match(data, found.start())
        if token is None:
            keep = buf.base + found.start()
            if not buf.more(keep):
                raise NotIndexable("unterminated comment, CDATA or processing instruction")
            pos = keep
            continue
        pos = buf.base + token.end()
