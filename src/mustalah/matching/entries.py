"""Index entries, and what the prefix before a matched key makes of them.

An entry is one key of one term in the Aho–Corasick automaton (``matching/index.py``): which
term, the key, the expected spelling, and what may stand before its first token (nothing, the
proclitics of an indefinite word, the article and its contractions) — and whether a wrong
article is an error form worth reporting (``المكتب الأمم المتحدة…``).  The verdicts on a prefix
depend only on the kind of entry, so the matcher caches them (:func:`affix_verdict`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .forms import (
    CONSTRUCT_ERROR_L_PREFIXES,
    CONSTRUCT_ERROR_PREFIXES,
    DEFINITE_L_PREFIXES,
    DEFINITE_PREFIXES,
    INDEFINITE_PREFIXES,
)
from .types import OrthoDiff, TermMatch


@dataclass(frozen=True, slots=True)
class IndexEntry:
    term_no: int
    concept_id: str
    key: str
    expected: str
    first: str  # none | indefinite | definite | definite-l
    allow_error: bool
    case_sensitive: bool
    exact: bool
    form: str
    tokens: int
    status_rank: int
    #: a lower-case compound (``high-level``): ``high level`` is another phrase, not a variant
    strict_hyphen: bool = False
    #: a one-word proper name (``Turkey``, ``China``): in lower case it is the common word
    proper_word: bool = False


def recency(chosen: list[TermMatch], concept_id: str) -> int:
    """0: the concept of the match just before; 1: named earlier in the text; 2: not named yet."""
    if not chosen:
        return 2
    if chosen[-1].concept_id == concept_id:
        return 0
    return 1 if any(c.concept_id == concept_id for c in chosen) else 2


def _clitic_length(entry: IndexEntry, prefix: str, error_form: str | None) -> int:
    """How much of the prefix is proclitics (the rest is the term's own article)."""
    if entry.first == "indefinite" and error_form is None:
        return len(prefix)
    if prefix.endswith("ال"):
        return len(prefix) - 2
    if entry.first == "definite-l" or (error_form and entry.key.startswith("ل")):
        return len(prefix)  # ل + ال + ل…: the article vanished, only the preposition is left
    if prefix.endswith("لل"):
        return len(prefix) - 1  # ل + ال contracted: the second lam is the article's
    return len(prefix)


def affix_verdict(entry: IndexEntry, prefix: str) -> tuple[bool, str | None, int]:
    """Whether ``prefix`` may stand before the entry's key, the error form it makes (or None),
    and how much of it is proclitics: what ``TermIndex.match`` caches per kind of entry
    (first token, error forms allowed, key starting with ل) and prefix."""
    error = _prefix_verdict(entry, prefix)
    if error is False:
        return False, None, 0
    error_form = error if isinstance(error, str) else None
    return True, error_form, _clitic_length(entry, prefix, error_form)


def _prefix_verdict(entry: IndexEntry, prefix: str) -> bool | str:
    """True: a correct prefix; False: not this term; a string: an error form's name."""
    first = entry.first
    if first == "none":
        return not prefix
    if first == "indefinite":
        if prefix in INDEFINITE_PREFIXES:
            return True
        if entry.allow_error:
            errors = CONSTRUCT_ERROR_L_PREFIXES if entry.key.startswith("ل") else CONSTRUCT_ERROR_PREFIXES
            if prefix in errors:
                return "definite-construct-head"
        return False
    if first == "definite":
        if prefix in DEFINITE_PREFIXES:
            return True
        return "indefinite-head" if entry.allow_error and prefix in INDEFINITE_PREFIXES else False
    return prefix in DEFINITE_L_PREFIXES


def pronoun_reading(text: str, diffs: list[OrthoDiff], start: int, end: int, entry: IndexEntry) -> bool:
    """A final ه where the term has ة reads as the pronoun "his/its" on an indefinite last word:
    ``رئيسه`` ("its President") is no misspelt ``رئيسة`` (a woman Chair).  With the article
    (``المديره``) no pronoun can attach, so there it is a misspelling; so it is inside a name,
    whose words a pronoun cannot split."""
    if entry.form == "possessive":
        return True
    last = next((d for d in diffs if d.kind == "taa-marbuta" and d.end == end), None)
    if last is None or last.found != "ه":
        return False
    word_start = max(text.rfind(" ", start, end) + 1, start)
    word = text[word_start:end]
    return not any(word.startswith(p) for p in ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل"))
