"""Write the model back as termbase YAML, in the hand-written style of docs/termbase-format.md.

The emitter is hand-rolled (scalars are quoted with PyYAML's own resolver rules) because the
format mixes plain-string terms, one-line flow mappings and block mappings, which a generic
``yaml.dump`` cannot produce.  Output is deterministic: load → write → load gives an equal
model and write → load → write gives identical bytes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from ..errors import UsageError
from ..fileio import atomic_text, part_name, remove_stale_parts, write_error
from .model import Concept, Status, Term, Termbase, TermType

_RESOLVER = yaml.resolver.Resolver()
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_LIMIT = 100
_WRAP = 100
#: Prose that survives folding unchanged: single spaces only, printable, no edge whitespace.
_FOLDABLE = re.compile(r"(?=[^ ])(?!.*  )(?!.* $)[^\n\r\t\x00-\x1f\x7f]+\Z")
_SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,60}\Z")


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back as the same string, else double-quoted."""
    plain = (
        value
        and value == value.strip()
        and value[0] not in _INDICATORS
        and not any(ch in value for ch in ",[]{}#\n\r\t\\\"'")
        and ": " not in value
        and not value.endswith(":")
        and value.isprintable()
        and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"  # type: ignore[no-untyped-call]
    )
    return value if plain else _double_quoted(value)


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _yaml_printable(ch: str) -> bool:
    code = ord(ch)
    return (
        0x20 <= code <= 0x7E
        or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029))  # YAML line breaks are escaped
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or code >= 0x10000
    )


