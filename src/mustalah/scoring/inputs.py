"""Reading and validating scoring inputs: files streamed in shards, or in-memory streams.

sacreBLEU silently accepts a wrong reference shape (N streams of one string instead of K
streams of N strings: mjpost/sacrebleu#220) and truncates unequal streams with ``zip``.  Here
every stream is checked first: files by counting their lines (one streaming pass, nothing
kept), in-memory streams by their shape.  Errors name the files and the counts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, repeat
from pathlib import Path

from ..errors import InputError
from . import wmt21

#: A source occurrence list per segment, when annotations (WMT21) define the terms.
Occurrences = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ShardInput:
    """Aligned lines of one shard: ``first`` is the 0-based index of its first segment."""

    first: int
    sources: tuple[str, ...]
    occurrences: tuple[Occurrences, ...] | None
    references: tuple[tuple[str, ...], ...]  # K streams
    hypotheses: tuple[tuple[str, ...], ...]  # S systems


@dataclass(frozen=True, slots=True)
class CorpusFiles:
    """The files of one scoring run.  SGML (WMT) files are detected by content."""

    references: tuple[Path, ...]
    hypotheses: tuple[Path, ...]
    source: Path | None = None

    def all(self) -> tuple[Path, ...]:
        return ((self.source,) if self.source else ()) + self.references + self.hypotheses

    @property
    def source_is_sgml(self) -> bool:
        return self.source is not None and wmt21.is_sgml(self.source)


def _text_lines(path: Path) -> Iterator[str]:
    name = str(path)
    try:
        with open(path, encoding="utf-8", newline=None) as handle:
            no = 0
            try:
                for no, line in enumerate(handle, start=1):  # noqa: B007 - no is used in the error
                    yield line[:-1] if line.endswith("\n") else line
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not UTF-8 ({exc.reason})", file=name, line=no + 1, hint="convert the file to UTF-8"
                ) from None
    except FileNotFoundError:
        raise InputError("no such file", file=name, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", file=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=name) from None


def iter_texts(path: Path) -> Iterator[str]:
    """Segment texts of a plain (one segment per line) or WMT SGML file."""
    if wmt21.is_sgml(path):
        for seg in wmt21.iter_segments(path):
            yield seg.text.strip()
    else:
        yield from _text_lines(path)


def count_segments(path: Path) -> int:
    return sum(1 for _ in iter_texts(path))


def check_counts(files: CorpusFiles) -> int:
    """The common segment count of all files, or an InputError naming the odd one out."""
    if files.source is None and not files.references:
        raise InputError("neither a source nor a reference was given")
    first = files.source if files.source is not None else files.references[0]
    expected = count_segments(first)
    for path in files.all():
        if path == first:
            continue
        n = count_segments(path)
        if n != expected:
            role = "reference" if path in files.references else "hypothesis"
            raise InputError(
                f"{role} has {n} segments, but {first} has {expected}",
                file=str(path),
                hint="source, references and hypotheses must be line-aligned (one segment per line)",
            )
    return expected


def iter_file_shards(files: CorpusFiles, shard_size: int, annotated: bool = False) -> Iterator[ShardInput]:
    """Stream aligned shards of ``shard_size`` segments (counts must have been checked)."""
    src_iter: Iterator[tuple[str, Occurrences | None]]
    if files.source is None:
        src_iter = repeat(("", None))  # no source: blanks, never consulted
    elif annotated:
        src_iter = (
            (seg.text.strip(), wmt21.annotation_occurrences(seg)) for seg in wmt21.iter_segments(files.source)
        )
    else:
        src_iter = ((text, None) for text in iter_texts(files.source))
    ref_iters = [iter_texts(p) for p in files.references]
    hyp_iters = [iter_texts(p) for p in files.hypotheses]
    first = 0
    while True:
        refs = tuple(tuple(islice(it, shard_size)) for it in ref_iters)
        if refs:
            n = len(refs[0])
            src = list(islice(src_iter, n))
        else:  # reference-free: the source sets the pace
            src = list(islice(src_iter, shard_size))
            n = len(src)
        if n == 0:
            return
        hyps = tuple(tuple(islice(it, n)) for it in hyp_iters)
        yield ShardInput(
            first=first,
            sources=tuple(s for s, _ in src),
            occurrences=tuple(o or () for _, o in src) if annotated else None,
            references=refs,
            hypotheses=hyps,
        )
        first += n


# --- in-memory streams -------------------------------------------------------------------


def check_reference_shape(
    hypotheses: Sequence[str], references: Sequence[Sequence[str]], name: str = "references"
) -> None:
    """References must be K streams of N strings (N = number of hypotheses)."""
    n = len(hypotheses)
    if isinstance(references, str) or not isinstance(references, Sequence) or len(references) == 0:
        raise InputError(
            f"{name} must be a list of reference streams",
            hint="pass [refs] for one reference, [refs1, refs2] for two",
        )
    if all(isinstance(r, str) for r in references):
        raise InputError(
            f"{name} is one flat list of strings, not a list of streams",
            hint="wrap it: pass [refs] (K streams of N strings)",
        )
    for k, stream in enumerate(references, start=1):
        if isinstance(stream, str) or not isinstance(stream, Sequence):
            raise InputError(
                f"reference stream {k} is not a list of strings",
                unit=f"{name}[{k - 1}]",
                hint="each stream holds one reference string per hypothesis",
            )
        if len(stream) != n:
            hint = "each stream holds one reference string per hypothesis"
            if len(stream) == 1 and len(references) == n:
                hint = (
                    "this looks like one list per segment ([[r1], [r2], …]); "
                    "pass [[r1, r2, …]] instead (K streams of N strings)"
                )
            raise InputError(
                f"reference stream {k} has {len(stream)} strings for {n} hypotheses",
                unit=f"{name}[{k - 1}]",
                hint=hint,
            )
        for i, item in enumerate(stream):
            if not isinstance(item, str):
                raise InputError(
                    f"reference stream {k}, segment {i + 1} is {type(item).__name__}, not str",
                    unit=f"{name}[{k - 1}][{i}]",
                )


def iter_memory_shards(
    sources: Sequence[str] | None,
    references: Sequence[Sequence[str]],
    hypotheses: Sequence[Sequence[str]],
    shard_size: int,
) -> Iterator[ShardInput]:
    n = len(references[0]) if references else len(sources or hypotheses[0])
    for first in range(0, n, shard_size):
        end = min(first + shard_size, n)
        yield ShardInput(
            first=first,
            sources=tuple(sources[first:end]) if sources is not None else ("",) * (end - first),
            occurrences=None,
            references=tuple(tuple(r[first:end]) for r in references),
            hypotheses=tuple(tuple(h[first:end]) for h in hypotheses),
        )
