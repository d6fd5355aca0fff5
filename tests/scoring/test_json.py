"""The JSON output contract (version 1) and per-segment output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main

SYSTEM_KEYS = {
    "name",
    "bleu",
    "chrf",
    "chrfpp",
    "ter",
    "term_accuracy",
    "term_hits",
    "term_total",
    "signatures",
    "terms",
    "term_misses",
}


def test_json_shape_with_two_systems_and_a_paired_test(
    mt_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    segments = tmp_path / "segments.jsonl"
    code = main(
        [
            "score",
            "--source",
            str(mt_dir / "source.en"),
            "--reference",
            str(mt_dir / "reference.ar"),
            str(mt_dir / "system-a.ar"),
            str(mt_dir / "system-b.ar"),
            "--paired",
            "bootstrap",
            "--paired-n",
            "200",
            "--format",
            "json",
            "--segments",
            str(segments),
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    assert (data["source_lang"], data["target_lang"]) == ("en", "ar")
    assert [s["name"] for s in data["systems"]] == ["system-a.ar", "system-b.ar"]
    for system in data["systems"]:
        assert set(system) >= SYSTEM_KEYS
        assert set(system["signatures"]) == {"bleu", "chrf", "chrfpp", "ter", "term_accuracy"}
        for key in ("bleu", "chrf", "chrfpp", "ter", "term_accuracy"):
            assert isinstance(system[key], float)
        assert system["term_accuracy"] == pytest.approx(100 * system["term_hits"] / system["term_total"])
        row = system["terms"][0]
        assert {"concept", "expected", "occurrences", "hits", "misses", "source_terms"} <= set(row)
    assert len(data["comparisons"]) == 5  # one per metric, system B against the baseline A
    for c in data["comparisons"]:
        assert set(c) == {"baseline", "system", "metric", "delta", "p_value"}
        assert c["baseline"] == "system-a.ar" and c["system"] == "system-b.ar"
    a, b = data["systems"]
    chrfpp = next(c for c in data["comparisons"] if c["metric"] == "chrfpp")
    assert chrfpp["delta"] == pytest.approx(b["chrfpp"] - a["chrfpp"])
    rows = [json.loads(line) for line in segments.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 25 * 2
    assert rows[0]["segment"] == 1 and rows[0]["system"] == "system-a.ar"
    assert sum(r["term_total"] for r in rows if r["system"] == "system-b.ar") == b["term_total"]
    assert sum(r["term_hits"] for r in rows if r["system"] == "system-b.ar") == b["term_hits"]


def test_unrequested_metrics_are_null(mt_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "score",
            "--source",
            str(mt_dir / "source.en"),
            "--reference",
            str(mt_dir / "reference.ar"),
            str(mt_dir / "system-a.ar"),
            "-m",
            "chrf++",
            "-f",
            "json",
        ]
    )
    assert code == 0
    system = json.loads(capsys.readouterr().out)["systems"][0]
    assert system["chrfpp"] > 0 and system["bleu"] is None and system["term_accuracy"] is None
    assert system["terms"] == [] and set(system["signatures"]) == {"chrfpp"}


def test_text_output_prints_every_score_with_its_signature(
    mt_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "score",
            "--source",
            str(mt_dir / "source.en"),
            "--reference",
            str(mt_dir / "reference.ar"),
            str(mt_dir / "system-b.ar"),
            "--normalize-ar",
            "-m",
            "bleu,terms",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "BLEU|nrefs:1|case:mixed|eff:no|tok:intl|smooth:exp|arnorm:alef+ya+ta+tatweel+diac|version:" in out
    assert "TermAcc|terms:termbase|tb:" in out
