"""Shards inside one large TMX, XLIFF 1.2/2 or PO file: ranges of ~5,000 units.

The planner makes one pass with the file's real reader (the hardened parser: a hostile
DOCTYPE, a syntax error, a broken unit … all surface there) and records, every ``step``-th
unit, the global unit position and segment index, the line and the byte offset — the
offset index (:mod:`mustalah.formats.offsets` for XML, ``po_stream.entry_offsets`` for PO).
A file the reader does not read cleanly to the end is never split: it is linted whole, so
its error is the serial run's error, word for word.

* XML: each shard parses a small document of its own — the file's prolog up to the first
  unit, the start tags of the elements open around its first unit, its byte range, and the
  end tags of what is open after it, padded so its lines are the file's
  (:func:`~mustalah.formats.splice.splice`) — with the reader's own unit loop, told how many
  units and segments come before it.  The byte scan is only trusted when every unit it found
  is a unit the reader saw, at the same line, and each shard's document gives back its first
  unit exactly as the whole file does (segments and the inherited languages).
* PO: only files the streaming fast path reads to the end (canonical UTF-8: no obsolete
  entries, no CR line ends …); a shard decodes its byte range and matches its entries.

UTF-16 files are scanned one code unit at a time (ASCII or not), so DGT-style UTF-16 TMX
split too.  Anything else — small files, other multi-byte encodings, an internal DTD subset,
polib-only PO — is one task.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby, islice, zip_longest
from typing import IO

from ..errors import InputError
from ..formats import po_stream
from ..formats.offsets import NotIndexable, Open, UnitMark, scan_encoding, scan_units
from ..formats.splice import splice
from ..formats.tmx import tmx_units
from ..formats.units import ReadUnit
from ..formats.xliff2 import xliff2_units
from ..formats.xliff12 import several_files, xliff12_units
from ..model import Segment
from ..xmlsafe import looks_like_xml

log = logging.getLogger("mustalah.formats")

#: Units per shard: ~5,000 TMX/XLIFF units or PO entries are ~4 s of linting on one core.
DEFAULT_SHARD_UNITS = 5_000
UNIT_TAGS = {"tmx": b"tu", "xliff12": b"trans-unit", "xliff2": b"unit"}
#: No unit is smaller than this (a bare ``<tu><tuv …><seg/></tuv></tu>``): files under
#: ``2 * step * _MIN_UNIT_BYTES`` cannot make two shards and are not scanned at all.
_MIN_UNIT_BYTES = 24
#: From this line on libxml2 keeps no line in an element: lxml reports its first text's line.
_BIG_LINES = 65_535


@dataclass(frozen=True, slots=True)
class XmlShard:
    """Units ``[first, stop)`` (0-based) of one TMX/XLIFF file: what :func:`splice` needs."""

    path: str
    format: str
    first: int
    stop: int
    index: int  # global Segment.index of the shard's first segment
    head: int  # the file's bytes kept verbatim: up to its first unit (0 for the first shard)
    head_open: tuple[Open, ...]  # the elements open at ``head``
    mark: UnitMark  # where the shard starts
    end: int | None  # where it stops (None: the end of the file)
    closing: tuple[Open, ...]  # the elements open at ``end``
    source_lang: str | None
    target_lang: str | None
    stamp: tuple[int, int]  # size and mtime of the file when planned
    encoding: str = "bytes"  # how the file was scanned (formats.offsets.scan_encoding)


@dataclass(frozen=True, slots=True)
class PoShard:
    """Entries ``[first, stop)`` (1-based numbers) of a canonical PO file, bytes ``[start, end)``."""

    path: str
    first: int
    stop: int
    index: int
    start: int
    end: int | None
    line: int
    source_lang: str
    target_lang: str | None
    stamp: tuple[int, int]
    #: the header's Plural-Forms, under which the entries' plural forms pair
    plural_forms: str | None = None


UnitShard = XmlShard | PoShard


def _stamp(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def _units(
    fmt: str, data: IO[bytes] | str, name: str, src: str | None, tgt: str | None, position: int, index: int
) -> Iterator[ReadUnit]:
    if fmt == "tmx":
        return tmx_units(data, name, src, tgt, position=position, index=index)
    if fmt == "xliff12":  # ids qualified by <file> as in the whole document, not the shard's one file
        return xliff12_units(data, name, src, tgt, index=index, qualify=_several_files(name, _stamp(name)))
    return xliff2_units(data, name, src, tgt, index=index)


@functools.lru_cache(maxsize=64)
def _several_files(path: str, stamp: tuple[int, int]) -> bool:
    """Whether the XLIFF document at ``path`` (as it is at ``stamp``) holds several ``<file>``s."""
    return several_files(path)


def plan_unit_shards(
    path: str, fmt: str, source_lang: str | None, target_lang: str | None, step: int = DEFAULT_SHARD_UNITS
) -> list[UnitShard]:
    """Shards of one TMX/XLIFF/PO input, or ``[]`` to lint it whole (see the module docstring)."""
    if fmt not in UNIT_TAGS and fmt != "po":
        return []
    try:
        stamp = _stamp(path)
        if stamp[0] < 2 * step * _MIN_UNIT_BYTES:
            return []
        if fmt == "po":
            return list(_plan_po(path, source_lang or "en", target_lang, step, stamp))
        return _plan_xml(path, fmt, source_lang, target_lang, step, stamp)
    except (InputError, NotIndexable, po_stream.NotCanonical, OSError, UnicodeDecodeError):
        return []  # linted whole: the reader raises (or reads) exactly as in a serial run


_PO_UTF8 = re.compile(rb'msgid ""\r?\nmsgstr ""[^\0]*?charset=utf-?8', re.IGNORECASE)


def may_split(path: str, fmt: str, step: int = DEFAULT_SHARD_UNITS) -> bool:
    """A cheap guess (no parse) that :func:`plan_unit_shards` may split ``path``, a file of
    format ``fmt`` — for choosing a process pool by default: large enough, and a PO file in
    UTF-8 with a header, or TMX/XLIFF in an encoding the offset index can scan.  ``False`` is
    certain; ``True`` is only likely."""
    if fmt not in UNIT_TAGS and fmt != "po":
        return False
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
    except OSError:
        return False
    if size < 2 * step * _MIN_UNIT_BYTES:
        return False
    if fmt == "po":
        return _PO_UTF8.search(head) is not None and b"\r" not in head
    return looks_like_xml(head) and scan_encoding(head) is not None


def _plan_xml(
    path: str, fmt: str, src: str | None, tgt: str | None, step: int, stamp: tuple[int, int]
) -> list[UnitShard]:
    with open(path, "rb") as handle:
        encoding = scan_encoding(handle.read(4096))
        if encoding is None:
            return []
        handle.seek(0)
        # The byte scan alone first (~1/4 of a parse): a file of one shard is not parsed here at all.
        if sum(1 for _ in scan_units(handle, UNIT_TAGS[fmt], step, encoding)) <= step:
            return []
        handle.seek(0)
        marks: list[UnitMark] = []
        reference: list[tuple[ReadUnit, int]] = []  # each mark's unit as the whole file reads it, its index
        index = skipped = total = 0
        scan = scan_units(handle, UNIT_TAGS[fmt], step, encoding)
        for scanned, unit in zip_longest(scan, _units(fmt, path, path, src, tgt, 0, 0)):
            total += 1
            if scanned is None or unit is None or (scanned[0] < _BIG_LINES and scanned[0] != unit.line):
                return []  # the scan and the parser disagree: trust the parser, whole
            if scanned[1] is not None:
                marks.append(scanned[1])
                reference.append((unit, index))
            index += len(unit.segments)
            skipped += not unit.segments
        if len(marks) < 2:
            return []
        first = marks[0]
        start = UnitMark(0, 0, 0, 1, first.end, ())
        shards: list[UnitShard] = []
        for k, mark in enumerate(marks):
            nxt = marks[k + 1] if k + 1 < len(marks) else None
            shard = XmlShard(
                path,
                fmt,
                mark.position,
                nxt.position if nxt else total,
                reference[k][1],
                first.start if k else 0,
                first.ancestors if k else (),
                mark if k else start,
                nxt.body if nxt else None,
                nxt.ancestors if nxt else (),
                src,
                tgt,
                stamp,
                encoding,
            )
            if k and not _reads_back(handle, shard, reference[k][0]):
                return []
            shards.append(shard)
    if fmt == "tmx" and skipped:  # the serial reader's warning, once (the shards do not log)
        log.warning("%s: %d translation unit(s) without a source-language tuv were skipped", path, skipped)
    return shards


def _document(shard: XmlShard, handle: IO[bytes], end: int | None, closing: tuple[Open, ...]) -> IO[bytes]:
    return splice(handle, shard.head, shard.head_open, shard.mark, end, closing, shard.encoding)


def _reads_back(handle: IO[bytes], shard: XmlShard, expected: ReadUnit) -> bool:
    """Does the shard's document give its first unit exactly as the whole file does?"""
    document = _document(shard, handle, shard.mark.end, shard.mark.ancestors)
    units = _units(
        shard.format, document, shard.path, shard.source_lang, shard.target_lang, shard.first, shard.index
    )
    return next(units, None) == expected


