"""The rules' pre-filter (``Rule.needs``, ``checks.prefilter``) never hides a finding.

A need must be a necessary condition of every finding and fact its rule makes.  Three ways
of holding the rules to that: the character and word features contain every character and
word the rules' own patterns look for; linting the corpora with and without the pre-filter gives the same
findings and facts; and on thousands of generated units (corpus sentences with digits,
brackets, marks, invisible characters, month names, placeholders, Latin words, inline codes
… put in at random places) every finding of an unfiltered run falls on a unit whose features
meet its rule's needs.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from mustalah.checks import (
    brackets,
    honorific_scan,
    marks,
    markup,
    numbers,
    prefilter,
    punctuation,
    style,
    untranslated,
)
from mustalah.checks.base import CorpusRule
from mustalah.checks.prefilter import ARABIC_CHARACTERS, CHARACTERS, feature_mask, need_masks, unit_features
from mustalah.checks.registry import ALL_RULES
from mustalah.lint.engine import LintSettings, index_for, lint_segments, unit_context
from mustalah.lint.inputs import expand_inputs, lint_input
from mustalah.model import InlineCode, Segment
from mustalah.text import dates

ROOT = Path(__file__).resolve().parents[2]
_ALL = LintSettings(prefilter=False)
_BMP = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]


def test_every_need_names_a_known_feature() -> None:
    prefilter.check_needs(ALL_RULES)
    assert sum(1 for r in ALL_RULES if r.needs) >= 30
    with pytest.raises(ValueError, match="unknown pre-filter feature"):
        need_masks(("ar:no-such-feature",))


@pytest.mark.parametrize(
    ("feature", "pattern"),
    [
        ("bracket", brackets._BRACKET_RE),
        ("bracket", brackets._QUOTE_RE),  # PU004 counts the quotation marks too
        ("quote", brackets._QUOTE_RE),
        ("latin-punct", punctuation._LATIN_PUNCT),
        ("vowel-mark", marks._MARK_RUN),
        ("indic-digit", style._NON_WESTERN_DIGIT),
        ("digit", numbers.NUMBER),
        ("latin-lower", untranslated._LATIN_LOWER),
    ],
)
def test_character_features_hold_what_the_rules_look_for(feature: str, pattern: object) -> None:
    """Every character that can start a match of the rule's own pattern is in the feature."""
    chars = CHARACTERS.get(feature) or ARABIC_CHARACTERS[feature]
    starts = [c for c in _BMP if pattern.match(c) or pattern.match(c + "1")]  # type: ignore[attr-defined]
    assert starts and not [c for c in starts if c not in chars], feature


def _side_mask(text: str, lang: str) -> int:
    termbase, index = index_for(None)
    segment = Segment(file="f", unit="1", index=0, source=text, target=None, source_lang=lang)
    return unit_features(unit_context(segment, termbase, index, _ALL, {}))


def test_word_features_hold_every_month_honorific_and_title_the_rules_find() -> None:
    month, honorific, personal = (feature_mask(name) for name in ("month", "honorific", "personal"))
    for name in [*dates.GREGORIAN_AR, *dates.LEVANTINE_AR]:
        for text in (f"في 8 {name} 2020", f"في 8 {name[0]}\u064e{name[1:]} 2020"):  # and with a vowel mark
            assert dates.arabic_months(text) and _side_mask(text, "ar") & month, text
    for name in dates.EN_MONTHS:
        assert _side_mask(f"on 8 {name} 2020", "en") & month, name
    for surface in honorific_scan.AR_HONORIFIC_FORMS:
        assert _side_mask(f"وقال {surface} أحمد", "ar") & honorific, surface
    for surface in honorific_scan.EN_GENDERED_HONORIFICS:
        assert _side_mask(f"said {surface} Smith", "en") & honorific, surface
    for text, lang in (("قال الدكتور السيد أحمد", "ar"), ("said Dr. Mr. Smith", "en"), ("Prof Dr Lee", "en")):
        assert _side_mask(text, lang) & personal, text
    assert not _side_mask("اجتمع المركز في نيويورك", "ar") & (month | honorific | personal)


def test_placeholders_start_with_a_placeholder_character() -> None:
    assert markup._placeholders("no placeholder here") == []
    for text in ("%s", "{0}", "%1$d", "{name}"):
        assert markup._placeholders(text) and text[0] in CHARACTERS["placeholder"]


