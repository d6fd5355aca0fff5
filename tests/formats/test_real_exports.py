"""TMX exports of real CAT-tool files keep their languages and hold no empty, fuzzy or untranslated target.

Files: tests/formats/real/ (PROVENANCE.md).  A Trados SDLXLIFF (en-US -> it-IT, Draft /
Translated / ApprovedSignOff segments), a partly translated GNOME-family Arabic PO and a KDE
Arabic PO with a fuzzy entry.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from mustalah.cli.main import main
from mustalah.formats import read_segments

REAL = Path(__file__).parent / "real"
SDLXLIFF = REAL / "QuotesSample.docx.sdlxliff"
BUDGIE = REAL / "budgie-control-center.ar.po"
MAWAKIT = REAL / "plasma_applet_mawakit.ar.po"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tus(path: Path) -> list[dict[str, str]]:
    root = etree.parse(str(path)).getroot()
    return [
        {tuv.get(XML_LANG, ""): "".join(tuv.itertext()) for tuv in tu.iter("tuv")} for tu in root.iter("tu")
    ]


def test_sdlxliff_export_keeps_en_us_it_it_and_leaves_out_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "quotes.tmx"
    assert main(["export", "tmx", str(SDLXLIFF), "-o", str(out), "--target-lang", "ar"]) == 0
    err = capsys.readouterr().err
    assert "says the target language is it-IT; --target-lang ar only fills in" in err
    segments = list(read_segments(SDLXLIFF))
    drafts = [s for s in segments if s.state == "needs-translation"]
    assert len(drafts) == 2  # Trados conf="Draft"
    tus = _tus(out)
    assert len(tus) == len(segments) - len(drafts)
    assert all(set(tu) == {"en-US", "it-IT"} for tu in tus)
    assert etree.parse(str(out)).getroot().find("header").get("srclang") == "en-US"
    assert "left out 2 untranslated (--include-untranslated to keep them)" in err
    # the ApprovedSignOff copy (' Midnight Cowboy.') is a confirmed copy: kept
    assert any(tu["en-US"] == tu["it-IT"] == " Midnight Cowboy." for tu in tus)
    assert main(["export", "tmx", str(SDLXLIFF), "-o", str(out), "--include-untranslated"]) == 0
    assert len(_tus(out)) == len(segments)


def test_partly_translated_po_export_writes_no_empty_translation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "budgie.tmx"
    assert main(["export", "tmx", str(BUDGIE), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    segments = list(read_segments(BUDGIE))
    empty = [s for s in segments if not (s.target or "").strip()]
    copies = [s for s in segments if s.target and s.target == s.source]
    assert len(empty) == 11 and len(copies) == 2  # 5 entries + the 6 forms of an untranslated plural
    tus = _tus(out)
    assert len(tus) == len(segments) - len(empty) - len(copies)
    assert all(text.strip() for tu in tus for text in tu.values())
    assert all(set(tu) == {"en", "ar"} for tu in tus)
    assert "left out 11 empty, 2 copy" in err


def test_obsolete_fuzzy_po_entry_is_not_read(tmp_path: Path) -> None:
    """KDE's file keeps a retired translation as ``#, fuzzy`` + ``#~``: never a unit, never in a TM."""
    assert "Isha" not in {s.source for s in read_segments(MAWAKIT)}
    out = tmp_path / "mawakit.tmx"
    assert main(["export", "tmx", str(MAWAKIT), "-o", str(out), "--include-fuzzy"]) == 0
    assert "Isha" not in {tu.get("en") for tu in _tus(out)}


def test_msgmerge_fuzzy_entries_stay_out_of_the_tm_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GNU msgmerge makes the fuzzy entries: the template changed two sources slightly."""
    msgmerge = shutil.which("msgmerge")
    if msgmerge is None:
        pytest.skip("GNU gettext's msgmerge is not installed (apt-get install gettext)")
    pot = tmp_path / "new.pot"
    entries = BUDGIE.read_text(encoding="utf-8").split("\n\n")[1:]
    template = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n']
    for entry in entries:
        # the cut was saved unwrapped: every keyword is one line
        block = "\n".join(ln for ln in entry.splitlines() if ln.startswith(("#", "msgid", "msgctxt")))
        block = block.replace('msgid "Paper Type"', 'msgid "Paper Types"').replace(
            'msgid "Output Tray"', 'msgid "Output Trays"'
        )
        plural = "msgid_plural" in block
        template.append(block + ('\nmsgstr[0] ""\nmsgstr[1] ""\n' if plural else '\nmsgstr ""\n'))
    pot.write_text("\n".join(template), encoding="utf-8")
    merged = tmp_path / "ar.po"
    subprocess.run([msgmerge, "--quiet", "-o", str(merged), str(BUDGIE), str(pot)], check=True)
    fuzzy = [s for s in read_segments(merged) if s.state == "fuzzy"]
    assert {s.source for s in fuzzy} == {"Paper Types", "Output Trays"}
    out = tmp_path / "merged.tmx"
    assert main(["export", "tmx", str(merged), "-o", str(out)]) == 0
    assert "2 fuzzy" in capsys.readouterr().err
    assert not {"Paper Types", "Output Trays"} & {tu.get("en") for tu in _tus(out)}
    assert main(["export", "tmx", str(merged), "-o", str(out), "--include-fuzzy"]) == 0
    assert {"en": "Paper Types", "ar": "نوع الورق"} in _tus(out)


def test_angular_needs_translation_copies_stay_out_of_the_tm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    angular = REAL / "wise-messages.ar.xlf"
    out = tmp_path / "wise.tmx"
    assert main(["export", "tmx", str(angular), "-o", str(out)]) == 0
    assert "left out 5 untranslated" in capsys.readouterr().err
    assert _tus(out) == [
        {"en": "About Us", "ar": "عنا"},
        {"en": "WISE student and teacher", "ar": "طالب ومدرس WISE"},
    ]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_are_created_with_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    out = tmp_path / "quotes.tmx"
    old = os.umask(umask)
    try:
        assert main(["export", "tmx", str(SDLXLIFF), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == mode


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_xliff_export_declares_the_files_own_languages(tmp_path: Path, version: str) -> None:
    out = tmp_path / "quotes.xlf"
    args = ["export", "xliff", "--version", version, "--no-hints", str(SDLXLIFF), "-o", str(out)]
    assert main(args) == 0
    text = out.read_text(encoding="utf-8")
    if version == "1.2":
        assert 'source-language="en-US"' in text and 'target-language="it-IT"' in text
    else:
        assert 'srcLang="en-US"' in text and 'trgLang="it-IT"' in text
