"""On the en→ar MT set (corpora/mt) term accuracy equals the hand counts, line by line and in total."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from mustalah.matching import TermIndex
from mustalah.scoring import CorpusFiles, ScoreOptions, score_files
from mustalah.scoring.terms import analyse_segment, shared_forms, source_occurrences
from mustalah.termbase.loader import load_termbase
from mustalah.termbase.model import Termbase

from .conftest import lines

SYSTEMS = {"reference": "reference.ar", "system-a": "system-a.ar", "system-b": "system-b.ar"}


def _expected(mt_dir: Path, termbase: Termbase) -> dict[str, Any]:
    path = mt_dir / "term-counts.yaml"
    if not path.exists():
        pytest.skip(f"needs {path}")
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    pending = {t["concept"] for line in data["lines"] for t in line["terms"] if t.get("pending")}
    if any(termbase.get(c) is not None for c in pending):
        return {"data": data, "skip": set(), "totals": data["totals"]}
    return {"data": data, "skip": pending, "totals": data["totals_termbase_only"]}


def test_line_by_line_counts_match_the_hand_counts(mt_dir: Path) -> None:
    termbase = load_termbase(None)
    expected = _expected(mt_dir, termbase)
    index = TermIndex.build(termbase, languages=("en", "ar"))
    shared = shared_forms(termbase, "ar")
    sources = lines(mt_dir / "source.en")
    outputs = {name: lines(mt_dir / file) for name, file in SYSTEMS.items()}
    problems: list[str] = []
    for entry in expected["data"]["lines"]:
        no = entry["line"]
        want = {t["concept"]: t for t in entry["terms"] if t["concept"] not in expected["skip"]}
        occ = source_occurrences(index.match(sources[no - 1], "en"))
        got_source = Counter(c for c, _ in occ)
        if dict(got_source) != {c: t["source"] for c, t in want.items()}:
            problems.append(f"line {no} source: got {dict(got_source)}")
        for name, hyps in outputs.items():
            seg = analyse_segment(no, occ, index.match(hyps[no - 1], "ar"), termbase, "ar", shared)
            hits = Counter()
            for concept, _, _, hit in seg.rows:
                hits[concept] += hit
            for concept, t in want.items():
                if hits[concept] != t[name]:
                    problems.append(f"line {no} {name} {concept}: got {hits[concept]}, hand count {t[name]}")
    assert problems == []


def test_corpus_totals_match_the_hand_counts(mt_dir: Path) -> None:
    termbase = load_termbase(None)
    totals = _expected(mt_dir, termbase)["totals"]
    files = CorpusFiles(
        references=(mt_dir / "reference.ar",),
        hypotheses=tuple(mt_dir / f for f in SYSTEMS.values()),
        source=mt_dir / "source.en",
    )
    report = score_files(files, ScoreOptions(metrics=("terms",), shard_size=4), termbase=termbase)
    for system, name in zip(report.systems, SYSTEMS, strict=True):
        assert system.term_total == totals["source"], name
        assert system.term_hits == totals[name]["hits"], name
        assert round(system.scores["term_accuracy"] or 0.0, 2) == totals[name]["accuracy"], name
