"""SP008: two words run together, the space between them dropped (``سكانالبلدان``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Finding
from ..text.typos import MONTHS, common_words, is_common, unlisted_words
from .base import Rule, UnitContext
from .spelling import arabic_words, read_as_a_name

#: The shortest word taken for two: a letter pair and a word of three.
MIN_LETTERS = 5
#: Words that open a compound name written as one word (``عبدالله``, ``أبوظبي``, ``ابنسينا``):
#: what follows them is the name's second half, not a word with its space lost.
NAME_OPENERS = frozenset({"عبد", "أبو", "ابو", "أبي", "ابي", "ابن", "بن", "بنت", "آل", "ذو", "أم", "أبا"})


class WordsRunTogether(Rule):
    """Two words run together, the space between them dropped.

    What it catches:
        An Arabic word that neither Hunspell nor the termbase knows and that is, split once, two words
        UN Arabic writes often (``data/common-words.txt``, twenty times or more in the professionally
        translated Arabic of ``corpora/real``): ``سكانالبلدان`` (``سكان البلدان``), ``الممثلةالخاصة``,
        ``وتوفيرالمساعدات``, ``علىجميع``, ``المشارإليه``. These count too, with two words the
        dictionary knows: a preposition or ``أن``/``إن`` before a word with the article or a common
        word (``فيالبلدان``, ``منأجل``); a common word before a preposition (``بالتنسيقمع``); ``لا``,
        ``ما`` or ``فلا`` before a common verb or its feminine (``لايزال``, ``مايلي``, ``لاتقل``; not
        ``لايتشاك``, Lajčák); a word of three letters or more before ``إن`` or ``أن``
        (``المفوضيةإن``); words joined after ``ة`` or ``ى``, letters written only at a word's end
        (``درجةحرارة``, ``العدالةوالإصلاحيات``; after ``ة`` the first may be a name the dictionary lacks,
        ``بيليةجميع``); a word of four letters or more before one of five or
        more with the article (``يظهرالتقرير``, ``مستشارالأمم``). Arabic joins its letters across a
        lost space without a visible seam, so the slip survives proofreading on screen. A word that
        splits two ways (``فيهالبرنامج``: ``فيه البرنامج`` or ``فيها لبرنامج``) is reported with both
        readings and no fix; so is a word where another split reads an article (``كمالمساعدة``: ``كما
        لمساعدة`` or ``كم المساعدة``). Left alone: a compound name written as one word (``عبدالله``,
        ``بدرالدين``, ``أبوظبي``, ``بديعالزمان``: its first half is ``عبد``, ``أبو``, ``ابن`` …, or
        its second ``الدين``, ``الله``, ``الزمان`` …, which leaves ``إنشاءالله`` too), shorter halves
        before the article (``وسفالبارد``, Svalbard; ``أوسفالدو``, Osvaldo), a name UN Arabic itself
        writes that the dictionary lacks (``data/unlisted-words.txt``), a word that spells a
        capitalized word of the English, a word read as a name by where it stands, and two month names
        run together (``أكتوبرتشرين``: ST008's month pair).
    Why it matters:
        A search for either word misses it, a term or a name inside it is not matched, and
        the page reads as a typing slip.
    Example:
        en: on the populations of mine-infested countries
        ar: على سكانالبلدان التي تعج بالألغام
    Use instead:
        ar: على سكان البلدان التي تعج بالألغام
    Suppress:
        `mustalah: ignore SP008` in the unit's note; a name the dictionary lacks goes into the
        termbase or `words = [...]` under `[tool.mustalah.rules.SP002]`.
    """

    code = "SP008"
    name = "words-run-together"
    category = "spelling"
    severity = "warning"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view, m, bare, is_word in arabic_words(ctx):
            if len(bare) < MIN_LETTERS or is_word(bare) or bare in unlisted_words():
                continue
            splits = run_together(bare, is_word)
            if not splits or read_as_a_name(ctx, view, bare):
                continue
            readings = " or ".join(f"'{left} {right}'" for left, right in splits)
            message = f"'{bare}' is two words run together: {readings}"
            # one reading and no vowel marks: the fix; else the reviser chooses and retypes
            suggestion = " ".join(splits[0]) if len(splits) == 1 and m.group() == bare else None
            yield self.finding(ctx, view, m.start(), m.end(), message, suggestion=suggestion)


def run_together(word: str, is_word: Callable[[str], bool]) -> list[tuple[str, str]]:
    """The ways ``word`` (no vowel marks, unknown to ``is_word``) reads as two words with the
    space between them lost: two common words of UN Arabic, a preposition or ``أن``/``إن``
    before a word with the article the dictionary knows (``فيالبلدان``) or a common word
    (``منأجل``), ``لا`` or ``ما`` before a common verb (``لايمكن``), a common word before a
    preposition (``بالتنسيقمع``), or two words the
    dictionary knows split after a letter written only at a word's end, ``ة`` or ``ى``
    (``درجةحرارة``), or before the article of a longer second word (``مستشارالأمم``); empty when
    none.  Once one reading is found, every split before an article is a reading too
    (``كمالمساعدة``: ``كما لمساعدة`` or ``كم المساعدة``)."""
    common = common_words()
    found = [
        i
        for i in range(2, len(word) - 1)
        if (word[:i] in common and word[i:] in common)
        or _around_a_preposition(word[:i], word[i:], common)
        or _word_before_the_article(word[:i], word[i:])
        or _word_before_a_hamza(word[:i], word[i:])
        or (i >= 3 and word[i:] in _THAT)  # المفوضيةإن, غوتيريشإن: a word before إن or أن
        or (word[i - 1] in _WORD_FINAL_ONLY and i >= 3 and len(word) - i >= 3)
    ]
    if found:
        found += [i for i in range(2, len(word) - 3) if word[i:].startswith("ال") and i not in found]
    splits = [(word[:i], word[i:]) for i in sorted(found)]
    return [
        (left, right)
        for left, right in splits
        if left.removeprefix("و").removeprefix("ف") not in NAME_OPENERS
        and right not in NAME_SECOND_HALVES
        and left not in MONTHS  # two month names run together are ST008's month pair (``أكتوبرتشرين``)
        and right not in MONTHS
        and (is_word(left) or left[-1] == "ة")  # ة ends a word, a name's too: ``بيليةجميع``
        and is_word(right)
    ]


#: Letters written only at a word's end: a word with one inside is two words (``العدالةوالإصلاحيات``,
#: ``درجةحرارة``), when both halves are words of three letters or more (``آىسيا`` is آسيا with a
#: stray ى, not ``آى سيا``).
_WORD_FINAL_ONLY = frozenset("ةى")
#: Short words that stand before a noun with the article, never inside a word before ``ال``.
_BEFORE_ARTICLE = frozenset({"في", "من", "عن", "مع", "على", "إلى", "أن", "إن"})


def _around_a_preposition(left: str, right: str, common: frozenset[str]) -> bool:
    """A preposition or ``أن``/``إن`` before a word with the article (four letters or more) or a
    common word of three (``فيالبلدان``, ``منأجل``, ``عنطريق``), or a common word of four letters
    or more before a preposition (``بالتنسيقمع``)."""
    if left in _BEFORE_ARTICLE:
        return (right.startswith("ال") and len(right) >= 4) or (right in common and len(right) >= 3)
    if left in _BEFORE_A_VERB:
        # لايمكن, ماتزال, لاتقل (يقل): a common verb, or its feminine (not لايتشاك, Lajčák)
        return right[:1] in "يت" and (right in common or "ي" + right[1:] in common)
    return right in _PREPOSITIONS and is_common(left) and len(left) >= 4


#: Particles before a verb that a hurried hand joins to it (``لايمكن``, ``ماتزال``).
_BEFORE_A_VERB = frozenset({"لا", "ما", "فلا"})
#: Two-letter prepositions that may end a run-together pair.
_PREPOSITIONS = frozenset({"في", "من", "عن", "مع"})


#: Second halves of compound names written as one word (``بدرالدين``, ``خيرالله``, ``أمرالله``,
#: ``بديعالزمان``), and of ``إنشاءالله`` (إن شاء الله, no إنشاء): no split.
NAME_SECOND_HALVES = frozenset(
    {"الدين", "الله", "الإسلام", "الرحمن", "الرحيم", "العزيز", "الكريم", "الحق", "الزمان", "الهدى"}
    | {"العابدين", "الحسن", "الحسين", "النور"}
)


def _word_before_a_hamza(left: str, right: str) -> bool:
    """A word of three letters or more before one of five or more, or a common one, that opens
    with a hamza on its alef (``تستمرأسبوعين``: تستمر أسبوعين; ``الأفريقيأملا``): inside a word
    that alef follows a prefix (``سأل``, ``تأسيس``, ``المرأة``, ``والأجدد``), and a short second
    half reads a hamza slip as two words (``وأمرأتان`` is وامرأتان, not ``وأمر أتان``)."""
    if len(left) < 3 or left.endswith("ال") or right[:1] not in _HAMZA_ALEFS:
        return False
    return len(right) >= 5 or right in common_words()


#: ``إن`` and ``أن`` ("that"), which a hurried hand joins to the word before them.
_THAT = frozenset({"إن", "أن"})
#: The alef with a hamza or a madda, which opens a word but stands inside one only after a prefix.
_HAMZA_ALEFS = "أإآ"


def _word_before_the_article(left: str, right: str) -> bool:
    """Two longer words the dictionary knows, the second with the article (``يظهرالتقرير``,
    ``مستشارالأمم``): four letters and five at least, so that a name does not split (``وسفالبارد``,
    Svalbard; ``أوسفالدو``, Osvaldo; ``الخالدية``, a place)."""
    return len(left) >= 4 and len(right) >= 5 and right.startswith("ال")
