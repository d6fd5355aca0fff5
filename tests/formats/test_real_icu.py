"""ICU MessageFormat in a real Angular messages.ar.xlf (tests/formats/real/PROVENANCE.md).

``{VAR_PLURAL, plural, =1 {attempt} other {attempts}}``: the syntax stays, the branches are text.
The file's own ICU unit is still an English copy (``needs-translation``); the translated
variants below are what a translator would write in its place.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from mustalah.cli.main import main
from mustalah.formats.icu import icu_spans

REAL = Path(__file__).parent / "real"
ANGULAR = REAL / "wise-messages.ar.xlf"
ICU = "{VAR_PLURAL, plural, =1 {attempt} other {attempts}}"


def test_icu_spans_of_the_angular_message() -> None:
    spans = icu_spans(ICU)
    assert [ICU[a:b] for a, b in spans.bodies] == ["{attempt}", "{attempts}"]
    syntax = "".join(ICU[a:b] for a, b in spans.syntax)
    assert "VAR_PLURAL" in syntax and "plural" in syntax and "other" in syntax and "attempt" not in syntax
    nested = "{g, select, male {{n, plural, one {# file} other {# files}}} other {x}}"
    assert [nested[a:b] for a, b in icu_spans(nested).bodies if "file" in nested[a:b]][-2:] == [
        "{# file}",
        "{# files}",
    ]
    assert icu_spans("{0} of {1}").bodies == () and icu_spans("{a, plural, one {x}").bodies == ()


def _lint(path: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str, str]]:
    main(["lint", "--format", "json", "--no-progress", "--fail-on", "never", str(path)])
    return [(f["code"], f["side"], f["text"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_real_file_reports_the_untranslated_branches_not_the_syntax(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = _lint(ANGULAR, capsys)
    texts = {text for code, side, text in found if code == "UT003"}
    assert not {"VAR_PLURAL", "plural", "other", "plural, =1"} & texts
    assert not [f for f in found if f[0] == "MK002"]


def _with_target(tmp_path: Path, target: str) -> Path:
    tree = etree.parse(str(ANGULAR))
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    unit = next(
        u
        for u in tree.getroot().iterfind(".//x:trans-unit", ns)
        if u.findtext("x:source", namespaces=ns) == ICU
    )
    element = unit.find("x:target", ns)
    assert element is not None
    element.text = target
    element.set("state", "translated")
    out = tmp_path / "messages.ar.xlf"
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    return out


def test_translated_branches_are_clean_and_an_english_branch_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _with_target(tmp_path, "{VAR_PLURAL, plural, =1 {محاولة واحدة} other {محاولات}}")
    found = [f for f in _lint(good, capsys) if f[0] in ("MK002", "UT003", "UT002")]
    assert all("محاولة" not in t for _c, _s, t in found)
    assert not [f for f in found if "attempt" in f[2] or f[2] in ("plural", "other")]
    half = _with_target(tmp_path, "{VAR_PLURAL, plural, =1 {محاولة واحدة} other {attempts}}")
    assert ("UT003", "target", "attempts") in _lint(half, capsys)
