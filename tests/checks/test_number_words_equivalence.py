"""The compiled number-word regex finds exactly what the reference token loop finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mustalah.checks import number_words as numbers

WORDS = ["two", "Three", "seventh", "ten", "twelve", "اثنين", "ثلاثة", "السابع", "عشرة", "واحد", "and", "في"]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=12).map(" ".join)


@given(TEXT, st.sampled_from(["en", "ar"]))
@settings(max_examples=300, deadline=None)
def test_word_numbers_regex_equals_token_loop(text: str, lang: str) -> None:
    assert numbers.word_numbers(text, lang) == numbers._word_numbers_by_token(text, lang)
