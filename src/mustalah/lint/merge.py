"""One slip, one finding: fold findings that restate another finding of the same slip.

Rules run independently, so one slip can trip two of them: a masculine honorific before a
woman's name is GN001 (against her title) and GN002 (against the source's ``Ms.``); a
variant spelling in a name is TM003 and SP002; ``45`` typed as ``54`` is NU001 on both
sides.  A reviser should meet it once.  Rules declare the precedence (``Rule.yields_to``,
``Rule.pairs_sides``); this step applies it to one unit's findings after the rules ran
and the unit's own suppressions were applied (so ``mustalah: ignore GN001`` leaves GN002
standing), before the baseline and the report:

1. ``pairs_sides``: a rule's source-side and target-side findings, when the unit has as
   many of each, are paired in order and each pair is reported once (``Rule.paired``); when
   they are not one-to-one, the target findings step 2 folds into another target finding are
   left out of the count.  With
   ``Rule.pairs_repeats``, a side that repeats one text (a year said twice, changed once and left
   out once) counts it once when that makes the sides one-to-one.
2. ``yields_to``: a finding whose span overlaps, on the same side, a finding of a rule it
   yields to is folded into that one: the host keeps its code, span and fingerprint (the
   JSON contract is unchanged), takes the more severe of the two severities, and its
   message names the folded fact (``…; also GN002 honorific-source-gender: …``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..checks.base import Rule
from ..model import Finding, Severity

_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def _overlap(a: Finding, b: Finding) -> bool:
    if a.side != b.side:
        return False
    if a.start == a.end or b.start == b.end:  # an empty span (a missing code) overlaps its position
        return b.start <= a.start <= b.end if a.start == a.end else a.start <= b.start <= a.end
    return a.start < b.end and b.start < a.end


def _worse(a: Severity, b: Severity) -> Severity:
    return a if _RANK[a] >= _RANK[b] else b


def _pair_sides(unit: list[Finding], rule: Rule, hosted: frozenset[int]) -> tuple[list[Finding], bool]:
    mine = [f for f in unit if f.code == rule.code and id(f) not in hosted]
    src = [f for f in mine if f.side == "source"]
    tgt = [f for f in mine if f.side == "target"]
    if rule.pairs_repeats and src and tgt and len(src) != len(tgt):
        # a number said twice in the source, its first mention changed and its restatement left out
        # (``1 December 2020 … on 1 December 2020`` = ``1 كانون الأول/ديسمبر 2019 … في 1 كانون
        # الأول/ديسمبر``): the longer side's repeats of one text are one fact when that makes the sides
        # one-to-one
        more, fewer = (src, tgt) if len(src) > len(tgt) else (tgt, src)
        firsts = list({f.text: f for f in reversed(more)}.values())
        if len(firsts) == len(fewer):
            repeats = {id(f) for f in more} - {id(f) for f in firsts}
            unit = [f for f in unit if id(f) not in repeats]
            src, tgt = (firsts, fewer) if more is src else (fewer, firsts)
    if not src or len(src) != len(tgt):
        return unit, False  # not one-to-one: each side's facts stand alone
    by_start = sorted(src, key=lambda f: f.start), sorted(tgt, key=lambda f: f.start)
    paired = {id(t): rule.paired(s, t) for s, t in zip(*by_start, strict=True)}
    gone = {id(s) for s in src}
    return [paired.get(id(f), f) for f in unit if id(f) not in gone], True


def merge_slips(unit: Sequence[Finding], rules: Mapping[str, Rule]) -> list[Finding]:
    """One unit's findings with each slip reported once (see the module docstring)."""
    out = list(unit)
    if len(out) < 2:
        return out
    codes = {f.code for f in out}
    for code in codes:
        rule = rules.get(code)
        if rule is None or not rule.pairs_sides:
            continue
        out, done = _pair_sides(out, rule, frozenset())
        if not done:  # not one-to-one: without the target's facts of another target finding?
            hosted = _hosted_in_target(out, rules, codes)
            if hosted:
                out = _pair_sides(out, rule, hosted)[0]
    host_of: dict[int, int] = {}
    for i, f in enumerate(out):
        rule = rules.get(f.code)
        if rule is None or not codes.intersection(rule.yields_to):
            continue
        for j, h in enumerate(out):
            if j != i and h.code in rule.yields_to and _overlap(f, h):
                host_of[i] = j
                break
    if not host_of:
        return out
    folded: dict[int, list[Finding]] = {}
    gone: set[int] = set()
    for i in host_of:
        root, seen = i, {i}
        while root in host_of and host_of[root] not in seen:  # a chain: fold into its last host
            root = host_of[root]
            seen.add(root)
        if root in host_of:
            continue  # a cycle of declarations (a registry test forbids them): keep the finding
        folded.setdefault(root, []).append(out[i])
        gone.add(i)
    result: list[Finding] = []
    for i, f in enumerate(out):
        if i in gone:
            continue
        extra = folded.get(i)
        result.append(_fold(f, sorted(extra, key=lambda g: (g.start, g.code))) if extra else f)
    return result


def _hosted_in_target(unit: Sequence[Finding], rules: Mapping[str, Rule], codes: set[str]) -> frozenset[int]:
    """The target's findings that fold into another target finding they yield to: they take no
    part in pairing, which keeps a target finding (a date the target adds, ``25 تشرين الثاني/نوفمبر
    2014``, holds its day and year; the year the target has in place of the source's is the
    one left to pair)."""
    out = set()
    for f in unit:
        rule = rules.get(f.code)
        if f.side != "target" or rule is None or not codes.intersection(rule.yields_to):
            continue
        if any(h is not f and h.code in rule.yields_to and _overlap(f, h) for h in unit):
            out.add(id(f))
    return frozenset(out)


def _fold(host: Finding, others: Sequence[Finding]) -> Finding:
    severity = host.severity
    suggestion = host.suggestion
    notes: list[str] = []
    for g in others:
        severity = _worse(severity, g.severity)
        if suggestion is None and g.suggestion is not None and (g.start, g.end) == (host.start, host.end):
            suggestion = g.suggestion
        notes.append(f"also {g.code} {g.name}: {g.message}")
    return replace(host, severity=severity, suggestion=suggestion, message="; ".join([host.message, *notes]))
