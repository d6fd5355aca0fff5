"""CSV / TSV termbase exchange: one row per term, concept fields repeated on each row.

Columns (header required, order free, only the first three mandatory)::

    concept_id, lang, term, domain, status, type, gender, pos, exact, forms, usage, note,
    subject, definition, concept_note, source, related, confusable

* ``status``/``type``/``gender``/``pos`` use the YAML values (``preferred``, ``acronym`` …);
  empty means the YAML default.
* ``exact`` is ``true``/``false`` (empty = false).
* ``forms`` are separated by `` | ``; ``related`` and ``confusable`` are space-separated ids.
* ``note`` is the term's note, ``concept_note`` the concept's.  Concept fields are taken from the
  concept's first row; a later row that disagrees gets a TB105 warning.

``.tsv`` files use a tab instead of a comma.  Files are UTF-8 (a BOM is accepted on reading).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from ..errors import TermbaseError
from ..fileio import atomic_text
from .model import Concept, Gender, Location, Status, Term, Termbase, TermType, split_tag
from .problems import Problem
from .yaml_io import DOMAINS, ID_PATTERN, LANG_PATTERN, POS_VALUES, LoadResult

COLUMNS = (
    "concept_id",
    "lang",
    "term",
    "domain",
    "status",
    "type",
    "gender",
    "pos",
    "exact",
    "forms",
    "usage",
    "note",
    "subject",
    "definition",
    "concept_note",
    "source",
    "related",
    "confusable",
)
REQUIRED = ("concept_id", "lang", "term")
CONCEPT_COLUMNS = ("domain", "subject", "definition", "concept_note", "source", "related", "confusable")
FORM_SEPARATOR = " | "
_TRUE = ("true", "yes", "1")
_FALSE = ("false", "no", "0", "")


def _delimiter(path: Path) -> str:
    return "\t" if path.suffix.lower() == ".tsv" else ","


def term_rows(termbase: Termbase) -> Iterator[dict[str, str]]:
    for concept in termbase.concepts:
        shared = {
            "domain": concept.domain,
            "subject": concept.subject or "",
            "definition": concept.definition or "",
            "concept_note": concept.note or "",
            "source": concept.source or "",
            "related": " ".join(concept.related),
            "confusable": " ".join(concept.confusable),
        }
        for lang in concept.full_languages:
            for term in concept.terms_tagged(lang):
                yield {
                    "concept_id": concept.id,
                    "lang": term.full_lang,
                    "term": term.text,
                    "status": term.status.value,
                    "type": term.type.value,
                    "gender": term.gender.value if term.gender else "",
                    "pos": term.pos or "",
                    "exact": "true" if term.exact else "false",
                    "forms": FORM_SEPARATOR.join(term.forms),
                    "usage": term.usage or "",
                    "note": term.note or "",
                    **shared,
                }


def write_csv(termbase: Termbase, output: str | Path, delimiter: str | None = None) -> int:
    """Write one row per term (tab-separated for ``.tsv`` unless ``delimiter`` says otherwise)."""
    target = Path(output)
    rows = 0
    with atomic_text(target) as handle:
        writer = csv.DictWriter(
            handle, fieldnames=COLUMNS, delimiter=delimiter or _delimiter(target), lineterminator="\n"
        )
        writer.writeheader()
        for row in term_rows(termbase):
            writer.writerow(row)
            rows += 1
    return rows


class _CsvReader:
    def __init__(self, path: Path) -> None:
        self.file = str(path)
        self.problems: list[Problem] = []

    def problem(self, code: str, message: str, line: int, concept: str | None = None) -> None:
        self.problems.append(Problem(code, message, Location(self.file, line), concept))

    def enum(
        self, raw: str, kind: type[Status] | type[TermType] | type[Gender], column: str, line: int, cid: str
    ) -> object:
        if not raw:
            return None
        try:
            return kind(raw)
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            self.problem("TB003", f"bad {column} {raw!r} (allowed: {allowed})", line, cid)
            return None

    def term(self, row: dict[str, str], line: int, cid: str) -> Term | None:
        text, lang = row["term"], row["lang"]
        if not text or not lang:
            self.problem("TB004", "row without 'term' or 'lang'", line, cid)
            return None
        if not LANG_PATTERN.match(lang):
            self.problem("TB003", f"bad language code {lang!r}", line, cid)
        pos = row.get("pos") or None
        if pos is not None and pos not in POS_VALUES:
            self.problem("TB003", f"bad pos {pos!r} (allowed: {', '.join(POS_VALUES)})", line, cid)
        exact = (row.get("exact") or "").lower()
        if exact not in _TRUE + _FALSE:
            self.problem("TB003", f"'exact' must be true or false, not {exact!r}", line, cid)
        forms = tuple(f.strip() for f in (row.get("forms") or "").split(FORM_SEPARATOR.strip()) if f.strip())
        primary, tag = split_tag(lang)
        return Term(
            text=text,
            lang=primary,
            tag=tag,
            status=self.enum(row.get("status", ""), Status, "status", line, cid) or Status.PREFERRED,  # type: ignore[arg-type]
            type=self.enum(row.get("type", ""), TermType, "type", line, cid) or TermType.FULL_FORM,  # type: ignore[arg-type]
            gender=self.enum(row.get("gender", ""), Gender, "gender", line, cid),  # type: ignore[arg-type]
            pos=pos,
            usage=row.get("usage") or None,
            note=row.get("note") or None,
            exact=exact in _TRUE,
            forms=forms,
            location=Location(self.file, line),
        )

    def read(self, path: Path) -> list[Concept]:
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return self.rows(csv.DictReader(handle, delimiter=_delimiter(path)))
        except UnicodeDecodeError as exc:
            raise TermbaseError(
                f"not UTF-8 at byte {exc.start}", file=self.file, hint="save the file as UTF-8 CSV"
            ) from exc
        except csv.Error as exc:
            raise TermbaseError(f"malformed CSV: {exc}", file=self.file) from exc

    def rows(self, reader: csv.DictReader[str]) -> list[Concept]:
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise TermbaseError(
                f"missing column(s) {', '.join(missing)}",
                file=self.file,
                line=1,
                hint=f"the header must name at least {', '.join(REQUIRED)}",
            )
        for name in header:
            if name not in COLUMNS:
                self.problem("TB002", f"unknown column {name!r} (allowed: {', '.join(COLUMNS)})", 1)
        drafts: dict[str, tuple[dict[str, str], int, dict[str, list[Term]]]] = {}
        for raw in reader:
            line = reader.line_num
            row = {k: (v or "").strip() for k, v in raw.items() if k in COLUMNS}
            row.update({c: "" for c in COLUMNS if c not in row})
            cid = row["concept_id"]
            if not cid:
                self.problem("TB004", "row without concept_id", line)
                continue
            if cid not in drafts:
                if not ID_PATTERN.match(cid):
                    self.problem("TB003", f"bad concept id {cid!r}", line, cid)
                if row["domain"] and row["domain"] not in DOMAINS:
                    self.problem(
                        "TB003", f"bad domain {row['domain']!r} (allowed: {', '.join(DOMAINS)})", line, cid
                    )
                drafts[cid] = (row, line, {})
            else:
                first = drafts[cid][0]
                for column in CONCEPT_COLUMNS:
                    if row[column] and row[column] != first[column]:
                        self.problem(
                            "TB105", f"{column} differs from the concept's first row; ignored", line, cid
                        )
            term = self.term(row, line, cid)
            if term is not None:
                drafts[cid][2].setdefault(term.full_lang, []).append(term)
        return [self.concept(cid, *draft) for cid, draft in drafts.items()]

    def concept(self, cid: str, row: dict[str, str], line: int, by_lang: dict[str, list[Term]]) -> Concept:
        return Concept(
            id=cid,
            domain=row["domain"] or "concepts",
            terms=tuple(t for terms in by_lang.values() for t in terms),
            subject=row["subject"] or None,
            definition=row["definition"] or None,
            note=row["concept_note"] or None,
            source=row["source"] or None,
            related=tuple(row["related"].split()),
            confusable=tuple(row["confusable"].split()),
            location=Location(self.file, line),
        )


def read_csv(path: str | Path) -> LoadResult:
    source = Path(path)
    reader = _CsvReader(source)
    concepts = reader.read(source)
    return LoadResult(Termbase(tuple(concepts), name=source.stem, origin=str(source)), tuple(reader.problems))
