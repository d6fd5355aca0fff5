"""Plural forms of real Arabic PO files (nplurals=6) compared under the catalogue's own Plural-Forms.

Files: tests/formats/real/ (PROVENANCE.md).  ``msgstr[0]`` is said for 0 (English: *0 jobs*),
``msgstr[1]`` for 1, ``msgstr[2]`` for 2; forms 0–2 name their number in words (لا مهام,
مهمة, مهمتين) and may leave out ``%u`` / ``%1``; forms 3–5 may not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.formats import read_segments
from mustalah.formats.plurals import parse_plural_forms, single_number

REAL = Path(__file__).parent / "real"
BUDGIE = REAL / "budgie-control-center.ar.po"
MAWAKIT = REAL / "plasma_applet_mawakit.ar.po"
ARABIC = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;"
)


def test_arabic_plural_forms_expression() -> None:
    rule = parse_plural_forms(ARABIC)
    assert rule is not None and rule.nplurals == 6
    assert [rule.single(k) for k in range(6)] == [0, 1, 2, None, None, None]
    assert [rule.english(k) for k in range(6)] == [
        "plural",
        "singular",
        "plural",
        "plural",
        "plural",
        "plural",
    ]
    assert rule.numbers[3][:3] == (3, 4, 5) and 11 in rule.numbers[4] and 100 in rule.numbers[5]
    english = parse_plural_forms("nplurals=2; plural=(n != 1);")
    assert english is not None and english.english(0) == "singular" and english.english(1) == "plural"
    assert parse_plural_forms("nplurals=2; plural=n +;") is None  # not understood: the old pairing


@pytest.mark.parametrize("path", [BUDGIE, MAWAKIT])
def test_each_form_is_paired_with_the_english_said_for_the_same_numbers(path: Path) -> None:
    segments = {s.unit: s for s in read_segments(path)}
    plural_entries = [u[: -len("[3]")] for u in segments if u.endswith("[3]")]
    assert plural_entries
    for entry in plural_entries:
        many = segments[f"{entry}[3]"].source  # msgid_plural
        assert single_number(segments[entry]) == 0 and segments[entry].source == many
        assert single_number(segments[f"{entry}[1]"]) == 1
        assert single_number(segments[f"{entry}[2]"]) == 2 and segments[f"{entry}[2]"].source == many
    jobs = {s.unit: s.source for s in read_segments(BUDGIE) if s.source.startswith("%u Job")}
    assert jobs == {
        "15": "%u Jobs",
        "15[1]": "%u Job",
        "15[2]": "%u Jobs",
        "15[3]": "%u Jobs",
        "15[4]": "%u Jobs",
        "15[5]": "%u Jobs",
    }


def _codes(path: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    main(["lint", "--format", "json", "--no-progress", "--select", "MK002,NU001", str(path)])
    return [(f["code"], f["unit"]) for f in json.loads(capsys.readouterr().out)["findings"]]


@pytest.mark.parametrize("path", [BUDGIE, MAWAKIT])
def test_forms_for_zero_one_two_may_drop_the_number(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _codes(path, capsys) == []


def test_a_dropped_count_in_a_many_form_is_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "ar.po"
    text = BUDGIE.read_text(encoding="utf-8")
    assert text.count('msgstr[3] "%u مهمات"') == 1
    broken.write_text(text.replace('msgstr[3] "%u مهمات"', 'msgstr[3] "مهمات"'), encoding="utf-8")
    assert _codes(broken, capsys) == [("MK002", "15[3]")]
