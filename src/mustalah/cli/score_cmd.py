"""``mustalah score``: BLEU, chrF, chrF++, TER and term accuracy, with signatures and paired tests.

Conventions follow sacreBLEU: the first hypothesis is the baseline of the paired tests,
every number is printed with its signature, systems are named by file name.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import UsageError
from ..fileio import atomic_text, check_not_input
from ..parallel import bounded_jobs, make_executor, stop_now
from ..scoring.api import DEFAULT_SHARD_SIZE, ScoreOptions, score_files
from ..scoring.gate import DEFAULT_ALPHA, DEFAULT_TRIALS, load_baseline, run_gate
from ..scoring.gate_report import gate_github, gate_json, gate_sarif, gate_text
from ..scoring.inputs import CorpusFiles
from ..scoring.metrics import TERMS, parse_metric_list
from ..scoring.report import to_json, to_json_data, to_text

DEFAULT_METRICS = "bleu,chrf,chrf++,ter,terms"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "score",
        help="score MT output: BLEU, chrF, chrF++, TER (sacreBLEU) and term accuracy",
        description=(
            "Score one or more hypothesis files against references with sacreBLEU's BLEU, chrF, "
            "chrF++ and TER, and term accuracy against the termbase (or WMT21 <term> annotations). "
            "The first hypothesis is the baseline of paired tests. Without --reference only term accuracy "
            "is scored (reference-free). Exit 0: scored (and the --gate passed); 1: the --gate found a "
            "significant regression; 2: usage or input error."
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
        default=[],
        metavar="REF",
        help="a reference file; repeat for several references. Without one, scoring is "
        "reference-free: term accuracy only (BLEU, chrF, chrF++ and TER need a reference)",
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
    p.add_argument(
        "--confidence",
        "-ci",
        action="store_true",
        help="95%% bootstrap confidence interval of every metric, term accuracy included "
        "(sacreBLEU's --confidence; seed from SACREBLEU_SEED, default 12345)",
    )
    p.add_argument(
        "--confidence-n",
        type=int,
        default=None,
        metavar="N",
        help="bootstrap resamples for --confidence (default 1000)",
    )
    p.add_argument(
        "--gate",
        metavar="BASELINE.json",
        help="regression gate: exit 1 when term accuracy or a concept's hit rate dropped significantly "
        "against this previous 'score --format json' output (paired test on the same segments)",
    )
    p.add_argument(
        "--gate-alpha",
        type=float,
        default=DEFAULT_ALPHA,
        metavar="A",
        help=f"significance level of the gate (default {DEFAULT_ALPHA})",
    )
    p.add_argument(
        "--gate-trials",
        type=int,
        default=DEFAULT_TRIALS,
        metavar="N",
        help=f"approximate randomization trials of the gate (default {DEFAULT_TRIALS})",
    )
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "sarif", "github"),
        default="text",
        help="output format; sarif and github annotate the regressions of --gate",
    )
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
    if args.format in ("sarif", "github") and not args.gate:
        raise UsageError(
            f"--format {args.format} annotates the regressions of --gate",
            hint="add --gate BASELINE.json, or use --format text|json",
        )
    if args.confidence_n is not None and args.confidence_n < 1:
        raise UsageError("--confidence-n must be at least 1")
    if not 0.0 < args.gate_alpha < 1.0:
        raise UsageError(f"--gate-alpha {args.gate_alpha}: must be between 0 and 1")
    if args.gate_trials < 1:
        raise UsageError("--gate-trials must be at least 1")
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
    if args.gate:
        inputs.append(args.gate)
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
        confidence=args.confidence or args.confidence_n is not None,
        confidence_samples=args.confidence_n or 0,
    )
    baseline = load_baseline(args.gate) if args.gate else None
    termbase = None
    if TERMS in metrics and args.compat is None and not files.source_is_sgml:
        from ..matching.cache import cached_index  # the compiled index from the disk cache, as lint

        termbase, _ = cached_index(args.termbase)
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
    code = 0
    if baseline is not None:
        results = run_gate(report, baseline, args.gate, args.gate_alpha, args.gate_trials)
        code = 0 if all(r.passed for r in results) else 1
        hyp_files = dict(zip([s.name for s in report.systems], args.hypotheses, strict=True))
        if args.format == "sarif":
            text = gate_sarif(results, hyp_files)
        elif args.format == "github":
            text = gate_github(results, hyp_files)
        elif args.format == "json":
            data = to_json_data(report)
            data["gate"] = gate_json(results)
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            text = to_text(report) + gate_text(results)
    else:
        text = to_json(report) if args.format == "json" else to_text(report)
    if args.output:
        with atomic_text(args.output) as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return code
