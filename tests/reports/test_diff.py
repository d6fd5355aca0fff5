"""``mustalah diff``: a revised version of a real release we prepare, every edit attributed."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from mustalah.cli.main import main
from mustalah.revision.edits import classify, word_edits
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]
RELEASE = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"

#: What the reviser does to the seed release's Arabic: the lint's slips and three it cannot see.
REVISIONS = [
    ("حفلة النقاش", "حلقة النقاش"),  # SP001, twice in unit 3
    ("حقلة", "حلقة"),  # SP001, unit 5
    ("ومنع ومحاربة التطرف العنيف", "ومنع التطرف العنيف ومكافحته"),  # TM002
    ("الأمم المتحدة ، 8", "الأمم المتحدة، 8"),  # PU002
    ("المعنى", "المعني"),  # TM003
    ("أطلق مركز", "افتتح مركز"),  # a style choice no rule makes
    ("التعاون الدولي", "التعاون الدوليّ"),  # a shadda added
    ("الإرهاب ومكافحة الت", "الإرهاب وبمكافحة الت"),  # a proclitic added
]

#: (unit, kind, old, new, caught_by) of every edit, in order.
EXPECTED = [
    ("1", "spacing", " ", "", ["PU002"]),
    ("2", "word", "أطلق", "افتتح", []),
    ("2", "word", "ومحاربة ", "", ["TM002"]),
    ("2", "word", "", " ومكافحته", ["TM002"]),
    ("3", "word", "حفلة", "حلقة", ["SP001"]),
    ("3", "diacritics", "الدولي", "الدوليّ", []),
    ("3", "word", "حفلة", "حلقة", ["SP001"]),
    ("5", "word", "حقلة", "حلقة", ["SP001"]),
    ("6", "clitic", "ومكافحة", "وبمكافحة", []),
    ("7", "orthography", "المعنى", "المعني", ["TM003"]),
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    original, revised = tmp_path / "original", tmp_path / "revised"
    shutil.copytree(RELEASE, original)
    shutil.copytree(RELEASE, revised)
    text = (revised / "ar.txt").read_text(encoding="utf-8")
    for old, new in REVISIONS:
        assert old in text, old
        text = text.replace(old, new)
    (revised / "ar.txt").write_text(text, encoding="utf-8")
    return original, revised


def diff_json(original: Path, revised: Path, *argv: str) -> dict[str, Any]:
    code, out, err = run("diff", str(original), str(revised), "--no-config", "--format", "json", *argv)
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    return doc


def test_every_edit_is_attributed(versions: tuple[Path, Path]) -> None:
    doc = diff_json(*versions)
    got = [(e["unit"], e["kind"], e["old"], e["new"], e["caught_by"]) for e in doc["edits"]]
    assert got == EXPECTED
    s = doc["summary"]
    assert (s["edits"], s["caught"], s["uncaught"], s["edited_units"], s["units"]) == (10, 7, 3, 6, 7)
    assert s["by_kind"]["word"] == {"edits": 6, "caught": 5, "uncaught": 1}
    assert s["by_rule"] == {"PU002": 1, "SP001": 3, "TM002": 2, "TM003": 1}
    # each edit's span is the original's text, in the file the findings name
    ar = (versions[0] / "ar.txt").read_text(encoding="utf-8")
    for e in doc["edits"]:
        assert e["file"].endswith("ar.txt") and e["side"] == "target" and e["lang"] == "ar"
        assert e["old"] in ar
    # the reviser's word for a party (حفلة) twice the same way: a termbase candidate
    assert doc["candidates"] == [{"lang": "ar", "old": "حفلة", "new": "حلقة", "count": 2, "units": ["3"]}]
    assert s["findings_untouched"] == len(doc["untouched"]) > 0


def test_text_and_html(versions: tuple[Path, Path], tmp_path: Path) -> None:
    code, out, _ = run("diff", *map(str, versions), "--no-config")
    assert code == 0
    assert "10 edit(s) in 6 of 7 unit(s): 7 caught, 3 uncaught" in out
    assert "target clitic      'ومكافحة' → 'وبمكافحة'  [uncaught]" in out
    assert "caught by: PU002 1, SP001 3, TM002 2, TM003 1" in out
    page = tmp_path / "diff.html"
    assert run("diff", *map(str, versions), "--no-config", "--format", "html", "-o", str(page))[0] == 0
    root = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    edits = root.xpath("//span[contains(@class, 'edit')]")
    assert len(edits) == 10
    assert len(root.xpath("//span[contains(@class, 'uncaught')]")) == 3
    cell = edits[0].getparent()
    assert cell.get("lang") == "ar" and cell.get("dir") == "rtl"
    assert [d.text_content() for d in root.xpath("//span[@class='edit caught']/del")][:2] == [" ", "ومحاربة "]
    assert "7</b> caught" in page.read_text(encoding="utf-8")


def test_units_paired_by_id(tmp_path: Path) -> None:
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_text("The Centre met.\tاجتمع المركز.\nThe Office met.\tاجتمع المكتب.\n", encoding="utf-8")
    b.write_text(
        "The Centre met.\tاجتمع المركز.\nThe Office met.\tواجتمع المكتب.\nNew.\tجديد.\n", encoding="utf-8"
    )
    doc = diff_json(a, b)
    assert [(e["unit"], e["kind"]) for e in doc["edits"]] == [("2", "clitic")]
    assert (doc["only_original"], doc["only_revised"]) == ([], ["3"])
    code, _, err = run("diff", str(a), str(tmp_path / "missing.tsv"), "--no-config")
    assert code == 2 and "missing.tsv" in err and "Traceback" not in err


def test_real_po_file(tmp_path: Path) -> None:
    """Gradia's Arabic catalogue (../shared/conformance/po/ar.po) and a reviser's two changes."""
    po = shared_path("conformance", "po", "ar.po")
    revised = tmp_path / "ar.po"
    text = po.read_text(encoding="utf-8")
    changes = (('msgstr "تم إلغاء الالتقاط"', 'msgstr "أُلغيت لقطة الشاشة"'), ("لألتقاطها", "لالتقاطها"))
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    revised.write_text(text, encoding="utf-8")
    doc = diff_json(po, revised)
    assert doc["summary"]["units"] > 200 and doc["summary"]["edited_units"] == 2
    assert [(e["unit"], e["kind"], e["old"], e["new"]) for e in doc["edits"]] == [
        ("111", "orthography", "لألتقاطها", "لالتقاطها"),
        ("240", "word", "تم إلغاء الالتقاط", "أُلغيت لقطة الشاشة"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("الدولي", "الدوليّ", "diacritics"),
        ("الدولـي", "الدولي", "diacritics"),
        ("مكافحة", "لمكافحة", "clitic"),
        ("وللمكتب", "والمكتب", "clitic"),
        ("المعنى", "المعني", "orthography"),
        ("أمل", "امل", "orthography"),
        (" ،", "،", "spacing"),
        (",", "،", "punctuation"),
        ("حفلة", "حلقة", "word"),
        ("والي", "لي", "word"),
    ],
)
def test_kinds(old: str, new: str, kind: str) -> None:
    assert classify(old, new) == kind
    if " " not in old + new and "," not in old:  # one word in a sentence: one edit of that kind
        (edit,) = word_edits(f"قال {old} هنا", f"قال {new} هنا")
        assert (edit.old, edit.new, edit.kind) == (old, new, kind)
