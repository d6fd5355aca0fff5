"""The regression gate: has term accuracy, or any concept's hit rate, dropped significantly?

``mustalah score … --gate BASELINE.json`` compares every scored system with a system of a
previous ``--format json`` output (the one with the same name, else the first), **on the same
segments**, from the per-segment term counts that output keeps (``term_segments`` and
``concept_segments``).

The test is a one-sided paired approximate randomization test: for each trial, every segment's
pair of counts (baseline ``[hits, total]``, current ``[hits, total]``) is swapped with probability
½, and the trial's difference of accuracies (Σ hits / Σ total, current − baseline) is compared
with the observed one; ``p = (1 + #{trial ≤ observed}) / (trials + 1)``.  Only segments whose
counts differ can change a trial, so only they are resampled (the others add constants).  The
seed is sacreBLEU's (``SACREBLEU_SEED``, default 12345): same inputs, same p-values.

* **Term accuracy** regresses when it dropped and ``p < alpha``.
* **A concept** regresses when its hit rate (its hits / its occurrences, over the segments that
  mention it) dropped and the same test, on those segments, gives a p-value below alpha after
  Holm's correction over the concepts whose hit rate dropped (many concepts are tested at once).
  A concept seen in only a few segments cannot reach significance: with 4 segments the smallest
  possible p is 1/16.

Every regression names the segments where the system lost hits.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError
from .results import ScoreReport, SystemReport

DEFAULT_ALPHA = 0.05
DEFAULT_TRIALS = 10000

#: Per segment: [hits, total]
Counts = Sequence[Sequence[int]]


@dataclass(frozen=True, slots=True)
class BaselineSystem:
    name: str
    term_segments: tuple[tuple[int, int], ...]
    #: concept -> {segment: (occurrences, hits)}
    concepts: dict[str, dict[int, tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class Regression:
    kind: str  # "term_accuracy" | "concept"
    concept: str | None
    baseline: float  # accuracy ×100
    current: float
    p_value: float
    baseline_counts: tuple[int, int]  # hits, total
    current_counts: tuple[int, int]
    segments: tuple[int, ...]  # 1-based segments that lost hits

    @property
    def delta(self) -> float:
        return self.current - self.baseline


@dataclass(frozen=True, slots=True)
class GateResult:
    system: str
    baseline_system: str
    alpha: float
    trials: int
    regressions: tuple[Regression, ...]
    concepts_tested: int  # concepts whose hit rate dropped
    #: segments whose source term count differs from the baseline's (another source or termbase?)
    totals_differ: int = 0

    @property
    def passed(self) -> bool:
        return not self.regressions


def load_baseline(path: str | Path) -> list[BaselineSystem]:
    """The systems of a previous ``score --format json`` output, with their per-segment counts."""
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            "no such file", file=name, hint="pass a previous 'score --format json' output"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", file=name) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not JSON ({exc.msg})",
            file=name,
            line=exc.lineno,
            column=exc.colno,
            hint="pass the output of 'mustalah score … --format json'",
        ) from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("systems"), list):
        raise InputError(
            "not a 'mustalah score --format json' output (version 1)",
            file=name,
            hint="write the baseline with: mustalah score … --format json -o BASELINE.json",
        )
    systems: list[BaselineSystem] = []
    for k, system in enumerate(data["systems"]):
        segs = system.get("term_segments") if isinstance(system, dict) else None
        if not isinstance(segs, list):
            raise InputError(
                f"system {k + 1} has no per-segment term counts ('term_segments')",
                file=name,
                hint="re-score the baseline with this version of mustalah (--format json keeps them)",
            )
        try:
            term_segments = tuple((int(h), int(t)) for h, t in segs)
            concepts: dict[str, dict[int, tuple[int, int]]] = {}
            for row in system.get("concept_segments") or []:
                concepts.setdefault(str(row["concept"]), {})[int(row["segment"])] = (
                    int(row["occurrences"]),
                    int(row["hits"]),
                )
        except (TypeError, ValueError, KeyError) as exc:
            raise InputError(
                f"system {k + 1}: malformed per-segment term counts ({exc})",
                file=name,
                hint="re-score the baseline; do not edit the JSON by hand",
            ) from None
        systems.append(BaselineSystem(str(system.get("name", f"system-{k + 1}")), term_segments, concepts))
    if not systems:
        raise InputError("the baseline has no system", file=name)
    return systems


def _seed() -> int | None:
    seed = os.environ.get("SACREBLEU_SEED", "12345")
    return None if seed.lower() == "none" else int(seed)


def paired_drop_p(base: Counts, new: Counts, trials: int = DEFAULT_TRIALS) -> float:
    """One-sided p-value that ``new``'s accuracy is lower than ``base``'s (paired AR test)."""
    b = np.asarray(base, dtype=np.int64).reshape(-1, 2)
    n = np.asarray(new, dtype=np.int64).reshape(-1, 2)
    differ = np.any(b != n, axis=1)
    if not differ.any():
        return 1.0
    fixed_b, fixed_n = b[~differ].sum(axis=0), n[~differ].sum(axis=0)
    bd, nd = b[differ], n[differ]

    def delta(bh: Any, bt: Any, nh: Any, nt: Any) -> Any:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(nt > 0, nh / np.maximum(nt, 1), 0.0) - np.where(
                bt > 0, bh / np.maximum(bt, 1), 0.0
            )

    observed = float(
        delta(
            bd[:, 0].sum() + fixed_b[0],
            bd[:, 1].sum() + fixed_b[1],
            nd[:, 0].sum() + fixed_n[0],
            nd[:, 1].sum() + fixed_n[1],
        )
    )
    rng = np.random.default_rng(_seed())
    below = 0
    chunk = max(1, min(trials, 2_000_000 // max(1, len(bd))))
    done = 0
    while done < trials:
        k = min(chunk, trials - done)
        swap = rng.random((k, len(bd))) < 0.5
        # swapped segments give their baseline counts to the current system and vice versa
        nh = np.where(swap, bd[:, 0], nd[:, 0]).sum(axis=1) + fixed_n[0]
        nt = np.where(swap, bd[:, 1], nd[:, 1]).sum(axis=1) + fixed_n[1]
        bh = np.where(swap, nd[:, 0], bd[:, 0]).sum(axis=1) + fixed_b[0]
        bt = np.where(swap, nd[:, 1], bd[:, 1]).sum(axis=1) + fixed_b[1]
        below += int(np.count_nonzero(delta(bh, bt, nh, nt) <= observed + 1e-12))
        done += k
    return (below + 1) / (trials + 1)


def _accuracy(hits: int, total: int) -> float:
    return 100.0 * hits / total if total else 0.0


def _holm(p_values: Sequence[float], alpha: float) -> list[bool]:
    """Holm–Bonferroni: which hypotheses are rejected at family-wise level ``alpha``."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    rejected = [False] * len(p_values)
    m = len(p_values)
    for rank, i in enumerate(order):
        if p_values[i] < alpha / (m - rank):
            rejected[i] = True
        else:
            break
    return rejected


