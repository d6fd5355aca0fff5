"""How NU001 groups its findings on one side before they are reported: both ends of a range the
other side lacks are one finding (:func:`join_ranges`), a number whose digits are several of
the other side's missing numbers run together is one finding naming them (:func:`run_together`),
and a decimal written with the Arabic comma (``5،6`` for 5.6) is one finding, not three
(:func:`decimal_commas`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..model import Finding
from .number_runs import DIGITS

#: Two numbers of a range, joined by a hyphen or a dash, spaced or not (``2014-2015``, ``٢٠١١ - ٢٠١٥``).
_RANGE_JOINT = re.compile(r"\s*[-–—]\s*")


def run_together(mine: list[Finding], theirs: list[Finding]) -> Iterator[Finding]:
    """``mine``, with a number whose digits are several of the other side's missing numbers run
    together (a copy that lost their separators: ``182018881889196021062122`` = ``1820، 1888، 1889،
    1960، 2106، 2122``) reported once, naming them — and those numbers of the other side not
    reported (``theirs`` is filtered in place for the second call)."""
    for f in mine:
        parts = _concatenated(f.text, theirs)
        if parts:
            names = ", ".join(p.text for p in parts)
            gone = {id(p) for p in parts}
            theirs[:] = [t for t in theirs if id(t) not in gone]
            f = replace(f, message=f"{f.message}: the digits of {names} run together?")
        yield f


def join_decimal_commas(sides: Iterable[tuple[str, str, list[Finding], list[Finding]]]) -> None:
    """For each side (its text, its language, its findings, the other side's), the findings of an
    Arabic side that has commas joined by :func:`decimal_commas`, in place."""
    for text, lang, mine, theirs in sides:
        if lang.split("-")[0] == "ar" and "،" in text:
            mine[:] = decimal_commas(mine, theirs, text)


def decimal_commas(mine: list[Finding], theirs: list[Finding], text: str) -> list[Finding]:
    """``mine``, with two numbers joined by an Arabic comma (``5،6``) that the other side gives as
    one decimal (5.6) reported once, as the comma typed for the decimal point — and that decimal
    not reported on the other side (``theirs`` is filtered in place)."""
    out: list[Finding] = []
    ordered = sorted(mine, key=lambda f: f.start)
    i = 0
    while i < len(ordered):
        first = ordered[i]
        second = ordered[i + 1] if i + 1 < len(ordered) else None
        if second is not None and text[first.end : second.start] == "،":
            decimal = f"{first.text}.{second.text}".translate(DIGITS)
            same = [t for t in theirs if t.text.translate(DIGITS) == decimal]
            if same:
                theirs.remove(same[0])
                shown = text[first.start : second.end]
                out.append(
                    replace(
                        first,
                        end=second.end,
                        text=shown,
                        message=f"number {shown} is {decimal} with the Arabic comma typed for the decimal"
                        " point",
                        suggestion=decimal,
                        severity="warning",
                    )
                )
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def _concatenated(digits: str, theirs: list[Finding]) -> list[Finding]:
    """Two or more of ``theirs``, in order, whose digits make ``digits`` exactly."""
    if not digits.isdigit() or len(digits) < 6:
        return []
    ordered = sorted(theirs, key=lambda t: t.start)
    for i in range(len(ordered)):
        joined, parts = "", []
        for t in ordered[i:]:
            joined += t.text
            parts.append(t)
            if not digits.startswith(joined):
                break
            if joined == digits:
                return parts if len(parts) >= 2 else []
    return []


def join_ranges(text: str, found: list[Finding], where: str) -> Iterable[Finding]:
    """Both ends of a range missing (``2014-2015`` where the other side has ``2016-2017``): one
    finding for the range, not one a year — one slip, one finding."""
    i = 0
    while i < len(found):
        first = found[i]
        second = found[i + 1] if i + 1 < len(found) else None
        if (
            second is not None
            and _RANGE_JOINT.fullmatch(text[first.end : second.start])
            and first.severity == second.severity
            and "(" not in first.message + second.message
        ):
            shown = text[first.start : second.end]
            yield replace(first, end=second.end, text=shown, message=f"range {shown} is not in {where}")
            i += 2
            continue
        yield first
        i += 1
