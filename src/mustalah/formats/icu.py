"""ICU MessageFormat inside a segment (Angular ``messages.xlf``, Android, iOS, FormatJS).

``{VAR_PLURAL, plural, =1 {attempt} other {attempts}}`` is syntax around translatable
branches: the argument name, the type (``plural`` / ``select`` / ``selectordinal``), the
selectors (``=1``, ``one``, ``other``, ``male``) and the braces stay as they are in every
language; only the branch texts (``attempt``, ``attempts``) are translated, each on its own.

:func:`icu_spans` finds both, so checks read the branches as text and never report the
syntax as untranslated Latin (UT003) or a branch ``{attempts}`` as a placeholder (MK002).
Nested messages (a ``select`` inside a ``plural`` branch) are followed.  Text that is not a
well-formed ICU message yields nothing — it is checked as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_HEAD = re.compile(r"\{\s*[A-Za-z_][\w.]*\s*,\s*(?:plural|select|selectordinal)\s*,")
_OFFSET = re.compile(r"\s*offset\s*:\s*\d+")
_SELECTOR = re.compile(r"\s*(=\s*-?\d+|[A-Za-z_][\w-]*)\s*\{")


@dataclass(frozen=True, slots=True)
class IcuSpans:
    #: (start, end) of syntax: from a message's ``{`` to its first branch, selectors, closing braces
    syntax: tuple[tuple[int, int], ...]
    #: (start, end) of each branch body *with* its braces (``{attempts}``)
    bodies: tuple[tuple[int, int], ...]

    def in_syntax(self, position: int) -> bool:
        return any(a <= position < b for a, b in self.syntax)

    def is_body(self, start: int, end: int) -> bool:
        return (start, end) in self.bodies


_EMPTY = IcuSpans((), ())


@lru_cache(maxsize=1024)
def icu_spans(text: str) -> IcuSpans:
    """The ICU syntax and branch bodies of ``text`` (nothing when it holds no ICU message)."""
    if "{" not in text or "," not in text:
        return _EMPTY
    syntax: list[tuple[int, int]] = []
    bodies: list[tuple[int, int]] = []
    pos = 0
    while True:
        match = _HEAD.search(text, pos)
        if match is None:
            break
        end = _message(text, match, syntax, bodies)
        pos = end if end is not None else match.end()
    return IcuSpans(tuple(syntax), tuple(bodies)) if syntax else _EMPTY


def _message(
    text: str, head: re.Match[str], syntax: list[tuple[int, int]], bodies: list[tuple[int, int]]
) -> int | None:
    """Parse one message from ``head``; record its spans and return its end, or None if malformed."""
    found_syntax: list[tuple[int, int]] = []
    found_bodies: list[tuple[int, int]] = []
    pos = head.end()
    offset = _OFFSET.match(text, pos)
    if offset is not None:
        pos = offset.end()
    start = head.start()
    while True:
        selector = _SELECTOR.match(text, pos)
        if selector is None:
            break
        found_syntax.append((start, selector.end()))
        body_start = selector.end() - 1
        body_end = _close(text, body_start)
        if body_end is None:
            return None
        found_bodies.append((body_start, body_end))
        # nested messages inside the branch
        inner = icu_spans(text[body_start + 1 : body_end - 1])
        found_syntax += [(a + body_start + 1, b + body_start + 1) for a, b in inner.syntax]
        found_bodies += [(a + body_start + 1, b + body_start + 1) for a, b in inner.bodies]
        start = body_end - 1  # the branch's closing brace is syntax too
        pos = body_end
    rest = re.compile(r"\s*\}").match(text, pos)
    if rest is None or not found_bodies:
        return None
    found_syntax.append((start, rest.end()))
    syntax += found_syntax
    bodies += found_bodies
    return rest.end()


def _close(text: str, open_at: int) -> int | None:
    """The index after the ``}`` that closes the ``{`` at ``open_at`` (ICU quoting: ``'{'``)."""
    depth = 0
    i = open_at
    while i < len(text):
        char = text[i]
        if char == "'" and i + 1 < len(text) and text[i + 1] in "{}":
            end = text.find("'", i + 1)
            i = end + 1 if end > 0 else i + 1
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None
