"""`make bench`: generate the corpus, measure ours vs peers vs floors in one run, write bench/results.md.

Every figure comes from a separate process (bench/tasks.py or a peer's CLI) run under
/usr/bin/time, so CPU time and peak RSS are per task.  Nothing is asserted: compare the
ratios within one run (the machine is shared).  BENCH_FULL=1 adds the 1M sizes.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA, OUT = HERE / "data", HERE / "out"
GEN = Path(os.environ.get("MUSTALAH_SHARED", REPO.parent / "shared")) / "bench" / "gen_corpus.py"
PY = sys.executable
FULL = os.environ.get("BENCH_FULL") == "1"
sys.path.insert(0, str(HERE))

from termbases import convert  # noqa: E402


def timed(cmd: list[str], cwd: Path | None = None) -> dict[str, float]:
    """Run ``cmd`` under /usr/bin/time: its JSON line (if any) plus cpu/wall/rss of the process."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", tf.name, *cmd], cwd=cwd,
                              capture_output=True, text=True, env={**os.environ, "MUSTALAH_CACHE_DIR": str(OUT / "cache")})
        wall = time.perf_counter() - t
        user, sys_, rss = tf.read().split()[-3:]
    out: dict[str, float] = {"wall": wall, "proc_cpu": float(user) + float(sys_), "rss_mb": int(rss) / 1024}
    last = proc.stdout.strip().splitlines()[-1:] if proc.stdout.strip() else []
    if last and last[0].startswith("{"):
        out.update(json.loads(last[0]))
    if proc.returncode not in (0, 1) and "n" not in out:
        out["error"] = 1.0
        print(" ".join(cmd), proc.stderr[-500:], file=sys.stderr)
    return out


def task(*args: str) -> dict[str, float]:
    return timed([PY, str(HERE / "tasks.py"), *args])


def generate() -> None:
    sizes = ["10k", "100k"] + (["1M"] if FULL else [])
    for size in sizes:
        if not (DATA / size / "manifest.json").exists():
            subprocess.run([sys.executable, str(GEN), "--n", size, "--out", str(DATA)], check=True)
    if not (DATA / "terms" / "termbase-100000.tsv").exists():
        subprocess.run([sys.executable, str(GEN), "--terms-only", "--out", str(DATA)], check=True)


def rate(r: dict[str, float], key: str = "cpu") -> float:
    return r.get("n", 0) / r[key] if r.get(key) else 0.0


