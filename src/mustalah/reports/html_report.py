"""The HTML lint report: one self-contained file a reviser opens in any browser.

Each finding has a dismiss control; the page turns the dismissed findings' fingerprints (and
those the run's baseline accepted) into a baseline file to save, which ``--baseline`` reads.

Per file, each unit's source and target stand side by side (one column for monolingual
text), the Arabic side ``dir="rtl" lang="ar"``, every finding highlighted at its exact span
with its rule, message and suggestion under the unit and as a tooltip.  Filters (severity,
category, rule) are a few lines of plain JavaScript; the summary chart is inline SVG; the
rules' documentation is embedded, so links work offline.  Everything from the linted files
is escaped, and a Content-Security-Policy forbids any fetch.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from html import escape
from pathlib import PurePath
from typing import IO

from .. import __version__
from ..checks.base import DOC_SECTIONS, rule_doc_sections
from ..checks.registry import ALL_RULES
from ..model import SEVERITIES, Finding, LintResult, Segment
from .html_assets import CSP, CSS, JS
from .html_text import direction, side_html
from .svg_chart import stacked_bars

#: Above this many units, only units with findings are written (the page must stay usable).
MAX_CLEAN_UNITS = 2000


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def rule_anchor(code: str) -> str:
    return f"rule-{code}"


def finding_title(f: Finding) -> str:
    tail = f" → {f.suggestion}" if f.suggestion else ""
    return f"{f.code} {f.name} [{f.severity}]: {f.message}{tail}"


def _segment_key(f: Finding, known: set[tuple[str, str]]) -> tuple[str, str] | None:
    """The segment a finding belongs to (release folders report ``folder/en.txt``)."""
    for file in (f.file, str(PurePath(f.file).parent)):
        if (file, f.unit) in known:
            return file, f.unit
    return None


def _finding_item(fid: str, f: Finding) -> str:
    quote = f' <bdi class="quote" lang="{_e(f.lang)}">{_e(f.text)}</bdi>' if f.text else ""
    sugg = (
        f' → <bdi class="sugg" lang="{_e(f.lang)}" title="suggestion">{_e(f.suggestion)}</bdi>'
        if f.suggestion
        else ""
    )
    loc = f"line {f.line}:{f.column}" if f.line is not None else f"offset {f.start}–{f.end}"
    concept = f" · concept <code>{_e(f.concept)}</code>" if f.concept else ""
    if f.termbase and f.termbase != "@shipped":  # from another termbase than the shipped one
        concept += f" from <code>{_e(f.termbase)}</code>"
    if f.fingerprint:
        dismiss = (
            '<button type="button" class="dismiss" aria-pressed="false" '
            'title="accept this finding: it goes into the baseline this page builds">dismiss</button> '
        )
    else:  # a finding without a fingerprint cannot be accepted by a baseline
        dismiss = '<button type="button" class="dismiss" disabled title="no fingerprint">dismiss</button> '
    return (
        f'<li class="finding {_e(f.severity)}" id="{fid}" data-sev="{_e(f.severity)}" '
        f'data-cat="{_e(f.category)}" data-code="{_e(f.code)}" data-fp="{_e(f.fingerprint or "")}">'
        f"{dismiss}"
        f'<span class="sev {_e(f.severity)}">{_e(f.severity)}</span> '
        f'<a class="rule" href="#{_e(rule_anchor(f.code))}">{_e(f.code)} {_e(f.name)}</a> '
        f'<span class="msg">{side_html(f.message, [], False, {})}</span>{quote}{sugg} '
        f'<span class="meta">{_e(f.side)} [{_e(f.lang)}] · {_e(loc)}{concept}</span></li>'
    )


def _side_cell(
    text: str | None, lang: str | None, spans: list[tuple[str, int, int]], titles: dict[str, str]
) -> str:
    if text is None:
        return '<td class="text empty">—</td>'
    d = direction(lang)
    return (
        f'<td class="text" lang="{_e(lang or "und")}" dir="{d}">'
        f"{side_html(text, spans, d == 'rtl', titles)}</td>"
    )


def _file_section(
    file: str,
    segments: list[Segment],
    by_segment: dict[tuple[str, str], list[tuple[str, Finding]]],
    loose: list[tuple[str, Finding]],
    titles: dict[str, str],
    show_clean: bool,
) -> str:
    bilingual = any(s.target is not None for s in segments)
    first = segments[0] if segments else None
    heads = ["unit", f"source ({first.source_lang})" if first else "text"]
    if bilingual and first:
        heads.append(f"target ({first.target_lang or '?'})")
    count = sum(len(by_segment.get((file, s.unit), [])) for s in segments) + len(loose)
    rows: list[str] = []
    for seg in segments:
        items = by_segment.get((seg.file, seg.unit), [])
        if not items and not show_clean:
            continue
        spans: dict[str, list[tuple[str, int, int]]] = {"source": [], "target": []}
        for fid, f in items:
            spans[f.side].append((fid, f.start, f.end))
        line = f"<br>line {seg.line}" if seg.line is not None else ""
        cells = [
            f'<td class="uid">{_e(seg.unit)}{line}</td>',
            _side_cell(seg.source, seg.source_lang, spans["source"], titles),
        ]
        if bilingual:
            cells.append(_side_cell(seg.target, seg.target_lang, spans["target"], titles))
        clean = "" if items else " clean"
        rows.append(f'<tr class="unit{clean}" data-unit="{_e(seg.unit)}">{"".join(cells)}</tr>')
        if items:
            lis = "".join(_finding_item(fid, f) for fid, f in items)
            rows.append(
                f'<tr class="findings"><td colspan="{len(cells)}"><ul class="flist">{lis}</ul></td></tr>'
            )
    table = ""
    if rows:
        th = "".join(f"<th>{_e(h)}</th>" for h in heads)
        mono = "" if bilingual else " mono"
        table = (
            f'<table class="units{mono}"><thead><tr>{th}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        )
    extra = ""
    if loose:
        lis = "".join(_finding_item(fid, f) for fid, f in loose)
        extra = f'<h3>Findings without unit text</h3><ul class="flist loose">{lis}</ul>'
    return (
        f'<section class="file" data-file="{_e(file)}"><h2><bdi>{_e(file)}</bdi> '
        f"<small>({count} finding(s), {len(segments)} unit(s))</small></h2>{table}{extra}</section>"
    )


def _summary(result: LintResult) -> str:
    s = result.summary
    sev = "".join(
        f'<tr><td><span class="sev {x}">{x}</span></td><td class="num">{s.by_severity.get(x, 0)}</td></tr>'
        for x in SEVERITIES
    )
    names = {r.code: r for r in ALL_RULES}
    codes = "".join(
        f'<tr><td><a class="rule" href="#{_e(rule_anchor(code))}">{_e(code)}</a></td>'
        f"<td>{_e(names[code].name if code in names else '')}</td>"
        f'<td>{_e(names[code].category if code in names else "")}</td><td class="num">{n}</td></tr>'
        for code, n in sorted(s.by_code.items())
    )
    suppressed = f" · {s.suppressed} suppressed" if s.suppressed else ""
    if hidden := ", ".join(f"{n} {x}" for x, n in s.not_shown.items() if n):
        suppressed += f" · not shown below {_e(s.min_severity)}: {hidden}"
    return (
        f'<div class="panel"><p><b>{s.findings}</b> finding(s) in {s.units} unit(s) of {s.files} file(s)'
        f"{suppressed}.</p><table><thead><tr><th>severity</th><th>findings</th></tr></thead><tbody>{sev}"
        f"</tbody></table><h3>By rule</h3><table><thead><tr><th>rule</th><th>name</th><th>category</th>"
        f"<th>findings</th></tr></thead><tbody>{codes}</tbody></table></div>"
    )


def _charts(findings: Iterable[Finding]) -> str:
    per_cat: dict[str, Counter[str]] = defaultdict(Counter)
    per_file: dict[str, Counter[str]] = defaultdict(Counter)
    for f in findings:
        per_cat[f.category][f.severity] += 1
        per_file[f.file][f.severity] += 1
    cats = sorted(per_cat.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    files = sorted(per_file.items(), key=lambda kv: kv[0])
    return (
        f'<div class="panel charts">{stacked_bars("Findings per category", cats)}'
        f"{stacked_bars('Findings per file', files)}</div>"
    )


def _filters(findings: tuple[Finding, ...], controls: str = "") -> str:
    sev = Counter(f.severity for f in findings)
    buttons = '<button type="button" data-sev="all" aria-pressed="true">all</button>' + "".join(
        f'<button type="button" data-sev="{x}" aria-pressed="false">{x} ({sev.get(x, 0)})</button>'
        for x in SEVERITIES
    )
    categories = sorted({f.category for f in findings})
    cats = "".join(f'<option value="{_e(c)}">{_e(c)}</option>' for c in categories)
    codes = "".join(
        f'<option value="{_e(c)}">{_e(c)} {_e(n)}</option>'
        for c, n in sorted({(f.code, f.name) for f in findings})
    )
    return (
        f'<div class="panel filters" role="toolbar"><span>Severity:</span> {buttons}'
        f'<label>Category <select id="f-cat"><option value="all">all</option>{cats}</select></label>'
        f'<label>Rule <select id="f-code"><option value="all">all</option>{codes}</select></label>'
        f'<label><input type="checkbox" id="f-clean" checked> units without findings</label>'
        f'<span><b id="shown">{len(findings)}</b> shown</span>{controls}</div>'
    )


def _dismiss_controls() -> str:
    """In the (sticky) toolbar: how many are dismissed, 'save baseline', 'show dismissed'."""
    return (
        '<span class="dismissals"><b id="dismissed">0</b> dismissed · '
        '<a id="baseline-link" download="mustalah-baseline.json" href="#">save baseline</a></span>'
        '<label><input type="checkbox" id="f-dismissed" checked> show dismissed</label>'
    )


def _dismiss_panel(result: LintResult) -> str:
    """Where the dismissed findings become a baseline file (``--write-baseline`` format) to save;
    the run's own baseline is in it from the start, so the saved file keeps what it accepted."""
    accepted = json.dumps(sorted(result.accepted))
    carried = ""
    if result.accepted:
        carried = f" The {len(result.accepted)} fingerprint(s) this run's baseline accepted are in it too."
    return (
        f'<details class="panel dismissals" id="dismissals" data-accepted="{_e(accepted)}">'
        "<summary>Baseline from this page</summary>"
        "<p class=\"meta\">Dismiss accepts one finding. Save the baseline, then lint with "
        "<code>--baseline mustalah-baseline.json</code>: the dismissed findings stay quiet until "
        f"their unit's text changes.{carried}</p>"
        '<textarea id="baseline-json" readonly rows="4" aria-label="baseline file"></textarea></details>'
    )


