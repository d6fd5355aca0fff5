"""Read the YAML termbase (docs/termbase-format.md) into the model, with a location for everything.

Parsing goes through PyYAML's *node* API (``compose``) rather than ``safe_load`` so that every
concept and term keeps the line it was written on: ``termbase check`` and the linter point
reviewers at ``termbase/entities.yaml:42``, not at a concept id they have to search for.
Problems (malformed YAML, unknown fields, bad enum values, wrong types) are collected, not
raised, so one run reports all of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TypeVar

import yaml

from ..errors import TermbaseError
from .model import Concept, Gender, Location, Status, Term, Termbase, TermType, split_tag
from .problems import Problem

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DOMAINS = ("entities", "posts", "people", "member-states", "concepts")
POS_VALUES = ("noun", "properNoun", "adjective", "verb", "adverb", "other")
TOP_FIELDS = ("domain", "concepts")
#: ``domain`` on a concept overrides the file's domain (written only for mixed single-file exports).
CONCEPT_FIELDS = ("id", "domain", "subject", "definition", "note", "source", "related", "confusable", "terms")
TERM_FIELDS = ("text", "status", "type", "gender", "pos", "usage", "note", "exact", "forms")
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
LANG_PATTERN = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\Z")
YAML_SUFFIXES = (".yaml", ".yml")

_STR = "tag:yaml.org,2002:str"
_TEXTLIKE = (_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_BOOL = "tag:yaml.org,2002:bool"

E = TypeVar("E", bound=Enum)


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A termbase plus everything that was wrong with its source (possibly nothing)."""

    termbase: Termbase
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def read_yaml(path: str | Path) -> LoadResult:
    """Load one ``.yaml`` file or a folder of them (sorted by name, not recursive)."""
    source = Path(path)
    if source.is_dir():
        files = yaml_files(source)
        _check_complete(source, files)
        if not files:
            raise TermbaseError(
                "no .yaml files in the termbase folder",
                file=str(source),
                hint="point --termbase at a folder of termbase YAML files (see docs/termbase-format.md)",
            )
    elif source.is_file():
        files = [source]
    else:
        raise TermbaseError("termbase not found", file=str(source), hint="check the --termbase path")
    concepts: list[Concept] = []
    problems: list[Problem] = []
    for file in files:
        reader = _FileReader(file)
        concepts.extend(reader.read())
        problems.extend(reader.problems)
    name = source.stem if source.is_file() else source.name
    return LoadResult(Termbase(tuple(concepts), name=name, origin=str(source)), tuple(problems))


def _check_complete(folder: Path, files: list[Path]) -> None:
    """A folder written by ``termbase import`` lists its files (``.mustalah-termbase.json``);
    when one is missing the termbase is incomplete (an interrupted copy, a file deleted), and a
    lint against it would silently miss concepts.  So is a temporary ``.part`` folder."""
    if folder.name.endswith(".part") and folder.name.startswith("."):
        raise TermbaseError(
            "this is the temporary folder of an unfinished `termbase import`",
            file=str(folder),
            hint="run the import again; the next import to the same folder removes it",
        )
    manifest = folder / ".mustalah-termbase.json"
    if not manifest.is_file():
        return
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        raise TermbaseError(
            "the termbase folder's manifest is damaged",
            file=str(manifest),
            hint="import the termbase again, or delete the manifest if the folder is complete",
        ) from None
    present = {f.name for f in files}
    missing = [name for name in listed if isinstance(name, str) and name not in present]
    if missing:
        raise TermbaseError(
            f"incomplete termbase folder: {', '.join(missing)} listed in {manifest.name} "
            f"{'is' if len(missing) == 1 else 'are'} missing",
            file=str(folder),
            hint="import the termbase again (or restore the files); delete the manifest if they "
            "were removed on purpose",
        )


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it (shorter, clickable)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == _STR:
        return "a string"
    return {_BOOL: "a boolean", "tag:yaml.org,2002:null": "empty"}.get(node.tag, f"the value {node.value!r}")


