"""Suppression in three layers: the unit's own notes, per-file ignores, a baseline file.

* A unit's note channel (XLIFF ``<note>``, PO translator comment, TMX ``<note>`` or
  ``<prop type="x-mustalah">``) may say ``mustalah: ignore TM002`` (several codes
  separated by commas or spaces; ``mustalah: ignore`` alone silences the unit).
  A directive that silenced nothing is reported as MU001.
* ``per-file-ignores`` in ``[tool.mustalah]``: glob → codes.
* A baseline file lists fingerprints of accepted findings: a hash of the rule, the unit's
  source and target text, and the finding's side and span, so two findings of one rule in
  one unit are told apart (the HTML report dismisses them one by one).  An accepted finding
  lapses as soon as the unit's text changes.  A baseline written before findings had their
  own fingerprints holds the unit's (rule + source + target): it still accepts every finding
  of that rule in the unit (:func:`accepted`).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..errors import InputError
from ..fileio import atomic_text
from ..model import Finding, Segment

_DIRECTIVE = re.compile(r"mustalah\s*:\s*(?:ignore|disable|noqa)\b([^\n]*)", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]{2}\d{3}|[a-z]+(?:-[a-z]+)+")


def fingerprint(code: str, segment: Segment) -> str:
    h = hashlib.sha256()
    h.update(code.encode())
    h.update(b"\x00")
    h.update(segment.source.encode())
    h.update(b"\x00")
    h.update((segment.target or "").encode())
    return h.hexdigest()[:20]


def finding_fingerprint(unit_print: str, side: str, start: int, end: int) -> str:
    """One finding's fingerprint: its rule's unit fingerprint (:func:`fingerprint`) and its span."""
    return hashlib.sha256(f"{unit_print}\0{side}\0{start}\0{end}".encode()).hexdigest()[:20]


def accepted(finding: Finding, segment: Segment, baseline: frozenset[str]) -> bool:
    """Whether ``baseline`` accepts ``finding``: its own fingerprint, or (a baseline written before
    findings had their own) the unit fingerprint of its rule."""
    return finding.fingerprint in baseline or fingerprint(finding.code, segment) in baseline


def directives(segment: Segment) -> list[tuple[str, str | None]]:
    """(raw directive, code or None for 'all') from the unit's notes and props."""
    texts = list(segment.notes) + [v for k, v in segment.props if k.lower() in ("x-mustalah", "mustalah")]
    out: list[tuple[str, str | None]] = []
    for note in texts:
        for m in _DIRECTIVE.finditer(note):
            codes = _CODE.findall(m.group(1))
            if not codes:
                out.append((m.group(0).strip(), None))
            out.extend((m.group(0).strip(), c) for c in codes)
    return out


def apply_unit_suppressions(segment: Segment, findings: Sequence[Finding]) -> tuple[list[Finding], list[str]]:
    """Drop findings silenced by the unit's notes; return the kept ones and unused directives."""
    found = directives(segment)
    if not found:
        return list(findings), []
    used: set[str | None] = set()
    kept: list[Finding] = []
    for f in findings:
        hit = next((c for _, c in found if c is None or c in (f.code, f.name)), "")
        if hit != "":
            used.add(hit)
            continue
        kept.append(f)
    return kept, [f"{raw} ({code or 'all'})" for raw, code in found if code not in used]


def per_file_ignored(finding: Finding, per_file: Mapping[str, Sequence[str]]) -> bool:
    name = Path(finding.file).name
    for pattern, codes in per_file.items():
        matches = fnmatch.fnmatch(finding.file, pattern) or fnmatch.fnmatch(name, pattern)
        if matches and any(c in (finding.code, finding.name, finding.category, "ALL") for c in codes):
            return True
    return False


def read_baseline(path: str) -> frozenset[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            "baseline file not found",
            file=path,
            hint="create it with 'mustalah lint … --write-baseline FILE'",
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"baseline is not JSON: {exc.msg}",
            file=path,
            line=exc.lineno,
            column=exc.colno,
            hint="regenerate it with --write-baseline",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("fingerprints"), list):
        raise InputError(
            "baseline has no 'fingerprints' list", file=path, hint="regenerate it with --write-baseline"
        )
    return frozenset(str(x) for x in data["fingerprints"])


def write_baseline(path: str, findings: Iterable[Finding]) -> int:
    prints = sorted({f.fingerprint for f in findings if f.fingerprint})
    with atomic_text(path) as out:
        json.dump({"version": 1, "fingerprints": prints}, out, indent=1)
        out.write("\n")
    return len(prints)
