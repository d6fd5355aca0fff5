"""Reference-free scoring: term accuracy from the source and the hypotheses alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main


def _json(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_without_reference_term_accuracy_is_the_same_as_with_one(
    mt_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hyps = [str(mt_dir / "system-a.ar"), str(mt_dir / "system-b.ar")]
    assert main(["score", "--source", str(mt_dir / "source.en"), *hyps, "--format", "json"]) == 0
    free = _json(capsys)
    argv = ["score", "--source", str(mt_dir / "source.en"), "-r", str(mt_dir / "reference.ar")]
    assert main([*argv, *hyps, "--format", "json"]) == 0
    full = _json(capsys)
    assert free["reference_free"] is True and full["reference_free"] is False
    assert any("need --reference" in note for note in free["notes"])
    for f, g in zip(free["systems"], full["systems"], strict=True):
        # term accuracy needs only source and hypothesis: identical counts and misses
        assert (f["term_hits"], f["term_total"]) == (g["term_hits"], g["term_total"])
        assert f["term_misses"] == g["term_misses"]
        assert f["term_segments"] == g["term_segments"]
        # string metrics are not computed, and say so by being null (the contract keeps the fields)
        for key in ("bleu", "chrf", "chrfpp", "ter"):
            assert f[key] is None and isinstance(g[key], float)
        assert set(f["signatures"]) == {"term_accuracy"}
        assert f["contexts"] is None  # contexts are read from a reference
    # corpora/mt/term-counts.yaml: 89/90 and 65/90
    assert [(s["term_hits"], s["term_total"]) for s in free["systems"]] == [(89, 90), (65, 90)]


def test_reference_free_text_says_string_metrics_need_a_reference(
    mt_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", "--source", str(mt_dir / "source.en"), str(mt_dir / "system-b.ar")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Note: reference-free")
    assert "TermAcc = 72.22 (65/90)" in out
    assert "BLEU" not in out.split("\n", 2)[2]


def test_string_metrics_alone_without_a_reference_is_a_usage_error(
    mt_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["score", "--source", str(mt_dir / "source.en"), str(mt_dir / "system-a.ar"), "-m", "bleu,chrf++"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "compare with a reference, and none was given" in err
    assert "--reference REF" in err and "Traceback" not in err


def test_wmt21_sample_reference_free_uses_the_source_annotations(
    wmt_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["score", "--source", str(wmt_dir / "dev.en-fr.en.sgm"), "--target-lang", "fr"]
    assert main([*argv, str(wmt_dir / "en-fr.dev.txt.truecased.sgm"), "--format", "json"]) == 0
    free = _json(capsys)["systems"][0]
    argv_ref = [*argv, "-r", str(wmt_dir / "dev.en-fr.fr.sgm")]
    assert (
        main([*argv_ref, str(wmt_dir / "en-fr.dev.txt.truecased.sgm"), "-m", "terms", "--format", "json"])
        == 0
    )
    with_ref = _json(capsys)["systems"][0]
    assert free["term_total"] == with_ref["term_total"] == 901  # the annotations are the occurrences
    # without the reference surfaces only the `tgt` alternatives count: never more hits
    assert 0 < free["term_hits"] <= with_ref["term_hits"]


def test_in_memory_api_reference_free(mt_dir: Path) -> None:
    from mustalah.scoring import ScoreOptions, score_corpus
    from mustalah.termbase.loader import load_termbase
    from tests.scoring.conftest import lines

    report = score_corpus(
        [lines(mt_dir / "system-b.ar")],
        [],
        ScoreOptions(),
        sources=lines(mt_dir / "source.en"),
        termbase=load_termbase(None),
    )
    system = report.systems[0]
    assert report.reference_free and (system.term_hits, system.term_total) == (65, 90)
    assert system.scores == {"term_accuracy": pytest.approx(100 * 65 / 90)}
