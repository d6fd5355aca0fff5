"""Streaming TMX 1.4b writer (``etree.xmlfile``, written atomically).

* header: ``srclang``, ``segtype``, ``o-tmf``, ``adminlang``, ``datatype``,
  ``creationtool="mustalah"``, ``creationtoolversion``; ``xml:lang`` on every
  ``tuv``; the Arabic tag is ``ar`` unless the caller asks for a regional tag
  (``ar-SA`` for Trados TMs).  Segment languages are replaced by the requested
  tags so one TMX never mixes ``ar`` and ``ar-SA``.
* ``tuid``: by default the segment's ``unit`` (the input's own tuid / unit id /
  line number), prefixed with the input file's name when several inputs are
  merged (:func:`prefixed_tuid`) — stable across runs because it is derived from
  the input alone; :func:`content_tuid` (hash of file name, unit, source and
  target) is available when units are not unique.
* inline codes go back as ``bpt/ept/ph/it/hi/ut`` (XLIFF codes are mapped: paired
  ``g``/``pc`` → ``bpt``/``ept``, ``x``/``ph`` → ``ph``, ``bx``/``sc`` →
  ``it pos="begin"``, ``ex``/``ec`` → ``it pos="end"``, ``mrk`` → ``hi``);
* ``notes`` → ``<note>``, ``props`` → ``<prop type>``; alternative ``tuv`` kept by the
  reader (``x-mustalah-tuv:<lang>`` props) become ``tuv`` elements again.
* ``seg`` text is written exactly as read — never padded or pretty-printed (OmegaT
  matches byte-exact text).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
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


def unit_tuid(segment: Segment) -> str:
    return segment.unit


def prefixed_tuid(segment: Segment) -> str:
    return f"{Path(segment.file).name}#{segment.unit}"


def content_tuid(segment: Segment) -> str:
    key = "\x1f".join((Path(segment.file).name, segment.unit, segment.source, segment.target or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def tmx_mapping() -> Callable[[InlineCode], Instruction]:
    """A fresh code → TMX element mapping (holds the ``i`` numbering of one seg)."""
    pair_ids: dict[str, str] = {}

    def pair(code_id: str | None) -> str:
        key = code_id or str(len(pair_ids) + 1)
        return pair_ids.setdefault(key, key if key.isdigit() else str(len(pair_ids) + 1))

    def mapping(code: InlineCode) -> Instruction:
        kind, cid = code.kind, code.id
        x = {"x": cid} if cid and cid.isdigit() else {}
        if kind in ("bpt", "g", "pc"):
            return Leaf("bpt", {"i": pair(cid), **x}, code.content)
        if kind in ("ept", "/g", "/pc"):
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
    fill(seg, text, codes, tmx_mapping())
    return tuv


def tu_element(segment: Segment, header: TmxHeader, tuid: str) -> etree._Element:
    tu = etree.Element("tu", {"tuid": tuid})
    for key, value in segment.props:
        if not key.startswith(ALT_TUV_PROP):
            etree.SubElement(tu, "prop", {"type": key}).text = value
    for note in segment.notes:
        etree.SubElement(tu, "note").text = note
    tu.append(_tuv(header.source_lang, segment.source, segment.source_codes))
    if segment.target is not None:
        tu.append(_tuv(header.target_lang, segment.target, segment.target_codes))
    for key, value in segment.props:
        if key.startswith(ALT_TUV_PROP):
            tu.append(_tuv(key[len(ALT_TUV_PROP) :], value, ()))
    return tu


def write_tmx(
    segments: Iterable[Segment],
    output: str | os.PathLike[str],
    header: TmxHeader | None = None,
    tuid: TuidFunc = unit_tuid,
) -> int:
    """Write ``segments`` to ``output``; return the number of ``tu`` written."""
    head = header or TmxHeader()
    count = 0
    with atomic_binary(output) as raw, etree.xmlfile(raw, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("tmx", {"version": "1.4"}):
            xf.write("\n")
            xf.write(
                etree.Element(
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
            )
            xf.write("\n")
            with xf.element("body"):
                xf.write("\n")
                for segment in segments:
                    xf.write(tu_element(segment, head, tuid(segment)))
                    xf.write("\n")
                    count += 1
            xf.write("\n")
    return count
