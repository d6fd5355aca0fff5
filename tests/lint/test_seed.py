"""The seed release, linted as Arabic-only text with the shipped termbase (issue 4's done criteria)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def seed_findings() -> list[dict[str, object]]:
    seed = shared_path("seeds", "seed-release.ar.txt")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["lint", str(seed), "--no-config", "--format", "json"])
    assert code == 1
    doc = json.loads(out.getvalue())
    assert doc["version"] == 1
    findings: list[dict[str, object]] = doc["findings"]
    text = seed.read_text(encoding="utf-8").split("\n")
    for f in findings:  # every span maps back to the original line
        line = text[int(f["line"]) - 1]  # type: ignore[call-overload]
        assert line[int(f["start"]) : int(f["end"])] == f["text"]  # type: ignore[call-overload]
        assert f["lang"] == "ar" and f["side"] == "source"
    return findings


def has(findings: list[dict[str, object]], code: str, text: str) -> bool:
    return any(f["code"] == code and text in str(f["text"]) for f in findings)


def test_wrong_entity(seed_findings: list[dict[str, object]]) -> None:
    assert has(seed_findings, "TM008", "للجنة الأمم المتحدة لمكافحة الإرهاب")


def test_alef_maqsura_in_unodc(seed_findings: list[dict[str, object]]) -> None:
    f = next(f for f in seed_findings if f["code"] == "TM003" and "المعنى" in str(f["text"]))
    assert f["concept"] == "UNODC" and "المعني" in str(f["suggestion"])


def test_pcve_deprecated_and_violent_extremism_variant(seed_findings: list[dict[str, object]]) -> None:
    assert has(seed_findings, "TM002", "منع ومحاربة التطرف العنيف")
    variants = [f for f in seed_findings if f["code"] == "TM006" and "العنفي" in str(f["text"])]
    assert len(variants) == 2


def test_gender_error(seed_findings: list[dict[str, object]]) -> None:
    f = next(f for f in seed_findings if f["code"] == "GN001")
    assert f["text"] == "والسيد" and f["suggestion"] == "والسيدة"
    assert [x for x in seed_findings if x["code"] == "GN001"] == [f]


def test_no_false_alarm_on_correct_names(seed_findings: list[dict[str, object]]) -> None:
    seed = Path(shared_path("seeds", "seed-release.ar.txt")).read_text(encoding="utf-8")
    for correct in (
        "لمكتب الأمم المتحدة لمكافحة الإرهاب",
        "المديرة التنفيذية",
        "مركز الأمم المتحدة لمكافحة الإرهاب",
        "للمديرية التنفيذية للجنة مكافحة الإرهاب",
        "الأمينة العامة المساعدة",
    ):
        assert correct in seed
        bad = [
            f
            for f in seed_findings
            if f["category"] != "punctuation" and f["severity"] != "info" and str(f["text"]) == correct
        ]
        assert bad == [], (correct, bad)
