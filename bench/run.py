"""`make bench`: generate the corpus, measure ours vs peers vs floors in one run, write bench/results.md.

Every figure comes from a separate process (bench/tasks.py or a peer's CLI) run under
/usr/bin/time, so CPU time and peak RSS are per task.  Nothing is asserted: compare the
ratios within one run (the machine is shared).  Lint runs at 10k, 100k and 1M pairs; BENCH_FULL=1
adds serial lint and scoring at 1M.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lintscale import corpus_rows, index_load_goal, moses_pair, termbase_rows, tmx_rows
from measure import BIN, DATA, HERE, OUT, PY, busy, rate, run_timed, task, timed
from termbases import convert
from versus import floor_rows, pofilter_rows

GEN = Path(os.environ.get("MUSTALAH_SHARED", HERE.parent.parent / "shared")) / "bench" / "gen_corpus.py"
FULL = os.environ.get("BENCH_FULL") == "1"


def generate() -> None:
    sizes = ["10k", "100k", "1M"]  # lint runs at 1M in every bench; scoring at 1M only with BENCH_FULL
    for size in sizes:
        if not (DATA / size / "manifest.json").exists():
            subprocess.run([sys.executable, str(GEN), "--n", size, "--out", str(DATA)], check=True)
    if not (DATA / "terms" / "termbase-100000.tsv").exists():
        subprocess.run([sys.executable, str(GEN), "--terms-only", "--out", str(DATA)], check=True)


_METRICS = ("bleu", "chrf", "chrfpp", "ter")


def sacrebleu_scores(stdout: str) -> dict[str, tuple[float, str]]:
    """sacreBLEU CLI's JSON (one object or a list) → {metric: (score, signature)}."""
    data = json.loads(stdout)
    names = {"BLEU": "bleu", "chrF2": "chrf", "chrF2++": "chrfpp", "TER": "ter"}
    return {
        names[d["name"]]: (float(d["score"]), d["signature"])
        for d in (data if isinstance(data, list) else [data])
    }


def score_rows(size: str, termbase: str, goals: list[tuple[str, str, bool]]) -> list[str]:
    """`mustalah score --jobs 2` vs the sacreBLEU CLI on the generator's MT output; term accuracy alone."""
    d = DATA / size
    ref, hyp, src = (str(d / name) for name in ("ar.txt", "mt.ar.txt", "en.txt"))
    with open(src, encoding="utf-8") as handle:
        n = sum(1 for _ in handle)
    ours, out = run_timed(
        [
            str(BIN / "mustalah"),
            "score",
            "--source",
            src,
            "--reference",
            ref,
            "--metrics",
            "bleu,chrf,chrf++,ter",
            "--jobs",
            "2",
            "--format",
            "json",
            hyp,
        ]
    )
    system = json.loads(out)["systems"][0] if out.strip() else {}
    mine = {m: (system.get(m), system.get("signatures", {}).get(m)) for m in _METRICS}
    sb = [str(BIN / "sacrebleu"), ref, "-i", hyp, "-f", "json", "-w", "16"]
    sb1, out1 = run_timed([*sb, "-m", "bleu", "chrf", "ter", "-tok", "intl"])
    sb2, out2 = run_timed([*sb, "-m", "chrf", "--chrf-word-order", "2"])
    theirs = {**sacrebleu_scores(out1), **sacrebleu_scores(out2)} if out1.strip() and out2.strip() else {}
    same = [m for m in _METRICS if m in theirs and mine[m] == theirs[m]]
    diff = "; ".join(
        f"{m}: ours {mine[m][0]} vs {theirs.get(m, (None,))[0]}" for m in _METRICS if m not in same
    )
    sb_wall, sb_cpu = sb1["wall"] + sb2["wall"], sb1["proc_cpu"] + sb2["proc_cpu"]
    sb_rss = max(sb1["rss_mb"], sb2["rss_mb"])
    speed = sb_wall / ours["wall"]
    goals += [
        (
            f"score {n:,} segs: same numbers as the sacreBLEU CLI",
            f"{len(same)}/4 metrics identical",
            len(same) == 4,
        ),
        (f"score {n:,} segs: ≥ 3× faster than sacreBLEU on 2 cores (wall)", f"×{speed:.2f}", speed >= 3),
        (
            f"score {n:,} segs: < 1 GB peak memory (main + 2 workers)",
            f"{ours['tree_rss_mb']:.0f} MB",
            ours["tree_rss_mb"] < 1024,
        ),
    ]
    rows = [
        f"| score BLEU+chrF+chrF++ +TER, {n:,} segs: `mustalah score --jobs 2` vs `sacrebleu` CLI "
        f"(`-m bleu chrf ter -tok intl` + `-m chrf --chrf-word-order 2`) | ours {ours['wall']:.1f} s wall, "
        f"{ours['proc_cpu']:.1f} s CPU, {ours['rss_mb']:.0f} MB largest process, "
        f"{ours['tree_rss_mb']:.0f} MB all processes; "
        f"sacreBLEU {sb_wall:.1f} s wall, {sb_cpu:.1f} s CPU, "
        f"{sb_rss:.0f} MB | same numbers, ≥ 3× faster on 2 cores, < 1 GB | "
        f"{len(same)}/4 identical (score and signature){': ' + diff if diff else ''}; ×{speed:.2f} wall "
        f"({'met' if speed >= 3 else 'missed'}), ×{sb_cpu / ours['proc_cpu']:.2f} CPU; "
        f"{ours['tree_rss_mb']:.0f} MB ({'met' if ours['tree_rss_mb'] < 1024 else 'missed'}) |",
    ]
    terms, tout = run_timed(
        [
            str(BIN / "mustalah"),
            "score",
            "--source",
            src,
            "--reference",
            ref,
            "--termbase",
            termbase,
            "--metrics",
            "terms",
            "--jobs",
            "2",
            "--format",
            "json",
            hyp,
        ]
    )
    tsys = json.loads(tout)["systems"][0] if tout.strip() else {}
    rows.append(
        f"| term accuracy alone, {n:,} segs, 10k-term termbase, `--jobs 2` | {terms['wall']:.1f} s wall, "
        f"{terms['proc_cpu']:.1f} s CPU ({n / terms['proc_cpu']:,.0f} segs/s), {terms['rss_mb']:.0f} MB; "
        f"accuracy {tsys.get('term_accuracy') or 0:.2f} ({tsys.get('term_hits')}/{tsys.get('term_total')}) "
        f"| — | — |"
    )
    return rows


