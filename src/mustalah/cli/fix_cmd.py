"""``mustalah fix PATH… (-o OUT | --in-place) [--select CODES] [--diff]``: apply the safe suggestions."""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
from pathlib import Path

from .context import add_context_arguments, context_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "fix",
        help="apply the safe suggestions (deprecated/variant terms, punctuation, invisible controls)",
        description=(
            "Apply the suggestions of the rules whose fix is safe (TM002, TM003, TM005, PU001, PU002, "
            "IN001-IN005; `mustalah rules` says which) to TMX, XLIFF, PO, release folders or text. "
            "Only the fixed spans change; the result is read back before it is written (atomically). "
            "Exit 0 written (or nothing to fix), 2 on error."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or release folders")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="OUT", help="write the fixed copy here (one input only)")
    where.add_argument("--in-place", action="store_true", help="replace the inputs (atomically)")
    where.add_argument("--diff", action="store_true", help="show what would change; write nothing")
    p.add_argument(
        "--select", action="append", metavar="CODES", help="only these safe rules (comma-separated)"
    )
    add_context_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..fileio import atomic_binary, check_not_input
    from ..lint.fix import SAFE, plan

    codes = SAFE
    if args.select:
        wanted = {c.strip() for v in args.select for c in v.split(",") if c.strip()}
        unsafe = sorted(wanted - SAFE)
        if unsafe:
            raise UsageError(
                f"no safe fix for {', '.join(unsafe)}", hint="safe fixes: " + ", ".join(sorted(SAFE))
            )
        codes = frozenset(wanted)
    if args.output:
        if len(args.paths) != 1:
            raise UsageError("-o takes one input", hint="use --in-place for several")
        check_not_input(args.output, args.paths)
        if Path(args.output).exists() and Path(args.paths[0]).is_dir():
            raise UsageError(f"{args.output} exists", hint="-o for a release folder names a new folder")
    settings = context_settings(args, args.paths[0])
    planned = plan(args.paths, settings, codes)
    fixed = skipped = 0
    for item, fixes in planned:
        fixed += sum(len(fx.changes) for fx in fixes)
        skipped += sum(len(fx.skipped) for fx in fixes)
        if args.diff:
            for fx in (fx for fx in fixes if fx.changes):
                sys.stdout.writelines(
                    difflib.unified_diff(
                        fx.before.splitlines(keepends=True),
                        fx.after.splitlines(keepends=True),
                        fx.path,
                        fx.path + " (fixed)",
                    )
                )
            continue
        if args.output:
            out = Path(args.output)
            if Path(item).is_dir():  # a release folder: a new folder, the unfixed files copied
                tmp = out.with_name(f".{out.name}.part")
                shutil.copytree(item, tmp)
                for fx in fixes:
                    if fx.changes:
                        (tmp / Path(fx.path).name).write_bytes(fx.data())
                tmp.rename(out)
                continue
            changed = [fx for fx in fixes if fx.changes]
            with atomic_binary(out) as handle:
                handle.write(changed[0].data() if changed else Path(item).read_bytes())
            continue
        for fx in fixes:
            if fx.changes:
                with atomic_binary(fx.path) as handle:
                    handle.write(fx.data())
    verb = "would fix" if args.diff else "fixed"
    print(f"mustalah: {verb} {fixed} finding(s); {skipped} left (not placed in the file)", file=sys.stderr)
    return 0
