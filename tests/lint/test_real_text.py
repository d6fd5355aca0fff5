"""Precision on real UN text (issue 15): ``corpora/real/`` is professionally translated UN
English–Arabic text, and every error and warning the linter gives on it is judged in
``corpora/real/reviewed.yaml``.  These tests fail when a finding nobody has reviewed appears
(a new false alarm cannot land unseen), when precision falls below the floors, and when a
suggestion, applied, would put a new finding where it was applied.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.lint.engine import LintSettings, lint_segments
from mustalah.lint.inputs import expand_inputs, lint_input
from mustalah.lint.review import below_floor, load_verdicts, render, review
from mustalah.model import Finding, Segment

from .readme_table import assert_today_row

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "corpora" / "real"
REVIEWED = REAL / "reviewed.yaml"
FLOORS = {"error": 95.0, "warning": 90.0}
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(ROOT)  # findings name files as corpora/real/…, as reviewed.yaml does


def _lint_real(tmp_path: Path) -> list[dict[str, object]]:
    out = tmp_path / "real.json"
    args = ["lint", "corpora/real", "--format", "json", "--fail-on", "never", "--no-progress", "-o", str(out)]
    assert main(args) == 0
    findings: list[dict[str, object]] = json.loads(out.read_text(encoding="utf-8"))["findings"]
    return findings


def test_real_corpus_is_large_and_varied() -> None:
    folders = [p for p in REAL.iterdir() if (p / "en.txt").is_file()]
    units = sum(
        len([ln for ln in (p / "en.txt").read_text(encoding="utf-8").splitlines() if ln.strip()])
        for p in folders
    )
    kinds = {p.name.split("-", 1)[0] for p in folders}
    assert units >= 600, units
    assert len(kinds) >= 4, kinds


def test_every_error_and_warning_on_real_text_is_reviewed_and_precise(tmp_path: Path) -> None:
    findings = _lint_real(tmp_path)
    rv = review(findings, load_verdicts(REVIEWED.read_text(encoding="utf-8"), str(REVIEWED)))
    assert not rv.unreviewed, "judge these in corpora/real/reviewed.yaml:\n" + render(rv, FLOORS)
    assert below_floor(rv, FLOORS) == [], render(rv, FLOORS)
    assert_today_row(r"`corpora/real/`, all [\d,]+ units, today", rv)
    # the linter is not silent on real text: the slips revisers would fix are still found
    true = sum(t.true for t in rv.by_severity.values())
    assert true >= 10, render(rv, FLOORS)
    assert any(f["code"] == "TM008" and f["text"] == "مكتب الأمم المتحدة الإنمائي" for f in findings)


REVIEWED_ARABIC_ONLY = REAL / "reviewed-arabic-only.yaml"


def test_arabic_alone_every_error_and_warning_is_reviewed_and_precise(tmp_path: Path) -> None:
    """The Arabic of every folder linted alone, as Arabic-only text (the seed's mode): no English to
    compare, and still no unreviewed error or warning and precision above the floors.  Verdicts
    of findings the bilingual run gives too come from reviewed.yaml."""
    out = tmp_path / "arabic-only.json"
    files = sorted(str(p.relative_to(ROOT)) for p in REAL.glob("*/ar.txt"))
    assert len(files) >= 100, len(files)
    args = ["lint", *files, "--format", "json", "--fail-on", "never", "--no-progress", "-o", str(out)]
    assert main(args) == 0
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert {f["file"] for f in findings} <= set(files)  # each file alone: no English side was read
    assert not any(f["lang"] == "en" for f in findings)
    verdicts = load_verdicts(REVIEWED.read_text(encoding="utf-8"), str(REVIEWED)) + load_verdicts(
        REVIEWED_ARABIC_ONLY.read_text(encoding="utf-8"), str(REVIEWED_ARABIC_ONLY)
    )
    rv = review(findings, verdicts)
    assert not rv.unreviewed, "judge these in corpora/real/reviewed-arabic-only.yaml:\n" + render(rv, FLOORS)
    assert below_floor(rv, FLOORS) == [], render(rv, FLOORS)
    assert_today_row(r"the same units' Arabic linted alone, today", rv)
    assert sum(t.true for t in rv.by_severity.values()) >= 10, render(rv, FLOORS)


def test_review_pools_reviewed_files_and_refuses_two_verdicts_on_one_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.json"
    files = [str(p.relative_to(ROOT)) for p in sorted(REAL.glob("blind17-*/ar.txt"))]
    args = ["lint", *files, "--format", "json", "--fail-on", "never", "--no-progress", "-o", str(report)]
    assert main(args) == 0
    pooled = ["--reviewed", str(REVIEWED), "--reviewed", str(REVIEWED_ARABIC_ONLY)]
    assert main(["review", str(report), *pooled]) == 0
    assert main(["review", str(report), "--reviewed", str(REVIEWED)]) == 1  # the Arabic-only verdicts missing
    capsys.readouterr()
    lines = REVIEWED_ARABIC_ONLY.read_text(encoding="utf-8").splitlines()
    entry = next(ln for ln in lines if "verdict: defensible" in ln)
    clash = tmp_path / "clash.yaml"
    judged_true = entry.replace("verdict: defensible", "verdict: 'true'")
    clash.write_text("reviewed:\n" + judged_true + "\n", encoding="utf-8")
    assert main(["review", str(report), *pooled[2:], "--reviewed", str(clash)]) == 2
    assert "give one verdict" in capsys.readouterr().err


def test_review_command_fails_on_an_unreviewed_finding_and_refuses_a_bad_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.json"
    assert (
        main(
            [
                "lint",
                "corpora/real",
                "--format",
                "json",
                "--fail-on",
                "never",
                "--no-progress",
                "-o",
                str(report),
            ]
        )
        == 0
    )
    assert main(["review", str(report), "--reviewed", str(REVIEWED)]) == 0
    partial = tmp_path / "partial.yaml"
    lines = REVIEWED.read_text(encoding="utf-8").splitlines()
    partial.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")  # one verdict fewer
    assert main(["review", str(report), "--reviewed", str(partial)]) == 1
    assert "1 unreviewed finding(s)" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "reviewed:\n  - {file: a, unit: '1', code: TM001, text: x, verdict: maybe}\n", encoding="utf-8"
    )
    assert main(["review", str(report), "--reviewed", str(bad)]) == 2
    assert "verdict must be one of" in capsys.readouterr().err
    assert main(["review", str(report), "--reviewed", str(REVIEWED), "--floor", "error=101"]) == 2


def _units(corpus: str) -> Iterator[tuple[Segment, list[Finding]]]:
    settings = LintSettings()
    for path in expand_inputs([corpus]):
        result = lint_input(path, settings, keep_segments=True)
        by_unit: dict[str, list[Finding]] = {}
        for f in result.findings:
            by_unit.setdefault(f.unit, []).append(f)
        for segment in result.segments:
            yield segment, by_unit.get(segment.unit, [])


def _replaced(segment: Segment, f: Finding, text: str) -> Segment:
    side = segment.source if f.side == "source" else segment.target
    assert side is not None
    new = side[: f.start] + text + side[f.end :]
    return replace(segment, source=new) if f.side == "source" else replace(segment, target=new)


@pytest.mark.parametrize("corpus", ["corpora/releases", "corpora/real"])
def test_no_suggestion_introduces_a_finding(corpus: str) -> None:
    """Apply each suggestion that replaces its flagged text and lint the unit again: no new error
    or warning stands where the suggestion went (a correct name of another body is never
    "corrected" into a wrong one; an info note such as TM009 may remain)."""
    settings = LintSettings()
    applied = 0
    problems: list[str] = []
    for segment, findings in _units(corpus):
        for f in findings:
            if not f.suggestion or f.side not in ("source", "target"):
                continue
            if bool(_ARABIC.search(f.suggestion)) != (f.lang == "ar"):
                continue  # a rendering to add on the other side (TM001, AC002), not a replacement
            fixed = _replaced(segment, f, f.suggestion)
            end = f.start + len(f.suggestion)
            before = {g.code for g in findings if g.side == f.side and g.start < f.end and f.start < g.end}
            after = lint_segments([fixed], settings, segment.file).findings
            new = [
                g
                for g in after
                if g.side == f.side
                and g.severity != "info"
                and g.start < max(end, f.start + 1)
                and f.start < g.end
                and g.code not in before
            ]
            applied += 1
            if new:
                problems.append(
                    f"{segment.file} unit {segment.unit}: {f.code} suggestion {f.suggestion!r} "
                    f"for {f.text!r} brings {[(g.code, g.text, g.message) for g in new]}"
                )
    assert applied >= 10, applied
    assert not problems, "\n".join(problems)
