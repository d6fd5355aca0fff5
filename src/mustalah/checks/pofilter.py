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
"""

from __future__ import annotations

import functools
import re
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
    return dict(_failures(source, target, target_lang))


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
        tgt = ctx.target
        for test, message in sorted(pofilter_failures(ctx.source.text, tgt.text, tgt.lang).items()):
            start, end = _locate(test, tgt.text)
            yield self.finding(ctx, tgt, start, end, f"pofilter {test}: {message}")


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
