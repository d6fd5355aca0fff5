"""Streaming TMX 1.1–1.4b reader.

Constant memory: ``iterparse`` on ``header``/``tu`` end events, each ``tu`` cleared
and dropped once read.  Decoding is libxml2's (BOM, declaration: UTF-8 with or
without BOM, UTF-16 LE/BE with BOM, us-ascii + character references, Windows-1256
when declared).

Choices (documented because TMX leaves them open):

* **Source language**: the caller's ``source_lang``, else the ``tu``'s own
  ``srclang``, else the header's (unless ``*all*``), else the first ``tuv``.
  Tags compare case-insensitively with a primary-subtag fallback (``eN-uS`` ~
  ``en-us``, ``ar`` ~ ``ar-SA``).  A ``tu`` without a source ``tuv`` is skipped
  and counted in a warning on the ``mustalah.formats`` logger.
* **Target**: the first ``tuv`` of ``target_lang`` (when given), else the first
  ``tuv`` in another language.  ``target`` is ``None`` when there is none.
* **Several tuv per language / extra languages**: the first one wins; every other
  ``tuv`` is kept as a prop ``("x-mustalah-tuv:<lang>", text)`` so a TMX written
  back from the segments (:mod:`.tmx_writer`) still holds every language.
* ``props``: ``tu`` then ``tuv`` ``<prop type>`` values in document order;
  ``notes``: ``tu`` then ``tuv`` ``<note>`` texts.
* ``unit`` = ``tuid``, else the 1-based index of the ``tu``; ``line`` = the ``tu``'s
  line, ``target_line`` = the target ``tuv``'s line; ``index`` = 0-based position
  among the segments yielded.
* Semantic check the DTD cannot make: ``bpt``/``ept`` must pair up by ``i`` inside
  each ``seg`` (an ``ept`` before its ``bpt``, a duplicate open ``i`` or an unclosed
  ``bpt`` is refused with the file, line and unit).  Isolated codes use ``it``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..errors import InputError
from ..model import InlineCode, Segment
from ..xmlsafe import XmlSource, iterparse_safe, sniff_root
from . import lang as langtags
from .inline import TMX_RULES, flatten
from .units import ReadUnit

log = logging.getLogger("mustalah.formats")

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ALT_TUV_PROP = "x-mustalah-tuv:"


@dataclass(frozen=True, slots=True)
class _Tuv:
    lang: str
    text: str
    codes: tuple[InlineCode, ...]
    line: int | None


def read_tmx(
    path: str | os.PathLike[str],
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Iterator[Segment]:
    """Yield one :class:`Segment` per ``tu`` (see the module docstring for the rules)."""
    name = os.fspath(path)
    _namespace, root = sniff_root(path)
    if root != "tmx":
        raise InputError(
            f"not a TMX file: the root element is <{root}>, not <tmx>",
            file=name,
            hint="give a TMX file, or let the format be detected from the content",
        )
    skipped = 0
    for unit in tmx_units(path, name, source_lang, target_lang):
        if unit.segments:
            yield unit.segments[0]
        else:
            skipped += 1
    if skipped:
        log.warning("%s: %d translation unit(s) without a source-language tuv were skipped", name, skipped)


def tmx_units(
    source: XmlSource,
    name: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    position: int = 0,
    index: int = 0,
) -> Iterator[ReadUnit]:
    """The reader's loop, one :class:`ReadUnit` per ``tu`` (a skipped ``tu`` has no segments).

    ``position`` / ``index``: how many ``tu`` / segments come before ``source`` in the file it
    was cut from (lint.unitshards reads a unit range of a large file as a document of its own).
    """
    header_src: str | None = None
    for _event, element in iterparse_safe(source, tag=("header", "tu"), name=name):
        if element.tag == "header":
            value = element.get("srclang")
            header_src = None if value in (None, "", "*all*") else value
            element.clear(keep_tail=True)
            continue
        position += 1
        segment = _segment(
            element, name, position, index, source_lang or element.get("srclang") or header_src, target_lang
        )
        line = element.sourceline
        element.clear(keep_tail=True)
        # Drop the cleared siblings already read so memory stays flat (the parent is <body>).
        previous = element.getprevious()
        if previous is not None:
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
        if segment is None:
            yield ReadUnit(line, (), (header_src,))
            continue
        index += 1
        yield ReadUnit(line, (segment,), (header_src,))


def _tuv_value(
    tuv: etree._Element, name: str, unit: str, notes: list[str], props: list[tuple[str, str]]
) -> _Tuv:
    """One ``tuv``: its language, flattened ``seg`` and line; its notes/props are appended.

    One pass over the children (not ``find`` + two ``iterchildren``): this runs for every tuv
    of a 100k-unit TM, and a seg without inline children (the common case) skips
    :func:`flatten` entirely.
    """
    tag = tuv.get(XML_LANG) or tuv.get("lang")
    if not tag:
        raise InputError(
            "<tuv> without xml:lang",
            file=name,
            line=tuv.sourceline,
            unit=unit,
            hint='add xml:lang="en" (or the right language) to every <tuv>',
        )
    seg: etree._Element | None = None
    for child in tuv:
        kind = child.tag
        if kind == "seg":
            if seg is None:
                seg = child
        elif kind == "note":
            notes.append(child.text or "")
        elif kind == "prop":
            props.append((child.get("type", ""), child.text or ""))
    if seg is None:
        return _Tuv(tag, "", (), tuv.sourceline)
    if not len(seg):
        return _Tuv(tag, seg.text or "", (), tuv.sourceline)
    text, codes = flatten(seg, TMX_RULES)
    _check_pairs(codes, name, seg.sourceline, unit)
    return _Tuv(tag, text, codes, tuv.sourceline)


def _segment(
    tu: etree._Element,
    name: str,
    position: int,
    index: int,
    source_lang: str | None,
    target_lang: str | None,
) -> Segment | None:
    unit = tu.get("tuid") or str(position)
    notes: list[str] = []
    props: list[tuple[str, str]] = []
    tuv_elements: list[etree._Element] = []
    for child in tu:
        kind = child.tag
        if kind == "tuv":
            tuv_elements.append(child)
        elif kind == "note":
            notes.append(child.text or "")
        elif kind == "prop":
            props.append((child.get("type", ""), child.text or ""))
    # tu-level notes/props come first, then each tuv's in document order.
    tuvs = [_tuv_value(tuv, name, unit, notes, props) for tuv in tuv_elements]
    if not tuvs:
        return None
    tags = [t.lang for t in tuvs]
    if not source_lang or tags[0] == source_lang:
        src_i: int | None = 0  # exact match of the first tag: what pick() would return
    else:
        src_i = langtags.pick(source_lang, tags)
    if src_i is None:
        return None
    src = tuvs[src_i]
    others = [i for i in range(len(tuvs)) if i != src_i]
    if target_lang:
        pick = langtags.pick(target_lang, [tags[i] for i in others])
    else:
        pick = next((k for k, i in enumerate(others) if not langtags.same(tags[i], src.lang)), None)
    tgt = tuvs[others[pick]] if pick is not None else None
    if len(tuvs) > 2 or (len(tuvs) == 2 and tgt is None):
        for i, tuv_value in enumerate(tuvs):
            if i != src_i and tuv_value is not tgt:
                props.append((ALT_TUV_PROP + tuv_value.lang, tuv_value.text))
    return Segment(  # positional (field order of Segment): this runs once per tu
        name,
        unit,
        index,
        src.text,
        tgt.text if tgt else None,
        src.lang,
        tgt.lang if tgt else target_lang,
        tuple(notes),
        tu.sourceline,
        tgt.line if tgt else None,
        src.codes,
        tgt.codes if tgt else (),
        None,
        None,
        tuple(props),
    )


def _check_pairs(codes: tuple[InlineCode, ...], name: str, line: int | None, unit: str) -> None:
    """bpt/ept must pair up by ``i`` inside one seg (the DTD cannot check this)."""
    open_ids: set[str] = set()
    for code in codes:
        if code.kind not in ("bpt", "ept"):
            continue
        if code.id is None:
            problem = f"<{code.kind}> without the required i attribute"
        elif code.kind == "bpt" and code.id in open_ids:
            problem = f'duplicate <bpt i="{code.id}"> while an earlier one is still open'
        elif code.kind == "ept" and code.id not in open_ids:
            problem = f'<ept i="{code.id}"> without a preceding <bpt i="{code.id}">'
        else:
            (open_ids.add if code.kind == "bpt" else open_ids.discard)(code.id)
            continue
        raise InputError(
            f"invalid inline codes: {problem}",
            file=name,
            line=line,
            unit=unit,
            hint='pair every <bpt i="N"> with an <ept i="N"> in the same <seg>; '
            'use <it pos="begin|end"> for a code whose partner is outside the segment',
        )
    if open_ids:
        first = sorted(open_ids)[0]
        raise InputError(
            f'invalid inline codes: <bpt i="{first}"> is never closed by an <ept>',
            file=name,
            line=line,
            unit=unit,
            hint='add the matching <ept>, or use <it pos="begin"> for an isolated code',
        )
