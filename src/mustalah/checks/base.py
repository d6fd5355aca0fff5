"""The rule interface and the per-unit context rules read.

A rule is a small class: ``code`` (``TM002``), ``name`` (``term-deprecated``), a
``category`` from the JSON contract's vocabulary, a default ``severity``, and a
docstring in fixed sections (What it catches / Why it matters / Example / Use instead /
Suppress) from which ``mustalah rules`` and ``docs/rules.md`` are generated.

Rules read an immutable :class:`UnitContext` — the segment, and for each side its
folded text, term matches and near misses, computed once — and yield findings.
Corpus rules (consistency across a file or a corpus) reduce each unit to small
facts and conclude once at the end, so sharded runs can merge their facts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from ..matching.mentions import Mention, mentions
from ..matching.types import NearMiss, TermMatch
from ..model import Finding, Segment, Severity, Side
from ..termbase.model import Termbase, TermType
from ..text.normalize import Folded
from .fixes import absorb_repeated_word
from .policy import FORM_CATEGORIES, capped

DOC_SECTIONS = ("What it catches", "Why it matters", "Example", "Use instead", "Suppress")

#: What a severity promises (docs/rules.md and the README print it).  A rule's default severity is
#: the one its commonest finding deserves; a rule that tells cases apart says so in its docs.
SEVERITY_POLICY: tuple[tuple[Severity, str], ...] = (
    (
        "error",
        "wrong, and the rule is sure: the text contradicts an official form the termbase holds "
        "with confidence (a body, post, person, Member State or named instrument), a fact of the "
        "source (a number or month with another in its place, a placeholder, a person's gender) "
        "or a fixed convention of UN Arabic (punctuation, the month pairs), and no reading makes "
        "it right. The reviser changes it.",
    ),
    (
        "warning",
        "probably wrong, but correct text trips the rule often enough that a reviser must look "
        "before changing anything: a name the target does not seem to render (real translations "
        "render names by pronouns, possessives and forms no termbase lists), a near miss, a "
        "confusable word, a form the termbase itself doubts, a year or month the other side "
        "lacks with nothing in its place (it may be written another way there), two digit "
        "systems in one text, invisible characters.",
    ),
    (
        "info",
        "a note: true, but usually nothing to change: an admitted form, a single month name in a "
        "press text, a Latin acronym the Arabic leaves out after the name, Arabic-Indic digits, a "
        "word the dictionary lacks, a number other than a year that the other side lacks (it is "
        "written out in words there). In a bilingual unit, whatever a rule says about the "
        "source's own text (its spelling, style or a name's form there) is a note too: the "
        "reviser checks the translation and cannot change the source.",
    ),
)


@dataclass(frozen=True, slots=True)
class SideView:
    """One side of a unit, normalized and matched once."""

    side: Side
    lang: str
    text: str
    folded: Folded
    matches: tuple[TermMatch, ...]
    near_misses: tuple[NearMiss, ...]
    file: str
    line: int | None
    #: Derived data several rules read (mentions, concept counts, honorifics …), computed on
    #: first use and shared by the unit's rules; not part of the view's value.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def mentions(self) -> tuple[Mention, ...]:
        """``matching.mentions.mentions`` of this side, once per view."""
        got: tuple[Mention, ...] | None = self.memo.get("mentions")
        if got is None:
            got = self.memo["mentions"] = tuple(mentions(self.text, self.matches))
        return got

    def concept_counts(self, short_forms: bool = True) -> dict[str, int]:
        """Mentions per concept in order of first mention, once per view (shared: do not modify it).

        With ``short_forms=False`` a mention made only by a short form is not counted.
        """
        key = "counts" if short_forms else "counts-full"
        got: dict[str, int] | None = self.memo.get(key)
        if got is None:
            got = self.memo[key] = {}
            for m in self.mentions():  # a plain dict: a Counter costs more than counting a few mentions
                if short_forms or not _short_only(m):
                    got[m.concept_id] = got.get(m.concept_id, 0) + 1
        return got


def _short_only(m: Mention) -> bool:
    """A mention made by a short form alone (no acronym): anaphoric, rendered freely."""
    return m.acronym is None and m.name is not None and m.name.term.type is TermType.SHORT_FORM


def _base_lang(lang: str) -> str:
    base = _BASE_LANGS.get(lang)
    if base is None:
        base = _BASE_LANGS[lang] = lang.split("-")[0].lower()
    return base


_BASE_LANGS: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class UnitContext:
    segment: Segment
    source: SideView
    target: SideView | None
    termbase: Termbase
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def sides(self) -> tuple[SideView, ...]:
        return (self.source,) if self.target is None else (self.source, self.target)

    @property
    def bilingual(self) -> bool:
        return self.target is not None

    def in_lang(self, lang: str) -> tuple[SideView, ...]:
        source, target = self.source, self.target
        here = (source,) if _base_lang(source.lang) == lang else ()
        if target is not None and _base_lang(target.lang) == lang:
            return (*here, target)
        return here


class Rule:
    """Base class of every unit rule.  Subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    #: ``unit``: needs one side; ``bilingual``: needs source and target.
    scope: ClassVar[str] = "unit"
    #: A bilingual rule that also runs when the target is empty (UT001 reports it); the others
    #: would only say that each term, number and code of the source is missing there.
    on_empty_target: ClassVar[bool] = False
    aliases: ClassVar[tuple[str, ...]] = ()
    #: Options settable in ``[tool.mustalah.rules.CODE]`` with their defaults.
    defaults: ClassVar[Mapping[str, Any]] = {}
    #: One slip, one finding (``lint.merge``): rules that report the same slip more fully.  A
    #: finding of this rule whose span overlaps one of theirs on the same side is folded into
    #: theirs, its message appended to the other's (GN002 yields to GN001 on one honorific).
    yields_to: ClassVar[tuple[str, ...]] = ()
    #: A bilingual rule whose findings say "X is not in the target" on the source side and
    #: "Y is not in the source" on the target side: when a unit has as many of one as of the
    #: other, the k-th of each are one slip (45 typed as 54), reported once by :meth:`paired`.
    pairs_sides: ClassVar[bool] = False
    #: With ``pairs_sides``: findings of one text repeated on one side count once when that pairs
    #: the sides (a year said twice, changed once and left out once: NU001's ``2020``/``2019``).
    pairs_repeats: ClassVar[bool] = False
    #: The pre-filter (``checks.prefilter``): what a unit must have for this rule to be able to
    #: fire at all — every group present, a group ``"a|b"`` when any alternative is (``"digit"``,
    #: ``"ar:tatweel"``, ``"source:match"``).  The engine skips units without it, so it must be
    #: a necessary condition of every finding (or fact) the rule makes; empty: always run.
    needs: ClassVar[tuple[str, ...]] = ()

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finish(self) -> None:
        """Called once at the end of each lint task (an input or a shard), after its last unit:
        a rule that keeps something between runs (SP002's Hunspell verdicts) stores it here."""

    def paired(self, source: Finding, target: Finding) -> Finding:
        """One finding for a source-side and a target-side finding of one slip (``pairs_sides``):
        the target's, naming the source's fact."""
        message = f"{target.message}, and {source.text!r} in the source is not in the target"
        return replace(target, message=message)

    def option(self, ctx: UnitContext, name: str) -> Any:
        return ctx.options.get(self.code, {}).get(name, self.defaults.get(name))

    def finding(
        self,
        ctx: UnitContext,
        view: SideView,
        start: int,
        end: int,
        message: str,
        *,
        concept: str | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        text = view.text
        if suggestion is not None and " " in suggestion and view.lang[:2] == "ar":
            # منظمة ⟦الفاو⟧ → منظمة الأغذية …: the fix's first word stands before the span already
            start, suggestion = absorb_repeated_word(text, start, suggestion)
        newlines = text.count("\n", 0, start)  # ``locate``, inlined: rules make many findings
        column = start - text.rfind("\n", 0, start) if newlines else start + 1
        line = view.line + newlines if view.line is not None else None
        level = severity or self.severity
        if view.side == "source" and self.scope != "bilingual" and _translated(ctx):
            # the source's own text (its spelling, style, a name's form): a note in a bilingual
            # unit, where the reviser checks the translation and cannot change the source
            level = "info"
        if level == "error" and concept is not None and self.category in FORM_CATEGORIES:
            level = capped(level, ctx.termbase.get(concept))  # the termbase doubts its own form
        return Finding(
            self.code,
            self.name,
            self.category,
            level,
            view.file,
            ctx.segment.unit,
            view.lang,
            view.side,
            start,
            end,
            text[start:end],
            message,
            concept,
            suggestion,
            line,
            column,
        )


def _translated(ctx: UnitContext) -> bool:
    """A unit with a target to review (not a monolingual text, not an empty target)."""
    target = ctx.target
    return target is not None and bool(target.text.strip())


@dataclass(frozen=True, slots=True)
class Fact:
    """A small record a corpus rule keeps from one unit (mergeable across shards)."""

    file: str
    index: int
    key: tuple[str, ...]
    finding: Finding

    def __reduce__(self) -> tuple[type[Fact], tuple[str, int, tuple[str, ...], Finding]]:
        """Pickled as its field values (see :meth:`Finding.__reduce__`)."""
        return (Fact, (self.file, self.index, self.key, self.finding))


class CorpusRule(Rule):
    """A rule that looks across units: ``collect`` facts per unit, ``conclude`` once."""

    scope = "corpus"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        return ()

    def collect(self, ctx: UnitContext) -> Iterable[Fact]:
        raise NotImplementedError

    def conclude(self, facts: Collection[Fact]) -> Iterable[Finding]:
        """Findings from the facts of every input.

        ``facts`` may be read back from disk as it is iterated (a long run's, ``lint.facts``): a
        conclusion may iterate it more than once, but should not keep every fact it reads.

        Contract (what lets ``lint.facts.FactStore`` keep a 1M-unit run's facts on disk): a
        conclusion reports only facts whose group (:meth:`group_keys` ``[0]``) holds at least two
        different renderings (``[1]``); facts in other groups may be left out of ``facts``.
        """
        raise NotImplementedError

    def group_keys(self, fact: Fact) -> tuple[str, str]:
        """The fact's group and rendering (default: the first two parts of its key)."""
        return fact.key[0], fact.key[1]


def rule_doc_sections(rule: type[Rule]) -> dict[str, str]:
    """Split a rule's docstring into its fixed sections."""
    doc = (rule.__doc__ or "").strip("\n")
    lines = [ln[4:] if ln.startswith("    ") else ln.strip() for ln in doc.splitlines()]
    sections: dict[str, list[str]] = {"summary": []}
    current = "summary"
    for ln in lines:
        head = ln.rstrip(":").strip()
        if head in DOC_SECTIONS and ln.strip().endswith(":"):
            current = head
            sections[current] = []
            continue
        sections.setdefault(current, []).append(ln)
    return {k: "\n".join(v).strip() for k, v in sections.items()}
