"""The rules' pre-filter: one cheap scan per side decides which rules can fire on a unit.

Most rules find nothing in most units, and many can only fire when a side holds a certain
kind of character (a digit, a tatweel, a bracket) or a certain kind of term match (a
deprecated form, a match with a spelling difference).  A rule states that necessary
condition as :attr:`Rule.needs <mustalah.checks.base.Rule.needs>`; the engine computes a
unit's *features* once — one regular-expression pass over each side's text for the
characters, one pass over its matches and near misses — and runs only the rules whose
needs the unit meets (issue 21).  A need is only ever a necessary condition: a rule that
might fire without it must not declare it (``tests/checks/test_prefilter.py`` lints the
corpora and generated texts with and without the pre-filter and compares the findings).

Needs are written as strings.  ``rule.needs`` is a tuple of groups that must *all* be
present; a group ``"a|b"`` is present when any of its alternatives is.  An alternative is
a feature name, alone (on either side) or qualified by where it must be: ``source:``,
``target:`` (that side), ``ar:``, ``en:`` (a side in that language), e.g. ``"ar:tatweel"``,
``"source:match"``, ``("source:match", "target:match")``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import ahocorasick

from ..termbase.model import Status
from ..text.normalize import fold_key
from .base import Rule, SideView, UnitContext
from .invisible import EMBEDDINGS, NBSPS, OVERRIDES, TATWEEL, ZERO_WIDTH

R = TypeVar("R", bound=Rule)
_INDIC = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"

#: Character features: a side has one when its text holds any of its characters.
CHARACTERS: dict[str, str] = {
    "digit": "0123456789" + _INDIC,
    "indic-digit": _INDIC,
    "slash": "/",
    "paren": "(",
    "bracket": '()[]{}«»"\u201c\u201d',
    "quote": '"\u201c\u201d«»',
    "placeholder": "%{",
    "latin-punct": ",;?",
    "vowel-mark": "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670",
    # the characters the invisible-character rules (IN001–IN005) report
    "tatweel": TATWEEL,
    "nbsp": "".join(NBSPS),
    "zero-width": "".join(ZERO_WIDTH),
    "bidi-embedding": "".join(EMBEDDINGS),
    "bidi-override": "".join(OVERRIDES),
}
#: Character features looked for in Arabic sides only (in English every text has them).
ARABIC_CHARACTERS: dict[str, str] = {
    "latin-lower": "abcdefghijklmnopqrstuvwxyz",
}
#: Word features: a side has one when its folded key holds one of the strings a rule's own
#: test looks for (folded: a string in the text, or in it less its vowel marks, is in the key).
#: Arabic sides use the first list, every other side the second.  Filled by :func:`_word_scans`.
WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
#: Features of a side's term matches and near misses.
VIEW_FEATURES: tuple[str, ...] = (
    "match",  # a term match
    "match:deprecated",  # … of a deprecated or superseded term
    "match:not-preferred",  # … of a term that is not the preferred one (admitted, deprecated …)
    "match:differs",  # … with a difference a fold hid
    "match:variant",  # … with such a difference, or the 'UN' abbreviation of a name
    "match:error-form",  # … that is an error form (an article on a construct head …)
    "match:gendered",  # … of a term with a grammatical gender
    "near:edit",  # a near miss one edit from a term
    "near:frame",  # a name frame with another head
    "near:confusion",  # a curated confusion
)
#: Features of the whole unit (no side).
UNIT_FEATURES: tuple[str, ...] = ("codes",)  # inline codes on either side

_WORD_FEATURES = ("month", "honorific", "personal", "united")
_SIDE_FEATURES = (*CHARACTERS, *ARABIC_CHARACTERS, *_WORD_FEATURES, *VIEW_FEATURES)
_QUALIFIERS = ("", "source:", "target:", "ar:", "en:")
_WIDTH = len(_SIDE_FEATURES)
#: Bit of each side feature (unqualified); a qualifier shifts it by a multiple of ``_WIDTH``.
_BIT = {name: 1 << i for i, name in enumerate(_SIDE_FEATURES)}
_UNIT_BIT = {name: 1 << (_WIDTH * len(_QUALIFIERS) + i) for i, name in enumerate(UNIT_FEATURES)}


def _char_bits(features: dict[str, str]) -> dict[str, int]:
    bits: dict[str, int] = {}
    for name, chars in features.items():
        for c in chars:
            bits[c] = bits.get(c, 0) | _BIT[name]
    return bits


_CHAR_BITS = _char_bits(CHARACTERS)
_AR_CHAR_BITS = {**_CHAR_BITS, **_char_bits(ARABIC_CHARACTERS)}
_SCAN = re.compile("[" + re.escape("".join(_CHAR_BITS)) + "]")
_AR_SCAN = re.compile("[" + re.escape("".join(_AR_CHAR_BITS)) + "]")
_NOT_PREFERRED = frozenset(s for s in Status if s is not Status.PREFERRED)
_DEPRECATED = frozenset({Status.DEPRECATED, Status.SUPERSEDED})


def feature_mask(alternative: str) -> int:
    """The bit of one need alternative (``"ar:tatweel"``); a ValueError names an unknown one."""
    if alternative in _UNIT_BIT:
        return _UNIT_BIT[alternative]
    shift = 0
    for k, qualifier in enumerate(_QUALIFIERS[1:], start=1):
        if alternative.startswith(qualifier):
            alternative, shift = alternative[len(qualifier) :], _WIDTH * k
            break
    if alternative not in _BIT:
        raise ValueError(f"unknown pre-filter feature {alternative!r}")
    return _BIT[alternative] << shift


def need_masks(needs: Sequence[str]) -> tuple[int, ...]:
    """A rule's needs as one bit mask per group (a unit meets a group when it shares a bit)."""
    return tuple(_group_mask(group) for group in needs)


