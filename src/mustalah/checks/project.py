"""Project checks: a team's own rules written as data, no code (``lint.checkfile`` reads them).

A check says: when the **source** has a word or phrase (``source``, any of a list) or matches a
regular expression (``source-regex``), the **target** must have one of ``target`` / match
``target-regex``, or must not have any of ``target-not`` / match ``target-not-regex``.  With no
source condition the target condition holds for every unit (``target-not-regex: ","`` for a
target language).  ``source-lang`` / ``target-lang`` restrict it to a language pair.

Plain words match whole words: Latin case-insensitively; Arabic through diacritics and tatweel,
with the proclitics (و ف ب ك ل, the article, ل + ال → لل) allowed on the first word, as the
termbase matcher allows them.  A target regex may use the source regex's groups, Verifika-style:
``source-regex: '(\\d+) participants'`` with ``target-regex: '\\1 مشارك'`` asks for the same
number in the target (each source match is checked with its own groups, escaped).

A missing target form is reported on the source span that asked for it; a forbidden one on the
target span that has it.  Each spec becomes a rule class (:func:`rule_class`), so
select/ignore, suppression, baselines and every report treat it as any other rule.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Finding, Severity
from ..text.arabic import spelt_with_marks
from .base import Rule, UnitContext

#: Codes of project checks: X and three digits (no built-in family starts with X).
CODE = re.compile(r"X\d{3}")
_MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]*"
_ARABIC = re.compile("[\u0600-\u06ff]")
#: و/ف, then ب/ك with or without the article, ل, or ل + ال → لل (a word without the article).
_PROCLITICS = "(?:[وف]?(?:[بك]?(?:ال)?|لل?)?)"
_BACKREF = re.compile(r"\\(\d)|\\g<(\w+)>")


@dataclass(frozen=True, slots=True)
class Case:
    """A pass or fail example of a check: source and target text."""

    kind: str  # "pass" or "fail"
    source: str
    target: str


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """One project check, as written in ``mustalah-checks.yaml`` or ``[tool.mustalah.checks]``."""

    code: str
    name: str
    message: str
    severity: Severity = "warning"
    category: str = "style"
    source: tuple[str, ...] = ()
    source_regex: str | None = None
    target: tuple[str, ...] = ()
    target_regex: str | None = None
    target_not: tuple[str, ...] = ()
    target_not_regex: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    suggestion: str | None = None
    description: str = ""
    cases: tuple[Case, ...] = ()
    #: Where it was written (``file:line``), for messages and ``mustalah rules``.
    origin: str = ""

    @property
    def must(self) -> bool:
        return bool(self.target or self.target_regex)

    @property
    def must_not(self) -> bool:
        return bool(self.target_not or self.target_not_regex)


def words_pattern(words: Iterable[str]) -> str:
    """A regex for any of ``words`` as whole words (see the module docstring)."""
    alternatives = []
    for phrase in sorted(set(words), key=len, reverse=True):
        tokens = phrase.split()
        if not tokens:
            continue
        if _ARABIC.search(phrase):
            first, rest = tokens[0], tokens[1:]
            parts = [_letters(tok) for tok in rest]
            if first.startswith("ال") and len(first) > 2:
                stem = first[2:]  # ال + stem: وال، بال، كال، and ل + ال → لل (ل + لـ… → لل)
                prefix = "[وف]?(?:[بك]?ال|لل" + ("|ل" if stem.startswith("ل") else "") + ")"
                parts.insert(0, prefix + _MARKS + _letters(stem))
            else:
                parts.insert(0, _PROCLITICS + _letters(first))
            alternatives.append(r"\s+".join(parts))
        else:
            alternatives.append("(?i:" + r"\s+".join(re.escape(tok) for tok in tokens) + ")")
    return r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"


def _letters(word: str) -> str:
    """``word`` letter by letter, each followed by any diacritics or tatweel."""
    return spelt_with_marks(word, _MARKS)


def _either(words: tuple[str, ...], regex: str | None) -> str | None:
    parts = ([words_pattern(words)] if words else []) + ([f"(?:{regex})"] if regex else [])
    return "|".join(parts) if parts else None


@dataclass(frozen=True, slots=True)
class Compiled:
    source: re.Pattern[str] | None
    target: str | None  # a pattern; with backreferences it is instantiated per source match
    target_not: re.Pattern[str] | None
    uses_groups: bool


@functools.lru_cache(maxsize=256)
def compiled(spec: CheckSpec) -> Compiled:
    """The spec's patterns (raises ``re.error`` for a bad regex; the loader reports it)."""
    source = _either(spec.source, spec.source_regex)
    target = _either(spec.target, spec.target_regex)
    target_not = _either(spec.target_not, spec.target_not_regex)
    uses_groups = bool(spec.target_regex and _BACKREF.search(spec.target_regex))
    if target is not None and not uses_groups:
        re.compile(target)
    return Compiled(
        re.compile(source) if source else None,
        target,
        re.compile(target_not) if target_not else None,
        uses_groups,
    )


