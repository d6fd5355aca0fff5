"""Numbers of several levels: a section, target or indicator number (``17.18.1``).

The English writes the levels of such a number with dots (indicator ``3.2.1``, target ``3.8``),
UN Arabic with hyphens (``3-2-1``, ``3-8``).  Read digit by digit, ``17.18.1`` would be the decimal
``1718.1`` and ``17-18-1`` a range and a number: one wrong level (``17-18-2``) gave three findings,
one of them about a number neither side has.  NU001 reads each as one number of levels instead, so
the two forms are equal and a wrong level is one finding with the number as the other side writes it.

Only levels of one or two digits count (``25.9.2023`` and ``2023-09-25`` are dates, ``1.000.000``
is a million): an indicator has no level of three digits.
"""

from __future__ import annotations

import re

_D = r"[0-9٠-٩۰-۹]"
#: Three or more levels of one or two digits joined by hyphens (``17-18-1``), not inside a symbol
#: (``A/70/1-2-3``) nor a longer run of digits.
_HYPHEN_LEVELS = re.compile(
    rf"(?<![0-9٠-٩۰-۹/.,\-]){_D}{{1,2}}(?:-{_D}{{1,2}}){{2,}}(?![0-9٠-٩۰-۹/\-]|[.,]{_D})"
)


def hyphen_levels(text: str) -> list[tuple[int, int]]:
    """The spans of the hyphenated numbers of levels in ``text`` (``3-2-1``)."""
    if "-" not in text:
        return []
    return [(m.start(), m.end()) for m in _HYPHEN_LEVELS.finditer(text)]


def raw_numbers(text: str, number: re.Pattern[str]) -> list[tuple[str, int, int]]:
    """Each ``number`` match in ``text`` as written, with its span; a hyphenated number of levels
    (``3-2-1``) is one, written with dots (``3.2.1``) as the English writes it."""
    levels = hyphen_levels(text)
    found = [(m.group(), m.start(), m.end()) for m in number.finditer(text)]
    if not levels:
        return found
    found = [n for n in found if not any(a <= n[1] < b for a, b in levels)]
    found += [(text[a:b].replace("-", "."), a, b) for a, b in levels]
    return sorted(found, key=lambda n: n[1])


def is_levels(groups: list[str], seps: list[str]) -> bool:
    """Digit groups joined by two dots or more, each of one or two digits: ``3.2.1``."""
    return len(seps) >= 2 and set(seps) == {"."} and all(1 <= len(g) <= 2 for g in groups)


def reversed_levels(value: str, there: str) -> bool:
    """``value`` is a number of levels whose levels ``there`` gives in reverse order (``1-1-2`` for
    2.1.1: a copy of right-to-left text that turned the run round)."""
    levels = value.split(".")[::-1]
    if not (all(g.isdigit() for g in levels) and is_levels(levels, ["."] * (len(levels) - 1))):
        return False
    turned = "-".join(levels)
    dotted = rf"(?<![0-9.]){re.escape('.'.join(levels))}(?![0-9]|\.[0-9])"  # not inside 12.1.15
    if any(m.group() == turned for m in _HYPHEN_LEVELS.finditer(there)):
        return True
    return re.search(dotted, there) is not None


def written_like(value: str, written: str) -> str:
    """``value`` (``17.18.1``) written with the separator of ``written`` (``17-18-2`` → ``17-18-1``)."""
    if "-" in written and "." not in written and re.fullmatch(r"[0-9]+(?:\.[0-9]+)+", value):
        return value.replace(".", "-")
    return value