class _FileReader:
    """Turns one YAML file's node tree into concepts, collecting problems as it goes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = display_path(path)
        self.problems: list[Problem] = []
        self.concept_id: str | None = None

    def problem(self, code: str, message: str, node: yaml.Node | int) -> None:
        line = node if isinstance(node, int) else _line(node)
        self.problems.append(Problem(code, message, Location(self.file, line), self.concept_id))

    def read(self) -> list[Concept]:
        try:
            with self.path.open("rb") as handle:
                root = yaml.compose(handle, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = int(mark.line) + 1 if mark is not None else 1
            self.problem("TB001", f"malformed YAML: {exc.problem or exc.context}", line)
            return []
        except yaml.reader.ReaderError as exc:  # bad bytes: locate them (the exception has no mark)
            self.problem(
                "TB001",
                f"not readable as UTF-8 text: {exc.reason} at byte offset {exc.position} "
                "(save the file as UTF-8 without control characters, e.g. `iconv -f cp1256 -t utf-8`)",
                self._line_at(exc.position),
            )
            return []
        except yaml.YAMLError as exc:
            self.problem("TB001", f"malformed YAML: {exc}", 1)
            return []
        except (OSError, UnicodeDecodeError) as exc:
            raise TermbaseError(f"cannot read termbase file: {exc}", file=self.file) from exc
        if root is None:
            self.problem("TB004", "empty file: expected 'domain:' and 'concepts:'", 1)
            return []
        fields = self.mapping(root, TOP_FIELDS, "file")
        if fields is None:
            return []
        domain = self.domain(fields.get("domain"), root, required=True) or "concepts"
        concepts_node = fields.get("concepts")
        if concepts_node is None:
            self.problem("TB004", "missing 'concepts:' list", root)
            return []
        if not isinstance(concepts_node, yaml.SequenceNode):
            self.problem("TB003", f"'concepts' must be a list, not {_kind(concepts_node)}", concepts_node)
            return []
        out: list[Concept] = []
        for item in concepts_node.value:
            concept = self.concept(item, domain)
            if concept is not None:
                out.append(concept)
        return out

    def _line_at(self, offset: int) -> int:
        try:
            with self.path.open("rb") as handle:
                return handle.read(max(0, offset)).count(b"\n") + 1
        except OSError:
            return 1

    # -- generic node helpers ------------------------------------------------------------------

    def mapping(self, node: yaml.Node, allowed: tuple[str, ...], what: str) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem("TB003", f"a {what} must be a mapping, not {_kind(node)}", node)
            return None
        out: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name not in allowed:
                self.problem(
                    "TB002", f"unknown field {name!r} in a {what} (allowed: {', '.join(allowed)})", key
                )
            elif name in out:
                self.problem("TB002", f"field {name!r} given twice in a {what}", key)
            else:
                out[name] = value
        return out

    def text(self, node: yaml.Node | None, field: str) -> str | None:
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag in _TEXTLIKE:
            value = str(node.value).strip()
            if value:
                return value
            self.problem("TB003", f"{field!r} is empty", node)
            return None
        self.problem("TB003", f"{field!r} must be a string, not {_kind(node)}", node)
        return None

    def text_list(self, node: yaml.Node | None, field: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if isinstance(node, yaml.ScalarNode) and node.tag in _TEXTLIKE:
            value = self.text(node, field)  # a single value is accepted for a one-item list
            return (value,) if value else ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem("TB003", f"{field!r} must be a list of strings, not {_kind(node)}", node)
            return ()
        values = (self.text(item, field) for item in node.value)
        return tuple(v for v in values if v)

    def enum(self, node: yaml.Node | None, field: str, kind: type[E]) -> E | None:
        raw = self.text(node, field)
        if raw is None or node is None:
            return None
        try:
            return kind(raw)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in kind)
            self.problem("TB003", f"bad {field} {raw!r} (allowed: {allowed})", node)
            return None

    def domain(self, node: yaml.Node | None, parent: yaml.Node, *, required: bool) -> str | None:
        if node is None:
            if required:
                self.problem("TB004", f"missing 'domain:' (one of {', '.join(DOMAINS)})", parent)
            return None
        value = self.text(node, "domain")
        if value is not None and value not in DOMAINS:
            self.problem("TB003", f"bad domain {value!r} (allowed: {', '.join(DOMAINS)})", node)
        return value

    # -- concepts and terms --------------------------------------------------------------------

    def concept(self, node: yaml.Node, file_domain: str) -> Concept | None:
        self.concept_id = None
        fields = self.mapping(node, CONCEPT_FIELDS, "concept")
        if fields is None:
            return None
        cid = self.text(fields.get("id"), "id")
        if cid is None:
            if "id" not in fields:
                self.problem("TB004", "concept without 'id'", node)
            return None
        self.concept_id = cid
        if not ID_PATTERN.match(cid):
            self.problem("TB003", f"bad concept id {cid!r}: use letters, digits, '_', '.', '-'", fields["id"])
        domain = self.domain(fields.get("domain"), node, required=False) or file_domain
        terms: list[Term] = []
        terms_node = fields.get("terms")
        if terms_node is None:
            self.problem("TB004", f"concept {cid} has no 'terms:'", node)
        elif not isinstance(terms_node, yaml.MappingNode):
            self.problem("TB003", f"'terms' must map languages to lists, not {_kind(terms_node)}", terms_node)
        else:
            for lang_node, list_node in terms_node.value:
                terms.extend(self.language(lang_node, list_node))
        return Concept(
            id=cid,
            domain=domain,
            terms=tuple(terms),
            subject=self.text(fields.get("subject"), "subject"),
            definition=self.text(fields.get("definition"), "definition"),
            note=self.text(fields.get("note"), "note"),
            source=self.text(fields.get("source"), "source"),
            related=self.text_list(fields.get("related"), "related"),
            confusable=self.text_list(fields.get("confusable"), "confusable"),
            location=Location(self.file, _line(node)),
        )

    def language(self, lang_node: yaml.Node, list_node: yaml.Node) -> list[Term]:
        lang = self.text(lang_node, "language")
        if lang is None:
            return []
        if not LANG_PATTERN.match(lang):
            self.problem("TB003", f"bad language code {lang!r} (use BCP 47: en, ar, fr …)", lang_node)
        if not isinstance(list_node, yaml.SequenceNode):
            self.problem("TB003", f"terms in {lang!r} must be a list, not {_kind(list_node)}", list_node)
            return []
        terms = (self.term(item, lang) for item in list_node.value)
        return [t for t in terms if t is not None]

    def term(self, node: yaml.Node, lang: str) -> Term | None:
        location = Location(self.file, _line(node))
        primary, tag = split_tag(lang)
        if isinstance(node, yaml.ScalarNode):
            text = self.text(node, "term")
            return Term(text=text, lang=primary, tag=tag, location=location) if text else None
        fields = self.mapping(node, TERM_FIELDS, "term")
        if fields is None:
            return None
        text = self.text(fields.get("text"), "text")
        if text is None:
            if "text" not in fields:
                self.problem("TB004", "term without 'text'", node)
            return None
        pos = self.text(fields.get("pos"), "pos")
        if pos is not None and pos not in POS_VALUES:
            self.problem("TB003", f"bad pos {pos!r} (allowed: {', '.join(POS_VALUES)})", fields["pos"])
        return Term(
            text=text,
            lang=primary,
            tag=tag,
            status=self.enum(fields.get("status"), "status", Status) or Status.PREFERRED,
            type=self.enum(fields.get("type"), "type", TermType) or TermType.FULL_FORM,
            gender=self.enum(fields.get("gender"), "gender", Gender),
            pos=pos,
            usage=self.text(fields.get("usage"), "usage"),
            note=self.text(fields.get("note"), "note"),
            exact=self.boolean(fields.get("exact"), "exact"),
            forms=self.text_list(fields.get("forms"), "forms"),
            location=location,
        )

    def boolean(self, node: yaml.Node | None, field: str) -> bool:
        if node is None:
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return node.value.lower() in ("true", "yes", "on")
        self.problem("TB003", f"{field!r} must be true or false, not {_kind(node)}", node)
        return False
