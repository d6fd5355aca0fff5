"""What the matcher returns: located term matches and near misses."""

from __future__ import annotations

from dataclasses import dataclass

from ..termbase.model import Term
from ..text.normalize import SPELLING_KINDS, TOLERATED_KINDS

#: Bump when matching behaviour changes: part of score signatures and of the on-disk cache key
#: (which also hashes the matcher's own source, so an unbumped change never reuses a stale index).
MATCHER_VERSION = "1.1"


#: The modules of this package whose code shapes the compiled index the cache holds:
#: ``cache.py`` and what it imports from here, transitively (a test keeps this equal to that
#: import closure).  Evaluation, confusions and mention counting are not in it, so editing
#: them keeps every user's cache.
INDEX_MODULES = (
    "cache.py",
    "entries.py",
    "forms.py",
    "index.py",
    "nearmiss.py",
    "nearmiss_tables.py",
    "nearmiss_words.py",
    "types.py",
)


def _code_fingerprint() -> str:
    import hashlib
    from pathlib import Path

    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    package = here.parent
    # everything that shapes what the compiled index cache holds: the matcher, folding, the
    # hash and row packing, and the termbase model the rows are decoded into
    shaping = [package / "text" / "normalize.py", package / "packed.py", package / "model.py"]
    shaping += [package / "termbase" / "lazy.py", package / "termbase" / "model.py"]
    for path in sorted([*(here / name for name in INDEX_MODULES), *shaping]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


#: The matcher's code identity: MATCHER_VERSION plus a hash of the source files that shape the index.
MATCHER_BUILD = f"{MATCHER_VERSION}+{_code_fingerprint()}"


@dataclass(frozen=True, slots=True)
class OrthoDiff:
    """One difference a fold hid, located in the original text.

    ``kind`` is one of: diacritics, tatweel, invisible, space, case, punctuation, digits,
    persian, presentation-form, alef-hamza, alef-maqsura, taa-marbuta, hyphen,
    spelling-us-gb, other.
    """

    kind: str
    start: int
    end: int
    found: str
    expected: str


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A termbase term found in a text.

    ``start``/``end`` are Python string offsets into the original text and include the
    attached proclitics (``لمكتب``: the span starts at ``ل``); ``clitics`` is what was
    attached (``ل``, ``وال`` …).  ``form`` says which surface of the term matched:
    ``canonical``, ``inflection`` (a listed grammatical form), ``plural`` (generated
    English plural), ``spelling-us-gb``, ``hyphen-joined``, ``compound-name`` or
    ``acronym-in-arabic`` (an English acronym inside Arabic text).
    """

    concept_id: str
    term: Term
    lang: str
    start: int
    end: int
    surface: str
    clitics: str = ""
    differences: tuple[OrthoDiff, ...] = ()
    error_form: str | None = None
    form: str = "canonical"
    tokens: int = 1

    @property
    def tolerated(self) -> bool:
        """True when only invisible/typographic differences were needed (scoring counts it)."""
        return self.error_form is None and all(d.kind in TOLERATED_KINDS for d in self.differences)

    @property
    def spelling_differences(self) -> tuple[OrthoDiff, ...]:
        return tuple(d for d in self.differences if d.kind in SPELLING_KINDS)

    @property
    def body_start(self) -> int:
        """Offset where the term itself starts, after the proclitics."""
        return self.start + len(self.clitics)


@dataclass(frozen=True, slots=True)
class NearMiss:
    """Something close to a term that exact matching cannot see.

    ``kind``: ``frame`` (a known name frame with a different head: a body that does not
    exist), ``edit`` (one edit away from a term word), ``confusion`` (a curated real-word
    confusion such as ``حفلة النقاش`` for ``حلقة النقاش``).
    ``concepts`` are the concept(s) it is close to (may be empty for a confusion that
    belongs to no concept); ``expected`` the form that was probably meant;
    ``differing`` the (found, expected) token pairs.
    """

    kind: str
    lang: str
    start: int
    end: int
    surface: str
    expected: str
    concepts: tuple[str, ...] = ()
    differing: tuple[tuple[str, str], ...] = ()
    note: str | None = None
    #: Proclitics on the first word (``ل`` in ``للجنة``), so a suggestion can keep them.
    clitics: str = ""
