"""Rendering a :class:`ScoreReport`: the JSON contract (version 1) and a sacreBLEU-like text table.

The JSON shape is a stable contract other tools read (docs/scoring.md, "JSON output"): every
system object always has every score field (``null`` when not computed), and fields are only
ever added, never renamed or removed, within a version.
"""

from __future__ import annotations

import json
from typing import Any

from .collect import OFFICIAL_FIELDS
from .metrics import SCORE_FIELDS
from .results import ScoreReport, SystemReport
from .tally import miss_row

JSON_VERSION = 1

_LABELS = {"bleu": "BLEU", "chrf": "chrF2", "chrfpp": "chrF2++", "ter": "TER", "term_accuracy": "TermAcc"}
_OFFICIAL_LABELS = {
    "window_overlap_2": "window overlap (w=2)",
    "window_overlap_3": "window overlap (w=3)",
    "one_minus_term": "1 - TERm",
}
_TEST_NAMES = {"bs": "paired bootstrap", "ar": "approximate randomization"}


def _system_json(system: SystemReport) -> dict[str, Any]:
    out: dict[str, Any] = {"name": system.name}
    for field_name in SCORE_FIELDS.values():
        out[field_name] = system.scores.get(field_name)
    out["term_hits"] = system.term_hits
    out["term_total"] = system.term_total
    out["signatures"] = dict(system.signatures)
    out["terms"] = system.terms
    out["term_misses"] = [miss_row(m) for m in system.misses]
    # Added within version 1 (fields are only ever added): docs/scoring.md, 'JSON additions'.
    for name in OFFICIAL_FIELDS:
        out[name] = system.official.get(name)
    out["confidence"] = {k: v.to_json() for k, v in system.confidence.items()} or None
    out["contexts"] = system.contexts
    out["challenge_contexts"] = system.challenge
    out["term_segments"] = system.term_segments
    out["concept_segments"] = [
        {"segment": seg, "concept": concept, "occurrences": occ, "hits": hits}
        for seg, concept, occ, hits in system.concept_segments
    ]
    return out


def to_json_data(report: ScoreReport) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "source_lang": report.source_lang,
        "target_lang": report.target_lang,
        "segments": report.segments,
        "term_source": report.term_source,
        "paired": {"test": report.paired, "samples": report.paired_samples} if report.paired else None,
        "systems": [_system_json(s) for s in report.systems],
        "comparisons": [
            {
                "baseline": c.baseline,
                "system": c.system,
                "metric": SCORE_FIELDS[c.metric],
                "delta": c.delta,
                "p_value": c.p_value,
            }
            for c in report.comparisons
        ],
        "reference_free": report.reference_free,
        "notes": list(report.notes),
        "confidence": (
            {"samples": report.confidence_samples, "seed": report.confidence_seed}
            if report.confidence_samples
            else None
        ),
        "gate": None,
    }


def to_json(report: ScoreReport) -> str:
    return json.dumps(to_json_data(report), ensure_ascii=False, indent=2) + "\n"


def to_text(report: ScoreReport, width: int = 2, max_misses: int = 20, max_concepts: int = 15) -> str:
    lines: list[str] = [f"Note: {note}" for note in report.notes]
    if lines:
        lines.append("")
    multi = len(report.systems) > 1
    for k, system in enumerate(report.systems):
        head = f"System: {system.name}"
        if multi and k == 0:
            head += "  (baseline)"
        lines.append(head)
        for field_name, value in system.scores.items():
            label = _LABELS[field_name]
            shown = "n/a (no source term)" if value is None else f"{value:.{width}f}"
            extra = ""
            if field_name == "term_accuracy" and system.term_total is not None:
                extra = f" ({system.term_hits}/{system.term_total})"
            elif system.verbose.get(field_name):
                extra = f" {system.verbose[field_name]}"
            interval = system.confidence.get(field_name)
            if interval is not None:
                extra += f" (μ = {interval.mean:.{width}f} ± {interval.ci:.{width}f})"
            lines.append(f"  {label:<8}= {shown}{extra}")
            lines.append(f"            {label}|{system.signatures.get(field_name, '')}")
        for name, official in system.official.items():
            if official is None:
                continue
            interval = system.confidence.get(name)
            ci = f" (μ = {interval.mean:.4f} ± {interval.ci:.4f})" if interval is not None else ""
            lines.append(f"  WMT21 {_OFFICIAL_LABELS[name]} = {official:.4f}{ci}  (official script's figure)")
        if system.contexts:
            lines.append("  Term accuracy by context (from the reference):")
            for row in system.contexts:
                acc = "n/a" if row["accuracy"] is None else f"{row['accuracy']:.{width}f}"
                lines.append(f"    {row['context']:<24} {acc:>7}  ({row['hits']}/{row['occurrences']})")
        if system.challenge:
            lines.append(
                "  Challenge set by context (items whose name the system rendered, from manifest.json):"
            )
            for row in system.challenge:
                acc = "n/a" if row["accuracy"] is None else f"{row['accuracy']:.{width}f}"
                lines.append(f"    {row['context']:<24} {acc:>7}  ({row['rendered']}/{row['items']})")
        if system.terms:
            lines.append(
                f"  Terms by concept (top {min(max_concepts, len(system.terms))} of {len(system.terms)}):"
            )
            for row in system.terms[:max_concepts]:
                missed = ", ".join(f"{kind} {n}" for kind, n in row["misses"].items() if n)
                lines.append(
                    f"    {row['concept']:<40} {row['hits']:>5}/{row['occurrences']:<5}"
                    + (f"  misses: {missed}" if missed else "")
                )
        if system.misses:
            lines.append(
                f"  Term misses (first {min(max_misses, len(system.misses))} of {len(system.misses)}):"
            )
            for miss in system.misses[:max_misses]:
                found = miss.found
                if miss.found_text:
                    found += f" {miss.found_text!r}"
                if miss.found_concept:
                    found += f" ({miss.found_concept})"
                if miss.detail:
                    found += f" [{miss.detail}]"
                lines.append(
                    f"    segment {miss.segment}: {miss.source_term!r} -> expected {miss.expected!r}, "
                    f"found {found}"
                )
        lines.append("")
    if report.comparisons:
        base = report.comparisons[0].baseline
        test = _TEST_NAMES.get(report.paired or "", report.paired or "")
        lines.append(f"Paired test: {test} ({report.paired_samples} samples), baseline: {base}")
        for c in report.comparisons:
            label = _LABELS[SCORE_FIELDS[c.metric]]
            lines.append(f"  {c.system:<30} {label:<8} Δ = {c.delta:+.{width}f}  p = {c.p_value:.4f}")
        lines.append("")
    if report.confidence_samples:
        lines.append(
            f"Confidence: 95 % bootstrap intervals, {report.confidence_samples} resamples, "
            f"seed {report.confidence_seed} (μ ± half-width, as sacrebleu --confidence)"
        )
        lines.append("")
    return "\n".join(lines)
