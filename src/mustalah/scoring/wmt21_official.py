"""The WMT21 terminology task's window overlap (w = 2, 3) and 1 − TERm, as the official script computes them.

``evaluate_term_wmt.py`` of github.com/mahfuzibnalam/terminology_evaluation (commit 040906f, MIT),
run the way its published surface-only figures were produced (../shared/research/mt-eval.md §2.4: an identity
"lemmatiser", so ``tgt_lemma`` terms are searched on the surface text too).  On the shared en–fr
sample this gives window overlap **0.29439867** (w=2) and **0.28798232** (w=3), the figures the
official script prints.  Quirks kept, because ``--compat`` means the official numbers:

* only the reference *surface* of a term is searched (not the ``tgt`` alternatives), as an
  unescaped regular expression between spaces, case-sensitively;
* a term's reference span is found with ``list.index`` of its first and last word in the whole
  reference (first occurrence), and recorded as ``range(start, end - 1)`` plus ``end``: a 2-word
  term is its last word only, a 3-word term misses its middle word;
* context words skip tokens that are substrings of ASCII ``string.punctuation``;
* ``tgt_original`` terms and ``tgt_lemma`` terms are two passes whose matches are pooled;
* window overlap divides by the number of reference segments (also those without terms);
* 1 − TERm is one minus the mean segment TERm (a macro average, uncapped); a segment with
  ``tgt_lemma`` terms averages a TERm weighted by the original terms and one weighted by the
  lemma terms; a hypothesis id not in the reference is scored with plain weights against the
  reference line at the same position.

Hypotheses are joined to the reference by ``<seg id>``; a duplicated id keeps the last one.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .term_ter import term_ter
from .wmt21 import SgmSegment, iter_segments, read_segments

WINDOWS = (2, 3)
LC = 2  # the official term edit cost


@dataclass(frozen=True, slots=True)
class _Ref:
    reference: str  # " " + tokens + " "
    terms: tuple[tuple[str, tuple[int, ...]], ...]  # tgt_original: (surface, token indexes)
    terms_l: tuple[tuple[str, tuple[int, ...]], ...]  # tgt_lemma (identity lemmas)


def _padded(text: str) -> str:
    return " " + " ".join(text.split()) + " "


def _span(tokens: Sequence[str], words: Sequence[str]) -> tuple[int, ...]:
    start = tokens.index(words[0])
    end = tokens.index(words[-1])
    return (*range(start, end - 1), end)


def _read_refs(source: str | Path, reference: str | Path) -> tuple[dict[str, _Ref], list[str]]:
    src = read_segments(source)
    ref = read_segments(reference)
    if len(src) != len(ref):
        raise InputError(
            f"{len(ref)} segments, but the source {source} has {len(src)}",
            file=str(reference),
            hint="source and reference SGML files must be line-aligned",
        )
    refs: dict[str, _Ref] = {}
    lines: list[str] = []
    for s_seg, r_seg in zip(src, ref, strict=True):
        tokens = r_seg.text.split()
        terms: list[tuple[str, tuple[int, ...]]] = []
        terms_l: list[tuple[str, tuple[int, ...]]] = []
        for k, ann in enumerate(r_seg.terms):
            words = ann.surface.split()
            if not words or k >= len(s_seg.terms):
                continue  # the official reader would crash here
            try:
                ids = _span(tokens, words)
            except ValueError:
                continue
            if "tgt_original" in ann.type:
                terms.append((ann.surface, ids))
            if "tgt_lemma" in ann.type:
                terms_l.append((" " + " ".join(words) + " ", ids))
        reference_text = _padded(r_seg.text)
        refs[s_seg.id] = _Ref(reference_text, tuple(terms), tuple(terms_l))
        lines.append(reference_text)
    return refs, lines


def _context(tokens: Sequence[str], span: Sequence[int], window: int) -> list[str]:
    left: list[str] = []
    for win in range(min(span) - 1, -1, -1):
        if tokens[win] not in string.punctuation:
            left.append(tokens[win])
            if len(left) == window:
                break
    right: list[str] = []
    for win in range(max(span) + 1, len(tokens)):
        if tokens[win] not in string.punctuation:
            right.append(tokens[win])
            if len(right) == window:
                break
    return left + right


def _pass(
    hyp: str, reference: str, terms: Sequence[tuple[str, tuple[int, ...]]], window: int
) -> tuple[float, int]:
    hyp_tokens = hyp.strip().split()
    ref_tokens = reference.strip().split()
    desireds: dict[str, list[tuple[int, ...]]] = {}
    for text, ids in terms:
        desireds.setdefault(" " + text.strip() + " ", []).append(ids)
    accuracy, matched = 0.0, 0
    for desired, spans in desireds.items():
        try:
            starts = [m.start() for m in re.finditer(f"(?={desired})", hyp)]
        except re.error:
            starts = []
        accs: dict[str, float] = {}
        for j, span in enumerate(spans):
            ref_words = _context(ref_tokens, span, window)
            for k, ft in enumerate(starts):
                first = hyp.count(" ", 0, ft)
                hyp_words = _context(hyp_tokens, range(first, first + len(desired.strip().split())), window)
                cnt = 0
                for word in ref_words:
                    if word in hyp_words:
                        cnt += 1
                        hyp_words.remove(word)
                accs[f"{j}-{k}"] = cnt / len(ref_words) if ref_words else 0
        mapped_ref: list[str] = []
        mapped_hyp: list[str] = []
        for key, value in sorted(accs.items(), key=lambda item: item[1], reverse=True):
            r, h = key.split("-")
            if r not in mapped_ref and h not in mapped_hyp:
                mapped_ref.append(r)
                mapped_hyp.append(h)
                matched += 1
                accuracy += value
    return accuracy, matched


def window_overlap_segment(hyp: str, ref: _Ref, window: int) -> float:
    """``compare_exact_window_overlap``: the mean overlap of the matched term occurrences."""
    if not hyp.strip().split():
        return 0.0
    acc, matched = _pass(hyp, ref.reference, ref.terms, window)
    if ref.terms_l:
        acc_l, matched_l = _pass(hyp, ref.reference, ref.terms_l, window)
        acc, matched = acc + acc_l, matched + matched_l
    return acc / matched if matched > 0 else 0.0


def term_ter_segment(hyp: str, ref: _Ref) -> float:
    """``compare_TER_w``: TERm weighted by the original terms, averaged with the lemma pass."""
    ids = [str(i) for _, span in ref.terms for i in span]
    value = term_ter(hyp.split(), ref.reference.split(), LC, ids)
    if ref.terms_l:
        ids_l = [str(i) for _, span in ref.terms_l for i in span]
        value = (value + term_ter(hyp.split(), ref.reference.split(), LC, ids_l)) / 2.0
    return value


@dataclass(frozen=True, slots=True)
class OfficialStats:
    """Per hypothesis segment (file order): the values the official corpus figures average."""

    window: dict[int, list[float]]  # w -> per-segment window overlap (0 for ids not in the reference)
    window_denominator: int  # number of reference segments (distinct ids)
    term_ter: list[float] | None  # per-segment TERm (None when not computed)

    def window_overlap(self, w: int) -> float:
        return sum(self.window[w]) / self.window_denominator if self.window_denominator else 0.0

    @property
    def one_minus_term(self) -> float | None:
        if self.term_ter is None:
            return None
        return 1.0 - sum(self.term_ter) / len(self.term_ter) if self.term_ter else None


def official_stats(
    source: str | Path, reference: str | Path, hypothesis: str | Path, with_term: bool = True
) -> OfficialStats:
    """Window overlap (w = 2, 3) and, if ``with_term``, TERm per segment of one hypothesis file."""
    refs, lines = _read_refs(source, reference)
    hyps: list[SgmSegment] = list(iter_segments(hypothesis))
    window: dict[int, list[float]] = {w: [] for w in WINDOWS}
    ters: list[float] | None = [] if with_term else None
    for i, seg in enumerate(hyps):
        hyp = _padded(seg.text.strip())
        ref = refs.get(seg.id)
        for w in WINDOWS:
            window[w].append(window_overlap_segment(hyp, ref, w) if ref is not None else 0.0)
        if ters is not None:
            if ref is not None:
                ters.append(term_ter_segment(hyp, ref))
            else:
                other = lines[i].split() if i < len(lines) else []
                ters.append(term_ter(hyp.split(), other, LC))
    return OfficialStats(window, len(refs), ters)
