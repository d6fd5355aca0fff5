"""Glossary exports from a termbase for CAT tools: OmegaT tab-separated text and a term-pair TMX.

* **OmegaT glossary** (``.txt`` — OmegaT ignores ``.tsv``): UTF-8, one line per
  approved source term (preferred and admitted, acronyms included) with the
  concept's preferred target term, and a comment holding the concept id, the
  source term's status and the target forms to avoid (deprecated/superseded).
  Lines starting with ``#`` are comments for OmegaT; tabs and line breaks inside
  terms are replaced by spaces.
* **Term TMX**: one ``tu`` per concept (``tuid`` = concept id) pairing the preferred
  source full form with the preferred target full form, ``segtype="phrase"``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from ..fileio import atomic_text
from ..model import Segment
from ..termbase.model import Concept, Status, Term, Termbase
from .tmx_writer import TmxHeader, unit_tuid, write_tmx

_SPACE = re.compile(r"[\t\r\n]+")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _lang_terms(concept: Concept, lang: str) -> list[Term]:
    primary = lang.split("-", 1)[0].lower()
    return [t for t in concept.terms if t.lang.split("-", 1)[0].lower() == primary]


def _preferred(concept: Concept, lang: str) -> Term | None:
    terms = _lang_terms(concept, lang)
    preferred = [t for t in terms if t.status is Status.PREFERRED]
    full = [t for t in preferred if not t.is_acronym]
    chosen = full or preferred
    return chosen[0] if chosen else None


def omegat_lines(termbase: Termbase, source_lang: str = "en", target_lang: str = "ar") -> Iterator[str]:
    for concept in termbase:
        target = _preferred(concept, target_lang)
        if target is None:
            continue
        avoid = [t.text for t in _lang_terms(concept, target_lang) if not t.approved]
        for term in _lang_terms(concept, source_lang):
            if not term.approved:
                continue
            comment = f"{concept.id}; {term.status.value}"
            if avoid:
                comment += "; avoid: " + ", ".join(_clean(a) for a in avoid)
            yield f"{_clean(term.text)}\t{_clean(target.text)}\t{comment}"


def write_omegat_glossary(
    termbase: Termbase, output: str | os.PathLike[str], source_lang: str = "en", target_lang: str = "ar"
) -> int:
    count = 0
    with atomic_text(output) as handle:
        handle.write(f"# {termbase.name}: {source_lang} -> {target_lang} glossary written by mustalah\n")
        for line in omegat_lines(termbase, source_lang, target_lang):
            handle.write(line + "\n")
            count += 1
    return count


def term_segments(termbase: Termbase, source_lang: str = "en", target_lang: str = "ar") -> Iterator[Segment]:
    for index, concept in enumerate(termbase):
        source, target = _preferred(concept, source_lang), _preferred(concept, target_lang)
        if source is None or target is None:
            continue
        notes = tuple(n for n in (concept.definition, concept.note) if n)
        yield Segment(
            file=termbase.name,
            unit=concept.id,
            index=index,
            source=source.text,
            target=target.text,
            source_lang=source_lang,
            target_lang=target_lang,
            notes=notes,
            props=(("x-domain", concept.domain),),
        )


def write_term_tmx(
    termbase: Termbase, output: str | os.PathLike[str], source_lang: str = "en", target_lang: str = "ar"
) -> int:
    header = TmxHeader(source_lang=source_lang, target_lang=target_lang, segtype="phrase")
    return write_tmx(term_segments(termbase, source_lang, target_lang), output, header, unit_tuid)
