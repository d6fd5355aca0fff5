"""Plain and line-aligned text: release folders, Moses pairs, TSV, single text files.

Every text input must be UTF-8 (see :func:`.encoding.iter_lines`).

* **Release folder** (``corpora/releases/<slug>/`` with ``en.txt`` and ``ar.txt``):
  the k-th non-empty line of ``en.txt`` pairs with the k-th non-empty line of
  ``ar.txt``; ``unit`` = k (1-based), ``line``/``target_line`` = the line numbers in
  each file, ``file`` = the folder, ``source_file``/``target_file`` = the two files
  read.  Different non-empty line counts are refused, naming both files and both counts.
  A side may be named by a regional tag (``ar-SA.txt``, ``en-GB.txt``: see :func:`side_file`);
  its segments then carry that tag.
* **Moses pair** (``corpus.en`` + ``corpus.ar``, either may be ``.gz``): line k of one
  file is line k of the other, empty lines included; ``unit`` = the line number.
  Give either file; the other is found by swapping the language suffix.  ``file`` =
  the source file, ``source_file``/``target_file`` = the two files read.
* **TSV** (``.tsv``): ``source<TAB>target`` per line, blank lines skipped, ``unit`` =
  the line number.
* **Single text file** (``.txt``): monolingual, one segment per non-empty line,
  ``unit`` = the line number, ``target`` = ``None``; the language is ``source_lang``
  when given, else ``ar`` when Arabic letters are the majority of the letters in the
  file's first 200 lines, else ``en`` (one language per file, never per line).

Moses, TSV and text are *line* inputs (:class:`LineInput`): ``lint`` reads a large one in
line ranges (:class:`LineSpan`, planned by ``lint.shards``) with these same readers, so a
range gives exactly the segments, and the errors, the whole file gives for those lines.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import IO

from ..encoding import iter_lines
from ..errors import InputError
from ..model import Segment

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LETTER = re.compile(r"[^\W\d_]")
_MOSES_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)(?P<gz>\.gz)?$")


def open_binary(path: Path) -> IO[bytes]:
    """``path`` opened for reading bytes (decompressed when it ends in ``.gz``)."""
    try:
        if path.suffix == ".gz":
            return gzip.open(path, "rb")  # type: ignore[return-value]
        return open(path, "rb")
    except OSError as exc:
        raise InputError(
            f"cannot read: {exc.strerror}", file=str(path), hint="check that the file exists and is readable"
        ) from None


@dataclass(frozen=True, slots=True)
class LineSpan:
    """Lines ``[first, stop)`` (1-based; ``stop`` None: to the end) of a line input, and the
    reader's index of the first segment in them.  ``offsets``: the byte offset of line ``first``
    in each file read (None: read from the start, as a ``.gz`` file must be)."""

    first: int = 1
    stop: int | None = None
    index: int = 0
    offsets: tuple[int | None, ...] = ()

    def offset(self, k: int) -> int | None:
        return self.offsets[k] if k < len(self.offsets) else None


WHOLE = LineSpan()


def _lines(path: Path, span: LineSpan = WHOLE, k: int = 0) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines of ``span`` in ``path`` (file ``k`` of the input)."""
    offset = span.offset(k)
    with open_binary(path) as handle:
        if offset:
            handle.seek(offset)
            numbered = iter_lines(handle, file=str(path), first=span.first, offset=offset)
        else:
            numbered = iter_lines(handle, file=str(path))
        try:
            for number, text in numbered:
                if span.stop is not None and number >= span.stop:
                    return
                if number >= span.first:
                    yield number, text
        except (OSError, EOFError) as exc:  # damaged gzip stream
            raise damaged(path, exc) from None


def damaged(path: Path, exc: OSError | EOFError) -> InputError:
    """The error for a file whose bytes stop being readable part way (a damaged gzip stream)."""
    return InputError(f"cannot read: {exc}", file=str(path), hint="is the .gz file complete?")


def detect_language(text: str) -> str:
    """``ar`` when Arabic letters are the majority of the letters, else ``en``."""
    letters = len(_LETTER.findall(text))
    arabic = len(_ARABIC.findall(text))
    return "ar" if letters and arabic * 2 > letters else "en"


def file_language(path: Path, sample_lines: int = 200) -> str:
    """The language of a whole file, from its first lines (one language per file, never per line)."""
    sample: list[str] = []
    for number, text in _lines(path):
        sample.append(text)
        if number >= sample_lines:
            break
    return detect_language("\n".join(sample))


