"""GN007: a number word from three to ten in the gender of its noun (``أربعة سنوات``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from .base import Rule, UnitContext

#: The numbers three to ten in their two forms: with ة before a noun whose singular is masculine
#: (``ثلاثة أيام``), without before one whose singular is feminine (``ثلاث سنوات``).
WITH_TAA = ("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة")
WITHOUT_TAA = ("ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر")
#: Counted plurals whose singular is feminine (سنة، مرة، دولة …): the number has no ة.
FEMININE_PLURALS = frozenset(
    " ".join(
        (
            "سنوات مرات دول نساء محافظات مناطق جلسات منح مدارس مقاطعات فئات دورات مراحل حالات حقائق",
            "ساعات ركائز هيئات أولويات نقاط دقائق شركات وحدات حلقات قارات عمليات لغات فتيات",
            "طائرات نتائج قذائف عائلات أسر منظمات لجان مدن قرى بعثات وكالات مبادرات مجموعات سيدات",
            "مؤسسات ولايات جامعات حكومات اتفاقيات مسائل قضايا توصيات دراسات رسائل خطط فرص مهام ليال",
            "ملاحظات مشكلات أزمات غارات ضربات سيارات شاحنات زيارات مقالات كلمات صفحات مواد إدارات",
            "ورشات أوراق",
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
            "مستشارين قضاة صحفيين أطباء معلمين طلاب مواطنين مقاعد أحداث مقترحات",
        )
    ).split()
)
#: Number words that are also fractions (``خُمس``, a fifth; ``عُشر``, a tenth): before a masculine
#: plural in construct (``خمس أطفال العالم``, a fifth of the world's children) they are no number.
FRACTIONS = frozenset({"خمس", "سبع", "تسع", "عشر"})
#: Vowel marks and tatweel a word may carry between its letters.
_MARKS = "[\u064b-\u0652\u0670\u0640]*"


def _spelt(word: str) -> str:
    return "".join(re.escape(letter) + _MARKS for letter in word)


_NUMBER = "|".join(_spelt(w) for w in sorted(WITH_TAA + WITHOUT_TAA, key=len, reverse=True))
_NOUN = "|".join(_spelt(w) for w in sorted(FEMININE_PLURALS | MASCULINE_PLURALS, key=len, reverse=True))
#: A number word (its و/ف and ب/ل kept apart), a space, a counted plural, a word's end; and what follows.
_COUNTED = re.compile(
    rf"(?<![\u0621-\u064a\u064b-\u0652])([وف]?[بل]?)({_NUMBER})(\s+)({_NOUN})(?![\u0621-\u064a\u064b-\u0652])"
    r"(\s+\S+)?"
)
_UNMARK = str.maketrans("", "", "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")


class NumberGender(Rule):
    """A number word from three to ten in the gender of its noun.

    What it catches:
        From three to ten, an Arabic number word takes the gender opposite to its noun's
        singular: ``ثلاث سنوات`` (سنة is feminine), ``ثلاثة أيام`` (يوم is masculine).  A
        number before one of the plurals UN Arabic counts most often (years, times, States,
        days, months, children, experts, meetings …; their singular's gender listed) in the
        noun's own gender is reported: ``أربعة سنوات``, ``خمسة دول``, ``تسع بلدان``,
        ``ثمانية ساعات``.  Left alone: other nouns (no list of every noun's gender), a plural
        read two ways (``مركبات``: compounds, masculine, or vehicles, feminine), and ``خمس``,
        ``سبع``, ``تسع``, ``عشر`` before a masculine plural in construct with a definite word
        (``خمس أطفال العالم``: a fifth of the world's children).
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
                number, noun = m.group(2).translate(_UNMARK), m.group(4).translate(_UNMARK)
                if number in WITH_TAA and noun in FEMININE_PLURALS:
                    right, gender = WITHOUT_TAA[WITH_TAA.index(number)], "feminine"
                elif number in WITHOUT_TAA and noun in MASCULINE_PLURALS:
                    after = (m.group(5) or "").strip()
                    if number in FRACTIONS and after.startswith(("ال", "وال")):
                        continue  # خمس أطفال العالم: a fifth of, in construct
                    right, gender = WITH_TAA[WITHOUT_TAA.index(number)], "masculine"
                else:
                    continue
                start, end = m.start(2), m.end(4)
                message = (
                    f"'{number} {noun}': from three to ten the number takes the other gender of its"
                    f" noun, whose singular is {gender}: '{right} {noun}'"
                )
                marked = m.group(2) != number or m.group(4) != noun
                suggestion = None if marked else f"{right}{m.group(3)}{noun}"
                yield self.finding(ctx, view, start, end, message, suggestion=suggestion)
