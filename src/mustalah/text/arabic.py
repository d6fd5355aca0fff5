"""Arabic language data the rules need: honorifics, and splitting off and re-attaching proclitics."""

from __future__ import annotations

import re

from ..model import Gender

M, F = Gender.MASCULINE, Gender.FEMININE

#: Honorifics and courtesy titles with their grammatical gender (None: either).
HONORIFICS_AR: dict[str, Gender | None] = {
    "السيد": M,
    "السيدة": F,
    "السفير": M,
    "السفيرة": F,
    "الدكتور": M,
    "الدكتورة": F,
    "الأستاذ": M,
    "الأستاذة": F,
    "المستشار": M,
    "المستشارة": F,
    "الشيخ": M,
    "الشيخة": F,
    "الآنسة": F,
    "السيدات": F,
    "د.": None,
    "معالي": None,
    "سعادة": None,
    "فخامة": None,
}
HONORIFICS_EN: dict[str, Gender | None] = {
    "Mr.": M,
    "Mr": M,
    "Ms.": F,
    "Ms": F,
    "Mrs.": F,
    "Mrs": F,
    "Miss": F,
    "Dr.": None,
    "Dr": None,
    "H.E.": None,
    "Ambassador": None,
    "Professor": None,
    "Prof.": None,
}
#: Proclitics an honorific may carry (والسيد، وللسيدة…).
HONORIFIC_CLITICS = ("", "و", "ف", "ل", "ول", "فل", "ب", "وب")
#: The one-letter proclitics: and, so, with/by, for/of, like.
PROCLITICS = frozenset("وفبلك")
#: The shadda (doubling mark): a writer who puts it on a word writes that word on purpose.
SHADDA = "\u0651"
#: The proclitics a word may open with, the article included (``وبال``, ``لل``, ``ف``).
_PROCLITIC_PREFIX = re.compile("^(?:[وف]?(?:[بك]?ال|لل|[بكل])?)")


def split_proclitics(word: str) -> tuple[str, str]:
    """``وبالقرار`` → (``وبال``, ``قرار``): the proclitics and the article a word opens with, and the rest."""
    m = _PROCLITIC_PREFIX.match(word)
    prefix = m.group() if m else ""
    return prefix, word[len(prefix) :]


def split_honorific_ar(token: str) -> tuple[str, str, Gender | None] | None:
    """``والسيد`` → (``و``, ``السيد``, masculine); None when the token is no honorific."""
    for clitic in sorted(HONORIFIC_CLITICS, key=len, reverse=True):
        if not token.startswith(clitic):
            continue
        rest = token[len(clitic) :]
        if rest in HONORIFICS_AR:
            return clitic, rest, HONORIFICS_AR[rest]
        if clitic.endswith("ل") and "ال" + rest[1:] in HONORIFICS_AR and rest.startswith("ل"):
            full = "ال" + rest[1:]
            return clitic, full, HONORIFICS_AR[full]
    return None


def attach_clitics(clitics: str, text: str) -> str:
    """Write proclitics before a form: ``ل`` + ``المركز`` → ``للمركز``; ``ل`` + ``اللجنة`` → ``للجنة``."""
    if not clitics:
        return text
    if clitics.endswith("ل") and text.startswith("ال"):
        rest = text[2:]
        return clitics + rest if rest.startswith("ل") else clitics + "ل" + rest
    return clitics + text


def gendered(word: str, gender: Gender | None) -> str:
    """The other-gender honorific: السيد ↔ السيدة."""
    if gender is Gender.FEMININE:
        for m, g in HONORIFICS_AR.items():
            if g is Gender.FEMININE and m == word + "ة":
                return m
        return word + "ة" if not word.endswith("ة") else word
    return word[:-1] if word.endswith("ة") else word


#: Vowel marks and tatweel a published word may carry after any of its letters (``المعنيّة``).
MARKS = "[\u064b-\u0652\u0670\u0640]*"


def spelt_with_marks(word: str, marks: str = MARKS) -> str:
    """A regex for ``word`` letter by letter, each letter followed by any of ``marks``."""
    return "".join(re.escape(letter) + marks for letter in word)


#: Given names that are words of the dictionary too (``عبد``, "servant"; ``خالد``, "eternal";
#: ``هادي``, "calm"): a name, not a phrase, right after a verb of speaking (GN004), and the word
#: after one the dictionary lacks is a surname, not a slip (``هادي البحرة``, Hadi al-Bahra).
GIVEN_NAMES = frozenset((
    "عبد", "عبدالله", "عبدالرحمن", "محمد", "أحمد", "محمود", "مصطفى", "خالد", "علي", "حسن", "حسين",
    "عمر", "يوسف", "إبراهيم", "سعيد", "كريم", "جمال", "طارق", "سامي", "نبيل", "عادل", "ماهر", "نزار",
    "هادي", "ناصر", "وليد", "فؤاد", "عماد", "كمال",
    "فاطمة", "مريم", "أمينة", "ليلى", "نادية", "سلمى", "هالة", "رانيا", "نجاة", "وفاء", "زينب",
))  # fmt: skip

#: Nouns of places a name follows (``سد الوالة``, the Wala Dam; ``مخيم الزعتري``; ``وادي عربة``): the word
#: after one that the dictionary lacks is the place's name, not a slip.
PLACE_NOUNS = frozenset((
    "سد", "نهر", "وادي", "جبل", "بحيرة", "جزيرة", "مدينة", "بلدة", "قرية", "مخيم", "محافظة", "ولاية",
    "قضاء", "ناحية", "مطار", "ميناء", "معبر", "حي", "شارع", "ساحة", "منطقة", "إقليم", "مقاطعة",
))  # fmt: skip

#: Given names that are also common words of UN Arabic (``علي``, often typed for على; ``كريم``,
#: "generous"; ``حسن``, "good"): the word after one is read as a surname only after the others.
GIVEN_NAMES_ALSO_WORDS = frozenset(
    {"عبد", "علي", "عادل", "كريم", "حسن", "عماد", "عمر", "وفاء", "جمال", "سعيد", "كمال", "سامي", "نبيل"}
    | {"ماهر", "خالد", "نجاة", "أمينة"}
)
