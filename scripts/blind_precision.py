"""Precision on unseen real text: the blind sets' first reviews, per set and pooled.

    .venv/bin/python scripts/blind_precision.py            # every set, then pooled figures
    .venv/bin/python scripts/blind_precision.py --json     # the same as JSON

Each ``corpora/real/blindN-first-review.yaml`` froze the verdicts on every error and warning the
linter gave the first time it saw set N (linted at ``measured_at``, judged before any change).
The Arabic-only blind sets (``corpora/real-ar/blindarN-first-review.yaml``: UN Arabic with no
English beside it, linted as Arabic alone) are counted apart and pooled on their own.
A finding is right when it is true or defensible.  The figures on unseen text in the README and
``docs/precision.md`` come from here (``tests/lint/test_blind_reviews.py`` holds them to it).
``make eval-blind`` runs it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpora" / "real"
REAL_AR = ROOT / "corpora" / "real-ar"
VERDICTS = ("true", "defensible", "false")
#: The first set linted after TM001 needed a trace of a slip to warn (see docs/precision.md).
TM001_POLICY = 39


@dataclass(frozen=True)
class SetReview:
    number: int
    measured_at: str
    errors: tuple[int, int]  # (findings, right)
    warnings: tuple[int, int]


def _number(path: Path, prefix: str = "blind") -> int:
    m = re.fullmatch(prefix + r"(\d*)-first-review\.yaml", path.name)
    if m is None:
        raise ValueError(f"{path.name}: not a first review")
    return int(m.group(1) or 1)


def load(real: Path = REAL, prefix: str = "blind") -> list[SetReview]:
    """Every first review, in set order; a malformed entry is an error naming the file.

    ``prefix`` is ``blind`` for the bilingual sets in corpora/real and ``blindar`` for the
    Arabic-only sets in corpora/real-ar."""
    out = []
    for path in real.glob(f"{prefix}*-first-review.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        counts = {"error": [0, 0], "warning": [0, 0]}
        for entry in data.get("reviewed") or []:
            severity, verdict = entry.get("severity"), str(entry.get("verdict"))
            if severity not in counts or verdict not in VERDICTS:
                raise ValueError(f"{path.name}: entry {entry!r}: severity or verdict missing or unknown")
            counts[severity][0] += 1
            counts[severity][1] += verdict != "false"
        err, warn = counts["error"], counts["warning"]
        out.append(
            SetReview(_number(path, prefix), str(data["measured_at"]), (err[0], err[1]), (warn[0], warn[1]))
        )
    return sorted(out, key=lambda s: s.number)


def pooled(sets: list[SetReview], first: int, last: int) -> dict[str, tuple[int, int]]:
    chosen = [s for s in sets if first <= s.number <= last]
    return {
        "errors": (sum(s.errors[1] for s in chosen), sum(s.errors[0] for s in chosen)),
        "warnings": (sum(s.warnings[1] for s in chosen), sum(s.warnings[0] for s in chosen)),
    }


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} ({round(100 * right / total)} %)" if total else "0/0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    sets = load()
    last = sets[-1].number
    ranges = {"all": (1, last), "from set 25": (25, last), f"from set {TM001_POLICY}": (TM001_POLICY, last)}
    pools = {name: pooled(sets, *span) for name, span in ranges.items()}
    arabic = load(REAL_AR, "blindar") if REAL_AR.is_dir() else []
    arabic_pool = pooled(arabic, 1, arabic[-1].number) if arabic else None
    if args.json:
        body = {
            "sets": [s.__dict__ for s in sets],
            "pooled": {name: {k: list(v) for k, v in p.items()} for name, p in pools.items()},
            "arabic_only_sets": [s.__dict__ for s in arabic],
            "arabic_only_pooled": {k: list(v) for k, v in (arabic_pool or {}).items()},
        }
        print(json.dumps(body, indent=1))
        return 0
    _table(sets)
    for name, (first, end) in ranges.items():
        p = pools[name]
        print(f"sets {first}–{end} pooled: errors {_pct(*p['errors'])}, warnings {_pct(*p['warnings'])}")
    if arabic and arabic_pool:
        print("\nArabic-only blind sets (corpora/real-ar, linted as Arabic alone):")
        _table(arabic)
        print(
            f"Arabic-only sets 1–{arabic[-1].number} pooled: errors {_pct(*arabic_pool['errors'])},"
            f" warnings {_pct(*arabic_pool['warnings'])}"
        )
    return 0


def _table(sets: list[SetReview]) -> None:
    print("set  measured_at  errors right  warnings right")
    for s in sets:
        (e, e_ok), (w, w_ok) = s.errors, s.warnings
        print(f"{s.number:>3}  {s.measured_at:<11}  {e:>6} {e_ok:>5}  {w:>8} {w_ok:>5}")


if __name__ == "__main__":
    sys.exit(main())
