"""Shared atheris harness: every reader gets arbitrary bytes and must yield or raise MustalahError.

Why a harness: the contract under test is the same for every reader — any byte string becomes
either Segments (or a LoadResult) or a located :class:`~mustalah.errors.MustalahError`; any other
exception (IndexError, UnicodeDecodeError, lxml errors escaping, RecursionError …) is a crash that
would reach the user as a traceback.  Each ``fuzz_<name>.py`` calls :func:`main` with one target.

Inputs are written to a file in a RAM-backed temporary folder because every reader takes a path
(that is how the CLI calls them, and detection sniffs the file).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(include=["mustalah", "polib", "yaml"]):
    from mustalah.errors import MustalahError
    from mustalah.formats import plain
    from mustalah.formats.po import read_po
    from mustalah.formats.registry import read_segments
    from mustalah.formats.tmx import read_tmx
    from mustalah.formats.xliff2 import read_xliff2
    from mustalah.formats.xliff12 import read_xliff12
    from mustalah.termbase.tbx_read import read_tbx
    from mustalah.termbase.validate import check_termbase
    from mustalah.termbase.yaml_io import read_yaml

logging.disable(logging.CRITICAL)
_ROOT = Path(tempfile.mkdtemp(prefix="mustalah-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))


def _file(name: str, data: bytes) -> Path:
    path = _ROOT / name
    path.write_bytes(data)
    return path


def _tmx(data: bytes) -> None:
    list(read_tmx(_file("in.tmx", data)))
    list(read_segments(_file("detect.tmx", data)))


def _xliff12(data: bytes) -> None:
    list(read_xliff12(_file("in.xlf", data)))


def _xliff2(data: bytes) -> None:
    list(read_xliff2(_file("in2.xlf", data)))


def _po(data: bytes) -> None:
    list(read_po(_file("in.po", data)))


def _plain(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    first = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, len(data)))
    second = fdp.ConsumeBytes(fdp.remaining_bytes())
    for reader, name in ((plain.read_text, "in.txt"), (plain.read_tsv, "in.tsv")):
        with contextlib.suppress(MustalahError):
            list(reader(_file(name, first)))
    folder = _ROOT / "release"
    folder.mkdir(exist_ok=True)
    (folder / "en.txt").write_bytes(first)
    (folder / "ar.txt").write_bytes(second)
    with contextlib.suppress(MustalahError):
        list(plain.read_release(folder))
    _file("corpus.en", first)
    list(plain.read_moses(_file("corpus.ar", second)))


def _tbx(data: bytes) -> None:
    result = read_tbx(_file("in.tbx", data))
    check_termbase(result.termbase)


def _yaml(data: bytes) -> None:
    result = read_yaml(_file("in.yaml", data))
    check_termbase(result.termbase)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "tmx": _tmx,
    "xliff12": _xliff12,
    "xliff2": _xliff2,
    "po": _po,
    "plain": _plain,
    "tbx": _tbx,
    "yaml": _yaml,
}


def _collector(target: str) -> Callable[[bytes, BaseException], None] | None:
    """Triage mode (``MUSTALAH_FUZZ_COLLECT=DIR``): record each distinct crash and keep going."""
    folder = os.environ.get("MUSTALAH_FUZZ_COLLECT")
    if not folder:
        return None
    seen: set[str] = set()

    def record(data: bytes, exc: BaseException) -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        where = next((f for f in reversed(frames) if "mustalah" in f.filename), frames[-1])
        key = f"{type(exc).__name__}:{os.path.basename(where.filename)}:{where.lineno}"
        if key in seen:
            return
        seen.add(key)
        stem = Path(folder) / f"{target}-{len(seen):03d}"
        stem.with_suffix(".bin").write_bytes(data)
        stem.with_suffix(".txt").write_text(key + "\n" + "".join(traceback.format_exception(exc)))

    return record


def main(target: str) -> None:
    run = TARGETS[target]
    record = _collector(target)

    def one(data: bytes) -> None:
        try:
            run(data)
        except MustalahError:
            pass  # the contract: a located, user-facing error
        except Exception as exc:
            if record is None:
                raise
            record(data, exc)

    atheris.Setup(sys.argv, one)
    atheris.Fuzz()
