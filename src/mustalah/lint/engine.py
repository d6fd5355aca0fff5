"""The lint pipeline: read → segments → normalized views → matches → rules → findings.

Each input (a file, or a release folder), or a range of one, is linted by
:func:`lint_segments` inside a task (``lint.shards.run_task``), a pure, picklable function
of the task and the settings, so the same code runs serially, in a process pool or on a
Dask cluster (``mustalah.parallel``).  Matches are computed
once per side; rules only read them.  Corpus rules return facts that are concluded
once all inputs are done.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..checks.base import CorpusRule, Fact, Rule, SideView, UnitContext
from ..checks.meta import UnusedSuppression
from ..checks.prefilter import Prefilter, unit_features
from ..checks.project import CheckSpec, rule_class
from ..checks.registry import select_rules
from ..formats.states import skipped_unit
from ..matching import TermIndex
from ..matching.confusions import near_misses as find_near_misses
from ..matching.local_acronyms import redefined, without
from ..model import Finding, Segment, Side
from ..termbase.layers import labeller
from ..termbase.model import Termbase
from ..text.normalize import detect_script_language, fold
from .merge import merge_slips
from .suppress import accepted, apply_unit_suppressions, finding_fingerprint, fingerprint, per_file_ignored

_NEAR_MISS_LANGS = ("ar", "en")


@dataclass(frozen=True, slots=True)
class LintSettings:
    #: One source, or a set layered in order (``termbase.layers``); None: the shipped termbase.
    termbase: str | tuple[str, ...] | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    lang: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    near_misses: bool = True
    #: Units in these states are not linted (``--skip-state``; see formats.states)
    skip_states: frozenset[str] = frozenset()
    baseline: frozenset[str] = frozenset()
    #: ``[tool.mustalah.per-file-ignores]`` (pattern, codes): applied per unit before one-slip
    #: folding (``lint.merge``), so an ignored rule folds nothing away; ``lint.run`` sets it.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The project's own checks (``checks.project``, read by ``lint.checkfile``), run as rules.
    project_checks: tuple[CheckSpec, ...] = ()
    #: Run each rule only on the units its pre-filter admits (``Rule.needs``, ``checks.prefilter``);
    #: False runs every rule on every unit (the tests compare the two: same findings).
    prefilter: bool = True

    def options(self) -> dict[str, dict[str, Any]]:
        return {code: dict(values) for code, values in self.rule_options}


@dataclass(frozen=True, slots=True)
class InputResult:
    """What linting one input produced (mergeable)."""

    path: str
    units: int
    findings: tuple[Finding, ...]
    suppressed: int = 0
    facts: tuple[tuple[str, tuple[Fact, ...]], ...] = ()
    segments: tuple[Segment, ...] = field(default=(), compare=False)


@functools.lru_cache(maxsize=4)
def _termbase_and_index(path: str | tuple[str, ...] | None) -> tuple[Termbase, TermIndex]:
    from ..matching.cache import cached_index  # compiled index cached on disk, keyed by content

    return cached_index(path)


def index_for(path: str | tuple[str, ...] | None) -> tuple[Termbase, TermIndex]:
    """The termbase and its index, built once per process (per worker, on a cluster)."""
    return _termbase_and_index(path)


def build_view(
    index: TermIndex,
    segment: Segment,
    side: Side,
    text: str,
    lang: str,
    file: str,
    line: int | None,
    near_misses: bool,
) -> SideView:
    folded = fold(text)
    base = lang.split("-")[0].lower()
    matches = index.match(text, base, folded)
    nms = (
        find_near_misses(index, text, base, matches, folded)
        if near_misses and base in _NEAR_MISS_LANGS
        else ()
    )
    return SideView(side, base, text, folded, matches, nms, file, line)


def unit_context(
    segment: Segment,
    termbase: Termbase,
    index: TermIndex,
    settings: LintSettings,
    options: dict[str, dict[str, Any]],
) -> UnitContext:
    src_lang = segment.source_lang or settings.lang or detect_script_language(segment.source)
    if segment.target is None and settings.lang:
        src_lang = settings.lang
    source = build_view(
        index,
        segment,
        "source",
        segment.source,
        src_lang,
        segment.side_file("source"),
        segment.line,
        settings.near_misses,
    )
    target = None
    if segment.target is not None:
        tgt_lang = segment.target_lang or settings.target_lang or detect_script_language(segment.target)
        target = build_view(
            index,
            segment,
            "target",
            segment.target,
            tgt_lang,
            segment.side_file("target"),
            segment.target_line if segment.target_line is not None else segment.line,
            settings.near_misses,
        )
    english = [v for v in (source, target) if v is not None and v.lang == "en" and v.matches]
    redefined_here = redefined(english[0].text, english[0].matches, termbase) if english else frozenset()
    if redefined_here:  # "epizootic catarrhal enteritis (ECE)": not the termbase's ECE, on either side
        source = replace(source, matches=without(source.matches, redefined_here))
        if target is not None:
            target = replace(target, matches=without(target.matches, redefined_here))
        for view in (source, target):
            if view is not None:
                view.memo["redefined"] = redefined_here  # AC004: known, but spelt out as another name
    return UnitContext(segment, source, target, termbase, options)


def active_rules(settings: LintSettings) -> list[Rule]:
    extra = tuple(rule_class(spec) for spec in settings.project_checks)
    return [cls() for cls in select_rules(list(settings.select), list(settings.ignore), extra)]


def lint_segments(
    segments: Iterable[Segment],
    settings: LintSettings,
    path: str,
    keep_segments: bool = False,
) -> InputResult:
    termbase, index = index_for(settings.termbase)
    label = labeller(settings.termbase, termbase)  # the termbase each finding's concept came from
    rules = active_rules(settings)
    unit_rules = [r for r in rules if not isinstance(r, CorpusRule)]
    corpus_rules = [r for r in rules if isinstance(r, CorpusRule)]
    # the rules a unit without a target runs: the same, in the same order, less the bilingual ones
    one_side_rules = [r for r in unit_rules if r.scope != "bilingual"]
    # an empty target: UT001 says so once, instead of every source term, number and code missing
    empty_target_rules = [r for r in unit_rules if r.scope != "bilingual" or r.on_empty_target]
    options = settings.options()
    findings: list[Finding] = []
    facts: dict[str, list[Fact]] = {r.code: [] for r in corpus_rules}
    prefilter = Prefilter() if settings.prefilter else None
    # one slip, one finding: the rules that fold into another's finding or pair across sides
    by_code = {r.code: r for r in unit_rules}
    merging = any(r.pairs_sides or by_code.keys() & set(r.yields_to) for r in unit_rules)
    per_file = dict(settings.per_file_ignores)
    kept: list[Segment] = []
    units = 0
    suppressed = 0
    report_unused = any(r.code == UnusedSuppression.code for r in rules)
    for segment in segments:
        if (segment.props or settings.skip_states) and skipped_unit(segment, settings.skip_states):
            continue  # locked / translate="no" / a skipped state: not this run's to check
        units += 1
        if keep_segments:
            kept.append(segment)
        ctx = unit_context(segment, termbase, index, settings, options)
        unit: list[Finding] = []
        target = segment.target
        checking = one_side_rules if target is None else unit_rules if target.strip() else empty_target_rules
        collecting = corpus_rules
        if prefilter is not None:  # one scan of each side says which rules can fire here
            mask = unit_features(ctx)
            checking = prefilter.admitted(checking, mask)
            collecting = prefilter.admitted(corpus_rules, mask)
        for rule in checking:
            unit.extend(rule.check(ctx))
        for corpus_rule in collecting:
            facts[corpus_rule.code].extend(corpus_rule.collect(ctx))
        noted = bool(segment.notes or segment.props)  # where suppression directives live
        if not unit and not noted:
            continue  # nothing to fingerprint, suppress, report unused or sort
        unit = _fingerprinted(unit, segment, label)
        before = len(unit)
        unused: list[str] = []
        if noted:
            unit, unused = apply_unit_suppressions(segment, unit)
        if per_file:  # before folding: an ignored finding must not take another one with it
            unit = [f for f in unit if not per_file_ignored(f, per_file)]
        if merging and len(unit) > 1:  # after the unit's suppressions, before the baseline
            merged = merge_slips(unit, by_code)
            before -= len(unit) - len(merged)  # folded into another finding, not suppressed
            unit = merged
        if settings.baseline:
            unit = [f for f in unit if not accepted(f, segment, settings.baseline)]
        suppressed += before - len(unit)
        if report_unused:
            unit.extend(_unused(ctx, directive) for directive in unused)
        unit.sort(key=_unit_order)
        findings.extend(unit)
    for rule in rules:
        rule.finish()
    return InputResult(
        path, units, tuple(findings), suppressed, tuple((k, tuple(v)) for k, v in facts.items()), tuple(kept)
    )


def _fingerprinted(
    unit: list[Finding], segment: Segment, label: Callable[[str | None], str | None]
) -> list[Finding]:
    """Each finding with its own fingerprint (the unit hashed once per rule code, then the span)
    and the termbase its concept came from."""
    prints: dict[str, str] = {}
    out: list[Finding] = []
    for f in unit:
        fp = prints.get(f.code)
        if fp is None:
            fp = prints[f.code] = fingerprint(f.code, segment)
        own = finding_fingerprint(fp, f.side, f.start, f.end)
        out.append(replace(f, fingerprint=own, termbase=label(f.concept)))
    return out


def _unit_order(f: Finding) -> tuple[bool, int, int, str]:
    return (f.side != "source", f.start, f.end, f.code)


def _unused(ctx: UnitContext, directive: str) -> Finding:
    rule = UnusedSuppression()
    view = ctx.source
    return rule.finding(ctx, view, 0, 0, f"unused suppression: {directive}")


def conclude(settings: LintSettings, results: Iterable[InputResult]) -> Iterator[Finding]:
    """Run the corpus rules' conclusions over the facts of every input."""
    rules = {r.code: r for r in active_rules(settings) if isinstance(r, CorpusRule)}
    merged: dict[str, list[Fact]] = {code: [] for code in rules}
    for result in results:
        for code, facts in result.facts:
            merged.setdefault(code, []).extend(facts)
    for code, rule in rules.items():
        yield from rule.conclude(merged.get(code, []))
