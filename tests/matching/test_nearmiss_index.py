"""The hashed near-miss index finds exactly what a plain scan of every candidate finds.

The oracle is the first implementation (token-pair lists read candidate by candidate,
in build order), kept here verbatim apart from sharing ``_check`` and ``_record`` (what a candidate is
and how a found one is written down; the oracle is about which candidates are read): same near misses,
same order, same first candidate per window — on the shipped termbase over every
shipped text, and on synthetic termbases where thousands of names share their words.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

import pytest

from mustalah.matching import TermIndex, nearmiss
from mustalah.matching.nearmiss import BUILTIN_HEADS, TOKEN, NearMissIndex, _Cand, stems
from mustalah.matching.nearmiss_words import DROP_DOMAINS
from mustalah.matching.types import NearMiss, TermMatch
from mustalah.termbase.loader import load_termbase
from mustalah.termbase.model import Concept, Term, Termbase
from mustalah.text.normalize import Folded, fold, fold_key

ROOT = Path(__file__).resolve().parents[2]


class ScanOracle:
    """The first implementation: token-pair lists scanned candidate by candidate."""

    def __init__(self, termbase: Termbase, lang: str) -> None:
        self.lang = lang
        self.pair01: dict[tuple[str, str], list[_Cand]] = {}
        self.pair12: dict[tuple[str, str], list[_Cand]] = {}
        self.pair02: dict[tuple[str, str], list[_Cand]] = {}
        self.single0: dict[str, list[_Cand]] = {}
        self.single1: dict[str, list[_Cand]] = {}
        self.heads: set[str] = set(BUILTIN_HEADS.get(lang, set()))
        #: Every word of every term: a near miss must not be another term's own word.
        self.vocabulary: set[str] = set()
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for concept in termbase:
            for term in concept.terms_in(lang):
                if term.is_acronym:
                    continue
                for surface in (term.text, *term.forms):
                    toks = tuple(TOKEN.findall(fold_key(surface)))
                    if len(toks) < 2 or (concept.id, toks) in seen:
                        continue
                    seen.add((concept.id, toks))
                    self.vocabulary.update(toks)
                    body = concept.domain in DROP_DOMAINS  # a letter dropped inside a body's first word
                    cand = _Cand(concept.id, toks, surface, concept.domain == "people", body)
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
        toks = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(key)]
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
                miss = NearMissIndex._check(self, cand, words, i, st0)  # type: ignore[arg-type]
                if miss is None:
                    continue
                NearMissIndex._record(self, found, folded, toks, words, spans, i, st0, cand, miss)  # type: ignore[arg-type]
        kept: list[NearMiss] = []
        for near in sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start))):
            if kept and near.start < kept[-1].end:
                continue  # leftmost-longest, as for exact matches
            kept.append(near)
        return kept


def _texts() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "corpora").rglob("*")):
        if not path.is_file() or path.suffix in (".md", ".yaml"):
            continue
        out.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


def _compare(termbase: Termbase, texts: Iterable[str], lang: str) -> int:
    index = TermIndex.build(termbase)
    hashed = index.near_index(lang)
    assert hashed is not None
    oracle = ScanOracle(termbase, lang)
    found = 0
    for text in texts:
        folded = fold(text)
        matches = index.match(text, lang, folded)
        expected = oracle.find(folded, matches)
        assert hashed.find(folded, matches) == expected, text
        found += len(expected)
    return found


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_shipped_termbase_over_every_shipped_text(lang: str) -> None:
    texts = [t for t in _texts() if (lang == "ar") == any("\u0600" <= c <= "\u06ff" for c in t)]
    assert len(texts) > 50
    if lang == "en":  # the English corpora are clean: add a frame and one-edit variants
        texts += [
            "The United Nations Counter-Terrorism Committee met the United Nations Office of "
            "Counter-Terorism.",
            "the Counter-Terrorism Committee Executive Directrate and the Inter-American Committee "
            "against Terorism",
        ]
    assert _compare(load_termbase(None), texts, lang) >= 3, "known near misses"


_EN_WORDS = [
    "united",
    "nations",
    "office",
    "committee",
    "centre",
    "group",
    "council",
    "fund",
    "regional",
    "expert",
    "panel",
    "for",
    "of",
    "on",
    "the",
    "and",
    "counter",
    "terrorism",
    "drugs",
    "crime",
    "ocean",
    "affairs",
    "sea",
    "law",
    "data",
    "protection",
    "asia",
    "central",
]
_AR_WORDS = [
    "مكتب",
    "لجنة",
    "مركز",
    "فريق",
    "مجلس",
    "الأمم",
    "المتحدة",
    "لمكافحة",
    "الإرهاب",
    "المعني",
    "بحماية",
    "البيانات",
    "لآسيا",
    "الوسطى",
    "الخبراء",
    "المستقل",
    "بشؤون",
    "المحيطات",
    "وقانون",
    "البحار",
    "الإقليمي",
    "صندوق",
]


def _synthetic(seed: int, lang: str, size: int) -> tuple[Termbase, list[str]]:
    """Names built from a small vocabulary (so most share their words), and texts with
    each name exact, with one word misspelt, replaced by a stranger or by another head."""
    rng = random.Random(seed)
    words = _EN_WORDS if lang == "en" else _AR_WORDS
    heads = sorted(BUILTIN_HEADS[lang])
    concepts: list[Concept] = []
    names: list[str] = []
    for k in range(size):
        name = " ".join(rng.choice(words) for _ in range(rng.randint(2, 9)))
        names.append(name)
        domain = rng.choice(["entities", "concepts", "people"])
        concepts.append(Concept(f"C{k}", domain, (Term(name, lang),)))
    texts: list[str] = []
    for name in rng.sample(names, min(len(names), 300)):
        toks = name.split()
        p = rng.randrange(len(toks))
        edit = list(toks)
        w = edit[p]
        edit[p] = w[: len(w) // 2] + w[len(w) // 2 + 1 :] if len(w) > 4 else w + w[-1]
        swap = list(toks)
        swap[p] = rng.choice(heads) if rng.random() < 0.5 else "zzyzx"
        prefix = "وال" if lang == "ar" and rng.random() < 0.3 else ""
        for variant in (toks, edit, swap):
            texts.append(f"{rng.choice(words)} {prefix}{' '.join(variant)} {rng.choice(words)} said today.")
    return Termbase(tuple(concepts)), texts


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("lookup", ["dict", "sorted-array"])
def test_synthetic_termbases_with_shared_words(
    lang: str, seed: int, lookup: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if lookup == "sorted-array":  # what a termbase with millions of keys uses
        monkeypatch.setattr(nearmiss, "DICT_KEYS_MAX", 0)
    termbase, texts = _synthetic(seed, lang, 2000)
    assert _compare(termbase, texts, lang) > 50


def test_index_state_round_trips() -> None:
    termbase, texts = _synthetic(7, "en", 500)
    index = NearMissIndex.build(termbase, "en")
    again = NearMissIndex.from_state(index.state())
    full = TermIndex.build(termbase)
    for text in texts[:200]:
        folded = fold(text)
        matches = full.match(text, "en", folded)
        assert again.find(folded, matches) == index.find(folded, matches)


def test_the_vectorized_keys_are_the_packed_hash_of_the_other_tokens() -> None:
    """One definition of the hash (mustalah.packed): the numpy build and the text walk agree."""
    import numpy as np

    from mustalah.packed import SEED, masked, step

    termbase, _ = _synthetic(5, "en", 50)
    index = NearMissIndex.build(termbase, "en")
    checked = 0
    for seq in range(len(index.cands)):
        tokens = index.cands[seq].tokens
        for p in range(len(tokens)):
            if not nearmiss.slot_can_report(tokens, p, index.cands[seq].name, index.heads, "en"):
                continue
            h = SEED
            for k, token in enumerate(tokens):
                if k != p:
                    h = step(h, index.ids[token])
            lo, hi = (
                np.searchsorted(index.keys, [masked(h, p)], "left")[0],
                np.searchsorted(index.keys, [masked(h, p)], "right")[0],
            )
            assert seq in index.seqs[lo:hi].tolist()
            checked += 1
    assert checked > 100
