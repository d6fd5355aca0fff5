"""``mustalah eval``: precision and recall of the matcher on annotated gold spans."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..matching.cache import cached_index
from ..matching.evaluate import evaluate, report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "eval",
        help="matcher precision/recall per category on gold spans (tests/gold)",
        description="Evaluate the term matcher on annotated gold spans.",
    )
    p.add_argument("gold", nargs="?", default="tests/gold", help="folder of gold YAML files")
    p.add_argument("--termbase", metavar="PATH", help="termbase (default: the shipped one)")
    p.add_argument("--repo", default=".", help="folder the gold files' paths are relative to")
    p.add_argument("--errors", action="store_true", help="list every miss and unexpected match")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    termbase, index = cached_index(args.termbase)
    ev = evaluate(Path(args.gold), termbase, index, Path(args.repo))
    sys.stdout.write(report(ev))
    if args.errors or ev.errors:
        for e in ev.errors[: None if args.errors else 40]:
            sys.stdout.write(f"  {e}\n")
    total = ev.total()
    return 0 if total.fp == 0 and total.fn == 0 and ev.traps_hit == 0 else 1
