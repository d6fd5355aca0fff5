"""Byte-level decoding rules shared by every reader.

Why a module of its own: every reader must refuse the same things the same way — a
declared encoding that lies, invalid bytes, NUL bytes — and say *where* (the byte
offset), because "UnicodeDecodeError" tells a translator nothing.  XML files are
decoded by libxml2 (BOM and declaration honoured, Windows-1256 when declared); these
helpers only locate the fault after libxml2 refused the bytes.  Plain-text inputs
must be UTF-8 (BOM allowed) or UTF-16 with a BOM; anything else is refused with the
offset and an ``iconv`` hint, never guessed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from typing import IO

from .errors import InputError

_XML_DECL = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_CHUNK = 1 << 16

ICONV_HINT = (
    "convert the file to UTF-8 first, e.g. `iconv -f cp1256 -t utf-8 IN > OUT` "
    "(use the encoding the file was really written in)"
)


def sniff_bom(head: bytes) -> tuple[str | None, int]:
    """The encoding announced by a byte-order mark and the BOM's length (``None, 0`` if none)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    return None, 0


def sniff_xml_encoding(head: bytes) -> str:
    """The encoding an XML parser will use: BOM, else the declaration, else UTF-8."""
    bom, _ = sniff_bom(head)
    if bom is not None:
        return bom
    if head.startswith(b"<\x00?\x00"):
        return "utf-16-le"
    if head.startswith(b"\x00<\x00?"):
        return "utf-16-be"
    match = _XML_DECL.search(head[:1024])
    return match.group(1).decode("ascii").lower() if match else "utf-8"


def is_text_encoding(name: str) -> bool:
    """True when Python can decode ``name`` to text (``ltf-8`` and ``base64``/``zlib`` cannot)."""
    try:
        return codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False


def first_invalid_offset(chunks: Iterable[bytes], encoding: str) -> int | None:
    """Byte offset of the first byte that does not decode in ``encoding`` (or of a NUL byte)."""
    if not is_text_encoding(encoding):
        return 0  # an unknown (or non-text) declared encoding: the fault is the declaration itself
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    base = 0
    wide = encoding.startswith(("utf-16", "utf-32"))
    for chunk in chunks:
        if not wide:
            nul = chunk.find(b"\x00")
            if nul >= 0:
                try:
                    decoder.decode(chunk[:nul])
                except UnicodeDecodeError as exc:
                    return base + exc.start
                return base + nul
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            return max(0, base + exc.start - len(decoder.getstate()[0]))
        base += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return base - len(decoder.getstate()[0])
    return None


def read_chunks(handle: IO[bytes]) -> Iterable[bytes]:
    while True:
        chunk = handle.read(_CHUNK)
        if not chunk:
            return
        yield chunk


def iter_lines(handle: IO[bytes], *, file: str, first: int = 1, offset: int = 0) -> Iterator[tuple[int, str]]:
    """Yield (1-based line number, text without the line break) from a UTF-8 byte stream.

    Streaming (20 M-line corpora fit), a UTF-8 BOM on the first line is dropped, and
    anything that is not UTF-8 — invalid bytes, NUL bytes, UTF-16 — is refused with
    the byte offset and an ``iconv`` hint.  Windows-1256 is never guessed: the same
    bytes are valid Latin-1, and a guess would silently turn every Arabic finding
    into mojibake.

    ``handle`` may start inside the file (a shard of a large one): at line ``first``, byte
    ``offset``; lines and byte offsets are then numbered, and located, as in the whole file.
    """
    for number, raw in enumerate(handle, start=first):
        body = raw
        if number == 1:
            bom, skip = sniff_bom(raw)
            if bom is not None and bom != "utf-8":
                raise InputError(
                    f"the file is {bom.upper()} (byte-order mark at offset 0): text files must be UTF-8",
                    file=file,
                    line=1,
                    hint="convert it: `iconv -f utf-16 -t utf-8 IN > OUT`",
                )
            body = raw[skip:]
            offset += skip
        nul = body.find(b"\x00")
        if nul >= 0:
            raise InputError(
                f"NUL byte at byte offset {offset + nul}: this is not a UTF-8 text file",
                file=file,
                line=number,
                hint="give a UTF-8 text file (UTF-16? convert it with iconv)",
            )
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"invalid UTF-8 byte 0x{body[exc.start]:02X} at byte offset {offset + exc.start}: "
                "text files must be UTF-8",
                file=file,
                line=number,
                hint=ICONV_HINT,
            ) from None
        offset += len(body)
        yield number, text.rstrip("\r\n") if text.endswith("\n") else text
