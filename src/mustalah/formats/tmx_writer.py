"""Streaming TMX 1.4b writer (``etree.xmlfile``, written atomically).

* header: ``srclang``, ``segtype``, ``o-tmf``, ``adminlang``, ``datatype``,
  ``creationtool="mustalah"``, ``creationtoolversion``; ``xml:lang`` on every
  ``tuv``; the Arabic tag is ``ar`` unless the caller asks for a regional tag
  (``ar-SA`` for Trados TMs).  By default segment languages are replaced by the
  requested tags so one TMX never mixes ``ar`` and ``ar-SA``; with
  ``TmxHeader(own_langs=True)`` (what ``mustalah export tmx`` uses) every ``tuv`` keeps its
  segment's own tag — an en-US → nl-NL file stays en-US → nl-NL (see :mod:`.tm_policy`).
* ``tuid``: by default the segment's ``unit`` (the input's own tuid / unit id /
  line number), prefixed with the input file's name when several inputs are
  merged (:func:`prefixed_tuid`) — stable across runs because it is derived from
  the input alone; :func:`content_tuid` (hash of file name, unit, source and
  target) is available when units are not unique.
* inline codes go back as ``bpt/ept/ph/it/hi/ut`` (XLIFF codes are mapped: paired
  ``g``/``pc`` → ``bpt``/``ept``, ``x``/``ph`` → ``ph``, ``bx``/``sc`` →
  ``it pos="begin"``, ``ex``/``ec`` → ``it pos="end"``, ``mrk`` → ``hi``); every ``ept`` has
  its ``bpt`` in the same ``seg`` (:func:`_pairs`), a begin or end without one is an ``it``;
* ``notes`` → ``<note>``, ``props`` → ``<prop type>``; alternative ``tuv`` kept by the
  reader (``x-mustalah-tuv:<lang>`` props) become ``tuv`` elements again.
* ``seg`` text is written exactly as read — never padded or pretty-printed (OmegaT
  matches byte-exact text).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .. import __version__
from ..fileio import atomic_binary
from ..model import InlineCode, Segment
from .inline_write import Close, Instruction, Leaf, Open, fill
from .tmx import ALT_TUV_PROP, XML_LANG

TuidFunc = Callable[[Segment], str]


@dataclass(frozen=True, slots=True)
class TmxHeader:
    source_lang: str = "en"
    target_lang: str = "ar"
    segtype: str = "paragraph"
    datatype: str = "plaintext"
    o_tmf: str = "mustalah"
    adminlang: str = "en"
    #: Write each segment's own ``source_lang`` / ``target_lang`` on its ``tuv`` (not the header's).
    own_langs: bool = False

    def tags(self, segment: Segment) -> tuple[str, str]:
        if not self.own_langs:
            return self.source_lang, self.target_lang
        return segment.source_lang or self.source_lang, segment.target_lang or self.target_lang


def unit_tuid(segment: Segment) -> str:
    return segment.unit


def prefixed_tuid(segment: Segment) -> str:
    return f"{Path(segment.file).name}#{segment.unit}"


def content_tuid(segment: Segment) -> str:
    key = "\x1f".join((Path(segment.file).name, segment.unit, segment.source, segment.target or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


_BEGINS = ("bpt", "g", "pc")
_ENDS = ("ept", "/g", "/pc")


def _pairs(codes: Sequence[InlineCode]) -> dict[int, str | None]:
    """The begin/end codes of one seg that pair up: ``id()`` of each → the id its pair is written
    under (the begin's); a begin or end missing here has no partner in the seg.

    An end closes the open begin of its own id, else the innermost open one: memoQ 8 numbers
    ``bpt`` and ``ept`` alike in document order (``<bpt id="1">`` … ``<ept id="2">``) and pairs
    them by ``rid``, which it does not keep consistent in an edited target.
    """
    pairs: dict[int, str | None] = {}
    open_: list[InlineCode] = []
    for code in sorted(codes, key=lambda c: c.offset):  # the order fill() places them in
        if code.kind in _BEGINS:
            open_.append(code)
        elif code.kind in _ENDS and open_:
            begin = next((c for c in reversed(open_) if c.id == code.id), open_[-1])
            open_.remove(begin)
            pairs[id(begin)] = pairs[id(code)] = begin.id
    return pairs


def tmx_mapping(codes: Sequence[InlineCode] | None = None) -> Callable[[InlineCode], Instruction]:
    """A fresh code → TMX element mapping (holds the ``i`` numbering of one seg).

    ``codes``: the seg's codes, to pair begins and ends (:func:`_pairs`); without them a begin
    and an end pair by their own ids.
    """
    pair_ids: dict[str, str] = {}
    pairs = _pairs(codes) if codes is not None else None

    def pair(code_id: str | None) -> str:
        key = code_id or str(len(pair_ids) + 1)
        return pair_ids.setdefault(key, key if key.isdigit() else str(len(pair_ids) + 1))

    def mapping(code: InlineCode) -> Instruction:
        kind, cid = code.kind, code.id
        x = {"x": cid} if cid and cid.isdigit() else {}
        if kind in _BEGINS + _ENDS and pairs is not None:
            if id(code) not in pairs:
                return Leaf("it", {"pos": "begin" if kind in _BEGINS else "end", **x}, code.content)
            cid = pairs[id(code)]
        if kind in _BEGINS:
            return Leaf("bpt", {"i": pair(cid), **x}, code.content)
        if kind in _ENDS:
            return Leaf("ept", {"i": pair(cid)}, code.content)
        if kind in ("it:begin", "bx", "sc"):
            return Leaf("it", {"pos": "begin", **x}, code.content)
        if kind in ("it:end", "ex", "ec"):
            return Leaf("it", {"pos": "end", **x}, code.content)
        if kind == "ut":
            return Leaf("ut", {}, code.content)
        if kind in ("hi", "mrk"):
            return Open("hi", x)
        if kind in ("/hi", "/mrk"):
            return Close("hi")
        if kind in ("sm", "em"):
            return None
        return Leaf("ph", x, code.content)

    return mapping


def _tuv(lang: str, text: str, codes: tuple[InlineCode, ...]) -> etree._Element:
    tuv = etree.Element("tuv", {XML_LANG: lang})
    seg = etree.SubElement(tuv, "seg")
    fill(seg, text, codes, tmx_mapping(codes))
    return tuv


def tu_element(segment: Segment, header: TmxHeader, tuid: str) -> etree._Element:
    tu = etree.Element("tu", {"tuid": tuid})
    for key, value in segment.props:
        if not key.startswith(ALT_TUV_PROP):
            etree.SubElement(tu, "prop", {"type": key}).text = value
    for note in segment.notes:
        etree.SubElement(tu, "note").text = note
    source_tag, target_tag = header.tags(segment)
    tu.append(_tuv(source_tag, segment.source, segment.source_codes))
    if segment.target is not None:
        tu.append(_tuv(target_tag, segment.target, segment.target_codes))
    for key, value in segment.props:
        if key.startswith(ALT_TUV_PROP):
            tu.append(_tuv(key[len(ALT_TUV_PROP) :], value, ()))
    return tu


#: Characters the fast serializer leaves to lxml: everything lxml refuses (C0 controls but tab,
#: newline and CR; surrogates; U+FFFE/U+FFFF) and, to be safe, DEL and the C1 controls.  A unit
#: holding one of them is built as an element, so lxml raises (or writes) exactly as it always did.
_LEAVE_TO_LXML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BATCH = 512


def _text(value: str) -> str:
    """Escape character data exactly as libxml2 serializes it (``&``, ``<``, ``>``, CR)."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


def _attr(value: str) -> str:
    """Escape a double-quoted attribute value exactly as libxml2 serializes it."""
    value = _text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    return value


def _tuv_start(lang: str) -> str:
    """``<tuv xml:lang="…">`` as lxml serializes it."""
    return str(etree.tostring(etree.Element("tuv", {XML_LANG: lang}), encoding="unicode"))[:-2] + ">"


def _seg(text: str) -> str:
    return f"<seg>{_text(text)}</seg></tuv>" if text else "<seg/></tuv>"


def _fast_tu(segment: Segment, tuid: str, source_tuv: str, target_tuv: str) -> str | None:
    """The serialized ``tu`` of a segment without inline codes, or ``None`` to let lxml build it.

    Why not always an lxml element: building ~8 elements per unit and serializing them was most
    of the export time.  This writes the same bytes ``etree.xmlfile`` wrote (checked against
    it on the bench corpus and the conformance files); units with inline codes, or with
    characters lxml refuses, still go through :func:`tu_element`.
    """
    if segment.source_codes or segment.target_codes:
        return None
    parts = ['<tu tuid="', _attr(tuid), '">']
    alternatives = False
    for key, value in segment.props:
        if key.startswith(ALT_TUV_PROP):
            alternatives = True
        else:
            parts += ('<prop type="', _attr(key), '">', _text(value), "</prop>")
    for note in segment.notes:
        parts += ("<note>", _text(note), "</note>")
    parts += (source_tuv, _seg(segment.source))
    if segment.target is not None:
        parts += (target_tuv, _seg(segment.target))
    if alternatives:
        for key, value in segment.props:
            if key.startswith(ALT_TUV_PROP):
                parts += ('<tuv xml:lang="', _attr(key[len(ALT_TUV_PROP) :]), '">', _seg(value))
    parts.append("</tu>\n")
    out = "".join(parts)
    return None if _LEAVE_TO_LXML.search(out) else out


def write_tmx(
    segments: Iterable[Segment],
    output: str | os.PathLike[str],
    header: TmxHeader | None = None,
    tuid: TuidFunc = unit_tuid,
) -> int:
    """Write ``segments`` to ``output``; return the number of ``tu`` written.

    The skeleton and the units are written as text in batches (see :func:`_fast_tu`); the
    bytes are those ``etree.xmlfile`` produced: declaration, ``<tmx>``, the header element,
    then one ``tu`` per line.
    """
    head = header or TmxHeader()
    count = 0
    with atomic_binary(output) as raw:
        raw.write(b"<?xml version='1.0' encoding='utf-8'?>\n<tmx version=\"1.4\">\n")
        header_element = etree.Element(
            "header",
            {
                "creationtool": "mustalah",
                "creationtoolversion": __version__,
                "segtype": head.segtype,
                "o-tmf": head.o_tmf,
                "adminlang": head.adminlang,
                "srclang": head.source_lang,
                "datatype": head.datatype,
            },
        )
        raw.write(etree.tostring(header_element, encoding="utf-8"))
        raw.write(b"\n<body>\n")
        starts: dict[tuple[str, str], tuple[str, str]] = {}
        batch: list[str] = []
        for segment in segments:
            pair = head.tags(segment)
            tuv_tags = starts.get(pair)
            if tuv_tags is None:  # built by lxml (at the first unit, as before) so tags are checked alike
                tuv_tags = starts[pair] = (_tuv_start(pair[0]), _tuv_start(pair[1]))
            unit_id = tuid(segment)
            text = _fast_tu(segment, unit_id, *tuv_tags)
            if text is None:
                text = etree.tostring(tu_element(segment, head, unit_id), encoding="unicode") + "\n"
            batch.append(text)
            count += 1
            if len(batch) >= _BATCH:
                raw.write("".join(batch).encode("utf-8"))
                batch.clear()
        raw.write("".join(batch).encode("utf-8"))
        raw.write(b"</body>\n</tmx>")
    return count
