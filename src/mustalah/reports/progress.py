"""A one-line progress bar on stderr for long lints: files and units done, rate, ETA.

It draws only on a terminal (never into a pipe, a CI log or a file) and at most ten
times a second; ``close`` erases the line so the report that follows starts clean.
A large file linted in shards moves the bar as each shard finishes (:meth:`Progress.task`),
so one 100k-unit TMX shows its units, rate and ETA while it runs, not only at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import IO, Protocol


class _Done(Protocol):
    @property
    def units(self) -> int: ...


def format_duration(seconds: float) -> str:
    seconds = int(max(0, seconds))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Call :meth:`update` once per finished input (``lint_stream``'s ``on_result``) and
    :meth:`task` once per finished shard of it (``on_task``)."""

    WIDTH = 24

    def __init__(
        self,
        total_files: int,
        stream: IO[str] | None = None,
        *,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty()) if enabled is None else enabled
        self.total = total_files
        self.files = 0
        self.units = 0
        self.clock = clock
        self.started = clock()
        self._drawn = 0.0
        self._width = 0
        self._part = 0.0  # fraction of the current input done (its shards so far)
        self._part_units = 0
        self._shards = ""

    def line(self, now: float | None = None) -> str:
        elapsed = max((self.clock() if now is None else now) - self.started, 1e-9)
        done = self.files + self._part
        fraction = min(done / self.total, 1.0) if self.total else 1.0
        filled = int(self.WIDTH * fraction)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        rate = self.units / elapsed
        eta = elapsed * (self.total - done) / done if done else 0.0
        return (
            f"lint {bar} {self.files}/{self.total} files{self._shards} · {self.units} units · "
            f"{rate:,.0f} units/s · ETA {format_duration(eta)}"
        )

    def task(self, units: int, done: int, tasks: int) -> None:
        """A shard of the current input finished: ``done`` of its ``tasks`` shards are."""
        self.units += units
        self._part_units += units
        if tasks > 1:
            self._part = min(done / tasks, 1.0)
            self._shards = f" (shard {done}/{tasks})"
        self._draw(final=False)

    def update(self, done: _Done) -> None:
        self.files += 1
        self.units += done.units - self._part_units  # shards already counted theirs
        self._part, self._part_units, self._shards = 0.0, 0, ""
        self._draw(final=self.files >= self.total)

    def _draw(self, final: bool) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self._drawn < 0.1 and not final:
            return
        self._drawn = now
        text = self.line(now)
        pad = " " * max(0, self._width - len(text))
        self._width = len(text)
        self.stream.write("\r" + text + pad)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
