"""``mustalah formats``: the input formats, as the format registry (``formats/registry.py``) has them."""

from __future__ import annotations

import argparse
import json

from ..formats.registry import FORMATS, FormatSpec

_SPLIT = {"lines": "line ranges", "units": "unit ranges", None: "whole"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "formats",
        help="list the input formats lint, export, diff and fix read",
        description=(
            "The input formats: a file is told by its content first (its XML root element, gzip "
            "or zip bytes), then by its file ending; a folder holding en.txt and ar.txt is a "
            "release. 'walked': linted when a folder is walked; 'split': how lint divides a "
            "large one among worker processes."
        ),
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)


def _endings(spec: FormatSpec) -> str:
    if spec.name == "release":
        return "(a folder)"
    return " ".join(spec.extensions) + ("" if spec.walked else " (given by name)")


def run(args: argparse.Namespace) -> int:
    specs = list(FORMATS.values())
    if args.format == "json":
        rows = [
            {
                "name": s.name,
                "description": s.description,
                "extensions": list(s.extensions),
                "xml_root": s.root,
                "walked": s.walked,
                "split": s.split,
            }
            for s in specs
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    table = [("format", "reads", "file endings", "split")]
    table += [(s.name, s.description, _endings(s), _SPLIT[s.split]) for s in specs]
    widths = [max(len(row[k]) for row in table) for k in range(3)]
    for row in table:
        print("  ".join(row[k].ljust(widths[k]) for k in range(3)) + "  " + row[3])
    return 0
