"""``mustalah diff`` output: text (per unit, then totals), JSON (version 1) and one HTML page."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from typing import IO

from ..reports.html_assets import CSP
from ..reports.html_text import direction
from .compare import DiffResult, Edit, UnitPair


def _verdict(e: Edit) -> str:
    return f"caught by {', '.join(e.caught_by)}" if e.caught_by else "uncaught"


def render_text(result: DiffResult, out: IO[str]) -> None:
    for pair in result.pairs:
        out.write(f"unit {pair.original.unit}\n")
        for e in pair.edits:
            out.write(f"  {e.side:<6} {e.kind:<11} {e.old!r} → {e.new!r}  [{_verdict(e)}]\n")
    s = result.summary()
    out.write(
        f"{s['edits']} edit(s) in {s['edited_units']} of {s['units']} unit(s): "
        f"{s['caught']} caught, {s['uncaught']} uncaught\n"
    )
    by_kind = s["by_kind"]
    assert isinstance(by_kind, dict)
    for kind, n in by_kind.items():
        out.write(f"  {kind:<11} {n['edits']:>4} edit(s), {n['caught']} caught, {n['uncaught']} uncaught\n")
    by_rule = s["by_rule"]
    assert isinstance(by_rule, dict)
    if by_rule:
        out.write("  caught by: " + ", ".join(f"{code} {n}" for code, n in by_rule.items()) + "\n")
    if result.untouched:
        out.write(f"{len(result.untouched)} finding(s) on the original left as they were\n")
    for c in result.candidates:
        out.write(
            f"candidate ({c.lang}): {c.old!r} → {c.new!r}, {c.count} times (units {', '.join(c.units)})\n"
        )


def render_json(result: DiffResult, out: IO[str]) -> None:
    json.dump(result.to_json(), out, ensure_ascii=False, indent=1)
    out.write("\n")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _marked(text: str, edits: list[Edit]) -> str:
    """The original text with each edit shown: <del>old</del><ins>new</ins>."""
    parts, at = [], 0
    for e in sorted(edits, key=lambda x: (x.start, x.end)):
        parts.append(_e(text[at : e.start]))
        cls = "caught" if e.caught_by else "uncaught"
        title = _e(f"{e.kind}: {_verdict(e)}")
        parts.append(
            f'<span class="edit {cls}" title="{title}"><del>{_e(e.old)}</del><ins>{_e(e.new)}</ins></span>'
        )
        at = e.end
    parts.append(_e(text[at:]))
    return "".join(parts)


def _unit(pair: UnitPair) -> str:
    cells = []
    for side, text, lang in (
        ("source", pair.original.source, pair.original.source_lang),
        ("target", pair.original.target, pair.original.target_lang),
    ):
        edits = [e for e in pair.edits if e.side == side]
        body = _marked(text or "", edits) if edits else _e(text or "")
        cells.append(f'<td lang="{_e(lang or "und")}" dir="{direction(lang)}">{body}</td>')
    rows = "".join(
        f'<li class="{"caught" if e.caught_by else "uncaught"}"><b>{_e(e.kind)}</b> '
        f'<bdi class="old">{_e(e.old)}</bdi> → <bdi class="new">{_e(e.new)}</bdi> · {_e(_verdict(e))}</li>'
        for e in pair.edits
    )
    return (
        f'<tr data-unit="{_e(pair.original.unit)}"><td class="uid">{_e(pair.original.unit)}</td>'
        f'{"".join(cells)}</tr>'
        f'<tr class="edits"><td></td><td colspan="2"><ul>{rows}</ul></td></tr>'
    )


_CSS = """
body { font: 15px/1.55 system-ui, "DejaVu Sans", sans-serif; margin: 0 24px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { border-bottom: 1px solid #ddd; padding: 6px; vertical-align: top; text-align: start; }
td.uid { width: 60px; color: #666; }
[lang|=ar] { font-size: 1.1em; line-height: 1.9; }
del { background: #fde0e0; } ins { background: #dcf5dc; text-decoration: none; }
.edit.uncaught { outline: 2px solid #b26a00; }
li.uncaught b { color: #b26a00; } li.caught b { color: #2e7d32; }
bdi { unicode-bidi: isolate; } .summary td { width: auto; }
"""


def render_html(result: DiffResult, out: IO[str]) -> None:
    s = result.summary()
    by_kind = s["by_kind"]
    assert isinstance(by_kind, dict)
    kinds = "".join(
        f"<tr><td>{_e(k)}</td><td>{v['edits']}</td><td>{v['caught']}</td><td>{v['uncaught']}</td></tr>"
        for k, v in by_kind.items()
    )
    cands = "".join(
        f"<tr><td><bdi>{_e(c.old)}</bdi></td><td><bdi>{_e(c.new)}</bdi></td><td>{c.count}</td></tr>"
        for c in result.candidates
    )
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>mustalah diff</title><style>{_CSS}</style></head><body>"
        f"<h1>mustalah diff</h1><p><bdi>{_e(result.original)}</bdi> → <bdi>{_e(result.revised)}</bdi></p>"
        f'<p id="totals"><b>{s["edits"]}</b> edit(s) in {s["edited_units"]} of {s["units"]} unit(s): '
        f"<b>{s['caught']}</b> caught, <b>{s['uncaught']}</b> uncaught.</p>"
        '<table class="summary"><thead><tr><th>kind</th><th>edits</th><th>caught</th><th>uncaught</th></tr>'
        f"</thead><tbody>{kinds}</tbody></table>"
        + (
            '<h2>Termbase candidates</h2><table class="summary"><thead><tr><th>old</th><th>new</th>'
            f"<th>times</th></tr></thead><tbody>{cands}</tbody></table>"
            if cands
            else ""
        )
        + '<h2>Edited units</h2><table class="units"><thead><tr><th>unit</th><th>source</th><th>target</th>'
        f"</tr></thead><tbody>{''.join(_unit(p) for p in result.pairs)}</tbody></table></body></html>\n"
    )


RENDERERS: dict[str, Callable[[DiffResult, IO[str]], None]] = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
}
