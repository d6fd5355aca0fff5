"""Folding: every row of ../shared/research/arabic.md §1.1, and properties on any Unicode."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mustalah.text.normalize import fold, fold_key, fold_level0

ARABICISH = st.text(
    alphabet=st.sampled_from(list("مكتبالأإآٱىيةهؤئءـًٌٍَُِّْٰکیە٠١٩۰۹ \u00a0\u200f\u200c\u202eﻻﷲ-abcABC.,،")),
    max_size=60,
)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("مكتـــب", "مكتب"),  # tatweel
        ("مَكْتَبُ", "مكتب"),  # harakat
        ("هٰذا", "هذا"),  # superscript alef
        ("الأمم إلى آمل ٱلله", "الامم الي امل الله"),  # alef forms; ى → ي
        ("المعنى", "المعني"),
        ("حلقة", "حلقه"),
        ("مکتب والمدیر", "مكتب والمدير"),  # Persian kaf and yeh
        ("٢٠٢٠ ۱۹۹۴", "2020 1994"),  # Arabic-Indic and Extended digits
        ("مكتب\u200fالأمم", "مكتبالامم"),  # RLM deleted, not turned into a space
        ("مكتب\u00a0\u00a0الأمم", "مكتب الامم"),  # NBSP → space, runs collapse
        ("ﻻ", "لا"),  # presentation form lam-alef
        ("Counter-Terrorism", "counter terrorism"),
        ("مؤتمر شركائها", "مؤتمر شركائها"),  # hamza seats are NOT folded
    ],
)
def test_fold_table(raw: str, key: str) -> None:
    assert fold_key(raw) == key


def test_presentation_mark_does_not_split_a_word() -> None:
    # U+FC5E (shadda+dammatan ligature) becomes SPACE + marks under NFKC: it must be deleted first
    assert " " not in fold_key("ب\ufc5eت")


def test_level0_keeps_spelling() -> None:
    assert fold_level0("المعنَى") == "المعنى"
    assert len(fold_level0("مكتب الأمم")) == len(fold_key("مكتب الأمم"))


@given(ARABICISH)
@settings(max_examples=400, deadline=None)
def test_offsets_map_back(text: str) -> None:
    f = fold(text)
    positions = [f.original(k) for k in range(len(f.key))]
    assert positions == sorted(positions)
    assert all(0 <= p < len(text) for p in positions)
    for k, p in enumerate(positions):
        # the key character comes from the original character at p
        assert f.key[k] in fold_key(text[p]) or text[p] in "\u00a0 \t\n" or "\ufb50" <= text[p] <= "\ufeff"
    if f.key:
        start, end = f.span(0, len(f.key))
        assert 0 <= start <= end <= len(text)


@given(st.text(max_size=80))
@settings(max_examples=400, deadline=None)
def test_never_crashes_and_is_idempotent(text: str) -> None:
    key = fold_key(text)
    assert fold_key(key) == key
