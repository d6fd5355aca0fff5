"""The format registry: one entry per reader, detection by content first, then extension.

Detection order (no guessing between "path" and "content": the argument is a path):

1. a folder holding ``en.txt`` and ``ar.txt`` → ``release``;
2. XML content (BOM / ``<`` at the start) → the root element decides: ``<tmx>`` →
   ``tmx``, ``<xliff>`` in a 1.x namespace → ``xliff12``, in a 2.x namespace →
   ``xliff2``, ``<txml>`` → ``txml`` (Wordfast Pro); a TBX root is refused with a pointer
   to ``mustalah termbase``;
3. gzip content (by its magic bytes, any name) holding one of those → ``gzip``; a zip
   package ``.sdlppx`` / ``.sdlrpx`` / ``.mqxlz`` / ``.xlz`` → ``package`` (see :mod:`.containers`);
4. ``.po`` / ``.pot`` → ``po``; ``.tsv`` → ``tsv``;
5. ``NAME.<lang>[.gz]`` with a partner ``NAME.<other lang>[.gz]`` → ``moses``;
6. ``.txt`` (or any other UTF-8 text) → ``text`` (monolingual).

``index`` on every Segment is its 0-based position among the segments the reader
yields for that input.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from ..errors import InputError, UsageError
from ..model import Segment
from ..xmlsafe import looks_like_xml, sniff_root
from . import containers, plain
from .po import read_po
from .tmx import read_tmx
from .txml import read_txml
from .xliff2 import NAMESPACES as XLIFF2_NAMESPACES
from .xliff2 import read_xliff2
from .xliff12 import read_xliff12


class Reader(Protocol):
    def __call__(
        self, path: str | os.PathLike[str], source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[Segment]: ...


@dataclass(frozen=True, slots=True)
class FormatSpec:
    name: str
    reader: Reader
    extensions: tuple[str, ...]
    description: str
    #: How ``lint`` splits a large input: by line ranges (``lint.shards``), by unit ranges
    #: (``lint.unitshards``), or not at all.
    split: Literal["lines", "units"] | None = None
    #: Whether a file with one of ``extensions`` is linted when a folder is walked.
    walked: bool = True


FORMATS: dict[str, FormatSpec] = {
    spec.name: spec
    for spec in (
        FormatSpec("tmx", read_tmx, (".tmx",), "TMX 1.1–1.4b translation memory", "units"),
        FormatSpec(
            "xliff12", read_xliff12, (".xlf", ".xliff", ".sdlxliff", ".mqxliff"), "XLIFF 1.0–1.2", "units"
        ),
        FormatSpec("xliff2", read_xliff2, (".xlf", ".xliff"), "XLIFF 2.0–2.2", "units"),
        FormatSpec("txml", read_txml, (".txml",), "Wordfast Pro TXML"),
        FormatSpec(
            "gzip", containers.read_gzip, (".tmx.gz", ".xlf.gz", ".xliff.gz"), "gzipped TMX/XLIFF/TXML"
        ),
        FormatSpec(
            "package",
            containers.read_package,
            containers.PACKAGE_SUFFIXES,
            "Trados/memoQ/XLIFF zip package: each bilingual member",
        ),
        FormatSpec("po", read_po, (".po", ".pot"), "gettext PO/POT catalogue", "units"),
        FormatSpec("release", plain.read_release, (), "release folder with en.txt + ar.txt"),
        FormatSpec(
            "moses",
            plain.read_moses,
            (".en", ".ar", ".gz"),
            "line-aligned pair corpus.en + corpus.ar",
            "lines",
            walked=False,  # given by name: a walk would lint each pair twice
        ),
        FormatSpec("tsv", plain.read_tsv, (".tsv",), "source<TAB>target lines", "lines"),
        FormatSpec("text", plain.read_text, (".txt",), "monolingual text, one segment per line", "lines"),
    )
}

#: File endings linted when a folder is walked (release folders are taken whole).
WALKED_SUFFIXES: tuple[str, ...] = tuple(
    dict.fromkeys(ext for spec in FORMATS.values() if spec.walked for ext in spec.extensions)
)

_TBX_ROOTS = ("martif", "tbx")


def detect_format(
    path: str | os.PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> str:
    """The registry name of the reader for ``path`` (see the module docstring)."""
    p = Path(path)
    if p.is_dir():
        if plain.is_release_folder(p) or (
            plain.side_file(p, source_lang or "en").is_file()
            and plain.side_file(p, target_lang or "ar").is_file()
        ):
            return "release"
        raise InputError(
            "folder is not a release (no en.txt + ar.txt)",
            file=str(p),
            hint="give a file, or a folder holding en.txt and ar.txt",
        )
    if not p.is_file():
        raise InputError("no such file", file=str(p), hint="check the path")
    try:
        with open(p, "rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise InputError(
            f"cannot read: {exc.strerror}", file=str(p), hint="check that the file exists and is readable"
        ) from None
    if head.startswith(b"\x1f\x8b") and containers.gzip_kind(p) is not None:
        return "gzip"
    if containers.is_package(p):
        return "package"
    if p.suffix == ".gz":
        try:
            with gzip.open(p, "rb") as handle:
                head = handle.read(512)
        except (OSError, EOFError):
            raise InputError("damaged gzip file", file=str(p), hint="is the download complete?") from None
    if not head.strip():
        raise InputError(
            "empty file: nothing to read",
            file=str(p),
            hint="is the export or download complete? leave the file out if it is empty on purpose",
        )
    if p.suffix != ".gz" and looks_like_xml(head):
        namespace, root = sniff_root(p)
        if root == "tmx":
            return "tmx"
        if root == "xliff":
            return "xliff2" if namespace in XLIFF2_NAMESPACES else "xliff12"
        if root == "txml":
            return "txml"
        if root in _TBX_ROOTS:
            raise InputError(
                f"<{root}> is a TBX termbase, not a bilingual file",
                file=str(p),
                hint="import it with `mustalah termbase import`",
            )
        raise InputError(
            f"unknown XML format (root element <{root}>)",
            file=str(p),
            hint="supported: TMX, XLIFF 1.2, XLIFF 2.x, Wordfast TXML",
        )
    suffix = p.suffix.lower()
    if suffix in (".po", ".pot"):
        return "po"
    if suffix == ".tsv":
        return "tsv"
    if plain.moses_partner(p, source_lang, target_lang) is not None:
        return "moses"
    if suffix in (".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".txml"):
        raise InputError("file does not start with XML", file=str(p), hint="is the file empty or damaged?")
    return "text"


def get_reader(name: str) -> Reader:
    try:
        return FORMATS[name].reader
    except KeyError:
        raise UsageError(f"unknown format {name!r}", hint="choose one of: " + ", ".join(FORMATS)) from None


def read_segments(
    path: str | os.PathLike[str],
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    format: str | None = None,
) -> Iterator[Segment]:
    """Stream the segments of ``path`` with the detected (or named) reader."""
    name = format or detect_format(path, source_lang, target_lang)
    reader: Callable[..., Iterator[Segment]] = get_reader(name)
    return reader(path, source_lang, target_lang)
