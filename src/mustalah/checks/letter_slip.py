"""SP007: a non-word one keystroke from a common UN word (a letter dropped, swapped or doubled)."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Finding
from ..text.dates import EN_MONTH_NAMES, ONE_WORD_MONTHS, in_a_date
from ..text.typos import MIN_LETTERS, dots_moved_slip, typo_correction
from .base import Rule, SideView, UnitContext
from .spelling import arabic_words, read_as_a_name


class LetterSlip(Rule):
    """A word the dictionary does not know, one keystroke from a common UN word.

    What it catches:
        An Arabic word of five letters or more that Hunspell and the termbase do not know and
        that is exactly one common word of UN Arabic (``data/common-words.txt``) with a
        letter dropped (``الفلسطنية``, ``المسؤلين``, ``سبتمر``), two letters swapped
        (``المستبقل``, ``السطلة``, ``ديسبمر``) or a letter typed twice (``والأمنن``,
        ``اللاجئيين``).  Left alone: a word two common words are one keystroke from, a letter
        "dropped" first in the word or first after its proclitics (``والونغو``, Walungu, is no
        ``والكونغو``), a word UN Arabic itself writes that the dictionary lacks (``أربيل``,
        Erbil, is not ``أبريل``: ``data/unlisted-words.txt``) and a word that spells a
        capitalized word of the English.  With no English beside the Arabic, names are the
        risk, so a stem must have four letters (``السيق``, the Siq of Petra), a word without
        the article, و or ف is mended only into a month (``ميلون كوثري`` is Miloon Kothari,
        ``كورييا`` Correa; ``سبتمر`` September), and a word read as a name by where it stands
        (after an honorific, a given name or a noun of a place, beside another unknown word) is
        left alone; a month's name mistyped is a slip even where it spells a capitalized word of
        the English, when that word is the month (``ديسبر`` beside "December").  A
        letter typed for another is not looked for: on real text it mends as many names as
        slips; only in a month's name is a letter with another's dots read (``سبتمير``).
    Why it matters:
        A dropped or swapped letter is the commonest typing slip; the word is no word, so a
        reader stumbles, a search misses it, and a term or a name with it is not matched.
        SP002 notes every unknown word; this says which word was meant.
    Example:
        en: the Palestinian Authority and its officials
        ar: السلطة الفلسطنية ومسؤوليها
    Use instead:
        ar: السلطة الفلسطينية ومسؤوليها
    Suppress:
        `mustalah: ignore SP007` in the unit's note; a name the dictionary lacks goes into the
        termbase or `words = [...]` under `[tool.mustalah.rules.SP002]`.
    """

    code = "SP007"
    name = "letter-slip"
    category = "spelling"
    severity = "warning"
    #: a term, confusion or spelling rule that reports the same word with its right form
    yields_to = ("TM002", "TM003", "TM005", "TM006", "TM008", "SP001", "SP005", "SP006", "ST007", "ST008")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view, m, bare, is_word in arabic_words(ctx):
            if len(bare) < MIN_LETTERS or is_word(bare):
                continue
            fix = typo_correction(bare, is_word, alone=not _beside_english(ctx, view))
            if fix is None:
                continue
            meant, slip = fix
            if dots_moved_slip(slip) and not in_a_date(view.text, m.start(), m.end()):
                continue  # a month's letter with another's dots only in a date: بيسان is Bisan, no نيسان
            # a month has one Arabic name: ``ديسبر`` beside "December" is that name mistyped, not
            # the English month written by its sound (but ``توليو`` beside "Tullio" is his name)
            if read_as_a_name(ctx, view, bare) and not _month_in_the_english(ctx, view, meant):
                continue
            message = f"'{bare}' is not a word: '{meant}' mistyped ({slip})?"
            suggestion = meant if m.group() == bare else None  # vowel marks: the reviser retypes it
            yield self.finding(ctx, view, m.start(), m.end(), message, suggestion=suggestion)


def _beside_english(ctx: UnitContext, view: SideView) -> bool:
    """Whether the unit has a side in a Latin-script language beside this Arabic one."""
    other = ctx.target if view is ctx.source else ctx.source
    return other is not None and other.lang.split("-")[0] != "ar" and bool(other.text.strip())


def _month_in_the_english(ctx: UnitContext, view: SideView, meant: str) -> bool:
    """Whether ``meant`` is a month the other side names in English (``ديسبر`` beside "December")."""
    month = ONE_WORD_MONTHS.get(meant)
    other = ctx.target if view is ctx.source else ctx.source
    if month is None or other is None or not _beside_english(ctx, view):
        return False
    return EN_MONTH_NAMES[month].lower() in other.text.lower()
