"""``mustalah rules``: list the rules, or explain one."""

from __future__ import annotations

import argparse
import json
import sys

from ..checks.base import Rule, rule_doc_sections
from ..checks.registry import ALL_RULES, rules_by_code
from ..errors import UsageError
from ..fileio import atomic_text
from ..reports.rule_docs import rule_markdown, rule_text, rules_markdown


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "rules",
        help="list the lint rules, or explain one (mustalah rules TM002)",
        description="List every lint rule, or show one rule's documentation.",
    )
    p.add_argument("code", nargs="?", help="a rule code or name, e.g. TM002 or term-deprecated")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")
    p.add_argument(
        "--checks",
        metavar="FILE",
        action="append",
        help="list these project checks too (default: the project's, as `mustalah lint` finds them)",
    )
    p.add_argument("--config", metavar="FILE", help="read [tool.mustalah] from this pyproject.toml")
    p.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
    p.set_defaults(func=run)


def _project_rules(args: argparse.Namespace) -> list[type[Rule]]:
    """The project's own checks as rules (``checks.project``), found as ``mustalah lint`` finds them."""
    from pathlib import Path

    from ..checks.project import rule_class
    from ..lint.checkfile import project_checks
    from ..lint.config import ProjectConfig, load_config

    config = ProjectConfig() if args.no_config else load_config(args.config, Path.cwd())
    return [rule_class(spec) for spec in project_checks(config, args.checks)]


def run(args: argparse.Namespace) -> int:
    own = _project_rules(args)
    rules = [*ALL_RULES, *own]
    if args.code:
        known = {**rules_by_code(), **{r.code: r for r in own}, **{r.name: r for r in own}}
        rule = known.get(args.code) or known.get(args.code.upper())
        if rule is None:
            raise UsageError(f"no rule {args.code!r}", hint="'mustalah rules' lists them")
        rules = [rule]
    if args.format == "markdown":
        if args.code:
            text = rule_text(rules[0])
        else:  # the project's own checks after the built-in rules
            text = rules_markdown() + "".join(f"\n{rule_markdown(r)}" for r in own)
    elif args.format == "json":
        text = (
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "category": r.category,
                        "severity": r.severity,
                        "scope": r.scope,
                        "doc": rule_doc_sections(r),
                    }
                    for r in rules
                ],
                ensure_ascii=False,
                indent=1,
            )
            + "\n"
        )
    elif args.code:
        text = rule_text(rules[0])
    else:
        text = "".join(
            f"{r.code}  {r.name:<26} {r.category:<18} {r.severity:<8} "
            f"{rule_doc_sections(r).get('summary', '').splitlines()[0]}\n"
            for r in rules
        )
    if args.output:
        with atomic_text(args.output) as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0
