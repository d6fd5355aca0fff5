"""Scoring a challenge set per *item* context: the manifest says which context each segment tests.

When the ``--source`` of ``mustalah score`` is the ``source.<lang>`` of a folder written by
``mustalah challenge`` (its ``manifest.json`` names that file and has the same segment count), each
system gets, per challenge context (``bare``, ``proclitic-wa``, ``proclitic-bi``, ``proclitic-li``,
``article``, ``feminine``, ``acronym-follows``), the number of items whose concept was rendered with
an approved form (hits of the item's concept in its segment ≥ its occurrences) and the accuracy.
This needs no reference: the manifest knows the context, the hypothesis decides the hit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .challenge import CONTEXTS, GENERATOR
from .results import SystemReport


def load_items(source: Path, segments: int) -> list[dict[str, Any]] | None:
    """The manifest items of the challenge set whose source file is ``source`` (None: not one)."""
    manifest = source.parent / "manifest.json"
    if not manifest.is_file():
        return None
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(data, dict) or data.get("generator") != GENERATOR:
        return None
    if (data.get("files") or {}).get("source") != source.name or data.get("segments") != segments:
        return None
    items = data.get("items")
    return items if isinstance(items, list) else None


def item_rows(system: SystemReport, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per challenge context: items, items rendered (all occurrences of the item's concept hit), accuracy."""
    cells = {(seg, concept): (occ, hits) for seg, concept, occ, hits in system.concept_segments}
    counts: dict[str, list[int]] = {}
    for item in items:
        occ, hits = cells.get((int(item["segment"]), str(item["concept"])), (0, 0))
        cell = counts.setdefault(str(item["context"]), [0, 0])
        cell[0] += 1
        cell[1] += 1 if occ and hits >= occ else 0
    order = [c for c in CONTEXTS if c in counts] + sorted(set(counts) - set(CONTEXTS))
    return [
        {
            "context": name,
            "items": counts[name][0],
            "rendered": counts[name][1],
            "accuracy": round(100.0 * counts[name][1] / counts[name][0], 4) if counts[name][0] else None,
        }
        for name in order
    ]
