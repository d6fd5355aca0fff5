"""A one-line progress bar on stderr for long lints: files and units done, rate, ETA.

It draws only on a terminal (never into a pipe, a CI log or a file) and at most ten
times a second; ``close`` erases the line so the report that follows starts clean.
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
    """Call :meth:`update` once per finished input (``run_lint``'s ``on_result``)."""

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

    def line(self, now: float | None = None) -> str:
        elapsed = max((self.clock() if now is None else now) - self.started, 1e-9)
        fraction = self.files / self.total if self.total else 1.0
        filled = int(self.WIDTH * fraction)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        rate = self.units / elapsed
        eta = elapsed * (self.total - self.files) / self.files if self.files else 0.0
        return (
            f"lint {bar} {self.files}/{self.total} files · {self.units} units · "
            f"{rate:,.0f} units/s · ETA {format_duration(eta)}"
        )

    def update(self, done: _Done) -> None:
        self.files += 1
        self.units += done.units
        if not self.enabled:
            return
        now = self.clock()
        if now - self._drawn < 0.1 and self.files < self.total:
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
