"""TERm, the term-weighted TER of the WMT21 terminology task, ported from the official script.

Port of ``TER_modified.py`` of github.com/mahfuzibnalam/terminology_evaluation (commit 040906f,
MIT licence), itself pyter by Hiroyuki Tanaka (© 2011) with term weights.  The port keeps every
behaviour that changes the number, quirks included (``--compat`` means the official figures):

* shifts: greedy, any hypothesis phrase equal to a reference phrase, each accepted shift costs 1,
  repeated while the edit distance drops; candidate ties go to the largest ``(delta, words)``
  tuple, as the official ``scores.sort()`` does;
* an edit touching a reference term token costs ``lc`` (2): substitution or deletion of reference
  token ``j-1`` when ``j-1`` is a term index, insertion when ``j`` is;
* the weights only apply to the edit distance *before* a shift (``mtd(iwords, term_ids)``); the
  shifted candidates and the final distance are computed without them, **through the same row
  cache**, so rows first computed with weights are reused without (and vice versa).  The cache is
  keyed by the hypothesis word prefix, exactly as pyter's trie.

Only the inner loop is written differently (a precomputed per-index weight list instead of
``str(j) in term_ids`` on every cell); the arithmetic is the same, so the values are identical.
"""

from __future__ import annotations

from collections.abc import Sequence

_Row = tuple[int, ...]


class _CachedEditDistance:
    """pyter's ``CachedEditDistance`` with term weights (``TER_modified.py``)."""

    def __init__(self, rwords: Sequence[str], lc: int) -> None:
        self.lc = lc
        self.rwds = list(rwords)
        self._cache: dict[str, list[object]] = {}
        self._weights: dict[frozenset[str], tuple[list[int], list[int]]] = {}

    def _costs(self, term_ids: frozenset[str]) -> tuple[list[int], list[int]]:
        """Per reference index j (0..len): the cost of touching j-1 and of inserting before j."""
        known = self._weights.get(term_ids)
        if known is None:
            n = len(self.rwds)
            at = [self.lc if str(j) in term_ids else 1 for j in range(n + 1)]
            prev = [1] + [at[j - 1] for j in range(1, n + 1)]
            known = (prev, at)
            self._weights[term_ids] = known
        return known

    def __call__(self, iwords: Sequence[str], term_ids: frozenset[str] = frozenset()) -> int:
        start, cached = self._find_cache(iwords)
        score, rows = self._edit_distance(iwords, start, cached, term_ids)
        self._add_cache(iwords, rows)
        return score

    def _edit_distance(
        self, iwords: Sequence[str], spos: int, cache: _Row | None, term_ids: frozenset[str]
    ) -> tuple[int, list[_Row]]:
        rw = self.rwds
        n = len(rw)
        prev_cost, at_cost = self._costs(term_ids)
        prev: Sequence[int] = tuple(range(n + 1)) if cache is None else cache
        rows: list[_Row] = []
        steps = list(zip(rw, prev_cost[1:], at_cost[1:], strict=True))
        for i in range(spos, len(iwords)):
            word = iwords[i]
            left = prev[0] + 1
            row = [left]
            diag = prev[0]
            for (ref_word, pc, ac), up in zip(steps, prev[1:]):  # noqa: B905 - same length
                # min(insertion, deletion, substitution), in that order, as the official code
                best = up + ac
                cand = left + pc
                if cand < best:
                    best = cand
                cand = diag if word == ref_word else diag + pc
                if cand < best:
                    best = cand
                row.append(best)
                left = best
                diag = up
            prev = tuple(row)
            rows.append(prev)
        if not rows:  # everything was cached (pyter returns the cached row's last cell)
            return prev[-1], rows
        return prev[-1], rows

    def _add_cache(self, iwords: Sequence[str], rows: list[_Row]) -> None:
        node = self._cache
        skip = len(iwords) - len(rows)
        for i in range(skip):
            node = node[iwords[i]][0]  # type: ignore[assignment]
        for word, row in zip(iwords[skip:], rows, strict=True):
            if word not in node:
                node[word] = [{}, None]
            value = node[word]
            if value[1] is None:
                value[1] = row
            node = value[0]  # type: ignore[assignment]

    def _find_cache(self, iwords: Sequence[str]) -> tuple[int, _Row | None]:
        node = self._cache
        start, row = 0, None
        for idx, word in enumerate(iwords):
            if word in node:
                start = idx + 1
                nxt, row = node[word]
                node = nxt  # type: ignore[assignment]
            else:
                break
        return start, row  # type: ignore[return-value]


def _findpairs(ws1: Sequence[str], ws2: Sequence[str]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    n1, n2 = len(ws1), len(ws2)
    for i1 in range(n1):
        w = ws1[i1]
        for i2 in range(n2):
            if i1 == i2 or w != ws2[i2]:
                continue
            length = 1
            j1, j2 = i1 + 1, i2 + 1
            while j1 < n1 and j2 < n2 and ws1[j1] == ws2[j2]:
                length += 1
                j1 += 1
                j2 += 1
            out.append((i1, i2, length))
    return out


def _shift(
    iwords: list[str], rwords: Sequence[str], mtd: _CachedEditDistance, term_ids: frozenset[str]
) -> tuple[int, list[str]]:
    pre_score = mtd(iwords, term_ids)
    scores: list[tuple[int, list[str]]] = []
    for isp, rsp, length in _findpairs(iwords, rwords):
        shifted = iwords[:isp] + iwords[isp + length :]
        shifted[rsp:rsp] = iwords[isp : isp + length]
        scores.append((pre_score - mtd(shifted), shifted))
    if not scores:
        return 0, iwords
    scores.sort()
    return scores[-1]


def term_ter(hyp: Sequence[str], ref: Sequence[str], lc: int = 2, term_ids: Sequence[str] = ()) -> float:
    """TERm of one segment (``TER_modified.ter``): (shifts + weighted edits) / reference length.

    ``term_ids`` are reference token indexes as strings, as the official script passes them.
    An empty reference (the official script divides by zero) gives 0.0 for an empty hypothesis,
    else 1.0.
    """
    iwords, rwords = list(hyp), list(ref)
    if not rwords:
        return 0.0 if not iwords else 1.0
    ids = frozenset(term_ids)
    mtd = _CachedEditDistance(rwords, lc)
    err = 0
    while True:
        delta, new = _shift(iwords, rwords, mtd, ids)
        if delta <= 0:
            break
        err += 1
        iwords = new
    return (err + mtd(iwords)) / len(rwords)
