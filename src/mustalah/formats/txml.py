"""Streaming Wordfast Pro TXML reader.

A TXML file (``<txml locale="EN" targetlocale="FR">``) holds the document's text as
``<translatable blockId>`` blocks of ``<segment segmentId>`` with a ``<source>`` and, once
translated, a ``<target>``; ``<ws>`` is the whitespace between segments and ``<skeleton>``
the rest of the document (neither is text to translate).  Inline formatting is ``<ut x="N">``
(native code in its text), read as TMX-style ``ut`` codes.

* ``unit`` = ``<blockId>/<segmentId>`` when the block holds several segments, else the blockId;
* languages: ``txml@locale`` / ``@targetlocale`` (Wordfast writes ``EN``, ``FR``; kept as written),
  else the caller's;
* ``state``: ``None`` — a ``modified="true"`` / ``gtmt="true"`` (machine translation) /
  ``unconfirmed="true"`` flag is kept in ``props``; ``target@score`` too (``("score", "0")``);
* a segment without ``<target>`` has ``target=None`` only when the whole file has no
  ``targetlocale``; in a bilingual file it is an untranslated segment: ``target=""``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from lxml import etree

from ..errors import InputError
from ..model import Segment
from ..xmlsafe import XmlSource, iterparse_safe, qname, require_root
from .inline import InlineRules, flatten
from .units import ReadUnit

TXML_RULES = InlineRules(codes=frozenset({"ut", "ph"}), wrappers=frozenset(), id_attrs=("x", "id"))
_FLAGS = ("modified", "gtmt", "unconfirmed")


def read_txml(
    path: str | os.PathLike[str],
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Iterator[Segment]:
    name = os.fspath(path)
    require_root(path, "txml", (None,), "a Wordfast TXML file", "give a .txml file Wordfast Pro wrote")
    for unit in txml_units(path, name, source_lang, target_lang):
        yield from unit.segments


def txml_units(
    source: XmlSource,
    name: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    index: int = 0,
) -> Iterator[ReadUnit]:
    """One :class:`ReadUnit` per ``translatable`` block (context: the file's languages)."""
    src, tgt = source_lang, target_lang
    for event, element in iterparse_safe(
        source, events=("start", "end"), tag=("txml", "translatable"), name=name
    ):
        if qname(element).localname == "txml":
            if event == "start":
                src = element.get("locale") or source_lang
                tgt = element.get("targetlocale") or target_lang
            continue
        if event != "end":
            continue
        segments = _block(element, name, index, src or "und", tgt)
        index += len(segments)
        line = element.sourceline
        element.clear(keep_tail=True)
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
        yield ReadUnit(line, tuple(segments), (src, tgt))


def _block(block: etree._Element, name: str, index: int, src: str, tgt: str | None) -> list[Segment]:
    block_id = block.get("blockId") or str(index + 1)
    segments = [c for c in block if isinstance(c.tag, str) and qname(c).localname == "segment"]
    out: list[Segment] = []
    for k, seg in enumerate(segments):
        seg_id = seg.get("segmentId") or str(k + 1)
        source = target = None
        for child in seg:
            if not isinstance(child.tag, str):
                continue
            local = qname(child).localname
            if local == "source" and source is None:
                source = child
            elif local == "target" and target is None:
                target = child
        unit = f"{block_id}/{seg_id}" if len(segments) > 1 else block_id
        if source is None:
            raise InputError(
                "<segment> without <source>",
                file=name,
                line=seg.sourceline,
                unit=unit,
                hint="every TXML segment needs a <source>",
            )
        text, codes = flatten(source, TXML_RULES)
        ttext: str | None
        if target is not None:
            ttext, tcodes = flatten(target, TXML_RULES)
        else:
            ttext, tcodes = ("" if tgt else None), ()
        props = tuple((flag, "true") for flag in _FLAGS if seg.get(flag) == "true")
        if target is not None and target.get("score") is not None:
            props += (("score", target.get("score", "")),)
        out.append(
            Segment(
                file=name,
                unit=unit,
                index=index + k,
                source=text,
                target=ttext,
                source_lang=src,
                target_lang=tgt,
                line=seg.sourceline,
                target_line=target.sourceline if target is not None else None,
                source_codes=codes,
                target_codes=tcodes,
                props=props,
            )
        )
    return out
