"""A verb and the honorific right after it disagree in gender (GN004).

Arabic puts the verb first, and a verb directly followed by its subject agrees with it:
``قالت السيدة``, ``قال السيد``.  ``وقال السيدة كوبيش`` is a slip whichever word is wrong, and
one a reviser catches by ear; the source need not tell (``Mr. Kubiš said … Mr. Kubiš added``
is rendered with one honorific, so GN002 cannot pair them).

Only verbs whose subject the next word must be are listed: speech and report verbs, verbs
whose object is a thing (``افتتح``، ``ألقى``) and verbs of going and acting (``وصل``، ``قام``),
in the past and the present (``يقول``/``تقول``).  A verb that can take a person as its
object (``استقبل السيدة``, "he received Ms. …"; ``دعا``، ``شكر``، ``عيّن``) is left out, and so
is an honorific with a proclitic (``بالسيدة``, ``للسيد``): it is no subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..matching.types import TermMatch
from ..model import Finding
from ..termbase.model import Gender
from ..text.arabic import GIVEN_NAMES
from ..text.typos import common_words
from .base import Rule, SideView, UnitContext
from .honorific_scan import honorifics
from .policy import is_person
from .spelling import dictionary_word

#: Past-tense verbs in the masculine; the feminine adds ت (ألقى → ألقت).
_MASCULINE_VERBS = (
    "قال", "أضاف", "أكد", "أشار", "شدد", "أعرب", "صرح", "أوضح", "تحدث", "أعلن", "افتتح",
    "ألقى", "أدلى", "ترأس", "اختتم", "شارك", "أشاد", "نوه", "رحب", "لفت", "اعتبر", "تابع",
    "قام", "وصل", "اجتمع", "عاد", "أدان", "مضى",
)  # fmt: skip
#: Present-tense verbs of the same kind, in the masculine (ي); the feminine opens with ت.  Not a
#: form that is also a noun before a title (``توجه المفوضة`` "the High Commissioner's approach",
#: ``تلقي الأمين العام`` "the Secretary-General's receipt").
_MASCULINE_PRESENT = (
    "يقول", "يضيف", "يؤكد", "يشير", "يشدد", "يعرب", "يوضح", "يعلن", "يرحب", "يعمل", "يختتم", "يشارك",
    "يترأس",
)  # fmt: skip


def _feminine(verb: str) -> str:
    return verb[:-1] + "ت" if verb.endswith("ى") else verb + "ت"


VERB_GENDER = (
    {v: Gender.MASCULINE for v in (*_MASCULINE_VERBS, *_MASCULINE_PRESENT)}
    | {_feminine(v): Gender.FEMININE for v in _MASCULINE_VERBS}
    | {"ت" + v[1:]: Gender.FEMININE for v in _MASCULINE_PRESENT}
)
#: The termbase domains whose gendered terms can be the verb's subject besides the honorifics.
_SUBJECTS = frozenset({"posts", "people"})
#: The verb (with و or ف) that ends the text before an honorific, one space between.
_VERB_BEFORE = re.compile(
    r"(?<![\w\u0640])[وف]?(" + "|".join(sorted(VERB_GENDER, key=len, reverse=True)) + r") $"
)
#: The verb, a name of one to four words, and the comma of an apposition before a title:
#: ``قالت إنغر أندرسن، المديرة التنفيذية`` (the name is the verb's subject, the title is hers).
_VERB_NAME_COMMA = re.compile(
    r"(?<![\w\u0640])[وف]?(" + "|".join(sorted(VERB_GENDER, key=len, reverse=True)) + r")"
    r" ((?:[\u0621-\u064a\-]+ ){0,3}[\u0621-\u064a\-]+)، $"
)
#: Words that are no part of a name: what follows the verb is a clause or a phrase, not its subject.
_NOT_NAME = frozenset((
    "في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "أنه", "إنه", "أنها", "إنها", "إنّ", "أنّ",
    "لا", "لم", "لن", "قد", "إذ", "إذا", "كما", "ما", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم",
    "اليوم", "أمس", "غدا", "الآن", "أيضا", "أيضاً", "بعد", "قبل", "عند", "لدى", "حول", "بين",
    "خلال", "منذ", "ثم", "أو", "أم", "بل", "كل", "عام", "يوم", "وقد", "فقد", "كان", "كانت", "إلا",
    "حيث", "التي", "الذي", "الذين",
))  # fmt: skip


class VerbHonorificGender(Rule):
    """A verb and the honorific, title or person right after it, its subject, disagree in gender.

    What it catches:
        In Arabic, a speech, report or going verb (past or present) directly followed by a
        gendered honorific of the other gender (``وقال السيدة``, ``وأضافت السيد``), by a
        title of the other gender (``قام الممثلة الخاصة``) or by a person the termbase knows
        (``وأشاد غادة فتحي والي``), or by a name of up to four words and a comma before a
        title apposed to it (``ويقول عبد الرحمن غندور، الممثلة الخاصة``).  The verb before its
        subject agrees with it, so one of the two words is wrong.  A woman's masculine title
        after a feminine verb (``قالت المدير التنفيذي``), which older UN Arabic kept, is a
        warning.  Verbs that often take a person as object (``استقبل``، ``دعا``، ``شكر``،
        ``عيّن``، ``التقى``), forms that are also nouns (``توجه``، ``تلقي``), words with a
        proclitic, a person's one-word short form (``والي`` is also "governor"), a phrase,
        an object, two people or a person the termbase knows before the comma (``وقالت في
        بيان،``, ``وأشاد بجهود ميشيل باشليه،``, ``وقال ديفيد بيزلي وهنرييتا فور،``) and a
        one-word title after it (``الرئيس`` may head a longer one: ``الرئيس التنفيذي``) are
        not read.  It yields to GN001, GN002 and GN005,
        which know which word is wrong.
    Why it matters:
        The slip changes who is speaking or reads as broken Arabic; revisers hear it,
        and a rendering that gives the honorific once (``Mr. Kubiš said … Mr. Kubiš
        added``) leaves GN002 nothing to pair.
    Example:
        en: "These are cowardly attacks", Mr. Kubiš said.
        ar: وقال السيدة كوبيش "إن هذه الهجمات …"
    Use instead:
        ar: وقال السيد كوبيش "إن هذه الهجمات …"
    Suppress:
        `mustalah: ignore GN004` in the unit's note.
    """

    code = "GN004"
    name = "verb-honorific-gender"
    category = "gender"
    severity = "error"
    #: pre-filter (checks.prefilter): an honorific, or a title with a grammatical gender
    needs = ("honorific|match:gendered",)
    #: the honorific GN001 (title) or GN002 (source) finds: one finding, theirs says which word is wrong
    yields_to = ("GN001", "GN002", "GN005")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            if view.lang.split("-")[0] != "ar":
                continue
            for h in honorifics(view):
                if h.clitics or h.gender not in (Gender.MASCULINE, Gender.FEMININE):
                    continue
                m = _VERB_BEFORE.search(view.text, max(0, h.start - 20), h.start)
                if m is None:
                    continue
                verb_gender = VERB_GENDER[m.group(1)]
                if verb_gender is h.gender:
                    continue
                yield self.finding(
                    ctx,
                    view,
                    m.start(1),
                    h.end,
                    f"the verb '{m.group(1)}' is {verb_gender.value} but its subject "
                    f"'{view.text[h.start : h.end]}' is {h.gender.value}",
                )
            yield from self._titles(ctx, view)

    def _titles(self, ctx: UnitContext, view: SideView) -> Iterable[Finding]:
        """A title, or a person the termbase knows, with a gender right after the verb: its subject."""
        read = {h.start for h in honorifics(view)}
        for match in view.matches:
            gender = match.term.gender
            if match.clitics or gender not in (Gender.MASCULINE, Gender.FEMININE) or match.start in read:
                continue  # (السيدة is a term too: the honorific, read above)
            concept = ctx.termbase.get(match.concept_id)
            if concept is None or concept.domain not in _SUBJECTS:
                continue
            if concept.domain == "people" and " " not in match.surface.strip():
                continue  # والي (Ghada Waly's short form) is also "governor": وقال والي الخرطوم
            m = _VERB_BEFORE.search(view.text, max(0, match.start - 20), match.start)
            if m is None and concept.domain == "posts" and " " in match.surface.strip():
                # (a one-word title after a name is often the head of a longer one the
                # termbase lacks: هاريت لامب، الرئيس التنفيذي, a chief executive, not a chair)
                m = _named_before(ctx, view, match.start)
            if m is None or VERB_GENDER[m.group(1)] is gender:
                continue
            verb_gender = VERB_GENDER[m.group(1)]
            role = "its subject" if m.end(1) + 1 == match.start else "the title apposed to its subject"
            # قالت المدير التنفيذي: a woman with a masculine title, kept in older UN Arabic (GN001's
            # policy): a warning; a feminine title after a masculine verb is a slip either way
            womans_post = gender is Gender.MASCULINE and concept.domain == "posts"
            yield self.finding(
                ctx,
                view,
                m.start(1),
                match.end,
                f"the verb '{m.group(1)}' is {verb_gender.value} but {role} "
                f"'{view.text[match.start : match.end]}' ({match.concept_id}) is {Gender(gender).value}"
                + ("; a woman's post is feminine in UN Arabic, or the verb is wrong" if womans_post else ""),
                concept=match.concept_id,
                severity="warning" if womans_post else None,
            )


def _named_before(ctx: UnitContext, view: SideView, start: int) -> re.Match[str] | None:
    """The verb before a name and a comma that end just before ``start`` (a title apposed to
    the verb's subject), or None when what stands between them may be no name, or another's."""
    text = view.text
    m = _VERB_NAME_COMMA.search(text, max(0, start - 80), start)
    if m is None:
        return None
    words = m.group(2).split()
    first = words[0]
    if (
        # a surname may take the article (خالد الخياري, عبد الرحمن), a subject's first word may
        # not: ``قال المتحدث، …`` is a title, read by the checks of titles
        first.startswith(("ال", "بال", "لل", "وال"))
        or any(w in _NOT_NAME for w in words)
        # the verb's object or a phrase, the title another person's: ``وأشاد بجهود ميشيل باشليه``,
        # ``ورحب بتعيين``, ``واجتمع بفرجينيا غامبا``, ``وأدان اغتيال ناشطة``, ``يعلن تعيين``
        or (first[:1] in "بل" and first not in GIVEN_NAMES)
        or (first not in GIVEN_NAMES and (first in common_words() or dictionary_word(first, "ar")))
        # two people (``وقال ديفيد بيزلي وهنرييتا فور، المديرة التنفيذية``): the title is the second's
        or any(w.startswith("و") for w in words[1:])
        # a person the termbase knows: GN005 reads the title beside the person, the verb above
        or any(is_person(ctx.termbase, t.concept_id) for t in _within(view, m.start(2), m.end(2)))
    ):
        return None
    return m


def _within(view: SideView, start: int, end: int) -> list[TermMatch]:
    """The term matches of ``view`` that overlap ``start``–``end``."""
    return [t for t in view.matches if t.start < end and start < t.end]
