"""The term index: build once from a termbase, then find located term matches in text.

How it works (../shared/research/arabic.md §2.2, adapted for speed):

1. Every surface of a term (canonical, listed forms, generated English variants) is
   folded into a key; an Arabic definite first token drops its article from the key.
   Each key goes once into an Aho–Corasick automaton per language, so the scan runs
   in C and its cost does not grow with the size of the termbase.
2. The text is folded once (:func:`mustalah.text.normalize.fold`) and scanned.  A hit
   must end at a word boundary; what precedes it inside the same word must be a
   proclitic prefix the term's first token may take (``ول`` + ``مكتب``; ``لل`` + ``مركز``
   for ``المركز``).  A construct head that took the article (``المكتب الأمم المتحدة…``)
   is kept as an error form.
3. Each hit is verified against the original characters: every difference a fold hid
   becomes an :class:`OrthoDiff`; exact-spelling terms and case-sensitive acronyms
   reject hits that needed a fold.
4. Leftmost-longest, non-overlapping selection: a name nested in a longer one is part
   of the longer match.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence

import ahocorasick

from ..termbase.model import Status, Term, Termbase, TermType
from ..text.normalize import Folded, classify_deleted, classify_difference, fold, fold_level0, strip_positions
from .entries import IndexEntry, affix_verdict, pronoun_reading, recency
from .forms import (
    MAX_PREFIX,
    arabic_first_token,
    key_of,
    latin_acronym_like,
    term_surfaces,
)
from .nearmiss import NearMissIndex
from .types import NearMiss, OrthoDiff, TermMatch

#: Languages with near-miss detection (name frames and one-edit variants).
NEAR_MISS_LANGS = ("ar", "en")
_STATUS_RANK = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.DEPRECATED: 2, Status.SUPERSEDED: 3}
_EXACT_REJECT = frozenset({"alef-hamza", "alef-maqsura", "taa-marbuta", "persian", "digits", "other"})
#: Domains whose multi-word Arabic names are construct phrases (``مكتب …``): the article
#: on the head is an error form worth reporting.  People and States are proper names.
_SPACED_HYPHEN = re.compile(r"\s*[-\u2010\u2011\u2013]\s*")
_CONSTRUCT_DOMAINS = frozenset({"entities", "concepts", "posts"})
#: After a State's acronym, a currency: "US$980", "US $980", "US dollars".
_CURRENCY_AFTER = re.compile(r" ?\$| dollars?\b")
#: عن (with a pronoun) after a qualifier made with ب (بالنيابة، بالإنابة): "on her behalf", no "acting"
_ON_BEHALF = re.compile(r"\s+عن(?:ا|نا|ه|ها|هما|هم|هن|ي|ك|كما|كم|كن)?(?![\u0621-\u064a])")
#: Domains of proper names (bodies, people, States).
_PROPER_DOMAINS = frozenset({"entities", "people", "member-states"})


def _arabic(ch: str) -> bool:
    """Whether ``ch`` is in the Arabic block (a key's letter, where digits typed against it begin
    a number)."""
    return "\u0600" <= ch <= "\u06ff"


class TermIndex:
    """Located, orthography- and clitic-aware term matching for one termbase."""

    def __init__(
        self,
        terms: Sequence[Term],
        entries: Sequence[IndexEntry],
        automata: dict[str, ahocorasick.Automaton],
        termbase_hash: str,
        groups: array[int],
        termbase: Termbase | None = None,
        near: dict[str, NearMissIndex] | None = None,
    ) -> None:
        #: the index's terms by number (``IndexEntry.term_no``)
        self.terms = terms
        #: every key's entries, grouped by key: ``entries[groups[k]:groups[k + 1]]``
        self.entries = entries
        #: one Aho–Corasick automaton per language, mapping a key to its group number ``k``
        self.automata = automata
        self.groups = groups
        self.termbase_hash = termbase_hash
        #: the termbase the near-miss tables are built from on first use (none: no new tables)
        self.termbase = termbase
        self._near: dict[str, NearMissIndex] = dict(near or {})
        #: (first, allow_error, key starts with ل, prefix) → :func:`_affix_verdict`
        self._affixes: dict[tuple[str, bool, bool, str], tuple[bool, str | None, int]] = {}

    # --- building -------------------------------------------------------------------

    @classmethod
    def build(cls, termbase: Termbase, languages: Iterable[str] | None = None) -> TermIndex:
        wanted = set(languages) if languages is not None else None
        terms: list[Term] = []
        entries: list[IndexEntry] = []
        keyed: dict[str, dict[str, list[int]]] = {}
        seen: set[tuple[str, str, int, str]] = set()

        def add(
            lang: str,
            term_no: int,
            concept_id: str,
            domain: str,
            surface: str,
            form: str,
            case_sensitive: bool | None = None,
        ) -> None:
            term = terms[term_no]
            if lang == "ar" and " " in surface:
                surface = _SPACED_HYPHEN.sub("-", surface)  # غينيا - بيساو: UN Arabic spaces its hyphens
            key = key_of(surface)
            expected = fold_level0(surface)
            if not key.strip() or len(key) != len(expected):
                return
            first = "none"
            allow_error = False
            if lang == "ar" and arabic_first_token(surface):
                # the article is a plain alef + lam: أل/آل (ألمانيا، آلية) are the word's own letters
                if expected.startswith("ال") and len(key) > 3:
                    key, expected = key[2:], expected[2:]
                    first = "definite-l" if key.startswith("ل") else "definite"
                    # noun + adjective (الاتحاد الأفريقي): the noun cannot lose the article the
                    # adjective keeps; اتحاد الأفريقي is an error form worth reporting
                    words = key.split(" ")
                    allow_error = first == "definite" and len(words) > 1 and words[1].startswith("ال")
                else:
                    first = "indefinite"
                    # a construct name's genitive is definite (مكتب الأمم المتحدة → *المكتب الأمم…);
                    # an indefinite noun + adjective given the article is a sentence, no name:
                    # كانت الأعمال إرهابية ("the acts were terrorist"); a two-word short form with
                    # the article on its head is as often a verb's subject and object (وتساعد
                    # المفوضية اللاجئين, "the Office helps refugees"); a full two-word name keeps
                    # its error form (التنظيم القاعدة)
                    words = key.split(" ")
                    free_phrase = len(words) == 2 and term.type is TermType.SHORT_FORM
                    allow_error = (
                        domain in _CONSTRUCT_DOMAINS
                        and not free_phrase
                        and any(w.startswith("ال") for w in words[1:])
                    )
            ident = (lang, key, term_no, first)
            if ident in seen:
                return
            seen.add(ident)
            entries.append(
                IndexEntry(
                    term_no,
                    concept_id,
                    key,
                    expected,
                    first,
                    allow_error,
                    case_sensitive=term.is_acronym if case_sensitive is None else case_sensitive,
                    exact=term.exact,
                    form=form,
                    tokens=key.count(" ") + 1,
                    status_rank=_STATUS_RANK[term.status],
                    strict_hyphen="-" in surface
                    and surface.isascii()
                    and not any(c.isupper() for c in surface),
                    proper_word=lang != "ar"
                    and " " not in surface
                    and surface[:1].isupper()
                    and domain in _PROPER_DOMAINS,
                )
            )
            keyed.setdefault(lang, {}).setdefault(key, []).append(len(entries) - 1)

        for concept in termbase:
            ar_texts = {t.text for t in concept.terms if t.lang == "ar"}
            for term in concept.terms:
                if (
                    wanted is not None
                    and term.lang not in wanted
                    and not (latin_acronym_like(term) and "ar" in wanted)
                ):
                    continue
                terms.append(term)
                no = len(terms) - 1
                for surface, form in term_surfaces(term, concept.domain):
                    if wanted is None or term.lang in wanted:
                        add(term.lang, no, concept.id, concept.domain, surface, form)
                # An English acronym inside Arabic text (UN Arabic keeps Latin acronyms and
                # acronym-like short names such as UN-Women).
                in_arabic = term.lang != "ar" and latin_acronym_like(term) and term.text not in ar_texts
                if in_arabic and (wanted is None or "ar" in wanted):
                    add("ar", no, concept.id, concept.domain, term.text, "acronym-in-arabic", True)

        # Entries are renumbered so that those of one key are contiguous: the automaton
        # stores a plain int per key, its group number g (entries groups[g]:groups[g+1]),
        # which pickles and loads far faster than a Python tuple per key.
        ordered: list[IndexEntry] = []
        groups = array("q")
        automata: dict[str, ahocorasick.Automaton] = {}
        for lang, keys in keyed.items():
            automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for key, ids in keys.items():
                automaton.add_word(key, len(groups))
                groups.append(len(ordered))
                ordered.extend(entries[i] for i in ids)
            automaton.make_automaton()
            automata[lang] = automaton
        groups.append(len(ordered))
        return cls(terms, ordered, automata, termbase.content_hash(), groups, termbase)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.automata)

    @property
    def size(self) -> int:
        return len(self.entries)

    # --- matching -------------------------------------------------------------------

    def match(self, text: str, lang: str, folded: Folded | None = None) -> tuple[TermMatch, ...]:
        """Leftmost-longest, non-overlapping term matches in ``text`` (language ``lang``)."""
        automaton = self.automata.get(lang)
        if automaton is None or not text:
            return ()
        if folded is None:
            folded = fold(text)
        key = folded.key
        n = len(key)
        # Candidates are ranked by position, length and error form before any is verified:
        # one nested inside an already chosen longer match is never verified at all.
        hits: list[tuple[tuple[int, int, int], int, IndexEntry, int, int, int, str | None]] = []
        entries = self.entries
        groups = self.groups
        affixes = self._affixes
        span = None if folded.identity else folded.span  # identity: key offsets are the text's
        for last, group in automaton.iter(key):
            e = last + 1
            # a word goes on after the key: no match — but digits typed against an Arabic word
            # (مجلس الأمن2610, a space lost) start a number, not a longer word
            if e < n and key[e].isalnum() and not (key[e].isdigit() and _arabic(key[e - 1])):
                continue
            # the entries of a group share their key: its start, prefix and span
            lo, hi = groups[group], groups[group + 1]
            entry = entries[lo]
            s = e - len(entry.key)
            ws = s
            # digits typed before an Arabic key are a number, no proclitic (tested only where a
            # word runs on into the key: most hits stop at the first test)
            while ws > 0 and key[ws - 1].isalnum() and not (key[ws - 1].isdigit() and _arabic(key[s])):
                ws -= 1
                if s - ws > MAX_PREFIX:
                    break
            prefix = key[ws:s]
            start, end = (ws, e) if span is None else span(ws, e)
            for entry_id in range(lo, hi):
                if entry_id != lo:
                    entry = entries[entry_id]
                first = entry.first
                if first == "none":  # most entries: no prefix, nothing to verdict
                    if prefix:
                        continue
                    error_form, body = None, ws
                else:
                    sig = (first, entry.allow_error, entry.key[0] == "ل", prefix)
                    verdict = affixes.get(sig)
                    if verdict is None:
                        verdict = affixes[sig] = affix_verdict(entry, prefix)
                    admitted, error_form, clitics = verdict
                    if not admitted:
                        continue
                    body = ws + clitics
                hits.append(
                    ((start, start - end, 1 if error_form else 0), len(hits), entry, ws, body, s, error_form)
                )
        if not hits:
            return ()
        hits.sort()  # by (rank, number): numbers are unique, so nothing after them is compared
        chosen: list[TermMatch] = []
        last_end = -1
        k = 0
        count = len(hits)
        while k < count:
            head = hits[k][0]
            j = k + 1
            while j < count and hits[j][0] == head:
                j += 1
            if head[0] >= last_end:
                # equal position, length and error form: fewer spelling differences, then the
                # better status, then (a form shared by several concepts, like an acronym two
                # bodies use) the concept named just before, then one named earlier, then the
                # first found
                best: TermMatch | None = None
                best_rank = (0, 0, 0)
                tie = j - k > 1
                for _rank, _no, entry, ws, body, s, error_form in hits[k:j]:
                    e = s + len(entry.key)
                    m = self._verify(folded, entry, ws, body, s, e, error_form, lang)
                    if m is None:
                        continue
                    rank = (
                        len(m.spelling_differences),
                        entry.status_rank,
                        recency(chosen, m.concept_id) if tie else 0,
                    )
                    if best is None or rank < best_rank:
                        best, best_rank = m, rank
                if best is not None:
                    chosen.append(best)
                    last_end = best.end
            k = j
        return tuple(chosen)

    def near_misses(
        self,
        text: str,
        lang: str,
        matches: tuple[TermMatch, ...] | None = None,
        folded: Folded | None = None,
    ) -> tuple[NearMiss, ...]:
        """Near misses of this termbase's names in ``text``: name frames with a wrong head and
        one-edit variants (the curated confusions join them in :func:`.confusions.near_misses`).

        ``matches`` are this text's exact matches (computed if not given): windows they
        already cover are not reported again.
        """
        near = self.near_index(lang)
        if near is None:
            return ()
        if folded is None:
            folded = fold(text)
        if matches is None:
            matches = self.match(text, lang, folded)
        return tuple(sorted(near.find(folded, matches), key=lambda m: (m.start, m.end)))

    def near_index(self, lang: str) -> NearMissIndex | None:
        """The near-miss index of ``lang``, built on first use (or loaded from the cache)."""
        near = self._near.get(lang)
        if near is None and self.termbase is not None:
            near = self._near[lang] = NearMissIndex.build(self.termbase, lang)
        return near

    def _verify(
        self,
        folded: Folded,
        entry: IndexEntry,
        ws: int,
        body: int,
        s: int,
        e: int,
        error: str | None,
        lang: str,
    ) -> TermMatch | None:
        text = folded.text
        start, end = folded.span(ws, e)
        body_start = folded.original(body) if body > ws else start
        diffs: list[OrthoDiff] = []
        expected = entry.expected
        o_s = folded.original(s) if s > ws else start
        if folded.index is None:
            # deletions only: the raw text less its deleted marks lines up with the key
            dels = folded.deleted_in(o_s, end)
            raw = text[o_s:end]
            if dels:
                raw = strip_positions(raw, tuple(d - o_s for d in dels))
            if raw != expected:
                for k, (ch, x) in enumerate(zip(raw, expected, strict=True)):
                    if ch != x:
                        o = folded.original(s + k)
                        diffs.append(OrthoDiff(classify_difference(ch, x), o, o + 1, ch, x))
            for d in dels:
                diffs.append(OrthoDiff(classify_deleted(text[d]), d, d + 1, text[d], ""))
        else:  # presentation forms expanded: go character by character
            for k in range(s, e):
                o = folded.original(k)
                ch = text[o]
                x = expected[k - s]
                if ch != x:
                    diffs.append(OrthoDiff(classify_difference(ch, x), o, o + 1, ch, x))
            for d in folded.deleted_in(o_s, end):
                diffs.append(OrthoDiff(classify_deleted(text[d]), d, d + 1, text[d], ""))
        if entry.case_sensitive and any(d.kind == "case" for d in diffs):
            return None
        if any(d.kind == "taa-marbuta" for d in diffs) and pronoun_reading(text, diffs, start, end, entry):
            return None  # مقررة (scheduled) is no misspelt مقرره (his decision): the pronoun is ه
        if entry.strict_hyphen and any(d.kind == "hyphen" for d in diffs):
            return None
        if entry.proper_word and text[o_s].islower():
            return None
        if entry.case_sensitive and _CURRENCY_AFTER.match(text, end):
            return None  # "US$980 million", "US dollars": a currency, not the State
        # "team under Secretary-General Saulo": a preposition, no Under-Secretary-General
        hyphen_as_space = lang != "ar" and text[o_s].islower() and any(d.kind == "hyphen" for d in diffs)
        if hyphen_as_space and self.terms[entry.term_no].text[:1].isupper():
            return None
        if entry.exact and any(d.kind in _EXACT_REJECT or d.kind == "case" for d in diffs):
            return None
        term = self.terms[entry.term_no]
        if lang == "ar" and term.text.startswith("بال") and _ON_BEHALF.match(text, end):
            return None  # ألقاها بالنيابة عنها: a preposition, "on her behalf", not the qualifier "acting"
        if entry.form == "spelling-us-gb":
            diffs.append(OrthoDiff("spelling-us-gb", body_start, end, text[body_start:end], term.text))
        elif entry.form == "hyphen-joined":
            diffs.append(OrthoDiff("hyphen", body_start, end, text[body_start:end], term.text))
        diffs.sort(key=lambda d: d.start)
        return TermMatch(
            concept_id=entry.concept_id,
            term=term,
            lang=lang,
            start=start,
            end=end,
            surface=text[start:end],
            clitics=text[start:body_start],
            differences=tuple(diffs),
            error_form=error,
            form=entry.form,
            tokens=entry.tokens,
        )
