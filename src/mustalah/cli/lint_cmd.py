"""``mustalah lint``: find term inconsistencies and reviser's errors."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import IO

from ..errors import UsageError
from ..fileio import atomic_text, check_not_input
from ..lint.checkfile import project_checks
from ..lint.config import ProjectConfig, load_config, skip_states_setting, termbase_setting
from ..lint.engine import LintSettings
from ..lint.inputs import RunInputs, resolve_inputs
from ..lint.run import MAX_FINDINGS_PER_UNIT, CollectSink, FindingSink, InputFailure, lint_stream
from ..lint.shards import splits
from ..lint.suppress import read_baseline
from ..model import SEVERITY_RANK, LintResult, LintSummary
from ..parallel import bounded_jobs, default_jobs, make_executor, stop_now
from ..reports.progress import Progress
from ..reports.registry import REPORT_FORMATS, ReportWriter
from ..reports.stream import BaselineWriter, report_output
from ..reports.text_report import use_colour

FAIL_ON = ("error", "warning", "info", "never")
MIN_SEVERITY = ("error", "warning", "info")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "lint",
        help="lint TMX, XLIFF, PO, release folders or Arabic text against the termbase",
        description=(
            "Lint bilingual files (TMX, XLIFF 1.2/2.x, PO, release folders of aligned en.txt/ar.txt, "
            "TSV, Moses pairs) and monolingual text against the UN termbase. "
            "Exit 0: nothing at or above --fail-on; 1: findings; 2: usage, I/O or parse error."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (folders are walked)")
    p.add_argument(
        "--termbase",
        metavar="PATH",
        action="append",
        help="a TBX, CSV/TSV or YAML folder (default: the shipped one); repeat for a set where later "
        "ones override earlier ones per concept id and add the rest (@shipped: the shipped one)",
    )
    p.add_argument("--source-lang", metavar="LANG", help="source language where the file does not say (en)")
    p.add_argument("--target-lang", metavar="LANG", help="target language where the file does not say (ar)")
    p.add_argument("--lang", metavar="LANG", help="language of monolingual text (default: from the script)")
    p.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules: codes, prefixes (TM), names or categories; comma-separated",
    )
    p.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules (same syntax)")
    p.add_argument(
        "--format", choices=sorted(REPORT_FORMATS), default=None, help="output format (default text)"
    )
    p.add_argument(
        "--output", "-o", metavar="FILE", help="write the report here (atomically) instead of stdout"
    )
    p.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="exit 1 when a finding at or above this severity remains (default error)",
    )
    p.add_argument(
        "--min-severity",
        choices=MIN_SEVERITY,
        default=None,
        help="report only findings at or above this severity (default info: all); the summary "
        "counts the others as not shown",
    )
    p.add_argument("--baseline", metavar="FILE", help="accept the findings fingerprinted in FILE")
    p.add_argument(
        "--write-baseline", metavar="FILE", help="write the current findings' fingerprints to FILE"
    )
    p.add_argument("--config", metavar="FILE", help="read [tool.mustalah] from this pyproject.toml")
    p.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="worker processes (default: one per core when the input exceeds 4 MB in "
        "several files or in one file that splits into ranges — line-aligned text, TMX, XLIFF, "
        "PO — else 1)",
    )
    p.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address or scheduler file")
    p.add_argument("--no-near-misses", action="store_true", help="skip near-miss detection (faster)")
    p.add_argument(
        "--checks",
        metavar="FILE",
        action="append",
        help="the project's own checks (YAML, repeatable; default: mustalah-checks.yaml beside "
        "pyproject.toml and [tool.mustalah.checks])",
    )
    p.add_argument(
        "--skip-state",
        metavar="STATE",
        action="append",
        help="do not lint units in this state (final, signed-off, ApprovedSignOff ...; repeatable); "
        'units the file locks or marks translate="no" are never linted',
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="lint every readable input and report the unreadable ones on stderr "
        "(exit 2 if any could not be read)",
    )
    p.set_defaults(func=run)


def _codes(values: list[str] | None, fallback: object) -> tuple[str, ...]:
    if values:
        return tuple(c.strip() for v in values for c in v.split(",") if c.strip())
    if isinstance(fallback, list):
        return tuple(str(c) for c in fallback)
    return ()


def text_file(path: str | None, option: str, expected: str) -> str | None:
    """``path`` if it names a readable UTF-8 text file; else a usage error saying what it is."""
    if path is None:
        return None
    p = Path(path)
    problem = None
    if p.is_dir():
        problem = "is a folder"
    elif p.exists():
        try:
            p.read_bytes().decode("utf-8")
        except OSError as exc:
            problem = f"cannot be read ({exc.strerror})"
        except UnicodeDecodeError as exc:
            problem = f"is not UTF-8 text (byte 0x{exc.object[exc.start]:02X} at offset {exc.start})"
    if problem:
        raise UsageError(f"{option} {path} {problem}", file=path, hint=f"give {expected}")
    return path


def baseline_read(args: argparse.Namespace, config: ProjectConfig) -> str | None:
    """The baseline this run reads (none while ``--write-baseline`` writes a new one)."""
    if args.write_baseline:
        return None
    return args.baseline or (config.relative(config.get("baseline")) if config.get("baseline") else None)


def check_per_file_ignores(config: ProjectConfig) -> dict[str, list[str]]:
    """``per-file-ignores``: a table of glob → list of rule codes, names or categories (or
    ALL).  A code no rule has would silently ignore nothing, so it is a usage error."""
    from ..checks.registry import ALL_RULES

    table = config.get("per-file-ignores") or {}
    where = f"{config.path}: [tool.mustalah.per-file-ignores]"
    if not isinstance(table, dict):
        raise UsageError(f"{where} must be a table of glob = [codes]", hint='e.g. "corpora/*" = ["SP001"]')
    known = {"ALL"} | {key for r in ALL_RULES for key in (r.code, r.name, r.category)}
    for pattern, codes in table.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise UsageError(f"{where} {pattern!r} must be a list of rule codes", hint='e.g. ["SP001"]')
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise UsageError(
                f"{where} {pattern!r}: no rule matches {', '.join(map(repr, unknown))}",
                hint="use a rule code (TM001), a rule name or a category, or ALL "
                "(`mustalah rules` lists them)",
            )
    return table


def settings_from(args: argparse.Namespace, config: ProjectConfig) -> LintSettings:
    termbase = termbase_setting(args.termbase, config)
    baseline = text_file(baseline_read(args, config), "--baseline", "the JSON file --write-baseline wrote")
    options = config.get("rules", {}) or {}
    return LintSettings(
        termbase=termbase,
        source_lang=args.source_lang or config.get("source-lang"),
        target_lang=args.target_lang or config.get("target-lang"),
        lang=args.lang or config.get("lang"),
        select=_codes(args.select, config.get("select")),
        ignore=_codes(args.ignore, config.get("ignore")),
        rule_options=tuple((str(k), tuple(sorted(dict(v).items()))) for k, v in options.items()),
        near_misses=not args.no_near_misses,
        skip_states=skip_states_setting(args.skip_state, config),
        baseline=read_baseline(baseline) if baseline else frozenset(),
        project_checks=project_checks(config, args.checks),
    )


def exit_code(result: LintResult | LintSummary, fail_on: str) -> int:
    """1 when a finding at or above ``fail_on`` remains (the summary's severity counts say so)."""
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    summary = result.summary if isinstance(result, LintResult) else result
    return 1 if any(n and SEVERITY_RANK[sev] >= threshold for sev, n in summary.by_severity.items()) else 0


def _progress(args: argparse.Namespace, inputs: RunInputs) -> Progress | None:
    """A progress bar on stderr, only on a terminal and without ``--no-progress``."""
    if args.no_progress or not sys.stderr.isatty():
        return None
    return Progress(len(inputs), sys.stderr, enabled=True)


#: Above this much input, lint uses a process pool by default (below it, start-up costs more).
AUTO_PARALLEL_BYTES = 4 * 1024 * 1024


def _jobs(args: argparse.Namespace, config: ProjectConfig, inputs: RunInputs) -> int:
    """``--jobs``, else ``jobs`` in the config, else one process per core for large inputs."""
    if args.jobs is not None:
        return bounded_jobs(args.jobs, "--jobs")
    if config.get("jobs") is not None:
        return bounded_jobs(config.get("jobs"), f"{config.path}: jobs")
    if args.scheduler:
        return 1
    # Parallel only pays when there are several tasks: several inputs, or one large input
    # that lint.shards splits (line ranges of text, unit ranges of TMX/XLIFF/PO).
    if inputs.size() > AUTO_PARALLEL_BYTES and (len(inputs) > 1 or any(map(splits, inputs.inputs))):
        return default_jobs()
    return 1


#: Above this much input, ``--format html`` (rendered from memory: every unit's text and every
#: finding until the page is written) warns that a streamed format suits large corpora better.
HTML_WARN_BYTES = 64 * 1024 * 1024


def files_read(
    inputs: RunInputs, settings: LintSettings, config: ProjectConfig, baseline: str | None
) -> list[str]:
    """Every file this run reads: the inputs' (walked folders' files, a release folder's two
    sides, a Moses pair's two files), the termbase's files, the config and the baseline — what
    no output may replace."""
    from ..termbase.layers import SHIPPED
    from ..termbase.loader import default_termbase_path

    for item in inputs.inputs:
        _utf8_name(item.path)
    reads = inputs.files()
    sources = settings.termbase if isinstance(settings.termbase, tuple) else (settings.termbase,)
    reads += [str(default_termbase_path() if s in (None, SHIPPED) else s) for s in sources]
    if config.path:
        reads.append(config.path)
    if baseline:
        reads.append(baseline)
    # the project checks' files (their origin is file:line; a pyproject table is the config)
    checks = settings.project_checks
    reads += sorted({s.origin.rsplit(":", 1)[0] for s in checks if s.origin[-1:].isdigit()})
    return reads


def _utf8_name(path: str) -> None:
    """A file name that is not UTF-8 cannot be written into a UTF-8 report: refused, shown as
    its bytes, before anything is read."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        shown = str(os.fsencode(path))[2:-1]
        raise UsageError(
            f"{shown}: the file name is not UTF-8, so no report could name it",
            hint="rename it (e.g. `convmv -f cp1256 -t utf-8 --notest FILE`), or leave it out",
        ) from None


def _writer(fmt: str, out: IO[bytes], inputs: RunInputs, colour: bool) -> ReportWriter:
    stream = REPORT_FORMATS[fmt].stream
    assert stream is not None  # in-memory formats are rendered, not streamed
    by_path = inputs.lookup()
    return stream(out, colour, lambda path: by_path[path].segments())


def run(args: argparse.Namespace) -> int:
    text_file(args.config, "--config", "a pyproject.toml with a [tool.mustalah] table")
    config = ProjectConfig() if args.no_config else load_config(args.config, Path(args.paths[0]).parent)
    settings = settings_from(args, config)
    per_file_ignores = check_per_file_ignores(config)
    fmt = args.format or config.get("format") or "text"
    if fmt not in REPORT_FORMATS:
        raise UsageError(
            f"unknown format {fmt!r}", hint="choose one of: " + ", ".join(sorted(REPORT_FORMATS))
        )
    fail_on = args.fail_on or config.get("fail-on") or "error"
    if fail_on not in FAIL_ON:
        raise UsageError(f"fail-on must be one of {', '.join(FAIL_ON)}")
    min_severity = args.min_severity or config.get("min-severity") or "info"
    if min_severity not in MIN_SEVERITY:
        raise UsageError(
            f"{config.path}: min-severity = {min_severity!r} is not a severity",
            hint=f"use one of: {', '.join(MIN_SEVERITY)}",
        )
    if REPORT_FORMATS[fmt].binary and not args.output and not args.write_baseline:
        raise UsageError(f"an {fmt} report is a binary file", hint=f"give -o report.{fmt}")
    if args.output and Path(args.output).is_dir():
        raise UsageError(f"{args.output} is a directory", hint="give a file name for the output")
    inputs = resolve_inputs(args.paths, settings)  # walked and each one's format told, once
    reads = files_read(inputs, settings, config, baseline_read(args, config))
    for option, output in (("--output", args.output), ("--write-baseline", args.write_baseline)):
        if output:
            check_not_input(output, reads, option)
    progress = _progress(args, inputs)
    executor = make_executor(_jobs(args, config, inputs), args.scheduler)
    failures: list[InputFailure] = []

    def lint(sink: FindingSink) -> LintSummary:
        try:
            return lint_stream(
                inputs,
                settings,
                sink,
                executor=executor,
                per_file_ignores=per_file_ignores,
                keep_going=args.keep_going,
                on_error=failures.append,
                on_result=progress.update if progress else None,
                on_task=progress.task if progress else None,
                min_severity=min_severity,
            )
        except BaseException:
            stop_now(executor)  # an interrupt or error: the workers end now, not after their tasks
            raise
        finally:
            if progress:
                progress.close()
            executor.shutdown(wait=True)

    if args.write_baseline:
        baseline = BaselineWriter(args.write_baseline)
        lint(baseline)
        print(f"mustalah: wrote {baseline.written} fingerprint(s) to {args.write_baseline}", file=sys.stderr)
        return 0
    if REPORT_FORMATS[fmt].stream is None:
        if inputs.size() > HTML_WARN_BYTES:
            print(
                f"mustalah: warning: --format {fmt} keeps every unit's text and every finding in "
                "memory until the page is written; for large corpora use json, jsonl, sarif or "
                "text, which stream",
                file=sys.stderr,
            )
        collected = CollectSink(keep_segments=True)
        summary = lint(collected)
        renderer = REPORT_FORMATS[fmt].render
        from dataclasses import replace

        # the baseline's fingerprints go with the page: its dismiss controls add to them
        result = replace(collected.result(), accepted=tuple(sorted(settings.baseline)))
        if args.output:
            with atomic_text(args.output) as text_out:
                renderer(result, text_out)
        else:
            renderer(result, sys.stdout)
    else:
        # Streamed: findings go to a temporary file as they arrive (renamed over --output, or
        # copied to stdout, once the run is complete): flat memory in corpus size.
        with report_output(args.output) as out:
            colour = use_colour(out if args.output else sys.stdout)  # as render_text decides it
            writer = _writer(fmt, out, inputs, colour)
            try:
                summary = lint(writer)
            finally:
                writer.close()
    if summary.capped_findings:
        print(
            f"mustalah: note: {summary.capped_units} unit(s) had more than {MAX_FINDINGS_PER_UNIT} "
            f"findings; {summary.capped_findings} finding(s) were not reported (the most severe "
            "are kept; the summary says so under not_reported)",
            file=sys.stderr,
        )
    if failures:
        for failure in failures:
            print(f"mustalah: error: {failure.message}", file=sys.stderr)
        print(
            f"mustalah: {len(failures)} input(s) could not be read (listed above); "
            f"the report covers the other {summary.files}",
            file=sys.stderr,
        )
        return 2
    return exit_code(summary, fail_on)
