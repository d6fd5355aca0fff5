"""The near-miss index's lookup tables, built vectorized from the terms' token ids.

Each multi-word term is stored once per token slot under the hash of its other tokens
(:mod:`mustalah.packed`: ``step`` then ``masked``), sorted for array search; ``partials``
are the hashes a walk through a text may pass (proper prefixes), so a walk stops as soon as
no term continues it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Union

from ..packed import MASK, PRIME, SEED, SLOT
from .nearmiss_words import MIN_EDIT_LEN, MIN_FRAME_TOKENS

if TYPE_CHECKING:
    import numpy as np

#: Keys (int64) and candidate numbers (int32): numpy arrays when built, ``array.array`` when
#: loaded from the cache (numpy, 70 ms to import, is loaded only for a table too large for a dict).
Keys = Union["np.ndarray[Any, np.dtype[np.int64]]", "array[int]"]
Seqs = Union["np.ndarray[Any, np.dtype[np.int32]]", "array[int]"]


def hash_tables(
    token_ids: list[list[int]],
    useful: list[list[bool]],
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int32]], set[int]]:
    """Sorted masked keys with their candidate numbers, and the hashes a walk may pass.

    Vectorized per term length: the hash of :mod:`packed` in wrapping uint64 arithmetic,
    which equals the Python definition (the mask keeps the low 63 bits of the product).
    ``useful[seq][p]`` False leaves out a slot :meth:`NearMissIndex._check` always rejects.
    """
    import numpy as np

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


def slot_can_report(
    tokens: tuple[str, ...], p: int, name: bool, heads: set[str], lang: str, body: bool = False
) -> bool:
    """Whether an odd word in slot ``p`` can ever pass :meth:`NearMissIndex._check`.

    A frame needs a head slot of a long name; otherwise only a one-edit variant of a word
    of at least ``MIN_EDIT_LEN`` letters counts, and the first of two words (unless a person's
    name) only of a body's, a post's or a State's Arabic name, with more letters (a letter dropped
    inside).  Slots that can never report are not indexed at all.
    """
    head_pos = 0 if lang == "ar" else len(tokens) - 1
    if len(tokens) >= MIN_FRAME_TOKENS and p == head_pos and tokens[p] in heads:
        return True
    if p == 0 and len(tokens) == 2 and not name:
        # only a body's, a post's or a State's Arabic name, a letter dropped inside its first word
        # (``الجعية العامة``): nearmiss._check
        return lang == "ar" and body and len(tokens[0]) > MIN_EDIT_LEN
    return len(tokens[p]) >= MIN_EDIT_LEN


#: Up to this many keys the lookups go through a dict built on first use; beyond it, one
#: sorted-array search per text (building a dict of millions of keys costs more than it saves).
DICT_KEYS_MAX = 300_000


def as_dict(keys: Keys, seqs: Seqs) -> dict[int, list[int]]:
    table: dict[int, list[int]] = {}
    for key, seq in zip(keys.tolist(), seqs.tolist(), strict=True):
        table.setdefault(key, []).append(seq)
    return table


def from_bytes(keys: bytes, seqs: bytes) -> tuple[array[int], array[int]]:
    """The cached tables as ``array.array`` (the same bytes numpy wrote: int64 and int32)."""
    k, q = array("q"), array("i")
    k.frombytes(keys)
    q.frombytes(seqs)
    return k, q


#: The key bits the lookup bitmap of a large table is indexed by (2 MB: about 7 % of the
#: queries of a million-key table pass it without a key).
_BITMAP_BITS = 24
_BITMAP_MASK = (1 << _BITMAP_BITS) - 1


def bitmap(keys: Keys) -> bytes:
    """A bit per value of a key's low ``_BITMAP_BITS`` bits, set when some key has it."""
    import numpy as np  # (only for a table too large for a dict)

    present = np.zeros(1 << _BITMAP_BITS, dtype=bool)
    present[np.frombuffer(keys, dtype=np.int64) & _BITMAP_MASK] = True
    return bytes(np.packbits(present, bitorder="little"))


