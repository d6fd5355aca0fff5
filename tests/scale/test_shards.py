"""Sharded lint (line ranges of one large file) equals the unsharded run, on every executor."""

from __future__ import annotations

import gzip
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from mustalah.formats.registry import read_segments
from mustalah.lint.engine import InputResult, LintSettings
from mustalah.lint.inputs import lint_input, resolve_input
from mustalah.lint.shards import merge, plan_shards, plan_tasks, run_task, shard_segments
from mustalah.parallel import SerialExecutor, ordered_map

SETTINGS = LintSettings()


def _sharded(path: str, lines: int, executor: object | None = None) -> InputResult:
    tasks = plan_tasks([path], SETTINGS, lines_per_shard=lines)
    assert len(tasks) > 1
    pool = executor or SerialExecutor()
    merged = merge(list(ordered_map(pool, run_task, tasks, SETTINGS)))  # type: ignore[arg-type]
    assert len(merged) == 1
    return merged[0]


@pytest.mark.parametrize("name", ["corpus.en", "pairs.tsv", "arabic.txt"])
@pytest.mark.parametrize("lines", [1, 37, 100])
def test_segments_equal_the_reader(corpus_dir: Path, name: str, lines: int) -> None:
    path = str(corpus_dir / name)
    whole = list(read_segments(path))
    parts = [s for shard in plan_shards(resolve_input(path, SETTINGS), lines) for s in shard_segments(shard)]
    assert parts == whole


@pytest.mark.parametrize("name", ["corpus.en", "pairs.tsv", "arabic.txt"])
def test_sharded_lint_equals_unsharded(corpus_dir: Path, name: str) -> None:
    path = str(corpus_dir / name)
    whole = lint_input(path, SETTINGS)
    assert whole.findings
    assert _sharded(path, 50) == whole


def test_gzip_moses_pair(corpus_dir: Path, tmp_path: Path) -> None:
    for lang in ("en", "ar"):
        with (
            open(corpus_dir / f"corpus.{lang}", "rb") as src,
            gzip.open(tmp_path / f"c.{lang}.gz", "wb") as dst,
        ):
            shutil.copyfileobj(src, dst)
    path = str(tmp_path / "c.en.gz")
    shards = plan_shards(resolve_input(path, SETTINGS), 40)
    assert len(shards) > 1 and all(o is None for s in shards for o in s.span.offsets)  # read from the start
    assert _sharded(path, 40) == lint_input(path, SETTINGS)


def test_process_pool_sharded(corpus_dir: Path) -> None:
    path = str(corpus_dir / "corpus.en")
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert _sharded(path, 60, pool) == lint_input(path, SETTINGS)


def test_non_line_formats_are_not_sharded(corpus_dir: Path) -> None:
    release = next(p for p in sorted((corpus_dir / "releases").iterdir()) if (p / "en.txt").is_file())
    assert plan_shards(resolve_input(str(release), SETTINGS), 10) == []