# -- release folders ---------------------------------------------------------------------------


def _regional(folder: Path, primary: str) -> list[Path]:
    """The ``<primary>-<region>.txt`` files of ``folder`` (``ar-SA.txt``), in name order."""
    return sorted(f for f in folder.glob(f"{primary}-*.txt") if f.is_file())


def is_release_folder(path: Path) -> bool:
    """A folder with ``en.txt`` or ``ar.txt``, or with both an ``en-*.txt`` and an ``ar-*.txt``
    (``en-GB.txt`` + ``ar-SA.txt``): a release (reading one without both sides as files is an
    error, never an English-only lint)."""
    if not path.is_dir():
        return False
    if (path / "en.txt").exists() or (path / "ar.txt").exists():
        return True
    return bool(_regional(path, "en")) and bool(_regional(path, "ar"))


def side_file(folder: Path, lang: str) -> Path:
    """The file of one side of a release folder, named by its language: ``ar-SA.txt`` for
    ``ar-SA`` if present, else ``ar.txt``, else the one regional ``ar-*.txt`` the folder holds
    (``ar.txt``, missing, when it holds none or several)."""
    exact = folder / f"{lang}.txt"
    if exact.is_file():
        return exact
    primary = lang.split("-", 1)[0].lower()
    plain = folder / f"{primary}.txt"
    if plain.is_file():
        return plain
    regional = _regional(folder, primary)
    return regional[0] if len(regional) == 1 else plain


def side_lang(file: Path, lang: str) -> str:
    """The language of a release side read from ``file``: its name when that names a region
    (``ar-SA.txt``), else ``lang`` (the option, or the default)."""
    stem = file.name[: -len(".txt")]
    return stem if "-" in stem else lang


def release_sides(folder: Path, source_lang: str | None, target_lang: str | None) -> tuple[Path, Path]:
    """The files of a release folder's source and target sides (``en``, ``ar`` unless given)."""
    return side_file(folder, source_lang or "en"), side_file(folder, target_lang or "ar")


