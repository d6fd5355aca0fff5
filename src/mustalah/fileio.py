"""Outputs: atomic, never over an input, special files written in place, ``-`` for stdout.

* A regular file is written to a temporary ``.NAME.PID.RANDOM.part`` beside the target, then
  renamed over it: an interrupt (Ctrl-C, SIGTERM) or a full disk leaves the old file untouched
  and no ``.part`` behind.  A ``.part`` of the same output left by a killed run (its process is
  gone) is removed by the next run that writes that output.
* A device, FIFO or ``/dev/…``/``/proc/…`` path (``-o /dev/null``, ``-o /dev/stdout``) is never
  renamed over: the output is spooled, then written into it in place.  ``-o -`` is stdout.
* :func:`check_not_input` compares the output with every file the run reads by identity
  (:func:`os.path.samefile`: hard links, symlinks and ``./x`` vs ``x`` included).
* An ``OSError`` while writing (no space, read-only folder, permission) becomes a located
  :class:`~mustalah.errors.OutputError` (exit 2).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import OutputError, UsageError

#: The output name meaning standard output.
STDOUT = "-"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def files_under(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Each path, and every file below each folder among them (what a run that walks them reads)."""
    for item in paths:
        p = Path(item)
        if p.is_dir():
            for root, _dirs, names in os.walk(p):
                for name in names:
                    yield Path(root, name)
        else:
            yield p


def _umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_not_input(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]], option: str = "output"
) -> None:
    """Refuse an ``output`` that is one of ``inputs`` (folders: any file below them), by identity.

    Also refused: an output folder that holds an input (writing the folder as a whole would
    replace the input).
    """
    if str(output) == STDOUT:
        return
    out = Path(output)
    ident = _identity(out)
    out_dir = out.resolve() if out.is_dir() else None
    for item in files_under(inputs):
        same = ident is not None and _identity(item) == ident
        inside = out_dir is not None and out_dir in item.resolve().parents
        if same or inside:
            raise UsageError(
                f"{option} {output} is also an input ({item})"
                if same
                else f"{option} folder {output} holds an input ({item})",
                hint="write the output to a new file; mustalah never overwrites its input",
            )


def _special(target: Path) -> bool:
    """Whether ``target`` must be written in place, never renamed over: a device, FIFO or socket,
    or a link under /dev or /proc (``/dev/stdout``, ``/proc/self/fd/1``)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return True
    return target.is_symlink() and os.path.abspath(target).startswith(("/dev/", "/proc/"))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove ``.NAME.PID.*.part`` files of ``target`` whose process is gone (a killed run's)."""
    directory = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(\d+)\.[^/]*\.part$")
    removed: list[Path] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        match = pattern.match(name)
        if match and not _pid_alive(int(match.group(1))):
            stale = directory / name
            try:
                if stale.is_dir():
                    shutil.rmtree(stale)
                else:
                    stale.unlink()
            except OSError:
                continue
            removed.append(stale)
    return removed


def part_name(target: Path) -> str:
    """The prefix of a temporary ``.part`` of ``target`` (what :func:`remove_stale_parts` matches)."""
    return f".{target.name}.{os.getpid()}."


def write_error(target: str | os.PathLike[str], exc: OSError) -> OutputError:
    """The located message for an ``OSError`` raised while writing ``target``."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        hint = "free some space on that disk or write the output elsewhere; nothing was written"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "choose a folder you can write to; nothing was written"
    else:
        hint = "check the output path; nothing was written"
    return OutputError(f"cannot write the output: {reason}", file=str(target), hint=hint)


def _check_target(target: Path) -> Path:
    if target.is_dir():
        raise UsageError(f"{target} is a directory", hint="give a file name for the output")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.exists():
        raise UsageError(f"output folder {directory} does not exist", hint="create it first")
    if not directory.is_dir():
        raise UsageError(f"output folder {directory} is not a folder", hint="check the output path")
    return directory


#: ``errno`` values that only a write raises: inside the writing block they name the output.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO})


def _body_error(target: str | os.PathLike[str], exc: BaseException) -> BaseException:
    """An exception from inside the writing block: a failed write to the output (no file name,
    a write-only errno) becomes the output's message; anything else (an input that cannot be
    read, an interrupt) passes through unchanged."""
    if isinstance(exc, OSError) and exc.filename is None and exc.errno in _WRITE_ERRNOS:
        return write_error(target, exc)
    return exc


@contextlib.contextmanager
def atomic_binary(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary handle whose content becomes ``path`` only when the block completes."""
    if str(path) == STDOUT:
        with _spooled(None) as handle:
            yield handle
        return
    target = Path(path)
    directory = _check_target(target)
    if _special(target):
        with _spooled(target) as handle:
            yield handle
        return
    if target.is_symlink():  # replace the file it points to, keep the link
        target = Path(os.path.realpath(target))
        directory = target.parent
    remove_stale_parts(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=part_name(target), suffix=".part", dir=directory)
    except OSError as exc:
        raise write_error(target, exc) from None
    # mkstemp makes 0600 files; outputs get 0666 less the umask, as open() gives (reports are shared)
    with contextlib.suppress(OSError):
        os.fchmod(fd, 0o666 & ~_umask())
    handle = os.fdopen(fd, "wb")
    try:
        try:
            yield handle
        except BaseException as exc:
            _close_quietly(handle)  # its buffer cannot be written either: never a second error
            mapped = _body_error(target, exc)
            if mapped is exc:
                raise
            raise mapped from None
        try:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.replace(tmp, target)
        except OSError as exc:
            _close_quietly(handle)
            raise write_error(target, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _spooled(target: Path | None) -> Iterator[IO[bytes]]:
    """Spool to an anonymous temporary file; at the end copy it into ``target`` in place (a
    device or FIFO is opened for writing, never renamed over), or to stdout for ``None``."""
    name: str | Path = STDOUT if target is None else target
    try:
        spool = tempfile.TemporaryFile(prefix="mustalah-out-")  # noqa: SIM115  (closed by the with below)
    except OSError as exc:
        raise write_error(name, exc) from None
    try:
        try:
            yield spool
        except BaseException as exc:
            _close_quietly(spool)
            mapped = _body_error(name, exc)
            if mapped is exc:
                raise
            raise mapped from None
        try:
            spool.flush()
            spool.seek(0)
            if target is None:
                sys.stdout.flush()
                shutil.copyfileobj(spool, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                # a regular file reached through /dev/stdout: append, as the shell opened it
                with open(target, "ab" if _regular(target) else "wb") as out:
                    shutil.copyfileobj(spool, out)
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            raise write_error(name, exc) from None
    finally:
        _close_quietly(spool)


def _close_quietly(handle: IO[bytes]) -> None:
    """Close ``handle``; a buffer that cannot be flushed (the disk is full) is dropped."""
    with contextlib.suppress(OSError):
        handle.close()


def _regular(target: Path) -> bool:
    try:
        return stat.S_ISREG(target.stat().st_mode)
    except OSError:
        return False


@contextlib.contextmanager
def atomic_text(path: str | os.PathLike[str], encoding: str = "utf-8") -> Iterator[IO[str]]:
    with atomic_binary(path) as raw:
        wrapper = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()
