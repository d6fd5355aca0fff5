"""``mustalah fix``: apply the safe suggestions, changing nothing but the fixed spans.

Safe fixes (:data:`SAFE`) are the ones whose suggestion is the text itself corrected, with the
span's own proclitics kept (``وللمكتب`` → ``وللمركز``): a deprecated or orthographically variant
term form replaced by the preferred one, the article dropped from a construct head, a space
before punctuation, a Latin comma or semicolon in Arabic, invisible controls.  ``mustalah rules``
says for each rule whether its fix is safe.

How a fix stays inside its span: the lint says which unit, line and span; the span's text is
looked up, encoded as the file writes text (XML escapes, PO escapes), from the unit's first line
in the file as it is on disk, at the same occurrence it has in the unit's text, and only those
characters are replaced.  The result is read back with the same reader before anything is
written: every fixed unit must read exactly as its text with the fixes applied, every other unit
exactly as before — else the file is refused (exit 2), nothing written.  A span the lookup cannot
place (text written with character references, split by an inline code or a PO line break) is
left alone and counted.  Writes are atomic; ``--diff`` shows the changes and writes nothing.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from ..checks.fixes import SAFE_FIXES
from ..encoding import sniff_bom, sniff_xml_encoding
from ..errors import InputError
from ..formats.registry import read_segments
from ..model import Finding, Segment
from .engine import LintSettings
from .inputs import expand_inputs, reader_languages
from .run import run_lint

#: Rules whose suggestion is a safe, span-local fix (``checks.fixes``).
SAFE: frozenset[str] = SAFE_FIXES
_XML = (".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff")
_PO = (".po", ".pot")


@dataclass(frozen=True, slots=True)
class Change:
    """One replacement in a file's text as decoded: ``old`` at ``at`` became ``new``."""

    file: str
    at: int
    old: str
    new: str
    finding: Finding


@dataclass(frozen=True, slots=True)
class FileFix:
    """What fixing one file does: its text before and after, and the changes."""

    path: str
    encoding: str
    bom: bytes
    before: str
    after: str
    changes: tuple[Change, ...]
    skipped: tuple[Finding, ...]

    def data(self) -> bytes:
        return self.bom + self.after.encode(self.encoding)


def read_raw(path: str) -> tuple[str, str, bytes]:
    """The file's text as written (decoded), its encoding and its byte-order mark."""
    data = Path(path).read_bytes()
    encoding, skip = sniff_bom(data[:4])
    if encoding is None:
        encoding = sniff_xml_encoding(data[:1024]) if path.lower().endswith(_XML) else "utf-8"
    try:
        return data[skip:].decode(encoding), encoding, data[:skip]
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"cannot decode the file as {encoding}: {exc}", file=path) from None


def _encoder(path: str) -> Callable[[str], str]:
    lower = path.lower()
    if lower.endswith(_XML):
        return lambda s: xml_escape(s)
    if lower.endswith(_PO):
        return lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return lambda s: s


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _anchor(path: str, text: str, pos: int, side: str, unit: str) -> int:
    """Where a side's text starts from its unit's first line: a PO entry's ``msgstr`` (``msgstr[k]``
    for plural form k, unit ``N[k]``), the column after a TSV line's tab; elsewhere the line."""
    lower = path.lower()
    if side == "target" and lower.endswith(_PO):
        plural = re.search(r"\[(\d+)\]$", unit)
        keyword = f"msgstr[{plural.group(1)}]" if plural else "msgstr "
        at = text.find("\n" + keyword, pos - 1)
        return at + 1 if at >= 0 else -1
    if side == "target" and lower.endswith(".tsv"):
        at = text.find("\t", pos)
        return at + 1 if at >= 0 else -1
    return pos