def _double_quoted(value: str) -> str:
    """A YAML double-quoted scalar; characters YAML may not hold literally are escaped."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _yaml_printable(ch):
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def folded(key: str, value: str, indent: str) -> list[str]:
    """``key: value`` — long prose as a folded block (``>-``) wrapped for review, else one line."""
    line = f"{indent}{key}: {scalar(value)}"
    if len(line) <= _WRAP or not _FOLDABLE.match(value):
        return [line]
    lines, current = [f"{indent}{key}: >-"], ""
    for word in value.split(" "):
        if current and len(indent) + 2 + len(current) + 1 + len(word) > _WRAP:
            lines.append(f"{indent}  {current}")
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(f"{indent}  {current}")
    return lines


def _flow_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def _term_fields(term: Term) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = [("text", scalar(term.text))]
    if term.type is not TermType.FULL_FORM:
        fields.append(("type", term.type.value))
    if term.status is not Status.PREFERRED:
        fields.append(("status", term.status.value))
    if term.gender is not None:
        fields.append(("gender", term.gender.value))
    if term.pos is not None:
        fields.append(("pos", scalar(term.pos)))
    if term.exact:
        fields.append(("exact", "true"))
    if term.forms:
        fields.append(("forms", _flow_list(term.forms)))
    if term.usage is not None:
        fields.append(("usage", scalar(term.usage)))
    if term.note is not None:
        fields.append(("note", scalar(term.note)))
    return fields


def _term_lines(term: Term, indent: str) -> Iterator[str]:
    fields = _term_fields(term)
    prose = {"usage": term.usage, "note": term.note}
    if len(fields) == 1:
        yield f"{indent}- {fields[0][1]}"
        return
    flow = f"{indent}- {{" + ", ".join(f"{k}: {v}" for k, v in fields) + "}"
    if len(flow) <= _FLOW_LIMIT and term.note is None and term.usage is None:
        yield flow
        return
    first = True
    for key, value in fields:
        text = prose.get(key)
        if text is not None and not first:
            yield from folded(key, text, indent + "  ")
        else:
            yield f"{indent}{'- ' if first else '  '}{key}: {value}"
        first = False


def concept_lines(concept: Concept, *, with_domain: bool = False) -> Iterator[str]:
    yield f"  - id: {scalar(concept.id)}"
    if with_domain:
        yield f"    domain: {scalar(concept.domain)}"
    for key in ("subject", "definition", "note", "source"):
        value = getattr(concept, key)
        if value is not None:
            yield from folded(key, value, "    ")
    if concept.related:
        yield f"    related: {_flow_list(concept.related)}"
    if concept.confusable:
        yield f"    confusable: {_flow_list(concept.confusable)}"
    if not concept.terms:
        yield "    terms: {}"
        return
    yield "    terms:"
    for lang in concept.full_languages:
        yield f"      {scalar(lang)}:"
        for term in concept.terms_tagged(lang):
            yield from _term_lines(term, "        ")


def dump_concepts(concepts: Iterable[Concept], domain: str) -> str:
    """One YAML document; concepts whose domain differs from ``domain`` carry their own."""
    lines = [f"domain: {scalar(domain)}", "concepts:"]
    items = list(concepts)
    for i, concept in enumerate(items):
        if i:
            lines.append("")
        lines.extend(concept_lines(concept, with_domain=concept.domain != domain))
    if not items:
        lines[-1] = "concepts: []"
    return "\n".join(lines) + "\n"


def dump_termbase(termbase: Termbase) -> str:
    """The whole termbase as one YAML file (the most common domain at the top)."""
    counts = Counter(c.domain for c in termbase.concepts)
    domain = counts.most_common(1)[0][0] if counts else "concepts"
    return dump_concepts(termbase.concepts, domain)


#: The list of files a written termbase folder holds (written last): a folder whose listed
#: files are not all there is incomplete, and loading it says so (termbase.yaml_io).
MANIFEST = ".mustalah-termbase.json"


def write_yaml(termbase: Termbase, output: str | Path) -> list[Path]:
    """Write to ``output``: a ``.yaml`` file, or a folder (one ``<domain>.yaml`` per domain).

    A folder is written as a whole: into a temporary ``.NAME.PID.*.part`` folder beside it,
    with a manifest, then renamed into place — a full disk or an interrupt leaves the old
    folder (or none), never part of one.  An existing folder is replaced only if it holds
    nothing but termbase YAML (what an earlier import wrote)."""
    target = Path(output)
    if target.suffix in (".yaml", ".yml"):
        with atomic_text(target) as handle:
            handle.write(dump_termbase(termbase))
        return [target]
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is not a folder", hint="give a folder or a .yaml file name for -o")
    if target.is_dir():
        foreign = sorted(
            p.name for p in target.iterdir() if p.suffix not in (".yaml", ".yml") and p.name != MANIFEST
        )
        if foreign:
            raise UsageError(
                f"output folder {target} holds other files ({', '.join(foreign[:3])}"
                f"{', …' if len(foreign) > 3 else ''}); it would be replaced as a whole",
                hint="give a new folder, or one that holds only termbase YAML",
            )
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"output folder {parent} does not exist", hint="create it first")
    by_file: dict[str, list[Concept]] = {}
    for concept in termbase.concepts:
        name = concept.domain if _SAFE_FILE_NAME.match(concept.domain) else "other"
        by_file.setdefault(name, []).append(concept)
    remove_stale_parts(target)
    staging: Path | None = None
    old: Path | None = None
    try:
        staging = Path(tempfile.mkdtemp(prefix=part_name(target), suffix=".part", dir=parent))
        names: list[str] = []
        for name, concepts in by_file.items():
            domain = Counter(c.domain for c in concepts).most_common(1)[0][0]
            (staging / f"{name}.yaml").write_text(dump_concepts(concepts, domain), encoding="utf-8")
            names.append(f"{name}.yaml")
        manifest = {"files": sorted(names), "concepts": len(termbase.concepts)}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        staging.chmod(0o755)
        if target.is_dir():
            old = Path(tempfile.mkdtemp(prefix=part_name(target), suffix=".old.part", dir=parent))
            os.rmdir(old)
            os.rename(target, old)
        os.rename(staging, target)
        staging = None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
            old = None
    except OSError as exc:
        raise write_error(target, exc) from None
    finally:
        if old is not None and not target.exists():
            os.rename(old, target)  # put the previous folder back
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return [target / name for name in names]
