"""Values that cross pipeline stages.

Data flows one way: ``read(path) -> Segment... -> normalized views -> term matches
-> rule.check(ctx) -> Finding... -> suppression -> renderer``.  Every value here is a
frozen dataclass, so no stage can change what an earlier stage produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import Literal

Severity = Literal["error", "warning", "info"]
Side = Literal["source", "target"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}

#: The fixed category vocabulary of the lint JSON contract (version 1).
CATEGORIES: tuple[str, ...] = (
    "term-missing",
    "term-deprecated",
    "term-variant",
    "term-wrong-entity",
    "acronym",
    "gender",
    "number",
    "punctuation",
    "invisible",
    "spelling",
    "inconsistency",
    "untranslated",
    "markup",
    "style",
)


class Gender(StrEnum):
    """Grammatical gender (TBX ``grammaticalGender``): of termbase terms, and of honorifics in text."""

    MASCULINE = "masculine"
    FEMININE = "feminine"
    NEUTER = "neuter"
    OTHER = "otherGender"


@dataclass(frozen=True, slots=True)
class InlineCode:
    """An inline code (TMX bpt/ept/ph/it/hi, XLIFF g/x/bx/ex/ph/pc/sc/ec/mrk...).

    ``offset`` is the position in the unit's plain text where the code stands;
    the code's own content is never part of that text.
    """

    kind: str
    id: str | None
    offset: int
    content: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """One translation unit as read from a file.

    ``source`` is always present.  ``target`` is ``None`` for monolingual input
    (a plain Arabic text file is read as source text in language ``ar``).
    ``unit`` is the id the lint JSON contract reports: the TMX ``tuid`` (else the
    1-based index of the ``tu``), the XLIFF unit id, the 1-based PO entry index, or
    the 1-based line number of a plain-text file.

    ``source_file`` / ``target_file`` name the file each side was read from when
    the reader read two files (a release folder's ``en.txt`` / ``ar.txt``, a Moses
    pair's ``c.en`` / ``c.ar``); ``None`` means the side is in ``file``.  Findings
    name these, so a finding never names a file the reader did not read.
    """

    file: str
    unit: str
    index: int
    source: str
    target: str | None
    source_lang: str
    target_lang: str | None = None
    notes: tuple[str, ...] = ()
    line: int | None = None
    target_line: int | None = None
    source_codes: tuple[InlineCode, ...] = ()
    target_codes: tuple[InlineCode, ...] = ()
    state: str | None = None
    context: str | None = None
    props: tuple[tuple[str, str], ...] = ()
    source_file: str | None = None
    target_file: str | None = None

    def side_file(self, side: Side) -> str:
        """The file the text of ``side`` was read from."""
        own = self.source_file if side == "source" else self.target_file
        return self.file if own is None else own


@dataclass(frozen=True, slots=True)
class Finding:
    """One lint finding: the unit of the JSON contract (version 1)."""

    code: str
    name: str
    category: str
    severity: Severity
    file: str
    unit: str
    lang: str
    side: Side
    start: int
    end: int
    text: str
    message: str
    concept: str | None = None
    suggestion: str | None = None
    line: int | None = None
    column: int | None = None
    #: Hash of rule + source text + target text: the baseline key (a finding lapses when the text changes).
    fingerprint: str | None = None
    #: The termbase ``concept`` came from (the source as given; ``@shipped`` for the shipped one).
    termbase: str | None = None

    def __reduce__(self) -> tuple[type[Finding], tuple[object, ...]]:
        """Pickled as its field values: a process pool sends, and the corpus rules' fact store
        spills, tens of thousands of findings a run, and the dataclass default (a state dict
        built by walking ``fields()``) costs twice as much each way."""
        return (Finding, _finding_values(self))

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "file": self.file,
            "unit": self.unit,
            "lang": self.lang,
            "side": self.side,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "concept": self.concept,
            "suggestion": self.suggestion,
            "line": self.line,
            "column": self.column,
            "fingerprint": self.fingerprint,
            "termbase": self.termbase,
        }


_finding_values = attrgetter(*(f.name for f in fields(Finding)))


@dataclass(frozen=True, slots=True)
class LintSummary:
    files: int
    units: int
    findings: int
    by_severity: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    by_code: dict[str, int] = field(default_factory=dict)
    suppressed: int = 0
    #: Inputs that could not be read under ``--keep-going``: (file, located message).
    errors: tuple[tuple[str, str], ...] = ()
    #: Units with more findings than ``lint.run.MAX_FINDINGS_PER_UNIT`` (the rest not reported),
    #: and how many findings were left out.
    capped_units: int = 0
    capped_findings: int = 0
    #: Findings below ``--min-severity`` (not reported, not counted above), by severity.
    not_shown: dict[str, int] = field(default_factory=dict)
    min_severity: str = "info"


@dataclass(frozen=True, slots=True)
class LintResult:
    """What renderers receive.  Renderers never re-run checks."""

    findings: tuple[Finding, ...]
    summary: LintSummary
    segments: tuple[Segment, ...] = ()
    #: Fingerprints the run's baseline accepted (the HTML report carries them into the baseline
    #: its dismiss controls build, so a saved file keeps what the old one accepted).
    accepted: tuple[str, ...] = ()