def _check_stamp(path: str, stamp: tuple[int, int]) -> None:
    if _stamp(path) != stamp:
        raise InputError(
            "the file changed while it was being linted",
            file=path,
            hint="lint it again once nothing writes to it",
        )


def xml_shard_segments(shard: XmlShard) -> Iterator[Segment]:
    """The segments of one XML shard, exactly as the whole-file reader gives them."""
    with open(shard.path, "rb") as handle:
        _check_stamp(shard.path, shard.stamp)
        document = _document(shard, handle, shard.end, shard.closing)
    units = _units(
        shard.format, document, shard.path, shard.source_lang, shard.target_lang, shard.first, shard.index
    )
    count = 0
    for unit in units:
        count += 1
        yield from unit.segments
    if count != shard.stop - shard.first:
        raise _changed(shard.path, f"units {shard.first + 1}-{shard.stop} read {count}")


def _entry_number(segment: Segment) -> str:
    return segment.unit.partition("[")[0]


def _plan_po(path: str, src: str, tgt: str | None, step: int, stamp: tuple[int, int]) -> Iterator[PoShard]:
    """PO shards (raises NotCanonical when the file is not the fast path's all through)."""
    if _msgid_lines(path) <= step + 1:  # the header and at most one shard of entries: not read here
        return
    starts = po_stream.entry_offsets(path)
    if next(starts, None) is None:  # the header
        return
    # (number, byte offset, line, index, reference segments) of every step-th entry
    bounds: list[tuple[int, int, int, int, tuple[Segment, ...]]] = []
    ends: dict[int, int] = {}  # boundary number → byte offset of the entry after it
    index = number = 0
    target: str | None = None
    entries = groupby(po_stream.read_segments(path, src, tgt), key=_entry_number)
    for entry, start in zip_longest(entries, starts):
        if entry is None or start is None:
            raise po_stream.NotCanonical("entry count")
        number += 1
        segments = tuple(entry[1])
        target = segments[0].target_lang
        if number - 1 in ends:
            ends[number - 1] = start[0]
        if (number - 1) % step == 0:
            bounds.append((number, start[0], start[1], index, segments))
            ends[number] = -1
        index += len(segments)
    if len(bounds) < 2:
        return
    plural_forms = po_stream.header_plural_forms(path)
    with open(path, "rb") as handle:
        for k, (first, offset, line, at, expected) in enumerate(bounds):
            nxt = bounds[k + 1] if k + 1 < len(bounds) else None
            if ends[first] >= 0:  # the boundary entry read alone must give what the whole file gave
                handle.seek(offset)
                text = handle.read(ends[first] - offset).decode("utf-8")
                got = tuple(
                    islice(
                        po_stream.text_segments(text, line, first, at, path, src, target, plural_forms),
                        len(expected) + 1,
                    )
                )
                if got != expected:
                    raise po_stream.NotCanonical("entry read alone differs")
            yield PoShard(
                path,
                first,
                nxt[0] if nxt else number + 1,
                at,
                offset,
                nxt[1] if nxt else None,
                line,
                src,
                target,
                stamp,
                plural_forms,
            )


