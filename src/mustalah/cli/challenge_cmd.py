"""``mustalah challenge``: a terminology challenge set (English sources, expected Arabic, manifest)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import OutputError, UsageError
from ..fileio import atomic_text, check_not_input
from ..scoring.challenge import CONTEXTS, generate, manifest


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "challenge",
        help="write a terminology challenge set from the termbase (every name in every Arabic context)",
        description=(
            "Write a deterministic terminology challenge set generated from the termbase: for each "
            "concept, English sentences that put its official name in the contexts Arabic inflects "
            f"({', '.join(CONTEXTS)}), the expected Arabic sentences, and a manifest. Translate "
            "source.en with the system under test, then run: mustalah score --source DIR/source.en "
            "-r DIR/expected.ar HYP (term accuracy per context). Exit 0: written; 2: usage or input error."
        ),
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="folder to write (created if missing)"
    )
    p.add_argument(
        "--termbase", metavar="PATH", help="a TBX, CSV/TSV or YAML termbase (default: the shipped one)"
    )
    p.add_argument(
        "--per-concept",
        type=int,
        metavar="N",
        help="at most N contexts per concept (default: every applicable one)",
    )
    p.add_argument("--source-lang", default="en", metavar="LANG", help="source language (default en)")
    p.add_argument("--target-lang", default="ar", metavar="LANG", help="target language (default ar)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.per_concept is not None and args.per_concept < 1:
        raise UsageError(f"--per-concept {args.per_concept}: must be at least 1")
    if args.target_lang.split("-")[0] != "ar":
        raise UsageError(
            "the challenge contexts are Arabic ones",
            hint=f"the target language is {args.target_lang}; use --target-lang ar",
        )
    from ..termbase.loader import load_termbase

    termbase = load_termbase(args.termbase)
    items, skipped = generate(termbase, args.per_concept, args.source_lang, args.target_lang)
    if not items:
        raise UsageError(
            "the termbase has no concept with approved full forms in both languages",
            hint=f"check the termbase's {args.source_lang} and {args.target_lang} terms",
        )
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise OutputError("exists and is not a folder", file=str(out), hint="pass a folder for -o")
    names = (f"source.{args.source_lang}", f"expected.{args.target_lang}", "manifest.json")
    for name in names:
        check_not_input(out / name, [args.termbase] if args.termbase else [])
    out.mkdir(parents=True, exist_ok=True)
    data = manifest(items, skipped, termbase, args.source_lang, args.target_lang, args.per_concept)
    with atomic_text(out / f"source.{args.source_lang}") as handle:
        handle.write("".join(item.source + "\n" for item in items))
    with atomic_text(out / f"expected.{args.target_lang}") as handle:
        handle.write("".join(item.expected + "\n" for item in items))
    with atomic_text(out / "manifest.json") as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    counts = ", ".join(f"{c} {n}" for c, n in data["contexts"].items())
    print(
        f"wrote {out}: {len(items)} segments from {len(termbase)} concepts ({counts}); "
        f"{len(skipped)} candidate(s) skipped (the termbase form is no hit in its own sentence: "
        "see 'skipped' in manifest.json)",
        file=sys.stderr,
    )
    return 0
