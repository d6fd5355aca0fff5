"""Paired tests run through sacreBLEU's own code; a system identical to the baseline gets p = 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.significance import PairedTest

from mustalah.scoring import CorpusFiles, ScoreOptions, score_corpus, score_files

from .conftest import lines


@pytest.mark.parametrize("test", ["bootstrap", "ar"])
def test_identical_system_gets_p_1(mt_dir: Path, tmp_path: Path, test: str) -> None:
    copy = tmp_path / "copy-of-a.ar"
    shutil.copy(mt_dir / "system-a.ar", copy)
    files = CorpusFiles(
        references=(mt_dir / "reference.ar",),
        hypotheses=(mt_dir / "system-a.ar", copy, mt_dir / "system-b.ar"),
        source=mt_dir / "source.en",
    )
    options = ScoreOptions(
        metrics=("bleu", "chrfpp", "ter", "terms"), paired=test, paired_samples=300, shard_size=6
    )
    from mustalah.termbase.loader import load_termbase

    report = score_files(files, options, termbase=load_termbase(None))
    by = {(c.system, c.metric): c for c in report.comparisons}
    for metric in ("bleu", "chrfpp", "ter", "terms"):
        same = by[("copy-of-a.ar", metric)]
        assert same.delta == 0.0 and same.p_value == 1.0
        other = by[("system-b.ar", metric)]
        assert other.baseline == "system-a.ar"
        assert 0.0 < other.p_value < 1.0
    assert (
        "bs:300" in report.systems[0].signatures["bleu"] or "ar:300" in report.systems[0].signatures["bleu"]
    )


def test_p_values_equal_sacrebleus_own_paired_bootstrap(mt_dir: Path) -> None:
    ref = lines(mt_dir / "reference.ar")
    a, b = lines(mt_dir / "system-a.ar"), lines(mt_dir / "system-b.ar")
    _, res = PairedTest(
        [("a", a), ("b", b)],
        {"BLEU": BLEU(tokenize="intl", references=[ref]), "chrF2++": CHRF(word_order=2, references=[ref])},
        references=None,
        test_type="bs",
        n_samples=500,
    )()
    ours = score_corpus(
        [a, b],
        [ref],
        ScoreOptions(metrics=("bleu", "chrfpp"), paired="bootstrap", paired_samples=500, shard_size=5),
        names=["a", "b"],
    )
    by = {c.metric: c for c in ours.comparisons}
    assert by["bleu"].p_value == res["BLEU"][1].p_value
    assert by["chrfpp"].p_value == res["chrF2++"][1].p_value
    assert by["bleu"].delta == pytest.approx(res["BLEU"][1].score - res["BLEU"][0].score)
    assert by["bleu"].mean == pytest.approx(float(res["BLEU"][1].mean))
