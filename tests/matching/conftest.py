from __future__ import annotations

import pytest

from mustalah.matching import TermIndex
from mustalah.termbase.model import Concept, Gender, Status, Term, Termbase, TermType


def T(text: str, lang: str, **kw: object) -> Term:
    return Term(text=text, lang=lang, **kw)  # type: ignore[arg-type]


def small_termbase() -> Termbase:
    acr = TermType.ACRONYM
    return Termbase(
        (
            Concept(
                "UNOCT",
                "entities",
                (
                    T("United Nations Office of Counter-Terrorism", "en"),
                    T("UNOCT", "en", type=acr),
                    T("مكتب الأمم المتحدة لمكافحة الإرهاب", "ar"),
                    T("UNOCT", "ar", type=acr),
                ),
                confusable=("UNCCT",),
            ),
            Concept(
                "UNCCT",
                "entities",
                (
                    T("United Nations Counter-Terrorism Centre", "en"),
                    T("UNCCT", "en", type=acr),
                    T("مركز الأمم المتحدة لمكافحة الإرهاب", "ar"),
                ),
                confusable=("UNOCT",),
            ),
            Concept(
                "UNODC",
                "entities",
                (
                    T("United Nations Office on Drugs and Crime", "en"),
                    T("مكتب الأمم المتحدة المعني بالمخدرات والجريمة", "ar"),
                ),
            ),
            Concept(
                "CTED",
                "entities",
                (
                    T("Counter-Terrorism Committee Executive Directorate", "en"),
                    T("المديرية التنفيذية للجنة مكافحة الإرهاب", "ar"),
                ),
            ),
            Concept(
                "CTC", "entities", (T("Counter-Terrorism Committee", "en"), T("لجنة مكافحة الإرهاب", "ar"))
            ),
            Concept("UN", "entities", (T("United Nations", "en"), T("الأمم المتحدة", "ar"))),
            Concept(
                "GCCS",
                "entities",
                (T("Global Center on Cooperative Security", "en"), T("المركز العالمي للأمن التعاوني", "ar")),
            ),
            Concept(
                "post-ded",
                "posts",
                (
                    T("Deputy Executive Director", "en"),
                    T("نائب المدير التنفيذي", "ar", gender=Gender.MASCULINE),
                    T("نائبة المدير التنفيذي", "ar", gender=Gender.FEMININE),
                ),
            ),
            Concept(
                "post-ed",
                "posts",
                (
                    T("Executive Director", "en"),
                    T("المدير التنفيذي", "ar", gender=Gender.MASCULINE),
                    T("المديرة التنفيذية", "ar", gender=Gender.FEMININE),
                ),
            ),
            Concept("person-ali", "people", (T("Ali", "en"), T("علي", "ar", exact=True))),
            Concept(
                "person-waly",
                "people",
                (
                    T("Ghada Fathi Waly", "en", gender=Gender.FEMININE),
                    T("غادة فتحي والي", "ar", gender=Gender.FEMININE),
                ),
            ),
            Concept(
                "PCVE",
                "concepts",
                (
                    T("preventing and countering violent extremism", "en"),
                    T("منع التطرف العنيف ومكافحته", "ar"),
                    T("منع ومحاربة التطرف العنيف", "ar", status=Status.DEPRECATED),
                ),
            ),
            Concept("VE", "concepts", (T("violent extremism", "en"), T("التطرف العنيف", "ar"))),
            Concept(
                "FTF",
                "concepts",
                (
                    T("foreign terrorist fighters", "en"),
                    T("المقاتلون الإرهابيون الأجانب", "ar", forms=("المقاتلين الإرهابيين الأجانب",)),
                ),
            ),
            Concept(
                "person-abdallah", "people", (T("Abdallah Al-Mouallimi", "en"), T("عبد الله المعلمي", "ar"))
            ),
        )
    )


@pytest.fixture(scope="session")
def index() -> TermIndex:
    return TermIndex.build(small_termbase())
