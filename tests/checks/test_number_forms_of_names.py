"""TM006 leaves a name in the dual or a broken plural alone (checks/term_forms._number_form):
real cases from the Security Council and Committee on Information documents of blind set 9."""

from __future__ import annotations

import pytest

from mustalah.checks.term_forms import _number_form


@pytest.mark.parametrize(
    ("found", "word"),
    [
        ("نائبا", "نائبة"),  # نائبا الرئيس: two Vice-Chairs (S/2015/2/Rev.1)
        ("نائبي", "نائب"),
        ("نائبتا", "نائبة"),
        ("ونائبا", "نائب"),
        ("مراكز", "مركز"),  # مراكز الأمم المتحدة للإعلام (A/AC.198/2015/…)
        ("مكاتب", "مكتب"),
        ("مجالس", "مجلس"),
    ],
)
def test_dual_and_broken_plural(found: str, word: str) -> None:
    assert _number_form(found, word)


@pytest.mark.parametrize(
    ("found", "word"),
    [("نائبة", "نائب"), ("مكتب", "مركز"), ("لجنة", "مركز"), ("نائل", "نائب"), ("مراكب", "مركز")],
)
def test_other_words_are_not_number_forms(found: str, word: str) -> None:
    assert not _number_form(found, word)
