"""The inputs of one lint run, resolved once.

``mustalah lint corpora/ memory.tmx catalogue.po``: the paths given are expanded into inputs
— files, and release folders taken whole (:func:`expand_inputs`, once per run) — and each
input is resolved into a :class:`LintInput`: its format (``formats.registry.detect_format``,
once per input), the languages its reader is told (:func:`reader_languages`, the one place
``--lang`` / ``--source-lang`` / ``--target-lang`` become a reader's arguments) and the files
it reads (a release folder's two sides, both files of a Moses pair).  Planning
(``lint.shards``) turns each record into tasks that carry it; a task's reader gets the
format from the record, so no later stage walks the paths, detects a format or works out the
languages again.  The command line sizes the run (``--jobs``, the HTML warning) and refuses
an output that is an input from the same records.

An input that cannot be resolved (an empty file, a TBX given to lint, a damaged gzip …) is
an :class:`Unreadable` holding its located error.  Its task raises that error when its turn
comes, in input order — where reading it would have raised — so the first unreadable input
stops a run, and ``--keep-going`` reports it and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import MustalahError, UsageError
from ..formats.plain import is_release_folder
from ..formats.registry import WALKED_SUFFIXES, detect_format, files_of, read_segments
from ..model import Segment
from .engine import InputResult, LintSettings, lint_segments


def expand_inputs(paths: Iterable[str]) -> list[str]:
    """Files and release folders to lint, in a stable order."""
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise UsageError(f"{raw}: no such file or folder", hint="check the path")
        if p.is_file() or is_release_folder(p):
            out.append(str(p))
            continue
        for child in sorted(p.rglob("*")):
            if child.is_dir() and is_release_folder(child):
                out.append(str(child))
            elif (
                child.is_file()
                and child.name.lower().endswith(WALKED_SUFFIXES)  # .tmx.gz: a suffix is not enough
                and not is_release_folder(child.parent)
            ):
                if child.name.lower() in ("readme.txt",) or child.name.startswith("."):
                    continue
                out.append(str(child))
    return out


@dataclass(frozen=True, slots=True)
class LintInput:
    """One input of a run: a file or a release folder, resolved."""

    path: str  # as expanded: what findings and results name
    format: str  # its reader in ``formats.registry.FORMATS``
    source_lang: str | None  # what the reader is told (None: the file says, or the reader decides)
    target_lang: str | None
    files: tuple[str, ...]  # the files read (a release folder's two sides, a Moses pair's two files)

    def segments(self) -> Iterator[Segment]:
        """The input's segments, read by its format's reader."""
        return read_segments(self.path, self.source_lang, self.target_lang, format=self.format)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input whose format could not be told: the located error reading it would raise."""

    path: str
    error: MustalahError

    @property
    def files(self) -> tuple[str, ...]:
        return (self.path,)

    def segments(self) -> Iterator[Segment]:
        raise self.error


def reader_languages(settings: LintSettings) -> tuple[str | None, str | None]:
    """The languages a reader is told: ``--lang`` (monolingual text) else ``--source-lang``,
    and ``--target-lang`` (None where not given: the file says, or the reader's default)."""
    return settings.lang or settings.source_lang, settings.target_lang


def resolve_input(path: str, settings: LintSettings) -> LintInput:
    """``path`` (a file or a release folder) resolved; a located error when it cannot be."""
    source_lang, target_lang = reader_languages(settings)
    fmt = detect_format(path, source_lang, target_lang)
    return LintInput(path, fmt, source_lang, target_lang, files_of(path, fmt, source_lang, target_lang))


def _resolve(path: str, settings: LintSettings) -> LintInput | Unreadable:
    try:
        return resolve_input(path, settings)
    except MustalahError as exc:
        return Unreadable(path, exc)


@dataclass(frozen=True, slots=True)
class RunInputs:
    """Every input of one run, in input order, and the paths given."""

    given: tuple[str, ...]
    inputs: tuple[LintInput | Unreadable, ...]

    def __len__(self) -> int:
        return len(self.inputs)

    def files(self) -> list[str]:
        """Every file the inputs read, in input order."""
        return [file for item in self.inputs for file in item.files]

    def size(self) -> int:
        """Bytes the inputs read (as stored: a ``.gz`` file's compressed size)."""
        return sum(os.path.getsize(f) for f in self.files() if os.path.isfile(f))

    def lookup(self) -> dict[str, LintInput | Unreadable]:
        """Each input by its path."""
        return {item.path: item for item in self.inputs}


def resolve_inputs(paths: Iterable[str], settings: LintSettings) -> RunInputs:
    """The paths given (files and folders; a folder is walked) as the run's inputs, resolved.
    A path that does not exist is a usage error; an input that cannot be read is an
    :class:`Unreadable` (raised at its turn)."""
    given = tuple(paths)
    return RunInputs(given, tuple(_resolve(path, settings) for path in expand_inputs(given)))


def lint_input(path: str, settings: LintSettings, keep_segments: bool = False) -> InputResult:
    """Lint one file or release folder whole, resolved as a run resolves it (the library's
    entry point for one input; top-level and picklable, so it runs on any executor)."""
    return lint_segments(resolve_input(path, settings).segments(), settings, path, keep_segments)
