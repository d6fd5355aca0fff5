"""The one hardened XML parser configuration every reader uses (TMX, XLIFF, TBX).

Policy (why: input files come from anywhere — CAT tools, e-mail, the web):

* libxml2 never resolves entities, never touches the network, never loads a DTD and
  refuses huge trees (``resolve_entities=False, no_network=True, load_dtd=False,
  huge_tree=False``);
* a DOCTYPE that **declares any entity** (general or parameter, internal or
  external — billion laughs, quadratic blow-up, XXE to ``file:`` or ``http:``) is
  refused before a single element is read;
* a DOCTYPE whose external DTD points at an absolute path, a parent folder or a URL
  (other than the official DTD names, ``…/tmx14.dtd`` and the TBX/XLIFF ones) is
  refused too — a plain ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` reads fine (it is
  never opened);
* well-formedness and encoding errors become :class:`~mustalah.errors.InputError`
  with file, line, column and — for encoding faults — the byte offset.

Sources are a path (``str`` / ``os.PathLike``), ``bytes`` content, or a binary file
object.  Never a decoded ``str``: libxml2 must see the bytes to honour the BOM and
the declared encoding.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple, Union

from lxml import etree

from .encoding import first_invalid_offset, is_text_encoding, read_chunks, sniff_xml_encoding
from .errors import InputError

XmlSource = Union[str, "os.PathLike[str]", bytes, IO[bytes]]

#: lxml options shared by every parse in the project.
PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "dtd_validation": False,
}

_PROLOG_LIMIT = 4 << 20
#: libxml2's messages when ``huge_tree=False`` limits fire (text node, depth, name/attribute length).
_LIMIT_MESSAGES = ("resource limit exceeded", "excessive depth", "huge input lookup", "xml_parse_huge")
_OFFICIAL_DTD = re.compile(r"(?i)^(tmx1[1-4]\.dtd|tbx\w*\.dtd|xliff[\w.-]*\.dtd)$")


def looks_like_xml(head: bytes) -> bool:
    """Whether the first bytes of a file are XML: ``<`` after any BOM, NULs and white space
    (UTF-16 BE's BOM is ``FE FF``, which the strip leaves)."""
    stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return stripped.startswith(b"<") or head.startswith(b"\xfe\xff\x00<")


def make_parser(**extra: Any) -> etree.XMLParser:
    """A new parser with the hardened options (``extra`` may add e.g. ``remove_blank_text``)."""
    return etree.XMLParser(**{**PARSER_OPTIONS, **extra})


class TagName(NamedTuple):
    """An element's namespace and local name (the fields of ``lxml.etree.QName``)."""

    namespace: str | None
    localname: str


def qname(element: etree._Element) -> TagName:
    """``etree.QName(element)`` that never raises.

    Why: libxml2 keeps an element whose prefix is undeclared (``<sdl:seg-defs>`` without
    ``xmlns:sdl``) with the literal tag ``"sdl:seg-defs"``, which ``etree.QName`` rejects with a
    ``ValueError`` — a crash on a merely sloppy file.  Such a tag is returned whole as the local
    name (so it matches nothing the readers look for); comments and processing instructions
    give an empty local name.
    """
    tag = element.tag
    cached = _TAG_NAMES.get(tag)
    if cached is not None:
        return cached
    if not isinstance(tag, str):
        return TagName(None, "")
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        result = TagName(namespace, local)
    else:
        result = TagName(None, tag)
    if len(_TAG_NAMES) < _TAG_CACHE_LIMIT:
        _TAG_NAMES[tag] = result
    return result


#: Split tag names by their ``{namespace}local`` string.  Why: readers ask for the local name of
#: every element of every unit, and a file uses a handful of distinct tags; bounded so a hostile
#: file with millions of distinct names cannot grow it.
_TAG_NAMES: dict[str, TagName] = {}
_TAG_CACHE_LIMIT = 4096


def source_name(source: XmlSource, name: str | None = None) -> str:
    if name is not None:
        return name
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return getattr(source, "name", "<bytes>") if not isinstance(source, bytes) else "<bytes>"


def _open(source: XmlSource) -> IO[bytes]:
    if isinstance(source, bytes):
        return io.BytesIO(source)
    if isinstance(source, (str, os.PathLike)):
        try:
            return open(source, "rb")
        except OSError as exc:
            raise InputError(
                f"cannot read: {exc.strerror}",
                file=os.fspath(source),
                hint="check that the file exists and is readable",
            ) from None
    return source


def _line_of(head: bytes, needle: str) -> int | None:
    encoding = sniff_xml_encoding(head)
    text = head.decode(encoding if is_text_encoding(encoding) else "utf-8", errors="replace")
    pos = text.find(needle)
    return text.count("\n", 0, pos) + 1 if pos >= 0 else None


def check_prolog(handle: IO[bytes], name: str) -> tuple[str | None, str]:
    """Read up to the root element, refuse a hostile DOCTYPE, return the root's (namespace, name).

    Rewinds ``handle`` so the real parse starts from the first byte.
    """
    start = handle.tell()
    parser = etree.XMLPullParser(events=("start",), **PARSER_OPTIONS)
    head = b""
    root = None
    try:
        while root is None and len(head) < _PROLOG_LIMIT:
            chunk = handle.read(1 << 14)
            if not chunk:
                break
            head += chunk
            parser.feed(chunk)
            for _event, element in parser.read_events():
                root = element
                break
    except etree.XMLSyntaxError as exc:
        handle.seek(start)
        entity_line = _line_of(head, "<!ENTITY")
        if entity_line is not None:  # libxml2's own amplification guard fired first
            raise _entity_error(name, entity_line, "") from None
        raise syntax_error(exc, name, handle) from None
    handle.seek(start)
    if root is None:
        raise InputError(
            "no XML root element found" + (" in the first 4 MB" if len(head) >= _PROLOG_LIMIT else ""),
            file=name,
            hint="is this an XML file? check that it is not empty or truncated",
        )
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    entities = list(dtd.iterentities()) if dtd is not None else []
    if entities:
        names = ", ".join(sorted({e.name or "?" for e in entities}))
        raise _entity_error(name, _line_of(head, "<!ENTITY") or root.sourceline, f" ({names})")
    system = docinfo.system_url
    if system and not _harmless_system_id(system):
        raise InputError(
            f"refusing a DOCTYPE that points at an external DTD {system!r}",
            file=name,
            line=_line_of(head, "<!DOCTYPE") or root.sourceline,
            hint='use a bare DTD name such as <!DOCTYPE tmx SYSTEM "tmx14.dtd"> or drop the DOCTYPE',
        )
    _refuse_lying_declaration(handle, head, name)
    name_parts = qname(root)
    return name_parts.namespace, name_parts.localname


#: Encodings whose declaration a UTF-8 file can truthfully carry (UTF-8 is ASCII-compatible).
_UTF8_COMPATIBLE = {"utf-8", "ascii", "us-ascii", "utf8"}


def _refuse_lying_declaration(handle: IO[bytes], head: bytes, name: str) -> None:
    """A file declaring a single-byte encoding (windows-1256, ISO-8859-6 …) whose bytes are valid
    UTF-8 with non-ASCII characters was saved as UTF-8 by a tool that kept the old declaration:
    read as declared, every Arabic letter is mojibake.  (Real windows-1256 Arabic is never valid
    UTF-8: its letters are lead bytes without continuation bytes.)  Refused, naming the fix."""
    declared = sniff_xml_encoding(head)
    if declared.startswith("utf-") or declared in _UTF8_COMPATIBLE or not is_text_encoding(declared):
        return
    start = handle.tell()
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    non_ascii = False
    try:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            decoder.decode(chunk)
            non_ascii = non_ascii or not chunk.isascii()
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return  # not UTF-8: the declaration may well be true
    finally:
        handle.seek(start)
    if non_ascii:
        raise InputError(
            f"the XML declaration says encoding={declared!r} but the file's bytes are UTF-8: "
            "read as declared, its Arabic would be mojibake",
            file=name,
            line=_line_of(head, "<?xml") or 1,
            hint='change the declaration to encoding="UTF-8" (the tool that saved the file as UTF-8 '
            "kept the old one)",
        )


def _entity_error(name: str, line: int | None, names: str) -> InputError:
    return InputError(
        f"refusing a DOCTYPE that declares entities{names}: entity expansion "
        "(billion laughs) and external entities (file/URL access) are not allowed",
        file=name,
        line=line,
        hint="remove the internal DTD subset ([ … ]) from the DOCTYPE; "
        "TMX/XLIFF/TBX need no entity declarations",
    )


def _harmless_system_id(system: str) -> bool:
    if "://" in system or system.lower().startswith("file:"):
        tail = system.rsplit("/", 1)[-1]
        return system.lower().startswith(("http://", "https://")) and bool(_OFFICIAL_DTD.match(tail))
    if system.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", system):
        return False
    return ".." not in Path(system).parts


def syntax_error(exc: etree.XMLSyntaxError, name: str, handle: IO[bytes] | None = None) -> InputError:
    """Turn a libxml2 error into a located :class:`InputError` (with the byte offset for encoding faults)."""
    msg = str(exc.msg or exc).strip()
    line = exc.lineno if exc.lineno and exc.lineno > 0 else None
    column = exc.position[1] if exc.position and exc.position[1] > 0 else None
    lowered = msg.lower()
    if handle is not None and any(k in lowered for k in ("encoding", "bytes", "utf-8", "char 0x0")):
        try:
            handle.seek(0)
            head = handle.read(1024)
            handle.seek(0)
            encoding = sniff_xml_encoding(head)
            offset = first_invalid_offset(read_chunks(handle), encoding)
        except (OSError, ValueError):
            offset = None
        if offset == 0 and not is_text_encoding(encoding):
            return InputError(
                f"unknown encoding {encoding!r} in the XML declaration: {msg}",
                file=name,
                line=line,
                column=column,
                hint='declare a real encoding (encoding="UTF-8", "UTF-16", "windows-1256") '
                "or drop the declaration and save the file as UTF-8",
            )
        if offset is not None:
            return InputError(
                f"invalid bytes for the encoding {encoding!r} at byte offset {offset}: {msg}",
                file=name,
                line=line,
                column=column,
                hint="the XML declaration (or BOM) names the wrong encoding, or the file is damaged; "
                'fix the declaration (e.g. encoding="windows-1256") or re-save the file as UTF-8',
            )
    if any(k in lowered for k in _LIMIT_MESSAGES):
        return InputError(
            f"refusing XML beyond the parser's safety limits: {msg}",
            file=name,
            line=line,
            column=column,
            hint="text nodes are limited to 10 MB and nesting to 256 levels so a hostile or damaged "
            "file cannot exhaust memory; a real TMX/XLIFF/TBX never comes near them — check the file",
        )
    return InputError(
        f"not well-formed XML: {msg}",
        file=name,
        line=line,
        column=column,
        hint="repair the XML (an XML editor or `xmllint --noout FILE` shows the spot)",
    )


def iterparse_safe(
    source: XmlSource,
    *,
    events: Sequence[str] = ("end",),
    tag: str | Sequence[str] | None = None,
    name: str | None = None,
) -> Iterator[tuple[str, etree._Element]]:
    """``lxml.etree.iterparse`` with the hardened options; errors become located InputErrors.

    The caller is responsible for ``element.clear()`` to keep memory flat.
    """
    label = source_name(source, name)
    handle = _open(source)
    owned = handle is not source
    try:
        check_prolog(handle, label)
        iterator = etree.iterparse(handle, events=tuple(events), tag=tag, **PARSER_OPTIONS)
        try:
            yield from iterator
        except etree.XMLSyntaxError as exc:
            raise syntax_error(exc, label, handle) from None
    finally:
        if owned:
            handle.close()


def parse_safe(source: XmlSource, *, name: str | None = None) -> etree._ElementTree:
    """Parse a whole (small) document with the hardened options."""
    label = source_name(source, name)
    handle = _open(source)
    owned = handle is not source
    try:
        check_prolog(handle, label)
        try:
            return etree.parse(handle, make_parser())
        except etree.XMLSyntaxError as exc:
            raise syntax_error(exc, label, handle) from None
    finally:
        if owned:
            handle.close()


def sniff_root(source: str | os.PathLike[str]) -> tuple[str | None, str]:
    """(namespace, local name) of the root element, read with the hardened parser; for detection."""
    with _open(source) as handle:
        return check_prolog(handle, os.fspath(source))


def require_root(
    source: str | os.PathLike[str], local: str, namespaces: Collection[str | None], what: str, hint: str
) -> None:
    """Refuse ``source`` (located, with ``hint``) unless its root is ``local`` in one of ``namespaces``."""
    namespace, root = sniff_root(source)
    if root != local or namespace not in namespaces:
        raise InputError(
            f"not {what} (root <{root}> in namespace {namespace!r})", file=os.fspath(source), hint=hint
        )
