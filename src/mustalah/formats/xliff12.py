"""Streaming XLIFF 1.2 reader (also the 1.1 and 1.0 namespaces translate-toolkit writes).

One :class:`Segment` per ``trans-unit``, or — when the unit carries a
``seg-source`` with ``<mrk mtype="seg">`` (SDL Trados SDLXLIFF, memoQ) — one per
``mrk``, paired with the target ``mrk`` of the same ``mid``; ``unit`` is then
``<trans-unit id>/<mid>`` if the unit holds more than one segment, else the unit id.

* languages: ``xml:lang`` on ``source``/``target``, else ``file@source-language`` /
  ``file@target-language``, else the caller's ``source_lang``/``target_lang``;
* ``state``: ``target@state``; SDLXLIFF ``sdl:seg@conf`` is mapped to a 1.2 state
  (``Translated`` → ``translated``, ``ApprovedSignOff`` → ``signed-off`` …) and kept
  raw in ``props`` as ``("sdl:conf", …)``; ``approved="yes"`` is
  kept in ``props`` as ``("approved", "yes")``;
* ``translate="no"`` units are **marked**, not dropped: ``props`` holds
  ``("translate", "no")`` so a linter can skip them and a round trip keeps them; a locked
  Trados segment (``sdl:seg locked="true"``) or memoQ unit (``mq:locked="locked"``) holds
  ``("locked", "true")``;
* memoQ ``mq:status`` is kept raw in ``props`` and mapped to a 1.2 state (``NotStarted`` →
  ``new``, ``PartiallyEdited`` → ``needs-translation``, ``ManuallyConfirmed`` → ``translated``,
  ``Proofread`` / ``Reviewer1Confirmed`` → ``reviewed``, ``Reviewer2Confirmed`` → ``final``);
* ``notes``: the unit's ``<note>`` texts (an empty ``<note/>``, as memoQ writes, is none), then
  its memoQ comments (``mq:comments/mq:comment``, not ``deleted="true"``: what a memoQ user types
  as a row's comment, so a ``mustalah: ignore`` typed there works); ``context``: ``resname``;
* memoQ and Trados annotations inside a target (a comment's range, tracked changes) are not
  codes, and tracked deletions are not text (:func:`~mustalah.formats.inline.annotation`);
* a document with several ``<file>`` elements (Xcode exports one per ``.strings`` /
  storyboard, and reuse ids such as ``Cancel`` across them) qualifies each unit id by its
  file: ``unit`` = ``<file original>#<trans-unit id>``, so findings name one unit each;
* ``alt-trans`` (TM/MT proposals) is ignored — it is not the translation.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import IO

from lxml import etree

from ..errors import InputError
from ..model import Segment
from ..xmlsafe import XmlSource, iterparse_safe, qname, require_root
from .inline import XLIFF12_RULES, flatten
from .units import ReadUnit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACES = (
    "urn:oasis:names:tc:xliff:document:1.2",
    "urn:oasis:names:tc:xliff:document:1.1",
    "urn:oasis:names:tc:xliff:document:1.0",
    None,
)


def _local(element: etree._Element) -> str:
    return qname(element).localname


def _child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if _local(child) == name:
            return child
    return None


def read_xliff12(
    path: str | os.PathLike[str],
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Iterator[Segment]:
    name = os.fspath(path)
    hint = "XLIFF 2 files are read by the XLIFF 2 reader; let the format be detected"
    require_root(path, "xliff", NAMESPACES, "an XLIFF 1.x file", hint)
    for unit in xliff12_units(path, name, source_lang, target_lang):
        yield from unit.segments


def xliff12_units(
    source: XmlSource,
    name: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    index: int = 0,
    qualify: bool | None = None,
) -> Iterator[ReadUnit]:
    """The reader's loop, one :class:`ReadUnit` per ``trans-unit`` (context: the file's languages).

    ``index``: how many segments come before ``source`` in the file it was cut from;
    ``qualify``: whether unit ids are qualified by their ``<file>`` — by default, when ``source``
    holds several; a shard cut from a larger document says what the whole document does.
    """
    file_src, file_tgt = source_lang, target_lang
    if qualify is None:
        qualify = several_files(source)
    original = ""
    for event, element in iterparse_safe(
        source, events=("start", "end"), tag=("{*}file", "{*}trans-unit"), name=name
    ):
        kind = _local(element)
        if kind == "file":
            if event == "start":
                file_src = element.get("source-language") or source_lang
                file_tgt = element.get("target-language") or target_lang
                original = element.get("original") or ""
            else:
                element.clear(keep_tail=True)
            continue
        if event != "end":
            continue
        qualifier = original if qualify else ""
        segments = _unit_segments(element, name, index, file_src or "und", file_tgt, qualifier)
        index += len(segments)
        line = element.sourceline
        element.clear(keep_tail=True)
        # Drop the cleared units already read (memory stays flat however many units a file holds).
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
        yield ReadUnit(line, tuple(segments), (file_src, file_tgt))


_FILE_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?file[\s>]")
_CHUNK = 1 << 20


def several_files(source: XmlSource) -> bool:
    """Whether the document holds more than one ``<file>`` (a byte scan; a stream is rewound)."""
    if isinstance(source, bytes):
        return len(_FILE_TAG.findall(source)) > 1
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as handle:
            return _count_files(handle)
    start = source.tell()
    try:
        return _count_files(source)
    finally:
        source.seek(start)


def _count_files(handle: IO[bytes]) -> bool:
    seen, tail = 0, b""
    while True:
        chunk = handle.read(_CHUNK)
        if not chunk:
            return False
        data = tail + chunk
        full = len(chunk) == _CHUNK  # a tag cut at the chunk's end is counted with the next chunk
        seen += len(_FILE_TAG.findall(data, 0, len(data) - 32 if full else len(data)))
        if seen > 1:
            return True
        tail = data[-32:] if full else b""


def _unit_segments(
    unit: etree._Element, name: str, index: int, file_src: str, file_tgt: str | None, original: str = ""
) -> list[Segment]:
    unit_id = unit.get("id") or str(index + 1)
    if original:
        unit_id = f"{original}#{unit_id}"
    # One pass over the children: the first source/target/seg-source, every note.
    source = target = seg_source = None
    note_elements: list[etree._Element] = []
    comments: list[etree._Element] = []
    for child in unit:
        local = _local(child)
        if local == "source":
            source = child if source is None else source
        elif local == "target":
            target = child if target is None else target
        elif local == "note":
            note_elements.append(child)
        elif local == "seg-source":
            seg_source = child if seg_source is None else seg_source
        elif child.tag == _MQ_COMMENTS:
            comments += [c for c in child if c.tag == _MQ_COMMENT and c.get("deleted") != "true"]
    if source is None:
        raise InputError(
            "<trans-unit> without <source>",
            file=name,
            line=unit.sourceline,
            unit=unit_id,
            hint="every trans-unit needs a <source> element",
        )
    notes = tuple(text for n in (*note_elements, *comments) if (text := n.text or "").strip())
    props: list[tuple[str, str]] = []
    if unit.get("translate") == "no":
        props.append(("translate", "no"))
    if unit.get("approved"):
        props.append(("approved", unit.get("approved", "")))
    if unit.get(_MQ_LOCKED) in ("locked", "true"):
        props.append(("locked", "true"))
    mq_status = unit.get(_MQ_STATUS)
    if mq_status:
        props.append(("mq:status", mq_status))
    src_lang = source.get(XML_LANG) or file_src
    tgt_lang = (target.get(XML_LANG) if target is not None else None) or file_tgt
    state = target.get("state") if target is not None else None
    if state is None and mq_status:
        state = _MQ_STATES.get(mq_status)
    common = {
        "file": name,
        "source_lang": src_lang,
        "target_lang": tgt_lang,
        "notes": notes,
        "context": unit.get("resname"),
        "props": tuple(props),
    }
    marks = _seg_marks(seg_source) if seg_source is not None else []
    if not marks:
        text, codes = flatten(source, XLIFF12_RULES)
        ttext, tcodes = flatten(target, XLIFF12_RULES) if target is not None else (None, ())
        return [
            Segment(
                unit=unit_id,
                index=index,
                source=text,
                target=ttext,
                line=unit.sourceline,
                target_line=target.sourceline if target is not None else None,
                source_codes=codes,
                target_codes=tcodes,
                state=state,
                **common,
            )
        ]
    target_marks = {m.get("mid"): m for m in _seg_marks(target)} if target is not None else {}
    conf, locked = _sdl_conf(unit)
    out: list[Segment] = []
    for k, mark in enumerate(marks):
        mid = mark.get("mid") or str(k + 1)
        text, codes = flatten(mark, XLIFF12_RULES)
        tmark = target_marks.get(mid)
        ttext, tcodes = flatten(tmark, XLIFF12_RULES) if tmark is not None else (None, ())
        out.append(
            Segment(
                unit=f"{unit_id}/{mid}" if len(marks) > 1 else unit_id,
                index=index + k,
                source=text,
                target=ttext,
                line=mark.sourceline,
                target_line=tmark.sourceline if tmark is not None else None,
                source_codes=codes,
                target_codes=tcodes,
                state=_SDL_STATES.get(conf.get(mid, ""), state),
                **{
                    **common,
                    "props": common["props"]
                    + ((("sdl:conf", conf[mid]),) if mid in conf else ())
                    + ((("locked", "true"),) if mid in locked else ()),
                },
            )
        )
    return out


#: Trados Studio confirmation levels (``sdl:seg@conf``) as XLIFF 1.2 states; the raw value stays in props.
_SDL_STATES = {
    "Draft": "needs-translation",
    "Translated": "translated",
    "RejectedTranslation": "needs-review-translation",
    "ApprovedTranslation": "final",
    "RejectedSignOff": "needs-review-translation",
    "ApprovedSignOff": "signed-off",
}


def _seg_marks(container: etree._Element) -> list[etree._Element]:
    return [m for m in container.iter() if _local(m) == "mrk" and m.get("mtype") == "seg"]


def _sdl_conf(unit: etree._Element) -> tuple[dict[str | None, str], set[str | None]]:
    """Trados confirmation level per segment id, and the ids of locked segments."""
    defs = _child(unit, "seg-defs")
    if defs is None:
        return {}, set()
    segs = [s for s in defs if _local(s) == "seg"]
    conf = {s.get("id"): s.get("conf", "") for s in segs if s.get("conf")}
    return conf, {s.get("id") for s in segs if s.get("locked") == "true"}


_MQ = "{MQXliff}"
_MQ_LOCKED = _MQ + "locked"
_MQ_STATUS = _MQ + "status"
_MQ_COMMENTS = _MQ + "comments"
_MQ_COMMENT = _MQ + "comment"
#: memoQ row statuses as XLIFF 1.2 states (the raw value stays in props as ``mq:status``).
_MQ_STATES = {
    "NotStarted": "new",
    "PartiallyEdited": "needs-translation",
    "Pretranslated": "needs-review-translation",
    "ManuallyConfirmed": "translated",
    "Confirmed": "translated",
    "Proofread": "reviewed",
    "Reviewer1Confirmed": "reviewed",
    "Reviewer2Confirmed": "final",
    "Rejected": "needs-review-translation",
}
