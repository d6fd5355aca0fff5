"""Region-coded languages in real files other tools wrote (tests/formats/real/PROVENANCE.md).

A Microsoft Terminology Collection TBX tags its languages ``en-US`` / ``zh-Hant``: imported, its
terms match English text (primary subtag ``en``) while the full tag is kept for output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.matching.index import TermIndex
from mustalah.termbase.loader import read_termbase
from mustalah.termbase.yaml_io import read_yaml

REAL = Path(__file__).parent / "real"
MS_TBX = REAL / "ms-terminology.tbx"


def test_microsoft_tbx_terms_match_by_primary_subtag() -> None:
    termbase = read_termbase(MS_TBX).termbase
    terms = [t for c in termbase for t in c.terms]
    assert {(t.lang, t.tag) for t in terms} == {("en", "en-US"), ("zh", "zh-Hant")}
    index = TermIndex.build(termbase)
    found = index.match("Enter the task ID of the context.", "en")
    assert sorted(m.term.text for m in found) == ["context", "task ID"]
    assert [m.term.text for m in index.match("任務識別碼", "zh")] == ["任務識別碼"]


def test_import_says_which_languages_it_found_and_keeps_the_tags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ms.yaml"
    assert main(["termbase", "import", str(MS_TBX), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "languages: en-US (matched as en): 2 terms, zh-Hant (matched as zh): 2 terms" in err
    text = out.read_text(encoding="utf-8")
    assert "en-US:" in text and "zh-Hant:" in text
    again = read_yaml(out).termbase
    assert {(t.lang, t.tag) for c in again for t in c.terms} == {("en", "en-US"), ("zh", "zh-Hant")}
    # and back to TBX with the file's own tags
    tbx = tmp_path / "ms.tbx"
    assert main(["termbase", "export", "--termbase", str(out), "--to", "tbx2008", "-o", str(tbx)]) == 0
    written = tbx.read_text(encoding="utf-8")
    assert 'xml:lang="en-US"' in written and 'xml:lang="zh-Hant"' in written


def test_one_line_tbx_warnings_name_the_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Many exporters write a TBX on one line: "line 1" alone locates nothing, the entry id does."""
    one_line = tmp_path / "ms-one-line.tbx"
    text = MS_TBX.read_text(encoding="utf-8")
    one_line.write_text(re.sub(r">\s+<", "><", text).replace("\n", ""), encoding="utf-8")
    assert one_line.read_text(encoding="utf-8").count("\n") == 0
    assert main(["termbase", "import", str(one_line), "-o", str(tmp_path / "one.yaml")]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if ": TB1" in line]
    assert len(warnings) == 5 and all(":1: " in w for w in warnings)
    assert all("termEntry 3344_38882_38896" in w or "termEntry 19240_652212_670671" in w for w in warnings)
    # the file as Microsoft wrote it (one element a line): the line says it, no entry is added
    assert main(["termbase", "import", str(MS_TBX), "-o", str(tmp_path / "ms.yaml")]) == 0
    assert "termEntry" not in capsys.readouterr().err
