"""Located termbase problems: what ``mustalah termbase check`` and the importers report.

Every problem carries a stable code (``TB001`` …), a severity and, where the input has
one, a :class:`~mustalah.termbase.model.Location`, so it prints like a lint finding:
``termbase/entities.yaml:12: TB006 …``.  Codes are never reused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .model import Location


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


#: code -> (severity, short name).  The catalogue is what ``--help`` and the docs list.
CODES: dict[str, tuple[Severity, str]] = {
    # structure of the YAML source
    "TB001": (Severity.ERROR, "malformed-yaml"),
    "TB002": (Severity.ERROR, "unknown-field"),
    "TB003": (Severity.ERROR, "bad-value"),
    "TB004": (Severity.ERROR, "missing-field"),
    "TB005": (Severity.ERROR, "duplicate-id"),
    # terminology
    "TB006": (Severity.ERROR, "form-in-two-concepts"),
    "TB007": (Severity.ERROR, "no-preferred-term"),
    "TB008": (Severity.ERROR, "missing-language"),
    "TB009": (Severity.ERROR, "acronym-without-full-form"),
    "TB010": (Severity.ERROR, "unknown-reference"),
    "TB011": (Severity.ERROR, "conflicting-status"),
    "TB012": (Severity.WARNING, "missing-note"),
    "TB013": (Severity.WARNING, "duplicate-term"),
    "TB014": (Severity.ERROR, "concept-without-terms"),
    "TB015": (Severity.WARNING, "self-reference"),
    "TB016": (Severity.ERROR, "form-in-two-termbases"),  # a set: one form, concepts of two termbases
    # TBX / CSV import
    "TB101": (Severity.WARNING, "unknown-element"),
    "TB102": (Severity.WARNING, "unknown-data-category"),
    "TB103": (Severity.WARNING, "bad-picklist-value"),
    "TB104": (Severity.WARNING, "structure"),
    "TB105": (Severity.WARNING, "conflicting-concept-fields"),
    "TB106": (Severity.WARNING, "data-category-not-kept"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about a termbase; ``concept`` is the concept id when known."""

    code: str
    message: str
    location: Location | None = None
    concept: str | None = None

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    @property
    def name(self) -> str:
        return CODES[self.code][1]

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.code} {self.message}"

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.location.file if self.location else None,
            "line": self.location.line if self.location else None,
            "concept": self.concept,
        }


def sort_key(problem: Problem) -> tuple[str, int, str]:
    loc = problem.location
    return (loc.file if loc else "", loc.line if loc else 0, problem.code)
