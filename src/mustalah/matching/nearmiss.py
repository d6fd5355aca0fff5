"""Near misses: what exact matching cannot see (../shared/research/arabic.md §2.4).

* ``frame``: a known multi-word name with its head replaced by another entity head —
  ``للجنة الأمم المتحدة لمكافحة الإرهاب`` has the frame of the Centre and the Office
  with the head "Committee": no such body exists.
* ``edit``: one token of a multi-word term one edit (Damerau/OSA) away from the term's
  word, all other tokens exact — ``التطرف العنفي`` for ``التطرف العنيف``.

Candidates come from lookups of a hash of each term's tokens with one slot left out
(:class:`NearMissIndex`), so the cost per text token is a few probes however many terms
share the other words.  Windows already covered by an
exact match at least as long are skipped, which keeps sibling names
(``مركز…``/``مكتب…``) from flagging each other.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, KeysView
from dataclasses import dataclass
from typing import Any

from ..packed import PackedRows
from ..termbase.model import Termbase
from ..text.arabic import PROCLITICS, attach_clitics
from ..text.normalize import Folded, fold_key
from ..text.typos import common_words, definite_words
from .nearmiss_tables import DICT_KEYS_MAX as DICT_KEYS_MAX
from .nearmiss_tables import (
    Info,
    Keys,
    Query,
    Seqs,
    as_dict,
    bitmap,
    from_bytes,
    hash_tables,
    slot_can_report,
    sorted_lookup,
    walk,
)
from .nearmiss_words import BUILTIN_HEADS as BUILTIN_HEADS
from .nearmiss_words import (
    DROP_DOMAINS,
    MIN_EDIT_LEN,
    MIN_FRAME_TOKENS,
    STEM_CACHE_MAX,
    TOKEN,
    Cover,
    covered,
    edit_keys,
    inflected,
    one_edit_from,
    stems,
)
from .nearmiss_words import within_one_edit as within_one_edit
from .types import NearMiss, TermMatch

#: Punctuation that ends a phrase: words on both sides of it make no name.
_PHRASE_BREAK = re.compile(r"[:،؛;!?؟]|\.\s")
#: ``TOKEN`` for ASCII text: the same matches (``\w`` is ``[A-Za-z0-9_]`` there), twice as fast.
_ASCII_TOKEN = re.compile(TOKEN.pattern, re.ASCII)


@dataclass(frozen=True, slots=True)
class _Cand:
    concept_id: str
    tokens: tuple[str, ...]
    expected: str
    #: a person's name: a truncated or re-spelled name is worth reporting even at its end
    name: bool = False
    #: a body's, a post's or a State's name (``DROP_DOMAINS``): its two-word Arabic form is read
    #: with a letter dropped inside its first word
    body: bool = False


def _make_cand(concept_id: str, tokens: tuple[str, ...], expected: str, name: bool, body: bool) -> _Cand:
    return _Cand(concept_id, tokens, expected, name, body)


class NearMissIndex:
    """Multi-word terms of one language, keyed by their token sequence with one slot left out.

    A near miss is a window of text equal to a term in every token but one.  For each
    term and each slot ``p`` the index holds a stable hash of the other tokens
    (:func:`packed.masked`); a text window is looked up the same way, so the candidates
    that come back differ from the window in exactly that slot — however many terms
    share the other words (a 100k-term termbase has thousands of ``United Nations …``).
    Walks through the text stop as soon as no term continues the words read so far
    (``partials``), and the mismatching word must be an entity head or a word outside the
    termbase's vocabulary one edit from one of its words (what :meth:`_check`
    would demand anyway: :meth:`_word_info`), so a text token costs a dictionary probe and
    a text with no such word none more; the key lookups of a whole text run as one search.
    """

    def __init__(
        self,
        lang: str,
        ids: dict[str, int],
        heads: set[str],
        cands: PackedRows[_Cand],
        keys: Keys,
        seqs: Seqs,
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
        self._info: dict[str, Info] = {}
        self._bitmap: bytes | None = None
        self._edit_keys: dict[str, tuple[str, ...]] | None = None
        self._table: dict[int, list[int]] | None = None

    @property
    def vocabulary(self) -> KeysView[str]:
        """Every word of every term: a near miss must not be another term's own word."""
        return self.ids.keys()

    @classmethod
    def build(cls, termbase: Termbase, lang: str) -> NearMissIndex:
        ids: dict[str, int] = {}
        rows: list[tuple[str, tuple[str, ...], str, bool, bool]] = []
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
                    for t in toks:
                        ids.setdefault(t, len(ids))
                    people, body = concept.domain == "people", concept.domain in DROP_DOMAINS
                    rows.append((concept.id, toks, surface, people, body))
        heads = set(BUILTIN_HEADS.get(lang, set()))
        keys, seqs, partials = hash_tables(
            [[ids[t] for t in toks] for _c, toks, _s, _n, _b in rows],
            [
                [slot_can_report(toks, p, name, heads, lang, body) for p in range(len(toks))]
                for _c, toks, _s, name, body in rows
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
        keys, seqs = from_bytes(state["keys"], state["seqs"])
        return cls(
            str(state["lang"]),
            state["ids"],
            set(state["heads"]),
            PackedRows.from_state(state["cands"], _make_cand),
            keys,
            seqs,
            state["partials"],
            int(state["max_len"]),
        )

    # --- finding ------------------------------------------------------------------------

    def _word_info(self, word: str) -> Info:
        """What the walks need to know of a text word (:data:`.nearmiss_tables.Info`), once per word.

        A near miss is a window equal to a term but in one word, and :meth:`_check` accepts that
        odd word only as an entity head (a frame) or as a word outside the vocabulary one edit
        from the term's (an edit).  Words that can be neither — most words of most texts — never
        start or end a query, so a text without one costs a dictionary probe per word.
        """
        info = self._info.get(word)
        if info is None:
            if len(self._info) >= STEM_CACHE_MAX:
                self._info.clear()
            keys = self._edit_keys
            if keys is None:
                keys = self._edit_keys = edit_keys(self.ids)
            st0 = stems(word)
            ids, heads = self.ids, self.heads
            in_vocabulary = any(o in ids for o in st0)
            # slot 0 (stems compared): an Arabic head (frame) or a word one edit from a term word
            first = (self.lang == "ar" and any(o in heads for o in st0)) or (
                not in_vocabulary and any(one_edit_from(o, keys) for o in st0)
            )
            # a later slot (the word itself compared): an English head, or one edit from a term word
            later = (self.lang == "en" and word in heads) or (word not in ids and one_edit_from(word, keys))
            stem_ids = tuple((r, ids[o]) for r, o in enumerate(st0) if o in ids)
            info = self._info[word] = (ids.get(word), first, later, stem_ids, len(st0))
        return info

    def _queries(self, infos: list[Info], cover: Callable[[int], int]) -> list[Query]:
        """Every key lookup for the windows of one text whose odd word could pass :meth:`_check`
        (:func:`.nearmiss_tables.walk`)."""
        return walk(infos, self.partials, self.max_len, cover)

    def _lookup(self, queries: list[Query]) -> list[tuple[int, list[int]]]:
        """(query number, candidate numbers) for the queries that hit."""
        table = self._table
        if table is None and len(self.keys) <= DICT_KEYS_MAX:
            table = self._table = as_dict(self.keys, self.seqs)
        if table is not None:
            return [(q, got) for q, query in enumerate(queries) if (got := table.get(query[0])) is not None]
        if self._bitmap is None:  # a table too large for a dict
            self._bitmap = bitmap(self.keys)
        return sorted_lookup(queries, self.keys, self.seqs, self._bitmap)

    def find(self, folded: Folded, matches: Iterable[TermMatch]) -> list[NearMiss]:
        key = folded.key
        token = _ASCII_TOKEN if key.isascii() else TOKEN  # the same tokens, found faster
        found_words = list(token.finditer(key))
        words = [m[0] for m in found_words]
        get, info = self._info.get, self._word_info
        infos = [get(w) or info(w) for w in words]
        if not any(x[1] or x[2] for x in infos):
            return []  # no word of this text can be the odd one out
        spans = [(m.start, m.end, m.tokens) for m in matches]
        queries = self._queries(infos, Cover(folded, found_words, spans))
        if not queries:
            return []
        hits: dict[int, list[tuple[tuple[int, int], int]]] = {}
        for q, seqs in self._lookup(queries):
            _key, i, length, p, rank = queries[q]
            # the scan oracle's order (tests/matching/test_nearmiss_index.py), which decides
            # which candidate names a window first and so the order of NearMiss.concepts
            if p >= 2:
                group = (rank, 0)
            elif p == 1:
                group = (rank, 1 if length == 2 else 2)
            else:
                group = (rank, 0 if length == 2 else 1)
            hits.setdefault(i, []).extend((group, seq) for seq in seqs)
        if not hits:
            return []
        toks = [(m[0], m.start(), m.end()) for m in found_words]
        found: dict[tuple[int, int], NearMiss] = {}
        hidden_at: dict[tuple[int, int], bool] = {}  # (start, length) → an exact match covers it
        n = len(words)
        for i, bucket in sorted(hits.items()):
            st0 = stems(words[i])
            seen: set[int] = set()
            for _group, seq in sorted(bucket):
                if seq in seen:
                    continue
                seen.add(seq)
                cand = self.cands[seq]
                length = len(cand.tokens)
                if i + length > n:
                    continue  # (a hash collision: :meth:`_check` would say no)
                # mostly a name of the text hitting itself through its head: a window that an
                # exact match at least as long overlaps is never reported (:meth:`_record`)
                hidden = hidden_at.get((i, length))
                if hidden is None:
                    hidden = hidden_at[(i, length)] = covered(folded, toks, spans, i, length)
                if hidden:
                    continue
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
        if _PHRASE_BREAK.search(folded.key, toks[i][2], toks[i + len(cand.tokens) - 1][1]):
            return  # a colon or a comma between the words (الرئيسية: الجمعية العامة): two phrases, no name
        start, end = folded.span(a, b)
        if any(s < end and start < e and k >= len(cand.tokens) for s, e, k in spans):
            return  # (find() leaves these out before checking; the scan oracle relies on it here)
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
                if letter_dropped_inside(st, cand.tokens[0]):
                    # بالجعية, والأين; للجعية is ل + الجعية with the article's alef gone
                    if found_tok.endswith(st):
                        clitics = found_tok[: len(found_tok) - len(st)]
                    elif found_tok.endswith("ل" + st[2:]):
                        clitics = found_tok[: len(found_tok) - len(st) + 1]
                    if clitics:
                        expected = attach_clitics(clitics, cand.expected)  # للجمعية العامة
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
        frame_head = len(toks) >= MIN_FRAME_TOKENS and mismatch == head_pos and expected in self.heads
        if frame_head and any(o in self.heads and o != expected for o in options):
            return mismatch, "frame"
        if any(o in self.vocabulary for o in options):
            return None
        if (
            mismatch == 0
            and len(toks) == 2
            and not cand.name
            and not (
                self.lang == "ar" and cand.body and any(letter_dropped_inside(o, expected) for o in options)
            )
        ):
            # a two-word phrase with another first word is usually another phrase
            # (وزارة الخارجية is not a misspelt وزيرة الخارجية): not evidence enough, unless
            # the word is the name's own with a letter dropped inside it and UN Arabic does
            # not write it (الجعية العامة, المم المتحدة, الأين العام)
            return None
        if self.lang == "ar" and mismatch > 0 and proclitic_on(found, expected):
            return None  # المجلس وحقوق الإنسان: a conjunction or preposition starts another phrase
        if len(expected) >= MIN_EDIT_LEN and any(
            len(o) >= MIN_EDIT_LEN
            and within_one_edit(o, expected)
            and (cand.name or not inflected(o, expected))
            for o in options
        ):
            return mismatch, "edit"
        return None


@functools.lru_cache(maxsize=1)
def _written_folded() -> frozenset[str]:
    """The words UN Arabic writes often, and those with the article it writes twice (folded)."""
    return frozenset(fold_key(w) for w in (*common_words(), *definite_words()))


def letter_dropped_inside(found: str, expected: str) -> bool:
    """``found`` (folded) is ``expected`` with one letter dropped, neither its first nor its last
    (a dropped last letter is often another form: الأمينة → الأمين), keeps the article (a verb
    or an indefinite noun one letter short of a name's word is another word: تجمد, "freezes",
    beside تجميد), and is no word UN Arabic writes often (``data/common-words.txt``: المقر,
    "headquarters", is no slip of المقرر) nor a word with the article it writes twice
    (``data/definite-words.txt``: المحدثة, "updated", beside المتحدثة)."""
    if len(found) != len(expected) - 1 or len(found) < MIN_EDIT_LEN or not found.startswith("ال"):
        return False
    return (
        any(expected[:i] + expected[i + 1 :] == found for i in range(1, len(expected) - 1))
        and found not in _written_folded()
    )


def proclitic_on(found: str, expected: str) -> bool:
    """``found`` is the name word ``expected`` with a one-letter proclitic (و ف ب ل ك), or ل on its
    article (للأمن, للرئيس), or with another proclitic in place of its own (القانون الدولي وحقوق
    الإنسان, "law and human rights", for لحقوق): no misspelling of the name but a new phrase
    after it, which the name's next word cannot be."""
    if found[1:] == expected and found[:1] in PROCLITICS:
        return True
    if found[1:] == expected[1:] and found[:1] in PROCLITICS and expected[:1] in PROCLITICS:
        return True
    return expected.startswith("ال") and found == "لل" + expected[2:]
