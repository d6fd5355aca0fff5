"""Streaming XLIFF 1.2 and 2.1 writers with term hints per unit (written atomically).

* **1.2** (valid against the *strict* schema): one ``<file>`` per input file, one
  ``trans-unit`` per segment; ``notes`` → ``<note>``; term hints → extra
  ``<note from="mustalah" annotates="source">``; ``translate="no"`` /
  ``approved`` props become attributes; ``state`` is kept when it is a 1.2 value
  (``fuzzy`` → ``needs-review-translation``, anything else → ``x-<state>``).
* **2.1** (core + glossary module): consecutive segments whose units are
  ``<id>/<seg>`` (how the readers name multi-segment units) are grouped back into
  one ``<unit id="<id>">`` with ``<segment id="<seg>">``; term hints →
  ``<gls:glossary><gls:glossEntry><gls:term source="<concept id>">`` with one
  ``<gls:translation source="preferred|admitted">`` per approved target term (and
  ``<gls:definition>`` when the concept has one).  Native code text goes to
  ``<originalData>`` and is referenced by ``dataRef``.  Ids are made valid
  NMTOKENs and unique in their file.
"""

from __future__ import annotations

import itertools
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from lxml import etree

from ..fileio import atomic_binary
from ..model import InlineCode, Segment
from .hints import GlossHint, HintFunc, no_hints
from .inline_write import Close, Instruction, Leaf, Open, fill

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
GLS_NS = "urn:oasis:names:tc:xliff:glossary:2.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

STATES_12 = frozenset(
    {
        "new",
        "needs-translation",
        "needs-l10n",
        "needs-adaptation",
        "translated",
        "needs-review-translation",
        "needs-review-l10n",
        "needs-review-adaptation",
        "final",
        "signed-off",
    }
)
STATES_2 = {
    "initial": "initial",
    "translated": "translated",
    "reviewed": "reviewed",
    "final": "final",
    "signed-off": "final",
    "needs-review-translation": "translated",
    "needs-review-l10n": "translated",
    "needs-review-adaptation": "translated",
}
_NAME_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lo", "Nd", "Mn", "Mc"})


def _name_char(char: str) -> bool:
    """A character libxml2's schema validator accepts in an NMTOKEN.

    Why not ``\\w``: Python's ``\\w`` takes every "numeric" character (``₁``, ``²``, ``½``)
    and libxml2 checks names with the XML 1.0 letter and digit classes, which hold none of
    them (an exported id ``b₁`` failed the XLIFF 2.1 schema).  Letters, decimal digits and
    combining marks of the Basic Multilingual Plane, plus ``. : - _``, pass both.
    """
    if char.isascii():
        return char.isalnum() or char in "._:-"
    return ord(char) < 0x10000 and unicodedata.category(char) in _NAME_CATEGORIES


def _nmtoken(value: str) -> str:
    return "".join(c if _name_char(c) else "_" for c in value) or "_"


def _prop(segment: Segment, key: str) -> str | None:
    return next((v for k, v in segment.props if k == key), None)


def _hint_text(hint: GlossHint) -> str:
    targets = "; ".join(f"{t.text} ({t.status})" for t in hint.translations)
    return f"term {hint.concept_id}: {hint.term} → {targets}"


def _by_file(segments: Iterable[Segment]) -> Iterator[tuple[str, Iterator[Segment]]]:
    return itertools.groupby(segments, key=lambda s: s.file)


# ---------------------------------------------------------------- XLIFF 1.2


def _mapping12() -> Callable[[InlineCode], Instruction]:
    counter = itertools.count(1)

    def ident(code: InlineCode) -> str:
        return code.id or f"c{next(counter)}"

    def mapping(code: InlineCode) -> Instruction:
        q = f"{{{XLIFF12_NS}}}"
        kind = code.kind
        if kind in ("g", "pc", "hi"):
            return Open(q + "g", {"id": ident(code)})
        if kind in ("/g", "/pc", "/hi"):
            return Close(q + "g")
        if kind == "mrk":
            return Open(
                q + "mrk", {"mtype": code.content or "x-mrk", **({"mid": code.id} if code.id else {})}
            )
        if kind == "/mrk":
            return Close(q + "mrk")
        if kind in ("bpt", "ept", "ph"):
            return Leaf(q + kind, {"id": ident(code)}, code.content)
        if kind.startswith("it:"):
            return Leaf(
                q + "it", {"id": ident(code), "pos": "open" if kind == "it:begin" else "close"}, code.content
            )
        if kind in ("x", "bx", "ex") and not code.content:
            return Leaf(q + kind, {"id": ident(code)})
        if kind in ("sc", "ec"):
            return Leaf(q + ("bx" if kind == "sc" else "ex"), {"id": ident(code)})
        if kind in ("sm", "em"):
            return None
        return Leaf(q + "ph", {"id": ident(code)}, code.content)

    return mapping


def _state12(state: str | None) -> str | None:
    if state is None or state in STATES_12 or state.startswith("x-"):
        return state
    if state == "fuzzy":
        return "needs-review-translation"
    return "x-" + _nmtoken(state)


