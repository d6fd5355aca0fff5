"""Every third-party sample in ../shared/conformance reads as its MANIFEST says, or is refused, located.

Unit counts are what translate-toolkit (an independent reader) finds, checked here too.
Note: all.en-ar.tmx holds 3 071 <tu> (the MANIFEST's "9 213" counts <tu> and <tuv> together).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mustalah.errors import InputError
from mustalah.formats import detect_format, read_segments
from mustalah.formats.tmx import read_tmx
from mustalah.formats.xliff12 import read_xliff12
from tests.conftest import SHARED, shared_path

# file -> (format, segments, {(source_lang, target_lang) lower-cased})
EXPECTED: dict[str, tuple[str, int, set[tuple[str, str | None]]]] = {
    "tmx/ImportTest1A.tmx": ("tmx", 2, {("en-us", "fr-ca")}),
    "tmx/ImportTest1B.tmx": ("tmx", 1, {("en-us", "fr-ca")}),
    "tmx/ImportTest1D.tmx": ("tmx", 3, {("en-us", "en-gb")}),
    "tmx/ImportTest1G.tmx": ("tmx", 3, {("en-us", "en-gb")}),
    "tmx/ImportTest1H.tmx": ("tmx", 3, {("en-us", "en-gb")}),
    "tmx/ImportTest1K.tmx": ("tmx", 2, {("de-de", "en-gb"), ("fr-ca", "en-gb")}),
    "tmx/ImportTest1L.tmx": ("tmx", 1, {("en-us", "fr")}),
    "tmx/ImportTest2A.tmx": ("tmx", 7, {("en-us", "fr-ca")}),
    "tmx/ImportTest2B.tmx": ("tmx", 7, {("en-us", "fr-ca")}),
    "tmx/all.en-ar.tmx": ("tmx", 3071, {("en", "ar")}),
    "tmx/sample14b.tmx": ("tmx", 25, {("en-us", "de-de")}),
    "tmx/test-multiple-tuv14.tmx": ("tmx", 3, {("en-us", "es"), ("en-us", "fr-fr"), ("en-us", "de")}),
    "xliff12/MQ-12-Test01.xlf": ("xliff12", 119, {("en", "fr")}),
    "xliff12/Manual-12-AltTrans.xlf": ("xliff12", 7, {("en", "fr")}),
    "xliff12/RB-12-Test02.xlf": ("xliff12", 11, {("en", "fr")}),
    "xliff12/SF-12-Test02.xlf": ("xliff12", 98, {("en", "es")}),
    "xliff12/TS09-12-Test01.xlf": ("xliff12", 45, {("en", "de")}),
    "xliff12/lqiTest.xlf": ("xliff12", 2, {("en-us", "fr")}),
    "xliff12/states.xlf": ("xliff12", 8, {("en-us", None)}),
    "xliff12/test_inline-test_odf2xliff_inline-reference.xlf": ("xliff12", 4, {("en", None)}),
    "xliff2/ex.14.5.xlf": ("xliff2", 2, {("en", "pt")}),
    "xliff2/ex.9.5.xlf": ("xliff2", 8, {("en", None)}),
    "po/ar.po": ("po", 276, {("en", "ar")}),
    "po/plural.po": ("po", 3, {("en", None)}),
    "po/one.po": ("po", 2, {("en", None)}),
}
REFUSED = {"tmx/invalid.tmx": 11}  # file -> line of the first bad seg
NOT_BILINGUAL = ("tbx/",)
SKIP = ("MANIFEST.md", "PROVENANCE.tsv", "TMXComplianceKit-License.txt", "TBX_test_files-README.md")


def _all_files() -> list[str]:
    root = SHARED / "conformance"
    if not root.exists():
        return []
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and p.name not in SKIP)


def test_every_conformance_file_has_an_expectation() -> None:
    files = _all_files() or pytest.skip("needs ../shared/conformance")
    unknown = [f for f in files if f not in EXPECTED and f not in REFUSED and not f.startswith(NOT_BILINGUAL)]
    assert unknown == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reads_with_expected_units_and_languages(name: str) -> None:
    path = shared_path("conformance", *name.split("/"))
    fmt, count, langs = EXPECTED[name]
    assert detect_format(path) == fmt
    segments = list(read_segments(path))
    assert len(segments) == count
    assert {
        (s.source_lang.lower(), s.target_lang.lower() if s.target_lang else None) for s in segments
    } == langs
    assert [s.index for s in segments] == list(range(count))
    assert all(s.line for s in segments)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_invalid_files_are_refused_with_location(name: str) -> None:
    path = shared_path("conformance", *name.split("/"))
    with pytest.raises(InputError) as caught:
        list(read_segments(path))
    assert caught.value.file == str(path)
    assert caught.value.line == REFUSED[name]
    assert caught.value.unit == "1"
    assert "ept" in caught.value.message


@pytest.mark.parametrize("name", [f for f in _all_files() if f.startswith("tbx/")] or ["tbx/none"])
def test_tbx_never_crashes_a_bilingual_reader(name: str) -> None:
    path = shared_path("conformance", *name.split("/"))
    for reader in (read_segments, read_tmx, read_xliff12):
        with pytest.raises(InputError) as caught:
            list(reader(path))
        assert caught.value.file == str(path)


def test_translate_toolkit_agrees_on_unit_counts() -> None:
    from translate.storage import factory

    for name, (fmt, count, _langs) in EXPECTED.items():
        if fmt not in ("tmx", "po") or "plural" in name:
            continue
        store = factory.getobject(str(shared_path("conformance", *name.split("/"))))
        units = [u for u in store.units if not u.isheader()]
        assert len(units) == count, name


def test_tmx_details(shared: Path) -> None:
    base = shared / "conformance" / "tmx"
    (first, _second) = read_segments(base / "ImportTest1A.tmx")
    assert first.source == "First segment with [\t\t   ]"  # whitespace preserved, UTF-16LE
    seg = next(iter(read_segments(base / "ImportTest2A.tmx")))
    assert seg.source == "The big black cat sleeps."
    assert [(c.kind, c.id, c.offset, c.content) for c in seg.source_codes] == [
        ("bpt", "1", 8, "<b>"),
        ("ept", "1", 13, "</b>"),
        ("bpt", "2", 14, "<u>"),
        ("ept", "2", 17, "</u>"),
    ]
    assert seg.unit == "1" and seg.line == 7
    multi = list(read_segments(base / "test-multiple-tuv14.tmx", "en-us", "es-ar"))
    assert multi[0].target_lang == "ES-AR"
    assert any(k.startswith("x-mustalah-tuv:") for k, _v in multi[0].props)
    tico = next(iter(read_segments(base / "all.en-ar.tmx")))
    assert tico.unit == "CMU_1:1" and tico.props[0][0] == "note"