def _group_mask(group: str) -> int:
    mask = 0
    for alternative in group.split("|"):
        mask |= feature_mask(alternative.strip())
    return mask


def side_bits(view: SideView) -> int:
    """The unqualified feature bits of one side: its characters, matches and near misses."""
    arabic = view.lang == "ar"
    table = _AR_CHAR_BITS if arabic else _CHAR_BITS
    bits = 0
    for c in set((_AR_SCAN if arabic else _SCAN).findall(view.text)):
        bits |= table[c]
    scans = _SCANS or _word_scans()
    for _end, word in scans[0 if arabic else 1].iter(view.folded.key):
        bits |= word
    matches = view.matches
    if matches:
        bits |= _BIT["match"]
        for m in matches:
            term = m.term
            status = term.status
            if status in _NOT_PREFERRED:
                bits |= _BIT["match:not-preferred"]
                if status in _DEPRECATED:
                    bits |= _BIT["match:deprecated"]
            if m.differences:
                bits |= _BIT["match:differs"] | _BIT["match:variant"]
            elif m.form == "un-abbreviated":
                bits |= _BIT["match:variant"]
            if m.error_form:
                bits |= _BIT["match:error-form"]
            if term.gender is not None:
                bits |= _BIT["match:gendered"]
    for near in view.near_misses:
        bits |= _NEAR_BITS.get(near.kind, 0)
    return bits


_SCANS: list[ahocorasick.Automaton] = []


def _word_scans() -> list[ahocorasick.Automaton]:
    """The word features' automata (Arabic sides, other sides), built on first use."""
    from ..text import dates
    from . import honorific_scan

    WORDS.update(
        {
            # every month a rule sees contains one (text.dates: ``_arabic_months``, ``english_months``)
            "month": (dates.AR_MONTH_NAMES, tuple({m[:3] for m in dates.EN_MONTHS})),
            # every honorific contains one (checks.honorific_scan: ``AR_HINT``, ``EN_HINT``)
            "honorific": (
                tuple({w.removeprefix("ال") for _, w, _ in honorific_scan.AR_HONORIFIC_FORMS.values()}),
                tuple(honorific_scan.EN_GENDERED_HONORIFICS),
            ),
            # ST001's stacked titles (checks.style: ``_PERSONAL_AR_CORE``, ``_PERSONAL_EN_CORE``)
            "personal": (("سيد", "دكتور", "د.", "أستاذ", "آنسة"), ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof")),
            # the orphan of a UN name that lost its للأمم, or the الأمم of one that lost its
            # المتحدة (checks.dropped_un)
            "united": (("المتحدة", "لامم"), ()),
        }
    )
    scans: list[ahocorasick.Automaton] = []
    for k in (0, 1):
        bits: dict[str, int] = {}
        for name, words in WORDS.items():
            for word in words[k]:
                key = fold_key(word)
                bits[key] = bits.get(key, 0) | _BIT[name]
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key, value in bits.items():
            automaton.add_word(key, value)
        automaton.make_automaton()
        scans.append(automaton)
    _SCANS[:] = scans
    return scans


_NEAR_BITS = {"edit": _BIT["near:edit"], "frame": _BIT["near:frame"], "confusion": _BIT["near:confusion"]}


def unit_features(ctx: UnitContext) -> int:
    """Every feature bit of a unit: each side's bits unqualified, by side and by language."""
    source, target = ctx.source, ctx.target
    bits = side_bits(source)
    mask = bits | bits << (_WIDTH * 1) | _lang_bits(source.lang, bits)
    if target is not None:
        bits = side_bits(target)
        mask |= bits | bits << (_WIDTH * 2) | _lang_bits(target.lang, bits)
    segment = ctx.segment
    if segment.source_codes or segment.target_codes:
        mask |= _UNIT_BIT["codes"]
    return mask


def _lang_bits(lang: str, bits: int) -> int:
    if lang == "ar":
        return bits << (_WIDTH * 3)
    if lang == "en":
        return bits << (_WIDTH * 4)
    return 0


@dataclass(slots=True)
class Prefilter:
    """Which of a list of rules a unit's features admit, decided once per distinct feature mask
    (a run sees a few dozen masks: the decision is a dictionary probe per unit)."""

    #: (id of the rule list, mask) → the admitted rules, in the list's order.
    _plans: dict[tuple[int, int], list[Any]] = field(default_factory=dict)
    #: id of a rule class → its need masks.
    _needs: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def admitted(self, rules: list[R], mask: int) -> list[R]:
        """The rules of ``rules`` (kept in order) whose every need group ``mask`` meets.

        Plans are kept by the list's identity: pass the same list objects for the whole run."""
        key = (id(rules), mask)
        plan: list[R] | None = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = [r for r in rules if self._meets(r, mask)]
        return plan

    def _meets(self, rule: Rule, mask: int) -> bool:
        needs = self._needs.get(id(type(rule)))
        if needs is None:
            needs = self._needs[id(type(rule))] = need_masks(type(rule).needs)
        return all(mask & group for group in needs)


def check_needs(rules: Iterable[type[Rule]]) -> None:
    """Raise ValueError for a rule whose ``needs`` names an unknown feature (a registry test)."""
    for rule in rules:
        try:
            need_masks(rule.needs)
        except ValueError as e:
            raise ValueError(f"{rule.code}: {e}") from None
