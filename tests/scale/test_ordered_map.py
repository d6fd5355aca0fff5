"""The one bounded, in-order executor loop (``parallel.ordered_map``) that lint and score share."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pytest

from mustalah import parallel
from mustalah.parallel import SerialExecutor, ordered_map
from mustalah.scoring import engine as scoring_engine
from mustalah.scoring.engine import ShardConfig, ShardResult
from mustalah.scoring.inputs import ShardInput
from mustalah.scoring.metrics import MetricOptions


class Recording(SerialExecutor):
    """Runs nothing until asked for a result, and records how many tasks were in flight."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.most = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        done = super().submit(fn, *args, **kwargs).result()

        def result(timeout: float | None = None) -> Any:
            self.in_flight -= 1
            return done

        future.result = result  # type: ignore[method-assign]
        return future


@pytest.mark.parametrize("window", [0, 1, 3, 64])
def test_results_come_in_input_order_with_at_most_window_in_flight(window: int) -> None:
    executor = Recording()
    assert list(ordered_map(executor, pow, range(10), 2, window=window)) == [k * k for k in range(10)]
    assert executor.most == max(1, min(window, 10))


def test_in_order_on_a_pool_whatever_finishes_first() -> None:
    import time

    def late_first(k: int) -> int:
        time.sleep(0.05 if k == 0 else 0)
        return k

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(ordered_map(pool, late_first, range(8), window=4)) == list(range(8))


def test_scoring_runs_its_shards_through_the_same_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = parallel.ordered_map

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs["window"])
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring_engine, "ordered_map", spy)
    shards = [ShardInput(k, ("a",), None, (("the cat",),), (("the cat",),)) for k in range(3)]
    config = ShardConfig(("bleu",), MetricOptions())
    got: list[ShardResult] = []
    systems = scoring_engine.run(shards, config, ["sys"], on_shard=got.append, max_pending=2)
    assert seen == [2] and [r.first for r in got] == [0, 1, 2] and systems[0].count == 3
