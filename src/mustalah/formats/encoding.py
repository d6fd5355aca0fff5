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
from collections.abc import Iterable
from typing import IO

from ..errors import InputError

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


def first_invalid_offset(chunks: Iterable[bytes], encoding: str) -> int | None:
    """Byte offset of the first byte that does not decode in ``encoding`` (or of a NUL byte)."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
    except LookupError:
        return 0
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


def decode_text(data: bytes, *, file: str) -> str:
    """Decode a plain-text input: UTF-8 (BOM optional) or UTF-16 with a BOM; refuse anything else.

    Windows-1256 is never guessed: the same bytes are valid Latin-1 and the guess
    would silently produce mojibake in every Arabic finding.
    """
    bom, skip = sniff_bom(data)
    encoding = bom or "utf-8"
    body = data[skip:]
    if encoding == "utf-8" and b"\x00" in body:
        offset = body.index(b"\x00") + skip
        raise InputError(
            f"NUL byte at byte offset {offset}: this is not a text file (or it is UTF-16 without a BOM)",
            file=file,
            line=data.count(b"\n", 0, offset) + 1,
            hint="give a UTF-8 text file; convert UTF-16 with `iconv -f utf-16 -t utf-8`",
        )
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        raise InputError(
            f"invalid {encoding.upper()} byte 0x{body[exc.start]:02X} at byte offset {offset}: "
            "text files must be UTF-8",
            file=file,
            line=data.count(b"\n", 0, offset) + 1,
            hint=ICONV_HINT,
        ) from None
    if "\x00" in text:
        raise InputError("NUL character in text", file=file, hint="remove NUL characters")
    return text