def test_the_corpora_give_the_same_findings_with_and_without_the_prefilter() -> None:
    paths = expand_inputs([str(ROOT / "corpora")])
    assert len(paths) > 10
    units = 0
    for path in paths:
        full, filtered = lint_input(path, _ALL), lint_input(path, LintSettings())
        assert filtered.findings == full.findings, path
        assert filtered.facts == full.facts, path
        units += full.units
    assert units > 1000


_PIECES_ANY = (
    "3", "٣", "۳", "2021", "٢٠٢١", "1,500", "15 March 2021", "(UNOCT)", "(UNDP/UNICEF)", "(x)", "[1]", "{0}",
    "%s", "%1$d", "«", "»", '"', "\u201c", "\u201d", "/", "S/RES/2178 (2014)", "A/76/L.1", "\u0640",
    "\u00a0", "\u202f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202a", "\u202b",
    "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u064e", "\u0651", "\u0670",
    ",", ";", "?", "  ", " (", ") ", "Mr. ", "Ms. ", "Dr. Mr. ", "organisation", "December", "May",
)  # fmt: skip
_PIECES_AR = (
    "السيد ", "السيدة ", "الدكتور السيد ", "كانون الأول/ديسمبر", "كانون الثاني/ديسمبر", "ديسمبر",
    "آذار / مارس", "تموز", "في 8 ", "المديرة التنفيذية", "المدير التنفيذي", "مكتب الأمم المتحدة",
    "حفلة النقاش", "the report", "Security Council", "وال", "التطرف العنفي",
    "لجنة الأمم المتحدة لمكافحة الإرهاب", "وقال السفير ", "Mrs. ", "Miss ",
)  # fmt: skip


def _perturb(rng: random.Random, text: str, pieces: tuple[str, ...]) -> str:
    for _ in range(rng.randint(0, 4)):
        i = rng.randint(0, len(text))
        text = text[:i] + rng.choice(pieces) + text[i:]
    return text


def _pairs() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for folder in sorted((ROOT / "corpora" / "releases").iterdir()):
        en, ar = folder / "en.txt", folder / "ar.txt"
        if en.exists() and ar.exists():
            en_lines = [ln for ln in en.read_text(encoding="utf-8").splitlines() if ln.strip()]
            ar_lines = [ln for ln in ar.read_text(encoding="utf-8").splitlines() if ln.strip()]
            pairs += list(zip(en_lines, ar_lines, strict=False))
    return pairs


def _generated(seed: int, count: int) -> list[Segment]:
    rng = random.Random(seed)
    pairs = _pairs()
    segments: list[Segment] = []
    for k in range(count):
        en, ar = rng.choice(pairs)
        en = _perturb(rng, en, _PIECES_ANY)
        ar = _perturb(rng, ar, _PIECES_ANY + _PIECES_AR)
        codes: tuple[InlineCode, ...] = ()
        if rng.random() < 0.1:
            codes = (InlineCode("ph", str(rng.randint(1, 2)), rng.randint(0, 5)),)
        target = ar if rng.random() < 0.95 else rng.choice(("", en, None))
        segments.append(
            Segment(
                file="gen.tsv",
                unit=str(k + 1),
                index=k,
                source=en,
                target=target,
                source_lang="en",
                target_lang="ar",
                source_codes=codes if rng.random() < 0.5 else (),
                target_codes=codes if rng.random() < 0.5 else (),
            )
        )
    return segments


@pytest.mark.parametrize("seed", [1, 2])
def test_every_finding_falls_on_a_unit_its_rule_admits(seed: int) -> None:
    segments = _generated(seed, 1500)
    termbase, index = index_for(None)
    full = lint_segments(segments, _ALL, "gen.tsv")
    assert lint_segments(segments, LintSettings(), "gen.tsv").findings == full.findings
    masks = {s.unit: unit_features(unit_context(s, termbase, index, _ALL, {})) for s in segments}
    needs = {r.code: need_masks(r.needs) for r in ALL_RULES}
    fired: set[str] = set()
    for f in full.findings:
        fired.add(f.code)
        mask = masks[f.unit]
        assert all(mask & group for group in needs[f.code]), (f.code, f.unit, f.text, f.message)
    facts = dict(full.facts)
    for rule in ALL_RULES:
        if issubclass(rule, CorpusRule):
            for fact in facts.get(rule.code, ()):
                fired.add(rule.code)
                mask = masks[fact.finding.unit]
                assert all(mask & group for group in needs[rule.code]), (rule.code, fact.key)
    # the generated units do exercise the pre-filtered rules
    assert len(fired & {r.code for r in ALL_RULES if r.needs}) >= 25, sorted(fired)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