def _own_langs(
    group: Iterator[Segment], source_lang: str | None, target_lang: str | None
) -> tuple[str, str, Iterator[Segment]]:
    """The languages to declare for ``group``: the callers', else its first segment's own."""
    first = next(group)
    src = source_lang or first.source_lang or "en"
    tgt = target_lang or first.target_lang or "ar"
    return src, tgt, itertools.chain([first], group)


def write_xliff12(
    segments: Iterable[Segment],
    output: str | os.PathLike[str],
    *,
    source_lang: str | None = "en",
    target_lang: str | None = "ar",
    hints: HintFunc = no_hints,
) -> int:
    """``source_lang`` / ``target_lang`` ``None``: each ``<file>`` declares its segments' own languages."""
    q = f"{{{XLIFF12_NS}}}"
    count = 0
    with atomic_binary(output) as raw, etree.xmlfile(raw, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(q + "xliff", {"version": "1.2"}, nsmap={None: XLIFF12_NS}):
            for name, members in _by_file(segments):
                src, tgt, group = _own_langs(members, source_lang, target_lang)
                attrs = {
                    "original": Path(name).name or name,
                    "source-language": src,
                    "target-language": tgt,
                    "datatype": "plaintext",
                }
                with xf.element(q + "file", attrs), xf.element(q + "body"):
                    used: set[str] = set()
                    for segment in group:
                        xf.write(_trans_unit(segment, _unique(segment.unit, used), hints(segment)))
                        xf.write("\n")
                        count += 1
    return count


def _unique(unit: str, used: set[str], clean: Callable[[str], str] = lambda s: s) -> str:
    base = clean(unit)
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}_{n}"
    used.add(candidate)
    return candidate


def _trans_unit(segment: Segment, unit_id: str, hints: Sequence[GlossHint]) -> etree._Element:
    q = f"{{{XLIFF12_NS}}}"
    attrs = {"id": unit_id}
    if segment.context:
        attrs["resname"] = segment.context
    if _prop(segment, "translate") == "no":
        attrs["translate"] = "no"
    if _prop(segment, "approved") in ("yes", "no"):
        attrs["approved"] = _prop(segment, "approved") or "no"
    tu = etree.Element(q + "trans-unit", attrs, nsmap={None: XLIFF12_NS})
    fill(etree.SubElement(tu, q + "source"), segment.source, segment.source_codes, _mapping12())
    if segment.target is not None:
        target = etree.SubElement(tu, q + "target")
        state = _state12(segment.state)
        if state:
            target.set("state", state)
        fill(target, segment.target, segment.target_codes, _mapping12())
    for note in segment.notes:
        etree.SubElement(tu, q + "note").text = note
    for hint in hints:
        note = etree.SubElement(tu, q + "note", {"from": "mustalah", "annotates": "source", "priority": "2"})
        note.text = _hint_text(hint)
    return tu


# ---------------------------------------------------------------- XLIFF 2.1