def _rules_section() -> str:
    parts = ['<div class="panel rules"><h2 id="rules">Rules</h2>']
    for rule in ALL_RULES:
        doc = rule_doc_sections(rule)
        dl = []
        for name in DOC_SECTIONS:
            body = doc.get(name, "")
            if name == "Example":
                lines = "".join(
                    f'<div class="ex" dir="auto">{_e(ln.strip())}</div>'
                    for ln in body.splitlines()
                    if ln.strip()
                )
                dl.append(f"<dt>{name}</dt><dd>{lines}</dd>")
            else:
                flat = " ".join(x.strip() for x in body.splitlines())
                dl.append(f'<dt>{name}</dt><dd dir="auto">{_e(flat)}</dd>')
        parts.append(
            f'<section id="{_e(rule_anchor(rule.code))}"><h3>{_e(rule.code)} {_e(rule.name)}</h3>'
            f'<p class="meta"><code>{_e(rule.category)}</code> · {_e(rule.severity)} · '
            f"scope {_e(rule.scope)}</p>"
            f'<p dir="auto">{_e(doc.get("summary", ""))}</p><dl>{"".join(dl)}</dl></section>'
        )
    parts.append("</div>")
    return "".join(parts)


def render_html(result: LintResult, out: IO[str]) -> None:
    """Write the whole report to ``out``."""
    ids = {i: f"f{i}" for i in range(len(result.findings))}
    titles = {ids[i]: finding_title(f) for i, f in enumerate(result.findings)}
    known = {(s.file, s.unit) for s in result.segments}
    by_segment: dict[tuple[str, str], list[tuple[str, Finding]]] = defaultdict(list)
    loose: dict[str, list[tuple[str, Finding]]] = defaultdict(list)
    for i, f in enumerate(result.findings):
        key = _segment_key(f, known)
        if key is None:
            loose[f.file].append((ids[i], f))
        else:
            by_segment[key].append((ids[i], f))
    files: dict[str, list[Segment]] = {}
    for seg in result.segments:
        files.setdefault(seg.file, []).append(seg)
    show_clean = len(result.segments) <= MAX_CLEAN_UNITS
    sections = [_file_section(name, segs, by_segment, [], titles, show_clean) for name, segs in files.items()]
    sections += [_file_section(name, [], by_segment, fs, titles, show_clean) for name, fs in loose.items()]
    body = "".join(sections) or '<p class="empty">No findings.</p>'
    out.write(
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>mustalah lint report</title><style>{CSS}</style></head><body>"
        f"<header><h1>mustalah lint report</h1><p>mustalah {_e(__version__)} · "
        f"{result.summary.findings} finding(s) · "
        '<a style="color:#fff" href="#rules">rules</a></p></header>'
        f'<main><div class="overview">{_summary(result)}{_charts(result.findings)}</div>'
        f"{_filters(result.findings, _dismiss_controls())}{_dismiss_panel(result)}{body}"
        f"{_rules_section()}</main>"
        f"<script>{JS}</script></body></html>\n"
    )
