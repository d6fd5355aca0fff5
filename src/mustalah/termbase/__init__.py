"""The UN termbase: model, YAML/TBX/CSV input and output, validation.

Typical use::

    from mustalah.termbase import load_termbase
    tb = load_termbase(None)          # the shipped default (cached per process)
    tb = load_termbase("glossary.tbx")
"""

from __future__ import annotations

from .loader import default_termbase_path, load_default, load_termbase, read_termbase
from .model import Concept, Gender, Location, Status, Term, Termbase, TermType
from .problems import Problem, Severity

__all__ = [
    "Concept",
    "Gender",
    "Location",
    "Problem",
    "Severity",
    "Status",
    "Term",
    "TermType",
    "Termbase",
    "default_termbase_path",
    "load_default",
    "load_termbase",
    "read_termbase",
]
