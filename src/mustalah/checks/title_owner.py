"""Whose is a title found after an honorific's name (GN001)?  Helpers that tell a title put before
another person's name from the honorific's own; each is a class of false alarm real UN Arabic
showed."""

from __future__ import annotations

import re
from typing import Protocol

from ..termbase.model import Gender

_NAME_WORD = r"[^\s،,؛;:()«»\"“”]"
#: What may stand between an honorific and the termbase name of the person it names: the given names
#: the termbase leaves out (``السيد أنطونيو غوتيريش``; ``Ms. Amina J. Mohammed``), with no punctuation.
NAME_RUN = re.compile(rf"\s*(?:{_NAME_WORD}+\s+){{0,4}}")
#: The honorific's name and a comma: what stands between a name and its own title in apposition
#: (``السيدة كويستان محمد، نائبة المدير``).
_APPOSED = re.compile(rf"{NAME_RUN.pattern}{_NAME_WORD}*[،,]?\s*")
#: What may stand between a title and the next honorific when the title is that person's.
_RUNS_ON = re.compile(r"[^.،,؛;:()]{0,120}")


class Named(Protocol):
    """An honorific: where it stands and the gender it gives its person."""

    @property
    def start(self) -> int: ...
    @property
    def gender(self) -> Gender | None: ...


def titles_next_person(
    text: str, name_at: int, opens: int, end: int, following: Named, gender: Gender
) -> bool:
    """A title that does not stand in apposition to the honorific's name (more than the name and a
    comma between them) and runs on, with no punctuation, into the next honorific, whose gender it
    agrees with (``السيدة كويستان محمد ومسؤولين رئيسيين من الحكومة، بما في ذلك نائب المدير العام
    لإدارة العمل … السيد عباس فاضل``): that person's title, put before his name."""
    if following.gender is not gender:
        return False
    return (
        _RUNS_ON.fullmatch(text, end, following.start) is not None
        and _APPOSED.fullmatch(text, name_at, opens) is None
    )


#: A verb of meeting, receiving or thanking in the honorific's clause, before it: the person is its
#: subject, and a title right after her name with no comma is its object, another person.
_MEETING_VERB = re.compile(r"(?:^|[\s،,])[وف]?(?:التق|استقبل|قابل|زار|هنأ|شكر|رافق|أطلع)(?:ى|ت|)(?=\s)")
_CLAUSE_END = re.compile(r"[.؛;!?؟]")


def met_before(text: str, honorific: int, name_from: int, title: int) -> bool:
    """``التقت اليوم المنسقة الخاصة السيدة جينين هينيس-بلاسخارت رئيس بعثة اليونيفيل``: the honorific's
    person meets someone, and the title after her name, with no comma, is the one she met."""
    if re.search(r"[،,]", text[name_from:title]):
        return False
    ends = list(_CLAUSE_END.finditer(text, max(0, honorific - 120), honorific))
    clause = ends[-1].end() if ends else max(0, honorific - 120)
    return _MEETING_VERB.search(text, clause, honorific) is not None
