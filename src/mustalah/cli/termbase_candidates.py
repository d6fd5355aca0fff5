"""``mustalah termbase candidates``: term candidates for review, and the reviewed sheet back in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError
from ..fileio import check_not_input

_SUFFIXES = (".csv", ".tsv", ".tbx")


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = actions.add_parser(
        "candidates",
        help="find recurring names the termbase lacks, with their Arabic renderings, for review",
        description=(
            "Find term candidates in bilingual corpora (release folders, TMX, XLIFF, PO, Moses pairs…): "
            "English capitalised multi-word names and parenthesised acronyms the termbase lacks, with "
            "their frequency, the Arabic renderings aligned from the units (acronym anchors, else "
            "co-occurrence across units) and contexts, ranked for review. Write CSV/TSV (a review sheet: "
            "fill 'decision' with accept or reject, then 'mustalah termbase import SHEET -o new.yaml') "
            "or TBX. Exit 0: written; 2: usage or input error."
        ),
    )
    p.add_argument("corpus", nargs="+", metavar="CORPUS", help="bilingual files or release folders")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="candidates.csv, .tsv or .tbx")
    p.add_argument(
        "--termbase", metavar="PATH", help="the termbase whose terms are not candidates (default: shipped)"
    )
    p.add_argument(
        "--min-units", type=int, default=2, metavar="N", help="keep names seen in N units or more (2)"
    )
    p.add_argument("--max", type=int, metavar="N", help="write at most N candidates (the best ranked)")
    p.add_argument("--source-lang", default="en", metavar="LANG", help="source language of the corpora (en)")
    p.add_argument("--target-lang", default="ar", metavar="LANG", help="target language of the corpora (ar)")
    p.set_defaults(func=run_candidates)


def run_candidates(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() not in _SUFFIXES:
        raise UsageError(f"cannot tell the output format of {output}", hint="name it .csv, .tsv or .tbx")
    if args.min_units < 1:
        raise UsageError("--min-units must be at least 1")
    if args.max is not None and args.max < 1:
        raise UsageError("--max must be at least 1")
    check_not_input(output, args.corpus)
    from ..formats.registry import read_segments
    from ..matching import TermIndex
    from ..termbase.candidates import extract
    from ..termbase.candidates_io import candidate_rows, write_sheet, write_tbx
    from ..termbase.loader import load_termbase

    termbase = load_termbase(args.termbase)
    segments = (s for path in args.corpus for s in read_segments(path, args.source_lang, args.target_lang))
    index = TermIndex.build(termbase, languages=("en",))
    candidates = extract(segments, termbase, index, args.min_units, args.max)
    rows = candidate_rows(candidates, termbase)
    if output.suffix.lower() == ".tbx":
        write_tbx(rows, output)
    else:
        write_sheet(rows, output)
    anchored = sum(1 for c in candidates if c.anchor != "none")
    print(
        f"wrote {output}: {len(candidates)} candidate(s), {anchored} with an Arabic rendering",
        file=sys.stderr,
    )
    return 0


def import_candidates(source: Path, output: Path) -> int:
    """``termbase import`` of a reviewed candidates sheet: the accepted rows become termbase YAML."""
    from ..termbase.candidates_io import read_reviewed
    from ..termbase.yaml_write import write_yaml

    termbase, rejected, unreviewed = read_reviewed(source)
    summary = f"{rejected} rejected, {unreviewed} unreviewed"
    if not len(termbase):
        print(f"{source}: no accepted candidate ({summary}); nothing written", file=sys.stderr)
        print("  hint: write accept in the 'decision' column of the rows to import", file=sys.stderr)
        return 1
    files = write_yaml(termbase, output)
    terms = sum(len(c.terms) for c in termbase)
    print(
        f"wrote {', '.join(map(str, files))}: {len(termbase)} accepted concepts, {terms} terms ({summary})",
        file=sys.stderr,
    )
    return 0
