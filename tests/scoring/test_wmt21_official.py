"""WMT21 window overlap and TERm as the official script computes them (evaluate_term_wmt.py, 040906f)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mustalah.scoring.term_ter import term_ter
from mustalah.scoring.wmt21_official import _Ref, official_stats, window_overlap_segment


def test_window_overlap_reproduces_the_official_figures(wmt_dir: Path) -> None:
    stats = official_stats(
        wmt_dir / "dev.en-fr.en.sgm",
        wmt_dir / "dev.en-fr.fr.sgm",
        wmt_dir / "en-fr.dev.txt.truecased.sgm",
        with_term=False,
    )
    # published in ../shared/peers/wmt21-terminology/README.md (the official script's output)
    assert round(stats.window_overlap(2), 4) == 0.2944
    assert round(stats.window_overlap(3), 4) == 0.2880
    # and to the last digit the script printed here
    assert stats.window_overlap(2) == pytest.approx(0.29439867261700425, abs=1e-15)
    assert stats.window_overlap(3) == pytest.approx(0.28798232063165125, abs=1e-15)
    assert stats.window_denominator == 971  # every reference segment, also those without terms
    assert stats.term_ter is None


def test_window_overlap_counts_context_words_around_the_term() -> None:
    # reference "a b TERM c d": context at w=2 is a b c d; the hypothesis keeps a and c only
    ref = _Ref(" a b TERM c d ", (("TERM", (2,)),), ())
    assert window_overlap_segment(" a x TERM c y ", ref, 2) == pytest.approx(2 / 4)
    assert window_overlap_segment(" a b TERM c d ", ref, 2) == 1.0
    assert window_overlap_segment(" a b c d ", ref, 2) == 0.0  # term absent: nothing matched
    # ASCII punctuation tokens are skipped when the window is collected
    assert window_overlap_segment(" a , b TERM . c d ", ref, 2) == 1.0


def test_term_ter_weights_edits_on_term_tokens() -> None:
    # the probe of ../shared/research/mt-eval.md §2.3: the term replaced by "sg" costs 2 per edit
    ref = [
        "the",
        "secretary",
        "general",
        "of",
        "the",
        "united",
        "nations",
        "spoke",
        "today",
        "in",
        "new",
        "york",
    ]
    hyp = ["the", "sg", "of", "the", "united", "nations", "spoke", "today", "in", "new", "york"]
    assert term_ter(hyp, ref, 2, []) == pytest.approx(2 / 12)
    assert term_ter(hyp, ref, 2, ["1", "2"]) == pytest.approx(4 / 12)
    # pyter's own doctest: plain TER with shifts
    r = [
        "SAUDI",
        "ARABIA",
        "denied",
        "THIS",
        "WEEK",
        "information",
        "published",
        "in",
        "the",
        "AMERICAN",
        "new",
        "york",
        "times",
    ]
    h = [
        "THIS",
        "WEEK",
        "THE",
        "SAUDIS",
        "denied",
        "information",
        "published",
        "in",
        "the",
        "new",
        "york",
        "times",
    ]
    assert f"{term_ter(h, r, 1):.3f}" == "0.308"


def test_first_40_segments_match_the_official_script_with_intervals(
    wmt_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from mustalah.cli.main import main

    names = ("dev.en-fr.en.sgm", "dev.en-fr.fr.sgm", "en-fr.dev.txt.truecased.sgm")
    for name in names:  # the first 40 <seg> lines of each file
        segs = [ln for ln in (wmt_dir / name).read_text(encoding="utf-8").splitlines() if "</seg>" in ln]
        (tmp_path / name).write_text("\n".join(segs[:40]) + "\n", encoding="utf-8")
    argv = [
        "score",
        "--source",
        str(tmp_path / names[0]),
        "-r",
        str(tmp_path / names[1]),
        str(tmp_path / names[2]),
    ]
    argv += [
        "--target-lang",
        "fr",
        "--compat",
        "wmt21",
        "-m",
        "terms",
        "--confidence",
        "--confidence-n",
        "200",
    ]
    assert main([*argv, "--format", "json"]) == 0
    system = json.loads(capsys.readouterr().out)["systems"][0]
    # evaluate_term_wmt.py (040906f, identity lemmas) on the same three 40-segment files printed:
    # Exact-Match 0.8846153846153846, Window 2: 0.2927083333333333, Window 3: 0.2608333333333333,
    # 1 - TERm Score: 0.5676909980153855
    assert (system["term_hits"], system["term_total"]) == (23, 26)
    assert system["window_overlap_2"] == pytest.approx(0.2927083333333333, abs=1e-15)
    assert system["window_overlap_3"] == pytest.approx(0.2608333333333333, abs=1e-15)
    assert system["one_minus_term"] == pytest.approx(0.5676909980153855, abs=1e-15)
    for key in ("window_overlap_2", "window_overlap_3", "one_minus_term", "term_accuracy"):
        interval = system["confidence"][key]
        assert interval["low"] <= system[key] <= interval["high"]
