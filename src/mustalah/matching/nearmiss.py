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
from collections.abc import Iterable, KeysView
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..packed import MASK, PRIME, SEED, SLOT, PackedRows
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


def _hash_tables(
    token_ids: list[list[int]],
    useful: list[list[bool]],
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int32]], set[int]]:
    """Sorted masked keys with their candidate numbers, and the hashes a walk may pass.

    Vectorized per term length: the hash of :mod:`packed` in wrapping uint64 arithmetic,
    which equals the Python definition (the mask keeps the low 63 bits of the product).
    ``useful[seq][p]`` False leaves out a slot :meth:`NearMissIndex._check` always rejects.
    """
    by_len: dict[int, list[int]] = {}
    for seq, tids in enumerate(token_ids):
        by_len.setdefault(len(tids), []).append(seq)
    mask, prime = np.uint64(MASK), np.uint64(PRIME)
    key_parts: list[np.ndarray[Any, np.dtype[np.uint64]]] = []
    seq_parts: list[np.ndarray[Any, np.dtype[np.int64]]] = []
    partials: set[int] = set()
    with np.errstate(over="ignore"):
        for length, seqs in by_len.items():
            ids = np.array([token_ids[s] for s in seqs], dtype=np.uint64) + np.uint64(1)
            numbers = np.array(seqs, dtype=np.int64)
            slots = np.array([useful[s] for s in seqs], dtype=bool)

            h = np.full(len(seqs), SEED, dtype=np.uint64)
            for k in range(length - 1):  # proper prefixes: a walk may go on
                h = ((h ^ ids[:, k]) * prime) & mask
                partials.update(h.tolist())
            h = np.full(len(seqs), SEED, dtype=np.uint64)
            for k in range(1, length - 1):  # proper prefixes of the rest after slot 0
                h = ((h ^ ids[:, k]) * prime) & mask
                partials.update(h.tolist())
            for p in range(length):
                h = np.full(len(seqs), SEED, dtype=np.uint64)
                for k in range(length):
                    if k != p:
                        h = ((h ^ ids[:, k]) * prime) & mask
                keep = slots[:, p]
                key_parts.append((((h ^ np.uint64(SLOT + p)) * prime) & mask)[keep])
                seq_parts.append(numbers[keep])
    if not key_parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32), partials
    keys = np.concatenate(key_parts).astype(np.int64)
    numbers_all = np.concatenate(seq_parts)
    order = np.lexsort((numbers_all, keys))
    return keys[order], numbers_all[order].astype(np.int32), partials


def _slot_can_report(tokens: tuple[str, ...], p: int, name: bool, heads: set[str], lang: str) -> bool:
    """Whether an odd word in slot ``p`` can ever pass :meth:`NearMissIndex._check`.

    A frame needs a head slot of a long name; otherwise only a one-edit variant of a word
    of at least ``_MIN_EDIT_LEN`` letters counts, and never the first of two words
    (unless a person's name).  Slots that can never report are not indexed at all.
    """
    head_pos = 0 if lang == "ar" else len(tokens) - 1
    if len(tokens) >= _MIN_FRAME_TOKENS and p == head_pos and tokens[p] in heads:
        return True
    if p == 0 and len(tokens) == 2 and not name:
        return False
    return len(tokens[p]) >= _MIN_EDIT_LEN


#: Up to this many keys the lookups go through a dict built on first use; beyond it, one
#: sorted-array search per text (building a dict of millions of keys costs more than it saves).
_DICT_KEYS_MAX = 300_000


def _as_dict(
    keys: np.ndarray[Any, np.dtype[np.int64]], seqs: np.ndarray[Any, np.dtype[np.int32]]
) -> dict[int, list[int]]:
    table: dict[int, list[int]] = {}
    for key, seq in zip(keys.tolist(), seqs.tolist(), strict=True):
        table.setdefault(key, []).append(seq)
    return table


def _make_cand(concept_id: str, tokens: tuple[str, ...], expected: str, name: bool) -> _Cand:
    return _Cand(concept_id, tokens, expected, name)


#: A lookup to run: (masked key, window start, window length, mismatch position, stem rank).
_Query = tuple[int, int, int, int, int]


