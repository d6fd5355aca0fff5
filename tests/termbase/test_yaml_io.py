"""YAML loading (with locations) and writing (round-trip stable)."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from mustalah.termbase import Gender, Status, TermType
from mustalah.termbase.yaml_io import read_yaml
from mustalah.termbase.yaml_write import dump_termbase, scalar, write_yaml

from .helpers import GOOD


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_loads_every_field_with_locations() -> None:
    result = read_yaml(GOOD)
    assert result.problems == ()
    tb = result.termbase
    ids = ["FTF", "post-permanent-representative", "person-ali-example", "UNOCT", "UNCCT"]
    assert [c.id for c in tb] == ids
    unoct = tb["UNOCT"]
    assert unoct.domain == "entities" and unoct.subject == "counter-terrorism"
    assert unoct.related == ("UNCCT",) and unoct.confusable == ("UNCCT",)
    assert unoct.note and unoct.note.startswith("EN/AR from") and not unoct.note.endswith("\n")
    full = unoct.terms_in("en")[0]
    assert full.pos == "properNoun" and full.usage == "first mention in a press release"
    short = unoct.terms_in("en")[2]
    assert (short.type, short.status) == (TermType.SHORT_FORM, Status.ADMITTED)
    entities = GOOD / "entities.yaml"
    assert unoct.location is not None and unoct.location.line == _line_of(entities, "id: UNOCT")
    assert short.location is not None and short.location.line == _line_of(entities, "{text: Office of")
    assert short.location.file.endswith("entities.yaml")
    ftf = tb["FTF"]
    assert ftf.terms_in("ar")[0].forms == ("المقاتلون الإرهابيون الأجانب", "المقاتلين الإرهابيين الأجانب")
    assert ftf.terms_in("ar")[1].status is Status.DEPRECATED
    post = tb["post-permanent-representative"]
    assert [t.gender for t in post.terms_in("ar")] == [Gender.MASCULINE, Gender.FEMININE, Gender.MASCULINE]
    assert tb["person-ali-example"].terms_in("ar")[1].exact is True


def test_write_then_read_gives_an_equal_model_and_stable_bytes(tmp_path: Path) -> None:
    tb = read_yaml(GOOD).termbase
    out = tmp_path / "tb.yaml"
    write_yaml(tb, out)
    again = read_yaml(out)
    assert again.problems == ()
    assert again.termbase.concepts == tb.concepts
    assert dump_termbase(again.termbase) == out.read_text(encoding="utf-8")


def test_folder_output_is_one_file_per_domain(tmp_path: Path) -> None:
    tb = read_yaml(GOOD).termbase
    written = write_yaml(tb, tmp_path / "out")
    assert sorted(p.name for p in written) == ["concepts.yaml", "entities.yaml"]
    assert read_yaml(tmp_path / "out").termbase.concepts == tuple(
        sorted(tb.concepts, key=lambda c: c.domain)
    )


def test_shipped_style_is_kept(tmp_path: Path) -> None:
    text = dump_termbase(read_yaml(GOOD).termbase)
    assert "        - مركز الأمم المتحدة لمكافحة الإرهاب\n" in text  # plain string = preferred fullForm
    assert "{text: UNOCT, type: acronym}" in text
    assert '- "on"' not in text  # (no such term here) — see the scalar test for YAML 1.1 words


@given(st.text(min_size=1, max_size=40))
def test_scalar_reads_back_as_the_same_string(value: str) -> None:
    assert yaml.safe_load(f"key: {scalar(value)}") == {"key": value}


def test_yaml_1_1_words_are_quoted() -> None:
    for word in ("on", "yes", "No", "null", "~", "1.5", "2030", "true"):
        assert scalar(word) == f'"{word}"'
    assert scalar("الأمم المتحدة") == "الأمم المتحدة"
