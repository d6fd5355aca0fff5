"""Every validation problem, at the right place; the good fixture and the shipped termbase are clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from mustalah.termbase.loader import default_termbase_path
from mustalah.termbase.problems import CODES, Severity
from mustalah.termbase.validate import check_path, fold

from .helpers import BAD, GOOD, expected_markers

BAD_FILES = sorted(BAD.glob("*.yaml"))


@pytest.mark.parametrize("path", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_broken_fixture_reports_exactly_the_marked_problems(path: Path) -> None:
    report = check_path(path)
    found = sorted((p.location.line, p.code) for p in report.problems if p.location)
    assert found == expected_markers(path)
    assert all(p.location and p.location.file.endswith(path.name) for p in report.problems)


#: Problems only a termbase set can have (tests/lint/test_termbases.py checks them).
SET_ONLY = {"TB016"}


def test_every_terminology_code_has_a_fixture() -> None:
    marked = {code for path in BAD_FILES for _, code in expected_markers(path)}
    assert {c for c in CODES if c < "TB100"} - SET_ONLY == marked


def test_good_fixture_is_clean() -> None:
    report = check_path(GOOD)
    assert report.problems == ()
    assert len(report.termbase) == 5


def test_warnings_do_not_count_as_errors() -> None:
    report = check_path(BAD / "no_note.yaml")
    assert report.errors == 0 and report.warnings == 1
    assert report.problems[0].severity is Severity.WARNING


def test_fold_ignores_case_diacritics_and_tatweel() -> None:
    assert fold("مجلسُ الأمـن") == fold("مجلس الأمن")
    assert fold("Security  Council") == fold("security council")
    assert fold("على") != fold("علي")  # no letter folding: only marks and tatweel


_DOMAIN_FILES = ("entities", "posts", "people", "member-states", "concepts")


def _shipped_complete() -> bool:
    try:
        folder = default_termbase_path()
    except Exception:
        return False
    return all((folder / f"{name}.yaml").exists() for name in _DOMAIN_FILES)


@pytest.mark.skipif(not _shipped_complete(), reason="shipped termbase lacks a domain file")
def test_shipped_termbase_has_no_errors() -> None:
    report = check_path(None)
    errors = [p.format() for p in report.problems if p.is_error]
    assert errors == []
    assert len(report.termbase) > 100
