"""`mustalah termbase`: stats, check, export and import of the UN termbase."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from ..fileio import check_not_input
from ..termbase.loader import default_termbase_path, load_termbase, read_termbase
from ..termbase.model import Concept
from ..termbase.problems import CODES
from ..termbase.stats import termbase_stats
from ..termbase.validate import CheckReport, check_path, duplicate_ids
from ..termbase.yaml_write import write_yaml
from .termbase_export import EXPORTERS

_TERMBASE_HELP = (
    "termbase to use: a folder of YAML files, a .yaml, .tbx (2019 or 2008), .csv or .tsv file "
    "(default: the UN termbase shipped with mustalah)"
)

_FORMAT_HELP = "output format (default: text)"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "termbase",
        help="inspect, validate, export and import the termbase",
        description="Work with the terminology base: counts, validation, TBX/CSV/YAML exchange.",
    )
    parser.set_defaults(func=lambda args: _usage(parser))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))

    stats = actions.add_parser(
        "stats",
        help="count concepts and terms",
        description="Count concepts and terms (per language, domain, status and type).",
        epilog='JSON form: {"concepts": N, "terms": {"ar": N, "en": N}, "by_domain": {...}, '
        '"by_status": {...}, "by_type": {...}}',
    )
    stats.add_argument("--termbase", metavar="PATH", help=_TERMBASE_HELP)
    stats.add_argument("--format", choices=("text", "json"), default="text", help=_FORMAT_HELP)
    stats.set_defaults(func=run_stats)

    codes = ", ".join(f"{code} {name}" for code, (_, name) in CODES.items() if code < "TB100")
    check = actions.add_parser(
        "check",
        help="validate the termbase (exit 1 on errors)",
        description="Validate the termbase: YAML structure, fields and values, duplicate ids, forms "
        "shared by two concepts, missing preferred terms, acronyms without full forms, dangling "
        "related/confusable ids, conflicting statuses, missing notes (a warning).",
        epilog=f"Problem codes: {codes}. Exit status: 0 clean (warnings allowed), 1 errors found, "
        "2 unreadable input.",
    )
    check.add_argument(
        "--termbase",
        metavar="PATH",
        action="append",
        help=_TERMBASE_HELP + "; repeat to check a set, where later ones override earlier ones per "
        "concept id (TB016: one form under two concepts of different termbases; @shipped: the shipped one)",
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help=_FORMAT_HELP)
    check.set_defaults(func=run_check)

    export = actions.add_parser(
        "export",
        help="write the termbase as TBX, CSV/TSV, YAML or a browsable HTML page",
        description="Write the termbase in another format. tbx2019 = TBX-Basic (ISO 30042:2019, DCA "
        "style); tbx2008 = martif (TBX 2008, read by OmegaT); csv/tsv = one row per term; yaml = one "
        "file (-o x.yaml) or one file per domain (-o FOLDER); html = one self-contained page "
        "translators can search.",
    )
    export.add_argument(
        "--to",
        required=True,
        choices=sorted(EXPORTERS),
        metavar="FORMAT",
        help=f"target format: {', '.join(sorted(EXPORTERS))}",
    )
    export.add_argument("--termbase", metavar="PATH", help=_TERMBASE_HELP)
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="output file (folder for yaml)")
    export.set_defaults(func=run_export)

    imp = actions.add_parser(
        "import",
        help="convert a TBX or CSV/TSV glossary into termbase YAML",
        description="Convert a TBX (2019 or 2008), CSV or TSV glossary into termbase YAML. Data the "
        "termbase model cannot hold is reported as located warnings; errors stop the import.",
    )
    imp.add_argument("input", metavar="INPUT", help="a .tbx, .csv, .tsv or .yaml file")
    imp.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FOLDER_OR_FILE",
        help="a .yaml file, or a folder to get one <domain>.yaml per domain",
    )
    imp.set_defaults(func=run_import)

    from .termbase_candidates import register as register_candidates

    register_candidates(actions)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _source(args: argparse.Namespace) -> Path:
    return Path(args.termbase) if args.termbase else default_termbase_path()


def run_stats(args: argparse.Namespace) -> int:
    stats = termbase_stats(load_termbase(_source(args)))
    if args.format == "json":
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    terms = stats["terms"]
    assert isinstance(terms, dict)
    print(f"concepts: {stats['concepts']}")
    print("terms:    " + ", ".join(f"{lang} {n}" for lang, n in terms.items()))
    for key in ("by_domain", "by_status", "by_type"):
        values = stats[key]
        assert isinstance(values, dict)
        print(f"{key[3:] + ':':9} " + ", ".join(f"{k} {n}" for k, n in values.items()))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from ..termbase.layers import normalize

    spec = normalize(tuple(args.termbase or ()))
    report = _check_set(spec) if isinstance(spec, tuple) else check_path(spec)
    if args.format == "json":
        envelope = {
            "version": 1,
            "termbase": report.source,
            "concepts": len(report.termbase),
            "errors": report.errors,
            "warnings": report.warnings,
            "problems": [p.to_json() for p in report.problems],
        }
        print(json.dumps(envelope, ensure_ascii=False, indent=2))
    else:
        for problem in report.problems:
            print(problem.format())
        state = "clean" if not report.problems else f"{report.errors} error(s), {report.warnings} warning(s)"
        print(f"{report.source}: {len(report.termbase)} concepts, {state}")
    return 1 if report.errors else 0


def _check_set(spec: tuple[str, ...]) -> CheckReport:
    """``termbase check`` over a termbase set (``termbase.layers.check_set``)."""
    from ..termbase.layers import check_set
    from ..termbase.problems import sort_key

    merged, problems, replaced = check_set(spec)
    source = " + ".join(spec) + (f" ({replaced} concept(s) overridden)" if replaced else "")
    return CheckReport(source, merged, tuple(sorted(problems, key=sort_key)))


def run_export(args: argparse.Namespace) -> int:
    source = _source(args)
    output = Path(args.output)
    check_not_input(output, [source])
    termbase = load_termbase(source)
    summary = EXPORTERS[args.to](termbase, output)
    print(f"wrote {output} ({args.to}): {summary}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    source, output = Path(args.input), Path(args.output)
    check_not_input(output, [source])
    from ..termbase.candidates_io import is_candidate_sheet

    if is_candidate_sheet(source):  # a reviewed 'termbase candidates' sheet
        from .termbase_candidates import import_candidates

        return import_candidates(source, output)
    result = read_termbase(source)
    duplicates = list(duplicate_ids(result.termbase))  # one id twice: which concept a match means is lost
    for problem in (*result.problems, *duplicates):
        print(problem.format(), file=sys.stderr)
    if result.errors or duplicates:
        print(f"{source}: {len(result.errors) + len(duplicates)} error(s); nothing written", file=sys.stderr)
        return 1
    files = write_yaml(result.termbase, output)
    terms = sum(len(c.terms) for c in result.termbase)
    print(
        f"wrote {', '.join(map(str, files))}: {len(result.termbase)} concepts, {terms} terms"
        + (f", {len(result.problems)} warning(s)" if result.problems else ""),
        file=sys.stderr,
    )
    print(f"languages: {_languages_found(result.termbase)}", file=sys.stderr)
    return 0


def _languages_found(termbase: Iterable[Concept]) -> str:
    """``en-US (matched as en): 2 terms, zh-Hant (matched as zh): 2 terms`` — what the import found.

    Why: a region-coded termbase (Microsoft, MultiTerm) used to import silently and then match
    nothing; saying which tags were found, and under which language they match, makes that visible.
    """
    counts: dict[str, int] = {}
    primary: dict[str, str] = {}
    for concept in termbase:
        for term in concept.terms:
            counts[term.full_lang] = counts.get(term.full_lang, 0) + 1
            primary[term.full_lang] = term.lang
    parts = []
    for tag, n in counts.items():
        matched = "" if primary[tag] == tag else f" (matched as {primary[tag]})"
        parts.append(f"{tag}{matched}: {n} term{'s' if n != 1 else ''}")
    return ", ".join(parts) or "none"

