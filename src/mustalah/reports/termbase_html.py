"""A browsable termbase: one self-contained HTML page translators can search offline.

Each concept is a card with its preferred, admitted and deprecated/superseded forms side
by side per language (Arabic ``dir="rtl"``), acronyms and gender forms tagged, and its
definition, notes and source.  The search is diacritics- and clitic-insensitive (see
:mod:`.termbase_assets`); domain and status filters are plain JavaScript.
"""

from __future__ import annotations

from html import escape
from typing import IO

from .. import __version__
from ..termbase.model import Concept, Status, Term, Termbase
from .html_assets import CSP
from .html_text import direction
from .termbase_assets import CSS, JS

STATUS_ORDER = (Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.SUPERSEDED)
GENDER_TAGS = {"masculine": "m.", "feminine": "f.", "neuter": "n.", "otherGender": "other"}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _term(term: Term) -> str:
    tags = []
    if term.type.value != "fullForm":
        cls = "tag acronym" if term.is_acronym else "tag"
        tags.append(f'<span class="{cls}" dir="ltr">{_e(term.type.value)}</span>')
    if term.gender is not None:
        tags.append(
            f'<span class="tag gender" title="{_e(term.gender.value)}">'
            f"{_e(GENDER_TAGS.get(term.gender.value, term.gender.value))}</span>"
        )
    if term.exact:
        tags.append('<span class="tag" title="matched with its exact spelling only">exact</span>')
    extra = "".join(
        f' <span class="tag" dir="ltr">{_e(label)}: <bdi>{_e(v)}</bdi></span>'
        for label, v in (("usage", term.usage), ("note", term.note))
        if v
    )
    forms = f' <span class="tag forms">{_e(" · ".join(term.forms))}</span>' if term.forms else ""
    return f'<span class="term"><bdi>{_e(term.text)}</bdi>{"".join(tags)}{extra}{forms}</span>'


def _concept(concept: Concept, langs: tuple[str, ...]) -> str:
    statuses = [s for s in STATUS_ORDER if any(t.status is s for t in concept.terms)]
    rows = []
    for status in statuses:
        cells = []
        for lang in langs:
            terms = [t for t in concept.terms_in(lang) if t.status is status]
            body = "".join(_term(t) for t in terms)
            cells.append(f'<td lang="{_e(lang)}" dir="{direction(lang)}">{body}</td>')
        rows.append(
            f'<tr class="{status.value}" data-status="{status.value}"><th>{status.value}</th>'
            f"{''.join(cells)}</tr>"
        )
    head = "".join(f"<th>{_e(lang)}</th>" for lang in langs)
    notes = [
        (label, value)
        for label, value in (
            ("definition", concept.definition),
            ("subject", concept.subject),
            ("note", concept.note),
            ("source", concept.source),
            ("related", ", ".join(concept.related)),
            ("confusable with", ", ".join(concept.confusable)),
        )
        if value
    ]
    dl = "".join(f'<dt>{_e(k)}</dt><dd dir="auto">{_e(v)}</dd>' for k, v in notes)
    return (
        f'<article class="concept" id="c-{_e(concept.id)}" data-domain="{_e(concept.domain)}" '
        f'data-statuses="{" ".join(s.value for s in statuses)}">'
        f'<h2><code class="id">{_e(concept.id)}</code><span class="domain">{_e(concept.domain)}</span></h2>'
        f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<dl class="notes">{dl}</dl></article>'
    )


def render_termbase_html(termbase: Termbase, out: IO[str]) -> None:
    """Write the browsable page for ``termbase`` to ``out``."""
    langs = tuple(sorted(termbase.languages, key=lambda lang: (lang != "en", lang != "ar", lang)))
    domains = sorted({c.domain for c in termbase})
    domain_options = "".join(f'<option value="{_e(d)}">{_e(d)}</option>' for d in domains)
    status_options = "".join(f'<option value="{s.value}">{s.value}</option>' for s in STATUS_ORDER)
    cards = "".join(_concept(c, langs) for c in termbase)
    out.write(
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(termbase.name)} — mustalah termbase</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_e(termbase.name)}</h1><p>{len(termbase)} concepts · "
        f"{', '.join(_e(x) for x in langs)} · mustalah {_e(__version__)}</p></header><main>"
        '<div class="bar"><label>Search <input type="search" id="q" autofocus '
        'placeholder="English or Arabic — e.g. للجنة مكافحة, CTED"></label>'
        f'<label>Domain <select id="domain"><option value="all">all</option>{domain_options}</select></label>'
        f'<label>Status <select id="status"><option value="all">all</option>{status_options}</select></label>'
        f'<span><b id="count">{len(termbase)}</b> concepts</span></div>'
        f"{cards}</main><script>{JS}</script></body></html>\n"
    )
