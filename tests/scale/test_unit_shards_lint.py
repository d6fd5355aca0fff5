"""Linting a TMX / XLIFF / PO file in unit-range shards gives the whole-file result on every
executor: serial, a process pool, a Dask LocalCluster — and through ``mustalah lint --jobs``."""

from __future__ import annotations

from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.lint import shards
from mustalah.lint.engine import InputResult, LintSettings
from mustalah.lint.inputs import lint_input
from mustalah.lint.shards import merge, plan_tasks, run_task
from mustalah.lint.unitshards import DEFAULT_SHARD_UNITS
from mustalah.parallel import SerialExecutor, ordered_map

from .unit_files import corpus_lines, write_all

SETTINGS = LintSettings()
NAMES = ("units.tmx", "utf16.tmx", "units.xlf", "units2.xlf", "units.po")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    en, ar = corpus_lines(150)
    return write_all(tmp_path_factory.mktemp("lint-units"), en, ar)


@pytest.fixture(scope="module")
def wholes(files: dict[str, Path]) -> dict[str, InputResult]:
    out = {name: lint_input(str(files[name]), SETTINGS) for name in NAMES}
    assert all(r.findings for r in out.values()), "findings are needed, or equality proves nothing"
    return out


def _sharded(path: str, executor: Executor, units: int = 40) -> InputResult:
    tasks = plan_tasks([path], SETTINGS, units_per_shard=units)
    assert len(tasks) > 1
    merged = merge(list(ordered_map(executor, run_task, tasks, SETTINGS)))
    assert len(merged) == 1
    return merged[0]


@pytest.mark.parametrize("name", NAMES)
def test_serial_shards_equal_the_whole_file(
    files: dict[str, Path], wholes: dict[str, InputResult], name: str
) -> None:
    result = _sharded(str(files[name]), SerialExecutor())
    assert result == wholes[name]
    assert result.facts == wholes[name].facts  # corpus-rule facts carry the global Segment.index


def test_process_pool_shards_equal_the_whole_file(
    files: dict[str, Path], wholes: dict[str, InputResult]
) -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        for name in NAMES:
            assert _sharded(str(files[name]), pool) == wholes[name], name


@pytest.mark.dask
def test_dask_shards_equal_the_whole_file(files: dict[str, Path], wholes: dict[str, InputResult]) -> None:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    try:
        client = distributed.Client(cluster, timeout=60)
        try:
            results = {name: _sharded(str(files[name]), client.get_executor()) for name in NAMES}
        finally:
            client.close()
    finally:
        cluster.close()
    assert results == wholes


@pytest.mark.slow
@pytest.mark.parametrize("name", ["corpus.tmx", "corpus.xlf", "corpus.po"])
def test_bench_pool_shards_equal_the_whole_file(name: str, bench_10k: Path) -> None:
    path = str(bench_10k / name)
    whole = lint_input(path, SETTINGS)
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert _sharded(path, pool, DEFAULT_SHARD_UNITS) == whole


@pytest.mark.slow
def test_bench_cli_jobs_2_is_byte_identical_to_the_unsharded_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bench_10k: Path
) -> None:
    path = str(bench_10k / "corpus.tmx")

    def lint(jobs: str) -> bytes:
        out = tmp_path / f"jobs{jobs}.json"
        code = main(["lint", path, "--no-config", "--format", "json", "-o", str(out), "--jobs", jobs])
        assert code in (0, 1)
        return out.read_bytes()

    sharded = lint("2")
    with monkeypatch.context() as patch:
        patch.setattr(shards, "plan_unit_shards", lambda *args, **kwargs: [])
        assert len(plan_tasks([path], SETTINGS)) == 1
        whole = lint("1")
    assert sharded == whole
