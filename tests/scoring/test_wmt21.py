"""WMT21 terminology files: the official exact-match count in --compat wmt21, annotations as terms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.scoring import CorpusFiles, ScoreOptions, compat_exact_match, score_files
from mustalah.scoring.wmt21 import Annotation, _count_segment, parse_line


def _argv(wmt: Path, *extra: str) -> list[str]:
    return [
        "score",
        "--source",
        str(wmt / "dev.en-fr.en.sgm"),
        "--reference",
        str(wmt / "dev.en-fr.fr.sgm"),
        str(wmt / "en-fr.dev.txt.truecased.sgm"),
        "--source-lang",
        "en",
        "--target-lang",
        "fr",
        *extra,
    ]


def test_compat_reproduces_the_official_759_of_901(wmt_dir: Path) -> None:
    result = compat_exact_match(
        wmt_dir / "dev.en-fr.en.sgm", wmt_dir / "dev.en-fr.fr.sgm", wmt_dir / "en-fr.dev.txt.truecased.sgm"
    )
    assert (result.correct, result.wrong, result.total) == (759, 142, 901)


@pytest.mark.slow  # 1 - TERm: the official pyter-based TERm costs about a minute on 971 segments
def test_cli_compat_wmt21_json(wmt_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(_argv(wmt_dir, "--compat", "wmt21", "--metrics", "bleu,terms", "--format", "json"))
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    system = data["systems"][0]
    # the official evaluate_term_wmt.py on these files (surface forms, identity lemmas) prints
    # Window 2: 0.29439867261700425, Window 3: 0.28798232063165125, 1 - TERm: 0.5965478224690218
    assert system["window_overlap_2"] == pytest.approx(0.29439867261700425, abs=1e-12)
    assert system["window_overlap_3"] == pytest.approx(0.28798232063165125, abs=1e-12)
    assert system["one_minus_term"] == pytest.approx(0.5965478224690218, abs=1e-12)
    assert (system["term_hits"], system["term_total"]) == (759, 901)
    assert system["term_accuracy"] == pytest.approx(100 * 759 / 901)
    assert round(system["bleu"], 2) == 45.34  # the official script's BLEU (13a) on the same files
    assert "terms:wmt21-compat" in system["signatures"]["term_accuracy"]
    assert data["term_source"] == "wmt21-compat"


def test_default_mode_uses_annotations_without_a_termbase(wmt_dir: Path) -> None:
    files = CorpusFiles(
        references=(wmt_dir / "dev.en-fr.fr.sgm",),
        hypotheses=(wmt_dir / "en-fr.dev.txt.truecased.sgm",),
        source=wmt_dir / "dev.en-fr.en.sgm",
    )
    report = score_files(files, ScoreOptions(metrics=("terms",), target_lang="fr"))
    system = report.systems[0]
    assert system.term_total == 901  # every annotation is a source occurrence
    assert system.term_hits is not None and 700 < system.term_hits < 901
    assert "terms:wmt21" in system.signatures["term_accuracy"]
    assert report.term_source == "wmt21"


def test_official_quirk_alternatives_steal_positions() -> None:
    # Two annotations of the same term; the hypothesis has both allowed forms once each.
    # The official loop lets *every* matching alternative consume a position, so the first
    # annotation takes both and the second finds nothing (1 of 2).  The default mode counts 2.
    term = Annotation(
        id="1", type="src_original_and_tgt_original", src="flu", tgt="grippe|grippale", surface="grippe"
    )
    hyp = " la grippe et la fièvre grippale "
    assert _count_segment(hyp, [term, term]) == (1, 1)


def test_official_quirk_forms_are_regular_expressions() -> None:
    term = Annotation(id="2", type="x", src="x", tgt="a.c", surface="a.c")
    assert _count_segment(" abc ", [term]) == (1, 0)  # '.' is live in the official matcher


def test_sgml_parsing_decodes_entities_and_keeps_annotations() -> None:
    line = (
        '<seg id="7"> and a <term id="330" type="src_original_and_tgt_original" src="runny nose" '
        'tgt="nez coule-t-il|nez qui coule"> runny nose </term> &amp; more ? </seg>\n'
    )
    seg = parse_line(line, 3, "x.sgm")
    assert seg is not None and seg.id == "7" and seg.line == 3
    assert " ".join(seg.text.split()) == "and a runny nose & more ?"
    assert seg.terms[0].tgt == "nez coule-t-il|nez qui coule"
    assert seg.terms[0].surface.strip() == "runny nose"