def fixable(findings: Sequence[Finding], codes: frozenset[str] = SAFE) -> list[Finding]:
    """The findings a fix applies to: safe codes with a suggestion that changes the text, one per
    span (overlapping ones after the first are left for the next run)."""
    out: list[Finding] = []
    taken: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    for f in sorted(findings, key=lambda f: (f.file, f.unit, f.side, f.start, f.end)):
        if f.code not in codes or f.suggestion is None or f.suggestion == f.text or f.end <= f.start:
            continue
        spans = taken[(f.file, f.unit, f.side)]
        if any(f.start < e and s < f.end for s, e in spans):
            continue
        spans.append((f.start, f.end))
        out.append(f)
    return out


def plan_file(path: str, findings: Sequence[Finding], segments: dict[tuple[str, str], Segment]) -> FileFix:
    """Place each finding's span in ``path`` as written (see the module docstring)."""
    text, encoding, bom = read_raw(path)
    encode = _encoder(path)
    starts = _line_starts(text)
    changes: list[Change] = []
    skipped: list[Finding] = []
    for f in findings:
        seg = segments.get((f.unit, f.side))
        side_text = None if seg is None else (seg.source if f.side == "source" else seg.target)
        if side_text is None or f.line is None or side_text[f.start : f.end] != f.text:
            skipped.append(f)
            continue
        first_line = f.line - side_text.count("\n", 0, f.start)  # the unit's first line
        if not 1 <= first_line <= len(starts):
            skipped.append(f)
            continue
        occurrence, at = 0, side_text.find(f.text)
        while 0 <= at < f.start:
            occurrence += 1
            at = side_text.find(f.text, at + len(f.text))
        if at != f.start:
            skipped.append(f)
            continue
        needle = encode(f.text)
        pos = _anchor(path, text, starts[first_line - 1], f.side, f.unit)
        pos = -1 if pos < 0 else text.find(needle, pos)
        for _ in range(occurrence):
            pos = -1 if pos < 0 else text.find(needle, pos + len(needle))
        if pos < 0 or any(pos < c.at + len(c.old) and c.at < pos + len(needle) for c in changes):
            skipped.append(f)
            continue
        assert f.suggestion is not None
        changes.append(Change(path, pos, needle, encode(f.suggestion), f))
    after = text
    for c in sorted(changes, key=lambda c: c.at, reverse=True):
        after = after[: c.at] + c.new + after[c.at + len(c.old) :]
    return FileFix(
        path, encoding, bom, text, after, tuple(sorted(changes, key=lambda c: c.at)), tuple(skipped)
    )


def _expected(seg: Segment, fixes: Sequence[Finding]) -> tuple[str, str | None]:
    """The unit's texts with its fixes applied (what the fixed file must read back as)."""
    texts = {"source": seg.source, "target": seg.target}
    for f in sorted(fixes, key=lambda f: f.start, reverse=True):
        old = texts[f.side]
        assert old is not None and f.suggestion is not None
        texts[f.side] = old[: f.start] + f.suggestion + old[f.end :]
    return texts["source"] or "", texts["target"]


def _copy_into(source: Path, folder: Path) -> Path:
    """A copy of the input ``source`` (a file or a release folder) in ``folder``: fixes are made
    and read back there, never in the input."""
    copy = folder / source.name
    if source.is_dir():
        shutil.copytree(source, copy)
    else:
        shutil.copyfile(source, copy)
    return copy


def verify(input_path: str, fixes: Sequence[FileFix], settings: LintSettings) -> None:
    """Read the fixed input back (in a temporary copy): fixed units as expected, the rest unchanged."""
    langs = reader_languages(settings)
    before = list(read_segments(input_path, *langs))
    applied: dict[str, list[Finding]] = defaultdict(list)
    for fx in fixes:
        for c in fx.changes:
            applied[c.finding.unit].append(c.finding)
    with tempfile.TemporaryDirectory(prefix="mustalah-fix-") as tmp:
        source = Path(input_path)
        copy = _copy_into(source, Path(tmp))
        for fx in fixes:
            target = copy / Path(fx.path).name if source.is_dir() else copy
            target.write_bytes(fx.data())
        after = list(read_segments(str(copy), *langs))
    if len(after) != len(before):
        raise InputError(
            f"the fixed file reads as {len(after)} units, not {len(before)}: nothing written",
            file=input_path,
            hint="report this file; `mustalah fix --diff` shows what the fix would change",
        )
    for old, new in zip(before, after, strict=True):
        want = _expected(old, applied.get(old.unit, []))
        if (new.unit, new.source, new.target) != (old.unit, *want):
            raise InputError(
                "a fix would change the file beyond its spans: nothing written",
                file=input_path,
                unit=old.unit,
                hint="report this file; lint it and fix this unit by hand",
            )