def recall_rows(termbase: str) -> list[str]:
    """Recall of the generator's injected term errors (errors.tsv) by lint on the 10k PO, per error kind."""
    small = DATA / "10k"
    r = task("recall", str(small / "corpus.po"), termbase, str(small / "errors.tsv"))
    rows = [
        "| error kind (side) | injected | found: TM/AC/GN finding on that side overlapping the wrong form "
        "| found in unit: any TM/AC/GN finding in the unit | codes that found it |",
        "|---|---|---|---|---|",
    ]
    total: dict[str, int] = {"n": 0, "found": 0, "found_in_unit": 0}
    for kind, k in sorted(r.get("kinds", {}).items(), key=lambda kv: -kv[1]["n"]):
        codes = ", ".join(f"{c[3:]} {v}" for c, v in sorted(k.items()) if c.startswith("by:"))
        rows.append(
            f"| {kind} | {k['n']} | {k.get('found', 0)} ({100 * k.get('found', 0) / k['n']:.0f} %) | "
            f"{k.get('found_in_unit', 0)} ({100 * k.get('found_in_unit', 0) / k['n']:.0f} %) | "
            f"{codes or '—'} |"
        )
        for key in total:
            total[key] += k.get(key, 0)
    if total["n"]:
        rows.append(
            f"| **all** | {total['n']} | {total['found']} ({100 * total['found'] / total['n']:.0f} %) | "
            f"{total['found_in_unit']} ({100 * total['found_in_unit'] / total['n']:.0f} %) | |"
        )
    clean = ", ".join(f"{c} {v}" for c, v in r.get("clean_findings", {}).items())
    rows += [
        "",
        f"False-alarm proxy: {r.get('clean_units_flagged', 0):,} of {r.get('clean_units', 0):,} units "
        f"({100 * r.get('clean_units_flagged', 0) / max(1, r.get('clean_units', 0)):.0f} %) "
        f"without an injected error have a TM/AC/GN finding ({clean or 'none'}) — "
        f'the base rate for the "found in unit" column.  '
        f"Lint with the 10k-term termbase: {r.get('n', 0):,} units in {r.get('cpu', 0):.1f} s CPU.",
        "",
        "Errors (severity error, any rule) on units without an injected error: "
        + (", ".join(f"{c} {v}" for c, v in r.get("clean_errors", {}).items()) or "none")
        + ".",
    ]
    return rows


