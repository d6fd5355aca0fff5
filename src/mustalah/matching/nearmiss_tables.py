"""The near-miss index's lookup tables, built vectorized from the terms' token ids.

Each multi-word term is stored once per token slot under the hash of its other tokens
(:mod:`mustalah.packed`: ``step`` then ``masked``), sorted for array search; ``partials``
are the hashes a walk through a text may pass (proper prefixes), so a walk stops as soon as
no term continues it.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Any, Union

from ..packed import MASK, PRIME, SEED, SLOT
from .nearmiss_words import _MIN_EDIT_LEN, _MIN_FRAME_TOKENS

if TYPE_CHECKING:
    import numpy as np

#: Keys (int64) and candidate numbers (int32): numpy arrays when built, ``array.array`` when
#: loaded from the cache (numpy, 70 ms to import, is loaded only for a table too large for a dict).
Keys = Union["np.ndarray[Any, np.dtype[np.int64]]", "array[int]"]
Seqs = Union["np.ndarray[Any, np.dtype[np.int32]]", "array[int]"]


def _hash_tables(
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


def _as_dict(keys: Keys, seqs: Seqs) -> dict[int, list[int]]:
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
