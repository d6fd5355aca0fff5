"""Streaming fast path for well-formed UTF-8 PO files, with polib as the reference.

Why: polib builds a ``POEntry`` per entry through a per-line state machine (a regex
search, a dict dispatch and an ``unescape`` ``re.sub`` per line) and holds the whole
catalogue in memory — most of the time and all of the memory of ``mustalah export tmx
corpus.po``.  This module reads the *canonical* PO that msgmerge/msgcat and most tools
write — ``#``/``#.``/``#:``/``#,`` comments, ``msgctxt``, ``msgid``, ``msgid_plural``,
``msgstr``/``msgstr[N]`` each followed by one quoted string per line, optional
continuation strings, blank lines between entries — one entry per regex match, in
chunks (memory flat), and turns each match straight into the :class:`Segment` values
:func:`mustalah.formats.po.read_po` makes of polib's entry (line numbers, comments, flags,
references, escapes: polib's own ``unescape``).

Anything else — another charset, CR line ends, obsolete ``#~`` or previous ``#|``
entries, a second ``msgid ""`` entry, a missing header, a malformed or unterminated
line — raises :class:`NotCanonical`; :func:`mustalah.formats.po.read_po` then reads the
file with polib, skipping the segments already yielded, so polib stays the authority on
everything outside this subset (and its errors are the errors the user sees).

One pass, when that is safe: an entry is yielded only once the *next* entry has matched
and its comments are known to be plain (nothing polib would add to the entry before — a
``#~ "…"`` line, say — can come later), so the segments yielded before a NotCanonical are
the segments polib gives for them.  The only thing later in a file that changes earlier
entries under polib is another ``msgid ""`` entry (polib's header is the *last* one without a
context, and the first then becomes entry 1); :func:`_single_header` checks the raw bytes for
that first, and when it cannot rule it out the whole file is matched before anything is
yielded (two passes, as polib raises before giving any entry).  A file polib rejects may thus
have had segments yielded before the error: callers keep nothing of a file that fails (the
lint result of an input is all or nothing, exports are written atomically).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

import polib

from ..model import Segment
from .plurals import FormPair, PluralRule, pair_forms, parse_plural_forms

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
#: Lines on which polib could read an empty ``msgid`` (a superset): ``msgid`` then at most two
#: printable ASCII characters on the rest of the line (Unicode spaces and letters are not ASCII;
#: ``msgid ""``, ``msgid "`` and ``#~ msgid ""`` all match; polib's lines end at CR or LF).
_EMPTY_MSGID = re.compile(rb"msgid[^\x21-\x7e\r\n]*+(?:[\x21-\x7e][^\x21-\x7e\r\n]*+){0,2}+(?:[\r\n]|\Z)")


class NotCanonical(Exception):
    """The file (or the rest of it) is outside the subset this module reads."""


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


#: What :func:`_comments` finds: (lines polib skips, translator comment, extracted comment,
#: flags, ``#:`` reference tokens).
Comments = tuple[int, str, str, list[str], list[str]]


def _comments(block: str) -> Comments:
    """polib's comment-line handlers; any line it would treat otherwise raises NotCanonical.

    The skip count is how many leading lines polib skips (``#.``, ``#:``, ``#,`` without
    text): the entry starts — and polib numbers it — at the first line it processes.  The
    reference tokens are polib's ``occurrences`` as ``read_po`` writes them back: each
    ``path:line`` (or bare) token exactly as in the file.
    """
    skipped = -1
    tcomment = comment = ""
    flags: list[str] = []
    references: list[str] = []
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
            references += line[3:].split()
        elif first == "#,":
            flags += [c.strip() for c in line[3:].split(",")]
        elif first == "#" or first.startswith("##"):
            text = (line + " " if line == "#" else line).lstrip("#")
            text = text[1:] if text.startswith(" ") else text
            tcomment = f"{tcomment}\n{text}" if tcomment != "" else text
        elif first == "#.":
            text = line[3:]
            comment = f"{comment}\n{text}" if comment != "" else text
        else:  # obsolete (#~), previous (#|) or a line polib refuses
            raise NotCanonical(line)
    return (len(lines) if skipped < 0 else skipped), tcomment, comment, flags, references


def _metadata(msgstr: str) -> dict[str, str]:
    """polib's metadata parsing of the header's ``msgstr``, verbatim."""
    metadata: dict[str, str] = {}
    key = None
    for msg in msgstr.splitlines():
        try:
            key, val = msg.split(":", 1)
            metadata[key] = val.strip()
        except (ValueError, KeyError):
            if key is not None:
                metadata[key] += "\n" + msg.strip()
    return metadata


def _single_header(path: str) -> bool:
    """True when no line but one can be an empty ``msgid`` (see :data:`_EMPTY_MSGID`)."""
    found = 0
    tail = b""
    with open(path, "rb") as handle:
        while True:
            raw = handle.read(_CHUNK)
            data = tail + raw
            cut = len(data) if not raw else max(data.rfind(b"\n"), data.rfind(b"\r")) + 1
            found += len(_EMPTY_MSGID.findall(data, 0, cut))
            if found > 1:
                return False
            if not raw:
                return True
            tail = data[cut:]


def read_segments(path: str, source_lang: str, target_lang: str | None) -> Iterator[Segment]:
    """The segments ``read_po`` makes of a canonical UTF-8 PO file, streamed (see the module doc).

    Raises NotCanonical — possibly after some segments — where polib must take over; the
    segments yielded before are those polib's entries give.
    """
    if codecs.lookup(polib_encoding(path)).name != "utf-8":
        raise NotCanonical("charset")
    matches = _matches(path)
    if not _single_header(path):
        _validate(path)  # two passes: nothing is yielded from a file polib must read
    first = next(matches, None)
    if first is None:
        raise NotCanonical("empty")
    header = first[0]
    comments, ctx, msgid, plural, _forms, msgstr = header.groups()
    if ctx is not None or plural is not None:
        raise NotCanonical("header")
    if comments:
        _comments(comments)
    if _value(msgid) != "":
        raise NotCanonical("no header")
    metadata = _metadata(_value(msgstr))
    target = metadata.get("Language") or target_lang
    rule = parse_plural_forms(metadata.get("Plural-Forms"))
    pending: list[Segment] = []
    index = 0
    for number, (match, line) in enumerate(matches, start=1):
        segments = _entry_segments(match, line, number, index, path, source_lang, target, rule)
        index += len(segments)
        yield from pending  # the entry before this one is final now (see the module doc)
        pending = segments
    yield from pending


def _entry_segments(
    match: re.Match[str],
    line: int,
    number: int,
    index: int,
    path: str,
    source_lang: str,
    target: str | None,
    rule: PluralRule | None = None,
) -> list[Segment]:
    """The segments of one entry match: entry ``number`` (1-based), first at line ``line``."""
    comments, ctx, msgid, plural, forms, msgstr = match.groups()
    notes: tuple[str, ...] = ()
    props: tuple[tuple[str, str], ...] = ()
    fuzzy = False
    if comments:
        if comments.startswith("#: ") and comments.index("\n") == len(comments) - 1:
            references = comments[3:-1].split()  # the usual single reference line
            if references:
                props = (("references", " ".join(references)),)
            else:
                line += 1  # a bare "#:" line: polib skips it
        else:
            skipped, tcomment, comment, flags, references = _comments(comments)
            line += skipped
            notes = tuple(text for block in (tcomment, comment) if block for text in block.splitlines())
            fuzzy = "fuzzy" in flags
            if flags:
                props = (("flags", ",".join(flags)),)
            if references:
                props += (("references", " ".join(references)),)
    source = _value(msgid)
    if source == "":
        raise NotCanonical("second empty msgid")
    context = _value(ctx) if ctx is not None else None
    unit = str(number)
    pairs: list[FormPair]
    if plural is None:
        target_text = _value(msgstr)
        state = "fuzzy" if fuzzy else ("translated" if target_text != "" else None)
        pairs = [(unit, source, target_text, ())]
    else:
        state, pairs = _plural(unit, source, _value(plural), forms, fuzzy, rule)
    return [
        Segment(
            file=path,
            unit=form_unit,
            index=index + offset,
            source=form_source,
            target=form_target,
            source_lang=source_lang,
            target_lang=target,
            notes=notes,
            line=line,
            state=state,
            context=context,
            props=props + extra,
        )
        for offset, (form_unit, form_source, form_target, extra) in enumerate(pairs)
    ]


def entry_offsets(path: str) -> Iterator[tuple[int, int]]:
    """(byte offset, line) where each entry match starts, the header first (for lint.unitshards).

    Only meaningful for a file :func:`read_segments` reads to the end; raises NotCanonical
    where :func:`_matches` does.
    """
    offset = 0  # of `chunk[done]`
    done = 0
    chunk: str | None = None
    with open(path, "rb") as handle:
        if handle.read(3) == codecs.BOM_UTF8:
            offset = 3
    for match, line in _matches(path):
        if match.string is not chunk:
            if chunk is not None:
                offset += len(chunk[done:].encode("utf-8"))
            chunk, done = match.string, 0
        offset += len(chunk[done : match.start()].encode("utf-8"))
        done = match.start()
        yield offset, line


def header_plural_forms(path: str) -> str | None:
    """The ``Plural-Forms`` of a canonical file's header (what a run of entries cut from it is
    read under, so its plural forms pair as in the whole file)."""
    first = next(_matches(path), None)
    if first is None:
        return None
    msgstr = first[0].group("str")
    return None if msgstr is None else _metadata(_value(msgstr)).get("Plural-Forms")


def text_segments(
    text: str,
    line: int,
    number: int,
    index: int,
    path: str,
    source_lang: str,
    target: str | None,
    plural_forms: str | None = None,
) -> Iterator[Segment]:
    """The segments of the entries in ``text`` — a run of whole entries cut from a canonical file
    (lint.unitshards): the first is entry ``number`` at line ``line``, its first segment ``index``;
    ``plural_forms`` is the file header's ``Plural-Forms``."""
    rule = parse_plural_forms(plural_forms)
    position = 0
    if not text.endswith("\n"):
        text += "\n"
    while position < len(text):
        match = _ENTRY.match(text, position)
        if match is None:
            raise NotCanonical(f"line {line}")
        segments = _entry_segments(match, line, number, index, path, source_lang, target, rule)
        yield from segments
        index += len(segments)
        number += 1
        line += text.count("\n", position, match.end())
        position = match.end()


