"""mustalah challenge: a deterministic challenge set from the termbase, scored per context."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main

TERMBASE_CSV = """concept_id,domain,lang,term,status,type,gender
UNODC,entities,en,United Nations Office on Drugs and Crime,preferred,fullForm,
UNODC,entities,en,UNODC,preferred,acronym,
UNODC,entities,ar,مكتب الأمم المتحدة المعني بالمخدرات والجريمة,preferred,fullForm,
UNODC,entities,ar,UNODC,preferred,acronym,
CTED,entities,en,Counter-Terrorism Committee Executive Directorate,preferred,fullForm,
CTED,entities,ar,المديرية التنفيذية للجنة مكافحة الإرهاب,preferred,fullForm,
post-ed,posts,en,Executive Director,preferred,fullForm,
post-ed,posts,ar,المدير التنفيذي,preferred,fullForm,masculine
post-ed,posts,ar,المديرة التنفيذية,preferred,fullForm,feminine
"""


@pytest.fixture(scope="module")
def challenge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("challenge")
    assert main(["challenge", "-o", str(out)]) == 0
    return out


def test_written_files_are_aligned_and_deterministic(challenge: Path, tmp_path: Path) -> None:
    manifest = json.loads((challenge / "manifest.json").read_text(encoding="utf-8"))
    src = (challenge / "source.en").read_text(encoding="utf-8").splitlines()
    ref = (challenge / "expected.ar").read_text(encoding="utf-8").splitlines()
    assert len(src) == len(ref) == manifest["segments"] == len(manifest["items"]) > 1000
    assert set(manifest["contexts"]) >= {"bare", "proclitic-wa", "proclitic-bi", "proclitic-li", "feminine"}
    for item, en, ar in zip(manifest["items"], src, ref, strict=True):
        assert item["expected_form"] in ar and item["source_term"] in en
    # same termbase, same bytes
    assert main(["challenge", "-o", str(tmp_path)]) == 0
    for name in ("source.en", "expected.ar", "manifest.json"):
        assert (tmp_path / name).read_bytes() == (challenge / name).read_bytes()


def test_expected_sentences_score_100_in_every_context(
    challenge: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["score", "--source", str(challenge / "source.en"), "-r", str(challenge / "expected.ar")]
    assert main([*argv, str(challenge / "expected.ar"), "-m", "terms", "--format", "json"]) == 0
    system = json.loads(capsys.readouterr().out)["systems"][0]
    assert system["term_hits"] == system["term_total"]
    contexts = {r["context"]: r for r in system["contexts"]}
    assert {"bare", "proclitic", "l+al", "construct-head", "feminine", "acronym-follows"} <= set(contexts)
    manifest = json.loads((challenge / "manifest.json").read_text(encoding="utf-8"))
    assert contexts["acronym-follows"]["occurrences"] == manifest["contexts"]["acronym-follows"]


def test_a_system_that_drops_clitic_lam_fails_only_there(
    challenge: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = json.loads((challenge / "manifest.json").read_text(encoding="utf-8"))
    ref = (challenge / "expected.ar").read_text(encoding="utf-8").splitlines()
    # write ل + ال the wrong way (لال…): every definite name in a proclitic-li sentence misses
    hyp = [
        line.replace(item["expected_form"], "لال" + item["expected_form"][2:])
        if item["context"] == "proclitic-li" and item["expected_form"].startswith("لل")
        else line
        for item, line in zip(manifest["items"], ref, strict=True)
    ]
    path = tmp_path / "hyp.ar"
    path.write_text("\n".join(hyp) + "\n", encoding="utf-8")
    argv = ["score", "--source", str(challenge / "source.en"), "-r", str(challenge / "expected.ar")]
    assert main([*argv, str(path), "-m", "terms", "--format", "json"]) == 0
    contexts = {r["context"]: r for r in json.loads(capsys.readouterr().out)["systems"][0]["contexts"]}
    # (one survives: لالمملكة العربية السعودية still holds السعودية, an admitted form of Saudi Arabia)
    assert contexts["l+al"]["occurrences"] > 100 and contexts["l+al"]["accuracy"] < 5
    assert contexts["bare"]["accuracy"] == 100.0


def test_custom_termbase_and_per_concept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tb = tmp_path / "tb.csv"
    tb.write_text(TERMBASE_CSV, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["challenge", "-o", str(out), "--termbase", str(tb)]) == 0
    items = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["items"]
    by = {(i["concept"], i["context"]): i for i in items}
    assert by[("CTED", "proclitic-li")]["expected_form"] == "للمديرية التنفيذية للجنة مكافحة الإرهاب"
    assert by[("UNODC", "proclitic-bi")]["expected_form"].startswith("بمكتب الأمم المتحدة")
    assert by[("post-ed", "feminine")]["expected_term"] == "المديرة التنفيذية"
    assert ("UNODC", "acronym-follows") in by and ("CTED", "acronym-follows") not in by
    src = (out / "source.en").read_text(encoding="utf-8")
    assert "The report refers to the United Nations Office on Drugs and Crime (UNODC)." in src
    assert main(["challenge", "-o", str(tmp_path / "one"), "--termbase", str(tb), "--per-concept", "1"]) == 0
    one = json.loads((tmp_path / "one" / "manifest.json").read_text(encoding="utf-8"))
    assert [i["context"] for i in one["items"]] == ["bare"] * 3
    assert main(["challenge", "-o", str(tmp_path / "x"), "--per-concept", "0"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_reference_free_score_reports_the_manifest_contexts(
    challenge: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = json.loads((challenge / "manifest.json").read_text(encoding="utf-8"))
    ref = (challenge / "expected.ar").read_text(encoding="utf-8").splitlines()
    # a system that puts the article after و (والمكتب الأمم المتحدة …, والالمديرية …)
    hyp = [
        line.replace(item["expected_form"], "وال" + item["expected_form"][1:])
        if item["context"] == "proclitic-wa"
        else line
        for item, line in zip(manifest["items"], ref, strict=True)
    ]
    (challenge / "hyp.ar").write_text("\n".join(hyp) + "\n", encoding="utf-8")
    try:
        argv = [
            "score",
            "--source",
            str(challenge / "source.en"),
            str(challenge / "hyp.ar"),
            "--format",
            "json",
        ]
        assert main(argv) == 0
    finally:
        (challenge / "hyp.ar").unlink()
    rows = {r["context"]: r for r in json.loads(capsys.readouterr().out)["systems"][0]["challenge_contexts"]}
    assert rows["proclitic-wa"]["items"] == manifest["contexts"]["proclitic-wa"]
    assert rows["proclitic-wa"]["accuracy"] < 20
    assert rows["bare"]["accuracy"] == rows["proclitic-li"]["accuracy"] == 100.0
