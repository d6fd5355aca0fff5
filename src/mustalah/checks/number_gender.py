"""GN007: a number word from three to ten in the gender of its noun (``أربعة سنوات``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from ..text.arabic import MARKS, spelt_with_marks
from .base import Rule, UnitContext
from .spelling import UNMARK

#: The numbers three to ten in their two forms: with ة before a noun whose singular is masculine
#: (``ثلاثة أيام``), without before one whose singular is feminine (``ثلاث سنوات``).
WITH_TAA = ("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "بضعة")
WITHOUT_TAA = ("ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "بضع")
#: Other spellings of a number word, read as the word (``اربعة`` without its hamza, ``ثمانى``,
#: ``ثمان``): the hamza or the ى is SP005's or SP006's, the gender this rule's.
SPELLINGS = {"اربعة": "أربعة", "اربع": "أربع", "ثمانى": "ثماني", "ثمان": "ثماني"}
#: Counted plurals whose singular is feminine (سنة، مرة، دولة …): the number has no ة.
FEMININE_PLURALS = frozenset(
    " ".join(
        (
            "سنوات مرات دول نساء محافظات مناطق جلسات منح مدارس مقاطعات فئات دورات مراحل حالات حقائق",
            "ساعات ركائز هيئات أولويات نقاط دقائق شركات وحدات حلقات قارات عمليات لغات فتيات",
            "طائرات نتائج قذائف عائلات أسر منظمات لجان مدن قرى بعثات وكالات مبادرات مجموعات سيدات",
            "مؤسسات ولايات جامعات حكومات اتفاقيات مسائل قضايا توصيات دراسات رسائل خطط فرص مهام ليال",
            "ملاحظات مشكلات أزمات غارات ضربات سيارات شاحنات زيارات كلمات صفحات مواد إدارات ورشات",
            "أوراق فقرات آليات خدمات سلطات جهات حملات بلديات",
        )
    ).split()
)
#: Counted plurals whose singular is masculine (يوم، شهر، بلد …): the number has its ة.
MASCULINE_PLURALS = frozenset(
    " ".join(
        (
            "أيام أشهر شهور ملايين أشخاص أضعاف أطفال عقود بلدان خبراء أعضاء أعوام أسابيع آلاف مخيمات",
            "موظفين مكاتب مراكز عناصر رجال مواقع اجتماعات مليارات مدنيين أفراد محاور انتهاكات براميل",
            "مرشحين تقييمات وزراء مرافق نواب أجزاء أقسام تقارير ممثلين فتيان تحديات فروع مواضيع",
            "مشاريع مشروعات قرارات مطالب مستشفيات جنود قوارب أهداف مبادئ مجالات مستويات أسئلة برامج",
            "صناديق مؤتمرات أسباب أنواع أشكال ملفات بنود أحزاب أسلحة قتلى جرحى لاجئين أسرى مراقبين",
            "مستشارين قضاة صحفيين أطباء معلمين طلاب مواطنين مقاعد أحداث مقترحات دولارات أنشطة قطاعات",
            "مجالس أقاليم",
        )
    ).split()
)
#: Number words that are also fractions (``خُمس``, a fifth; ``عُشر``, a tenth): before a masculine
#: plural in construct (``خمس أطفال العالم``, a fifth of the world's children) they are no number.
FRACTIONS = frozenset({"خمس", "سبع", "تسع", "عشر"})
#: Words of time after a count (``سبع أشخاص اليوم``): no genitive that makes a fraction of the number.
_TIME_WORDS = frozenset({"اليوم", "الليلة", "الأسبوع", "الشهر", "العام", "أمس", "الماضي", "الماضية"})
#: Demonstratives: ``خمس أعضاء هذه الهيئة`` is a fifth of this body's members.
_DEMONSTRATIVES = frozenset({"هذا", "هذه", "هذين", "هاتين", "هؤلاء", "ذلك", "تلك", "أولئك"})
#: Units and ordinals before ``عشر``/``عشرة``: a compound number or an ordinal (``الحادي عشر``,
#: ``الثالثة عشرة``, ``خمس عشرة``), whose noun is singular; the noun after is no count of it.
_BEFORE_TEN = frozenset(
    {"أحد", "إحدى", "اثنا", "اثني", "اثنتا", "اثنتي", "الحادي", "الحادية", "الثاني", "الثانية"}
    | {"الثالث", "الثالثة", "الرابع", "الرابعة", "الخامس", "الخامسة", "السادس", "السادسة", "السابع"}
    | {"السابعة", "الثامن", "الثامنة", "التاسع", "التاسعة"}
    | {w for n in WITH_TAA + WITHOUT_TAA for w in (n, "ال" + n)}
)
#: Particles before a verb: ``لا تسع`` is "has no room for" (وسع), no nine.
_BEFORE_A_VERB = frozenset({"لا", "لم", "لن", "قد", "وقد", "ولا", "فلا"})


def _any_of(words: Iterable[str]) -> str:
    """One of ``words``, the longest first, each letter followed by any vowel marks."""
    return "|".join(spelt_with_marks(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = _any_of((*WITH_TAA, *WITHOUT_TAA, *SPELLINGS))
_NOUN = _any_of(FEMININE_PLURALS | MASCULINE_PLURALS)
#: A number word (its و/ف and ب/ل kept apart), a space, a counted plural, a word's end; and what follows.
_COUNTED = re.compile(
    rf"(?<![\u0621-\u064a\u064b-\u0652])((?:[وف]{MARKS})?(?:[بلك]{MARKS})?)({_NUMBER})(\s+)({_NOUN})"
    r"(?![\u0621-\u064a\u064b-\u0652])(\s+\S+)?(\s+\S+)?"
)
#: The word before a number word.
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


class NumberGender(Rule):
    """A number word from three to ten in the gender of its noun.

    What it catches:
        From three to ten, an Arabic number word takes the gender opposite to its noun's
        singular: ``ثلاث سنوات`` (سنة is feminine), ``ثلاثة أيام`` (يوم is masculine).  A
        number before one of the plurals UN Arabic counts most often (years, times, States,
        days, months, children, experts, meetings …; their singular's gender listed) in the
        noun's own gender is reported: ``أربعة سنوات``, ``خمسة دول``, ``تسع بلدان``,
        ``ثمانية ساعات``, ``بضعة سنوات``, and so are ``اربعة``, ``ثمانى``, ``ثمان`` (their hamza
        or ى is SP005's or SP006's).  Left alone: other nouns (no list of every noun's gender),
        a plural read two ways (``مركبات``: compounds, masculine, or vehicles, feminine;
        ``مقالات``), ``عشر``/``عشرة`` after a unit or an ordinal (``الحادي عشر مبادئ``,
        ``خمس عشرة``: the noun of a compound number is singular), ``تسع`` after a particle
        (``لا تسع``, "has no room for"), and ``خمس``, ``سبع``, ``تسع``, ``عشر`` before a
        masculine plural read as a fraction: marked ``عُشر``, or in construct with a definite
        word, a demonstrative or a chain ending in one (``خمس أطفال العالم``, a fifth of the
        world's children; ``عشر مقاعد مجلس النواب``), not a time word (``سبع أشخاص اليوم``).
    Why it matters:
        The agreement is taught early and checked by every reviser; in a published text it reads
        as careless Arabic, and a machine translation makes it often.
    Example:
        en: for a term of four years
        ar: لفترة أربعة سنوات
    Use instead:
        ar: لفترة أربع سنوات
    Suppress:
        `mustalah: ignore GN007` in the unit's note.
    """

    code = "GN007"
    name = "number-gender"
    category = "gender"
    severity = "warning"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            for m in _COUNTED.finditer(view.text):
                written, noun = m.group(2).translate(UNMARK), m.group(4).translate(UNMARK)
                number = SPELLINGS.get(written, written)
                before = _WORD_BEFORE.search(view.text, 0, m.start())
                previous = before.group(1).translate(UNMARK) if before else ""
                if number in ("عشر", "عشرة") and previous in _BEFORE_TEN:
                    continue  # الحادي عشر, خمس عشرة: an ordinal or a compound number
                if number in WITH_TAA and noun in FEMININE_PLURALS:
                    right, gender = WITHOUT_TAA[WITH_TAA.index(number)], "feminine"
                elif number in WITHOUT_TAA and noun in MASCULINE_PLURALS:
                    if number in FRACTIONS and _a_fraction(m, previous):
                        continue  # خُمس أطفال العالم: a fifth of, in construct
                    right, gender = WITH_TAA[WITHOUT_TAA.index(number)], "masculine"
                else:
                    continue
                start, end = m.start(2), m.end(4)
                message = (
                    f"'{written} {noun}': from three to ten the number takes the other gender of its"
                    f" noun, whose singular is {gender}: '{right} {noun}'"
                )
                marked = m.group(2) != written or m.group(4) != noun
                suggestion = None if marked else f"{right}{m.group(3)}{noun}"
                yield self.finding(ctx, view, start, end, message, suggestion=suggestion)


def _a_fraction(m: re.Match[str], previous: str) -> bool:
    """Whether ``خمس``, ``سبع``, ``تسع`` or ``عشر`` before a masculine plural reads as a fraction or
    a verb: marked with its damma (``عُشر``), before a definite genitive (an article, a
    demonstrative, or a noun in construct with one: ``خمس أطفال العالم``, ``خمس أعضاء هذه
    الهيئة``, ``عشر مقاعد مجلس النواب``), or after a particle that opens a verb (``لا تسع``)."""
    if "\u064f" in m.group(2) or previous in _BEFORE_A_VERB:
        return True
    after = [(g or "").strip().translate(UNMARK) for g in (m.group(5), m.group(6))]
    if after[0] in _TIME_WORDS:
        return False  # سبع أشخاص اليوم: today, no genitive
    definite = after[0].startswith(("ال", "وال")) or after[0] in _DEMONSTRATIVES
    return definite or (bool(after[0]) and after[1].startswith("ال") and after[1] not in _TIME_WORDS)
