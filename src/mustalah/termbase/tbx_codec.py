"""The mapping between the termbase model and TBX data categories, shared by reader and writer.

Both TBX 2019 (ISO 30042:2019, DCA style) and TBX 2008 (``martif``) use the same data categories;
only element names and a few picklist values differ, captured in :class:`Dialect`.

Our fields without a TBX-Basic data category travel in ``<note>`` elements with a reserved
prefix, so exported files stay valid TBX-Basic (the integrated RNG restricts ``type`` values) and a
CAT tool simply shows them as notes: ``[mustalah:usage] …``, ``[mustalah:exact] true``,
``[mustalah:form] …`` (one per form).  ``confusable`` is a ``<ref type="crossReference">`` whose
text starts with "confusable"; ``domain`` is ``<admin type="projectSubset">``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Gender, Status, TermType

NS_2019 = "urn:iso:std:iso:30042:ed-2"
EXTENSION_PREFIX = "[mustalah:"
CONFUSABLE_LABEL = "confusable with"


@dataclass(frozen=True, slots=True)
class Dialect:
    """Element names and picklist spellings of one TBX edition."""

    name: str
    namespace: str | None
    root: str
    header: str
    entry: str
    lang_sec: str
    term_sec: tuple[str, ...]
    other_gender: str

    def tag(self, local: str) -> str:
        return f"{{{self.namespace}}}{local}" if self.namespace else local


TBX2019 = Dialect("TBX 2019", NS_2019, "tbx", "tbxHeader", "conceptEntry", "langSec", ("termSec",), "other")
TBX2008 = Dialect(
    "TBX 2008", None, "martif", "martifHeader", "termEntry", "langSet", ("tig", "ntig"), "otherGender"
)

STATUS_TO_TBX = {s: f"{s.value}Term-admn-sts" for s in Status}
TBX_TO_STATUS = (
    {v.casefold(): k for k, v in STATUS_TO_TBX.items()}
    | {s.value: s for s in Status}
    # the other ISO 12620 administrativeStatus values are all "approved for use"
    | {f"{v}term-admn-sts": Status.PREFERRED for v in ("standardized", "legal", "regulated")}
)
#: TBX 2019 usageStatus (TBX-Min) mapped onto our statuses.
USAGE_STATUS = {
    "preferred": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "notrecommended": Status.DEPRECATED,
    "obsolete": Status.SUPERSEDED,
    "deprecated": Status.DEPRECATED,
    "superseded": Status.SUPERSEDED,
}
TERM_TYPES = {t.value.casefold(): t for t in TermType}
GENDERS = {g.value.casefold(): g for g in Gender} | {"other": Gender.OTHER}
POS_VALUES = {v.casefold(): v for v in ("noun", "properNoun", "adjective", "verb", "adverb", "other")}

#: Data categories we read (by element and ``type``) — everything else is reported.
READ_CATEGORIES = {
    "descrip": {"subjectField", "definition"},
    "admin": {"source", "projectSubset"},
    "termNote": {"administrativeStatus", "termType", "grammaticalGender", "partOfSpeech", "usageStatus"},
    "ref": {"crossReference"},
}
#: Standard TBX-Basic / TBX-Min / TBX 2008 categories the model has no place for: dropped with one
#: summary warning each, not flagged as unknown.
KNOWN_DROPPED = {
    "descrip": {"context", "explanation", "example", "figure", "characteristic", "relatedConcept"},
    "admin": {"customerSubset", "entrySource", "sourceIdentifier", "responsibility", "conceptOrigin"},
    "termNote": {
        "geographicalUsage",
        "termLocation",
        "register",
        "usageNote",
        "normativeAuthorization",
        "grammaticalNumber",
        "transferComment",
        "termProvenance",
        "hyphenation",
    },
    "xref": {"externalCrossReference", "xGraphic", "xSource"},
    "ref": {"relatedConcept", "see"},
    "transacGrp": {""},
}
#: Every element name of TBX 2008 and TBX 2019 core (anything else is an unknown element).
TBX_ELEMENTS = {
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
    "text",
    "body",
    "back",
    "conceptEntry",
    "termEntry",
    "langSec",
    "langSet",
    "termSec",
    "tig",
    "ntig",
    "termGrp",
    "term",
    "termNote",
    "termNoteGrp",
    "descrip",
    "descripGrp",
    "descripNote",
    "admin",
    "adminGrp",
    "adminNote",
    "note",
    "ref",
    "xref",
    "transacGrp",
    "transac",
    "transacNote",
    "date",
    "termCompList",
    "termComp",
    "termCompGrp",
    "hi",
    "foreign",
    "sc",
    "ec",
    "ph",
    "bpt",
    "ept",
    "refObjectSec",
    "refObjectList",
    "refObject",
    "itemSet",
    "itemGrp",
    "item",
}
#: Elements whose *structure* we understand but whose content we do not keep.
STRUCTURAL = {
    "descripGrp",
    "adminGrp",
    "termNoteGrp",
    "transacGrp",
    "transac",
    "transacNote",
    "date",
    "descripNote",
    "adminNote",
    "hi",
    "foreign",
    "sc",
    "ec",
    "ph",
    "bpt",
    "ept",
    "termGrp",
    "termCompList",
    "termComp",
    "termCompGrp",
    "xref",
    "back",
    "refObjectList",
    "refObject",
    "itemSet",
    "itemGrp",
    "item",
}

_NCNAME_START = re.compile(r"[A-Za-z_]")
_WS_NEWLINE = re.compile(r"\s*\n\s*")


def xml_id(concept_id: str) -> str:
    """A concept id as an XML ``ID`` (which cannot start with a digit): ``2030`` → ``_2030``."""
    return concept_id if _NCNAME_START.match(concept_id) else f"_{concept_id}"


def concept_id(xml_value: str) -> str:
    """Undo :func:`xml_id` (our ids never start with ``_``)."""
    return xml_value[1:] if xml_value.startswith("_") and len(xml_value) > 1 else xml_value


def clean_text(text: str) -> str:
    """Text content as a value: strip, and join pretty-printing line breaks (with their indent)."""
    return _WS_NEWLINE.sub(" ", text).strip()


def norm_lang(tag: str) -> str:
    """``EN`` → ``en``, ``en-us`` → ``en-US``, ``zh-hant`` → ``zh-Hant`` (BCP 47 case conventions)."""
    parts = tag.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def extension_note(key: str, value: str) -> str:
    return f"{EXTENSION_PREFIX}{key}] {value}"


def parse_extension(text: str) -> tuple[str, str] | None:
    """``[mustalah:form] X`` → ``("form", "X")``; ``None`` for an ordinary note."""
    if not text.startswith(EXTENSION_PREFIX):
        return None
    key, sep, value = text[len(EXTENSION_PREFIX) :].partition("]")
    return (key, value.strip()) if sep else None
