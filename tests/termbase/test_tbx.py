"""TBX export validity (official schemas, read in place from ../shared) and import of real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from mustalah.errors import InputError
from mustalah.termbase import Status, TermType
from mustalah.termbase.loader import default_termbase_path, read_termbase
from mustalah.termbase.tbx import detect_dialect, read_tbx, write_tbx2008, write_tbx2019
from mustalah.termbase.yaml_io import read_yaml

from ..conftest import shared_path
from .helpers import GOOD

_PARSER = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
TBX_NS = {"t": "urn:iso:std:iso:30042:ed-2"}


def _rng(*parts: str) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(shared_path("standards", "tbx", *parts)), _PARSER))


@pytest.fixture(params=["fixture", "shipped"])
def source(request: pytest.FixtureRequest) -> Path:
    return GOOD if request.param == "fixture" else default_termbase_path()


def test_tbx2019_export_validates_against_core_and_basic_rng(tmp_path: Path, source: Path) -> None:
    out = tmp_path / "tb.tbx"
    summary = write_tbx2019(read_termbase(source).termbase, out)
    doc = etree.parse(str(out), _PARSER)
    core = _rng("TBXcoreStructV03.rng")
    assert core.validate(doc), core.error_log
    basic = _rng("TBX-Basic-1.2-integrated", "TBXcoreStructV03_TBX-Basic_integrated.rng")
    assert basic.validate(doc), basic.error_log
    root = doc.getroot()
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    assert len(root.findall(".//t:conceptEntry", TBX_NS)) == summary.concepts
    assert len(root.findall(".//t:termSec", TBX_NS)) == summary.terms


def test_tbx2008_export_validates_against_the_dtd(tmp_path: Path, source: Path) -> None:
    out = tmp_path / "tb.tbx"
    summary = write_tbx2008(read_termbase(source).termbase, out)
    dtd = etree.DTD(str(shared_path("standards", "tbx", "tbx2008", "TBX-Default", "TBXcoreStructV02.dtd")))
    doc = etree.parse(str(out), _PARSER)
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()
    assert doc.docinfo.system_url == "TBXcoreStructV02.dtd"
    assert len(doc.findall(".//termEntry/langSet/tig/term")) == summary.terms


def test_export_carries_tbx_basic_categories(tmp_path: Path) -> None:
    out = tmp_path / "tb.tbx"
    write_tbx2019(read_yaml(GOOD).termbase, out)
    entry = etree.parse(str(out), _PARSER).find(".//t:conceptEntry[@id='UNOCT']", TBX_NS)
    assert entry is not None
    notes = [n.text for n in entry.iterfind(".//t:termNote", TBX_NS)]
    assert "preferredTerm-admn-sts" in notes and "admittedTerm-admn-sts" in notes and "acronym" in notes
    assert entry.findtext("t:descrip[@type='subjectField']", namespaces=TBX_NS) == "counter-terrorism"
    refs = entry.findall("t:ref[@type='crossReference']", TBX_NS)
    expected = [("UNCCT", "UNCCT"), ("UNCCT", "confusable with UNCCT")]
    assert [(r.get("target"), r.text) for r in refs] == expected


def test_ids_starting_with_a_digit_and_dangling_refs_stay_valid(tmp_path: Path) -> None:
    from dataclasses import replace

    tb = read_yaml(GOOD).termbase
    first = replace(tb.concepts[0], id="2178", related=("NOT-IN-FILE",))
    tb = replace(tb, concepts=(first, *tb.concepts[1:]), _by_id={})
    out = tmp_path / "tb.tbx"
    write_tbx2019(tb, out)
    assert _rng("TBXcoreStructV03.rng").validate(etree.parse(str(out), _PARSER))
    back = read_tbx(out).termbase
    assert back.concepts[0].id == "2178" and back.concepts[0].related == ("NOT-IN-FILE",)


# -- conformance files (MANIFEST.md, tbx/) ----------------------------------------------------


def _counts(path: Path) -> tuple[int, int]:
    """Independent count with plain lxml: entries, and term sections that hold a <term>."""
    root = etree.parse(str(path), _PARSER).getroot()
    local = "local-name()"
    entries = root.xpath(f"//*[{local}='conceptEntry' or {local}='termEntry']")
    sections = root.xpath(f"//*[{local}='termSec' or {local}='tig' or {local}='ntig'][.//*[{local}='term']]")
    return len(entries), len(sections)


GOOD_FILES = [
    "basic_good.tbx", "min_good.tbx", "core_structure_good.tbx", "ibm_tbx.tbx", "oracle_TBX.tbx",
    "maryland.tbx", "test02_win1254.tbx", "sampleTBXfile.tbx",
]


@pytest.mark.parametrize("name", GOOD_FILES)
def test_good_conformance_files_import_completely(name: str) -> None:
    path = shared_path("conformance", "tbx", name)
    result = read_tbx(path)
    entries, sections = _counts(path)
    assert len(result.termbase) == entries
    assert sum(len(c.terms) for c in result.termbase) == sections
    assert not [p for p in result.problems if p.code in ("TB101", "TB104")]  # no structural complaints


def test_windows_1254_and_languages_are_decoded() -> None:
    tb = read_tbx(shared_path("conformance", "tbx", "test02_win1254.tbx")).termbase
    assert set(tb.languages) == {"en", "tr"}
    assert any(ch in "ğışçöüĞİŞÇÖÜ" for _, t in tb.terms("tr") for ch in t.text)


def test_2008_statuses_and_types_are_mapped() -> None:
    tb = read_tbx(shared_path("standards", "tbx", "tbx2008", "TBX-Basic", "TBX-basic-sample.tbx")).termbase
    statuses = {t.status for _, t in tb.terms()}
    types = {t.type for _, t in tb.terms()}
    assert Status.PREFERRED in statuses and len(statuses) > 1
    assert TermType.FULL_FORM in types and len(types) > 1


def test_dct_style_reads_like_dca() -> None:
    dca = read_tbx(shared_path("standards", "tbx", "TBX-Basic", "DCA", "Example_Astronomy_DCA_VALID.tbx"))
    dct = read_tbx(shared_path("standards", "tbx", "TBX-Basic", "DCT", "Example_Astronomy_DCT_VALID.tbx"))
    assert [c.id for c in dct.termbase] == [c.id for c in dca.termbase]
    assert [(t.text, t.status, t.type, t.pos) for _, t in dct.termbase.terms()] == [
        (t.text, t.status, t.type, t.pos) for _, t in dca.termbase.terms()
    ]


@pytest.mark.parametrize(
    ("name", "code", "needle"),
    [
        ("basic_bad.tbx", "TB103", "partOfSpeech value 'nominal'"),
        ("basic_bad.tbx", "TB104", "<descrip type='definition'> is not allowed at term level"),
        ("min_bad.tbx", "TB103", "usageStatus value 'not an allowed value'"),
        ("core_structure_bad.tbx", "TB104", "2 <term> elements"),
        ("core_structure_bad.tbx", "TB104", "<term> is not the first element"),
        ("core_structure_bad.tbx", "TB102", "<admin> without a type"),
        ("tbx_basic_sample_badelement.tbx", "TB101", "<transaction>"),
        ("tbx_basic_sample_badelement.tbx", "TB101", "<comment>"),
        ("tbx_basic_sample_badattribute.tbx", "TB102", "<termNote type='pos'>"),
        ("oracle_TBX.tbx", "TB102", "<termNote type='abbreviatedFormFor'>"),
    ],
)
def test_bad_conformance_files_import_with_located_warnings(name: str, code: str, needle: str) -> None:
    path = shared_path("conformance", "tbx", name)
    problems = [p for p in read_tbx(path).problems if p.code == code and needle in p.message]
    assert problems, f"no {code} containing {needle!r}"
    lines = path.read_bytes().splitlines()
    for problem in problems:
        assert problem.location is not None and problem.location.file == str(path)
        assert 1 <= problem.location.line <= len(lines)
    if "<transaction>" in needle or "<comment>" in needle:
        tag = needle.strip("<>")
        assert f"<{tag}".encode() in lines[problems[0].location.line - 1]  # type: ignore[union-attr]


def test_not_well_formed_fails_with_a_location() -> None:
    with pytest.raises(InputError) as info:
        read_tbx(shared_path("conformance", "tbx", "poorly_formed_xml.tbx"))
    assert info.value.line == 42 and "not well-formed" in info.value.message


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.tbx"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        '<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>&b;</p></sourceDesc>'
        "</fileDesc></martifHeader><text><body/></text></martif>\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="entities"):
        read_tbx(bomb)


def test_other_xml_is_not_taken_for_tbx(tmp_path: Path) -> None:
    other = tmp_path / "x.tbx"
    other.write_text('<?xml version="1.0"?><tmx version="1.4"/>', encoding="utf-8")
    with pytest.raises(InputError, match="not a TBX file"):
        detect_dialect(other)
