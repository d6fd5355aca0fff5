"""Exports validate against the official schemas, read back in translate-toolkit, and round-trip."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from translate.storage import factory

from mustalah.formats import read_segments
from mustalah.formats.glossary import write_omegat_glossary, write_term_tmx
from mustalah.formats.hints import GlossHint, GlossTranslation
from mustalah.formats.tmx_writer import TmxHeader, write_tmx
from mustalah.formats.xliff_writer import write_xliff12, write_xliff21
from mustalah.model import Segment
from mustalah.termbase.model import Concept, Status, Term, Termbase, TermType
from tests.conftest import shared_path
from tests.formats.schemas import assert_valid, tmx_dtd, xliff12, xliff21

SOURCES = [
    "tmx/ImportTest2A.tmx",
    "tmx/ImportTest1K.tmx",
    "tmx/test-multiple-tuv14.tmx",
    "tmx/sample14b.tmx",
    "xliff12/TS09-12-Test01.xlf",
    "xliff12/Manual-12-AltTrans.xlf",
    "xliff12/MQ-12-Test01.xlf",
    "xliff12/SF-12-Test02.xlf",
    "xliff2/ex.14.5.xlf",
    "po/ar.po",
]


def _segments(name: str) -> list[Segment]:
    return list(read_segments(shared_path("conformance", *name.split("/"))))


def _hints(segment: Segment) -> Sequence[GlossHint]:
    if "the" not in segment.source.lower():
        return ()
    return (
        GlossHint(
            "c-the",
            "the",
            (GlossTranslation("ال", "preferred"), GlossTranslation("الـ", "admitted")),
            definition="the definite article",
        ),
    )


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def assert_oracle_agrees(store: object, segments: Sequence[Segment]) -> None:
    """translate-toolkit sees the same units; code-free units have the same text (ttk folds whitespace)."""
    units = [u for u in store.units if not u.isheader()]  # type: ignore[attr-defined]
    assert len(units) == len(segments)
    for unit, segment in zip(units, segments, strict=True):
        if not segment.source_codes and not segment.target_codes:
            assert (_norm(unit.source), _norm(unit.target)) == (_norm(segment.source), _norm(segment.target))


def _places(codes: Sequence[object]) -> list[tuple[int, str]]:
    """Where codes stand and what they hold (kinds change between formats: TMX hi -> XLIFF g)."""
    return [(c.offset, c.content) for c in codes if c.kind not in ("sm", "em")]  # type: ignore[attr-defined]


def _key(s: Segment) -> tuple[object, ...]:
    return (s.unit, s.source, s.target, s.notes)


@pytest.mark.parametrize("name", SOURCES)
def test_tmx_export_validates_and_reads_back(tmp_path: Path, name: str) -> None:
    segments = _segments(name)
    out = tmp_path / "out.tmx"
    assert write_tmx(segments, out, TmxHeader("en", "ar-SA")) == len(segments)
    assert_valid(tmx_dtd(), out)
    assert_oracle_agrees(factory.getobject(str(out)), segments)
    again = list(read_segments(out, "en", "ar-SA"))
    assert [_key(s) for s in again] == [_key(s) for s in segments]
    if name.startswith("tmx"):
        assert [(s.source_codes, s.target_codes) for s in again] == [
            (s.source_codes, s.target_codes) for s in segments
        ]
    assert {s.target_lang for s in again if s.target is not None} <= {"ar-SA"}


def test_tmx_round_trip_keeps_languages_codes_props(tmp_path: Path) -> None:
    for name in ("tmx/ImportTest2A.tmx", "tmx/ImportTest2B.tmx", "tmx/test-multiple-tuv14.tmx"):
        original = _segments(name)
        out = tmp_path / "rt.tmx"
        write_tmx(original, out, TmxHeader(original[0].source_lang, original[0].target_lang or "ar"))
        back = list(read_segments(out))
        for a, b in zip(original, back, strict=True):
            assert (a.unit, a.source, a.target, a.notes, a.props) == (
                b.unit,
                b.source,
                b.target,
                b.notes,
                b.props,
            )
            assert (a.source_codes, a.target_codes) == (b.source_codes, b.target_codes)
            assert a.source_lang.lower() == b.source_lang.lower()


@pytest.mark.parametrize("name", SOURCES)
def test_xliff12_export_is_strict_valid_and_reads_back(tmp_path: Path, name: str) -> None:
    segments = _segments(name)
    out = tmp_path / "out.xlf"
    assert write_xliff12(segments, out, hints=_hints) == len(segments)
    assert_valid(xliff12("strict"), out)
    assert_valid(xliff12("transitional"), out)
    assert_oracle_agrees(factory.getobject(str(out)), segments)
    back = list(read_segments(out))
    assert [(b.source, b.target, _places(b.source_codes)) for b in back] == [
        (s.source, s.target, _places(s.source_codes)) for s in segments
    ]
    hinted = [b for b in back if "the" in b.source.lower()]
    assert all(any("c-the" in n for n in b.notes) for b in hinted)


@pytest.mark.parametrize("name", SOURCES)
def test_xliff21_export_is_valid_with_glossary(tmp_path: Path, name: str) -> None:
    segments = _segments(name)
    out = tmp_path / "out.xlf"
    assert write_xliff21(segments, out, hints=_hints) == len(segments)
    assert_valid(xliff21(), out)
    back = list(read_segments(out))
    assert [(s.source, s.target, s.notes) for s in back] == [(s.source, s.target, s.notes) for s in segments]
    text = out.read_text(encoding="utf-8")
    if any(_hints(s) for s in segments):
        assert '<gls:translation id="g1t1" source="preferred">ال</gls:translation>' in text


def test_xliff_round_trips_keep_units_codes_notes(tmp_path: Path) -> None:
    for name in ("xliff12/TS09-12-Test01.xlf", "xliff12/Manual-12-AltTrans.xlf", "xliff12/RB-12-Test02.xlf"):
        original = _segments(name)
        out = tmp_path / "rt12.xlf"
        write_xliff12(
            original, out, source_lang=original[0].source_lang, target_lang=original[0].target_lang or "ar"
        )
        back = list(read_segments(out))
        assert [
            (
                s.unit,
                s.source,
                s.target,
                s.notes,
                s.source_codes,
                s.target_codes,
                s.state,
                dict(s.props).get("translate"),
            )
            for s in back
        ] == [
            (
                s.unit,
                s.source,
                s.target,
                s.notes,
                s.source_codes,
                s.target_codes,
                s.state,
                dict(s.props).get("translate"),
            )
            for s in original
        ]
    base = shared_path("standards", "xliff2", "test-suite-2.1", "core", "valid")
    for name in ("everything-core.xlf", "toJoin.xlf", "withNotes.xlf", "withGlossary.xlf", "sample1.xlf"):
        original = list(read_segments(base / name))
        out = tmp_path / "rt2.xlf"
        write_xliff21(
            original, out, source_lang=original[0].source_lang, target_lang=original[0].target_lang or "ar"
        )
        assert_valid(xliff21(), out)
        back = list(read_segments(out))
        assert [(s.unit, s.source, s.target, s.notes, s.source_codes, s.target_codes) for s in back] == [
            (s.unit, s.source, s.target, s.notes, s.source_codes, s.target_codes) for s in original
        ], name


def _termbase() -> Termbase:
    return Termbase(
        (
            Concept(
                "UNOCT",
                "un-bodies",
                (
                    Term("United Nations Office of Counter-Terrorism", "en"),
                    Term("UNOCT", "en", type=TermType.ACRONYM),
                    Term("Counter-Terrorism Office", "en", status=Status.DEPRECATED),
                    Term("مكتب الأمم المتحدة لمكافحة الإرهاب", "ar"),
                    Term("المكتب الأمم المتحدة لمكافحة الإرهاب", "ar", status=Status.DEPRECATED),
                ),
            ),
            Concept("no-arabic", "misc", (Term("Lonely", "en"),)),
        ),
        name="test",
    )


def test_glossary_exports(tmp_path: Path) -> None:
    out = tmp_path / "glossary.txt"
    assert write_omegat_glossary(_termbase(), out) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    assert lines[1:] == [
        "United Nations Office of Counter-Terrorism\tمكتب الأمم المتحدة لمكافحة الإرهاب\tUNOCT; preferred; "
        "avoid: المكتب الأمم المتحدة لمكافحة الإرهاب",
        "UNOCT\tمكتب الأمم المتحدة لمكافحة الإرهاب\tUNOCT; preferred; "
        "avoid: المكتب الأمم المتحدة لمكافحة الإرهاب",
    ]
    tmx = tmp_path / "terms.tmx"
    assert write_term_tmx(_termbase(), tmx) == 1
    assert_valid(tmx_dtd(), tmx)
    (unit,) = factory.getobject(str(tmx)).units
    assert (unit.source, unit.target) == (
        "United Nations Office of Counter-Terrorism",
        "مكتب الأمم المتحدة لمكافحة الإرهاب",
    )


def test_termbase_hints_from_the_matcher(tmp_path: Path) -> None:
    from mustalah.formats.hints import termbase_hints

    hints = termbase_hints(_termbase())
    segment = Segment("x", "1", 0, "The United Nations Office of Counter-Terrorism (UNOCT) met.", None, "en")
    (hint,) = hints(segment)
    assert hint.concept_id == "UNOCT"
    assert [t.text for t in hint.translations] == ["مكتب الأمم المتحدة لمكافحة الإرهاب"]
    out = tmp_path / "h.xlf"
    write_xliff21([segment], out, hints=hints)
    assert_valid(xliff21(), out)
