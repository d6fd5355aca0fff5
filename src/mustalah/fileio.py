"""Atomic output: write to a temporary file beside the target, then rename.

Outputs are never half-written, never written over one of the inputs, and an
interrupt (Ctrl-C) leaves no partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import UsageError


def check_not_input(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    out = Path(output).resolve()
    for item in inputs:
        if Path(item).resolve() == out:
            raise UsageError(
                f"output {output} is also an input",
                hint="write the output to a new file; mustalah never overwrites its input",
            )


@contextlib.contextmanager
def atomic_binary(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{target} is a directory", hint="give a file name for the output")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.exists():
        raise UsageError(f"output folder {directory} does not exist", hint="create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_text(path: str | os.PathLike[str], encoding: str = "utf-8") -> Iterator[IO[str]]:
    with atomic_binary(path) as raw:
        import io

        wrapper = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()
