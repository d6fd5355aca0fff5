"""Matcher evaluation against annotated gold spans (``tests/gold/*.yaml``, ``make eval``).

A predicted match counts as correct when its span (including proclitics) and concept
equal a gold span's.  Precision and recall are reported per category (entity, post,
person, state, concept, acronym) and per flag (clitic, nested, feminine, variant …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError
from ..termbase.model import Termbase
from .index import TermIndex

DOMAIN_CATEGORY = {
    "entities": "entity",
    "posts": "post",
    "people": "person",
    "member-states": "state",
    "concepts": "concept",
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    by_category: dict[str, Score] = field(default_factory=dict)
    by_flag: dict[str, Score] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    spans: int = 0
    traps: int = 0
    #: predicted spans that overlap a trap (e.g. على taken for the name علي)
    traps_hit: int = 0

    def total(self) -> Score:
        s = Score()
        for v in self.by_category.values():
            s.tp, s.fp, s.fn = s.tp + v.tp, s.fp + v.fp, s.fn + v.fn
        return s


def evaluate(gold_dir: Path, termbase: Termbase, index: TermIndex, repo: Path) -> Evaluation:
    ev = Evaluation()
    files = sorted(gold_dir.glob("*.yaml"))
    if not files:
        raise InputError("no gold files", file=str(gold_dir), hint="expected tests/gold/*.yaml")
    for gold_file in files:
        doc = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
        text_path = repo / doc["file"]
        lines = text_path.read_text(encoding="utf-8").split("\n")
        lang = doc["lang"]
        gold: dict[tuple[int, int, int], dict[str, object]] = {}
        for span in doc.get("spans", []) or []:
            gold[(int(span["line"]), int(span["start"]), int(span["end"]))] = span
        ev.spans += len(gold)
        traps = doc.get("traps", []) or []
        ev.traps += len(traps)
        predicted: dict[tuple[int, int, int], str] = {}
        for n, line in enumerate(lines, 1):
            for m in index.match(line, lang):
                predicted[(n, m.start, m.end)] = m.concept_id
        for trap in traps:
            line, start, end = int(trap["line"]), int(trap["start"]), int(trap["end"])
            hits = [k for k in predicted if k[0] == line and k[1] < end and start < k[2] and k not in gold]
            if hits:
                ev.traps_hit += 1
                ev.errors.append(
                    f"{gold_file.name}: line {line} [{start}:{end}] fell into a trap «{trap.get('text')}»"
                )
        for key, span in gold.items():
            category = str(span.get("category", "?"))
            raw_flags = span.get("flags") or []
            flags = [str(f) for f in raw_flags] if isinstance(raw_flags, list) else []
            hit = predicted.get(key) == span["concept"]
            for bucket in [ev.by_category.setdefault(category, Score())] + [
                ev.by_flag.setdefault(f, Score()) for f in flags
            ]:
                if hit:
                    bucket.tp += 1
                else:
                    bucket.fn += 1
            if not hit:
                got = predicted.get(key)
                ev.errors.append(
                    f"{gold_file.name}: line {key[0]} [{key[1]}:{key[2]}] missed "
                    f"{span['concept']} «{span.get('text')}»" + (f" (got {got})" if got else "")
                )
        for key, concept_id in predicted.items():
            span = gold.get(key)
            if span is not None and span["concept"] == concept_id:
                continue
            concept = termbase.get(concept_id)
            category = DOMAIN_CATEGORY.get(concept.domain, "?") if concept else "?"
            text = lines[key[0] - 1][key[1] : key[2]]
            if concept is not None and any(t.is_acronym and t.text == text for t in concept.terms):
                category = "acronym"
            ev.by_category.setdefault(category, Score()).fp += 1
            ev.errors.append(
                f"{gold_file.name}: line {key[0]} [{key[1]}:{key[2]}] unexpected {concept_id} «{text}»"
            )
    return ev


def report(ev: Evaluation) -> str:
    rows = ["category      P        R        F1     tp   fp   fn"]
    for name, s in sorted(ev.by_category.items()):
        rows.append(
            f"{name:<12} {s.precision:7.1%} {s.recall:7.1%} {s.f1:7.1%} {s.tp:5d} {s.fp:4d} {s.fn:4d}"
        )
    t = ev.total()
    rows.append(f"{'ALL':<12} {t.precision:7.1%} {t.recall:7.1%} {t.f1:7.1%} {t.tp:5d} {t.fp:4d} {t.fn:4d}")
    rows.append("")
    rows.append("flag          recall  tp   fn")
    for name, s in sorted(ev.by_flag.items()):
        rows.append(f"{name:<12} {s.recall:7.1%} {s.tp:4d} {s.fn:4d}")
    rows.append(f"\n{ev.spans} gold spans, {ev.traps} traps ({ev.traps_hit} fallen into)")
    return "\n".join(rows) + "\n"
