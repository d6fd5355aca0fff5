"""``mustalah rules``: list the rules, or explain one."""

from __future__ import annotations

import argparse
import json
import sys

from ..checks.base import rule_doc_sections
from ..checks.registry import ALL_RULES, rules_by_code
from ..errors import UsageError
from ..fileio import atomic_text
from ..reports.rule_docs import rule_text, rules_markdown


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "rules",
        help="list the lint rules, or explain one (mustalah rules TM002)",
        description="List every lint rule, or show one rule's documentation.",
    )
    p.add_argument("code", nargs="?", help="a rule code or name, e.g. TM002 or term-deprecated")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rules = list(ALL_RULES)
    if args.code:
        rule = rules_by_code().get(args.code) or rules_by_code().get(args.code.upper())
        if rule is None:
            raise UsageError(f"no rule {args.code!r}", hint="'mustalah rules' lists them")
        rules = [rule]
    if args.format == "markdown":
        text = rules_markdown() if not args.code else rule_text(rules[0])
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
