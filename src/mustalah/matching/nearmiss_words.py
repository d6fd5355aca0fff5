"""Words for near-miss matching: Arabic stems without proclitics, entity head words, edits.

Shared by the near-miss index (``matching/nearmiss.py``) and the rules that compare words
(AC001 uses :func:`within_one_edit`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.normalize import Folded
from .forms import DEFINITE_PREFIXES, INDEFINITE_PREFIXES

TOKEN = re.compile(r"\w+(?:'\w+)?")
_PREFIXES = sorted(DEFINITE_PREFIXES | INDEFINITE_PREFIXES, key=len, reverse=True)


#: Entity heads known without a termbase (folded): Arabic first tokens, English last tokens.
def _with_article(words: str) -> set[str]:
    out: set[str] = set()
    for w in words.split():
        out.add(w)
        out.add("ال" + w)
    return out


#: Entity-type head words (folded): the words a body's name is built on.  Only these count
#: as the "head" of a name frame — a country or topic word at the end of a synthetic or
#: real name (… for Iraq) is not a head, whatever the termbase holds.  مفوضية is none: UN
#: Arabic writes OHCHR's and UNHCR's frames with other heads for real bodies (مكتب الأمم المتحدة
#: لحقوق الإنسان, the UN Human Rights Office; وكالة الأمم المتحدة لشؤون اللاجئين, the UN Refugee Agency).
BUILTIN_HEADS = {
    "ar": _with_article(
        "مركز مكتب لجنه مديريه مجلس فريق هيئه منظمه برنامج صندوق امانه منتدي شبكه منصه وحده معهد "
        "مرصد بعثه سلطه دائره شعبه قسم مرفق وكاله اداره فرقه جهاز اتحاد مؤسسه محكمه"
    ),
    "en": {
        "centre",
        "center",
        "office",
        "committee",
        "directorate",
        "council",
        "team",
        "board",
        "programme",
        "program",
        "fund",
        "organization",
        "organisation",
        "commission",
        "agency",
        "department",
        "secretariat",
        "panel",
        "forum",
        "network",
        "platform",
        "unit",
        "institute",
        "observatory",
        "mission",
        "authority",
        "service",
        "division",
        "section",
        "facility",
        "entity",
        "group",
    },
}
MIN_EDIT_LEN = 4
#: The termbase domains whose two-word Arabic names are read with a letter dropped inside their
#: first word, the article kept (``الجعية العامة``, ``الأين العام``): bodies, posts and States;
#: not generic concepts (``تمول الإرهاب``, "finance terrorism", beside ``تمويل الإرهاب``).
DROP_DOMAINS = frozenset({"entities", "posts", "member-states"})
_CLITIC_INITIALS = frozenset(p[0] for p in _PREFIXES if p)
MIN_FRAME_TOKENS = 4


_STEM_CACHE: dict[str, tuple[str, ...]] = {}
STEM_CACHE_MAX = 200_000


def stems(token: str) -> tuple[str, ...]:
    """The token and what it could be without Arabic proclitics (article restored after لل)."""
    cached = _STEM_CACHE.get(token)
    if cached is not None:
        return cached
    if len(_STEM_CACHE) >= STEM_CACHE_MAX:
        _STEM_CACHE.clear()
    result = _STEM_CACHE[token] = _stems(token)
    return result


def _stems(token: str) -> tuple[str, ...]:
    out = [token]
    if not token or token[0] not in _CLITIC_INITIALS:
        return (token,)
    for p in _PREFIXES:
        if p and token.startswith(p) and len(token) - len(p) >= 2:
            rest = token[len(p) :]
            if p.endswith("لل"):
                out.append("ال" + rest)
            elif p.endswith("ل") and rest.startswith("ل"):
                out.append("ال" + rest)
                out.append(rest)
            else:
                out.append(rest)
                if p.endswith("ال"):
                    out.append("ال" + rest)
    return tuple(dict.fromkeys(out))


def within_one_edit(a: str, b: str) -> bool:
    """Optimal-string-alignment distance exactly 1 (substitution, insertion, deletion, transposition)."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def deletions(word: str) -> set[str]:
    """``word`` and every string one letter shorter: two words within one edit (substitution,
    insertion, deletion or adjacent transposition) always share one of these."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def edit_keys(vocabulary: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each of the :func:`deletions` of the words long enough to be an edit's expected word →
    those words."""
    keys: dict[str, list[str]] = {}
    for word in vocabulary:
        if len(word) >= MIN_EDIT_LEN:
            for key in deletions(word):
                keys.setdefault(key, []).append(word)
    return {key: tuple(words) for key, words in keys.items()}


def one_edit_from(word: str, keys: dict[str, tuple[str, ...]]) -> bool:
    """Whether ``word`` (long enough) is one edit (:func:`within_one_edit`) from a word of
    :func:`edit_keys`: only the words sharing a deletion with it are compared, a few set probes."""
    if len(word) < MIN_EDIT_LEN:
        return False
    return any(within_one_edit(word, other) for key in deletions(word) for other in keys.get(key, ()))


def inflected(a: str, b: str) -> bool:
    """One word is the other plus a final letter: agreement or a suffix (العنيف/العنيفة,
    Korea/Korean, Nation/Nations), not a misspelling."""
    return (len(a) == len(b) + 1 and a.startswith(b)) or (len(b) == len(a) + 1 and b.startswith(a))


class Cover:
    """``cover(j)``: the tokens of the longest exact match overlapping word ``j`` (0: none),
    worked out for the few words a walk asks about."""

    __slots__ = ("folded", "spans", "words")

    def __init__(self, folded: Folded, words: list[re.Match[str]], spans: list[tuple[int, int, int]]) -> None:
        self.folded, self.words, self.spans = folded, words, spans

    def __call__(self, j: int) -> int:
        if not self.spans:
            return 0
        word = self.words[j]
        a, b = word.span() if self.folded.identity else self.folded.span(word.start(), word.end())
        return max((k for s, e, k in self.spans if s < b and a < e), default=0)


def covered(
    folded: Folded, toks: list[tuple[str, int, int]], spans: list[tuple[int, int, int]], i: int, length: int
) -> bool:
    """Whether an exact match of at least ``length`` tokens overlaps the window of ``length``
    words from word ``i``: such a window is a name the text has (or a part of one), never a near
    miss, which keeps sibling names (``مركز…``/``مكتب…``) from flagging each other."""
    start, end = folded.span(toks[i][1], toks[i + length - 1][2])
    return any(s < end and start < e and k >= length for s, e, k in spans)