def main() -> int:
    generate()
    rows: list[str] = []
    tbs = {n: str(convert(DATA / "terms" / f"termbase-{n}.tsv", OUT / "terms")) for n in (100, 10000, 100000)}
    pairs = [10_000, 100_000] + ([1_000_000] if FULL else [])
    corpus = DATA / ("1M" if FULL else "100k")

    # (1) matcher
    b = task("build", tbs[10000])
    rows.append(f"| index build, 10k terms (parse + build) | {b['cpu']:.2f} s CPU (parse {b['parse']:.2f} s) "
                f"| goal < 2 s | {'met' if b['cpu'] < 2 else 'missed'} |")
    for n, tb in tbs.items():
        for stale in (OUT / "cache").glob("index-*.pickle"):
            stale.unlink()
        cold = task("cache_load", tb)
        warm = task("cache_load", tb)
        rows.append(f"| index load {n} terms: cold (parse+build+save) / warm (disk cache) | "
                    f"{cold['cpu']:.2f} s / {warm['cpu']:.2f} s (hit={int(warm['hit'])}) | — | — |")
    for n_pairs in pairs:
        ar = str(corpus / "ar.txt")
        floor = task("fold_floor", ar, str(n_pairs))
        for n_terms, tb in tbs.items():
            ours, bare = task("matcher", ar, str(n_pairs), tb), task("bare_ac", ar, str(n_pairs), tb)
            both = 1 / (1 / rate(bare) + 1 / rate(floor))
            rows.append(f"| matcher (fold+match) ar, {n_pairs:,} segs, {n_terms:,} terms | {rate(ours):,.0f} segs/s; "
                        f"bare AC {rate(bare):,.0f}; fold+bare AC {both:,.0f}; fold floor {rate(floor):,.0f} | "
                        f"≥ 50 % of bare AC | ours/(fold+AC) = {rate(ours) / both:.2f}; ours/bare AC = "
                        f"{rate(ours) / rate(bare):.2f} |")

    # (2) lint vs pofilter at 10k
    small = DATA / "10k"
    moses = OUT / "10k"
    moses.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ar"):
        link = moses / f"corpus.{lang}"
        if not link.exists():
            link.symlink_to((small / f"{lang}.txt").resolve())
    lint1 = task("lint", str(moses / "corpus.en"), "1")
    lint2 = task("lint", str(moses / "corpus.en"), "2")
    floor10 = task("fold_floor", str(small / "ar.txt"), "10000")
    bare10 = task("bare_ac", str(small / "ar.txt"), "10000", tbs[100])
    pf = timed([str(Path(PY).parent / "pofilter"), "--language=ar", str(small / "corpus.po"), str(OUT / "pofilter.po")])
    pf4 = timed([str(Path(PY).parent / "pofilter"), "-t", "numbers", "-t", "brackets", "-t", "acronyms", "-t", "endpunc",
                 str(small / "corpus.po"), str(OUT / "pofilter4.po")])
    n10 = lint1["n"]
    l1 = n10 / lint1["proc_cpu"]
    l1w, l2w = n10 / lint1["wall"], n10 / lint2["wall"]
    pfr, pf4r = 10_000 / pf["proc_cpu"], 10_000 / pf4["proc_cpu"]
    rafloor = 1 / (1 / rate(floor10) + 1 / rate(bare10))
    rows.append(f"| lint, all default rules, 10k pairs (Moses), 1 process | {l1:,.0f} segs/s CPU, "
                f"{lint1['rss_mb']:.0f} MB, {int(lint1.get('findings', 0))} findings | ≥ 20× pofilter default; "
                f"≤ 5× read+fold+AC | ×{l1 / pfr:.1f} pofilter default; ×{l1 / pf4r:.2f} pofilter 4 checks; "
                f"read+fold+AC is {rafloor / l1:.1f}× faster |")
    rows.append(f"| lint, 2 processes (sharded) vs 1, wall clock | {l2w:,.0f} vs {l1w:,.0f} segs/s, "
                f"{lint2['rss_mb']:.0f} MB | ≥ 1.7× | {l2w / l1w:.2f}× |")
    rows.append(f"| pofilter default / 4 checks (`--language=ar`), 10k units | {pfr:,.0f} / {pf4r:,.0f} segs/s CPU, "
                f"{pf['rss_mb']:.0f} / {pf4['rss_mb']:.0f} MB | peer | — |")

    # (3) TMX read + export
    tmx = str(corpus / "corpus.tmx")
    ours, tt, lx = task("tmx_ours", tmx), task("tmx_toolkit", tmx), task("tmx_lxml", tmx)
    rows.append(f"| TMX read, {int(ours['n']):,} TUs | ours {rate(ours):,.0f} segs/s, {ours['rss_mb']:.0f} MB; "
                f"translate-toolkit {rate(tt):,.0f}, {tt['rss_mb']:.0f} MB; lxml iterparse {rate(lx):,.0f}, "
                f"{lx['rss_mb']:.0f} MB | within 1.5× of bare loop | ours/floor {rate(ours) / rate(lx):.2f}; "
                f"ours/toolkit {rate(ours) / rate(tt):.2f} |")
    po = str(small / "corpus.po")
    ex = task("export_ours", po, str(OUT / "ours.tmx"))
    p2t = timed([str(Path(PY).parent / "po2tmx"), "-l", "ar", po, str(OUT / "po2tmx.tmx")])
    p2r = 10_000 / p2t["proc_cpu"]
    rows.append(f"| TMX export from PO, 10k units | ours {rate(ex):,.0f} segs/s, {ex['rss_mb']:.0f} MB; "
                f"po2tmx {p2r:,.0f}, {p2t['rss_mb']:.0f} MB | ≥ 5× po2tmx | ×{rate(ex) / p2r:.1f} |")

    machine = (f"{datetime.date.today().isoformat()}, nproc={os.cpu_count()}, Python {platform.python_version()}, "
               f"{platform.machine()}{', BENCH_FULL' if FULL else ''}")
    text = "\n".join([
        "# Benchmarks", "",
        "Generated by `make bench` (bench/run.py); do not edit by hand.  Machine: " + machine + ".",
        "Corpus: /work/shared/bench/gen_corpus.py (seeded).  CPU time per task process unless marked wall clock;",
        "RSS is the task process's peak.  The machine is shared: compare ratios within one run.", "",
        "| what | measured | goal | ratio |", "|---|---|---|---|", *rows, "",
    ])
    (HERE / "results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
