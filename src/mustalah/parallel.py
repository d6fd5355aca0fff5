"""The Executor seam: serial, a local process pool, or Dask — interchangeable.

The core only ever sees a :class:`concurrent.futures.Executor`.  Results come back
in input order whatever the executor, so parallel runs equal the serial run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from .errors import UsageError

T = TypeVar("T")


class SerialExecutor(Executor):
    """Runs each task at submit time, in this process (the reference behaviour)."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # the caller sees it through future.result()
            future.set_exception(exc)
        return future


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def make_executor(jobs: int | None = None, scheduler: str | None = None) -> Executor:
    """``scheduler`` (``tcp://host:port`` or a scheduler file) → Dask; ``jobs > 1`` → processes."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError(
                "--scheduler needs the dask extra", hint="pip install 'mustalah[dask]'"
            ) from None
        remote = scheduler.startswith(("tcp://", "tls://", "inproc://", "ws://", "wss://"))
        if not remote and not Path(scheduler).is_file():
            raise UsageError(
                f"--scheduler {scheduler}: neither a scheduler address nor an existing scheduler file",
                hint="give tcp://host:port or the JSON file written by `dask scheduler --scheduler-file`",
            )
        try:
            if remote:
                client = Client(scheduler, timeout="15s")  # type: ignore[no-untyped-call]
            else:
                client = Client(scheduler_file=scheduler, timeout="15s")  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(
                f"cannot reach the Dask scheduler {scheduler}: {exc}",
                hint="start it (`dask scheduler`) and its workers (`dask worker ADDRESS`), "
                "or drop --scheduler",
            ) from None
        executor: Executor = client.get_executor()  # type: ignore[no-untyped-call]
        return executor
    if jobs is None or jobs <= 1:
        return SerialExecutor()
    return ProcessPoolExecutor(max_workers=jobs)


def ordered_map(
    executor: Executor, fn: Callable[..., T], items: Iterable[Any], *extra: Any, window: int = 64
) -> Iterator[T]:
    """Submit ``fn(item, *extra)`` for each item, yielding results in input order.

    At most ``window`` tasks are in flight, so memory stays flat for long inputs.
    """
    pending: list[Future[T]] = []
    for item in items:
        pending.append(executor.submit(fn, item, *extra))
        if len(pending) >= window:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()
