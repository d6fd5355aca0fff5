"""--gate BASELINE.json: a paired test on per-segment term counts; exit 1 on a significant drop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.scoring.gate import paired_drop_p

UNODC_EN = "The United Nations Office on Drugs and Crime met today in Vienna."
UNODC_AR = "اجتمع مكتب الأمم المتحدة المعني بالمخدرات والجريمة اليوم في فيينا."
UNODC_BAD = "اجتمع مكتب الأمم المتحدة المعنى بالمخدرات والجريمة اليوم في فيينا."


def _baseline(argv: list[str], hyp: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main([*argv, str(hyp), "--format", "json", "-o", str(out)]) == 0
    capsys.readouterr()
    return out


def test_a_worse_system_fails_the_gate_and_names_the_segments(
    mt_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["score", "--source", str(mt_dir / "source.en")]  # reference-free, as in production
    base = _baseline(argv, mt_dir / "system-a.ar", tmp_path / "base.json", capsys)
    code = main([*argv, str(mt_dir / "system-b.ar"), "--gate", str(base), "--format", "json"])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    gate = data["gate"]
    assert gate["passed"] is False
    regs = gate["systems"][0]["regressions"]
    overall = [r for r in regs if r["kind"] == "term_accuracy"]
    assert len(overall) == 1 and overall[0]["p_value"] < 0.05
    assert (overall[0]["baseline_hits"], overall[0]["hits"]) == (89, 65)
    before = json.loads(base.read_text(encoding="utf-8"))["systems"][0]["term_segments"]
    after = data["systems"][0]["term_segments"]
    lost = [i + 1 for i, (b, a) in enumerate(zip(before, after, strict=True)) if a[0] < b[0]]
    assert overall[0]["segments"] == lost and len(lost) >= 10
    assert gate["systems"][0]["totals_differ"] == 0  # same source, same termbase


def test_the_same_system_passes(mt_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["score", "--source", str(mt_dir / "source.en"), "-r", str(mt_dir / "reference.ar")]
    base = _baseline(argv, mt_dir / "system-a.ar", tmp_path / "base.json", capsys)
    assert main([*argv, str(mt_dir / "system-a.ar"), "--gate", str(base)]) == 0
    out = capsys.readouterr().out
    assert "Gate: system-a.ar vs baseline system-a.ar: PASSED" in out
    # a better system passes too (the test is one-sided)
    assert main([*argv, str(mt_dir / "system-b.ar"), "--format", "json", "-o", str(tmp_path / "b.json")]) == 0
    assert main([*argv, str(mt_dir / "system-a.ar"), "--gate", str(tmp_path / "b.json")]) == 0


def _unodc_corpus(tmp_path: Path, n: int = 12) -> tuple[Path, Path, Path]:
    src, good, bad = tmp_path / "src.en", tmp_path / "good.ar", tmp_path / "bad.ar"
    src.write_text((UNODC_EN + "\n") * n, encoding="utf-8")
    good.write_text((UNODC_AR + "\n") * n, encoding="utf-8")
    bad.write_text((UNODC_AR + "\n") * (n // 2) + (UNODC_BAD + "\n") * (n - n // 2), encoding="utf-8")
    return src, good, bad


def test_concept_regression_as_sarif_and_github(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, good, bad = _unodc_corpus(tmp_path)
    argv = ["score", "--source", str(src)]
    base = _baseline(argv, good, tmp_path / "base.json", capsys)
    assert main([*argv, str(bad), "--gate", str(base), "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    results = sarif["runs"][0]["results"]
    rules = {r["ruleId"] for r in results}
    assert rules == {"MT001", "MT002"}
    concept = next(r for r in results if r["ruleId"] == "MT002")
    assert concept["properties"]["concept"] == "UNODC"
    assert concept["properties"]["segments"] == list(range(7, 13))
    assert concept["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    assert "concept UNODC dropped from 100.00 (12/12)" in concept["message"]["text"]
    assert main([*argv, str(bad), "--gate", str(base), "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(
        line.startswith(f"::error file={bad},line=7,title=MT002 concept-regression::concept UNODC")
        for line in out
    )
    assert out[-1] == "mustalah: term gate failed: 2 regression(s)"


def test_few_segments_cannot_be_significant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, good, bad = _unodc_corpus(tmp_path, n=4)  # 2 of 4 lost: smallest possible p is 1/4
    argv = ["score", "--source", str(src)]
    base = _baseline(argv, good, tmp_path / "base.json", capsys)
    assert main([*argv, str(bad), "--gate", str(base)]) == 0
    assert "PASSED" in capsys.readouterr().out


def test_paired_drop_p_is_one_sided_and_seeded() -> None:
    base = [[1, 1]] * 20
    worse = [[0, 1]] * 10 + [[1, 1]] * 10
    p = paired_drop_p(base, worse, 2000)
    assert p < 0.01 and p == paired_drop_p(base, worse, 2000)
    assert paired_drop_p(worse, base, 2000) > 0.5  # an improvement is no drop
    assert paired_drop_p(base, base, 2000) == 1.0


def test_bad_baselines_are_located_errors(
    mt_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["score", "--source", str(mt_dir / "source.en"), str(mt_dir / "system-a.ar"), "--gate"]
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1, "systems": [', encoding="utf-8")
    assert main([*argv, str(broken)]) == 2
    assert f"{broken}:1:" in capsys.readouterr().err
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"version": 1, "systems": [{"name": "x", "term_hits": 1}]}), encoding="utf-8")
    assert main([*argv, str(old)]) == 2
    assert "re-score the baseline" in capsys.readouterr().err
    src, good, _ = _unodc_corpus(tmp_path)
    other = _baseline(["score", "--source", str(src)], good, tmp_path / "other.json", capsys)
    assert main([*argv, str(other)]) == 2
    err = capsys.readouterr().err
    assert "has 12 segments, but system-a.ar has 25" in err and "Traceback" not in err
    assert (
        main(["score", "--source", str(mt_dir / "source.en"), str(mt_dir / "system-a.ar"), "-f", "sarif"])
        == 2
    )
    assert "--gate" in capsys.readouterr().err


def test_wmt21_sample_gate_names_the_damaged_concept(
    wmt_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hyp = wmt_dir / "en-fr.dev.txt.truecased.sgm"
    damaged = tmp_path / "damaged.sgm"
    damaged.write_text(hyp.read_text(encoding="utf-8").replace(" coronavirus ", " virus "), encoding="utf-8")
    argv = ["score", "--source", str(wmt_dir / "dev.en-fr.en.sgm"), "-r", str(wmt_dir / "dev.en-fr.fr.sgm")]
    argv += ["--target-lang", "fr", "-m", "terms"]
    base = _baseline(argv, hyp, tmp_path / "base.json", capsys)
    assert main([*argv, str(damaged), "--gate", str(base), "--format", "json"]) == 1
    regs = json.loads(capsys.readouterr().out)["gate"]["systems"][0]["regressions"]
    concepts = [r for r in regs if r["kind"] == "concept"]
    assert concepts, regs
    rows = json.loads(base.read_text(encoding="utf-8"))["systems"][0]["terms"]
    expected = {r["concept"]: r["expected"] for r in rows}
    assert all("coronavirus" in expected[r["concept"]].lower() for r in concepts)