def sorted_lookup(
    queries: list[tuple[int, int, int, int, int]], keys: Keys, seqs: Seqs, bits: bytes
) -> list[tuple[int, list[int]]]:
    """(query number, candidate numbers) for the queries whose key (``query[0]``) is in the
    sorted ``keys``: the bitmap rules most out (nearly every query of a text misses), the rest
    are binary searches."""
    out: list[tuple[int, list[int]]] = []
    for q, query in enumerate(queries):
        key = query[0]
        low = key & _BITMAP_MASK
        if not bits[low >> 3] >> (low & 7) & 1:
            continue
        lo = bisect_left(keys, key)
        if lo < len(keys) and keys[lo] == key:
            out.append((q, [int(n) for n in seqs[lo : bisect_right(keys, key, lo)]]))
    return out


#: A lookup to run: (masked key, window start, window length, mismatch position, stem rank).
Query = tuple[int, int, int, int, int]
#: A text word as the walks see it: its token id (None: not a term word), whether it may be the
#: odd one out in slot 0 (its stems compared) and in a later slot, its stems' (rank, token id)
#: in the vocabulary, and how many stems it has (slot-0 lookups rank after every stem).
Info = tuple[int | None, bool, bool, tuple[tuple[int, int], ...], int]


def walk(
    infos: list[Info], partials: set[int] | frozenset[int], max_len: int, cover: Callable[[int], int]
) -> list[Query]:
    """Every key lookup for the windows of one text (its words' :data:`Info`) whose odd word
    could pass :meth:`.NearMissIndex._check`.

    The walks are the index's (see :class:`.NearMissIndex`); a lookup is made only where the odd
    word is a head or one edit from a term word (:meth:`.NearMissIndex._word_info`).
    Leaving out the others changes nothing found: every candidate a left-out lookup would bring
    differs from its window in that odd word alone, which ``_check`` rejects.  So a walk starts
    only where it can reach such a word through term words.  Nor is a window looked up whose odd
    word is inside an exact match at least as long (``cover(j)``: the tokens of the longest exact
    match over word ``j``): ``NearMissIndex._record`` never reports it.
    """
    tids = [x[0] for x in infos]
    n = len(infos)
    out: list[Query] = []
    for i in [i for i in range(n - 1) if infos[i][1] and tids[i + 1] is not None]:
        shortest = cover(i)  # slot 0 is the odd one out
        stem_count = infos[i][4]  # slot-0 lookups rank after every stem
        h = SEED
        for length in range(2, min(max_len, n - i) + 1):
            tid = tids[i + length - 1]
            if tid is None:
                break
            h = ((h ^ (tid + 1)) * PRIME) & MASK
            if length > shortest:
                out.append((((h ^ SLOT) * PRIME) & MASK, i, length, 0, stem_count))
            if h not in partials:
                break
    # a walk from word i passes words i+1 … only while they are term words: it can reach a
    # later odd word j only from i ≥ the last non-term word before j, and within max_len
    starts: set[int] = set()
    last = -1
    before = -1  # the last word before j that is no term word
    for j in range(n):
        if infos[j][2] and j:
            starts.update(range(max(before, j - max_len + 1, 0), j))
            last = j
        if tids[j] is None:
            before = j
    for i in sorted(starts):
        for rank, tid0 in infos[i][3]:
            h = ((SEED ^ (tid0 + 1)) * PRIME) & MASK
            k = 1
            while h in partials and i + k <= last and k < max_len:
                wid = tids[i + k]
                if infos[i + k][2] and (wid is None or k >= 2):  # word k may be the odd one
                    shortest = cover(i + k)
                    if k + 1 > shortest:
                        out.append((((h ^ (SLOT + k)) * PRIME) & MASK, i, k + 1, k, rank))
                    # the term goes on with the words after the odd one
                    h2 = h
                    for length in range(k + 2, min(max_len, n - i) + 1):
                        tid = tids[i + length - 1]
                        if tid is None:
                            break
                        h2 = ((h2 ^ (tid + 1)) * PRIME) & MASK
                        if length > shortest:
                            out.append((((h2 ^ (SLOT + k)) * PRIME) & MASK, i, length, k, rank))
                if wid is None:
                    break
                h = ((h ^ (wid + 1)) * PRIME) & MASK
                k += 1
    return out
