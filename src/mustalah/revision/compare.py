"""``mustalah diff``: what a reviser changed, and which of those changes the lint foresaw.

The original (the translator's file) and the revised version are read with the ordinary readers
(any bilingual format: TMX, XLIFF, PO, release folders, TSV) and their units paired by id.  For
each unit whose text differs, the word-level edits (:mod:`.edits`) are set against the lint's
findings on the original: an edit whose span touches a finding's span on the same side is
**caught** by that rule, the others are **uncaught** — the translator's error profile without
manual LQA tagging.  A word replaced by the same other word in two places or more is a
**candidate** termbase entry (the reviser's form is the preferred one).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import UsageError
from ..formats.registry import read_segments
from ..lint.engine import LintSettings
from ..lint.inputs import reader_languages
from ..lint.run import run_lint
from ..model import Finding, Segment, Side
from .edits import word_edits

KINDS = ("word", "orthography", "clitic", "diacritics", "punctuation", "spacing")


@dataclass(frozen=True, slots=True)
class Edit:
    file: str
    unit: str
    side: str
    lang: str
    start: int
    end: int
    old: str
    new: str
    kind: str
    #: The rules whose findings on the original touch this edit (empty: uncaught).
    caught_by: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "unit": self.unit,
            "side": self.side,
            "lang": self.lang,
            "start": self.start,
            "end": self.end,
            "old": self.old,
            "new": self.new,
            "kind": self.kind,
            "caught_by": list(self.caught_by),
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """A word the reviser replaced the same way in several places."""

    lang: str
    old: str
    new: str
    count: int
    units: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "old": self.old,
            "new": self.new,
            "count": self.count,
            "units": list(self.units),
        }


@dataclass(frozen=True, slots=True)
class UnitPair:
    original: Segment
    revised: Segment
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class DiffResult:
    original: str
    revised: str
    pairs: tuple[UnitPair, ...]
    #: Unit ids only one version has.
    only_original: tuple[str, ...] = ()
    only_revised: tuple[str, ...] = ()
    #: Findings on the original that no edit touched (the reviser left them).
    untouched: tuple[Finding, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    units: int = 0
    edits: tuple[Edit, ...] = field(default=())

    def summary(self) -> dict[str, object]:
        caught = sum(1 for e in self.edits if e.caught_by)
        by_kind = {
            k: {
                "edits": sum(1 for e in self.edits if e.kind == k),
                "caught": sum(1 for e in self.edits if e.kind == k and e.caught_by),
                "uncaught": sum(1 for e in self.edits if e.kind == k and not e.caught_by),
            }
            for k in KINDS
        }
        by_rule = Counter(code for e in self.edits for code in e.caught_by)
        return {
            "units": self.units,
            "edited_units": len(self.pairs),
            "edits": len(self.edits),
            "caught": caught,
            "uncaught": len(self.edits) - caught,
            "by_kind": {k: v for k, v in by_kind.items() if v["edits"]},
            "by_rule": dict(sorted(by_rule.items())),
            "findings_untouched": len(self.untouched),
            "only_original": len(self.only_original),
            "only_revised": len(self.only_revised),
        }

    def to_json(self) -> dict[str, object]:
        return {
            "version": 1,
            "original": self.original,
            "revised": self.revised,
            "summary": self.summary(),
            "edits": [e.to_json() for e in self.edits],
            "candidates": [c.to_json() for c in self.candidates],
            "untouched": [f.to_json() for f in self.untouched],
            "only_original": list(self.only_original),
            "only_revised": list(self.only_revised),
        }


def _by_unit(segments: Iterable[Segment], path: str) -> dict[str, Segment]:
    out: dict[str, Segment] = {}
    for seg in segments:
        if seg.unit in out:
            raise UsageError(
                f"{path}: unit id {seg.unit!r} occurs twice",
                hint="diff pairs units by id: ids must be unique",
            )
        out[seg.unit] = seg
    return out


def _touches(edit_start: int, edit_end: int, f: Finding) -> bool:
    if edit_end > edit_start:
        return (
            edit_start < f.end and f.start < edit_end if f.end > f.start else edit_start <= f.start < edit_end
        )
    return f.start <= edit_start <= f.end  # an insertion inside or at the edge of the span


def diff(original: str, revised: str, settings: LintSettings) -> DiffResult:
    """Pair the units, find the edits, attribute them to the original's findings."""
    langs = reader_languages(settings)
    before = _by_unit(read_segments(original, *langs), original)
    after = _by_unit(read_segments(revised, *langs), revised)
    lint = run_lint([original], settings)
    findings: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in lint.findings:
        findings[(f.unit, f.side)].append(f)
    pairs: list[UnitPair] = []
    touched: set[int] = set()
    for unit, seg in before.items():
        other = after.get(unit)
        if other is None:
            continue
        edits: list[Edit] = []
        sides: tuple[tuple[Side, str | None, str | None, str], ...] = (
            ("source", seg.source, other.source, seg.source_lang),
            ("target", seg.target, other.target, seg.target_lang or ""),
        )
        for side, old, new, lang in sides:
            if old is None or new is None or old == new:
                continue
            file = seg.side_file(side)  # as findings name it (a release folder's ar.txt)
            for raw in word_edits(old, new):
                hits = [f for f in findings[(unit, side)] if _touches(raw.start, raw.end, f)]
                touched.update(id(f) for f in hits)
                codes = tuple(dict.fromkeys(f.code for f in hits))
                edits.append(
                    Edit(file, unit, side, lang, raw.start, raw.end, raw.old, raw.new, raw.kind, codes)
                )
        if edits:
            pairs.append(UnitPair(seg, other, tuple(edits)))
    all_edits = tuple(e for p in pairs for e in p.edits)
    untouched = tuple(
        f for key, fs in findings.items() if key[0] in after for f in fs if id(f) not in touched
    )
    return DiffResult(
        original,
        revised,
        tuple(pairs),
        tuple(u for u in before if u not in after),
        tuple(u for u in after if u not in before),
        untouched,
        candidates(all_edits),
        len(before),
        all_edits,
    )


def candidates(edits: Iterable[Edit], at_least: int = 2) -> tuple[Candidate, ...]:
    """Words replaced by the same other words in ``at_least`` places (a termbase candidate)."""
    seen: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for e in edits:
        if e.kind in ("word", "orthography") and e.old.strip() and e.new.strip():
            seen[(e.lang, e.old.strip(), e.new.strip())].append(e.unit)
    conflicting = Counter((lang, old) for lang, old, _ in seen)
    out = [
        Candidate(lang, old, new, len(units), tuple(dict.fromkeys(units)))
        for (lang, old, new), units in seen.items()
        if len(units) >= at_least and conflicting[(lang, old)] == 1  # replaced consistently
    ]
    return tuple(sorted(out, key=lambda c: (-c.count, c.lang, c.old)))
