"""Precision on real UN Arabic alone (issue 15): ``corpora/real-ar/`` holds Arabic the UN itself
published (UN News in Arabic, un.org/ar, the Secretary-General's Arabic pages, agencies' and
missions' Arabic releases) with no English beside it, the way a reviser often receives a text.
Every error and warning the linter gives on it, linted as Arabic alone, is judged in
``corpora/real-ar/reviewed.yaml``; the first review of each set, made before any change to the
linter, is frozen in ``corpora/real-ar/blindarN-first-review.yaml``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from mustalah.cli.main import main
from mustalah.lint.review import below_floor, load_verdicts, render, review

from .readme_table import assert_today_row

ROOT = Path(__file__).resolve().parents[2]
REAL_AR = ROOT / "corpora" / "real-ar"
REVIEWED = REAL_AR / "reviewed.yaml"
FLOORS = {"error": 95.0, "warning": 90.0}
#: the independent check's subjects, which no folder may hold (corpora/real/README.md, "Hold-out rule")
HOLD_OUT = re.compile(
    r"مكتب الأمم المتحدة لمكافحة الإرهاب|مكتب مكافحة الإرهاب|ضحايا الإرهاب|أهداف التنمية المستدامة"
    r"|هدف التنمية المستدامة|خطة التنمية المستدامة|خطة عام 2030|counterterrorism|UNOCT"
)
META_KEYS = ["id", "title_ar", "title_en", "lang", "kind", "synthetic", "purpose", "origin", "licence"]


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(ROOT)  # findings name files as corpora/real-ar/…, as reviewed.yaml does


def _folders() -> list[Path]:
    return sorted(p for p in REAL_AR.iterdir() if p.is_dir())


def test_every_folder_is_real_arabic_with_its_provenance_and_none_is_held_out() -> None:
    folders = _folders()
    assert len(folders) >= 10, len(folders)
    lines = 0
    for folder in folders:
        meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
        assert [k for k in META_KEYS if k in meta] == META_KEYS, (folder.name, list(meta))
        assert meta["id"] == folder.name and meta["lang"] == "ar" and meta["synthetic"] is False
        assert "retrieved" in meta["origin"] and "http" in meta["origin"], folder.name
        text = (folder / "text.ar.txt").read_text(encoding="utf-8")
        assert text.endswith("\n") and "\r" not in text, folder.name
        rows = text.splitlines()
        assert all(row and row == row.strip() for row in rows), folder.name
        assert not re.search("[\ufb50-\ufdff\ufe70-\ufefe]", text), f"{folder.name}: presentation forms"
        assert not HOLD_OUT.search(text), f"{folder.name}: a hold-out subject"
        lines += len(rows)
    assert lines >= 200, lines


def test_no_line_is_already_in_the_bilingual_corpus() -> None:
    bilingual = set()
    for path in (ROOT / "corpora" / "real").glob("*/ar.txt"):
        bilingual.update(row for row in path.read_text(encoding="utf-8").splitlines() if len(row) > 40)
    for folder in _folders():
        rows = (folder / "text.ar.txt").read_text(encoding="utf-8").splitlines()
        assert not bilingual.intersection(rows), folder.name


def test_every_error_and_warning_on_real_arabic_alone_is_reviewed_and_precise(tmp_path: Path) -> None:
    out = tmp_path / "real-ar.json"
    files = sorted(str(p.relative_to(ROOT)) for p in REAL_AR.glob("*/text.ar.txt"))
    args = ["lint", *files, "--format", "json", "--fail-on", "never", "--no-progress", "-o", str(out)]
    assert main(args) == 0
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert not any(f["lang"] == "en" for f in findings)
    rv = review(findings, load_verdicts(REVIEWED.read_text(encoding="utf-8"), str(REVIEWED)))
    assert not rv.unreviewed, "judge these in corpora/real-ar/reviewed.yaml:\n" + render(rv, FLOORS)
    assert below_floor(rv, FLOORS) == [], render(rv, FLOORS)
    assert_today_row(r"`corpora/real-ar/`, [\d,]+ lines of Arabic-only text, today", rv)
    # not silent: the slips a reviser would fix in UN News and agency releases are still found
    assert sum(t.true for t in rv.by_severity.values()) >= 10, render(rv, FLOORS)
    assert any(f["code"] == "ST008" and f["text"] == "مايو أيار" for f in findings)


def test_every_first_review_names_files_that_exist() -> None:
    reviews = sorted(REAL_AR.glob("blindar*-first-review.yaml"))
    assert reviews
    for path in reviews:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert re.fullmatch(r"[0-9a-f]{7,40}", str(data["measured_at"])), path.name
        for entry in data.get("reviewed") or []:
            assert (ROOT / entry["file"]).is_file(), (path.name, entry["file"])
            assert entry["verdict"] in ("true", "defensible", "false") and entry.get("cause"), entry
