"""Our TMX and glossary exports work in a real CAT tool: OmegaT pre-translates every paragraph.

Builds an OmegaT project in a temporary folder whose source files are the English texts of
the corpus releases (one paragraph per blank-line-separated block, sentence segmentation
off so a source segment is a whole paragraph), puts ``mustalah export tmx`` output in
``tm/auto/`` and ``mustalah export glossary --to omegat`` output in ``glossary/``, runs
OmegaT headless (``--mode=console-translate``) and checks that every segment of
``target/`` holds our Arabic text.  OmegaT's exit status is 0 even when it rejects a TMX,
so only the written target files are trusted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.formats import read_segments

pytestmark = pytest.mark.omegat

REPO = Path(__file__).resolve().parents[1]
RELEASES = REPO / "corpora" / "releases"
OMEGAT_JAR = Path(os.environ.get("OMEGAT_JAR", "/usr/share/omegat/OmegaT.jar"))
TIMEOUT_S = 240

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>EN</source_lang>
    <target_lang>AR</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneArabicTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
    <external_command></external_command>
  </project>
</omegat>
"""


def _java() -> str:
    java = shutil.which("java")
    if java is None or not OMEGAT_JAR.is_file():
        pytest.skip(f"OmegaT is not installed (needs java and {OMEGAT_JAR}; apt-get install omegat)")
    return java


def _paragraphs(text: str) -> list[str]:
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def test_omegat_pretranslates_every_paragraph_from_our_tmx(tmp_path: Path) -> None:
    java = _java()
    releases = sorted(p for p in RELEASES.glob("*") if (p / "en.txt").is_file() and (p / "ar.txt").is_file())
    if not releases:
        pytest.skip(f"no releases in {RELEASES}")
    project = tmp_path / "project"
    for folder in ("source", "target", "tm/auto", "glossary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT, encoding="utf-8")
    expected: dict[str, list[str]] = {}
    for release in releases:
        segments = list(read_segments(release))
        # one paragraph per block: OmegaT's text filter never splits it, sentence segmentation is off
        (project / "source" / f"{release.name}.txt").write_text(
            "\n\n".join(s.source for s in segments) + "\n", encoding="utf-8"
        )
        expected[release.name] = [s.target or "" for s in segments]
    assert (
        main(["export", "tmx", *map(str, releases), "-o", str(project / "tm" / "auto" / "releases.tmx")]) == 0
    )
    assert (
        main(["export", "glossary", "--to", "omegat", "-o", str(project / "glossary" / "un-terms.txt")]) == 0
    )

    log = _run_omegat(java, tmp_path, project)
    assert "TF_TM_LOAD_ERROR" not in log, log
    for release in releases:
        target = project / "target" / f"{release.name}.txt"
        assert target.is_file(), f"OmegaT wrote no {target.name}:\n{log}"
        got = _paragraphs(target.read_text(encoding="utf-8"))
        source = _paragraphs((project / "source" / f"{release.name}.txt").read_text(encoding="utf-8"))
        assert len(source) == len(expected[release.name])
        assert got == expected[release.name], f"{release.name}: OmegaT target differs from our Arabic\n{log}"


REAL = REPO / "tests" / "formats" / "real"


def _run_omegat(java: str, tmp_path: Path, project: Path) -> str:
    command = [
        java,
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8",
        "-Duser.language=en",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-jar",
        str(OMEGAT_JAR),
        str(project),
        "--mode=console-translate",
        f"--config-dir={tmp_path / 'config'}",
        "--disable-project-locking",
        "--disable-location-save",
        "--no-team",
        "--quiet",
    ]
    env = {**os.environ, "HOME": str(tmp_path)}
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, env=env, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"OmegaT did not finish within {TIMEOUT_S} s")
    return (run.stdout + run.stderr)[-3000:]


def _project(tmp_path: Path, source_lang: str, target_lang: str, paragraphs: list[str]) -> Path:
    project = tmp_path / "project"
    for folder in ("source", "target", "tm/auto", "glossary", "omegat"):
        (project / folder).mkdir(parents=True)
    settings = PROJECT.replace("<source_lang>EN</source_lang>", f"<source_lang>{source_lang}</source_lang>")
    settings = settings.replace("<target_lang>AR</target_lang>", f"<target_lang>{target_lang}</target_lang>")
    if not target_lang.upper().startswith("AR"):
        settings = settings.replace("LuceneArabicTokenizer", "LuceneItalianTokenizer")
    (project / "omegat.project").write_text(settings, encoding="utf-8")
    (project / "source" / "doc.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return project


def test_omegat_pretranslates_from_our_export_of_an_en_us_it_it_sdlxliff(tmp_path: Path) -> None:
    """A Trados file keeps its own languages: OmegaT (EN-US -> IT-IT) takes the matches."""
    java = _java()
    sdlxliff = REAL / "QuotesSample.docx.sdlxliff"
    kept = [
        s
        for s in read_segments(sdlxliff)
        if s.state != "needs-translation"
        and s.target
        and s.source == s.source.strip()
        and len(s.source_codes) == len(s.target_codes)
    ]
    # its target is a commented range (<mrk mtype="x-sdl-comment">): a marker, not a <hi> in the TM
    # (OmegaT inserted that one empty)
    assert "You're gonna need a bigger boat." in [s.source for s in kept]
    assert len(kept) >= 2
    project = _project(tmp_path, "EN-US", "IT-IT", [s.source for s in kept])
    assert main(["export", "tmx", str(sdlxliff), "-o", str(project / "tm" / "auto" / "quotes.tmx")]) == 0
    log = _run_omegat(java, tmp_path, project)
    assert "TF_TM_LOAD_ERROR" not in log, log
    got = _paragraphs((project / "target" / "doc.txt").read_text(encoding="utf-8"))
    assert got == [s.target for s in kept], log


def test_omegat_inserts_no_empty_translation_from_a_partly_translated_po(tmp_path: Path) -> None:
    java = _java()
    po = REAL / "budgie-control-center.ar.po"
    segments = [s for s in read_segments(po) if "[" not in s.unit and "%" not in s.source]
    untranslated = [s.source for s in segments if not s.target]
    translated = {s.source: s.target for s in segments if s.target}
    assert len(untranslated) >= 4 and len(translated) >= 4
    project = _project(tmp_path, "EN", "AR", [s.source for s in segments])
    assert main(["export", "tmx", str(po), "-o", str(project / "tm" / "auto" / "budgie.tmx")]) == 0
    log = _run_omegat(java, tmp_path, project)
    got = _paragraphs((project / "target" / "doc.txt").read_text(encoding="utf-8"))
    assert len(got) == len(segments), log
    for segment, text in zip(segments, got, strict=True):
        # OmegaT leaves an untranslated segment as its source; an empty TM target would blank it
        assert text == translated.get(segment.source, segment.source), (segment.source, log)
