"""NU004: a figure from three to ten before a singular noun (``5 مليون دولار``, ``9 دولة``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from ..text.dates import AR_MONTH_NAMES
from .base import Rule, UnitContext

#: The singular nouns UN Arabic counts most often, with the plural a figure from three to ten takes.
PLURAL_OF = {
    "مليون": "ملايين",
    "مليار": "مليارات",
    "ألف": "آلاف",
    "دولة": "دول",
    "بلد": "بلدان",
    "شخص": "أشخاص",
    "طفل": "أطفال",
    "مرة": "مرات",
    "شهر": "أشهر",
    "يوم": "أيام",
    "أسبوع": "أسابيع",
    "ساعة": "ساعات",
    "سنة": "سنوات",
    "عام": "أعوام",
    "منظمة": "منظمات",
    "وكالة": "وكالات",
    "مشروع": "مشاريع",
    "حالة": "حالات",
    "تريليون": "تريليونات",
    "مدينة": "مدن",
    "قرية": "قرى",
    # the accusative singular Arabic counts with from eleven on (``10 عاما`` for ``10 أعوام``), its
    # tanwin written after the alef, before it or not at all
    **{
        spelling: plural
        for noun, plural in (("عاما", "أعوام"), ("يوما", "أيام"), ("شهرا", "أشهر"))
        for spelling in (noun, noun + "\u064b", noun[:-1] + "\u064b" + noun[-1])
    },
}
#: A figure from three to ten standing alone: not a digit group of a larger number (``3 500`` written
#: ``500 3`` in a copy that reversed it), a decimal (``2,5``), a range's end (``1-3``) or a date.
_FIGURE = r"(?<![\d٠-٩۰-۹.,٫،/\-–])(?<![\d٠-٩۰-۹] )(10|[3-9]|١٠|[٣-٩]|۱۰|[۳-۹])"
_COUNTED = re.compile(
    rf"{_FIGURE}(\s*)({'|'.join(sorted(PLURAL_OF, key=len, reverse=True))})(?![\u0621-\u064a\u064b-\u0652])"
)
#: Nouns that also name a year or a day when a figure follows them (``10 سنة 2005``: law No. 10 of
#: the year 2005): no count.
_BEFORE_A_DATE = frozenset({"سنة", "عام", "يوم", "شهر"})
_NUMBER_AFTER = re.compile(r"\s*[\d٠-٩]")
#: Words a figure numbers rather than counts after (``الجدول 5 ألف``, table 5.A; ``البند 3 حالة
#: حقوق الإنسان``, item 3; ``المادة 3 مرة أخرى``, article 3 once more; ``الساعة 10 يوم الخميس``).
_NUMBERED = frozenset(
    {"الجدول", "المرفق", "الفرع", "الباب", "الفصل", "الفقرة", "البند", "المادة", "القرار", "الجزء"}
    | {"المرحلة", "التقرير", "الصفحة", "الهدف", "الغاية", "المؤشر", "رقم", "الساعة", "القاعدة", "الخطوة"}
    | {"جدول", "مرفق", "فرع", "باب", "فصل", "فقرة", "بند", "مادة", "قرار", "جزء", "صفحة", "الشكل", "شكل"}
)
#: What follows a noun that makes it no count: ``مرة أخرى`` (once more), ``شهر آب`` (the month of August).
_NOT_COUNTED_AFTER = re.compile(
    r"\s+(?:"
    + "|".join(
        sorted(
            {"أخرى", "رمضان", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"}
            | {name.split()[0] for name in AR_MONTH_NAMES},
            key=len,
            reverse=True,
        )
    )
    + r")(?![\u0621-\u064a])"
)
_WORD_BEFORE = re.compile(r"([\u0621-\u064a]+)\s*$")


class CountedNounSingular(Rule):
    """A figure from three to ten before a singular noun.

    What it catches:
        From three to ten, Arabic counts with a plural, in figures as in words: ``3 ملايين``,
        ``5 دول``, ``7 مليارات``.  A figure from 3 to 10 right before the singular of a noun UN
        Arabic counts most often — millions, billions, thousands, States, countries, persons,
        children, times, days, weeks, months, hours, years, organizations, agencies, projects,
        cases, cities, villages, trillions — or the accusative singular counted from eleven on
        (``10 عاما``) is reported with the plural (``5 مليون دولار``, ``7 مليون شخص``, ``في 9
        دولة``), in any of the three digit forms.
        Left alone: a figure that is part of a larger number (``500 3`` and ``3 500``, ``2,5``,
        ``2،5``, ``1-3``), a noun that names a date after the count (``القانون رقم 10 سنة 2005``),
        a figure that numbers the word before it (``الجدول 5 ألف``, table 5.A; ``البند 3 حالة
        حقوق الإنسان``; ``الساعة 10 يوم الخميس``) or opens the unit (a footnote's number), and
        ``مرة أخرى`` (once more) or ``شهر آب`` (the month of August) after it;
        from eleven on the noun is singular (``11 دولة``, ``105 دولة``) and is not read.
    Why it matters:
        The rule is taught early and every reviser applies it; ``5 مليون`` is the mark of a
        hurried press text, and UN Arabic writes ``5 ملايين``.
    Example:
        en: a contribution of US$ 5 million
        ar: مساهمة قدرها 5 مليون دولار
    Use instead:
        ar: مساهمة قدرها 5 ملايين دولار
    Suppress:
        `mustalah: ignore NU004` in the unit's note.
    """

    code = "NU004"
    name = "counted-noun-singular"
    category = "number"
    severity = "warning"
    #: pre-filter (checks.prefilter): a digit beside an Arabic word
    needs = ("digit",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            for m in _COUNTED.finditer(view.text):
                noun = m.group(3)
                if noun in _BEFORE_A_DATE and _NUMBER_AFTER.match(view.text, m.end()):
                    continue  # 10 سنة 2005: the year named, not ten years
                if not view.text[: m.start()].strip():
                    continue  # a footnote's or a list's number opening the unit: 3 منظمة الصحة العالمية، …
                before = _WORD_BEFORE.search(view.text, max(0, m.start() - 20), m.start())
                if before is not None and before.group(1).removeprefix("و") in _NUMBERED:
                    continue  # الجدول 5 ألف, البند 3 حالة …: the figure numbers what comes before it
                if _NOT_COUNTED_AFTER.match(view.text, m.end()):
                    continue  # 3 مرة أخرى, 5 شهر آب: once more, the month of August
                figure, plural = m.group(1), PLURAL_OF[noun]
                message = f"'{m.group()}': from three to ten the counted noun is plural: '{figure} {plural}'"
                fix = f"{figure}{m.group(2) or ' '}{plural}"
                yield self.finding(ctx, view, m.start(), m.end(), message, suggestion=fix)
