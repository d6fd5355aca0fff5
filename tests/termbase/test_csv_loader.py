"""CSV/TSV import problems, the loader's dispatch, errors and cache."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mustalah.errors import TermbaseError, UsageError
from mustalah.termbase import load_default, load_termbase
from mustalah.termbase.csv_io import COLUMNS, read_csv, write_csv
from mustalah.termbase.loader import clear_cache, default_termbase_path
from mustalah.termbase.yaml_io import read_yaml

from .helpers import BAD, GOOD


def test_csv_has_the_documented_header_and_one_row_per_term(tmp_path: Path) -> None:
    tb = read_yaml(GOOD).termbase
    out = tmp_path / "tb.csv"
    rows = write_csv(tb, out)
    with out.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert tuple(table[0]) == COLUMNS
    assert rows == len(table) == sum(len(c.terms) for c in tb)
    ftf = next(r for r in table if r["concept_id"] == "FTF" and r["lang"] == "ar")
    assert ftf["forms"] == "المقاتلون الإرهابيون الأجانب | المقاتلين الإرهابيين الأجانب"


def test_csv_problems_are_located(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "concept_id,lang,term,status,colour,domain\n"
        "A,en,alpha,preferred,red,concepts\n"
        "A,ar,ألفا,favourite,,people\n"
        ",en,orphan,,,\n",
        encoding="utf-8-sig",
    )
    result = read_csv(path)
    found = sorted((p.location.line, p.code) for p in result.problems if p.location)
    assert found == [(1, "TB002"), (3, "TB003"), (3, "TB105"), (4, "TB004")]
    assert result.termbase["A"].domain == "concepts"


def test_csv_without_required_columns_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("id\tlanguage\n", encoding="utf-8")
    with pytest.raises(TermbaseError, match="missing column"):
        read_csv(path)


def test_load_termbase_raises_a_located_error_for_source_errors() -> None:
    with pytest.raises(TermbaseError) as info:
        load_termbase(BAD / "bad_values.yaml")
    assert info.value.line == 3 and info.value.file and info.value.file.endswith("bad_values.yaml")
    assert "termbase check" in (info.value.hint or "")


def test_terminology_problems_do_not_stop_loading() -> None:
    assert len(load_termbase(BAD / "dangling.yaml")) == 1


def test_missing_and_unknown_sources(tmp_path: Path) -> None:
    with pytest.raises(TermbaseError, match="not found"):
        load_termbase(tmp_path / "nope.yaml")
    odd = tmp_path / "tb.docx"
    odd.write_bytes(b"x")
    with pytest.raises(UsageError, match="unknown termbase format"):
        load_termbase(odd)
    with pytest.raises(TermbaseError, match=r"no \.yaml files"):
        load_termbase(tmp_path)


def test_default_is_cached_and_reloaded_after_a_change(tmp_path: Path) -> None:
    clear_cache()
    assert load_default() is load_default()
    assert load_default() is load_termbase(default_termbase_path())
    copy = tmp_path / "tb.yaml"
    copy.write_bytes((GOOD / "concepts.yaml").read_bytes())
    first = load_termbase(copy)
    assert load_termbase(copy) is first
    copy.write_text(copy.read_text(encoding="utf-8").replace("Ali Example", "Ali Sample"), encoding="utf-8")
    assert load_termbase(copy) is not first
    assert load_termbase(copy)["person-ali-example"].terms[0].text == "Ali Sample"
