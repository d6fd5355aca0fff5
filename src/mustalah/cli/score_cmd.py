"""``mustalah score``: BLEU, chrF, chrF++, TER and term accuracy, with signatures and paired tests.

Conventions follow sacreBLEU: the first hypothesis is the baseline of the paired tests,
every number is printed with its signature, systems are named by file name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError
from ..fileio import atomic_text, check_not_input
from ..parallel import bounded_jobs, make_executor, stop_now
from ..scoring.api import DEFAULT_SHARD_SIZE, ScoreOptions, score_files
from ..scoring.inputs import CorpusFiles
from ..scoring.metrics import TERMS, parse_metric_list
from ..scoring.report import to_json, to_text

DEFAULT_METRICS = "bleu,chrf,chrf++,ter,terms"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "score",
        help="score MT output: BLEU, chrF, chrF++, TER (sacreBLEU) and term accuracy",
        description=(
            "Score one or more hypothesis files against references with sacreBLEU's BLEU, chrF, "
            "chrF++ and TER, and term accuracy against the termbase (or WMT21 <term> annotations). "
            "The first hypothesis is the baseline of paired tests. Exit 0: scored; 2: usage or input error."
        ),
    )
    p.add_argument(
        "hypotheses", nargs="+", metavar="HYP", help="hypothesis files (one segment per line, or WMT SGML)"
    )
    p.add_argument(
        "--source", metavar="SRC", required=True, help="the source text (needed for term accuracy)"
    )
    p.add_argument(
        "--reference",
        "-r",
        action="append",
        required=True,
        metavar="REF",
        help="a reference file; repeat for several references",
    )
    p.add_argument(
        "--termbase", metavar="PATH", help="a TBX, CSV/TSV or YAML termbase (default: the shipped one)"
    )
    p.add_argument("--source-lang", default="en", metavar="LANG", help="source language (default en)")
    p.add_argument("--target-lang", default="ar", metavar="LANG", help="target language (default ar)")
    p.add_argument(
        "--metrics",
        "-m",
        default=DEFAULT_METRICS,
        metavar="LIST",
        help=f"comma-separated: bleu, chrf, chrf++, ter, terms (default {DEFAULT_METRICS})",
    )
    p.add_argument(
        "--paired",
        choices=("bootstrap", "ar"),
        help="paired significance test of every system against the first",
    )
    p.add_argument(
        "--paired-n",
        type=int,
        default=None,
        metavar="N",
        help="bootstrap resamples / AR trials (default: sacreBLEU's 1000 / 10000)",
    )
    p.add_argument("--format", "-f", choices=("text", "json"), default="text", help="output format")
    p.add_argument(
        "--output", "-o", metavar="FILE", help="write the report here (atomically) instead of stdout"
    )
    p.add_argument("--segments", metavar="FILE", help="also write per-segment scores (JSON lines) to FILE")
    p.add_argument(
        "--normalize-ar",
        action="store_true",
        help="fold أ إ آ→ا, ى→ي, ة→ه and delete tatweel and diacritics in hypotheses and "
        "references before BLEU/chrF/TER (named in the signature; never for terms)",
    )
    p.add_argument(
        "--tokenize",
        "-tok",
        metavar="TOK",
        help="BLEU tokenizer (default: intl for Arabic targets, else sacreBLEU's default)",
    )
    p.add_argument(
        "--compat",
        choices=("wmt21",),
        help="term accuracy exactly as the official WMT21 script counts it (SGML input)",
    )
    p.add_argument(
        "--shard-size",
        type=int,
        default=DEFAULT_SHARD_SIZE,
        metavar="N",
        help=f"segments per shard (default {DEFAULT_SHARD_SIZE})",
    )
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: 1)")
    p.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address or scheduler file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    metrics = parse_metric_list(args.metrics)
    if args.shard_size < 1:
        raise UsageError("--shard-size must be at least 1")
    if args.paired_n is not None and args.paired_n < 1:
        raise UsageError(
            f"--paired-n {args.paired_n}: the number of resamples must be at least 1",
            hint="leave --paired-n out for sacreBLEU's defaults (1000 bootstrap resamples, 10000 AR trials)",
        )
    if args.normalize_ar and args.target_lang.split("-")[0] != "ar":
        raise UsageError(
            "--normalize-ar applies to Arabic targets only",
            hint=f"the target language is {args.target_lang}; drop --normalize-ar",
        )
    files = CorpusFiles(
        references=tuple(Path(p) for p in args.reference),
        hypotheses=tuple(Path(p) for p in args.hypotheses),
        source=Path(args.source),
    )
    inputs = [str(p) for p in files.all()]
    for out in (args.output, args.segments):
        if out:
            check_not_input(out, inputs)
    options = ScoreOptions(
        metrics=metrics,
        source_lang=args.source_lang,
        target_lang=args.target_lang,
        tokenize=args.tokenize,
        normalize_ar=args.normalize_ar,
        paired=args.paired,
        paired_samples=args.paired_n or 0,
        compat=args.compat,
        shard_size=args.shard_size,
    )
    termbase = None
    if TERMS in metrics and args.compat is None and not files.source_is_sgml:
        from ..termbase.loader import load_termbase

        termbase = load_termbase(args.termbase)
    executor = make_executor(None if args.jobs is None else bounded_jobs(args.jobs), args.scheduler)
    try:
        if args.segments:
            with atomic_text(args.segments) as seg_handle:
                report = score_files(files, options, termbase, executor=executor, segments=seg_handle)
        else:
            report = score_files(files, options, termbase, executor=executor)
    except BaseException:
        stop_now(executor)
        raise
    finally:
        executor.shutdown(wait=True)
    text = to_json(report) if args.format == "json" else to_text(report)
    if args.output:
        with atomic_text(args.output) as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0
