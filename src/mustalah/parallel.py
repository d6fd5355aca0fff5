"""The Executor seam: serial, a local process pool, or Dask — interchangeable.

The core only ever sees a :class:`concurrent.futures.Executor`.  Results come back
in input order whatever the executor, so parallel runs equal the serial run.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections import deque
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


#: ``--jobs`` above this many processes per core is lowered to it (each worker holds the
#: compiled index: 10,000 workers is an out-of-memory kill, not a faster run).
JOBS_PER_CORE = 4


def max_jobs() -> int:
    return JOBS_PER_CORE * (os.cpu_count() or 1)


def bounded_jobs(value: object, option: str = "--jobs") -> int:
    """A worker count from the user: at least 1 (else a usage error), at most :func:`max_jobs`
    (a larger one is lowered, and stderr says so)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise UsageError(f"{option} must be a whole number, not {value!r}", hint="for example --jobs 2")
    if value < 1:
        raise UsageError(
            f"{option} {value}: the number of worker processes must be at least 1",
            hint="give --jobs 1 for one process, or leave it out for the default",
        )
    limit = max_jobs()
    if value > limit:
        print(
            f"mustalah: warning: {option} {value} is more than {JOBS_PER_CORE} per core "
            f"({os.cpu_count() or 1} core(s)); using {limit} worker processes",
            file=sys.stderr,
        )
        return limit
    return value


def _worker_init(parent: int) -> None:
    """In each pool worker: die with the parent (even on SIGKILL), leave Ctrl-C to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (cli.main)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def stop_now(executor: Executor) -> None:
    """After an interrupt: cancel queued tasks and end a process pool's workers at once."""
    if isinstance(executor, ProcessPoolExecutor):
        _ignore_broken_pipes()
        processes = list((getattr(executor, "_processes", None) or {}).values())
        results = getattr(executor, "_result_queue", None)  # shutdown forgets it
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
        _close_result_writer(results)
    else:
        try:
            executor.shutdown(wait=False, cancel_futures=True)
        except TypeError:  # an executor without cancel_futures (Dask's ClientExecutor)
            executor.shutdown(wait=False)


def _close_result_writer(results: object) -> None:
    """A worker ended while it wrote a result leaves half a message in the pool's result pipe: the
    pool's manager thread waits for the rest in ``recv`` and the interpreter, joining that thread
    at exit, hangs after Ctrl-C (seen about once in twenty interrupts).  With the workers gone, the
    parent's copy is the pipe's last write end: closing it ends the read with EOF, the thread marks
    the pool broken and returns."""
    writer = getattr(results, "_writer", None)
    close = getattr(writer, "close", None)
    if close is not None:
        with contextlib.suppress(OSError):
            close()


def _ignore_broken_pipes() -> None:
    """The pool's own threads still write to the workers being ended: with SIGPIPE at its default
    (``mustalah … | head`` ends quietly) such a write would kill the process by SIGPIPE instead of
    letting it exit as interrupted (130, or 143 for SIGTERM)."""
    if hasattr(signal, "SIGPIPE") and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)


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
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))


def ordered_map(
    executor: Executor, fn: Callable[..., T], items: Iterable[Any], *extra: Any, window: int = 64
) -> Iterator[T]:
    """Submit ``fn(item, *extra)`` for each item, yielding results in input order.

    At most ``window`` tasks are in flight (at least one), so memory stays flat for long
    inputs: the one bounded, in-order loop behind ``lint`` (``lint.run``) and ``score``
    (``scoring.engine``).  A result is yielded before the next item is submitted once the
    window is full, so the caller folds it while the others run.
    """
    pending: deque[Future[T]] = deque()
    for item in items:
        pending.append(executor.submit(fn, item, *extra))
        while len(pending) >= max(1, window):
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
