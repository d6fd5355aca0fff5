"""--confidence: sacreBLEU's bootstrap intervals for every metric, term accuracy included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF

from mustalah.cli.main import main
from mustalah.matching import TermIndex
from mustalah.scoring import TermAccuracy
from mustalah.termbase.loader import load_termbase
from tests.scoring.conftest import lines


def _score(mt_dir: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:  # type: ignore[type-arg]
    argv = ["score", "--source", str(mt_dir / "source.en"), "-r", str(mt_dir / "reference.ar")]
    assert main([*argv, str(mt_dir / "system-b.ar"), "--confidence", "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_intervals_are_sacrebleus_own(
    mt_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SACREBLEU_SEED", raising=False)
    data = _score(mt_dir, capsys)
    assert data["confidence"] == {"samples": 1000, "seed": "12345"}
    system = data["systems"][0]
    ci = system["confidence"]
    assert set(ci) == {"bleu", "chrf", "chrfpp", "ter", "term_accuracy"}
    hyps, refs = lines(mt_dir / "system-b.ar"), lines(mt_dir / "reference.ar")
    expected = {
        "bleu": BLEU(tokenize="intl", trg_lang="ar").corpus_score(hyps, [refs], n_bootstrap=1000),
        "chrfpp": CHRF(word_order=2).corpus_score(hyps, [refs], n_bootstrap=1000),
    }
    tb = load_termbase(None)
    term = TermAccuracy(TermIndex.build(tb, languages=("en", "ar")), tb, "en", "ar")
    expected["term_accuracy"] = term.corpus_score(hyps, [lines(mt_dir / "source.en")], n_bootstrap=1000)
    for key, score in expected.items():
        assert ci[key]["mean"] == pytest.approx(score._mean, abs=1e-9), key
        assert ci[key]["ci"] == pytest.approx(score._ci, abs=1e-9), key
        assert ci[key]["low"] <= system[key] <= ci[key]["high"]
    assert "bs:1000" in system["signatures"]["bleu"] and "seed:12345" in system["signatures"]["term_accuracy"]


def test_same_seed_same_numbers_other_seed_other_numbers(
    mt_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SACREBLEU_SEED", "7")
    first = _score(mt_dir, capsys, "--confidence-n", "300", "-m", "chrf++,terms")
    again = _score(mt_dir, capsys, "--confidence-n", "300", "-m", "chrf++,terms")
    assert first["systems"][0]["confidence"] == again["systems"][0]["confidence"]
    assert first["confidence"] == {"samples": 300, "seed": "7"}
    monkeypatch.setenv("SACREBLEU_SEED", "8")
    other = _score(mt_dir, capsys, "--confidence-n", "300", "-m", "chrf++,terms")
    assert other["systems"][0]["confidence"] != first["systems"][0]["confidence"]


def test_text_shows_mean_and_half_width(mt_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["score", "--source", str(mt_dir / "source.en"), str(mt_dir / "system-a.ar"), "--confidence"]
    assert main(argv) == 0  # reference-free: the interval of term accuracy alone
    out = capsys.readouterr().out
    assert "TermAcc = 98.89 (89/90) (μ = " in out
    assert "1000 resamples, seed" in out


def test_wmt21_sample_intervals(
    wmt_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mustalah.scoring.wmt21 import read_segments

    monkeypatch.delenv("SACREBLEU_SEED", raising=False)
    argv = ["score", "--source", str(wmt_dir / "dev.en-fr.en.sgm"), "-r", str(wmt_dir / "dev.en-fr.fr.sgm")]
    argv += [str(wmt_dir / "en-fr.dev.txt.truecased.sgm"), "--target-lang", "fr", "-m", "bleu,terms"]
    assert main([*argv, "--confidence", "--format", "json"]) == 0
    system = json.loads(capsys.readouterr().out)["systems"][0]
    hyps = [s.text.strip() for s in read_segments(wmt_dir / "en-fr.dev.txt.truecased.sgm")]
    refs = [s.text.strip() for s in read_segments(wmt_dir / "dev.en-fr.fr.sgm")]
    bleu = BLEU(trg_lang="fr").corpus_score(hyps, [refs], n_bootstrap=1000)
    assert system["bleu"] == pytest.approx(bleu.score)
    assert system["confidence"]["bleu"]["mean"] == pytest.approx(bleu._mean, abs=1e-9)
    assert system["confidence"]["bleu"]["ci"] == pytest.approx(bleu._ci, abs=1e-9)
    term = system["confidence"]["term_accuracy"]
    assert term["low"] <= system["term_accuracy"] <= term["high"] and 0 < term["ci"] < 5
