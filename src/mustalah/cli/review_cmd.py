"""``mustalah review``: precision of a lint report against a person's reviewed verdicts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import UsageError
from ..lint.review import (
    REVIEWED_SEVERITIES,
    Key,
    ReviewError,
    Verdict,
    below_floor,
    load_verdicts,
    render,
    review,
    stubs,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "review",
        help="precision of a lint JSON report against reviewed verdicts (corpora/real/reviewed.yaml)",
        description=(
            "Tally a `mustalah lint --format json` report against a reviewed file: precision per rule "
            "and per severity, false alarms by cause, and every error or warning nobody has reviewed. "
            "Exit 0 when every reviewed-severity finding has a verdict and precision meets the floors, "
            "1 otherwise, 2 on unreadable input."
        ),
    )
    p.add_argument("report", help="a lint report written with --format json")
    p.add_argument(
        "--reviewed",
        required=True,
        action="append",
        metavar="YAML",
        help="the reviewed verdicts (repeatable: the files' entries are pooled; one finding judged "
        "differently in two files is an error)",
    )
    p.add_argument(
        "--floor",
        action="append",
        default=[],
        metavar="SEVERITY=PERCENT",
        help="precision floor, e.g. error=95 (repeatable; default error=95 warning=90)",
    )
    p.add_argument(
        "--stub", action="store_true", help="print YAML entries (verdict: ?) for the unreviewed findings"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    floors = _floors(args.floor or ["error=95", "warning=90"])
    report = _read(Path(args.report), "report")
    try:
        data = json.loads(report)
        findings = data["findings"]
    except (ValueError, KeyError, TypeError):
        raise UsageError(
            f"{args.report}: not a mustalah lint JSON report (write one with `mustalah lint … --format json`)"
        ) from None
    verdicts: list[Verdict] = []
    judged: dict[Key, tuple[str, str]] = {}
    for name in args.reviewed:
        try:
            entries = load_verdicts(_read(Path(name), "reviewed file"), name)
        except ReviewError as exc:
            raise UsageError(str(exc)) from None
        for v in entries:
            earlier = judged.setdefault(v.key, (v.verdict, name))
            if earlier[0] != v.verdict:
                raise UsageError(
                    f"{name}: {v.file} unit {v.unit} {v.code} [{v.text}] is judged {v.verdict}, "
                    f"but {earlier[1]} judges it {earlier[0]}: give one verdict"
                )
        verdicts += entries
    rv = review(findings, verdicts)
    if args.stub:
        sys.stdout.write(stubs(rv.unreviewed))
        return 0
    sys.stdout.write(render(rv, floors))
    problems = below_floor(rv, floors)
    for p in problems:
        sys.stdout.write(f"FAIL: {p}\n")
    return 1 if problems or rv.unreviewed else 0


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the {what}: {exc}") from None


def _floors(items: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in items:
        sev, _, pct = item.partition("=")
        try:
            value = float(pct)
        except ValueError:
            value = -1.0
        if sev not in REVIEWED_SEVERITIES or not 0 <= value <= 100:
            raise UsageError(f"--floor {item!r}: write SEVERITY=PERCENT with error or warning, e.g. error=95")
        out[sev] = value
    return out
