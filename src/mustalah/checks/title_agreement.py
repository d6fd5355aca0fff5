"""GN006: a title whose own words disagree in gender (``الممثلة الخاصة للأمين العام المعني``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding
from .base import Rule, UnitContext

#: Vowel marks and tatweel a published word may carry between its letters (``المعنيّة``).
_MARKS = "[\u064b-\u0652\u0670\u0640]*"


def _word(letters: str) -> str:
    """A pattern for ``letters`` with any vowel marks or tatweel between them."""
    return _MARKS.join(re.escape(ch) for ch in letters) + _MARKS


def _either(*words: str) -> str:
    return "(?:" + "|".join(_word(w) for w in sorted(words, key=len, reverse=True)) + ")"


#: The heads of the UN's gendered posts whose title takes an adjective of its own, masculine
#: form first (the feminine adds ة): the representative, rapporteur, expert, adviser, envoy …
_HEADS = ("ممثل", "مقرر", "خبير", "مستشار", "مبعوث", "منسق", "مفوض", "مدير", "أمين")
#: The adjectives of those titles, masculine (the feminine adds ة): special, independent,
#: high, executive, resident, regional, general.
_ADJECTIVES = ("خاص", "مستقل", "سامي", "تنفيذي", "مقيم", "إقليمي", "عام")
#: A second adjective some titles take (the Joint Special Representative, a deputy's "assistant").
_SECOND = ("مشترك", "مساعد")
_LETTER = "\u0621-\u064a\u0671"
_TITLE = re.compile(
    rf"(?<![{_LETTER}\u064b-\u0652\u0670\u0640])(?:و|ف)?(?:ال|لل|بال)?"
    rf"(?P<head>{_either(*_HEADS)})(?P<head_f>{_word('ة')})?"
    rf" (?:{_word('ال')})?(?P<adj>{_either(*_ADJECTIVES)})(?P<adj_f>{_word('ة')})?"
    rf"(?: (?:{_word('ال')})?(?P<second>{_either(*_SECOND)})(?P<second_f>{_word('ة')})?)?"
    rf"(?P<complement> {_word('للأمين')} {_word('العام')}| {_word('للأمم')} {_word('المتحدة')})?"
    rf"(?: (?P<concerned>{_word('ال')}?{_word('معني')})(?P<concerned_f>{_word('ة')})?)?"
    rf"(?![{_LETTER}\u064b-\u0652\u0670\u0640])"
)
#: A title's head in construct before this title, which is then its genitive: ``المعنية`` after
#: ``ممثلة الأمين العام`` (the SG's Representative) is the representative's, not the SG's.
_HEAD_BEFORE = re.compile(rf"(?:{_either(*_HEADS, 'نائب')}){_word('ة')}? $")
#: A feminine noun in construct before the title whose adjective a feminine ``المعنية`` may be
#: (``ولاية المقرر الخاص المعنية``, "the rapporteur's mandate on …"): that word is not read.
_FEMININE_BEFORE = re.compile(rf"(?:{_either('ولاية', 'بعثة', 'زيارة', 'رسالة', 'ولايات')}) $")


class TitleAgreement(Rule):
    """A title whose own words disagree in gender.

    What it catches:
        In Arabic, a title of a UN post (representative, rapporteur, independent expert,
        adviser, envoy, coordinator, high commissioner, director) whose head and its
        adjective, or the ``المعني``/``المعنية`` ("on …") of its mandate, are of two
        genders: ``الممثلة الخاص``, ``المقرر الخاصة``, ``الممثل الخاص للأمين العام المعنية
        بالأطفال``.  One of them was changed and the other left behind — typically a title
        copied from a text about the post's previous holder.  ``المعنية`` after a feminine
        noun in construct before the title (``ولاية المقرر الخاص المعنية``, "the mandate
        on …") is not read.
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
            for m in _TITLE.finditer(view.text):
                read = [k for k in ("head", "adj", "second", "concerned") if m.group(k)]
                if "concerned" in read and (
                    _HEAD_BEFORE.search(view.text, 0, m.start())
                    or (m.group("concerned_f") and _FEMININE_BEFORE.search(view.text, 0, m.start()))
                ):
                    # the title is another's genitive, المعنية that one's (ممثلة الأمين العام
                    # المعنية بالأطفال), or the mandate's (ولاية المقرر الخاص المعنية)
                    read.remove("concerned")
                if len({bool(m.group(k + "_f")) for k in read}) < 2:
                    continue
                words = " ".join(f"'{m.group(k)}{m.group(k + '_f') or ''}'" for k in read)
                yield self.finding(
                    ctx,
                    view,
                    m.start("head"),
                    m.end(),
                    f"the words of the title disagree in gender ({words}): one of them was "
                    "changed and the other left behind",
                )
