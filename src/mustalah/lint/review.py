"""Reviewed findings: a person's verdict on each finding of a lint report, and the precision
that follows from them.

A reviewed file (YAML) holds one entry per finding a reviser judged::

    - {file: corpora/real/x/ar.txt, unit: '12', code: TM006, text: 'القانون الدولي',
       verdict: false, cause: "word order: القانون الدولي الإنساني is the UN's other order"}

``verdict`` is ``true`` (a slip the reviser would fix), ``defensible`` (a reviser would look
and might change it: house style, a judgement call) or ``false`` (a false alarm, with its
``cause``).  An entry covers every finding with the same file, unit, code and flagged text,
so a message reworded by a later version keeps its verdict.  Precision counts ``true`` and
``defensible`` as right, ``false`` as wrong: a finding a reviser would dismiss costs trust.

Findings of a severity under review (errors and warnings by default) with no entry are
*unreviewed*: a new false alarm cannot land unseen, because the test that runs this on
``corpora/real/`` fails on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

VERDICTS = ("true", "defensible", "false")
REVIEWED_SEVERITIES = ("error", "warning")

Key = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class Verdict:
    file: str
    unit: str
    code: str
    text: str
    verdict: str
    cause: str = ""

    @property
    def key(self) -> Key:
        return (self.file, self.unit, self.code, self.text)


@dataclass(frozen=True, slots=True)
class Tally:
    """Verdicts of the findings of one rule or one severity."""

    true: int = 0
    defensible: int = 0
    false: int = 0

    @property
    def total(self) -> int:
        return self.true + self.defensible + self.false

    @property
    def precision(self) -> float | None:
        return (self.true + self.defensible) / self.total if self.total else None

    def plus(self, verdict: str) -> Tally:
        return Tally(
            self.true + (verdict == "true"),
            self.defensible + (verdict == "defensible"),
            self.false + (verdict == "false"),
        )


@dataclass(frozen=True, slots=True)
class Review:
    by_rule: Mapping[tuple[str, str], Tally]
    by_severity: Mapping[str, Tally]
    unreviewed: tuple[Mapping[str, Any], ...]
    stale: tuple[Verdict, ...]
    causes: Counter[str] = field(default_factory=Counter)


class ReviewError(ValueError):
    """A reviewed file that cannot be read (bad YAML, a missing field, an unknown verdict)."""


def finding_key(f: Mapping[str, Any]) -> Key:
    return (str(f["file"]), str(f["unit"]), str(f["code"]), str(f["text"]))


def load_verdicts(text: str, source: str) -> list[Verdict]:
    """The entries of a reviewed file's ``text`` (``source`` names it in errors)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ReviewError(f"{source}: not valid YAML: {exc}") from None
    entries = data.get("reviewed") if isinstance(data, dict) else data
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise ReviewError(f"{source}: expected a list of reviewed findings under 'reviewed:'")
    out: list[Verdict] = []
    for n, e in enumerate(entries, 1):
        if not isinstance(e, dict):
            raise ReviewError(f"{source}: entry {n} is not a mapping")
        missing = [k for k in ("file", "unit", "code", "text", "verdict") if k not in e]
        if missing:
            raise ReviewError(f"{source}: entry {n} lacks {', '.join(missing)}")
        verdict = str(e["verdict"]).lower()
        if verdict not in VERDICTS:
            raise ReviewError(
                f"{source}: entry {n}: verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}"
            )
        if verdict == "false" and not e.get("cause"):
            raise ReviewError(f"{source}: entry {n}: a false alarm needs its cause")
        out.append(
            Verdict(
                str(e["file"]),
                str(e["unit"]),
                str(e["code"]),
                str(e["text"]),
                verdict,
                str(e.get("cause", "")),
            )
        )
    return out


def review(
    findings: Iterable[Mapping[str, Any]],
    verdicts: Sequence[Verdict],
    severities: Sequence[str] = REVIEWED_SEVERITIES,
) -> Review:
    """Tally ``findings`` of the reviewed ``severities`` by the ``verdicts``."""
    table = {v.key: v for v in verdicts}
    used: set[Key] = set()
    by_rule: dict[tuple[str, str], Tally] = {}
    by_severity: dict[str, Tally] = {}
    unreviewed: list[Mapping[str, Any]] = []
    causes: Counter[str] = Counter()
    for f in findings:
        if f["severity"] not in severities:
            continue
        key = finding_key(f)
        v = table.get(key)
        if v is None:
            unreviewed.append(f)
            continue
        used.add(key)
        rule = (str(f["code"]), str(f["severity"]))
        by_rule[rule] = by_rule.get(rule, Tally()).plus(v.verdict)
        by_severity[str(f["severity"])] = by_severity.get(str(f["severity"]), Tally()).plus(v.verdict)
        if v.verdict == "false":
            causes[v.cause] += 1
    stale = tuple(v for v in verdicts if v.key not in used)
    return Review(by_rule, by_severity, tuple(unreviewed), stale, causes)


def render(rv: Review, floors: Mapping[str, float]) -> str:
    lines = ["precision on reviewed findings (true + defensible) / all", ""]
    lines.append(
        f"{'severity':10} {'findings':>8} {'true':>5} {'defens.':>7} {'false':>5} {'precision':>9}  floor"
    )
    for sev in REVIEWED_SEVERITIES:
        t = rv.by_severity.get(sev, Tally())
        floor = floors.get(sev)
        lines.append(
            f"{sev:10} {t.total:8} {t.true:5} {t.defensible:7} {t.false:5} {_pct(t.precision):>9}"
            + (f"  {floor:.0f} %" if floor is not None else "")
        )
    lines += ["", f"{'rule':14} {'findings':>8} {'true':>5} {'defens.':>7} {'false':>5} {'precision':>9}"]
    for (code, sev), t in sorted(rv.by_rule.items()):
        lines.append(
            f"{code + ' ' + sev:14} {t.total:8} {t.true:5} {t.defensible:7} {t.false:5} "
            f"{_pct(t.precision):>9}"
        )
    if rv.causes:
        lines += ["", "false alarms by cause:"]
        lines += [f"  {n:3}  {cause}" for cause, n in rv.causes.most_common()]
    if rv.unreviewed:
        lines += ["", f"{len(rv.unreviewed)} unreviewed finding(s):"]
        for f in rv.unreviewed:
            lines.append(
                f"  {f['file']} unit {f['unit']}: {f['severity']} {f['code']} [{f['text']}] {f['message']}"
            )
    if rv.stale:
        lines += [
            "",
            f"{len(rv.stale)} reviewed finding(s) the report no longer has (fixed, or the text changed)",
        ]
    return "\n".join(lines) + "\n"


def below_floor(rv: Review, floors: Mapping[str, float]) -> list[str]:
    out = []
    for sev, floor in floors.items():
        p = rv.by_severity.get(sev, Tally()).precision
        if p is not None and p * 100 < floor:
            out.append(f"{sev} precision {p * 100:.1f} % is below the floor of {floor:.0f} %")
    return out


def stubs(findings: Iterable[Mapping[str, Any]]) -> str:
    """YAML entries, verdict to fill in, for ``findings`` (``--stub``): a reviewer's worksheet."""
    out = []
    for f in findings:
        entry = {
            "file": f["file"],
            "unit": str(f["unit"]),
            "code": f["code"],
            "text": f["text"],
            "verdict": "?",
            "cause": "",
            "message": f["message"],
        }
        out.append(yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=200))
    return "".join(out)


def _pct(p: float | None) -> str:
    return "—" if p is None else f"{p * 100:.1f} %"
