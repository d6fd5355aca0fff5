"""What a concept may demand: the severity policy's facts about termbase entries.

Two facts decide how hard a rule may speak about a concept:

* **Is it an official name?** Bodies, posts, people, Member States and named instruments or
  programmes (``the Plan of Action to Prevent Violent Extremism``) have one prescribed form.
  Subject-field vocabulary (``terrorist act``, ``acts of terrorism``, ``plan of action``) has
  many correct renderings: the termbase lists the usual one, and only its deprecated forms
  are errors. The termbase says which is which by its domains, and within the ``concepts``
  domain by the English form itself: a named instrument ends in a capitalized word
  (``Sustainable Development Goals``), a common noun phrase does not, even with a name
  inside it (``United Nations entities``, ``non-State actors``).
* **How sure is the termbase?** A note that rates a form ``confidence L`` (a rendering or an
  inference, not found in a UN text) may be wrong itself: such a form never produces an
  error, only a warning a reviser checks.
"""

from __future__ import annotations

import re

from ..model import Severity
from ..termbase.model import Concept, Termbase

#: Termbase domains whose every concept is a proper name with one prescribed form.
NAME_DOMAINS = frozenset({"entities", "posts", "people", "member-states"})

#: The rule categories that judge a term's written form against the termbase's: the ones a
#: doubtful termbase form must not turn into errors (gender, numbers and the rest are not capped).
FORM_CATEGORIES = frozenset({"term-missing", "term-deprecated", "term-variant"})

_LOW_CONFIDENCE = re.compile(r"\bconfidence L\b")


def is_official_name(concept: Concept) -> bool:
    """A body, post, person, State, or a named instrument or programme (capitalized in English)."""
    if concept.domain in NAME_DOMAINS:
        return True
    return any(
        term.text.split()[-1][:1].isupper()  # "Sustainable Development Goals"; not "United Nations entities"
        for term in concept.terms_in("en")
        if term.approved and not term.is_acronym and term.text.strip()
    )


def is_person(termbase: Termbase, concept_id: str) -> bool:
    """The concept is a person the termbase knows (its ``people`` domain)."""
    concept = termbase.get(concept_id)
    return concept is not None and concept.domain == "people"


def is_low_confidence(concept: Concept) -> bool:
    """The termbase rates the concept's forms, or one of them, ``confidence L``."""
    if concept.note and _LOW_CONFIDENCE.search(concept.note):
        return True
    return any(term.note and _LOW_CONFIDENCE.search(term.note) for term in concept.terms)


def capped(severity: Severity, concept: Concept | None) -> Severity:
    """``severity``, but never an error about a low-confidence concept."""
    if severity == "error" and concept is not None and is_low_confidence(concept):
        return "warning"
    return severity
