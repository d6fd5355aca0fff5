"""Files inside files: gzipped XML (``.tmx.gz``, ``.xlf.gz``) and the zip packages translators get.

* **gzip** is recognised by its magic bytes, whatever the name: a gzipped TMX / XLIFF / TXML is
  read as what it holds (its root element decides), never as lines of XML text.  Plain-text
  ``corpus.en.gz`` pairs stay with the Moses reader.
* **zip packages** — Trados ``.sdlppx`` / ``.sdlrpx``, memoQ ``.mqxlz``, XLIFF ``.xlz`` — are
  opened and every bilingual member (``.sdlxliff``, ``.mqxliff``, ``.xlf``, ``.xliff``, ``.tmx``,
  ``.txml``) is read, in name order; each segment's ``file`` is ``PACKAGE!member`` so every finding
  names the member it is in.

A package is hostile input like any other: members are streamed from the archive (nothing is
extracted to disk), a member whose name is absolute or climbs out (``/x``, ``C:\\x``, ``../x``) is
refused, and so is a zip bomb — too many members, a member or a total larger than the limits
below, or a member that inflates more than :data:`MAX_RATIO` times (the declared sizes are
checked first, the bytes actually inflated while reading).
"""

from __future__ import annotations

import gzip
import os
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath, PureWindowsPath
from typing import IO

from ..errors import InputError
from ..model import Segment
from ..xmlsafe import XmlSource, check_prolog
from .tmx import tmx_units
from .txml import txml_units
from .units import ReadUnit
from .xliff2 import NAMESPACES as XLIFF2_NAMESPACES
from .xliff2 import xliff2_units
from .xliff12 import xliff12_units

PACKAGE_SUFFIXES = (".sdlppx", ".sdlrpx", ".mqxlz", ".xlz")
MEMBER_SUFFIXES = (".sdlxliff", ".mqxliff", ".xlf", ".xliff", ".tmx", ".txml")
MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_RATIO = 200
_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"

UnitsFunc = Callable[..., Iterator[ReadUnit]]


def is_gzip(path: str | os.PathLike[str]) -> bool:
    with open(path, "rb") as handle:
        return handle.read(2) == _GZIP_MAGIC


def is_package(path: str | os.PathLike[str]) -> bool:
    if not str(path).lower().endswith(PACKAGE_SUFFIXES):
        return False
    with open(path, "rb") as handle:
        return handle.read(4) == _ZIP_MAGIC


def xml_kind(handle: IO[bytes], name: str) -> str | None:
    """The reader for the XML in ``handle`` (``tmx``, ``xliff12``, ``xliff2``, ``txml``), or None.

    The prolog goes through :func:`~mustalah.xmlsafe.check_prolog` (hostile DOCTYPEs refused);
    ``handle`` is rewound.
    """
    start = handle.tell()
    head = handle.read(64)
    handle.seek(start)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"<") and not head.startswith((b"\xff\xfe<", b"\xfe\xff\x00<")):
        return None
    namespace, local = check_prolog(handle, name)
    if local == "xliff":
        return "xliff2" if namespace in XLIFF2_NAMESPACES else "xliff12"
    return local if local in ("tmx", "txml") else None


def gzip_kind(path: str | os.PathLike[str]) -> str | None:
    """What a gzipped file holds, if it is XML we read; ``None`` for anything else (text)."""
    try:
        with gzip.open(path, "rb") as handle:
            return xml_kind(handle, os.fspath(path))  # type: ignore[arg-type]
    except (OSError, EOFError):
        hint = "is the download complete?"
        raise InputError("damaged gzip file", file=os.fspath(path), hint=hint) from None


_UNITS: dict[str, UnitsFunc] = {
    "tmx": tmx_units,
    "xliff12": xliff12_units,
    "xliff2": xliff2_units,
    "txml": txml_units,
}


def _segments(
    kind: str, source: XmlSource, name: str, source_lang: str | None, target_lang: str | None
) -> Iterator[Segment]:
    index = 0
    for unit in _UNITS[kind](source, name, source_lang, target_lang, index=index):
        index += len(unit.segments)
        yield from unit.segments


