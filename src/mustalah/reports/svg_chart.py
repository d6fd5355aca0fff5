"""Small inline-SVG bar charts (no library, no network): findings per category, per file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

SEVERITY_COLOURS = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}


def stacked_bars(
    title: str,
    rows: Sequence[tuple[str, Mapping[str, int]]],
    *,
    label_width: int = 190,
    bar_width: int = 300,
    row_height: int = 22,
) -> str:
    """Horizontal bars, one per ``(label, {severity: count})`` row, stacked by severity."""
    if not rows:
        return f'<p class="empty">{escape(title)}: nothing to chart.</p>'
    biggest = max(sum(counts.values()) for _, counts in rows) or 1
    height = row_height * len(rows) + 30
    width = label_width + bar_width + 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="14" font-weight="600">{escape(title)}</text>',
    ]
    for i, (label, counts) in enumerate(rows):
        y = 24 + i * row_height
        short = label if len(label) <= 30 else "…" + label[-29:]
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" direction="ltr">'
            f"<title>{escape(label)}</title>{escape(short)}</text>"
        )
        x = float(label_width)
        for severity in ("error", "warning", "info"):
            n = counts.get(severity, 0)
            if not n:
                continue
            w = bar_width * n / biggest
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_height - 6}" '
                f'fill="{SEVERITY_COLOURS[severity]}"><title>{escape(label)}: {n} {severity}</title></rect>'
            )
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 14}">{sum(counts.values())}</text>')
    parts.append("</svg>")
    return "".join(parts)
