"""Semantic checks behind ``mustalah termbase check``.

The loader already reports what is wrong with the *source* (malformed YAML, unknown fields, bad
values).  These checks look at the terminology itself: a form that points at two concepts makes
the linter's matches ambiguous, a language without a preferred term leaves the linter nothing to
suggest, a dangling ``related`` id breaks the reports' cross-links.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Concept, Location, Term, Termbase, TermType
from .problems import Problem, sort_key

REQUIRED_LANGUAGES = ("en", "ar")
_TATWEEL = "\u0640"


def fold(text: str) -> str:
    """The comparison key for "same surface form": NFC, case-folded, no diacritics or tatweel.

    Deliberately simple (it only decides what counts as a duplicate); the matcher has its own,
    richer Arabic normalisation.
    """
    decomposed = unicodedata.normalize("NFD", text.replace(_TATWEEL, ""))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())


def _exact_key(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class _Form:
    concept: Concept
    term: Term
    text: str

    @property
    def location(self) -> Location | None:
        return self.term.location or self.concept.location


def _forms(concept: Concept) -> Iterator[_Form]:
    for term in concept.terms:
        yield _Form(concept, term, term.text)
        for form in term.forms:
            yield _Form(concept, term, form)


def check_termbase(
    termbase: Termbase,
    *,
    required_languages: tuple[str, ...] = REQUIRED_LANGUAGES,
    require_note: bool = True,
) -> list[Problem]:
    """Every semantic problem in ``termbase``, sorted by location."""
    problems: list[Problem] = []
    problems.extend(duplicate_ids(termbase))
    problems.extend(_shared_forms(termbase))
    for concept in termbase.concepts:
        problems.extend(_concept_problems(concept, termbase, required_languages, require_note))
    return sorted(problems, key=sort_key)


def duplicate_ids(termbase: Termbase) -> Iterator[Problem]:
    """TB005 for each concept whose id an earlier concept already has."""
    first: dict[str, Concept] = {}
    for concept in termbase.concepts:
        earlier = first.setdefault(concept.id, concept)
        if earlier is not concept:
            where = f" (first defined at {earlier.location})" if earlier.location else ""
            yield Problem("TB005", f"duplicate concept id {concept.id}{where}", concept.location, concept.id)


def shared_form_pairs(termbase: Termbase) -> Iterator[tuple[str, _Form, _Form]]:
    """(language, first form, other form) for each surface form two concepts share after folding:
    the other concept is reported once per form group (TB006; across termbases TB016)."""
    groups: dict[tuple[str, str], list[_Form]] = defaultdict(list)
    for concept in termbase.concepts:
        for form in _forms(concept):
            groups[(form.term.lang, fold(form.text))].append(form)
    for (lang, _), forms in groups.items():
        if len({f.concept.id for f in forms}) < 2:
            continue
        first = forms[0]
        reported: set[str] = {first.concept.id}
        for form in forms[1:]:
            if form.concept.id in reported:
                continue
            exact = first.term.exact or form.term.exact
            if exact and _exact_key(first.text) != _exact_key(form.text):
                continue  # exact-spelling terms only collide when spelled identically
            reported.add(form.concept.id)
            yield lang, first, form


def shared_form_message(lang: str, first: _Form, form: _Form) -> str:
    where = f" ({first.location})" if first.location else ""
    return f"{form.text!r} ({lang}) is a form of {form.concept.id} and of {first.concept.id}{where}"


def _shared_forms(termbase: Termbase) -> Iterator[Problem]:
    for lang, first, form in shared_form_pairs(termbase):
        yield Problem("TB006", shared_form_message(lang, first, form), form.location, form.concept.id)


def _concept_problems(
    concept: Concept, termbase: Termbase, required: tuple[str, ...], require_note: bool
) -> Iterator[Problem]:
    cid, loc = concept.id, concept.location
    if require_note and concept.note is None:
        yield Problem("TB012", f"concept {cid} has no 'note' (where the forms come from)", loc, cid)
    for field in ("related", "confusable"):
        for ref in getattr(concept, field):
            if ref == cid:
                yield Problem("TB015", f"concept {cid} lists itself in {field}", loc, cid)
            elif termbase.get(ref) is None:
                yield Problem("TB010", f"{field} id {ref!r} of concept {cid} does not exist", loc, cid)
    if not concept.terms:
        yield Problem("TB014", f"concept {cid} has no terms", loc, cid)
        return
    for lang in required:
        if lang not in concept.languages:
            yield Problem("TB008", f"concept {cid} has no terms in {lang!r}", loc, cid)
    for lang in concept.languages:
        terms = concept.terms_in(lang)
        if not any(t.status.value == "preferred" for t in terms):
            yield Problem("TB007", f"concept {cid} has no preferred term in {lang!r}", terms[0].location, cid)
        if any(t.type is TermType.FULL_FORM for t in terms):
            continue
        for term in (t for t in terms if t.is_acronym):
            yield Problem(
                "TB009",
                f"acronym {term.text!r} ({lang}) of concept {cid} has no full form in {lang!r}",
                term.location or loc,
                cid,
            )
    yield from _status_conflicts(concept)


def _status_conflicts(concept: Concept) -> Iterator[Problem]:
    seen: dict[tuple[str, str, str | None], Term] = {}
    for term in concept.terms:
        key = (term.lang, _exact_key(term.text), term.gender.value if term.gender else None)
        earlier = seen.setdefault(key, term)
        if earlier is term:
            continue
        where = f" (line {earlier.location.line})" if earlier.location else ""
        if earlier.status is not term.status:
            yield Problem(
                "TB011",
                f"{term.text!r} ({term.lang}) is both {earlier.status.value}{where} and "
                f"{term.status.value} in concept {concept.id}",
                term.location,
                concept.id,
            )
        else:
            yield Problem(
                "TB013",
                f"{term.text!r} ({term.lang}) is listed twice in concept {concept.id}{where}",
                term.location,
                concept.id,
            )


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The result of ``termbase check``: what was loaded and every problem found."""

    source: str
    termbase: Termbase
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def check_path(path: str | Path | None) -> CheckReport:
    """Load (collecting source problems, never raising for them) and check a termbase."""
    from .loader import default_termbase_path, read_termbase
    from .yaml_io import display_path

    source = Path(path) if path is not None else default_termbase_path()
    result = read_termbase(source)
    problems = list(result.problems) + check_termbase(result.termbase)
    return CheckReport(display_path(source), result.termbase, tuple(sorted(problems, key=sort_key)))