def read_release(
    path: str | os.PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> Iterator[Segment]:
    folder = Path(path)
    src_file, tgt_file = release_sides(folder, source_lang, target_lang)
    src, tgt = side_lang(src_file, source_lang or "en"), side_lang(tgt_file, target_lang or "ar")
    counts = (_count_nonempty(src_file), _count_nonempty(tgt_file))
    if counts[0] != counts[1]:
        raise InputError(
            f"misaligned release: {src_file} has {counts[0]} non-empty lines, {tgt_file} has {counts[1]}",
            file=str(folder),
            hint="each paragraph must be one line in both files, in the same order",
        )
    pairs = zip(
        ((n, t) for n, t in _lines(src_file) if t.strip()),
        ((n, t) for n, t in _lines(tgt_file) if t.strip()),
        strict=True,
    )
    for k, ((sline, stext), (tline, ttext)) in enumerate(pairs):
        yield Segment(
            file=str(folder),
            unit=str(k + 1),
            index=k,
            source=stext,
            target=ttext,
            source_lang=src,
            target_lang=tgt,
            line=sline,
            target_line=tline,
            source_file=str(src_file),
            target_file=str(tgt_file),
        )


def _count_nonempty(path: Path) -> int:
    if not path.is_file():
        several = [f.name for f in _regional(path.parent, path.stem)]
        raise InputError(
            f"{path.name} is not a file" if path.exists() else f"missing {path.name}",
            file=str(path.parent),
            hint=f"which of {' and '.join(several)} is meant? say it with --source-lang or --target-lang"
            if len(several) > 1
            else "a release folder holds en.txt and ar.txt (two text files)",
        )
    return sum(1 for _n, text in _lines(path) if text.strip())


# -- line inputs: Moses pairs, TSV, text ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LineInput:
    """A line input resolved: the files read (a Moses pair: source, then target) and the
    languages its segments carry (a Moses pair's from its file names; a text file's from its
    first lines unless given)."""

    path: str  # as given: TSV and text segments name it
    format: str  # moses, tsv or text
    files: tuple[str, ...]
    source_lang: str
    target_lang: str | None


def moses_partner(path: Path, source_lang: str | None, target_lang: str | None) -> tuple[Path, Path] | None:
    """(source file, target file) of a Moses pair containing ``path``, or None if no partner exists."""
    match = _MOSES_SUFFIX.match(path.name)
    if not match:
        return None
    stem, lang, gz = match.group("stem"), match.group("lang"), match.group("gz") or ""
    src = source_lang or "en"
    tgt = target_lang or ("ar" if lang == src else lang)
    other = tgt if lang == src else src
    candidates = [
        path.with_name(f"{stem}.{other}{gz}"),
        path.with_name(f"{stem}.{other}{'' if gz else '.gz'}"),
    ]
    partner = next((c for c in candidates if c.is_file()), None)
    if partner is None or lang not in (src, tgt):
        return None
    return (path, partner) if lang == src else (partner, path)


def _moses_lang(file: Path) -> str:
    match = _MOSES_SUFFIX.match(file.name)
    assert match is not None  # moses_partner matched it
    return match.group("lang")


def line_input(
    path: str | os.PathLike[str], format: str, source_lang: str | None, target_lang: str | None
) -> LineInput:
    """What a reader of ``format`` reads for ``path``, told these languages (None: not given)."""
    name = os.fspath(path)
    if format == "moses":
        pair = moses_partner(Path(path), source_lang, target_lang)
        if pair is None:
            raise InputError(
                "no partner file for this Moses-style corpus",
                file=name,
                hint="give corpus.en beside corpus.ar (or .gz), named alike except the language",
            )
        files = (str(pair[0]), str(pair[1]))
        return LineInput(name, format, files, _moses_lang(pair[0]), _moses_lang(pair[1]))
    if format == "tsv":
        return LineInput(name, format, (name,), source_lang or "en", target_lang or "ar")
    return LineInput(name, format, (name,), source_lang or file_language(Path(path)), None)


def misaligned(files: tuple[str, ...], longer: str, count: int) -> InputError:
    """A Moses pair whose files differ in length: ``longer`` has more than ``count`` lines."""
    return InputError(
        f"misaligned corpus: {files[0]} and {files[1]} differ in length "
        f"({Path(longer).name} has more than {count} lines)",
        file=longer,
        line=count + 1,
        hint="line k of one file must translate line k of the other",
    )


def line_segments(source: LineInput, span: LineSpan = WHOLE) -> Iterator[Segment]:
    """The segments of ``span`` (the whole input by default), numbered as the whole file's."""
    if source.format == "moses":
        yield from _moses_segments(source, span)
        return
    index = span.index
    for number, text in _lines(Path(source.files[0]), span):
        if not text.strip():
            continue
        if source.format == "tsv":
            fields = text.split("\t")
            if len(fields) < 2:
                raise InputError(
                    "line has no TAB between source and target",
                    file=source.path,
                    line=number,
                    hint="TSV lines are: source<TAB>target",
                )
            yield Segment(
                file=source.path,
                unit=str(number),
                index=index,
                source=fields[0],
                target=fields[1],
                source_lang=source.source_lang,
                target_lang=source.target_lang,
                line=number,
                target_line=number,
            )
        else:
            yield Segment(
                file=source.path,
                unit=str(number),
                index=index,
                source=text,
                target=None,
                source_lang=source.source_lang,
                line=number,
            )
        index += 1


def _moses_segments(source: LineInput, span: LineSpan) -> Iterator[Segment]:
    src_file, tgt_file = source.files
    sides = zip_longest(_lines(Path(src_file), span, 0), _lines(Path(tgt_file), span, 1))
    for count, (left, right) in enumerate(sides, start=span.index):
        if left is None or right is None:
            raise misaligned(source.files, src_file if right is None else tgt_file, count)
        yield Segment(
            file=src_file,
            unit=str(left[0]),
            index=count,
            source=left[1],
            target=right[1],
            source_lang=source.source_lang,
            target_lang=source.target_lang,
            line=left[0],
            target_line=right[0],
            source_file=src_file,
            target_file=tgt_file,
        )


def read_moses(
    path: str | os.PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> Iterator[Segment]:
    yield from line_segments(line_input(path, "moses", source_lang, target_lang))


def read_tsv(
    path: str | os.PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> Iterator[Segment]:
    yield from line_segments(line_input(path, "tsv", source_lang, target_lang))


def read_text(
    path: str | os.PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> Iterator[Segment]:
    """A monolingual text file: one segment per non-empty line (``target_lang`` is ignored)."""
    yield from line_segments(line_input(path, "text", source_lang, target_lang))
