"""Streaming XLIFF 2.0 / 2.1 / 2.2 reader.

One :class:`Segment` per ``<segment>`` (``<ignorable>`` is inter-segment whitespace
and is skipped).  ``unit`` is the ``unit@id`` when the unit has one segment, else
``<unit id>/<segment id>`` (``<unit id>/s<k>`` with the 1-based position when the
segment has no id) — e.g. ``u1`` or ``u1/s2``.

* languages: ``xliff@srcLang`` / ``@trgLang`` (``xml:lang`` on source/target must
  agree per the spec; it wins when present);
* inline codes: ``ph pc sc ec mrk sm em`` (see :mod:`.inline`); native code text
  comes from ``unit/originalData/data`` through ``dataRef``; ``cp`` is decoded;
* ``state``: ``segment@state`` (``initial`` when absent, as the spec says — only
  when a target exists, else ``None``); ``subState`` goes to ``props``;
* ``notes``: the unit's ``notes/note`` texts; ``translate="no"`` on the unit is
  marked as ``("translate", "no")`` in ``props``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from lxml import etree

from ..errors import InputError
from ..model import Segment
from ..xmlsafe import XmlSource, iterparse_safe, qname, require_root
from .inline import XLIFF2_RULES, flatten
from .units import ReadUnit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACES = ("urn:oasis:names:tc:xliff:document:2.0", "urn:oasis:names:tc:xliff:document:2.2")


def _local(element: etree._Element) -> str:
    return qname(element).localname


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if _local(c) == name]


def read_xliff2(
    path: str | os.PathLike[str],
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Iterator[Segment]:
    name = os.fspath(path)
    hint = "XLIFF 1.2 files are read by the XLIFF 1.2 reader; let the format be detected"
    require_root(path, "xliff", NAMESPACES, "an XLIFF 2 file", hint)
    for unit in xliff2_units(path, name, source_lang, target_lang):
        yield from unit.segments


def xliff2_units(
    source: XmlSource,
    name: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    index: int = 0,
) -> Iterator[ReadUnit]:
    """The reader's loop, one :class:`ReadUnit` per ``unit`` (context: the document's languages).

    ``index``: how many segments come before ``source`` in the file it was cut from.
    """
    src, tgt = source_lang or "und", target_lang
    for event, element in iterparse_safe(
        source, events=("start", "end"), tag=("{*}xliff", "{*}unit"), name=name
    ):
        if _local(element) == "xliff":
            if event == "start":
                src = element.get("srcLang") or src
                tgt = element.get("trgLang") or tgt
            continue
        if event != "end":
            continue
        segments = _unit_segments(element, name, index, src, tgt)
        index += len(segments)
        line = element.sourceline
        element.clear(keep_tail=True)
        # Drop the cleared units already read (memory stays flat however many units a file holds).
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
        yield ReadUnit(line, tuple(segments), (src, tgt))


def _unit_segments(unit: etree._Element, name: str, index: int, src: str, tgt: str | None) -> list[Segment]:
    unit_id = unit.get("id")
    if not unit_id:
        raise InputError(
            "<unit> without the required id",
            file=name,
            line=unit.sourceline,
            hint='give every <unit> an id="…" unique in its <file>',
        )
    data: dict[str, str] = {}
    for original in _children(unit, "originalData"):
        for item in _children(original, "data"):
            data[item.get("id", "")] = "".join(item.itertext())
    notes = tuple(n.text or "" for block in _children(unit, "notes") for n in _children(block, "note"))
    base_props: list[tuple[str, str]] = []
    if unit.get("translate") == "no":
        base_props.append(("translate", "no"))
    segments = _children(unit, "segment")
    out: list[Segment] = []
    for k, seg in enumerate(segments):
        source = next(iter(_children(seg, "source")), None)
        if source is None:
            raise InputError(
                "<segment> without <source>",
                file=name,
                line=seg.sourceline,
                unit=unit_id,
                hint="every segment needs a <source>",
            )
        target = next(iter(_children(seg, "target")), None)
        text, codes = flatten(source, XLIFF2_RULES, data)
        ttext, tcodes = flatten(target, XLIFF2_RULES, data) if target is not None else (None, ())
        props = list(base_props)
        if seg.get("subState"):
            props.append(("subState", seg.get("subState", "")))
        unit_name = unit_id if len(segments) == 1 else f"{unit_id}/{seg.get('id') or f's{k + 1}'}"
        out.append(
            Segment(
                file=name,
                unit=unit_name,
                index=index + k,
                source=text,
                target=ttext,
                source_lang=source.get(XML_LANG) or src,
                target_lang=(target.get(XML_LANG) if target is not None else None) or tgt,
                notes=notes,
                line=seg.sourceline,
                target_line=target.sourceline if target is not None else None,
                source_codes=codes,
                target_codes=tcodes,
                state=(seg.get("state") or "initial") if target is not None else seg.get("state"),
                props=tuple(props),
            )
        )
    return out