def _msgid_lines(path: str) -> int:
    """Lines starting with ``msgid `` (a bound on the entries, the header included), by bytes."""
    count = 0
    tail = b"\n"
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            data = tail + chunk
            count += data.count(b"\nmsgid ")
            tail = data[-6:]
    return count


def po_shard_segments(shard: PoShard) -> Iterator[Segment]:
    """The segments of one PO shard, exactly as ``read_po`` gives them for the whole file."""
    with open(shard.path, "rb") as handle:
        _check_stamp(shard.path, shard.stamp)
        handle.seek(shard.start)
        raw = handle.read() if shard.end is None else handle.read(shard.end - shard.start)
    last = shard.first - 1
    try:
        text = raw.decode("utf-8")
        for segment in po_stream.text_segments(
            text,
            shard.line,
            shard.first,
            shard.index,
            shard.path,
            shard.source_lang,
            shard.target_lang,
            shard.plural_forms,
        ):
            last = int(_entry_number(segment))
            yield segment
    except (UnicodeDecodeError, po_stream.NotCanonical) as exc:  # not expected: the planner read it all
        raise _changed(shard.path, f"entries {shard.first}-{shard.stop - 1} no longer read ({exc})") from None
    if last != shard.stop - 1:
        raise _changed(shard.path, f"entries {shard.first}-{shard.stop - 1} read {last - shard.first + 1}")


def _changed(path: str, what: str) -> InputError:
    return InputError(
        f"shard of {what}", file=path, hint="the file changed while it was being linted? lint it again"
    )


def unit_shard_segments(shard: UnitShard) -> Iterator[Segment]:
    if isinstance(shard, PoShard):
        return po_shard_segments(shard)
    return xml_shard_segments(shard)
