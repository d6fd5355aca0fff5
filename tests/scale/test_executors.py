"""Lint results are identical on every executor: serial, a process pool, a Dask cluster."""

from __future__ import annotations

from concurrent.futures import Executor, ProcessPoolExecutor

import pytest

from mustalah.lint.engine import LintSettings
from mustalah.lint.run import run_lint
from mustalah.model import LintResult
from mustalah.parallel import SerialExecutor

SETTINGS = LintSettings()


def _run(inputs: list[str], executor: Executor) -> LintResult:
    return run_lint(inputs, SETTINGS, executor=executor)


@pytest.fixture(scope="module")
def serial(lint_inputs: list[str]) -> LintResult:
    result = _run(lint_inputs, SerialExecutor())
    assert result.summary.units > 500
    assert result.findings, "the corpus must produce findings, or equality proves nothing"
    return result


def test_process_pool_equals_serial(lint_inputs: list[str], serial: LintResult) -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        result = _run(lint_inputs, pool)
    assert result.findings == serial.findings
    assert result.summary == serial.summary


@pytest.mark.dask
def test_dask_equals_serial(lint_inputs: list[str], serial: LintResult) -> None:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    try:
        client = distributed.Client(cluster, timeout=60)
        try:
            result = _run(lint_inputs, client.get_executor())
        finally:
            client.close()
    finally:
        cluster.close()
    assert result.findings == serial.findings
    assert result.summary == serial.summary
