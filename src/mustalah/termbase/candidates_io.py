"""Term candidates on disk: a review sheet (CSV/TSV) or TBX out, the reviewed sheet back in as a termbase.

The sheet has one row per candidate.  The terminologist fills ``decision`` (``accept`` or
``reject``; empty rows are unreviewed), may correct ``concept_id``, ``domain``, ``en``,
``en_acronym``, ``ar`` and ``ar_acronym``, and imports it with ``mustalah termbase import
candidates.csv -o new.yaml``: every accepted row becomes a concept (English full form and acronym,
Arabic full form and acronym, all *preferred*), the evidence columns become its note.  The other
columns are evidence: ``frequency``, ``units``, ``files``, ``score`` (10 × files + units, as
poterminology ranks), ``renderings`` (Arabic renderings seen, ``form (units)`` joined by `` | ``),
``anchor``, ``contexts`` and ``locations``.

TBX output holds the same candidates as concepts (the top rendering as the Arabic term, the
evidence in a note); ``termbase import`` already reads TBX.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..fileio import atomic_text
from .candidates import Candidate
from .model import Concept, Status, Term, Termbase, TermType
from .yaml_io import DOMAINS, ID_PATTERN

COLUMNS = (
    "decision",
    "concept_id",
    "domain",
    "en",
    "en_acronym",
    "ar",
    "ar_acronym",
    "frequency",
    "units",
    "files",
    "score",
    "renderings",
    "anchor",
    "contexts",
    "locations",
)
ACCEPT = frozenset({"accept", "accepted", "yes", "y", "x", "ok"})
REJECT = frozenset({"reject", "rejected", "no", "n"})

_ENTITY = re.compile(
    r"\b(Office|Committee|Centre|Center|Council|Organization|Organisation|Programme|Directorate|"
    r"Department|Commission|Agency|Fund|Mission|Group|Team|Network|Forum|Institute|Union|Court|"
    r"Assembly|Secretariat|Panel|Community|Conference|Bank|Board|Unit|Task Force)\b"
)
_POST = re.compile(
    r"\b(Director|Secretary|Representative|Minister|President|Chair|Chairman|Chairperson|Envoy|"
    r"Coordinator|Adviser|Advisor|Officer|Commissioner|Rapporteur|Ambassador|Head)\b"
)


def guess_domain(name: str) -> str:
    if _POST.search(name) and not name.startswith(("Office", "Department")):
        return "posts"
    if _ENTITY.search(name):
        return "entities"
    return "concepts"


def _slug(candidate: Candidate) -> str:
    base = candidate.acronym or "-".join(re.findall(r"[A-Za-z0-9]+", candidate.name.lower()))[:60]
    return f"cand-{base}" if base else "cand"


def candidate_rows(candidates: Sequence[Candidate], termbase: Termbase) -> list[dict[str, str]]:
    taken = {c.id for c in termbase}
    rows: list[dict[str, str]] = []
    for cand in candidates:
        cid = _slug(cand)
        k = 2
        while cid in taken:
            cid = f"{_slug(cand)}-{k}"
            k += 1
        taken.add(cid)
        rows.append(
            {
                "decision": "",
                "concept_id": cid,
                "domain": guess_domain(cand.name),
                "en": cand.name,
                "en_acronym": cand.acronym or "",
                "ar": cand.renderings[0][0] if cand.renderings else "",
                "ar_acronym": cand.acronym or "",
                "frequency": str(cand.frequency),
                "units": str(cand.units),
                "files": str(cand.files),
                "score": str(cand.score),
                "renderings": " | ".join(f"{text} ({n})" for text, n in cand.renderings),
                "anchor": cand.anchor,
                "contexts": " | ".join(cand.contexts),
                "locations": " ".join(cand.locations[:10]) + (" …" if len(cand.locations) > 10 else ""),
            }
        )
    return rows


def write_sheet(rows: Sequence[dict[str, str]], output: Path) -> None:
    delimiter = "\t" if output.suffix.lower() == ".tsv" else ","
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    with atomic_text(output) as handle:
        handle.write(buffer.getvalue())


def _note(row: dict[str, str]) -> str:
    return (
        f"term candidate (mustalah termbase candidates): frequency {row['frequency']} in {row['units']} "
        f"unit(s) of {row['files']} file(s); Arabic renderings seen: {row['renderings'] or 'none'} "
        f"({row['anchor']}); contexts: {row['contexts']}"
    )


def _concept(row: dict[str, str], status: Status) -> Concept:
    terms: list[Term] = []
    if row.get("en", "").strip():
        terms.append(Term(row["en"].strip(), "en", status))
    if row.get("en_acronym", "").strip():
        terms.append(Term(row["en_acronym"].strip(), "en", status, TermType.ACRONYM))
    if row.get("ar", "").strip():
        terms.append(Term(row["ar"].strip(), "ar", status))
    if row.get("ar_acronym", "").strip():
        terms.append(Term(row["ar_acronym"].strip(), "ar", status, TermType.ACRONYM))
    return Concept(
        id=row["concept_id"].strip(), domain=row["domain"].strip(), terms=tuple(terms), note=_note(row)
    )


def write_tbx(rows: Sequence[dict[str, str]], output: Path) -> None:
    from .tbx_write import write_tbx2019

    concepts = tuple(_concept(row, Status.ADMITTED) for row in rows)
    write_tbx2019(Termbase(concepts=concepts, name="term candidates"), output)


def is_candidate_sheet(path: Path) -> bool:
    """True for a CSV/TSV whose header is a candidates sheet (it has ``decision`` and ``en``)."""
    if path.suffix.lower() not in (".csv", ".tsv"):
        return False
    try:
        with open(path, encoding="utf-8-sig") as handle:
            header = handle.readline()
    except (OSError, UnicodeDecodeError):
        return False
    names = {h.strip().lower() for h in re.split(r"[,\t]", header)}
    return {"decision", "en", "concept_id"} <= names


def read_reviewed(path: Path) -> tuple[Termbase, int, int]:
    """(termbase of the accepted rows, rejected count, unreviewed count) of a reviewed sheet."""
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 ({exc.reason})", file=name, hint="save the sheet as UTF-8 CSV") from None
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    concepts: list[Concept] = []
    seen: set[str] = set()
    rejected = unreviewed = 0
    for row in reader:
        line = reader.line_num
        decision = (row.get("decision") or "").strip().lower()
        if decision in REJECT:
            rejected += 1
            continue
        if decision not in ACCEPT:
            if decision:
                raise InputError(
                    f"decision {row['decision']!r} is neither accept nor reject",
                    file=name,
                    line=line,
                    hint="write accept or reject (or leave it empty: unreviewed rows are skipped)",
                )
            unreviewed += 1
            continue
        clean = {k: (v or "") for k, v in row.items() if k is not None}
        cid = clean.get("concept_id", "").strip()
        if not ID_PATTERN.match(cid):
            raise InputError(
                f"concept_id {cid!r} is not a valid id",
                file=name,
                line=line,
                hint="letters, digits, '.', '_' and '-', starting with a letter or digit",
            )
        if cid in seen:
            raise InputError(
                f"concept_id {cid!r} is accepted twice", file=name, line=line, hint="make it unique"
            )
        seen.add(cid)
        if clean.get("domain", "").strip() not in DOMAINS:
            raise InputError(
                f"domain {clean.get('domain', '')!r} is not one of {', '.join(DOMAINS)}", file=name, line=line
            )
        if not clean.get("en", "").strip() and not clean.get("en_acronym", "").strip():
            raise InputError("an accepted row needs an English term (en or en_acronym)", file=name, line=line)
        concepts.append(_concept(clean, Status.PREFERRED))
    return Termbase(concepts=tuple(concepts), name=path.stem, origin=name), rejected, unreviewed


__all__ = [
    "COLUMNS",
    "candidate_rows",
    "guess_domain",
    "is_candidate_sheet",
    "read_reviewed",
    "write_sheet",
    "write_tbx",
]
