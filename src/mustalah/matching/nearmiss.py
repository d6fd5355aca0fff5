"""Near misses: what exact matching cannot see (research/arabic.md §2.4).

* ``frame``: a known multi-word name with its head replaced by another entity head —
  ``للجنة الأمم المتحدة لمكافحة الإرهاب`` has the frame of the Centre and the Office
  with the head "Committee": no such body exists.
* ``edit``: one token of a multi-word term one edit (Damerau/OSA) away from the term's
  word, all other tokens exact — ``التطرف العنفي`` for ``التطرف العنيف``.

Candidates come from token-pair lookups, so the cost per text token is a handful of
dictionary probes whatever the size of the termbase.  Windows already covered by an
exact match at least as long are skipped, which keeps sibling names
(``مركز…``/``مكتب…``) from flagging each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..termbase.model import Termbase
from ..text.normalize import Folded, fold_key
from .forms import DEFINITE_PREFIXES, INDEFINITE_PREFIXES
from .types import NearMiss, TermMatch

_TOKEN = re.compile(r"\w+(?:'\w+)?")
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
#: real name (… for Iraq) is not a head, whatever the termbase holds.
_BUILTIN_HEADS = {
    "ar": _with_article(
        "مركز مكتب لجنه مديريه مجلس فريق هيئه منظمه برنامج صندوق امانه منتدي شبكه منصه وحده معهد "
        "مرصد بعثه سلطه دائره شعبه قسم مرفق وكاله اداره فرقه جهاز اتحاد"
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
_MIN_EDIT_LEN = 4
_CLITIC_INITIALS = frozenset(p[0] for p in _PREFIXES if p)
_MIN_FRAME_TOKENS = 4


@dataclass(frozen=True, slots=True)
class _Cand:
    concept_id: str
    tokens: tuple[str, ...]
    expected: str
    #: a person's name: a truncated or re-spelled name is worth reporting even at its end
    name: bool = False


_STEM_CACHE: dict[str, tuple[str, ...]] = {}
_STEM_CACHE_MAX = 200_000


def stems(token: str) -> tuple[str, ...]:
    """The token and what it could be without Arabic proclitics (article restored after لل)."""
    cached = _STEM_CACHE.get(token)
    if cached is not None:
        return cached
    if len(_STEM_CACHE) >= _STEM_CACHE_MAX:
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


def _inflected(a: str, b: str) -> bool:
    """One word is the other plus a final letter: agreement or a suffix (العنيف/العنيفة,
    Korea/Korean, Nation/Nations), not a misspelling."""
    return (len(a) == len(b) + 1 and a.startswith(b)) or (len(b) == len(a) + 1 and b.startswith(a))


class NearMissIndex:
    """Token-pair index over the multi-word terms of one language."""

    def __init__(self, termbase: Termbase, lang: str) -> None:
        self.lang = lang
        self.pair01: dict[tuple[str, str], list[_Cand]] = {}
        self.pair12: dict[tuple[str, str], list[_Cand]] = {}
        self.pair02: dict[tuple[str, str], list[_Cand]] = {}
        self.single0: dict[str, list[_Cand]] = {}
        self.single1: dict[str, list[_Cand]] = {}
        self.heads: set[str] = set(_BUILTIN_HEADS.get(lang, set()))
        #: Every word of every term: a near miss must not be another term's own word.
        self.vocabulary: set[str] = set()
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for concept in termbase:
            for term in concept.terms_in(lang):
                if term.is_acronym:
                    continue
                for surface in (term.text, *term.forms):
                    toks = tuple(_TOKEN.findall(fold_key(surface)))
                    if len(toks) < 2 or (concept.id, toks) in seen:
                        continue
                    seen.add((concept.id, toks))
                    self.vocabulary.update(toks)
                    cand = _Cand(concept.id, toks, surface, concept.domain == "people")
                    if len(toks) == 2:
                        self.single0.setdefault(toks[0], []).append(cand)
                        self.single1.setdefault(toks[1], []).append(cand)
                    else:
                        self.pair01.setdefault((toks[0], toks[1]), []).append(cand)
                        self.pair12.setdefault((toks[1], toks[2]), []).append(cand)
                        self.pair02.setdefault((toks[0], toks[2]), []).append(cand)

    def find(self, folded: Folded, matches: Iterable[TermMatch]) -> list[NearMiss]:
        key = folded.key
        spans = [(m.start, m.end, m.tokens) for m in matches]
        toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(key)]
        words = [t[0] for t in toks]
        found: dict[tuple[int, int], NearMiss] = {}
        n = len(words)
        vocab, heads = self.vocabulary, self.heads
        for i in range(n):
            w0 = words[i]
            st0 = stems(w0)
            w1 = words[i + 1] if i + 1 < n else None
            w2 = words[i + 2] if i + 2 < n else None
            # A near miss needs its odd word out of the termbase's vocabulary (an edit) or an
            # entity head (a frame), so most windows are ruled out before any candidate is read.
            w1_odd = w1 is not None and w1 not in vocab
            w0_odd = not any(o in vocab for o in st0) or any(o in heads for o in st0)
            cands: list[_Cand] = []
            for st in st0:
                if w1 is not None:
                    cands.extend(self.pair01.get((st, w1), ()))
                    if w1_odd:
                        cands.extend(self.single0.get(st, ()))
                        if w2 is not None:
                            cands.extend(self.pair02.get((st, w2), ()))
            if w1 is not None and w0_odd:
                cands.extend(self.single1.get(w1, ()))
                if w2 is not None:
                    cands.extend(self.pair12.get((w1, w2), ()))
            if not cands:
                continue
            for cand in cands:
                miss = self._check(cand, words, i, st0)
                if miss is None:
                    continue
                p, kind = miss
                a, b = toks[i][1], toks[i + len(cand.tokens) - 1][2]
                start, end = folded.span(a, b)
                if any(s < end and start < e and k >= len(cand.tokens) for s, e, k in spans):
                    continue
                found_tok = words[i + p]
                expected = cand.expected
                raw_words = cand.expected.split()
                if kind == "edit" and p > 0 and len(raw_words) == len(cand.tokens):
                    ts, te = folded.span(toks[i + p][1], toks[i + p][2])
                    text = folded.text
                    expected = text[start:ts] + raw_words[p] + text[te:end]
                prev = found.get((start, end))
                if prev is not None:
                    if cand.concept_id not in prev.concepts:
                        found[(start, end)] = NearMiss(
                            prev.kind,
                            prev.lang,
                            start,
                            end,
                            prev.surface,
                            prev.expected,
                            (*prev.concepts, cand.concept_id),
                            prev.differing,
                            prev.note,
                            prev.clitics,
                        )
                    continue
                clitics = ""
                if p == 0:
                    for st in st0:
                        if found_tok.endswith(st) and (st in self.heads or st == cand.tokens[0]):
                            clitics = found_tok[: len(found_tok) - len(st)]
                            break
                found[(start, end)] = NearMiss(
                    kind,
                    self.lang,
                    start,
                    end,
                    folded.text[start:end],
                    expected,
                    (cand.concept_id,),
                    ((found_tok, cand.tokens[p]),),
                    clitics=clitics,
                )
        kept: list[NearMiss] = []
        for near in sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start))):
            if kept and near.start < kept[-1].end:
                continue  # leftmost-longest, as for exact matches
            kept.append(near)
        return kept

    def _check(self, cand: _Cand, words: list[str], i: int, st0: tuple[str, ...]) -> tuple[int, str] | None:
        toks = cand.tokens
        if i + len(toks) > len(words):
            return None
        mismatch = -1
        for p, expected in enumerate(toks):
            ok = expected in st0 if p == 0 else words[i + p] == expected
            if not ok:
                if mismatch >= 0:
                    return None
                mismatch = p
        if mismatch < 0:
            return None
        found = words[i + mismatch]
        expected = toks[mismatch]
        options = st0 if mismatch == 0 else (found,)
        head_pos = 0 if self.lang == "ar" else len(toks) - 1
        frame_head = len(toks) >= _MIN_FRAME_TOKENS and mismatch == head_pos and expected in self.heads
        if frame_head and any(o in self.heads and o != expected for o in options):
            return mismatch, "frame"
        if any(o in self.vocabulary for o in options):
            return None
        if mismatch == 0 and len(toks) == 2 and not cand.name:
            # a two-word phrase with another first word is usually another phrase
            # (وزارة الخارجية is not a misspelt وزيرة الخارجية): not evidence enough
            return None
        if len(expected) >= _MIN_EDIT_LEN and any(
            len(o) >= _MIN_EDIT_LEN
            and within_one_edit(o, expected)
            and (cand.name or not _inflected(o, expected))
            for o in options
        ):
            return mismatch, "edit"
        return None
