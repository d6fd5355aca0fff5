"""BLEU, chrF, chrF++ and TER equal a single sacreBLEU call, sharded or not, on any Executor."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from mustalah.scoring import CorpusFiles, ScoreOptions, normalize_arabic, score_corpus, score_files
from mustalah.scoring.wmt21 import read_segments

from .conftest import lines

STRINGS = ("bleu", "chrf", "chrfpp", "ter")


def sacrebleu_scores(hyps: list[str], refs: list[list[str]], tokenize: str | None) -> dict[str, float]:
    return {
        "bleu": BLEU(tokenize=tokenize).corpus_score(hyps, refs).score,
        "chrf": CHRF().corpus_score(hyps, refs).score,
        "chrfpp": CHRF(word_order=2).corpus_score(hyps, refs).score,
        "ter": TER().corpus_score(hyps, refs).score,
    }


@pytest.mark.parametrize("shard_size", [1, 3, 7, 25, 10_000])
def test_arabic_files_equal_sacrebleu_for_any_shard_size(mt_dir: Path, shard_size: int) -> None:
    ref = lines(mt_dir / "reference.ar")
    files = CorpusFiles(
        references=(mt_dir / "reference.ar",),
        hypotheses=(mt_dir / "system-a.ar", mt_dir / "system-b.ar"),
        source=mt_dir / "source.en",
    )
    report = score_files(files, ScoreOptions(metrics=STRINGS, shard_size=shard_size))
    for system, name in zip(report.systems, ("system-a.ar", "system-b.ar"), strict=True):
        expected = sacrebleu_scores(lines(mt_dir / name), [ref], tokenize="intl")
        assert system.name == name
        for key in STRINGS:
            assert system.scores[key] == expected[key], (name, key)


def test_three_references_and_uneven_shards_equal_sacrebleu(mt_dir: Path) -> None:
    # Three reference streams: TER's averaged reference lengths are then fractional (thirds),
    # so this also checks that the float additions happen in sacreBLEU's order.
    ref = lines(mt_dir / "reference.ar")
    refs = [ref, lines(mt_dir / "system-a.ar"), [" ".join(r.split()[1:]) for r in ref]]
    hyp = lines(mt_dir / "system-b.ar")
    expected = sacrebleu_scores(hyp, refs, tokenize="intl")
    for shard_size in (2, 7, 24):
        report = score_corpus([hyp], refs, ScoreOptions(metrics=STRINGS, shard_size=shard_size))
        for key in STRINGS:
            assert report.systems[0].scores[key] == expected[key], (shard_size, key)
        assert "nrefs:3" in report.systems[0].signatures["ter"]


def test_real_mt_output_sharded_equals_sacrebleu(wmt_dir: Path) -> None:
    # WMT21 en-fr: 971 segments of real MT output (TER is left out only to keep the suite fast).
    ref = [s.text.strip() for s in read_segments(wmt_dir / "dev.en-fr.fr.sgm")]
    hyp = [s.text.strip() for s in read_segments(wmt_dir / "en-fr.dev.txt.truecased.sgm")]
    expected = {
        "bleu": BLEU().corpus_score(hyp, [ref]).score,
        "chrf": CHRF().corpus_score(hyp, [ref]).score,
        "chrfpp": CHRF(word_order=2).corpus_score(hyp, [ref]).score,
    }
    for shard_size in (100, 333):
        options = ScoreOptions(metrics=("bleu", "chrf", "chrfpp"), target_lang="fr", shard_size=shard_size)
        system = score_corpus([hyp], [ref], options).systems[0]
        for key, value in expected.items():
            assert system.scores[key] == value, (shard_size, key)
    assert round(expected["bleu"], 2) == 45.34  # the official WMT21 script's BLEU on this sample


def test_thread_and_process_executors_give_identical_results(mt_dir: Path) -> None:
    ref = lines(mt_dir / "reference.ar")
    hyp = lines(mt_dir / "system-b.ar")
    options = ScoreOptions(metrics=STRINGS, shard_size=4)
    serial = score_corpus([hyp], [ref], options)
    with ThreadPoolExecutor(max_workers=3) as threads:
        threaded = score_corpus([hyp], [ref], options, executor=threads)
    with ProcessPoolExecutor(max_workers=2) as processes:
        forked = score_corpus([hyp], [ref], options, executor=processes)
    assert serial.systems[0].scores == threaded.systems[0].scores == forked.systems[0].scores


def test_arabic_bleu_uses_intl_and_signatures_name_it(mt_dir: Path) -> None:
    files = CorpusFiles(
        references=(mt_dir / "reference.ar",),
        hypotheses=(mt_dir / "system-b.ar",),
        source=mt_dir / "source.en",
    )
    system = score_files(files, ScoreOptions(metrics=STRINGS)).systems[0]
    assert "tok:intl" in system.signatures["bleu"]
    assert "nw:2" in system.signatures["chrfpp"]
    assert system.signatures["ter"].startswith("nrefs:1|case:lc")
    assert all("arnorm" not in s for s in system.signatures.values())


def test_arabic_normalization_applies_to_both_sides_and_is_signed(mt_dir: Path) -> None:
    ref = lines(mt_dir / "reference.ar")
    hyp = lines(mt_dir / "system-b.ar")
    report = score_corpus([hyp], [ref], ScoreOptions(metrics=STRINGS, normalize_ar=True))
    expected = sacrebleu_scores(
        [normalize_arabic(h) for h in hyp], [[normalize_arabic(r) for r in ref]], "intl"
    )
    plain = score_corpus([hyp], [ref], ScoreOptions(metrics=STRINGS)).systems[0]
    system = report.systems[0]
    for key in STRINGS:
        assert system.scores[key] == expected[key]
        assert "arnorm:alef+ya+ta+tatweel+diac" in system.signatures[key]
    assert system.scores["chrfpp"] > plain.scores["chrfpp"]  # system B misspells hamza seats and ة


def test_normalize_arabic_folds_exactly_the_documented_letters() -> None:
    assert normalize_arabic("أإآ ى ة ـ") == "ااا ي ه "
    assert normalize_arabic("مُتَّحِدَة") == "متحده"
    assert normalize_arabic("ؤ ئ ء") == "ؤ ئ ء"  # other hamza seats stay
    assert normalize_arabic("ا\u0654") == "ا"  # decomposed أ folds like the composed one
