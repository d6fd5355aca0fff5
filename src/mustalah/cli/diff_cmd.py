"""``mustalah diff ORIGINAL REVISED``: the reviser's edits, caught or not by the lint."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


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
    p.add_argument("--termbase", metavar="PATH", action="append", help="as for lint (repeatable)")
    p.add_argument("--source-lang", metavar="LANG")
    p.add_argument("--target-lang", metavar="LANG")
    p.add_argument("--config", metavar="FILE", help="read [tool.mustalah] from this pyproject.toml")
    p.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..fileio import atomic_text, check_not_input
    from ..lint.checkfile import project_checks
    from ..lint.config import ProjectConfig, load_config, termbase_setting
    from ..lint.engine import LintSettings
    from ..revision.compare import diff
    from ..revision.render import RENDERERS

    config = ProjectConfig() if args.no_config else load_config(args.config, Path(args.original).parent)
    settings = LintSettings(
        termbase=termbase_setting(args.termbase, config),
        source_lang=args.source_lang or config.get("source-lang"),
        target_lang=args.target_lang or config.get("target-lang"),
        project_checks=project_checks(config),
    )
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
