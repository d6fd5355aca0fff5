"""Write the termbase as TBX 2019 (TBX-Basic, DCA style) or TBX 2008 (``martif``, as OmegaT reads it).

Streaming: one ``conceptEntry`` is built and serialised at a time through ``etree.xmlfile`` into an
atomic temporary file, so memory stays flat and a failed export leaves no half-written file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

from lxml import etree

from .. import __version__
from ..fileio import atomic_binary
from .model import Concept, Gender, Term, Termbase
from .tbx_codec import (
    CONFUSABLE_LABEL,
    STATUS_TO_TBX,
    TBX2008,
    TBX2019,
    Dialect,
    extension_note,
    xml_id,
)

_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_DOCTYPE_2008 = b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class ExportSummary:
    concepts: int
    terms: int
    skipped: tuple[str, ...] = ()  # concept ids that cannot be expressed (no terms)


def write_tbx2019(termbase: Termbase, output: str | Path) -> ExportSummary:
    return _write(termbase, output, TBX2019)


def write_tbx2008(termbase: Termbase, output: str | Path) -> ExportSummary:
    return _write(termbase, output, TBX2008)


def _write(termbase: Termbase, output: str | Path, dialect: Dialect) -> ExportSummary:
    with atomic_binary(output) as handle:
        return write_stream(termbase, handle, dialect)


def write_stream(termbase: Termbase, handle: IO[bytes], dialect: Dialect) -> ExportSummary:
    """Serialise ``termbase`` into an open binary stream."""
    handle.write(_DECLARATION)
    if dialect is TBX2008:
        handle.write(_DOCTYPE_2008)
    concepts = terms = 0
    skipped: list[str] = []
    if dialect is TBX2019:
        root_attrs = {"type": "TBX-Basic", "style": "dca", "xml:lang": "en"}
        nsmap: dict[str | None, str] = {None: dialect.namespace or ""}
    else:
        root_attrs = {"type": "TBX", "xml:lang": "en"}
        nsmap = {}
    with (
        etree.xmlfile(handle, encoding="UTF-8") as xf,
        xf.element(dialect.tag(dialect.root), root_attrs, nsmap=nsmap),
    ):
        xf.write("\n")
        xf.write(_header(termbase, dialect), pretty_print=True)
        with xf.element(dialect.tag("text")):
            xf.write("\n")
            with xf.element(dialect.tag("body")):
                xf.write("\n")
                for concept in termbase.concepts:
                    if not concept.terms:
                        skipped.append(concept.id)
                        continue
                    xf.write(_entry(concept, dialect, termbase), pretty_print=True)
                    concepts += 1
                    terms += len(concept.terms)
            xf.write("\n")
        xf.write("\n")
    handle.write(b"\n")
    return ExportSummary(concepts, terms, tuple(skipped))


# The subtrees below are built with *un-namespaced* tags on purpose: they are serialised inside the
# root element that declares the default namespace, so they read back as TBX 2019 elements, and
# lxml writes them without repeating ``xmlns=…`` on every entry.  (``"xml:lang"`` is spelled
# literally on the root for the same reason: xmlfile would otherwise invent an ``ns0`` prefix.)


def _sub(
    parent: etree._Element, dialect: Dialect, local: str, text: str | None = None, **attrs: str
) -> etree._Element:
    element = etree.SubElement(parent, local, attrs)
    if text is not None:
        element.text = text
    return element


def _header(termbase: Termbase, dialect: Dialect) -> etree._Element:
    header = etree.Element(dialect.header)
    file_desc = _sub(header, dialect, "fileDesc")
    title_stmt = _sub(file_desc, dialect, "titleStmt")
    _sub(title_stmt, dialect, "title", termbase.name)
    source_desc = _sub(file_desc, dialect, "sourceDesc")
    _sub(source_desc, dialect, "p", f"Exported by mustalah {__version__} from termbase {termbase.name!r}.")
    if dialect is TBX2008:
        encoding = _sub(header, dialect, "encodingDesc")
        _sub(encoding, dialect, "p", "TBXXCSV02.xcs", type="XCSURI")
    return header


def _ref(entry: etree._Element, dialect: Dialect, termbase: Termbase, ref: str, label: str) -> None:
    # ``target`` is an IDREF, so schema validation fails on an id that is not in the file (an
    # invalid termbase, or a subset): then the id travels in the text only, still round-tripping.
    if termbase.get(ref) is not None:
        _sub(entry, dialect, "ref", label, type="crossReference", target=xml_id(ref))
    else:
        _sub(entry, dialect, "ref", label, type="crossReference")


def _entry(concept: Concept, dialect: Dialect, termbase: Termbase) -> etree._Element:
    entry = etree.Element(dialect.entry, id=xml_id(concept.id))
    if concept.subject is not None:
        _sub(entry, dialect, "descrip", concept.subject, type="subjectField")
    if concept.definition is not None:
        _sub(entry, dialect, "descrip", concept.definition, type="definition")
    _sub(entry, dialect, "admin", concept.domain, type="projectSubset")
    if concept.source is not None:
        _sub(entry, dialect, "admin", concept.source, type="source")
    if concept.note is not None:
        _sub(entry, dialect, "note", concept.note)
    for ref in concept.related:
        _ref(entry, dialect, termbase, ref, ref)
    for ref in concept.confusable:
        _ref(entry, dialect, termbase, ref, f"{CONFUSABLE_LABEL} {ref}")
    for lang in concept.full_languages:
        lang_sec = _sub(entry, dialect, dialect.lang_sec, **{_XML_LANG: lang})
        for term in concept.terms_tagged(lang):
            _term(lang_sec, term, dialect)
    return entry


def _term(parent: etree._Element, term: Term, dialect: Dialect) -> None:
    sec = _sub(parent, dialect, dialect.term_sec[0])
    _sub(sec, dialect, "term", term.text)
    _sub(sec, dialect, "termNote", STATUS_TO_TBX[term.status], type="administrativeStatus")
    _sub(sec, dialect, "termNote", term.type.value, type="termType")
    if term.gender is not None:
        gender = dialect.other_gender if term.gender is Gender.OTHER else term.gender.value
        _sub(sec, dialect, "termNote", gender, type="grammaticalGender")
    if term.pos is not None:
        _sub(sec, dialect, "termNote", term.pos, type="partOfSpeech")
    if term.note is not None:
        _sub(sec, dialect, "note", term.note)
    if term.usage is not None:
        _sub(sec, dialect, "note", extension_note("usage", term.usage))
    if term.exact:
        _sub(sec, dialect, "note", extension_note("exact", "true"))
    for form in term.forms:
        _sub(sec, dialect, "note", extension_note("form", form))
