"""YAML → TBX 2019 / TBX 2008 / CSV / TSV / YAML → model loses nothing (generated termbases too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mustalah.termbase import Concept, Gender, Status, Term, Termbase, TermType
from mustalah.termbase.csv_io import write_csv
from mustalah.termbase.loader import read_termbase
from mustalah.termbase.model import split_tag
from mustalah.termbase.tbx import write_tbx2008, write_tbx2019
from mustalah.termbase.yaml_io import DOMAINS, read_yaml
from mustalah.termbase.yaml_write import write_yaml

from .helpers import GOOD

WRITERS = {
    "tb.tbx": write_tbx2019,
    "tb2008.tbx": write_tbx2008,
    "tb.csv": write_csv,
    "tb.tsv": write_csv,
    "tb.yaml": write_yaml,
}


def _round_trip(tb: Termbase, folder: Path, name: str) -> Termbase:
    path = folder / name
    WRITERS[name](tb, path)
    result = read_termbase(path)
    assert result.problems == (), [p.format() for p in result.problems]
    return result.termbase


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_fixture_round_trip_is_lossless(tmp_path: Path, name: str) -> None:
    tb = read_yaml(GOOD).termbase
    back = _round_trip(tb, tmp_path, name)
    assert back.concepts == tb.concepts
    # spot-check the fields most likely to be dropped
    assert back["UNOCT"].confusable == ("UNCCT",)
    assert back["FTF"].terms_in("ar")[0].forms == tb["FTF"].terms_in("ar")[0].forms
    assert back["person-ali-example"].terms_in("ar")[1].exact is True
    assert back["post-permanent-representative"].terms_in("ar")[2].gender is Gender.MASCULINE


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_shipped_termbase_round_trip_is_lossless(tmp_path: Path, name: str) -> None:
    from mustalah.termbase.loader import default_termbase_path

    tb = read_termbase(default_termbase_path()).termbase
    assert _round_trip(tb, tmp_path, name).concepts == tb.concepts


_WORD = st.text(
    alphabet=st.sampled_from("abcXYZ019'\"&<>#:/()،؟ابتثجحخدذرسشصضطظعغفقكلمنهوي\u064e\u0651\u0640"),
    min_size=1, max_size=8,
)
_TEXT = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
_ID = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,8}", fullmatch=True)


@st.composite
def _terms(draw: st.DrawFn) -> tuple[Term, ...]:
    out = []
    langs = st.lists(st.sampled_from(["en", "ar", "fr", "ar-SA"]), min_size=1, max_size=3, unique=True)
    for lang in draw(langs):
        for _ in range(draw(st.integers(1, 3))):
            primary, tag = split_tag(lang)  # ar-SA is held as lang ar + tag ar-SA
            out.append(Term(
                text=draw(_TEXT), lang=primary, tag=tag, status=draw(st.sampled_from(list(Status))),
                type=draw(st.sampled_from(list(TermType))),
                gender=draw(st.none() | st.sampled_from(list(Gender))),
                pos=draw(st.none() | st.sampled_from(["noun", "properNoun", "verb"])),
                usage=draw(st.none() | _TEXT), note=draw(st.none() | _TEXT), exact=draw(st.booleans()),
                forms=tuple(draw(st.lists(_TEXT, max_size=3))),
            ))
    return tuple(out)


@st.composite
def _termbases(draw: st.DrawFn) -> Termbase:
    ids = draw(st.lists(_ID, min_size=1, max_size=4, unique=True))
    concepts = []
    for cid in ids:
        refs = st.lists(st.sampled_from([*ids, "MISSING-1"]), max_size=2, unique=True)
        concepts.append(Concept(
            id=cid, domain=draw(st.sampled_from(DOMAINS)), terms=draw(_terms()),
            subject=draw(st.none() | _TEXT), definition=draw(st.none() | _TEXT), note=draw(st.none() | _TEXT),
            source=draw(st.none() | _TEXT), related=tuple(draw(refs)), confusable=tuple(draw(refs)),
        ))
    return Termbase(tuple(concepts))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tb=_termbases())
def test_generated_termbases_round_trip(tmp_path: Path, tb: Termbase) -> None:
    for name in WRITERS:
        assert _round_trip(tb, tmp_path, name).concepts == tb.concepts, name
