"""lint_stream keeps a task's findings, not the corpus's: memory flat in corpus size (issue #9).

No timing: the proofs count live Finding objects at every task the sink receives, and
compare tracemalloc peaks of a corpus and one four times its size.  The corpus rules (CO*,
GN003) are left out on purpose: their facts are one record per unit, by design of
``checks/consistency.py`` and ``checks/persons.py``, and grow with the corpus whatever the
report does.
"""

from __future__ import annotations

import functools
import gc
import tempfile
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import pytest

from mustalah.checks.base import CorpusRule
from mustalah.checks.registry import ALL_RULES
from mustalah.lint import run as lint_run
from mustalah.lint.engine import LintSettings
from mustalah.lint.run import CollectSink, lint_stream
from mustalah.model import Finding, LintSummary, Segment
from mustalah.reports.stream import JsonWriter

REPO = Path(__file__).resolve().parents[2]
RELEASE = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"
#: Every corpus rule (CO*, GN003) is left out: its facts are one record per unit by design.
SETTINGS = LintSettings(ignore=tuple(r.code for r in ALL_RULES if issubclass(r, CorpusRule)))
SHARD = 16  # lines per task


def _corpus(path: Path, units: int) -> str:
    """``units`` TSV lines cycling through a real release (≈ one finding per unit)."""
    en = RELEASE.joinpath("en.txt").read_text(encoding="utf-8").splitlines()
    ar = RELEASE.joinpath("ar.txt").read_text(encoding="utf-8").splitlines()
    pairs = [(e, a) for e, a in zip(en, ar, strict=False) if e.strip() and a.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(units):
            e, a = pairs[i % len(pairs)]
            out.write(f"{e}\t{a}\n")
    return str(path)


@pytest.fixture(autouse=True)
def small_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lint_run, "plan_tasks", functools.partial(lint_run.plan_tasks, lines_per_shard=SHARD))


def _live_findings() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is Finding)


class Watch:
    """Wraps a sink; at each task notes how many Finding objects are alive in the process."""

    def __init__(self, inner: JsonWriter | CollectSink) -> None:
        self.inner = inner
        self.needs_segments = inner.needs_segments
        self.most = 0
        self.largest_task = 0

    def mark(self) -> int:
        return self.inner.mark()

    def rollback(self, mark: int) -> None:
        self.inner.rollback(mark)

    def add(self, path: str, findings: Sequence[Finding], segments: Sequence[Segment]) -> None:
        self.inner.add(path, findings, segments)
        self.largest_task = max(self.largest_task, len(findings))
        self.most = max(self.most, _live_findings())

    def conclusions(self, findings: Sequence[Finding]) -> None:
        self.inner.conclusions(findings)

    def finish(self, summary: LintSummary) -> None:
        self.inner.finish(summary)


def _watch(path: str, collect: bool) -> tuple[Watch, LintSummary]:
    with tempfile.TemporaryFile() as out:
        watch = Watch(CollectSink() if collect else JsonWriter(out))
        summary = lint_stream([path], SETTINGS, watch)
    return watch, summary


def test_streaming_holds_one_task_of_findings(tmp_path: Path) -> None:
    small = _corpus(tmp_path / "small.tsv", 4 * SHARD)
    large = _corpus(tmp_path / "large.tsv", 16 * SHARD)
    _watch(small, False)  # warm up: termbase, index and rules loaded once per process
    gc.collect()
    baseline = _live_findings()
    w_small, s_small = _watch(small, False)
    w_large, s_large = _watch(large, False)
    assert s_large.findings >= 4 * s_small.findings > 100  # the corpus and its findings grew 4×
    # Alive at any time: this task's findings (and a few being built), never earlier tasks'.
    assert w_large.most - baseline <= 2 * w_large.largest_task + 10
    assert w_large.most - baseline <= w_small.most - baseline + w_large.largest_task
    # The in-memory sink, by contrast, holds them all (the test can see growth).
    w_collect, _ = _watch(large, True)
    assert w_collect.most - baseline >= s_large.findings


def test_tracemalloc_peak_is_flat_in_corpus_size(tmp_path: Path) -> None:
    small = _corpus(tmp_path / "small.tsv", 5 * SHARD)
    large = _corpus(tmp_path / "large.tsv", 20 * SHARD)
    _watch(small, False)  # warm up (index, rules, caches) before measuring

    def peak(path: str, collect: bool) -> tuple[int, int]:
        gc.collect()
        tracemalloc.start()
        try:
            with tempfile.TemporaryFile() as out:
                sink: JsonWriter | CollectSink = CollectSink() if collect else JsonWriter(out)
                summary = lint_stream([path], SETTINGS, sink)
                del sink
            return tracemalloc.get_traced_memory()[1], summary.findings
        finally:
            tracemalloc.stop()

    small_peak, small_n = peak(small, False)
    large_peak, large_n = peak(large, False)
    collect_peak, _ = peak(large, True)
    assert large_n >= 4 * small_n
    per_finding = (collect_peak - large_peak) / large_n  # what holding a finding costs here
    assert per_finding > 200
    # 4× the findings, yet the streaming peak grows by less than 1/4 of what holding them would.
    assert large_peak - small_peak < 0.25 * per_finding * (large_n - small_n)
