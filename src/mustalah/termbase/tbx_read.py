"""Read TBX 2019 (DCA and DCT style) and TBX 2008 (``martif``) into the model, streaming.

Lenient by design: a CAT tool's glossary with a stray element should still import, so structure
and vocabulary problems become located warnings (``file:line: TB10x …``) and only XML that is not
well-formed (or hostile) fails, with a located :class:`~mustalah.errors.InputError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..xmlsafe import iterparse_safe, qname, sniff_root
from .model import Concept, Gender, Location, Status, Term, Termbase, TermType, split_tag
from .problems import Problem
from .tbx_codec import (
    CONFUSABLE_LABEL,
    GENDERS,
    KNOWN_DROPPED,
    POS_VALUES,
    READ_CATEGORIES,
    STRUCTURAL,
    TBX2008,
    TBX2019,
    TBX_ELEMENTS,
    TBX_TO_STATUS,
    TERM_TYPES,
    USAGE_STATUS,
    Dialect,
    clean_text,
    concept_id,
    norm_lang,
    parse_extension,
)
from .yaml_io import LoadResult

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HEADER_ELEMENTS = {
    "tbx",
    "martif",
    "tbxHeader",
    "martifHeader",
    "fileDesc",
    "titleStmt",
    "title",
    "publicationStmt",
    "sourceDesc",
    "encodingDesc",
    "revisionDesc",
    "change",
    "p",
    "note",
    "text",
    "body",
    "back",
    "refObjectList",
    "refObjectSec",
    "refObject",
    "itemSet",
    "itemGrp",
    "item",
    "hi",
    "foreign",
    "sc",
    "ec",
    "ph",
    "bpt",
    "ept",
    "adminGrp",
    "admin",
    "transacGrp",
    "transac",
    "transacNote",
    "date",
    "xref",
    "ref",
}
#: Extra term types from the full TBX termType picklist, mapped onto ours.
_TERM_TYPE_ALIASES = {
    "initialism": TermType.ACRONYM,
    "clippedterm": TermType.SHORT_FORM,
    "orthographicalvariant": TermType.VARIANT,
    "transliteratedform": TermType.VARIANT,
    "entryterm": TermType.FULL_FORM,
    "synonym": TermType.FULL_FORM,
    "phrase": TermType.FULL_FORM,
}
#: Where TBX-Basic allows the categories we read (others: anywhere).
_LEVELS = {
    "subjectField": ("entry",),
    "definition": ("entry", "language"),
    "administrativeStatus": ("term",),
    "termType": ("term",),
    "grammaticalGender": ("term",),
    "partOfSpeech": ("term",),
    "usageStatus": ("term",),
}
_CATEGORY_ELEMENT = {t: el for el, types in {**KNOWN_DROPPED, **READ_CATEGORIES}.items() for t in types if t}


def detect_dialect(path: str | Path) -> Dialect:
    namespace, root = sniff_root(path)
    if root == "tbx":
        return TBX2019
    if root == "martif":
        return TBX2008
    raise InputError(
        f"not a TBX file: the root element is <{root}>" + (f" in {namespace}" if namespace else ""),
        file=str(path),
        line=1,
        hint="TBX 2019 files start with <tbx>, TBX 2008 files with <martif>",
    )


def read_tbx(path: str | Path) -> LoadResult:
    """Import a TBX file of either edition; located warnings for what does not fit the model."""
    dialect = detect_dialect(path)
    reader = _TbxReader(str(path), dialect)
    depth_in_entry = 0
    for event, element in iterparse_safe(path, events=("start", "end")):
        local = qname(element).localname
        if event == "start":
            if local == dialect.entry:
                depth_in_entry += 1
            continue
        if local == dialect.entry:
            depth_in_entry -= 1
            reader.entry(element)
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
        elif depth_in_entry == 0 and local:
            reader.outside_entry(element, local)
    return reader.result(Path(path))


@dataclass
class _Draft:
    """Concept fields gathered while walking one entry."""

    domain: str = "concepts"
    subject: str | None = None
    definition: str | None = None
    notes: list[str] = field(default_factory=list)
    source: str | None = None
    related: list[str] = field(default_factory=list)
    confusable: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)


class _TbxReader:
    def __init__(self, file: str, dialect: Dialect) -> None:
        self.file = file
        self.dialect = dialect
        self.concepts: list[Concept] = []
        self.problems: list[Problem] = []
        self.dropped: dict[str, tuple[int, int]] = {}
        self.title: str | None = None
        self.concept_id: str | None = None
        #: the line the current entry starts on (-1 outside entries)
        self.entry_line = -1
        #: where each dropped kind was first seen: the entry, when the line alone does not say
        self.dropped_in: dict[str, str] = {}

    def _entry_of(self, element: etree._Element) -> str | None:
        """The entry to name beside a line that does not locate ``element`` (a one-line TBX)."""
        if self.concept_id is None or (element.sourceline or 0) != self.entry_line:
            return None
        return f"{self.dialect.entry} {self.concept_id}"

    def warn(self, code: str, message: str, element: etree._Element) -> None:
        location = Location(self.file, element.sourceline or 0)
        entry = self._entry_of(element)
        if entry is not None and (self.concept_id or "") not in message:
            message = f"{message} (in {entry})"
        self.problems.append(Problem(code, message, location, self.concept_id))

    def drop(self, what: str, element: etree._Element) -> None:
        count, line = self.dropped.get(what, (0, element.sourceline or 0))
        self.dropped[what] = (count + 1, line)
        entry = self._entry_of(element)
        if count == 0 and entry is not None:
            self.dropped_in[what] = entry

    def result(self, path: Path) -> LoadResult:
        for what, (count, line) in sorted(self.dropped.items(), key=lambda kv: kv[1][1]):
            self.problems.append(
                Problem(
                    "TB106",
                    f"{what} ({count}x) not imported: the termbase model has no field for it"
                    + (f" (first in {self.dropped_in[what]})" if what in self.dropped_in else ""),
                    Location(self.file, line),
                )
            )
        termbase = Termbase(tuple(self.concepts), name=self.title or path.stem, origin=str(path))
        return LoadResult(termbase, tuple(self.problems))

    def outside_entry(self, element: etree._Element, local: str) -> None:
        if local == "title" and self.title is None:
            self.title = clean_text("".join(element.itertext())) or None
        elif local not in _HEADER_ELEMENTS:
            self.warn(
                "TB104" if local in STRUCTURAL or local in READ_CATEGORIES else "TB101",
                f"<{local}> outside a {self.dialect.entry} ignored",
                element,
            )

    # -- classification ------------------------------------------------------------------------

    def category(self, element: etree._Element) -> tuple[str, str]:
        """(element kind, data category) — DCT module elements are mapped to their DCA equivalent."""
        tag = qname(element)
        if tag.namespace and tag.namespace != self.dialect.namespace:
            kind = _CATEGORY_ELEMENT.get(tag.localname)
            if kind is not None:
                return kind, tag.localname
            return "?", tag.localname
        return tag.localname, element.get("type", "")

    def text(self, element: etree._Element) -> str:
        return clean_text("".join(element.itertext()))

    def unexpected(self, kind: str, dtype: str, element: etree._Element, level: str) -> None:
        """Report something not kept: summarised when standard, located when unknown."""
        known = dtype in KNOWN_DROPPED.get(kind, ()) or dtype in READ_CATEGORIES.get(kind, ())
        if dtype in READ_CATEGORIES.get(kind, ()) and level not in _LEVELS.get(dtype, (level,)):
            self.warn("TB104", f"<{kind} type={dtype!r}> is not allowed at {level} level; ignored", element)
        elif known or kind in ("transacGrp", "xref"):
            # a standard data category the model has no place for (or not at this level)
            self.drop(f"<{kind}{f' type={dtype!r}' if dtype else ''}>", element)
        elif kind in READ_CATEGORIES or kind in KNOWN_DROPPED:
            what = f"<{kind} type={dtype!r}>" if dtype else f"<{kind}> without a type"
            self.warn("TB102", f"data category {what} is not in TBX-Basic; ignored ({level} level)", element)
        elif kind in STRUCTURAL:
            self.drop(f"<{kind}>", element)
        else:
            self.warn("TB101", f"unknown element <{kind}> at {level} level ignored", element)
            return
        self.unknown_inside(element)

    def unknown_inside(self, element: etree._Element) -> None:
        """Flag unknown elements inside a group we skip (``<transaction>`` in a ``transacGrp``)."""
        for inner in element.iterdescendants():
            if not isinstance(inner.tag, str):
                continue
            tag = qname(inner)
            if tag.namespace == self.dialect.namespace and tag.localname not in TBX_ELEMENTS:
                self.warn("TB101", f"unknown element <{tag.localname}> ignored", inner)

    # -- entries -------------------------------------------------------------------------------

    def entry(self, element: etree._Element) -> None:
        self.entry_line = element.sourceline or 0
        raw_id = element.get("id")
        if raw_id:
            self.concept_id = concept_id(raw_id)
        else:
            self.concept_id = f"entry-{len(self.concepts) + 1}"
            self.warn("TB104", f"{self.dialect.entry} without id: named {self.concept_id}", element)
        draft = _Draft()
        for child in element:
            if not isinstance(child.tag, str):
                continue
            kind, dtype = self.category(child)
            if kind == self.dialect.lang_sec:
                self.lang_sec(child, draft)
            else:
                self.concept_item(child, kind, dtype, draft, "entry")
        if not draft.terms:
            self.warn("TB104", f"{self.dialect.entry} {self.concept_id} has no terms", element)
        self.concepts.append(
            Concept(
                id=self.concept_id,
                domain=draft.domain,
                terms=tuple(draft.terms),
                subject=draft.subject,
                definition=draft.definition,
                note="; ".join(draft.notes) or None,
                source=draft.source,
                related=tuple(draft.related),
                confusable=tuple(draft.confusable),
                location=Location(self.file, element.sourceline or 0),
            )
        )
        self.entry_line = -1  # what follows on this line is no longer in the entry

    def concept_item(self, child: etree._Element, kind: str, dtype: str, draft: _Draft, level: str) -> None:
        value = self.text(child)
        if kind in ("descripGrp", "adminGrp") and len(child):
            first = child[0]
            self.concept_item(first, *self.category(first), draft, level)
            if len(child) > 1:
                self.drop(f"<{kind}> extras", child)
                self.unknown_inside(child)
        elif kind == "descrip" and dtype == "subjectField":
            draft.subject = draft.subject or value or None
        elif kind == "descrip" and dtype == "definition":
            draft.definition = draft.definition or value or None
        elif kind == "admin" and dtype == "projectSubset" and level == "entry":
            draft.domain = value or draft.domain
        elif kind == "admin" and dtype == "source" and level == "entry":
            draft.source = draft.source or value or None
        elif kind == "note" and value:
            draft.notes.append(value)
        elif kind == "ref" and dtype == "crossReference" and (child.get("target") or value):
            confusable = value.startswith(f"{CONFUSABLE_LABEL} ")  # ids never contain spaces
            # Without a target (a reference outside the file) the id is the text after the label.
            target = concept_id(child.get("target") or value[len(CONFUSABLE_LABEL) * confusable :].strip())
            (draft.confusable if confusable else draft.related).append(target)
        else:
            self.unexpected(kind, dtype, child, level)

    def lang_sec(self, element: etree._Element, draft: _Draft) -> None:
        raw = element.get(_XML_LANG) or element.get("lang")
        if not raw:
            self.warn("TB104", f"<{self.dialect.lang_sec}> without xml:lang ignored", element)
            return
        lang = norm_lang(raw)
        for child in element:
            if not isinstance(child.tag, str):
                continue
            kind, dtype = self.category(child)
            if kind in self.dialect.term_sec or kind in TBX2019.term_sec + TBX2008.term_sec:
                term = self.term_sec(child, lang)
                if term is not None:
                    draft.terms.append(term)
            elif (kind == "descrip" and dtype == "definition") or kind == "note":
                self.concept_item(child, kind, dtype, draft, "language")
            else:
                self.unexpected(kind, dtype, child, "language")

    def term_sec(self, element: etree._Element, lang: str) -> Term | None:
        children = [c for c in element if isinstance(c.tag, str)]
        if children and qname(children[0]).localname == "termGrp":  # TBX 2008 ntig
            children = [c for c in children[0] if isinstance(c.tag, str)] + children[1:]
        terms = [c for c in children if qname(c).localname == "term"]
        if not terms:
            self.warn("TB104", f"<{qname(element).localname}> without <term> ignored", element)
            return None
        if len(terms) > 1:
            self.warn(
                "TB104", f"{len(terms)} <term> elements in one term section: only the first is kept", terms[1]
            )
        if children[0] is not terms[0]:
            self.warn("TB104", "<term> is not the first element of its term section", terms[0])
        text = self.text(terms[0])
        if not text:
            self.warn("TB104", "empty <term> ignored", terms[0])
            return None
        fields: dict[str, object] = {}
        notes: list[str] = []
        forms: list[str] = []
        for child in children:
            if child in terms:
                continue
            kind, dtype = self.category(child)
            if kind in ("termNoteGrp", "descripGrp", "adminGrp") and len(child):
                child = child[0]
                kind, dtype = self.category(child)
            value = self.text(child)
            if kind == "termNote" and dtype in READ_CATEGORIES["termNote"]:
                self.term_note(dtype, value, child, fields)
            elif kind == "note":
                extension = parse_extension(value)
                if extension is None:
                    notes.append(value) if value else None
                elif extension[0] == "form":
                    forms.append(extension[1])
                elif extension[0] in ("usage", "exact"):
                    fields[extension[0]] = extension[1] if extension[0] == "usage" else extension[1] == "true"
                else:
                    self.warn("TB102", f"unknown mustalah extension note {extension[0]!r} ignored", child)
            else:
                self.unexpected(kind, dtype, child, "term")
        status = fields.get("status") or fields.get("usageStatus") or Status.PREFERRED
        primary, tag = split_tag(lang)
        return Term(
            text=text,
            lang=primary,
            tag=tag,
            status=status,  # type: ignore[arg-type]
            type=fields.get("type", TermType.FULL_FORM),  # type: ignore[arg-type]
            gender=fields.get("gender"),  # type: ignore[arg-type]
            pos=fields.get("pos"),  # type: ignore[arg-type]
            usage=fields.get("usage"),  # type: ignore[arg-type]
            note="; ".join(notes) or None,
            exact=bool(fields.get("exact", False)),
            forms=tuple(forms),
            location=Location(self.file, terms[0].sourceline or 0),
        )

    def term_note(self, dtype: str, value: str, element: etree._Element, fields: dict[str, object]) -> None:
        key = value.casefold()
        parsed: Status | TermType | Gender | str | None
        if dtype == "administrativeStatus":
            name, parsed = "status", TBX_TO_STATUS.get(key)
        elif dtype == "usageStatus":
            name, parsed = "usageStatus", USAGE_STATUS.get(key)
        elif dtype == "termType":
            name, parsed = "type", TERM_TYPES.get(key) or _TERM_TYPE_ALIASES.get(key)
        elif dtype == "grammaticalGender":
            name, parsed = "gender", GENDERS.get(key)
        else:
            name, parsed = "pos", POS_VALUES.get(key)
        if parsed is None:
            self.warn("TB103", f"{dtype} value {value!r} is not in the picklist; ignored", element)
        else:
            fields[name] = parsed
