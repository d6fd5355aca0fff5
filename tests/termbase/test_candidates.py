"""mustalah termbase candidates: recurring names the termbase lacks, with Arabic renderings; import back."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.formats.registry import read_segments
from mustalah.matching import TermIndex
from mustalah.model import Segment
from mustalah.termbase.candidates import Candidate
from mustalah.termbase.candidates import extract as extract_with
from mustalah.termbase.loader import load_termbase
from mustalah.termbase.model import Termbase

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "corpora" / "real"
RELEASES = REPO / "corpora" / "releases"

EN = [
    "The Regional Anti-Terrorist Structure (RATS) met in Tashkent today.",
    "Experts from the Regional Anti-Terrorist Structure (RATS) briefed the Committee.",
    "The United Nations Office on Drugs and Crime (UNODC) and the Regional Anti-Terrorist Structure "
    "signed a plan.",
]
AR = [
    "اجتمع الهيكل الإقليمي لمكافحة الإرهاب (RATS) في طشقند اليوم.",
    "قدم خبراء من الهيكل الإقليمي لمكافحة الإرهاب (RATS) إحاطة إلى اللجنة.",
    "وقع مكتب الأمم المتحدة المعني بالمخدرات والجريمة (UNODC) والهيكل الإقليمي لمكافحة الإرهاب خطة.",
]


def extract(segments: Iterable[Segment], termbase: Termbase) -> list[Candidate]:
    return extract_with(segments, termbase, TermIndex.build(termbase, languages=("en",)))


def _release(tmp_path: Path) -> Path:
    folder = tmp_path / "rel"
    folder.mkdir(exist_ok=True)
    (folder / "en.txt").write_text("\n".join(EN) + "\n", encoding="utf-8")
    (folder / "ar.txt").write_text("\n".join(AR) + "\n", encoding="utf-8")
    return folder


def test_acronym_anchor_gives_the_arabic_name_and_known_names_are_not_candidates(tmp_path: Path) -> None:
    found = extract(read_segments(_release(tmp_path)), load_termbase(None))
    names = {c.name: c for c in found}
    assert "United Nations Office on Drugs and Crime" not in names  # in the termbase
    rats = names["Regional Anti-Terrorist Structure"]
    assert (rats.acronym, rats.units, rats.frequency, rats.anchor) == ("RATS", 3, 3, "acronym")
    assert rats.renderings[0] == ("الهيكل الإقليمي لمكافحة الإرهاب", 2)
    assert len(rats.contexts) == 3 and rats.locations[0].endswith("en.txt#1")


def test_real_un_text(tmp_path: Path) -> None:
    folders = sorted(p for p in REAL.iterdir() if (p / "en.txt").exists()) if REAL.exists() else []
    if not folders:
        pytest.skip(f"needs the real UN en-ar text of {REAL}")
    segments = [s for folder in folders for s in read_segments(folder)]
    found = {c.name: c for c in extract(segments, load_termbase(None))}
    icc = found["International Criminal Court"]  # GA resolutions, UNODC documents: 8 units
    assert icc.units >= 5 and icc.renderings[0][0] == "المحكمة الجنائية الدولية"
    assert "Security Council" not in found and "General Assembly" not in found  # termbase names
    # ranked: 10 x files + units, best first
    scores = [c.score for c in found.values()]
    assert scores == sorted(scores, reverse=True)


def test_csv_review_and_import_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "candidates.csv"
    releases = [str(p) for p in sorted(RELEASES.iterdir()) if (p / "en.txt").exists()]
    assert main(["termbase", "candidates", str(_release(tmp_path)), *releases, "-o", str(sheet)]) == 0
    assert "candidate(s)" in capsys.readouterr().err
    with open(sheet, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rats = next(r for r in rows if r["en"] == "Regional Anti-Terrorist Structure")
    assert (rats["concept_id"], rats["domain"], rats["ar"]) == (
        "cand-RATS",
        "concepts",
        "الهيكل الإقليمي لمكافحة الإرهاب",
    )
    # the terminologist accepts RATS (as an entity), rejects the rest
    for row in rows:
        row["decision"] = "reject"
    rats["decision"], rats["domain"] = "accept", "entities"
    with open(sheet, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "new.yaml"
    assert main(["termbase", "import", str(sheet), "-o", str(out)]) == 0
    assert f"1 accepted concepts, 4 terms ({len(rows) - 1} rejected, 0 unreviewed)" in capsys.readouterr().err
    tb = load_termbase(out)
    concept = tb["cand-RATS"]
    assert concept.domain == "entities"
    assert [(t.text, t.lang, t.type.value) for t in concept.terms] == [
        ("Regional Anti-Terrorist Structure", "en", "fullForm"),
        ("RATS", "en", "acronym"),
        ("الهيكل الإقليمي لمكافحة الإرهاب", "ar", "fullForm"),
        ("RATS", "ar", "acronym"),
    ]
    # a decision that is neither accept nor reject is a located error, nothing written
    rats["decision"] = "maybe"
    with open(sheet, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out2 = tmp_path / "never.yaml"
    assert main(["termbase", "import", str(sheet), "-o", str(out2)]) == 2
    err = capsys.readouterr().err
    assert f"{sheet}:" in err and "'maybe'" in err and not out2.exists()


def test_tbx_output_is_a_termbase(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "candidates.tbx"
    assert main(["termbase", "candidates", str(_release(tmp_path)), "-o", str(out)]) == 0
    tb = load_termbase(out)
    concept = tb["cand-RATS"]
    assert {t.text for t in concept.terms} == {
        "Regional Anti-Terrorist Structure",
        "RATS",
        "الهيكل الإقليمي لمكافحة الإرهاب",
    }
    assert "frequency 3 in 3 unit(s)" in (concept.note or "")
    assert main(["termbase", "candidates", str(_release(tmp_path)), "-o", str(tmp_path / "c.xlsx")]) == 2
    assert ".csv, .tsv or .tbx" in capsys.readouterr().err
