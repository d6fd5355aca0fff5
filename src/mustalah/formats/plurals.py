"""gettext ``Plural-Forms``: which English form each ``msgstr[k]`` translates, and which may drop the number.

Arabic has six plural forms (``nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : …``):
``msgstr[0]`` is said for 0 (English says *0 minutes*, the plural), ``msgstr[1]`` for 1
(*1 minute*), ``msgstr[2]`` for 2 (*2 minutes*).  So each form is compared with the English
form used for the same numbers — found by evaluating the catalogue's own expression for
n = 0…199 — not with ``msgid`` for form 0 and ``msgid_plural`` for the rest.

A form chosen for exactly one number (``n==1``: يوم واحد, ``n==2``: يومان, ``n==0``: لا مهام)
names that number in its words, so it may drop the count placeholder and the digit (``msgfmt -c``
accepts it).  The reader marks such a segment with the prop ``x-plural-form`` = ``"<k> n=<n>"``
(else ``"<k>"``), and MK002 / NU001 read it through :func:`single_number`.

The expression is C (the gettext manual's grammar: ``?:``, ``||``, ``&&``, comparisons, ``+ - * / %``,
``!``, parentheses, ``n``, integers), parsed here by a small recursive-descent parser — never ``eval``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..model import Segment

PLURAL_PROP = "x-plural-form"
_SAMPLES = range(200)
_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))")
_HEADER = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+)")

Expr = Callable[[int], int]


@dataclass(frozen=True, slots=True)
class PluralRule:
    nplurals: int
    #: form index -> the numbers (of 0…199) that choose it
    numbers: dict[int, tuple[int, ...]]

    def english(self, k: int) -> str:
        """``"singular"`` when form ``k`` is said only for 1 (English *1 minute*), else ``"plural"``."""
        return "singular" if self.numbers.get(k) == (1,) else "plural"

    def single(self, k: int) -> int | None:
        """The one number form ``k`` is chosen for, if it is chosen for exactly one."""
        chosen = self.numbers.get(k, ())
        return chosen[0] if len(chosen) == 1 else None


@lru_cache(maxsize=64)
def parse_plural_forms(header: str | None) -> PluralRule | None:
    """The rule of a ``Plural-Forms`` header value, or ``None`` when absent or not understood."""
    if not header:
        return None
    match = _HEADER.search(header)
    if match is None:
        return None
    try:
        expr = _Parser(match.group(2)).parse()
        numbers: dict[int, list[int]] = {}
        for n in _SAMPLES:
            numbers.setdefault(int(expr(n)), []).append(n)
    except (ValueError, ZeroDivisionError, IndexError):
        return None
    return PluralRule(int(match.group(1)), {k: tuple(v) for k, v in numbers.items()})


def form_prop(rule: PluralRule | None, k: int) -> tuple[str, str]:
    """The ``x-plural-form`` prop of form ``k``: ``"1 n=1"`` for a single-number form, else ``"3"``."""
    single = rule.single(k) if rule is not None else None
    return PLURAL_PROP, f"{k}" if single is None else f"{k} n={single}"


def single_number(segment: Segment) -> int | None:
    """The one number a PO plural form is said for (so it may leave out the count), else ``None``."""
    for key, value in segment.props:
        if key == PLURAL_PROP:
            _k, _sep, n = value.partition(" n=")
            return int(n) if n else None
    return None


class _Parser:
    """C expression → Python closure (recursive descent, C precedence)."""

    def __init__(self, text: str) -> None:
        self.tokens: list[str] = []
        pos = 0
        text = text.strip()
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if match is None or match.end() == pos:
                raise ValueError(f"unexpected {text[pos:]!r}")
            self.tokens.append(match.group(1) or match.group(2) or match.group(3))
            pos = match.end()
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.tokens[self.i]
        if expected is not None and token != expected:
            raise ValueError(f"expected {expected!r}, got {token!r}")
        self.i += 1
        return token

    def parse(self) -> Expr:
        expr = self.ternary()
        if self.peek() is not None:
            raise ValueError(f"unexpected {self.peek()!r}")
        return expr

    def ternary(self) -> Expr:
        cond = self.binary(0)
        if self.peek() != "?":
            return cond
        self.take("?")
        yes = self.ternary()
        self.take(":")
        no = self.ternary()
        return lambda n: yes(n) if cond(n) else no(n)

    _LEVELS: tuple[tuple[str, ...], ...] = (
        ("||",),
        ("&&",),
        ("==", "!="),
        ("<", ">", "<=", ">="),
        ("+", "-"),
        ("*", "/", "%"),
    )

    def binary(self, level: int) -> Expr:
        if level == len(self._LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek() in self._LEVELS[level]:
            op = self.take()
            right = self.binary(level + 1)
            left = _combine(op, left, right)
        return left

    def unary(self) -> Expr:
        token = self.take()
        if token == "!":
            inner = self.unary()
            return lambda n: int(not inner(n))
        if token == "(":
            inner = self.ternary()
            self.take(")")
            return inner
        if token == "n":
            return lambda n: n
        if token.isdigit():
            value = int(token)
            return lambda n: value
        raise ValueError(f"unexpected {token!r}")


def _combine(op: str, a: Expr, b: Expr) -> Expr:
    ops: dict[str, Callable[[int, int], int]] = {
        "||": lambda x, y: int(bool(x) or bool(y)),
        "&&": lambda x, y: int(bool(x) and bool(y)),
        "==": lambda x, y: int(x == y),
        "!=": lambda x, y: int(x != y),
        "<": lambda x, y: int(x < y),
        ">": lambda x, y: int(x > y),
        "<=": lambda x, y: int(x <= y),
        ">=": lambda x, y: int(x >= y),
        "+": lambda x, y: x + y,
        "-": lambda x, y: x - y,
        "*": lambda x, y: x * y,
        "/": lambda x, y: x // y,
        "%": lambda x, y: x % y,
    }
    fn = ops[op]
    return lambda n: fn(a(n), b(n))


#: (unit, source, target, extra props) of one plural form.
FormPair = tuple[str, str, str, tuple[tuple[str, str], ...]]


def pair_forms(
    unit: str, msgid: str, msgid_plural: str, forms: dict[int, str], rule: PluralRule | None
) -> list[FormPair]:
    """Each ``msgstr[k]`` with the English form said for the same numbers (see the module doc).

    Without a readable ``Plural-Forms`` header: ``msgid`` with ``msgstr[0]``, ``msgid_plural``
    with the rest (the English rule), and no ``x-plural-form`` prop.
    """
    out: list[FormPair] = []
    for k in sorted(forms) if forms else [0]:
        if rule is None:
            source = msgid if k == 0 else msgid_plural
            extra: tuple[tuple[str, str], ...] = ()
        else:
            source = msgid if rule.english(k) == "singular" else msgid_plural
            extra = (form_prop(rule, k),)
        out.append((unit if k == 0 else f"{unit}[{k}]", source, forms.get(k, ""), extra))
    return out