def main() -> int:
    generate()
    rows: list[str] = []
    goals: list[tuple[str, str, bool]] = []
    tbs = {n: str(convert(DATA / "terms" / f"termbase-{n}.tsv", OUT / "terms")) for n in (100, 10000, 100000)}
    pairs = [10_000, 100_000] + ([1_000_000] if FULL else [])
    corpus = DATA / ("1M" if FULL else "100k")

    # (1) matcher
    b = task("build", tbs[10000])
    rows.append(
        f"| index build, 10k terms (parse + build) | {b['cpu']:.2f} s CPU (parse {b['parse']:.2f} s) "
        f"| goal < 2 s | {'met' if b['cpu'] < 2 else 'missed'} |"
    )
    goals.append(("index build, 10k terms, < 2 s", f"{b['cpu']:.2f} s", b["cpu"] < 2))
    matcher_ratios: list[float] = []
    matcher_folded: list[float] = []
    for n, tb in tbs.items():
        for stale in (OUT / "cache").glob("index-*.bin"):
            stale.unlink()
        cold = task("cache_load", tb)
        warm = task("cache_load", tb)
        rows.append(
            f"| index load {n} terms: cold (parse+build+save) / warm (disk cache) | "
            f"{cold['cpu']:.2f} s / {warm['cpu']:.2f} s (hit={int(warm['hit'])}) | — | — |"
        )
    for n_pairs in pairs:
        ar = str(corpus / "ar.txt")
        floor = task("fold_floor", ar, str(n_pairs))
        for n_terms, tb in tbs.items():
            ours, bare = task("matcher", ar, str(n_pairs), tb), task("bare_ac", ar, str(n_pairs), tb)
            both = 1 / (1 / rate(bare) + 1 / rate(floor))
            matcher_ratios.append(rate(ours) / rate(bare))
            matcher_folded.append(rate(ours) / both)
            rows.append(
                f"| matcher (fold+match) ar, {n_pairs:,} segs, {n_terms:,} terms | {rate(ours):,.0f} segs/s; "
                f"bare AC {rate(bare):,.0f}; fold+bare AC {both:,.0f}; fold floor {rate(floor):,.0f} | "
                f"≥ 50 % of bare AC | ours/(fold+AC) = {rate(ours) / both:.2f}; ours/bare AC = "
                f"{rate(ours) / rate(bare):.2f} |"
            )

    worst, worst_folded = min(matcher_ratios), min(matcher_folded)
    goals.append(
        (
            "matcher ≥ 50 % of bare Aho-Corasick on pre-folded text (worst size)",
            f"{100 * worst:.0f} % ({100 * worst_folded:.0f} % of fold + bare AC)",
            worst >= 0.5,
        )
    )

    # (2) lint vs its floor and its peer (issue 21: the three ratios, all from this run)
    ratios: list[str] = []
    rows += floor_rows(DATA / "10k", moses_pair("10k").parent, goals, ratios)
    rows += pofilter_rows("10k", 10_000, 2, goals, ratios)

    # (2b) lint at scale, through the CLI: index load, termbase size, corpus size, one big TMX
    rows += index_load_goal(tbs[100000], goals)
    rows += termbase_rows(tbs, goals, ratios)
    rows += pofilter_rows("100k", 100_000, 3, goals, ratios)
    rows += corpus_rows([("10k", 10_000), ("100k", 100_000), ("1M", 1_000_000)], FULL, goals)
    rows += tmx_rows("100k", 100_000, goals)

    # (3) TMX read + export
    tmx = str(corpus / "corpus.tmx")
    ours, tt, lx = task("tmx_ours", tmx), task("tmx_toolkit", tmx), task("tmx_lxml", tmx)
    rows.append(
        f"| TMX read, {int(ours['n']):,} TUs | ours {rate(ours):,.0f} segs/s, {ours['rss_mb']:.0f} MB; "
        f"translate-toolkit {rate(tt):,.0f}, {tt['rss_mb']:.0f} MB; lxml iterparse {rate(lx):,.0f}, "
        f"{lx['rss_mb']:.0f} MB | within 1.5× of bare loop | ours/floor {rate(ours) / rate(lx):.2f}; "
        f"ours/toolkit {rate(ours) / rate(tt):.2f} |"
    )
    goals.append(
        (
            "TMX read within 1.5× of an lxml iterparse loop",
            f"{rate(lx) / rate(ours):.2f}× slower",
            rate(lx) / rate(ours) <= 1.5,
        )
    )
    po = str(DATA / "10k" / "corpus.po")
    ex = task("export_ours", po, str(OUT / "ours.tmx"))
    p2t = timed([str(Path(PY).parent / "po2tmx"), "-l", "ar", po, str(OUT / "po2tmx.tmx")])
    p2r = 10_000 / p2t["proc_cpu"]
    rows.append(
        f"| TMX export from PO, 10k units: ours read+write in one process (start-up excluded) vs po2tmx "
        f"whole process | ours {rate(ex):,.0f} segs/s, {ex['rss_mb']:.0f} MB; "
        f"po2tmx {p2r:,.0f}, {p2t['rss_mb']:.0f} MB | — | ×{rate(ex) / p2r:.1f} |"
    )
    # both as users run them, whole process, at 100k units (start-up amortized, less noise)
    po100 = str(DATA / "100k" / "corpus.po")
    ours100 = timed([str(BIN / "mustalah"), "export", "tmx", po100, "-o", str(OUT / "ours100k.tmx")])
    p2t100 = timed([str(Path(PY).parent / "po2tmx"), "-l", "ar", po100, str(OUT / "po2tmx100k.tmx")])
    x100 = p2t100["proc_cpu"] / ours100["proc_cpu"]
    rows.append(
        f"| TMX export from PO, 100k units, whole process both: `mustalah export tmx` vs `po2tmx` | "
        f"ours {100_000 / ours100['proc_cpu']:,.0f} segs/s CPU, {ours100['rss_mb']:.0f} MB; po2tmx "
        f"{100_000 / p2t100['proc_cpu']:,.0f}, {p2t100['rss_mb']:.0f} MB | ≥ 5× po2tmx | ×{x100:.1f} |"
    )
    goals.append(("TMX export ≥ 5× po2tmx (100k units, whole process both)", f"×{x100:.1f}", x100 >= 5))

    # (4) scoring vs the sacreBLEU CLI, term accuracy; lint recall of injected errors
    for size in ["100k"] + (["1M"] if FULL else []):
        rows += score_rows(size, tbs[10000], goals)
    recall = recall_rows(tbs[10000])

    machine = (
        f"{datetime.date.today().isoformat()}, nproc={os.cpu_count()}, Python {platform.python_version()}, "
        f"{platform.machine()}{', BENCH_FULL' if FULL else ''}"
    )
    text = "\n".join(
        [
            "# Benchmarks",
            "",
            "Generated by `make bench` (bench/run.py); do not edit by hand.  Machine: " + machine + ".",
            "Corpus: /work/shared/bench/gen_corpus.py (seeded).  CPU time per task process (pool workers",
            "included) unless marked wall clock; RSS is the peak of the largest single process (GNU time",
            '`%M`) unless marked "all processes" (the process tree sampled every 0.2 s).  The machine is',
            "shared: compare ratios within one run.",
            "",
            busy(),
            "",
            "## Goals",
            "",
            f"{sum(met for *_, met in goals)} of {len(goals)} met.",
            "",
            "| goal | measured | |",
            "|---|---|---|",
            *(f"| {name} | {value} | {'met' if met else '**missed**'} |" for name, value, met in goals),
            "",
            "## Issue 21: the three ratios (this run)",
            "",
            "| ratio | measured | goal | |",
            "|---|---|---|---|",
            *ratios,
            "",
            (HERE / "tried.md").read_text(encoding="utf-8").strip(),
            "",
            "## All figures",
            "",
            "| what | measured | goal | ratio |",
            "|---|---|---|---|",
            *rows,
            "",
            "## Lint recall of injected term errors (10k PO, 10k-term termbase)",
            "",
            "Ground truth: the generator's errors.tsv (seg, term id, error kind, side, wrong form).",
            "",
            *recall,
            "",
        ]
    )
    (HERE / "results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
