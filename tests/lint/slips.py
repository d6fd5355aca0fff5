"""Slips a reviser catches, injected into real translated text (for tests/lint/test_injected_slips.py).

Each injector takes an Arabic target and the English source of one real unit and returns the
target with one slip of its kind and the span of the slip in the new text, or ``None`` where
the unit offers no place for it.  The slips are the ones UN revisers fix by hand and the
seed release shows: a wrong figure, a month pair split or mismatched, a space before the
Arabic comma, a Latin comma, ى for ي or ه for ة inside an official name, the article on a
construct head, a deprecated rendering, a honorific of the wrong gender, tatweel stretching a
word, a word dropped from an official name.  Deterministic: the first place that fits.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from mustalah.termbase.model import Concept, Status, Termbase

Slip = tuple[str, int, int] | None
Injector = Callable[[str, str, "Names"], Slip]

_MONTH_PAIR = re.compile(
    r"(كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول)/"
    r"(يناير|فبراير|مارس|أبريل|مايو|يونيه|يوليه|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)"
)
_GREGORIAN = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيه",
    "يوليه",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]


class Names:
    """The shipped termbase's official Arabic names, longest first, and their deprecated forms."""

    def __init__(self, termbase: Termbase) -> None:
        self.forms: list[tuple[str, Concept]] = []
        self.deprecated: list[tuple[str, str, Concept]] = []
        for concept in termbase:
            approved = [t.text for t in concept.terms_in("ar") if t.approved and not t.is_acronym]
            bad = [
                t.text for t in concept.terms_in("ar") if t.status is Status.DEPRECATED and not t.is_acronym
            ]
            self.deprecated += [(a, b, concept) for a in approved for b in bad]
            if concept.domain in ("entities", "posts"):
                self.forms += [(text, concept) for text in approved if " " in text]
        self.forms.sort(key=lambda x: -len(x[0]))
        self.deprecated.sort(key=lambda x: -len(x[0]))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where every official name stands in ``text`` (any occurrence)."""
        return [(m.start(), m.end()) for form, _ in self.forms for m in re.finditer(re.escape(form), text)]

    def find(self, text: str) -> tuple[int, str] | None:
        """The first official name standing in ``text`` as whole words (a proclitic allowed)."""
        for form, _ in self.forms:
            for m in re.finditer(re.escape(form), text):
                before = text[m.start() - 1] if m.start() else " "
                after = text[m.end()] if m.end() < len(text) else " "
                if not _is_letter(after) and (not _is_letter(before) or before in "وفبل"):
                    return m.start(), form
        return None


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def number(ar: str, en: str, names: Names) -> Slip:
    for m in re.finditer(r"(?<![\d/.\-])\d{2,4}(?![\d/.\-])", ar):
        if re.search(rf"(?<![\d,.]){m.group()}(?![\d,.])", en):
            new = str(int(m.group()) + 1)
            return ar[: m.start()] + new + ar[m.end() :], m.start(), m.start() + len(new)
    return None


def month_space(ar: str, en: str, names: Names) -> Slip:
    m = _MONTH_PAIR.search(ar)
    if m is None:
        return None
    slash = m.start(2) - 1
    return ar[: slash + 1] + " " + ar[slash + 1 :], m.start(), m.end() + 1


def month_wrong(ar: str, en: str, names: Names) -> Slip:
    m = _MONTH_PAIR.search(ar)
    if m is None:
        return None
    k = _GREGORIAN.index(m.group(2))
    other = _GREGORIAN[(k + 3) % 12]
    return ar[: m.start(2)] + other + ar[m.end(2) :], m.start(), m.start(2) + len(other)


def space_before_comma(ar: str, en: str, names: Names) -> Slip:
    m = re.search(r"(?<=[\u0621-\u064a])،", ar)
    return None if m is None else (ar[: m.start()] + " " + ar[m.start() :], m.start(), m.start() + 2)


def latin_comma(ar: str, en: str, names: Names) -> Slip:
    m = re.search(r"(?<=[\u0621-\u064a])، (?=[\u0621-\u064a])", ar)
    return None if m is None else (ar[: m.start()] + "," + ar[m.start() + 1 :], m.start(), m.start() + 1)


def _in_name(ar: str, names: Names, pattern: str, repl: str) -> Slip:
    found = names.find(ar)
    if found is None:
        return None
    start, form = found
    for m in re.finditer(pattern, form):
        i = start + m.start()
        return ar[:i] + repl + ar[i + 1 :], start, start + len(form)
    return None


def alef_maqsura(ar: str, en: str, names: Names) -> Slip:
    return _in_name(ar, names, r"ي(?=\s|$)", "ى")


def taa_marbuta(ar: str, en: str, names: Names) -> Slip:
    return _in_name(ar, names, r"ة(?=\s|$)", "ه")


_AR_WORD = re.compile(r"(?<![\u0621-\u064a])[\u0621-\u064a]+(?![\u0621-\u064a])")
#: Words whose last letter swapped is another word of the language (على "on", علي "Ali"): no slip
#: a dictionary could see.
_BOTH_WORDS = {"علي", "إلي", "لدي"}


def _last_letter(ar: str, names: Names, letter: str, repl: str) -> Slip:
    """The first word outside an official name ending in ``letter``, with ``repl`` in its place:
    the dots a keyboard or a printer drops (``في`` → ``فى``, ``المنظمة`` → ``المنظمه``)."""
    inside = names.spans(ar)
    for m in _AR_WORD.finditer(ar):
        word = m.group()
        stem = word.lstrip("وفبلك") if len(word) > 3 else word
        if not word.endswith(letter) or len(word) < 2 or stem in _BOTH_WORDS or word in _BOTH_WORDS:
            continue
        if any(a < m.end() and m.start() < b for a, b in inside):
            continue
        i = m.end() - 1
        return ar[:i] + repl + ar[i + 1 :], m.start(), m.end()
    return None


def final_yeh_dotless(ar: str, en: str, names: Names) -> Slip:
    return _last_letter(ar, names, "ي", "ى")


def final_taa_marbuta_as_haa(ar: str, en: str, names: Names) -> Slip:
    return _last_letter(ar, names, "ة", "ه")


def construct_article(ar: str, en: str, names: Names) -> Slip:
    found = names.find(ar)
    if found is None:
        return None
    start, form = found
    first, _, rest = form.partition(" ")
    if first.startswith("ال") or not rest.startswith("ال") or (start and ar[start - 1] != " "):
        return None
    return ar[:start] + "ال" + ar[start:], start, start + len(form) + 2


def deprecated(ar: str, en: str, names: Names) -> Slip:
    for good, bad, _ in names.deprecated:
        i = ar.find(good)
        if i < 0:
            continue
        end = i + len(good)
        whole = end == len(ar) or not _is_letter(ar[end])  # not inside a longer word (الدانمركية)
        if whole and (i == 0 or not _is_letter(ar[i - 1]) or ar[i - 1] in "وفبل"):
            return ar[:i] + bad + ar[end:], i, i + len(bad)
    return None


def honorific(ar: str, en: str, names: Names) -> Slip:
    if re.search(r"\bMr\.? ", en):
        m = re.search(r"(?<![\u0621-\u064a])السيد(?= )", ar)
        if m:
            return ar[: m.end()] + "ة" + ar[m.end() :], m.start(), m.end() + 1
    if re.search(r"\bMs\.? ", en):
        m = re.search(r"(?<![\u0621-\u064a])السيدة(?= )", ar)
        if m:
            return ar[: m.end() - 1] + ar[m.end() :], m.start(), m.end() - 1
    return None


def tatweel(ar: str, en: str, names: Names) -> Slip:
    m = re.search(r"(?<![\u0621-\u064a])[\u0621-\u064a]{3}(?=[\u0621-\u064a]{3})", ar)
    if m is None or ar[m.end() - 1] == "ن":
        return None
    return ar[: m.end()] + "ــ" + ar[m.end() :], m.start(), m.end() + 2


def dropped_name_word(ar: str, en: str, names: Names) -> Slip:
    found = names.find(ar)
    if found is None:
        return None
    start, form = found
    words = form.split(" ")
    if len(words) < 4:
        return None
    kept = " ".join(words[:2] + words[3:])
    return ar[:start] + kept + ar[start + len(form) :], start, start + len(kept)


def _middle_of_a_word(ar: str, names: Names, shortest: int) -> re.Match[str] | None:
    """The first word outside an official name with ``shortest`` letters or more."""
    inside = names.spans(ar)
    for m in _AR_WORD.finditer(ar):
        if len(m.group()) >= shortest and not any(a < m.end() and m.start() < b for a, b in inside):
            return m
    return None


def letter_dropped(ar: str, en: str, names: Names) -> Slip:
    """A letter dropped from the middle of a word (``تعزيز`` → ``تعزز``): a non-word or another word."""
    m = _middle_of_a_word(ar, names, 6)
    if m is None:
        return None
    i = m.start() + len(m.group()) // 2
    return ar[:i] + ar[i + 1 :], m.start(), m.end() - 1


def letters_swapped(ar: str, en: str, names: Names) -> Slip:
    """Two letters typed in the wrong order in the middle of a word (``المستقبل`` → ``المستبقل``)."""
    m = _middle_of_a_word(ar, names, 5)
    if m is None:
        return None
    i = m.start() + len(m.group()) // 2
    if ar[i] == ar[i - 1]:
        return None
    return ar[: i - 1] + ar[i] + ar[i - 1] + ar[i + 1 :], m.start(), m.end()


def doubled_word(ar: str, en: str, names: Names) -> Slip:
    """A short word typed twice (``في في``)."""
    m = re.search(r"(?<![\u0621-\u064a])(في|من|على|إلى) ", ar)
    if m is None:
        return None
    return ar[: m.end()] + m.group(1) + " " + ar[m.end() :], m.start(), m.end() + len(m.group(1))


def space_dropped(ar: str, en: str, names: Names) -> Slip:
    """The space between two words lost (``سكان البلدان`` → ``سكانالبلدان``): the first two words
    of three letters or more outside an official name, one space between them."""
    inside = names.spans(ar)
    words = [m for m in _AR_WORD.finditer(ar) if not any(a < m.end() and m.start() < b for a, b in inside)]
    for first, second in itertools.pairwise(words):
        if ar[first.end() : second.start()] == " " and len(first.group()) >= 3 and len(second.group()) >= 3:
            return ar[: first.end()] + ar[second.start() :], first.start(), second.end() - 1
    return None


#: A title's masculine and feminine forms, as UN Arabic writes them.
_TITLE_PAIRS = (
    ("المديرة التنفيذية", "المدير التنفيذي"),
    ("الأمينة التنفيذية", "الأمين التنفيذي"),
    ("وكيلة الأمين العام", "وكيل الأمين العام"),
    ("الممثلة الخاصة", "الممثل الخاص"),
    ("المفوضة السامية", "المفوض السامي"),
    ("المديرة العامة", "المدير العام"),
)


def title_gender(ar: str, en: str, names: Names) -> Slip:
    """A title given the other gender (``الممثلة الخاصة`` for the man the text names, or back)."""
    for feminine, masculine in _TITLE_PAIRS:
        for written, other in ((feminine, masculine), (masculine, feminine)):
            for m in re.finditer(re.escape(written), ar):
                end = m.end()
                if end < len(ar) and _is_letter(ar[end]):
                    continue  # الممثل الخاصة… : inside a longer word
                return ar[: m.start()] + other + ar[end:], m.start(), m.start() + len(other)
    return None


INJECTORS: dict[str, Injector] = {
    "number": number,
    "month-pair-space": month_space,
    "month-pair-mismatch": month_wrong,
    "space-before-comma": space_before_comma,
    "latin-comma": latin_comma,
    "alef-maqsura-in-name": alef_maqsura,
    "taa-marbuta-in-name": taa_marbuta,
    "construct-head-article": construct_article,
    "deprecated-rendering": deprecated,
    "honorific-gender": honorific,
    "tatweel": tatweel,
    "word-dropped-from-name": dropped_name_word,
    "final-yeh-dotless": final_yeh_dotless,
    "final-taa-marbuta-as-haa": final_taa_marbuta_as_haa,
    "letter-dropped": letter_dropped,
    "letters-swapped": letters_swapped,
    "doubled-word": doubled_word,
    "title-gender": title_gender,
    "space-dropped": space_dropped,
}
