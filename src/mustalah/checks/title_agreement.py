"""GN006: a title whose own words disagree in gender (``الممثلة الخاصة للأمين العام المعني``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from ..text.arabic import MARKS
from ..text.arabic import spelt_with_marks as _word
from .agreement import VERB_GENDER
from .base import Rule, UnitContext


def _either(*words: str) -> str:
    return "(?:" + "|".join(_word(w) for w in sorted(words, key=len, reverse=True)) + ")"


#: The heads of the UN's gendered posts whose title takes an adjective of its own, masculine
#: form first (the feminine adds ة): the representative, rapporteur, expert, adviser, envoy …
_HEADS = ("ممثل", "مقرر", "خبير", "مستشار", "مبعوث", "منسق", "مفوض", "مدير", "أمين")
#: The adjectives of those titles, masculine (the feminine adds ة): special, independent, high,
#: executive, resident, regional, permanent, personal, general (``عام`` only as ``عامة``: the
#: masculine is also "year", ``المقررة العام المقبل``, "scheduled next year").
_ADJECTIVES = ("خاص", "مستقل", "سامي", "تنفيذي", "مقيم", "إقليمي", "دائم", "شخصي", "عام")
#: A second adjective: the Joint Special Representative (``المساعدة`` after a title is most often
#: "the assistance", its object: ``وقدم المفوض السامي المساعدة``).
_SECOND = ("مشترك",)
_LETTER = "\u0621-\u064a\u0671"
_ARTICLE = _word("ال")
_TITLE = re.compile(
    rf"(?<![{_LETTER}\u064b-\u0652\u0670\u0640])(?:و|ف)?"
    rf"(?P<title>(?P<pre>{_either('ال', 'لل', 'بال', 'ل', 'ب')})?"
    rf"(?P<head>{_either(*_HEADS)})(?P<head_f>{_word('ة')})?"
    rf" (?P<adj_al>{_ARTICLE})?(?P<adj>{_either(*_ADJECTIVES)})(?P<adj_f>{_word('ة')})?"
    rf"(?: (?:{_ARTICLE})?(?P<second>{_either(*_SECOND)})(?P<second_f>{_word('ة')})?)?"
    rf"(?P<complement> {_word('للأمين')} {_word('العام')}| {_word('للأمم')} {_word('المتحدة')})?"
    rf"(?: (?P<concerned>(?:{_ARTICLE})?{_word('معني')})(?P<concerned_f>{_word('ة')})?)?)"
    rf"(?![{_LETTER}\u064b-\u0652\u0670\u0640])"
)
#: What may stand before a title whose ``المعني``/``المعنية`` is read: the start of the text or a
#: punctuation mark, a verb of which it is the subject (``قالت``, GN004's verbs) or a particle
#: (``أن``).  Anything else may be a noun the title is the genitive of, and ``المعنية`` that
#: noun's (``فرقة العمل التابعة للأمين العام المعنية``, ``مكتب الممثلة الخاصة … المعني``).
_OPENS = re.compile(r"(?:^|[،,.:؛;!؟?\"«»“”()\[\]\-–—]) *$")
_PARTICLES = frozenset({"أن", "إن", "وأن", "وإن", "كما", "قد", "وقد", "ثم", "حيث", "إذ", "لكن", "ولكن"})
#: Words after an indefinite title's ``خاصة`` that make it the adverb "especially" (``نهج منسق
#: خاصة في المناطق``): a preposition or particle.
_AFTER_ESPECIALLY = frozenset(
    {"في", "من", "إلى", "على", "عن", "مع", "بعد", "قبل", "عند", "أن", "وأن", "إذا", "حين", "لدى", "بين"}
)
_NEXT_WORD = re.compile(rf"\s+([{_LETTER}]+)")


def _subject_position(text: str, start: int) -> bool:
    """Whether the title at ``start`` opens its phrase: at the start or after punctuation, or
    right after a verb whose subject it is or a particle."""
    if _OPENS.search(text, 0, start):
        return True
    before = text[max(0, start - 30) : start].rstrip().rsplit(" ", 1)[-1]
    bare = re.sub("[\u064b-\u0652\u0670\u0640]", "", before)
    return bare in _PARTICLES or bare in VERB_GENDER or (bare[1:] in VERB_GENDER and bare[:1] in "وف")


class TitleAgreement(Rule):
    """A title whose own words disagree in gender.

    What it catches:
        In Arabic, a title of a UN post (representative, rapporteur, independent expert,
        adviser, envoy, coordinator, high commissioner, director, permanent representative,
        personal envoy) whose head and its adjectives, or the ``المعني``/``المعنية`` ("on …")
        of its mandate, are of two genders: ``الممثلة الخاص``, ``المقرر الخاصة``, ``يطلب
        الأمين العامة``, ``الممثل الخاص للأمين العام المعنية بالأطفال``.  One of them was
        changed and the other left behind — typically a title copied from a text about the
        post's previous holder.  ``المعني``/``المعنية`` is read only where the title opens
        its phrase (at the start, after punctuation, a verb or a particle), since after a
        noun it may be that noun's (``فرقة العمل التابعة للأمين العام المعنية``, ``ولاية
        المقرر الخاص المعنية``); ``عام`` only as ``عامة`` (the masculine is also "year":
        ``المقررة عام 2021``, "scheduled for 2021"); head and adjective must both have the
        article or both lack it (``التعاون المنسق خاصة``, "coordinated cooperation, especially",
        is no title); and an indefinite title not with the participle ``منسق`` ("coordinated")
        nor with ``خاصة`` before a preposition (the adverb "especially").
    Why it matters:
        The reader cannot tell whether the post is held by a man or a woman, and the phrase
        is ungrammatical; revisers correct it on sight.
    Example:
        en: the Special Representative for Children and Armed Conflict, Virginia Gamba
        ar: الممثل الخاص للأمين العام المعنية بالأطفال والنزاع المسلح، فرجينيا غامبا
    Use instead:
        ar: الممثلة الخاصة للأمين العام المعنية بالأطفال والنزاع المسلح، فرجينيا غامبا
    Suppress:
        `mustalah: ignore GN006` in the unit's note.
    """

    code = "GN006"
    name = "title-agreement"
    category = "gender"
    severity = "warning"
    #: a title whose gender another gender rule reads (GN001 by the honorific, GN004 by the
    #: verb, GN005 by the person): theirs says more
    yields_to = ("GN001", "GN004", "GN005")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.in_lang("ar"):
            text = view.text
            for m in _TITLE.finditer(text):
                pre = re.sub(MARKS, "", m.group("pre") or "")
                definite = pre in ("ال", "لل", "بال")
                if definite != bool(m.group("adj_al")):
                    continue  # no title: an adjective after a noun (التعاون المنسق خاصة, "especially")
                read = [k for k in ("head", "adj", "second", "concerned") if m.group(k)]
                if m.group("adj") == "عام" and not m.group("adj_f"):
                    read.remove("adj")  # "year" (المقررة عام 2021), or the title agrees
                if "concerned" in read and (
                    pre in ("لل", "ل", "ب", "بال") or not _subject_position(text, m.start("title"))
                ):
                    read.remove("concerned")  # the title is another word's genitive or object
                if len({bool(m.group(k + "_f")) for k in read}) < 2:
                    continue
                if not definite and not self._indefinite_title(text, m):
                    continue
                yield self.finding(
                    ctx,
                    view,
                    m.start("title"),
                    m.end(),
                    f"the words of the title '{m.group('title')}' disagree in gender: one of them was "
                    "changed and the other left behind",
                )

    @staticmethod
    def _indefinite_title(text: str, m: re.Match[str]) -> bool:
        """An indefinite head and adjective are a title (``أول ممثل خاصة،``) unless the head is
        also a participle (``نهج منسق``, "a coordinated approach") or the adjective ``خاصة`` is
        the adverb "especially", a preposition after it."""
        if m.group("head") == "منسق":
            return False
        nxt = _NEXT_WORD.match(text, m.end())
        return not (m.group("adj_f") and nxt is not None and nxt.group(1) in _AFTER_ESPECIALLY)