class NearMissIndex:
    """Multi-word terms of one language, keyed by their token sequence with one slot left out.

    A near miss is a window of text equal to a term in every token but one.  For each
    term and each slot ``p`` the index holds a stable hash of the other tokens
    (:func:`packed.masked`); a text window is looked up the same way, so the candidates
    that come back differ from the window in exactly that slot — however many terms
    share the other words (a 100k-term termbase has thousands of ``United Nations …``).
    Walks through the text stop as soon as no term continues the words read so far
    (``partials``), and the mismatching word must be outside the termbase's vocabulary
    or an entity head (what :meth:`_check` would demand anyway), so a text token costs a
    few set probes; the key lookups of a whole text run as one sorted-array search.
    """

    def __init__(
        self,
        lang: str,
        ids: dict[str, int],
        heads: set[str],
        cands: PackedRows[_Cand],
        keys: np.ndarray[Any, np.dtype[np.int64]],
        seqs: np.ndarray[Any, np.dtype[np.int32]],
        partials: set[int],
        max_len: int,
    ) -> None:
        self.lang = lang
        self.ids = ids
        self.heads = heads
        self.cands = cands
        self.keys = keys
        self.seqs = seqs
        self.partials = partials
        self.max_len = max_len
        self._info: dict[str, tuple[bool, tuple[tuple[int, int], ...]]] = {}
        self._table: dict[int, list[int]] | None = None

    @property
    def vocabulary(self) -> KeysView[str]:
        """Every word of every term: a near miss must not be another term's own word."""
        return self.ids.keys()

    @classmethod
    def build(cls, termbase: Termbase, lang: str) -> NearMissIndex:
        ids: dict[str, int] = {}
        rows: list[tuple[str, tuple[str, ...], str, bool]] = []
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
                    for t in toks:
                        ids.setdefault(t, len(ids))
                    rows.append((concept.id, toks, surface, concept.domain == "people"))
        heads = set(_BUILTIN_HEADS.get(lang, set()))
        keys, seqs, partials = _hash_tables(
            [[ids[t] for t in toks] for _c, toks, _s, _n in rows],
            [
                [_slot_can_report(toks, p, name, heads, lang) for p in range(len(toks))]
                for _c, toks, _s, name in rows
            ],
        )
        max_len = max((len(r[1]) for r in rows), default=0)
        return cls(lang, ids, heads, PackedRows.pack(rows, _make_cand), keys, seqs, partials, max_len)

    # --- the compiled-index cache -----------------------------------------------------

    def state(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "ids": self.ids,
            "heads": frozenset(self.heads),
            "cands": self.cands.state(),
            "keys": self.keys.tobytes(),
            "seqs": self.seqs.tobytes(),
            "partials": frozenset(self.partials),
            "max_len": self.max_len,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> NearMissIndex:
        return cls(
            str(state["lang"]),
            state["ids"],
            set(state["heads"]),
            PackedRows.from_state(state["cands"], _make_cand),
            np.frombuffer(state["keys"], dtype=np.int64),
            np.frombuffer(state["seqs"], dtype=np.int32),
            state["partials"],
            int(state["max_len"]),
        )

    # --- finding ------------------------------------------------------------------------

    def _word_info(self, word: str) -> tuple[bool, tuple[tuple[int, int], ...]]:
        """Whether ``word`` may be the odd one out in slot 0, and its stems' (rank, token id)."""
        info = self._info.get(word)
        if info is None:
            if len(self._info) >= _STEM_CACHE_MAX:
                self._info.clear()
            st0 = stems(word)
            ids, heads = self.ids, self.heads
            odd = not any(o in ids for o in st0) or any(o in heads for o in st0)
            info = self._info[word] = (odd, tuple((r, ids[o]) for r, o in enumerate(st0) if o in ids))
        return info

    def _queries(self, words: list[str]) -> list[_Query]:
        """Every key lookup for the windows of one text (see the class docstring)."""
        tids = [self.ids.get(w) for w in words]
        heads, partials, max_len, info = self.heads, self.partials, self.max_len, self._word_info
        n = len(words)
        out: list[_Query] = []
        for i in range(n - 1):
            odd, stem_ids = info(words[i])
            if odd and tids[i + 1] is not None:  # slot 0 is the odd one out
                slot0 = len(stems(words[i]))
                h = SEED
                for length in range(2, min(max_len, n - i) + 1):
                    tid = tids[i + length - 1]
                    if tid is None:
                        break
                    h = ((h ^ (tid + 1)) * PRIME) & MASK
                    out.append((((h ^ SLOT) * PRIME) & MASK, i, length, 0, slot0))
                    if h not in partials:
                        break
            for rank, tid0 in stem_ids:
                h = ((SEED ^ (tid0 + 1)) * PRIME) & MASK
                k = 1
                while h in partials and i + k < n and k < max_len:
                    wid = tids[i + k]
                    if wid is None or (k >= 2 and words[i + k] in heads):  # word k may be the odd one
                        # the term goes on with the words after the odd one
                        out.append((((h ^ (SLOT + k)) * PRIME) & MASK, i, k + 1, k, rank))
                        h2 = h
                        for length in range(k + 2, min(max_len, n - i) + 1):
                            tid = tids[i + length - 1]
                            if tid is None:
                                break
                            h2 = ((h2 ^ (tid + 1)) * PRIME) & MASK
                            out.append((((h2 ^ (SLOT + k)) * PRIME) & MASK, i, length, k, rank))
                    if wid is None:
                        break
                    h = ((h ^ (wid + 1)) * PRIME) & MASK
                    k += 1
        return out

    def _lookup(self, queries: list[_Query]) -> list[tuple[int, list[int]]]:
        """(query number, candidate numbers) for the queries that hit."""
        table = self._table
        if table is None and len(self.keys) <= _DICT_KEYS_MAX:
            table = self._table = _as_dict(self.keys, self.seqs)
        if table is not None:
            return [(q, seqs) for q, query in enumerate(queries) if (seqs := table.get(query[0])) is not None]
        wanted = np.fromiter((q[0] for q in queries), dtype=np.int64, count=len(queries))
        lo = np.searchsorted(self.keys, wanted, "left")
        hi = np.searchsorted(self.keys, wanted, "right")
        return [(q, self.seqs[lo[q] : hi[q]].tolist()) for q in np.nonzero(hi > lo)[0].tolist()]

    def find(self, folded: Folded, matches: Iterable[TermMatch]) -> list[NearMiss]:
        toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded.key)]
        words = [t[0] for t in toks]
        queries = self._queries(words)
        if not queries:
            return []
        hits: dict[int, list[tuple[tuple[int, int], int]]] = {}
        for q, seqs in self._lookup(queries):
            _key, i, length, p, rank = queries[q]
            # the order the candidates were once read in: per stem, the longer terms first
            if p >= 2:
                group = (rank, 0)
            elif p == 1:
                group = (rank, 1 if length == 2 else 2)
            else:
                group = (rank, 0 if length == 2 else 1)
            hits.setdefault(i, []).extend((group, seq) for seq in seqs)
        if not hits:
            return []
        spans = [(m.start, m.end, m.tokens) for m in matches]
        found: dict[tuple[int, int], NearMiss] = {}
        for i, bucket in sorted(hits.items()):
            st0 = stems(words[i])
            seen: set[int] = set()
            for _group, seq in sorted(bucket):
                if seq in seen:
                    continue
                seen.add(seq)
                cand = self.cands[seq]
                miss = self._check(cand, words, i, st0)
                if miss is not None:
                    self._record(found, folded, toks, words, spans, i, st0, cand, miss)
        kept: list[NearMiss] = []
        for near in sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start))):
            if kept and near.start < kept[-1].end:
                continue  # leftmost-longest, as for exact matches
            kept.append(near)
        return kept

    def _record(
        self,
        found: dict[tuple[int, int], NearMiss],
        folded: Folded,
        toks: list[tuple[str, int, int]],
        words: list[str],
        spans: list[tuple[int, int, int]],
        i: int,
        st0: tuple[str, ...],
        cand: _Cand,
        miss: tuple[int, str],
    ) -> None:
        p, kind = miss
        a, b = toks[i][1], toks[i + len(cand.tokens) - 1][2]
        start, end = folded.span(a, b)
        if any(s < end and start < e and k >= len(cand.tokens) for s, e, k in spans):
            return
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
            return
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
