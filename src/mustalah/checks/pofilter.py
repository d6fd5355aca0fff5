"""translate-toolkit's pofilter checks, reused where they are sound for UN Arabic.

Each bilingual unit is run through ``translate.filters.checks.StandardChecker``
(configured for the target language; one checker per language per process), and
its failures become TT001 findings with the pofilter test name in the message.

Kept (``KEPT``): generic, language-neutral tests that nothing else here covers —
doublewords, doublespacing, startwhitespace, endwhitespace, newlines, tabs, urls,
emails, xmltags, escapes, purepunc.

Disabled for Arabic, and why:

* ``acronyms``, ``simplecaps``, ``startcaps`` — Arabic has no letter case
  (translate-toolkit itself ignores them for ``ar``); acronyms are AC001–AC004.
* ``endpunc``, ``startpunc``, ``puncspacing`` — they compare Latin with Arabic
  punctuation (``?`` vs ``؟``, ``"`` vs ``”``) and spacing conventions; PU001–PU005
  check Arabic punctuation properly.
* ``doublequoting``, ``singlequoting`` — UN Arabic quotes ”…“ differ from English
  "…" by design; PU004/PU005 check quotes.
* ``numbers`` — NU001 folds Arabic-Indic digits, ``٫``/``٬`` and number words.
* ``brackets`` — Arabic adds or drops parenthesised acronyms legitimately.
* ``sentencecount``, ``long``, ``short`` — Arabic translation merges and splits
  sentences and is routinely longer or shorter than the English.
* ``unchanged``, ``untranslated``, ``blank`` — UT001/UT002 report them once.
* ``printf``, ``pythonbraceformat``, ``variables``, ``functions``, ``filepaths``,
  ``options``, ``accelerators``, ``kdecomments``, ``credits``, ``simpleplurals``,
  ``validchars``, ``musttranslatewords``, ``notranslatewords``,
  ``compendiumconflicts`` — software-localization checks; placeholders are MK002
  and inline codes MK001; the others need configuration press texts do not have.
* ``spellcheck`` — SP002 uses Hunspell with the termbase word list.

Most units cannot fail any kept test (no tag, URL, e-mail, tab, newline, backslash, odd
spacing or repeated word): for an Arabic target a cheap pre-filter (``may_fail_ar``) says
so and the checker, about 80 µs a unit, is not run.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from ..model import Finding
from .base import Rule, UnitContext

KEPT: tuple[str, ...] = (
    "doublewords",
    "doublespacing",
    "startwhitespace",
    "endwhitespace",
    "newlines",
    "tabs",
    "urls",
    "emails",
    "xmltags",
    "escapes",
    "purepunc",
)


@functools.lru_cache(maxsize=8)
def checker_for(target_lang: str) -> Any:
    """One pofilter checker per target language per process (building one is slow)."""
    from translate.filters import checks

    config = checks.CheckerConfig(targetlanguage=target_lang)
    return checks.StandardChecker(config, excludefilters={}, limitfilters=list(KEPT))


def pofilter_failures(source: str, target: str, target_lang: str) -> dict[str, str]:
    """{test name: message} for the kept tests that fail on this pair."""
    if target_lang == "ar" and _PREFILTERED and not may_fail_ar(source, target):
        return {}
    return dict(_failures(source, target, target_lang))


#: What some kept test looks for: with none of these on either side, those tests pass.
_MARKERS = ("<", "\\", "@", "\t", "\n", "\r", "http", "www.", "ftp:")
#: A letter or digit (``str.isalnum``: the word characters but ``_``).
_ALNUM = re.compile(r"[^\W_]")
#: The tests ``may_fail_ar`` was written for (today exactly KEPT).  Keep this list apart: a test
#: added to KEPT turns the pre-check off until ``may_fail_ar`` learns what makes it fail.
_PREFILTER_KNOWS = frozenset(
    {
        "doublewords",
        "doublespacing",
        "startwhitespace",
        "endwhitespace",
        "newlines",
        "tabs",
        "urls",
        "emails",
        "xmltags",
        "escapes",
        "purepunc",
    }
)
_PREFILTERED = set(KEPT) <= _PREFILTER_KNOWS


def may_fail_ar(source: str, target: str) -> bool:
    """False when no kept test can fail on the pair with an Arabic target (then pofilter is not run).

    A cheap, conservative pre-filter, exact for the checker of ``checker_for("ar")`` (no
    accelerators, variables or valid double words; ``punctranslate`` only swaps , ; ? and
    quotes, so never changes end white space).  Failures are only ever dropped by the
    checker's preconditions, so "no test can fail" means no failures.  Tests, on the
    NFC-normalized pair as pofilter sees it:

    * newlines, tabs, escapes, xmltags, urls, emails: pass when neither side has a newline,
      tab, backslash, ``<``, ``http``/``www.``/``ftp:`` or ``@`` (nothing to count or find);
    * doublespacing: the counts of two spaces are equal;
    * startwhitespace, endwhitespace: neither side starts (ends) with white space;
    * purepunc: both sides have a letter or digit;
    * doublewords: no two successive words of the target (dots removed, lower case) are equal
      (no tags to strip: the target has no ``<``).
    """
    str1 = unicodedata.normalize("NFC", source)
    str2 = unicodedata.normalize("NFC", target)
    pair = f"{str1}\x00{str2}"  # a marker found across the join only costs a pofilter run
    for marker in _MARKERS:
        if marker in pair:
            return True
    if str1.count("  ") != str2.count("  "):
        return True
    if str1[:1].isspace() or str2[:1].isspace() or str1[-1:].isspace() or str2[-1:].isspace():
        return True
    if not _ALNUM.search(str1) or not _ALNUM.search(str2):
        return True
    words = str2.replace(".", "").lower().split()
    return any(a == b for a, b in itertools.pairwise(words))


@functools.lru_cache(maxsize=4096)
def _failures(source: str, target: str, target_lang: str) -> tuple[tuple[str, str], ...]:
    """The checker is a pure function of the pair: repeated units (common in TMs) run it once."""
    from translate.storage import base

    unit = base.TranslationUnit(source)
    unit.target = target
    failures = checker_for(target_lang).run_filters(unit)
    return tuple((name, str(msg)) for name, msg in failures.items() if name in KEPT)


class PofilterCheck(Rule):
    """A translate-toolkit pofilter test that fails on the unit.

    What it catches:
        The generic pofilter tests kept for UN Arabic — doublewords (a word
        repeated), doublespacing, start/end white space, newlines, tabs, URLs and
        e-mail addresses not copied, XML tags, escapes, pure punctuation.  The
        message names the pofilter test.  Tests that misfire on Arabic (startcaps,
        endpunc with ؟, quoting, numbers, brackets, sentence count, length…) are
        disabled; the list and reasons are in ``src/mustalah/checks/pofilter.py``.
        A word repeated as in the source (``Pago Pago`` = ``باغو باغو``) or as
        Arabic repeats it (``رويدا رويدا``) is no doubled word, nor a doubled
        letter of an acronym spelt out (``سي إن إن`` for CNN); double spaces are
        reported only where the target has them, and URLs are compared without
        the punctuation after them (``(https://…/pubmed/)،``).  The translator
        credits (``translator-credits``) hold names and addresses, no translation,
        and are not tested.
    Why it matters:
        These are cheap mechanical slips; reusing pofilter keeps the checks
        identical to what Pootle/Weblate users know.
    Example:
        en: More information is available at https://www.un.org/counterterrorism.
        ar: تتوفر معلومات إضافية في في الموقع الشبكي.
    Use instead:
        ar: تتوفر معلومات إضافية في الموقع الشبكي https://www.un.org/counterterrorism.
    Suppress:
        `mustalah: ignore TT001` in the unit's note, or `ignore = ["TT001"]`.
    """

    code = "TT001"
    name = "pofilter"
    category = "style"
    severity = "warning"
    scope = "bilingual"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None or not ctx.target.text.strip():
            return
        if ctx.source.text.strip() in _CREDITS:
            return  # a key the translator fills with names and addresses, not a text to translate
        tgt = ctx.target
        for test, message in sorted(pofilter_failures(ctx.source.text, tgt.text, tgt.lang).items()):
            if test == "doublewords" and _meant_twice(ctx.source.text, tgt.text):
                continue
            if test == "urls" and _urls(ctx.source.text) == _urls(tgt.text):
                continue  # (https://…/pubmed/)، : the Arabic comma after the bracket is no part of the URL
            if test == "escapes" and _escapes(ctx.source.text) == _escapes(tgt.text):
                continue  # ``professionalism\ and``: a stray backslash in prose is no escape to copy
            if test == "doublespacing" and "  " not in tgt.text:
                continue  # two spaces after a full stop in the source only: typing, nothing to copy
            start, end = _locate(test, tgt.text)
            yield self.finding(ctx, tgt, start, end, f"pofilter {test}: {message}")


#: The msgids GNOME (translator-credits) and KDE (Your names, Your emails) fill with the translators'
#: names and addresses: the target shares nothing with them, as pofilter's own ``credits`` test knows.
_CREDITS = frozenset({"translator-credits", "translator_credits", "Your names", "Your emails"})

_DOUBLED = re.compile(r"(?<!\w)(\w+)\s+\1(?!\w)", re.IGNORECASE)
#: Arabic words said twice on purpose: "gradually", "step by step", "one by one" (ST010 reads the
#: same list for Arabic text alone).
REDUPLICATED = frozenset({"رويدا", "رويداً", "خطوة", "واحدا", "واحداً", "شيئا", "قليلا", "قليلاً"})


#: A hyphen or dash right after a word, spaced or not: the word opens a compound name.
OPENS_COMPOUND = re.compile(r"\s*[-‐–]\s*\w")

#: The Arabic names of Latin letters, as an acronym is spelt out (CNN = سي إن إن, BBC = بي بي سي).
_LETTER_NAMES = {
    "إيه": "A", "أيه": "A", "بي": "BP", "سي": "C", "دي": "D", "إي": "E", "إف": "F", "جي": "G",
    "إتش": "H", "آي": "I", "جيه": "J", "كيه": "K", "إل": "L", "إم": "M", "إن": "N", "أو": "O",
    "كيو": "Q", "آر": "R", "إس": "S", "تي": "T", "يو": "U", "في": "V", "إكس": "X", "زد": "Z",
}  # fmt: skip
#: A word with two capitals or more: an acronym (CNN, DPP4, rRT-PCR).
_ACRONYM_WORD = re.compile(r"\b[A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*")


def _spelt_letters(word: str, source: str) -> bool:
    """``إن إن`` in ``سي إن إن`` for CNN: one letter of an acronym the source writes twice over."""
    letters = _LETTER_NAMES.get(word)
    if not letters:
        return False
    acronyms = (m.group().upper() for m in _ACRONYM_WORD.finditer(source))
    return any(a == b and a in letters for acronym in acronyms for a, b in itertools.pairwise(acronym))


def _meant_twice(source: str, target: str) -> bool:
    """Whether the target's repeated words are meant: the source repeats a word too (``Pago
    Pago`` = ``باغو باغو``, ``Bora Bora``), Arabic says it twice (``رويدا رويدا``), or the second
    opens a hyphenated name (``وغينيا وغينيا - بيساو``, Guinea and Guinea-Bissau)."""
    if _DOUBLED.search(source):
        return True
    return all(
        m.group(1) in REDUPLICATED
        or OPENS_COMPOUND.match(target, m.end())
        or _spelt_letters(m.group(1), source)
        for m in _DOUBLED.finditer(target)
    )


#: An escape sequence as software strings write it (``\n``, ``\t``, ``\"``, ``\\``, ``\u0627``): a
#: backslash before a space or a letter no language escapes is a typing slip in prose, not one.
_ESCAPE = re.compile(r"\\(?:[nrtvfab0\\\"']|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2})")


def _escapes(text: str) -> list[str]:
    """The text's escape sequences, sorted."""
    return sorted(_ESCAPE.findall(text))


_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\u060c\u061b]+")


def _urls(text: str) -> list[str]:
    """The text's URLs, without the punctuation a sentence puts after them, sorted."""
    return sorted(m.group().rstrip(".,;:!?") for m in _URL.finditer(text))


def _locate(test: str, text: str) -> tuple[int, int]:
    if test == "doublewords":
        m = re.search(r"(?<!\w)(\w+)\s+\1(?!\w)", text)
        if m:
            return m.start(), m.end()
    if test == "doublespacing":
        m = re.search(r"  +", text)
        if m:
            return m.start(), m.end()
    return 0, len(text)
