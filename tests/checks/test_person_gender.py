"""GN003 across a release: a real release with one slip put in, no alarm on the corpora (real UN
text included), files kept apart, and the finding in the JSON like any other (a corpus rule's
finding has no fingerprint, as CO*'s: a baseline filters unit findings)."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

from mustalah.cli.main import main
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO / "corpora"
RELEASE = CORPORA / "releases" / "2021-06-30-strategy-seventh-review"


def gn003(*argv: str) -> list[dict[str, Any]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(
            ["lint", *argv, "--no-config", "--select", "GN003", "--format", "json", "--fail-on", "never"]
        )
    assert code == 0
    findings: list[dict[str, Any]] = json.loads(out.getvalue())["findings"]
    return findings


def test_a_slip_paragraphs_after_the_introduction(tmp_path: Path) -> None:
    """The release introduces Ms. Alya Ahmed Saif Al-Thani (paragraph 5); a paragraph added at the
    end calls her السيد آل ثاني while its English names her without an honorific."""
    release = tmp_path / RELEASE.name
    shutil.copytree(RELEASE, release)
    assert "السيدة علياء أحمد بن سيف آل ثاني" in (release / "ar.txt").read_text(encoding="utf-8")
    assert not gn003(str(release))
    with (release / "en.txt").open("a", encoding="utf-8") as en:
        en.write("\nAl-Thani thanked the co-facilitators.\n")
    with (release / "ar.txt").open("a", encoding="utf-8") as ar:
        ar.write("\nوشكر السيد آل ثاني الميسرين المشاركين.\n")
    (found,) = gn003(str(release))
    assert (found["side"], found["text"], found["suggestion"], found["severity"]) == (
        "target",
        "السيد",
        "السيدة",
        "error",  # the termbase knows her: sure
    )
    assert found["unit"] == "8" and found["file"].endswith("ar.txt") and found["fingerprint"] is None
    assert found["message"] == "'السيد' is masculine, but the termbase has CONCEPT as feminine".replace(
        "CONCEPT", found["concept"]
    )
    assert found["concept"].startswith("person-") and found["termbase"] == "@shipped"


def test_no_alarm_on_the_corpora_and_the_seed() -> None:
    """Every release, the real UN text in corpora/real and the seed release: nothing to report."""
    seed = shared_path("seeds", "seed-release.ar.txt")
    assert gn003(str(CORPORA), str(seed)) == []


def test_two_files_are_two_releases(tmp_path: Path) -> None:
    (tmp_path / "a.ar.txt").write_text("افتتحت السيدة أمينة حداد الاجتماع.\n", encoding="utf-8")
    (tmp_path / "b.ar.txt").write_text("وأضاف السيد حداد أن التعاون مهم.\n", encoding="utf-8")
    assert gn003(str(tmp_path / "a.ar.txt"), str(tmp_path / "b.ar.txt")) == []
    (tmp_path / "c.ar.txt").write_text(
        "افتتحت السيدة أمينة حداد الاجتماع.\nوأضاف السيد حداد أن التعاون مهم.\n", encoding="utf-8"
    )
    assert [f["unit"] for f in gn003(str(tmp_path / "c.ar.txt"))] == ["2"]


def test_two_people_appointed_to_the_same_post_are_two_people(tmp_path: Path) -> None:
    """A real letter (corpora/real/blind15, S/2015 panel appointments): Mr. Gramajo is appointed
    منسقا لفريق الخبراء, later Ms. Hill منسقة لفريق الخبراء.  The accusative title ends his name:
    the words after it (لفريق الخبراء) are no name words she would share; her own later slip is
    still found."""
    tsv = tmp_path / "letters.tsv"
    rows = [
        (
            "I have designated Mr. Gramajo to serve as Coordinator of the Group of Experts.",
            "وقد عينت السيد غراماخو منسقا لفريق الخبراء.",
        ),
        (
            "I have designated Ms. Virginia Hill to serve as Coordinator of the Panel of Experts.",
            "وقد عينت السيدة فيرجينيا هيل منسقة لفريق الخبراء.",
        ),
    ]
    tsv.write_text("".join(f"{en}\t{ar}\n" for en, ar in rows), encoding="utf-8")
    assert not gn003(str(tsv))
    rows.append(("Hill will report to the Council.", "وسيقدم السيد هيل تقاريره إلى المجلس."))
    tsv.write_text("".join(f"{en}\t{ar}\n" for en, ar in rows), encoding="utf-8")
    assert [f["text"] for f in gn003(str(tsv))] == ["السيد"]