def plan(
    paths: Sequence[str], settings: LintSettings, codes: frozenset[str] = SAFE, rounds: int = 4
) -> list[tuple[str, list[FileFix]]]:
    """Per input (a file or a release folder): the checked fixes of each file it is made of.

    Fixes are applied in rounds to a temporary copy (a fix that overlapped another, or one the
    first fix made necessary — a space left before the Arabic comma that replaced a Latin one —
    is made in the next round), each round read back (:func:`verify`).  The copy is then linted
    with every rule: a finding it has that the input did not have refuses the input (exit 2,
    nothing written).
    """
    out: list[tuple[str, list[FileFix]]] = []
    for item in expand_inputs(paths):
        with tempfile.TemporaryDirectory(prefix="mustalah-fix-") as tmp:
            source = Path(item)
            work = _copy_into(source, Path(tmp))
            originals: dict[str, str] = {}  # file in the copy → its file in the input
            changes: dict[str, list[Change]] = defaultdict(list)
            skipped: dict[str, tuple[Finding, ...]] = {}
            first: list[Finding] | None = None
            for _ in range(rounds):
                result = run_lint([str(work)], settings, keep_segments=True)
                if first is None:
                    first = list(result.findings)
                by_file: dict[str, list[Finding]] = defaultdict(list)
                for f in fixable(result.findings, codes):
                    by_file[f.file].append(f)
                segments = {(s.unit, side): s for s in result.segments for side in ("source", "target")}
                fixes = [plan_file(file, fs, segments) for file, fs in sorted(by_file.items())]
                for fx in fixes:
                    skipped[fx.path] = fx.skipped
                fixes = [fx for fx in fixes if fx.changes]
                if not fixes:
                    break
                verify(str(work), fixes, settings)
                for fx in fixes:
                    original = str(source / Path(fx.path).name) if source.is_dir() else item
                    originals.setdefault(fx.path, original)
                    changes[fx.path].extend(fx.changes)
                    Path(fx.path).write_bytes(fx.data())
            if changes:
                _nothing_new(item, first or [], run_lint([str(work)], settings).findings)
            files = []
            for path, original in sorted(originals.items(), key=lambda kv: kv[1]):
                before, encoding, bom = read_raw(original)
                after = read_raw(path)[0]
                files.append(
                    FileFix(original, encoding, bom, before, after, tuple(changes[path]), skipped[path])
                )
            files += [
                FileFix(str(source / Path(p).name) if source.is_dir() else item, "utf-8", b"", "", "", (), s)
                for p, s in skipped.items()
                if s and p not in originals
            ]
        out.append((item, files))
    return out


def _key(f: Finding) -> tuple[str, str, str]:
    """Findings are counted per rule, unit and side (a fix moves spans, and a finding that quotes
    the whole unit, pofilter's, quotes the fixed text)."""
    return f.code, f.unit, f.side


def _nothing_new(item: str, before: Sequence[Finding], after: Sequence[Finding]) -> None:
    new = Counter(map(_key, after)) - Counter(map(_key, before))
    if new:
        code, unit, side = next(iter(new))
        raise InputError(
            f"the fixes would bring {sum(new.values())} new finding(s) ({code} on the {side}): "
            "nothing written",
            file=item,
            unit=unit,
            hint="fix with --select (see `mustalah fix --help`), or fix this unit by hand",
        )
