"""The transliteration heuristic SP002 uses: Arabic names spelt by their sound match the English.

Pairs are from the real UN units of ``corpora/real`` (each an Arabic word SP002 reported before
the heuristic, with the English name of its unit); the negatives are real Arabic words and typos
beside names they must not be taken for.
"""

from __future__ import annotations

import pytest

from mustalah.text.transliteration import arabic_skeleton, latin_skeleton, spells_a_name

REAL_PAIRS = [
    ("دارفور", "Darfur"),
    ("كردفان", "Kordofan"),
    ("كادقلي", "Kadugli"),
    ("غدامس", "Ghadames"),
    ("القنيطرة", "Quneitra"),
    ("الليطاني", "Litani"),
    ("اليونيفيل", "UNIFIL"),
    ("الرزيقات", "Rizeigat"),
    ("كيسانغاني", "Kisangani"),
    ("دونيتسك", "Donetsk"),
    ("ولوهانسك", "Luhansk"),
    ("الغوطة", "Ghouta"),
    ("فاسنار", "Wassenaar"),
    ("كراماتورسك", "Kramatorsk"),
    ("ميروسلاف", "Miroslav"),
    ("تاورغاء", "Tawergha"),
    ("إيبولا", "Ebola"),
    ("كاراباخ", "Karabakh"),
    ("جونقلي", "Jonglei"),
]


@pytest.mark.parametrize(("ar", "en"), REAL_PAIRS)
def test_a_name_spelt_by_its_sound_matches(ar: str, en: str) -> None:
    assert spells_a_name(ar, frozenset({en})), (arabic_skeleton(ar), latin_skeleton(en))


@pytest.mark.parametrize(
    ("ar", "names"),
    [
        ("المثلثى", {"Mali", "Security", "Council"}),  # a typo of المثلى, beside names
        ("التعاون", {"Darfur", "Kordofan"}),
        ("مساءل", {"Secretary-General", "Libya"}),
        ("الجنسانية", {"United", "Nations", "Women"}),
        ("بوزراة", {"Ministry", "Interior"}),
    ],
)
def test_a_word_is_not_taken_for_a_name_it_does_not_spell(ar: str, names: set[str]) -> None:
    assert not spells_a_name(ar, frozenset(names))


def test_skeletons() -> None:
    assert latin_skeleton("Kordofan") == "KRDFN"
    assert arabic_skeleton("كردفان") == "KRDFN"
    assert arabic_skeleton("الحوثيون") == arabic_skeleton("حوثيون")  # the article is not the name
