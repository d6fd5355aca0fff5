"""``mustalah export``: write TMX, XLIFF or a CAT glossary from our inputs.

    mustalah export tmx INPUT… -o OUT.tmx [--source-lang en --target-lang ar]
    mustalah export xliff --version 1.2|2.1 INPUT… -o OUT.xlf [--termbase PATH | --no-hints]
    mustalah export glossary --to omegat|tmx [--termbase PATH] -o OUT

Inputs are release folders, aligned text (Moses pair, TSV), PO, TMX or XLIFF; the
format is detected per input.  The output is written atomically and never over an
input.

Languages: each file's own tags are kept (an en-US -> nl-NL SDLXLIFF stays en-US -> nl-NL);
--source-lang / --target-lang only fill in what a file does not say, and a warning says so
when a file disagrees with them.  A TMX holds confirmed pairs only: empty, fuzzy, untranslated
(XLIFF new / needs-translation / initial, Trados Draft) and unconfirmed source-copied targets
are left out unless --include-empty / --include-fuzzy / --include-untranslated /
--include-copy; the summary says how many.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..fileio import check_not_input

if TYPE_CHECKING:
    from ..formats.hints import HintFunc
    from ..model import Segment

# The readers and writers are imported inside the run functions: each kind needs only its own
# (``export tmx`` never loads the termbase, YAML or the XLIFF writer), and start-up time counts
# in a whole-process run.


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "export",
        help="write TMX, XLIFF or a CAT glossary",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    kinds = parser.add_subparsers(dest="export_kind", metavar="KIND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("-o", "--output", required=True, help="output file (written atomically)")
        p.add_argument(
            "--source-lang",
            default=None,
            help="source language tag for files that do not say theirs (default: en)",
        )
        p.add_argument(
            "--target-lang",
            default=None,
            help="target language tag for files that do not say theirs (default: ar; ar-SA for Trados)",
        )

    tmx = kinds.add_parser("tmx", help="TMX 1.4b from release folders, aligned text, PO, TMX or XLIFF")
    tmx.add_argument("inputs", nargs="+", metavar="INPUT")
    common(tmx)
    tmx.add_argument(
        "--segtype",
        default="paragraph",
        choices=("block", "paragraph", "sentence", "phrase"),
        help="TMX segtype (default: paragraph; OmegaT re-segments paragraph TUs)",
    )
    tmx.add_argument(
        "--tuid",
        default="auto",
        choices=("auto", "unit", "file-unit", "hash"),
        help="tuid rule: unit id (one input), file#unit (several inputs), or a content hash",
    )
    for reason, what in (
        ("empty", "units without a target or with an empty one"),
        ("fuzzy", "PO fuzzy entries"),
        ("untranslated", "XLIFF units in state new / needs-translation / initial, Trados Draft"),
        ("copy", "targets that copy the source with no confirmed state"),
    ):
        tmx.add_argument(f"--include-{reason}", action="store_true", help=f"also write {what}")
    tmx.set_defaults(func=_run_tmx)

    xliff = kinds.add_parser("xliff", help="bilingual XLIFF 1.2 or 2.1 with term hints per unit")
    xliff.add_argument("inputs", nargs="+", metavar="INPUT")
    common(xliff)
    xliff.add_argument("--version", dest="xliff_version", default="2.1", choices=("1.2", "2.1"))
    xliff.add_argument("--termbase", help="termbase for the term hints (default: the shipped UN termbase)")
    xliff.add_argument("--no-hints", action="store_true", help="write no term hints")
    xliff.set_defaults(func=_run_xliff)

    glossary = kinds.add_parser("glossary", help="CAT glossary from the termbase")
    glossary.add_argument("--to", required=True, choices=("omegat", "tmx"), dest="glossary_format")
    glossary.add_argument("--termbase", help="termbase file or folder (default: the shipped UN termbase)")
    common(glossary)
    glossary.set_defaults(func=_run_glossary)

    parser.set_defaults(func=lambda args: _missing_kind(parser))


def _missing_kind(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _segments(inputs: Sequence[str], source_lang: str | None, target_lang: str | None) -> Iterator[Segment]:
    from ..formats import read_segments

    for path in inputs:
        yield from read_segments(path, source_lang, target_lang)


def _counted(segments: Iterator[Segment]) -> Iterator[Segment]:
    """Fail early on an empty export instead of writing an empty file."""
    first = next(segments, None)
    if first is None:
        raise UsageError("the inputs hold no segments", hint="check the input files and languages")
    return itertools.chain([first], segments)


def _run_tmx(args: argparse.Namespace) -> int:
    from ..formats.tm_policy import REASONS, TmPolicy
    from ..formats.tmx_writer import TmxHeader, content_tuid, prefixed_tuid, unit_tuid, write_tmx

    check_not_input(args.output, args.inputs)
    rule = args.tuid if args.tuid != "auto" else ("unit" if len(args.inputs) == 1 else "file-unit")
    tuid = {"unit": unit_tuid, "file-unit": prefixed_tuid, "hash": content_tuid}[rule]
    include = frozenset(r for r in REASONS if getattr(args, f"include_{r}"))
    policy = TmPolicy(include, args.source_lang, args.target_lang)
    segments = policy.apply(_segments(args.inputs, args.source_lang, args.target_lang))
    first = next(segments, None)
    if first is None:
        raise UsageError(
            "the inputs hold no segments to put in a TM" + policy.summary(),
            hint="check the input files and languages",
        )
    header = TmxHeader(
        source_lang=first.source_lang,
        target_lang=first.target_lang or "ar",
        segtype=args.segtype,
        own_langs=True,
    )
    count = write_tmx(itertools.chain([first], segments), args.output, header, tuid)
    print(f"wrote {count} translation units to {args.output}{policy.summary()}", file=sys.stderr)
    return 0


def _load_termbase(path: str | None) -> object:
    from ..termbase import load_termbase

    return load_termbase(path)


def _run_xliff(args: argparse.Namespace) -> int:
    from ..formats.hints import no_hints, termbase_hints
    from ..formats.xliff_writer import write_xliff12, write_xliff21

    check_not_input(args.output, args.inputs + ([args.termbase] if args.termbase else []))
    from ..formats.tm_policy import TmPolicy

    hints: HintFunc = no_hints
    if not args.no_hints:
        hints = termbase_hints(_load_termbase(args.termbase), args.target_lang or "ar")  # type: ignore[arg-type]
    writer = write_xliff12 if args.xliff_version == "1.2" else write_xliff21
    policy = TmPolicy(source_lang=args.source_lang, target_lang=args.target_lang)
    segments = policy.apply(_segments(args.inputs, args.source_lang, args.target_lang), filter_units=False)
    count = writer(_counted(segments), args.output, source_lang=None, target_lang=None, hints=hints)
    print(f"wrote {count} segments to {args.output} (XLIFF {args.xliff_version})", file=sys.stderr)
    return 0


def _run_glossary(args: argparse.Namespace) -> int:
    from ..formats.glossary import write_omegat_glossary, write_term_tmx

    check_not_input(args.output, [args.termbase] if args.termbase else [])
    termbase = _load_termbase(args.termbase)
    writer = write_omegat_glossary if args.glossary_format == "omegat" else write_term_tmx
    count = writer(termbase, args.output, args.source_lang or "en", args.target_lang or "ar")  # type: ignore[arg-type]
    print(f"wrote {count} entries to {args.output}", file=sys.stderr)
    return 0
