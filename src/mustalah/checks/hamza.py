"""Hamza slips: a hamza left off a word that needs one, written on a hamzat al-wasl, or on the wrong seat.

The commonest slip in the Arabic of UN agencies' and missions' own pages (the Arabic-only blind
sets of ``corpora/real-ar``): ``الامم``, ``الاردن``, ``ايضا``, ``الانسانية`` with a bare alef, and
``إجتماع``, ``الإستقرار``, ``إنقضاء`` with a hamza the verbal noun of a derived form never takes.
Hunspell (SP002's dictionary) does not know the written word and knows the corrected one.

Two guards keep names and real words out:

* a hamza is added only to make a stem UN Arabic writes (``data/hamza-stems.txt``,
  ``scripts/build_word_lists.py``), not merely one Hunspell knows: Hunspell accepts ``أ`` + almost
  any verb stem ("I …"), so ``أشتية`` would pass and ``محمد اشتية`` (Mohammad Shtayyeh) be
  "corrected", and of ``الامل`` it knows ``الآمل`` as well as ``الأمل``; and only after the article
  or at the start of a word, never after a proclitic alone (``دي واين``, DeWine, is no و + أين);
* a hamza is never added to a hamzat al-wasl (``الاثني عشر``, ``اسم``, ``ابن``, ``امرأة``, the
  verbal nouns of forms VII, VIII and X), and taken off only in those shapes.

The stems and the shapes, and the mended spelling, are in ``text/hamza.py`` (SP002 asks it too).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Finding
from ..text.hamza import SHORT_WORDS_WITHOUT_HAMZA, hamza_correction, hamza_lost_inside
from .base import Rule, UnitContext
from .spelling import arabic_words, respell, spells_a_latin_name


class HamzaSlip(Rule):
    """A hamza left off a word that needs one, written on a hamzat al-wasl, or on the wrong seat.

    What it catches:
        An Arabic word the dictionary does not know that is a known word once its first alef
        (after the article, or opening the word) takes its hamza — ``الامم``, ``الاردن``,
        ``ايضا``, ``الانسانية``, ``اعادة`` — or loses one it cannot take: the verbal nouns of
        forms VII, VIII and X, ``اسم``, ``اثنان`` (``إجتماع``, ``الإستقرار``, ``إنقضاء``,
        ``بإسم``; over the alef, after the article or in ``اسم``, ``ابن``, ``امرأة``, ``اثنان``
        and form VIII only: ``بأستانا`` is Astana), or has it on the wrong seat of its alef
        after the article (``الإجانب`` for الأجانب; not a name: ``إدوار`` is Édouard,
        not ``أدوار``) or in ``إبريل``.  Short words the stem test cannot read are listed:
        ``الى``, ``اليه``, ``اليها``, ``الف``, ``الاف`` (their alef and lam look like the
        article) and the two-letter ``او`` (a name's middle initial too: UN Arabic writes Geir
        O. Pedersen ``غير أو بيدرسن``); ``والى`` is left alone (the verb, or والي with its ى
        slip), and so are ``اليك`` and ``الينا`` (Alec, Alina).  The
        hamzated stem must be one UN Arabic writes (``data/hamza-stems.txt``);
        a word that spells a capitalized word of the English (a name) is left alone.  When two
        hamzas make such words (``الاعمار``: الأعمار, الإعمار), both are named and nothing is
        suggested.  A hamza lost on an alef inside the word (``تاثير``, ``المراة``) is read when
        the mended word is one UN Arabic writes often (``data/common-words.txt``), so that a
        name keeps its alef (``تامر``, Tamer).
    Why it matters:
        UN Arabic writes every hamzat al-qat' and none on a hamzat al-wasl; a bare alef is
        the mark of a hurried or machine-stripped text, and it breaks search and term
        matching (``الامم المتحدة`` is not ``الأمم المتحدة`` to a TM).
    Example:
        en: the Special Representative of the United Nations Secretary-General
        ar: الممثل الخاص للامين العام للامم المتحدة
    Use instead:
        ar: الممثل الخاص للأمين العام للأمم المتحدة
    Suppress:
        `mustalah: ignore SP005` in the unit's note.
    """

    code = "SP005"
    name = "hamza-slip"
    category = "spelling"
    severity = "warning"
    #: a term, confusion or State-name rule that reports the same word with its right form
    yields_to = ("TM002", "TM003", "TM005", "TM006", "TM008", "SP001", "ST007")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view, m, bare, is_word in arabic_words(ctx):
            if len(bare) < 2 or not ({"ا", "أ", "إ"} & set(bare[:6])):
                continue
            # every two-letter word is "known" to the dictionary test: او is read here (أو)
            if is_word(bare) and not (len(bare) == 2 and bare in SHORT_WORDS_WITHOUT_HAMZA):
                continue
            fix = hamza_correction(bare, is_word) or hamza_lost_inside(bare, is_word)
            if fix is None or spells_a_latin_name(ctx, view, bare):
                continue
            token = m.group()
            kind, seat, words = fix
            suggestion = respell(token, seat, words[0][seat]) if len(words) == 1 else None
            if kind == "seat" and token != bare:
                suggestion = None  # الإِجانب: the kasra goes with the seat; the reviser retypes it
            if kind == "wasl":
                message = f"'{bare}' has a hamza on a hamzat al-wasl: UN Arabic writes '{words[0]}'"
            elif kind == "seat":
                message = f"'{bare}' has its hamza on the wrong seat: UN Arabic writes '{words[0]}'"
            elif suggestion is not None:
                message = f"'{bare}' has lost its hamza: UN Arabic writes '{words[0]}'"
            else:
                message = f"'{bare}' has lost a hamza: " + " or ".join(f"'{w}'" for w in words)
            yield self.finding(ctx, view, m.start(), m.end(), message, suggestion=suggestion)