def _concepts(system: SystemReport) -> dict[str, dict[int, tuple[int, int]]]:
    out: dict[str, dict[int, tuple[int, int]]] = {}
    for segment, concept, occ, hits in system.concept_segments:
        out.setdefault(concept, {})[segment] = (occ, hits)
    return out


def gate_system(
    system: SystemReport,
    base: BaselineSystem,
    alpha: float = DEFAULT_ALPHA,
    trials: int = DEFAULT_TRIALS,
) -> GateResult:
    """Compare one scored system with the baseline system (same segments)."""
    current = system.term_segments or []
    regressions: list[Regression] = []
    b_hits, b_total = (sum(s[i] for s in base.term_segments) for i in (0, 1))
    c_hits, c_total = (sum(s[i] for s in current) for i in (0, 1))
    if _accuracy(c_hits, c_total) < _accuracy(b_hits, b_total):
        p = paired_drop_p(base.term_segments, current, trials)
        if p < alpha:
            lost = tuple(
                i + 1 for i, (b, c) in enumerate(zip(base.term_segments, current, strict=True)) if c[0] < b[0]
            )
            regressions.append(
                Regression(
                    "term_accuracy",
                    None,
                    _accuracy(b_hits, b_total),
                    _accuracy(c_hits, c_total),
                    p,
                    (b_hits, b_total),
                    (c_hits, c_total),
                    lost,
                )
            )
    now = _concepts(system)
    tested: list[tuple[str, list[int], list[tuple[int, int]], list[tuple[int, int]], float]] = []
    for concept in sorted(set(base.concepts) | set(now)):
        b_rows: Mapping[int, tuple[int, int]] = base.concepts.get(concept, {})
        c_rows: Mapping[int, tuple[int, int]] = now.get(concept, {})
        segments = sorted(set(b_rows) | set(c_rows))
        b_counts = [(b_rows.get(s, (0, 0))[1], b_rows.get(s, (0, 0))[0]) for s in segments]
        c_counts = [(c_rows.get(s, (0, 0))[1], c_rows.get(s, (0, 0))[0]) for s in segments]
        bh, bt = sum(h for h, _ in b_counts), sum(t for _, t in b_counts)
        ch, ct = sum(h for h, _ in c_counts), sum(t for _, t in c_counts)
        if _accuracy(ch, ct) < _accuracy(bh, bt):
            tested.append((concept, segments, b_counts, c_counts, paired_drop_p(b_counts, c_counts, trials)))
    rejected = _holm([t[4] for t in tested], alpha)
    for (concept, segments, b_counts, c_counts, p), reject in zip(tested, rejected, strict=True):
        if not reject:
            continue
        bh, bt = sum(h for h, _ in b_counts), sum(t for _, t in b_counts)
        ch, ct = sum(h for h, _ in c_counts), sum(t for _, t in c_counts)
        lost = tuple(s for s, b, c in zip(segments, b_counts, c_counts, strict=True) if c[0] < b[0])
        regressions.append(
            Regression("concept", concept, _accuracy(bh, bt), _accuracy(ch, ct), p, (bh, bt), (ch, ct), lost)
        )
    differ = sum(1 for b, c in zip(base.term_segments, current, strict=True) if b[1] != c[1])
    return GateResult(system.name, base.name, alpha, trials, tuple(regressions), len(tested), differ)


def run_gate(
    report: ScoreReport,
    baseline: Sequence[BaselineSystem],
    baseline_file: str,
    alpha: float = DEFAULT_ALPHA,
    trials: int = DEFAULT_TRIALS,
) -> list[GateResult]:
    """Gate every system of ``report`` against the baseline system of the same name (else the first)."""
    by_name = {b.name: b for b in baseline}
    results: list[GateResult] = []
    for system in report.systems:
        if system.term_segments is None:
            raise InputError(
                "the gate compares term accuracy, and it was not scored",
                file=baseline_file,
                hint="keep 'terms' in --metrics",
            )
        base = by_name.get(system.name, baseline[0])
        if len(base.term_segments) != len(system.term_segments):
            raise InputError(
                f"the baseline ({base.name}) has {len(base.term_segments)} segments, "
                f"but {system.name} has {len(system.term_segments)}",
                file=baseline_file,
                hint="the gate compares the same segments: score the same source as the baseline",
            )
        results.append(gate_system(system, base, alpha, trials))
    return results
