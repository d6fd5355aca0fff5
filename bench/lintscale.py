"""Lint at scale, as users run it: `mustalah lint … --format json -o …`, one whole process per figure.

Corpus size (10k / 100k / 1M Moses pairs, serial and 2 processes), termbase size (100 / 10k /
100k terms on the same 10k pairs, warm index cache), a 100k-unit TMX split into unit ranges,
and the warm load of the 100k-term compiled index.  Rows and goals for bench/results.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from measure import BIN, DATA, OUT, rate, task, timed

Goal = tuple[str, str, bool]


def moses_pair(size: str) -> Path:
    """``bench/out/<size>/corpus.en`` + ``corpus.ar`` linked to the generator's en.txt / ar.txt."""
    folder = OUT / size
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ar"):
        link = folder / f"corpus.{lang}"
        if not link.exists():
            link.symlink_to((DATA / size / f"{lang}.txt").resolve())
    return folder / "corpus.en"


def cli_lint(path: Path | str, n: int, jobs: int, termbase: str | None = None) -> dict[str, Any]:
    cmd = [str(BIN / "mustalah"), "lint", str(path), "--no-config", "--format", "json"]
    cmd += ["-o", str(OUT / "lint-scale.json"), "--jobs", str(jobs), "--no-progress"]
    if termbase:
        cmd += ["--termbase", termbase]
    r = timed(cmd)
    r["n"] = n
    return r


def _row(what: str, r: dict[str, Any], goal: str = "—", ratio: str = "—") -> str:
    return (
        f"| {what} | {rate(r, 'proc_cpu'):,.0f} segs/s CPU, {rate(r, 'wall'):,.0f} segs/s wall "
        f"({r['wall']:.1f} s); largest process {r['rss_mb']:.0f} MB, all processes {r['tree_rss_mb']:.0f} MB "
        f"| {goal} | {ratio} |"
    )


def corpus_rows(sizes: list[tuple[str, int]], serial_1m: bool, goals: list[Goal]) -> list[str]:
    """Serial and 2-process lint of Moses pairs at each size: linear? flat memory? 2 cores pay?"""
    rows: list[str] = []
    serial: dict[str, dict[str, Any]] = {}
    pooled: dict[str, dict[str, Any]] = {}
    for size, n in sizes:
        pair = moses_pair(size)
        if size != "1M" or serial_1m:
            serial[size] = cli_lint(pair, n, 1)
            rows.append(_row(f"`mustalah lint` Moses {size} pairs, `--jobs 1`", serial[size]))
        pooled[size] = cli_lint(pair, n, 2)
        speedup = (
            f"×{serial[size]['wall'] / pooled[size]['wall']:.2f} of `--jobs 1` (wall)"
            if size in serial
            else "—"
        )
        rows.append(
            _row(f"`mustalah lint` Moses {size} pairs, `--jobs 2`", pooled[size], "≥ 1.7× one", speedup)
        )
    first = sizes[0][0]
    for size, _n in sizes[1:]:
        ref = serial if size in serial else pooled
        ratio = rate(ref[size], "proc_cpu") / rate(ref[first], "proc_cpu")
        goals.append(
            (
                f"lint near-linear in corpus size: CPU throughput at {size} vs {first}",
                f"×{ratio:.2f}",
                ratio >= 0.8,
            )
        )
    big = sizes[-1][0]
    if "100k" in serial:
        s = serial["100k"]["wall"] / pooled["100k"]["wall"]
        goals.append(("lint, 2 processes ≥ 1.7× one (CLI, Moses 100k, wall clock)", f"×{s:.2f}", s >= 1.7))
    peak = max(pooled[big]["rss_mb"], serial.get(big, pooled[big])["rss_mb"])
    goals.append((f"lint ≤ 200 MB peak per process at {big} segments", f"{peak:.0f} MB", peak <= 200))
    return rows


def tmx_rows(size: str, n: int, goals: list[Goal]) -> list[str]:
    """One large TMX: unit-range shards spread it over 2 processes."""
    tmx = DATA / size / "corpus.tmx"
    one, two = cli_lint(tmx, n, 1), cli_lint(tmx, n, 2)
    s = one["wall"] / two["wall"]
    goals.append((f"lint one {size}-unit TMX, 2 processes ≥ 1.7× one (wall clock)", f"×{s:.2f}", s >= 1.7))
    return [
        _row(f"`mustalah lint corpus.tmx` ({size} units), `--jobs 1`", one),
        _row(f"`mustalah lint corpus.tmx` ({size} units), `--jobs 2`", two, "≥ 1.7× one", f"×{s:.2f} (wall)"),
    ]


def termbase_rows(tbs: dict[int, str], goals: list[Goal], ratios: list[str]) -> list[str]:
    """The same 10k pairs with 100 / 10k / 100k terms (index cache warm): how flat?"""
    pair = moses_pair("10k")
    rows: list[str] = []
    results: dict[int, dict[str, Any]] = {}
    for n_terms, tb in tbs.items():
        cli_lint(pair, 10_000, 1, tb)  # fills the index cache
        results[n_terms] = r = cli_lint(pair, 10_000, 1, tb)
        rows.append(_row(f"`mustalah lint` Moses 10k pairs, {n_terms:,}-term termbase (warm cache)", r))
    lo, hi = min(results), max(results)
    ratio = rate(results[hi], "proc_cpu") / rate(results[lo], "proc_cpu")
    goals.append(
        (
            f"lint nearly flat in termbase size: {hi:,} vs {lo:,} terms ≥ 0.8× (CPU throughput, warm)",
            f"×{ratio:.2f}",
            ratio >= 0.8,
        )
    )
    ratios.append(
        f"| lint throughput with a {hi:,}-term vs a {lo:,}-term termbase, same 10k pairs, warm index cache, "
        f"whole process CPU | ×{ratio:.2f} | ≥ 0.8× | {'met' if ratio >= 0.8 else '**missed**'} |"
    )
    return rows


def index_load_goal(tb_100k: str, goals: list[Goal]) -> list[str]:
    """Warm load of the 100k-term compiled index, and a one-release lint with it (whole process)."""
    task("cache_load", tb_100k)
    warm = min((task("cache_load", tb_100k) for _ in range(3)), key=lambda r: r["cpu"])
    release = sorted((Path(__file__).resolve().parent.parent / "corpora" / "releases").iterdir())[0]
    one = timed(
        [
            str(BIN / "mustalah"),
            "lint",
            str(release),
            "--termbase",
            tb_100k,
            "--no-config",
            "--format",
            "json",
            "-o",
            str(OUT / "lint-release.json"),
            "--no-progress",
        ]
    )
    goals.append(
        ("100k-term termbase: warm index load well under 1 s", f"{warm['cpu']:.2f} s", warm["cpu"] < 1)
    )
    return [
        f"| 100k-term termbase, warm: index load (best of 3) / `mustalah lint <one release>` whole process | "
        f"{warm['cpu']:.2f} s / {one['wall']:.2f} s wall, {one['rss_mb']:.0f} MB | well under 1 s | — |"
    ]
