"""Streaming fast path for well-formed UTF-8 PO files, with polib as the reference.

Why: polib builds a ``POEntry`` per entry through a per-line state machine (a regex
search, a dict dispatch and an ``unescape`` ``re.sub`` per line) and holds the whole
catalogue in memory — most of the time and all of the memory of ``mustalah export tmx
corpus.po``.  This module reads the *canonical* PO that msgmerge/msgcat and most tools
write — ``#``/``#.``/``#:``/``#,`` comments, ``msgctxt``, ``msgid``, ``msgid_plural``,
``msgstr``/``msgstr[N]`` each followed by one quoted string per line, optional
continuation strings, blank lines between entries — one entry per regex match, in
chunks (memory flat), and yields exactly the values polib's parser gives for those
entries (line numbers, comments, flags, references, escapes: polib's own ``unescape``).

Anything else — another charset, CR line ends, obsolete ``#~`` or previous ``#|``
entries, a second ``msgid ""`` entry, a missing header, a malformed or unterminated
line — raises :class:`NotCanonical`; :func:`mustalah.formats.po.read_po` then reads the
file with polib, skipping the segments already yielded, so polib stays the authority on
everything outside this subset (and its errors are the errors the user sees).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

import polib

_STRING = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"\n'
_STRINGS = f"{_STRING}(?:{_STRING})*"
_ENTRY = re.compile(
    r"(?P<comments>(?:#[^\n]*\n)*)"
    f"(?:msgctxt (?P<ctx>{_STRINGS}))?"
    f"msgid (?P<id>{_STRINGS})"
    f"(?:msgid_plural (?P<plural>{_STRINGS})(?P<forms>(?:msgstr\\[[0-9]\\] {_STRINGS})+)"
    f"|msgstr (?P<str>{_STRINGS}))"
    # Blank lines, then not a string or msgstr[N]: polib would still add those to this entry.
    r"\n*+(?!\"|msgstr\[)"
)
_BLANKS = re.compile(r"\n*")
_FORM = re.compile(f"msgstr\\[([0-9])\\] ({_STRINGS})")
#: polib.detect_encoding's pattern (searched line by line, first valid charset wins).
_CHARSET = re.compile(rb'"?Content-Type:.+? charset=([\w_\-:\.]+)')
#: Comment lines polib reads as translator (``#``, ``# …``, ``##…``) or ``#.``/``#:``/``#,`` comments.
_PLAIN_COMMENTS = re.compile(r"(?:#(?:[:,.]? [^\n]*|#[^\n]*)?\n)+")
_CHUNK = 1 << 20


class NotCanonical(Exception):
    """The file (or the rest of it) is outside the subset this module reads."""


@dataclass(frozen=True, slots=True)
class Entry:
    """The fields of a ``polib.POEntry`` that :func:`~mustalah.formats.po.read_po` uses."""

    linenum: int
    msgctxt: str | None
    msgid: str
    msgid_plural: str
    msgstr: str
    msgstr_plural: dict[int, str]
    tcomment: str
    comment: str
    flags: list[str]
    occurrences: list[tuple[str, str]]

    @property
    def obsolete(self) -> bool:
        return False  # obsolete (#~) entries are left to polib

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    def translated(self) -> bool:
        """``polib.POEntry.translated`` (entries here are never obsolete)."""
        if self.fuzzy:
            return False
        if self.msgstr != "":
            return True
        if self.msgstr_plural:
            return all(value != "" for value in self.msgstr_plural.values())
        return False


def _unescape(text: str) -> str:
    return polib.unescape(text) if "\\" in text else text


def _value(block: str) -> str:
    """Join the quoted lines of one keyword (each unescaped on its own, as polib does)."""
    if block.index("\n") == len(block) - 1:
        return _unescape(block[1:-2])
    return "".join(_unescape(line[1:-1]) for line in block[:-1].split("\n"))


def polib_encoding(path: str) -> str:
    """What ``polib.detect_encoding(path)`` returns, without reading the whole file into memory."""
    with open(path, "rb") as handle:
        for line in handle:
            match = _CHARSET.search(line)
            if match:
                charset = match.group(1).strip().decode("utf-8")
                try:
                    codecs.lookup(charset)
                except LookupError:
                    continue
                return charset
    return str(polib.default_encoding)


def _comments(block: str, entry: dict[str, object]) -> int:
    """polib's comment-line handlers; any line it would treat otherwise raises NotCanonical.

    Returns how many leading lines polib skips (``#.``, ``#:``, ``#,`` without text): the
    entry starts — and polib numbers it — at the first line it processes.
    """
    skipped = -1
    flags: list[str] = entry["flags"]  # type: ignore[assignment]
    occurrences: list[tuple[str, str]] = entry["occurrences"]  # type: ignore[assignment]
    lines = block[:-1].split("\n")
    for position, raw in enumerate(lines):
        line = raw.strip()
        tokens = line.split(None, 2)
        first = tokens[0]
        if len(tokens) == 1 and first in ("#:", "#,", "#."):
            continue  # polib skips these lines
        if skipped < 0:
            skipped = position
        if first == "#:":
            for occurrence in line[3:].split():
                path, colon, number = occurrence.rpartition(":")
                occurrences.append((path, number) if colon and number.isdigit() else (occurrence, ""))
        elif first == "#,":
            flags += [c.strip() for c in line[3:].split(",")]
        elif first == "#" or first.startswith("##"):
            text = (line + " " if line == "#" else line).lstrip("#")
            text = text[1:] if text.startswith(" ") else text
            entry["tcomment"] = f"{entry['tcomment']}\n{text}" if entry["tcomment"] != "" else text
        elif first == "#.":
            text = line[3:]
            entry["comment"] = f"{entry['comment']}\n{text}" if entry["comment"] != "" else text
        else:  # obsolete (#~), previous (#|) or a line polib refuses
            raise NotCanonical(line)
    return len(lines) if skipped < 0 else skipped


def _entry(match: re.Match[str], line: int) -> Entry:
    fields: dict[str, object] = {"tcomment": "", "comment": "", "flags": [], "occurrences": []}
    comments = match.group("comments")
    if comments:
        line += _comments(comments, fields)
    ctx = match.group("ctx")
    plural = match.group("plural")
    forms: dict[int, str] = {}
    if plural is not None:
        for number, block in _FORM.findall(match.group("forms")):
            forms[int(number)] = _value(block)
    single = match.group("str")
    return Entry(
        linenum=line,
        msgctxt=_value(ctx) if ctx is not None else None,
        msgid=_value(match.group("id")),
        msgid_plural=_value(plural) if plural is not None else "",
        msgstr=_value(single) if single is not None else "",
        msgstr_plural=forms,
        tcomment=fields["tcomment"],  # type: ignore[arg-type]
        comment=fields["comment"],  # type: ignore[arg-type]
        flags=fields["flags"],  # type: ignore[arg-type]
        occurrences=fields["occurrences"],  # type: ignore[arg-type]
    )


def _chunks(path: str) -> Iterator[str]:
    """UTF-8 text cut after a blank line (never inside a canonical entry); BOM dropped."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    tail = ""
    first = True
    with open(path, "rb") as handle:
        while True:
            raw = handle.read(_CHUNK)
            try:
                text = tail + decoder.decode(raw, final=not raw)
            except UnicodeDecodeError:
                raise NotCanonical("invalid UTF-8") from None
            if first:
                text = text.removeprefix("\ufeff")
                first = False
            if "\r" in text:
                raise NotCanonical("CR line ends")
            if not raw:
                if text:
                    yield text if text.endswith("\n") else text + "\n"
                return
            cut = _safe_cut(text)
            if cut < 0:
                tail = text
                continue
            yield text[:cut]
            tail = text[cut:]


def _safe_cut(text: str) -> int:
    """Offset after the last blank line followed by the start of a new entry (-1 if none).

    The line after the cut must start an entry (``#``, ``msgctxt``, ``msgid``): a string or a
    ``msgstr[N]`` after blank lines still belongs to the entry before it.
    """
    cut = text.rfind("\n\n")
    while cut >= 0:
        blanks = _BLANKS.match(text, cut)  # always matches (possibly empty)
        resume = blanks.end() if blanks else cut
        if resume < len(text) and not text.startswith(('"', "msgstr["), resume):
            return cut + 2
        cut = text.rfind("\n\n", 0, cut)
    return -1


def read_entries(path: str) -> tuple[dict[str, str], Iterator[Entry]]:
    """(polib's ``metadata``, the entries after the header) of a canonical UTF-8 PO file.

    Two passes: the first only matches (and raises NotCanonical before anything is yielded,
    so a file polib must read is never half-read here — polib's header choice and its errors
    depend on the whole file); the second builds the entries, streaming.
    """
    if codecs.lookup(polib_encoding(path)).name != "utf-8":
        raise NotCanonical("charset")
    header: Entry | None = None
    for match, line in _matches(path):
        if header is None:
            if match.group("ctx") is not None or match.group("plural") is not None:
                raise NotCanonical("header")
            header = _entry(match, line)
            if header.msgid != "":
                raise NotCanonical("no header")
        else:
            comments = match.group("comments")
            if comments and not _PLAIN_COMMENTS.fullmatch(comments):
                _comments(comments, {"tcomment": "", "comment": "", "flags": [], "occurrences": []})
            if match.group("id").startswith('""') and _value(match.group("id")) == "":
                raise NotCanonical("second empty msgid")
    if header is None:
        raise NotCanonical("empty")
    metadata: dict[str, str] = {}
    key = None
    for msg in header.msgstr.splitlines():  # polib's metadata parsing, verbatim
        try:
            key, val = msg.split(":", 1)
            metadata[key] = val.strip()
        except (ValueError, KeyError):
            if key is not None:
                metadata[key] += "\n" + msg.strip()
    return metadata, _entries(path)


def _entries(path: str) -> Iterator[Entry]:
    matches = _matches(path)
    next(matches)  # the header
    for match, line in matches:
        yield _entry(match, line)


def _matches(path: str) -> Iterator[tuple[re.Match[str], int]]:
    """Every entry match with its first line, covering the whole file, or NotCanonical."""
    line = 1
    for text in _chunks(path):
        position = len(text) - len(text.lstrip("\n"))  # leading blank lines
        line += position
        end = len(text)
        while position < end:
            match = _ENTRY.match(text, position)
            if match is None:
                raise NotCanonical(f"line {line}")
            yield match, line
            line += text.count("\n", position, match.end())
            position = match.end()