def _plural(
    unit: str, source: str, plural: str, forms: str, fuzzy: bool, rule: PluralRule | None = None
) -> tuple[str | None, list[FormPair]]:
    """(state, (unit, source, target, props) per form) of a plural entry, as ``read_po`` pairs polib's.

    Forms are paired by :func:`.plurals.pair_forms` (the catalogue's ``Plural-Forms``); an
    empty ``msgid_plural`` makes it a singular entry with an empty ``msgstr``, as under polib.
    """
    plural_forms: dict[int, str] = {}
    for k, block in _FORM.findall(forms):
        plural_forms[int(k)] = _value(block)
    translated = all(value != "" for value in plural_forms.values())
    state = "fuzzy" if fuzzy else ("translated" if translated else None)
    if plural == "":
        return state, [(unit, source, "", ())]
    return state, pair_forms(unit, source, plural, plural_forms, rule)


def _validate(path: str) -> None:
    """Match the whole file (header first, plain comments, one empty msgid) or raise NotCanonical."""
    header = True
    for match, _line in _matches(path):
        comments = match.group("comments")
        if comments and (header or not _PLAIN_COMMENTS.fullmatch(comments)):
            _comments(comments)
        if header:
            if match.group("ctx") is not None or match.group("plural") is not None:
                raise NotCanonical("header")
            if _value(match.group("id")) != "":
                raise NotCanonical("no header")
            header = False
        elif match.group("id").startswith('""') and _value(match.group("id")) == "":
            raise NotCanonical("second empty msgid")
    if header:
        raise NotCanonical("empty")


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