def _instantiate(pattern: str, match: re.Match[str]) -> str:
    """``pattern`` with ``\\1`` / ``\\g<name>`` replaced by the source match's groups, escaped."""

    def group(m: re.Match[str]) -> str:
        key: int | str = int(m.group(1)) if m.group(1) else m.group(2)
        try:
            value = match.group(key)
        except IndexError:  # no such group: the loader refuses it, keep it literal here
            return m.group(0)
        return re.escape(value or "")

    return _BACKREF.sub(group, pattern)


def _lang_ok(want: str | None, lang: str | None) -> bool:
    return want is None or (lang is not None and lang.split("-")[0].lower() == want.lower())


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check found: the side and span, the message and the suggestion."""

    side: str
    start: int
    end: int
    message: str


def evaluate(
    spec: CheckSpec, source: str, target: str, source_lang: str | None, target_lang: str | None
) -> Iterator[Hit]:
    """The check on one unit's text (the rule and the case runner share this)."""
    if not (_lang_ok(spec.source_lang, source_lang) and _lang_ok(spec.target_lang, target_lang)):
        return
    c = compiled(spec)
    hits = list(c.source.finditer(source)) if c.source is not None else None
    if hits is not None and not [m for m in hits if m.end() > m.start()]:
        return  # the condition does not hold
    triggers = [m for m in hits if m.end() > m.start()] if hits is not None else []
    if c.target is not None:
        if c.uses_groups:
            seen: set[str] = set()
            for m in triggers:
                wanted = _instantiate(c.target, m)
                if wanted in seen:
                    continue
                seen.add(wanted)
                if not re.search(wanted, target):
                    yield Hit("source", m.start(), m.end(), spec.message)
        elif not re.search(c.target, target):
            start, end = (triggers[0].start(), triggers[0].end()) if triggers else (0, 0)
            yield Hit("source", start, end, spec.message)
    if c.target_not is not None:
        for m in c.target_not.finditer(target):
            if m.end() > m.start():
                yield Hit("target", m.start(), m.end(), spec.message)


def _check(self: Rule, ctx: UnitContext) -> Iterable[Finding]:
    """``check`` of every project check's rule class (its spec is the class's ``spec``)."""
    target = ctx.target
    if target is None:
        return
    spec: CheckSpec = getattr(type(self), "spec")  # noqa: B009 - set by rule_class
    for hit in evaluate(spec, ctx.source.text, target.text, ctx.source.lang, target.lang):
        view = ctx.source if hit.side == "source" else target
        yield self.finding(ctx, view, hit.start, hit.end, hit.message, suggestion=spec.suggestion)


@functools.lru_cache(maxsize=256)
def rule_class(spec: CheckSpec) -> type[Rule]:
    """The rule class of one project check: its code, name, category, severity and docs.

    Made here from the spec, never defined in a module: a project check is the project's data,
    not one of the built-in rules ``checks.registry.ALL_RULES`` lists."""
    attrs = {
        "code": spec.code,
        "name": spec.name,
        "category": spec.category,
        "severity": spec.severity,
        "scope": "bilingual",
        "spec": spec,
        "check": _check,
        "__doc__": _doc(spec),
        "__module__": __name__,
    }
    return type(f"ProjectCheck{spec.code}", (Rule,), attrs)


def _quote(words: tuple[str, ...], regex: str | None) -> str:
    parts = [f"'{w}'" for w in words] + ([f"/{regex}/"] if regex else [])
    return " or ".join(parts)


def condition_text(spec: CheckSpec) -> str:
    """The check in words: 'when the source has X, the target must have Y'."""
    langs = ""
    if spec.source_lang or spec.target_lang:
        langs = f" ({spec.source_lang or 'any'} → {spec.target_lang or 'any'})"
    when = (
        f"when the source has {_quote(spec.source, spec.source_regex)}, "
        if spec.source or spec.source_regex
        else "in every unit, "
    )
    then = []
    if spec.must:
        then.append(f"the target must have {_quote(spec.target, spec.target_regex)}")
    if spec.must_not:
        then.append(f"the target must not have {_quote(spec.target_not, spec.target_not_regex)}")
    return f"Project check{langs}: {when}{' and '.join(then)}."


def _doc(spec: CheckSpec) -> str:
    fail = next((c for c in spec.cases if c.kind == "fail"), None)
    good = next((c for c in spec.cases if c.kind == "pass"), None)
    example = f"\n    {fail.source}\n    {fail.target}" if fail else "\n    (no fail case given)"
    instead = f"{spec.suggestion}" if spec.suggestion else (good.target if good else spec.message)
    why = spec.description or spec.message
    return (
        f"{spec.message}\n\n{condition_text(spec)}\n\n"
        f"What it catches:\n    {condition_text(spec)}\n\n"
        f"Why it matters:\n    {why} (defined in {spec.origin or 'the project checks'}).\n\n"
        f"Example:{example}\n\n"
        f"Use instead:\n    {instead}\n\n"
        f"Suppress:\n    ``mustalah: ignore {spec.code}`` in the unit's note, or ignore {spec.code} "
        "in [tool.mustalah].\n"
    )
