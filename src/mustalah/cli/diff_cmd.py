"""``mustalah diff ORIGINAL REVISED``: the reviser's edits, caught or not by the lint."""

from __future__ import annotations

import argparse
import sys

from .context import add_context_arguments, context_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "diff",
        help="what a reviser changed, and which edits the lint's findings foresaw",
        description=(
            "Compare the translator's file with the reviser's version (any bilingual format, units "
            "paired by id): word-level edits (Arabic-aware: diacritics, clitics, orthography shown as "
            "such), each attributed to the findings of the original it resolves ('caught by TM002') or "
            "'uncaught', totals per kind, and termbase candidates (a word replaced the same way twice "
            "or more). Exit 0; 2 on unreadable input."
        ),
    )
    p.add_argument("original", metavar="ORIGINAL", help="the translator's file or release folder")
    p.add_argument("revised", metavar="REVISED", help="the reviser's version")
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.add_argument("--output", "-o", metavar="FILE", help="write here (atomically) instead of stdout")
    add_context_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..fileio import atomic_text, check_not_input
    from ..revision.compare import diff
    from ..revision.render import RENDERERS

    settings = context_settings(args, args.original, checks=True)
    if args.output:
        check_not_input(args.output, [args.original, args.revised])
    result = diff(args.original, args.revised, settings)
    render = RENDERERS[args.format]
    if args.output:
        with atomic_text(args.output) as out:
            render(result, out)
    else:
        render(result, sys.stdout)
    return 0
