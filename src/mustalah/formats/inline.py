"""Flatten a segment element (TMX ``seg``, XLIFF ``source``/``target``) into plain text + codes.

The plain text never contains a code's content, so term matching and every
offset-based check see only translatable text.  Codes become
:class:`~mustalah.model.InlineCode` values at their offset in that text:

* **native codes** (TMX ``bpt ept ph it ut``; XLIFF 1.2 ``bpt ept ph it x bx ex``;
  XLIFF 2 ``ph sc ec sm em``): one code, ``content`` = the escaped native code (for
  ``<sub>`` inside a code, its text stays inside ``content``).  ``it`` records its
  position in ``kind`` (``it:begin`` / ``it:end``) so it can be written back.
* **wrappers** whose content *is* text (TMX ``hi``; XLIFF 1.2 ``g mrk``; XLIFF 2
  ``pc mrk``): an opening code ``kind=<name>`` and a closing code ``kind=/<name>``
  with the same id; ``mrk`` keeps its ``mtype``/``type`` in ``content``.
* XLIFF 2 ``cp`` is a character, not a code: it is decoded into the text.
* **annotations** a CAT tool puts inside a target (XLIFF 1.2 ``mrk`` of :data:`ANNOTATIONS`: a
  comment's range, a tracked change) are not the document's markup: the wrapper is no code, an
  insertion's content is text, a deletion's content (text and codes) is not in the text at all —
  the target reads as it stands.  memoQ writes ``mtype="x-mq-range"`` around a commented range
  and ``mtype="x-mq-tc"`` with ``mq:tctype="ins"``/``"del"`` for tracked changes; Trados
  ``x-sdl-comment``, ``x-sdl-added`` and ``x-sdl-deleted``.

``id`` is the pairing id: ``i`` for bpt/ept, ``x`` (TMX) or ``id`` (XLIFF) otherwise,
``rid`` for XLIFF 1.2 bx/ex, ``startRef`` for XLIFF 2 ``ec``/``em``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from ..model import InlineCode
from ..xmlsafe import qname


@dataclass(frozen=True, slots=True)
class InlineRules:
    """Which local element names are native codes, which wrap text, and where ids live;
    ``annotations``: whether ``mrk`` may be a CAT tool's annotation (:func:`annotation`)."""

    codes: frozenset[str]
    wrappers: frozenset[str]
    id_attrs: tuple[str, ...]
    annotations: bool = False


TMX_RULES = InlineRules(
    codes=frozenset({"bpt", "ept", "ph", "it", "ut"}), wrappers=frozenset({"hi"}), id_attrs=("i", "x")
)
XLIFF12_RULES = InlineRules(
    codes=frozenset({"bpt", "ept", "ph", "it", "x", "bx", "ex"}),
    wrappers=frozenset({"g", "mrk"}),
    id_attrs=("id", "i", "rid", "mid", "x"),
    annotations=True,
)
XLIFF2_RULES = InlineRules(
    codes=frozenset({"ph", "sc", "ec", "sm", "em"}),
    wrappers=frozenset({"pc", "mrk"}),
    id_attrs=("id", "startRef"),
)


def _local(element: etree._Element) -> str:
    return qname(element).localname


UNWRAP, DROP = "unwrap", "drop"
_MQ_TCTYPE = "{MQXliff}tctype"
#: XLIFF 1.2 ``mrk`` types that annotate a target rather than mark it up: what a reader does with
#: each (``unwrap``: its content is text, the wrapper no code; ``drop``: deleted, not text at all).
ANNOTATIONS = {
    "x-mq-range": UNWRAP,  # memoQ: the range a comment (mq:comment) applies to
    "x-sdl-comment": UNWRAP,  # Trados: the range a comment applies to
    "x-sdl-added": UNWRAP,  # Trados tracked changes
    "x-sdl-deleted": DROP,
}


def annotation(mark: etree._Element) -> str | None:
    """``UNWRAP``, ``DROP`` or ``None`` (a code) for an XLIFF 1.2 ``mrk``."""
    mtype = mark.get("mtype")
    if mtype == "x-mq-tc":  # memoQ tracked change; an unknown mq:tctype stays a code
        return {"ins": UNWRAP, "del": DROP}.get(mark.get(_MQ_TCTYPE) or "")
    return ANNOTATIONS.get(mtype or "")


def _code_id(element: etree._Element, kind: str, rules: InlineRules) -> str | None:
    preferred = {"bpt": "i", "ept": "i", "ec": "startRef", "em": "startRef", "bx": "rid", "ex": "rid"}
    for attr in (preferred.get(kind, ""), *rules.id_attrs):
        value = element.get(attr) if attr else None
        if value is not None:
            return str(value)
    return None


def flatten(
    element: etree._Element,
    rules: InlineRules,
    data: Mapping[str, str] | None = None,
) -> tuple[str, tuple[InlineCode, ...]]:
    """Plain text and inline codes of ``element``'s content (``data``: XLIFF 2 originalData)."""
    if not len(element):  # no child at all (the common case): the text is all there is
        return element.text or "", ()
    parts: list[str] = [element.text or ""]
    codes: list[InlineCode] = []
    length = len(parts[0])

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def walk(parent: etree._Element) -> None:
        for child in parent:
            if not isinstance(child.tag, str):  # comment or processing instruction
                add(child.tail)
                continue
            kind = _local(child)
            if kind == "cp" and rules is XLIFF2_RULES:
                hex_value = child.get("hex", "")
                try:
                    add(chr(int(hex_value, 16)))
                except ValueError:
                    add("\ufffd")
            elif kind == "mrk" and rules.annotations and (action := annotation(child)) is not None:
                if action == UNWRAP:
                    add(child.text)
                    walk(child)
            elif kind in rules.wrappers:
                code_id = _code_id(child, kind, rules)
                marker = (child.get("mtype") or child.get("type") or "") if kind == "mrk" else ""
                codes.append(InlineCode(kind, code_id, length, marker))
                add(child.text)
                walk(child)
                codes.append(InlineCode("/" + kind, code_id, length, ""))
            else:
                codes.append(_native_code(child, kind, rules, length, data))
            add(child.tail)

    walk(element)
    return "".join(parts), tuple(codes)


def _native_code(
    child: etree._Element, kind: str, rules: InlineRules, offset: int, data: Mapping[str, str] | None
) -> InlineCode:
    content = "".join(child.itertext())
    if data is not None and not content:
        ref = child.get("dataRef") or child.get("dataRefStart") or child.get("dataRefEnd")
        content = data.get(ref, "") if ref else ""
    if kind == "it":  # TMX says begin/end, XLIFF 1.2 open/close
        kind = "it:" + {"open": "begin", "close": "end"}.get(
            child.get("pos") or "begin", child.get("pos") or "begin"
        )
    elif kind not in rules.codes:
        kind = "x-" + kind  # unknown element inside a segment: kept as an opaque code
    return InlineCode(kind, _code_id(child, _local(child), rules), offset, content)
