"""Runs of digit groups: one number written in groups on one side and whole or in other groups on
the other (``4,300`` = ``300 4``, ``10,816,000`` = ``000 816 10``, ``35 000`` = ``35000``).  NU001
reports a run's missing groups as one number (:func:`run_span`), and asks
:func:`same_digits_in_groups` before it reports one (through ``number_forms``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..text.normalize import WESTERN_DIGITS

DIGITS = WESTERN_DIGITS
DIGIT = "[0-9٠-٩۰-۹]"
#: Runs of digit groups joined by one separator each: 10-103, 224.14, 10:00, 300 4, and a comma and
#: a space before three digits (15, 185 18: 18,185.15 typed right to left, the comma its decimal
#: point; never the Arabic comma ، of a list: 2014، 861 16 is a year, then 16,861).  NU001 reports
#: a run's missing groups as one number.
_JOIN = rf"[-./:,٫٬]|- |, (?={DIGIT}{{3}}(?!{DIGIT}))| (?={DIGIT}{{1,3}}(?!{DIGIT}))"
_RUN = re.compile(rf"{DIGIT}+(?:(?:{_JOIN}){DIGIT}+)*")


def same_digits_in_groups(here: str, start: int, value: str, there: str) -> bool:
    """Whether the number ``value`` at ``start`` in ``here`` is written in other groups in ``there``."""
    mine = _run_at(here, start)
    if mine is None:
        return False
    theirs = [(run, _forms(run)) for run in runs(there)]
    mine_forms = _forms(mine)
    if not mine_forms:  # a single number (35000) written in thousands parted by spaces there (35 000)
        return any(_SPACED.fullmatch(run) and _digits_of(run) == value for run, _ in theirs)
    # groups here: the other side's groups, or (35 000 here) its single number (35000)
    spaced = {_digits_of(mine)} if _SPACED.fullmatch(mine) else set()
    whole = {run.translate(DIGITS) for run, forms in theirs if not forms}
    return bool(mine_forms & {f for _, forms in theirs for f in forms} or spaced & whole)


#: Thousands parted by spaces, as WHO and French-style English write them (``35 000``, ``1 500 000``).
_SPACED = re.compile(r"[0-9٠-٩]{1,3}(?: [0-9٠-٩]{3})+")


def _digits_of(run: str) -> str:
    return run.translate(DIGITS).replace(" ", "")


def runs(text: str) -> Iterator[str]:
    for m in _RUN.finditer(text):
        yield m.group()


def _run_at(text: str, start: int) -> str | None:
    span = run_span(text, start)
    return None if span is None else text[span[0] : span[1]]


def run_span(text: str, start: int) -> tuple[int, int] | None:
    """The span of the run of digit groups (``000 816 10``, ``10-103``, ``15, 185 18``) the number
    at ``start`` belongs to: NU001 reports a run's missing groups as one number."""
    for m in _RUN.finditer(text):
        if m.start() <= start < m.end():
            return m.start(), m.end()
    return None


def _forms(run: str) -> set[str]:
    """The digit strings a run may stand for: its digits in order, and for two groups typed
    right to left with a space (``300 4``) in the other order."""
    groups = re.findall(r"[0-9]+", run.translate(DIGITS))
    if len(groups) < 2:
        return set()  # a single number: the plain comparison already had it
    forms = {"".join(groups)}
    parts = run.translate(DIGITS).split(" ")
    heads = [re.findall(r"[0-9]+", part)[0] for part in parts]
    decimals = parts[0].endswith((",", "،", "٫"))  # 15, 185 18 = 18 185,15: the fraction first
    if (
        len(parts) >= 2
        and all(len(h) == 3 for h in heads[1:-1])
        and (len(heads[0]) == 3 or decimals)
        and len(heads[-1]) <= 3
    ):
        # 300 4 = 4,300, 000 816 10 = 10,816,000, 731.5 1 = 1,731.5 and 15, 185 18 = 18,185.15:
        # groups typed right to left
        forms.add("".join(re.findall(r"[0-9]+", "".join(reversed(parts)))))
    return forms
