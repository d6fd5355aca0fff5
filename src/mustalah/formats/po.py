"""Gettext PO/POT reader (polib).

* ``unit`` = the 1-based index of the entry among the non-obsolete entries; the
  header entry (``msgid ""``) is not an entry and is not counted; obsolete
  (``#~``) entries are skipped.
* plurals: ``msgid`` is paired with ``msgstr[0]`` as unit ``N``, and
  ``msgid_plural`` with each ``msgstr[k]`` (k ≥ 1) as unit ``N[k]`` — Arabic has
  six forms, and every one must be checked against the English plural, never
  silently dropped.
* ``notes`` = translator comments (``# ``) then extracted comments (``#.``), one
  per line; ``context`` = ``msgctxt``; ``state`` = ``"fuzzy"`` for fuzzy entries,
  ``"translated"`` for translated ones, else ``None``; ``props`` holds the flags and
  the ``#:`` references.
* languages: ``source_lang`` (default ``en``) and the header's ``Language`` (else
  ``target_lang``).  An untranslated entry has ``target == ""`` (the file is
  bilingual; ``None`` is kept for monolingual input).
* polib's syntax and decoding errors become :class:`InputError` with the line (or
  byte offset).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from typing import Any

import polib

from ..encoding import first_invalid_offset, is_text_encoding
from ..errors import InputError
from ..model import Segment
from . import po_stream
from .plurals import FormPair, PluralRule, pair_forms, parse_plural_forms

_LINE = re.compile(r"\(line (\d+)\)")


def _load(name: str) -> Any:
    try:
        return polib.pofile(name, wrapwidth=0)
    except UnicodeDecodeError as exc:
        charset = polib.detect_encoding(name)
        with open(name, "rb") as handle:
            data = handle.read()
        offset = first_invalid_offset([data], charset)
        raise InputError(
            f"invalid {charset} bytes at byte offset {offset if offset is not None else exc.start}",
            file=name,
            line=data.count(b"\n", 0, offset or 0) + 1,
            hint="fix the charset in the PO header (Content-Type: text/plain; charset=UTF-8) "
            "or convert the file with iconv",
        ) from None
    except OSError as exc:
        match = _LINE.search(str(exc))
        raise InputError(
            f"cannot read PO file: {exc}",
            file=name,
            line=int(match.group(1)) if match else None,
            hint="check the PO syntax with `msgfmt --check-format -o /dev/null FILE`",
        ) from None
    except ValueError as exc:
        raise InputError(
            f"cannot read PO file: {exc}",
            file=name,
            hint="check the PO syntax with `msgfmt -c -o /dev/null FILE`",
        ) from None


_KEYWORD = re.compile(r"^(?:#~\s*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(.*)$")


def _unterminated_string(name: str, encoding: str) -> None:
    """Refuse a string without its closing quote — polib silently reads ``msgstr "b`` as empty.

    Why: an unterminated ``msgstr`` would lose the translation without a word, and the linter
    would then report the unit as untranslated instead of pointing at the broken line.
    """
    with open(name, encoding=encoding, errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            match = _KEYWORD.match(line)
            value = match.group(1) if match else (line if line.startswith('"') else None)
            if value is None:
                continue
            body = value[1:] if value.startswith('"') else None
            if body is None or not body.endswith('"') or _escaped(body[:-1]):
                raise InputError(
                    'unterminated string: a PO string must be one quoted line ending with "',
                    file=name,
                    line=number,
                    hint='close the string with " (write a quote inside it as \\"); '
                    "check with `msgfmt -c -o /dev/null FILE`",
                )


def _escaped(text: str) -> bool:
    """True when ``text`` ends with an odd number of backslashes (its last quote is escaped)."""
    return (len(text) - len(text.rstrip("\\"))) % 2 == 1


def _refuse_nul(name: str) -> None:
    """A NUL byte is in no PO file (polib and msgfmt stop or truncate there): a UTF-16 file or
    a binary one named .po.  Refused with its byte offset and line."""
    offset, line = 0, 1
    with open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            at = chunk.find(b"\x00")
            if at >= 0:
                raise InputError(
                    f"NUL byte at byte offset {offset + at}: not a PO text file",
                    file=name,
                    line=line + chunk.count(b"\n", 0, at),
                    hint="PO files are text (UTF-8); a UTF-16 file can be converted with "
                    "`iconv -f utf-16 -t utf-8 IN > OUT`",
                )
            offset += len(chunk)
            line += chunk.count(b"\n")


def read_po(
    path: str | os.PathLike[str],
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Iterator[Segment]:
    name = os.fspath(path)
    _refuse_nul(name)
    src = source_lang or "en"
    done = 0
    # Fast path first (see po_stream: the segments polib's entries give, for canonical UTF-8 PO,
    # streamed); polib reads whatever it declines, skipping the segments already yielded.
    try:
        for segment in po_stream.read_segments(name, src, target_lang):
            yield segment
            done += 1
        return
    except po_stream.NotCanonical:
        pass
    catalogue = _load(name)
    charset = catalogue.encoding or "utf-8"
    _unterminated_string(name, charset if is_text_encoding(charset) else "utf-8")
    tgt = catalogue.metadata.get("Language") or target_lang
    rule = parse_plural_forms(catalogue.metadata.get("Plural-Forms"))
    yield from itertools.islice(_segments(iter(catalogue), name, src, tgt, rule), done, None)


def _segments(
    entries: Iterator[Any], name: str, src: str, tgt: str | None, rule: PluralRule | None = None
) -> Iterator[Segment]:
    """Segments of polib entries (po_stream.read_segments makes the same of its matches)."""
    index = 0
    number = 0
    for entry in entries:
        if entry.obsolete:
            continue
        number += 1
        notes = tuple(
            line for block in (entry.tcomment, entry.comment) if block for line in block.splitlines()
        )
        props: list[tuple[str, str]] = []
        if entry.flags:
            props.append(("flags", ",".join(entry.flags)))
        if entry.occurrences:
            props.append(("references", " ".join(f"{f}:{n}" if n else f for f, n in entry.occurrences)))
        state = "fuzzy" if entry.fuzzy else ("translated" if entry.translated() else None)
        line = entry.linenum or 1
        pairs: list[FormPair]
        if entry.msgid_plural:
            pairs = pair_forms(str(number), entry.msgid, entry.msgid_plural, dict(entry.msgstr_plural), rule)
        else:
            pairs = [(str(number), entry.msgid, entry.msgstr, ())]
        for unit, source, target, extra in pairs:
            yield Segment(
                file=name,
                unit=unit,
                index=index,
                source=source,
                target=target,
                source_lang=src,
                target_lang=tgt,
                notes=notes,
                line=line,
                state=state,
                context=entry.msgctxt,
                props=tuple(props) + extra,
            )
            index += 1
