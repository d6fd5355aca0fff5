"""The format registry: one entry per reader, detection by content first, then extension.

Detection order (no guessing between "path" and "content": the argument is a path):

1. a folder holding ``en.txt`` and ``ar.txt`` (either may be named by a regional tag,
   ``ar-SA.txt``) → ``release``;
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

What the code knows of each format is on its :class:`FormatSpec` in :data:`FORMATS` — its
reader, file endings, XML root, whether a folder walk lints it and how ``lint`` splits a large
one — and :func:`files_of` says which files an input of it reads; ``mustalah formats`` lists them.
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
    """Everything the code knows of one input format (``mustalah formats`` lists them)."""

    name: str
    reader: Reader
    #: File endings of this format: which files a folder walk lints (``walked``), and which
    #: files must start with XML (``root``).  Detection is by content first (see above).
    extensions: tuple[str, ...]
    description: str
    #: How ``lint`` splits a large input: by line ranges (``lint.shards``), by unit ranges
    #: (``lint.unitshards``), or not at all.
    split: Literal["lines", "units"] | None = None
    #: Whether a file with one of ``extensions`` is linted when a folder is walked.
    walked: bool = True
    #: The root element of an XML format (an XML file is read by its root, whatever its name).
    root: str | None = None


FORMATS: dict[str, FormatSpec] = {
    spec.name: spec
    for spec in (
        FormatSpec("tmx", read_tmx, (".tmx",), "TMX 1.1–1.4b translation memory", "units", root="tmx"),
        FormatSpec(
            "xliff12",
            read_xliff12,
            (".xlf", ".xliff", ".sdlxliff", ".mqxliff"),
            "XLIFF 1.0–1.2 (Trados, memoQ)",
            "units",
            root="xliff",
        ),
        FormatSpec("xliff2", read_xliff2, (".xlf", ".xliff"), "XLIFF 2.0–2.2", "units", root="xliff"),
        FormatSpec("txml", read_txml, (".txml",), "Wordfast Pro TXML", root="txml"),
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
        FormatSpec("release", plain.read_release, (), "release folder with en.txt + ar.txt (or ar-SA.txt …)"),
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
#: File endings of the XML formats: such a file that does not start with XML is damaged.
_XML_SUFFIXES = frozenset(ext for spec in FORMATS.values() if spec.root for ext in spec.extensions)

_TBX_ROOTS = ("martif", "tbx")


def detect_format(
    path: str | os.PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> str:
    """The registry name of the reader for ``path`` (see the module docstring)."""
    p = Path(path)
    if p.is_dir():
        if plain.is_release_folder(p) or all(
            side.is_file() for side in plain.release_sides(p, source_lang, target_lang)
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
        if root == "xliff":  # one root, two formats: the namespace says which
            return "xliff2" if namespace in XLIFF2_NAMESPACES else "xliff12"
        for spec in FORMATS.values():
            if spec.root == root:
                return spec.name
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
    for name in ("po", "tsv"):  # told by their file endings alone
        if suffix in FORMATS[name].extensions:
            return name
    if plain.moses_partner(p, source_lang, target_lang) is not None:
        return "moses"
    if suffix in _XML_SUFFIXES:
        raise InputError("file does not start with XML", file=str(p), hint="is the file empty or damaged?")
    return "text"


def files_of(
    path: str | os.PathLike[str], format: str, source_lang: str | None = None, target_lang: str | None = None
) -> tuple[str, ...]:
    """The files the reader of ``format`` reads for ``path``: a release folder's two sides, both
    files of a Moses pair, else ``path`` itself."""
    if format == "release":
        return tuple(str(side) for side in plain.release_sides(Path(path), source_lang, target_lang))
    if format == "moses":
        pair = plain.moses_partner(Path(path), source_lang, target_lang)
        if pair is not None:
            return str(pair[0]), str(pair[1])
    return (os.fspath(path),)


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
