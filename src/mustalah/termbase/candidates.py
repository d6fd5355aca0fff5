"""Term candidates: recurring names the termbase lacks in bilingual corpora, with their Arabic renderings.

English side, per unit (sentences split by translate-toolkit's English language model, the one
``poterminology`` uses):

* **capitalised multi-word names**: runs of capitalised words, with lower-case connectors inside
  (``of``, ``on``, ``for``, ``and``, ``the``, ``against``, ``in``, ``to``), trimmed of leading and
  trailing stop words with ``poterminology``'s English stop list (``The``, ``In``, ``Today`` …);
* **parenthesised acronyms**: ``Name (ACR)``; the name is the capitalised run just before.

A candidate the termbase already covers is dropped (a termbase match spanning the whole name, or
the acronym as a known term); a longer name that contains a known one is kept.  Candidates are kept
when they recur (``min_units``, default 2) and ranked like ``poterminology`` ranks terms:
10 × files + units.

Arabic renderings, from the target side of the units the name occurs in:

* **acronym anchors**: UN Arabic keeps the Latin acronym, so the Arabic words before ``(ACR)`` are
  the rendering; across several units the longest common word suffix is kept;
* **co-occurrence** otherwise: the Arabic word n-grams (2–7 words) of those units, scored by
  coverage × precision = (a / units of the name) × (a / units of the n-gram) over all units, where
  a = units that have both (at least 2; longer n-grams win ties).

Each candidate keeps its frequency, units, files, up to three renderings with their counts, up to
three English contexts and its locations, for a terminologist to review.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..model import Segment
from .model import Termbase

_CONNECTORS = frozenset({"of", "on", "for", "and", "the", "against", "in", "to", "de", "du", "des", "la"})
_WORD = re.compile(r"[A-Za-z][\w'’.-]*|\S")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9/&-]{1,15})\s*\)")
_AR_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ffA-Za-z0-9]+(?:-[\w]+)*")
_AR_BOUNDARY = re.compile(r"[،؛:.!؟?\"«»()\[\]\n]")
MAX_NGRAM = 7


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str  # the English name (may be empty for a bare acronym)
    acronym: str | None
    frequency: int  # occurrences
    units: int
    files: int
    renderings: tuple[tuple[str, int], ...]  # Arabic rendering, units it was seen in
    anchor: str  # acronym | co-occurrence | none
    contexts: tuple[str, ...]
    locations: tuple[str, ...]

    @property
    def score(self) -> int:
        return 10 * self.files + self.units


@dataclass(slots=True)
class _Seen:
    acronyms: Counter[str] = field(default_factory=Counter)
    units: list[int] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    frequency: int = 0
    contexts: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)


class _Stoplist:
    """``poterminology``'s English stop list (translate-toolkit), used to trim names."""

    def __init__(self) -> None:
        from translate.lang import factory
        from translate.tools.poterminology import TerminologyExtractor

        self._extractor = TerminologyExtractor(sourcelanguage="en")
        self.language = factory.getlanguage("en")

    def skip(self, word: str) -> bool:
        found: frozenset[str] = self._extractor.stopword(word)  # type: ignore[no-untyped-call]
        return "skip" in found

    def sentences(self, text: str) -> list[str]:
        return [str(s) for s in self.language.sentences(text)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(ch.isalpha() for ch in word)


def english_names(sentence: str, stop: _Stoplist) -> list[tuple[str, int, int, str | None]]:
    """(name, start, end, acronym) for every capitalised multi-word name in a sentence."""
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for tok in tokens:
        word = tok[0]
        if _capitalised(word) or (current and word.lower() in _CONNECTORS and word.islower()):
            current.append(tok)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    found: list[tuple[str, int, int, str | None]] = []
    for run in runs:
        while run and (run[-1][0].lower() in _CONNECTORS or stop.skip(run[-1][0])):
            run = run[:-1]
        while run and (run[0][0].lower() in _CONNECTORS or stop.skip(run[0][0])):
            run = run[1:]
        if run and run[0][1] == 0 and run[0][0].lower().endswith(("s", "ing")) and len(run[0][0]) > 4:
            # a sentence-initial verb of a resolution (Requests, Encourages, Noting …)
            run = run[1:]
            while run and (run[0][0].lower() in _CONNECTORS or stop.skip(run[0][0])):
                run = run[1:]
        if run and run[-1][0].endswith(".") and len(run[-1][0]) > 2:
            last = run[-1]
            run = [*run[:-1], (last[0][:-1], last[1], last[2] - 1)]
        capitals = [w for w, _, _ in run if _capitalised(w)]
        if len(capitals) < 2:
            continue
        start, end = run[0][1], run[-1][2]
        after = _ACRONYM.match(sentence, end + (1 if sentence[end : end + 1] == " " else 0))
        acronym = (
            after.group(1) if after is not None and sum(c.isupper() for c in after.group(1)) >= 2 else None
        )
        found.append((sentence[start:end], start, end, acronym))
    return found


def _covered(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and e >= end for s, e in spans)


def _arabic_words(text: str) -> list[str]:
    return _AR_WORD.findall(text)


def _anchored(target: str, acronym: str, width: int) -> list[str] | None:
    """The Arabic words just before ``(ACR)`` in a target text, back to a punctuation boundary."""
    m = re.search(r"\(\s*" + re.escape(acronym) + r"\s*\)", target)
    if m is None:
        return None
    before = target[: m.start()]
    cut = max((b.end() for b in _AR_BOUNDARY.finditer(before)), default=0)
    words = _arabic_words(before[cut:])
    return words[-width:] if words else None


def _common_suffix(spans: Sequence[Sequence[str]]) -> list[str]:
    out: list[str] = []
    for column in zip(*(reversed(s) for s in spans), strict=False):
        if len(set(column)) != 1:
            break
        out.append(column[0])
    return list(reversed(out))


#: Arabic particles a name never starts or ends with (مع المحكمة الجنائية الدولية is "with the Court").
_AR_PARTICLES = frozenset(
    {"مع", "في", "من", "إلى", "على", "عن", "و", "أو", "أن", "إن", "التي", "الذي", "بين", "لدى", "عند"}
)


def _ngrams(words: Sequence[str]) -> set[str]:
    return {
        " ".join(words[i : i + n])
        for n in range(1, MAX_NGRAM + 1)
        for i in range(len(words) - n + 1)
        if words[i] not in _AR_PARTICLES and words[i + n - 1] not in _AR_PARTICLES
    }


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Matcher(Protocol):
    """What finds the termbase's names in text: ``matching.TermIndex`` (built by the caller, so
    the termbase package does not import the matcher that is built on it)."""

    def match(self, text: str, lang: str) -> Sequence[_Span]: ...


def extract(
    segments: Iterable[Segment],
    termbase: Termbase,
    index: Matcher,
    min_units: int = 2,
    max_candidates: int | None = None,
) -> list[Candidate]:
    """Candidates from bilingual (or English-only) segments, ranked for review; ``index`` finds
    the termbase's English names (``TermIndex.build(termbase, languages=("en",))``)."""
    stop = _Stoplist()
    known_acronyms = {t.text for _, t in termbase.terms() if t.is_acronym}
    seen: dict[str, _Seen] = {}
    targets: list[str] = []
    for segment in segments:
        if segment.source_lang.split("-")[0] != "en":
            continue
        unit_no = len(targets)
        targets.append(segment.target or "")
        location = f"{segment.side_file('source')}#{segment.unit}"
        for sentence in stop.sentences(segment.source):
            names = english_names(sentence, stop)
            if not names:
                continue
            spans = [(m.start, m.end) for m in index.match(sentence, "en")]
            for name, start, end, acronym in names:
                if acronym in known_acronyms or _covered(spans, start, end):
                    continue
                entry = seen.setdefault(name, _Seen())
                entry.frequency += 1
                if acronym:
                    entry.acronyms[acronym] += 1
                if not entry.units or entry.units[-1] != unit_no:
                    entry.units.append(unit_no)
                    entry.files.add(segment.side_file("source"))
                    if len(entry.contexts) < 3:
                        entry.contexts.append(sentence.strip()[:300])
                    entry.locations.append(location)
    recurring = {name: e for name, e in seen.items() if len(e.units) >= min_units}
    doc_freq: Counter[str] = Counter()
    if any(targets) and recurring:
        # unit counts only for the n-grams of the candidates' own units (memory: not every n-gram)
        wanted: set[str] = set()
        for e in recurring.values():
            for u in e.units:
                wanted |= _ngrams(_arabic_words(targets[u]))
        for text in targets:
            doc_freq.update(g for g in _ngrams(_arabic_words(text)) if g in wanted)
    out: list[Candidate] = []
    for name, e in recurring.items():
        acronym = e.acronyms.most_common(1)[0][0] if e.acronyms else None
        renderings, anchor = _renderings(name, acronym, [targets[u] for u in e.units], doc_freq, len(e.units))
        out.append(
            Candidate(
                name,
                acronym,
                e.frequency,
                len(e.units),
                len(e.files),
                renderings,
                anchor,
                tuple(e.contexts),
                tuple(e.locations),
            )
        )
    out.sort(key=lambda c: (-c.score, -c.frequency, c.name))
    return out[:max_candidates] if max_candidates is not None else out


def _renderings(
    name: str, acronym: str | None, texts: Sequence[str], doc_freq: Counter[str], units: int
) -> tuple[tuple[tuple[str, int], ...], str]:
    texts = [t for t in texts if t]
    if not texts:
        return (), "none"
    width = max(2, len([w for w in name.split() if w.lower() not in _CONNECTORS]) + 1)
    if acronym:
        spans = [s for t in texts if (s := _anchored(t, acronym, MAX_NGRAM + 3)) is not None]
        if spans:
            if len(spans) > 1:
                common = _common_suffix(spans)
                if len(common) >= 2:
                    return ((" ".join(common), len(spans)),), "acronym"
            counts = Counter(" ".join(s[-width:]) for s in spans)
            return tuple(counts.most_common(3)), "acronym"
    here: Counter[str] = Counter()
    for text in texts:
        here.update(_ngrams(_arabic_words(text)))
    scored = [
        (a * a / (units * doc_freq[g]), len(g.split()), g, a)
        for g, a in here.items()
        if a >= 2 and len(g.split()) >= 2
    ]
    if not scored:
        return (), "none"
    scored.sort(key=lambda x: (-x[0], -x[1], x[2]))
    best: list[tuple[str, int]] = []
    for _dice, _n, gram, a in scored:
        if any(gram in b for b, _ in best):
            continue
        best.append((gram, a))
        if len(best) == 3:
            break
    return tuple(best), "co-occurrence"