class _Codes2:
    """Code → XLIFF 2 element mapping for one unit (ids unique in the unit, shared by source and target)."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.used: set[str] = set()
        self.data: dict[str, str] = {}
        self.counter = itertools.count(1)

    def ident(self, family: str, code: InlineCode) -> str:
        key = (family, code.id if code.id is not None else f"#{next(self.counter)}")
        if key not in self.ids:
            wanted = _nmtoken(code.id) if code.id else f"c{next(self.counter)}"
            while wanted in self.used:
                wanted = f"c{next(self.counter)}"
            self.used.add(wanted)
            self.ids[key] = wanted
        return self.ids[key]

    def data_ref(self, content: str) -> dict[str, str]:
        if not content:
            return {}
        ref = f"d{len(self.data) + 1}"
        self.data[ref] = content
        return {"dataRef": ref}

    def mapping(self, codes: Sequence[InlineCode]) -> Callable[[InlineCode], Instruction]:
        """``codes``: every code on this side of the unit (sc/ec may pair across segments)."""
        q = f"{{{XLIFF2_NS}}}"
        starts = {c.id for c in codes if c.kind in ("bpt", "bx", "sc")}
        ends = {c.id for c in codes if c.kind in ("ept", "ex", "ec")}
        paired = starts & ends

        def mapping(code: InlineCode) -> Instruction:
            kind = code.kind
            if kind in ("g", "pc", "hi"):
                return Open(q + "pc", {"id": self.ident("pair", code)})
            if kind in ("/g", "/pc", "/hi"):
                return Close(q + "pc")
            if kind == "mrk":
                mtype = code.content if code.content in ("generic", "comment", "term") else "generic"
                return Open(q + "mrk", {"id": self.ident("mrk", code), "type": mtype})
            if kind == "/mrk":
                return Close(q + "mrk")
            if kind in ("bpt", "bx", "sc", "it:begin"):
                attrs = {"id": self.ident("pair", code), **self.data_ref(code.content)}
                return Leaf(
                    q + "sc",
                    attrs if code.id in paired and kind != "it:begin" else {**attrs, "isolated": "yes"},
                )
            if kind in ("ept", "ex", "ec", "it:end"):
                ident = self.ident("pair", code)
                if code.id in paired and kind != "it:end":
                    return Leaf(q + "ec", {"startRef": ident, **self.data_ref(code.content)})
                return Leaf(q + "ec", {"id": ident, "isolated": "yes", **self.data_ref(code.content)})
            if kind in ("sm", "em"):
                return None
            return Leaf(q + "ph", {"id": self.ident("ph", code), **self.data_ref(code.content)})

        return mapping


def _split_unit(unit: str) -> tuple[str, str | None]:
    """``u/s2`` -> (``u``, ``s2``); a file-qualified id (``en.lproj/Main.strings#u/s2``) splits after #."""
    prefix, hash_sign, rest = unit.partition("#") if "#" in unit else ("", "", unit)
    base, sep, part = rest.rpartition("/")
    return (prefix + hash_sign + base, part) if sep and base else (unit, None)


def _units(segments: Iterable[Segment]) -> Iterator[list[Segment]]:
    """Group consecutive ``u/s1``, ``u/s2`` segments of one unit back together."""
    for _key, group in itertools.groupby(
        segments, key=lambda s: (s.file, _split_unit(s.unit)[0] if _split_unit(s.unit)[1] else s.unit)
    ):
        yield list(group)


def write_xliff21(
    segments: Iterable[Segment],
    output: str | os.PathLike[str],
    *,
    source_lang: str | None = "en",
    target_lang: str | None = "ar",
    hints: HintFunc = no_hints,
) -> int:
    """``source_lang`` / ``target_lang`` ``None``: the document declares its first segment's own languages."""
    q = f"{{{XLIFF2_NS}}}"
    count = 0
    nsmap = {None: XLIFF2_NS, "gls": GLS_NS}
    src, tgt, segments = _own_langs(iter(segments), source_lang, target_lang)
    with atomic_binary(output) as raw, etree.xmlfile(raw, encoding="utf-8") as xf:
        xf.write_declaration()
        root = {"version": "2.1", "srcLang": src, "trgLang": tgt}
        with xf.element(q + "xliff", root, nsmap=nsmap):
            for number, (name, group) in enumerate(_by_file(segments), start=1):
                with xf.element(q + "file", {"id": f"f{number}", "original": Path(name).name or name}):
                    used: set[str] = set()
                    for members in _units(group):
                        unit_id = _unique(
                            _split_unit(members[0].unit)[0] if len(members) > 1 else members[0].unit,
                            used,
                            _nmtoken,
                        )
                        xf.write(_unit(members, unit_id, hints))
                        xf.write("\n")
                        count += len(members)
    return count


def _unit(members: list[Segment], unit_id: str, hints: HintFunc) -> etree._Element:
    q, g = f"{{{XLIFF2_NS}}}", f"{{{GLS_NS}}}"
    first = members[0]
    attrs = {"id": unit_id}
    if _prop(first, "translate") == "no":
        attrs["translate"] = "no"
    unit = etree.Element(q + "unit", attrs, nsmap={None: XLIFF2_NS, "gls": GLS_NS})
    entries = [h for s in members for h in hints(s) if h.translations or h.definition]
    if entries:
        glossary = etree.SubElement(unit, g + "glossary")
        for n, hint in enumerate(entries, start=1):
            entry = etree.SubElement(glossary, g + "glossEntry", {"id": f"g{n}"})
            etree.SubElement(entry, g + "term", {"source": hint.concept_id}).text = hint.term
            for k, tr in enumerate(hint.translations, start=1):
                etree.SubElement(
                    entry, g + "translation", {"id": f"g{n}t{k}", "source": tr.status}
                ).text = tr.text
            if hint.definition:
                etree.SubElement(entry, g + "definition").text = hint.definition
    if first.notes:
        notes = etree.SubElement(unit, q + "notes")
        for note in first.notes:
            etree.SubElement(notes, q + "note").text = note
    original = etree.SubElement(unit, q + "originalData")
    codes = _Codes2()
    seg_ids: set[str] = set()
    source_side = codes.mapping([c for s in members for c in s.source_codes])
    target_side = codes.mapping([c for s in members for c in s.target_codes])
    for segment in members:
        part = _split_unit(segment.unit)[1] if len(members) > 1 else None
        seg_attrs: dict[str, str] = {}
        if part:
            seg_attrs["id"] = _unique(part, seg_ids, _nmtoken)
        if segment.target is not None:
            seg_attrs["state"] = STATES_2.get(
                segment.state or "", "translated" if segment.target else "initial"
            )
        seg = etree.SubElement(unit, q + "segment", seg_attrs)
        fill(etree.SubElement(seg, q + "source"), segment.source, segment.source_codes, source_side)
        if segment.target is not None:
            fill(etree.SubElement(seg, q + "target"), segment.target, segment.target_codes, target_side)
    if codes.data:
        for ref, content in codes.data.items():
            etree.SubElement(original, q + "data", {"id": ref}).text = content
    else:
        unit.remove(original)
    return unit