def read_gzip(
    path: str | os.PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> Iterator[Segment]:
    """The segments of a gzipped TMX / XLIFF / TXML (decompressed as it is read)."""
    name = os.fspath(path)
    kind = gzip_kind(path)
    if kind is None:
        raise InputError(
            "the gzip file holds no TMX, XLIFF or TXML",
            file=name,
            hint="gzipped plain text is read as a Moses pair: NAME.en.gz + NAME.ar.gz",
        )
    with gzip.open(path, "rb") as handle:
        try:
            yield from _segments(kind, handle, name, source_lang, target_lang)  # type: ignore[arg-type]
        except (OSError, EOFError):
            raise InputError("damaged gzip file", file=name, hint="is the download complete?") from None


def _unsafe_name(name: str) -> str | None:
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or name.startswith(("/", "\\")):
        return "an absolute path"
    if ".." in posix.parts or ".." in windows.parts:
        return "a path that climbs out of the package (..)"
    return None


def package_members(path: str | os.PathLike[str]) -> list[zipfile.ZipInfo]:
    """The bilingual members of a package, checked against the limits (see the module doc)."""
    name = os.fspath(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"damaged package: {exc}", file=name, hint="is the download complete?") from None
    with archive:
        infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(
            f"the package has {len(infos)} members (limit {MAX_MEMBERS})",
            file=name,
            hint="a zip bomb? open it with the CAT tool it came from",
        )
    total = 0
    members: list[zipfile.ZipInfo] = []
    for info in infos:
        problem = _unsafe_name(info.filename)
        if problem is not None:
            raise InputError(
                f"package member {info.filename!r} has {problem}",
                file=name,
                hint="refused: a package member must be a relative path inside the package",
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES or (
            info.file_size > 1024 * 1024 and ratio > MAX_RATIO
        ):
            raise InputError(
                f"package member {info.filename!r} inflates to {info.file_size} bytes "
                f"({ratio:.0f}x its compressed size)",
                file=name,
                hint=f"refused as a zip bomb (limits: {MAX_MEMBER_BYTES} bytes a member, "
                f"{MAX_TOTAL_BYTES} in all, {MAX_RATIO}x)",
            )
        if not info.is_dir() and info.filename.lower().endswith(MEMBER_SUFFIXES):
            members.append(info)
    return sorted(members, key=lambda i: i.filename)


class _Capped:
    """A member stream that stops at its declared size (a lying header cannot inflate more)."""

    def __init__(self, raw: IO[bytes], limit: int, label: str) -> None:
        self.raw, self.limit, self.left, self.label = raw, limit, limit, label

    def tell(self) -> int:
        return self.raw.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        position = self.raw.seek(offset, whence)
        self.left = self.limit - position
        return position

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size if size >= 0 else self.left + 1)
        self.left -= len(chunk)
        if self.left < 0:
            raise InputError(
                "package member inflates past its declared size",
                file=self.label,
                hint="refused as a zip bomb",
            )
        return chunk


def read_package(
    path: str | os.PathLike[str], source_lang: str | None = None, target_lang: str | None = None
) -> Iterator[Segment]:
    """Every bilingual member's segments; ``file`` is ``PACKAGE!member``."""
    name = os.fspath(path)
    members = package_members(path)
    if not members:
        raise InputError(
            "the package holds no bilingual file",
            file=name,
            hint=f"a package is read for its {', '.join(MEMBER_SUFFIXES)} members",
        )
    with zipfile.ZipFile(path) as archive:
        for info in members:
            label = f"{name}!{info.filename}"
            with archive.open(info) as raw:
                capped = _Capped(raw, info.file_size, label)
                kind = xml_kind(capped, label)  # type: ignore[arg-type]
                if kind is None:
                    raise InputError(
                        "package member is not TMX, XLIFF or TXML", file=label, hint="is the package damaged?"
                    )
                yield from _segments(kind, capped, label, source_lang, target_lang)  # type: ignore[arg-type]
