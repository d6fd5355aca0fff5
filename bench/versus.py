"""Lint against its peer and its floor (issue 21), rows and goals for bench/results.md.

* **pofilter**: translate-toolkit's `pofilter` with its default checks (`--language=ar`) and
  `mustalah lint --no-config --format json`, both as users run them — whole processes, start-up
  included — on the same PO file, at 10k and at 100k units.  CPU time (user + sys, pool workers
  included).  The goal compares one process with one process (`--jobs 1`; `pofilter` has no
  other mode); lint's default (`--jobs` one per core above 4 MB) is shown beside it.
* **the floor**: one streaming pass over both sides of the 10k Moses pairs that reads each line,
  folds it and scans it with the same Aho–Corasick automaton (bench/tasks.py `pair_floor`),
  against lint in one process (bench/tasks.py `lint`), each loop's own CPU time (start-up and
  index load left out of both).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from measure import BIN, DATA, OUT, PY, rate, task, timed

Goal = tuple[str, str, bool]


def _pofilter(po: Path, out: str, *checks: str) -> dict[str, Any]:
    cmd = [str(Path(PY).parent / "pofilter"), "--language=ar"]
    for check in checks:
        cmd += ["-t", check]
    return timed([*cmd, str(po), str(OUT / out)])


def _lint(po: Path, jobs: int | None) -> dict[str, Any]:
    cmd = [str(BIN / "mustalah"), "lint", str(po), "--no-config", "--format", "json", "--no-progress"]
    cmd += ["-o", str(OUT / "lint-po.json")]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    return timed(cmd)


def pofilter_rows(size: str, n: int, goal: float, goals: list[Goal], ratios: list[str]) -> list[str]:
    """`mustalah lint` (one process, and its default) vs `pofilter` default checks on one PO file."""
    po = DATA / size / "corpus.po"
    pf = _pofilter(po, f"pofilter-{size}.po")
    one, default = _lint(po, 1), _lint(po, None)
    rows: list[str] = []
    if size == "10k":
        pf4 = _pofilter(po, "pofilter4.po", "numbers", "brackets", "acronyms", "endpunc")
        rows.append(
            f"| pofilter default / 4 checks (`--language=ar`), {size} units | {n / pf['proc_cpu']:,.0f} / "
            f"{n / pf4['proc_cpu']:,.0f} segs/s CPU, {pf['rss_mb']:.0f} / {pf4['rss_mb']:.0f} MB | peer | — |"
        )
    x1, xd = pf["proc_cpu"] / one["proc_cpu"], pf["proc_cpu"] / default["proc_cpu"]
    rows.append(
        f"| `mustalah lint corpus.po --no-config --format json`, {size} units, whole process: `--jobs 1` / "
        f"default | {n / one['proc_cpu']:,.0f} / {n / default['proc_cpu']:,.0f} segs/s CPU "
        f"({one['proc_cpu']:.1f} / {default['proc_cpu']:.1f} s; {default['wall']:.1f} s wall default), "
        f"{one['rss_mb']:.0f} / {default['rss_mb']:.0f} MB; pofilter {n / pf['proc_cpu']:,.0f} segs/s "
        f"({pf['proc_cpu']:.1f} s), {pf['rss_mb']:.0f} MB | ≥ {goal:g}× pofilter default (same PO) | "
        f"×{x1:.2f} (`--jobs 1`), ×{xd:.2f} (default) |"
    )
    name = f"lint ≥ {goal:g}× pofilter default, whole process, same {size} PO (one process each, CPU)"
    goals.append((name, f"×{x1:.2f}", x1 >= goal))
    ratios.append(
        f"| lint vs `pofilter` default checks, same {size} PO, whole process, CPU | ×{x1:.2f} one process "
        f"(×{xd:.2f} with the default process pool) | ≥ {goal:g}× | {'met' if x1 >= goal else '**missed**'} |"
    )
    return rows


def floor_rows(small: Path, moses: Path, goals: list[Goal], ratios: list[str]) -> list[str]:
    """Lint in one process vs the read + fold + Aho–Corasick floor, and lint on 2 processes."""
    lint1 = task("lint", str(moses / "corpus.en"), "1")
    lint2 = task("lint", str(moses / "corpus.en"), "2")
    pairs10 = task("pair_floor", str(small / "en.txt"), str(small / "ar.txt"))
    n = lint1["n"]
    loop = n / lint1["loop_cpu"]  # lint's own loop, as the floor's (start-up and index load left out)
    floor = rate(pairs10)
    slower = floor / loop
    l1w, l2w = n / lint1["wall"], n / lint2["wall"]
    name = "lint ≤ 8× the read+fold+AC floor (Moses 10k, 1 process, loop CPU)"
    goals.append((name, f"{slower:.1f}× slower", slower <= 8))
    ratios.append(
        f"| lint in one process vs one pass of read + fold + Aho–Corasick over both sides (Moses 10k, "
        f"each loop's CPU) | {slower:.1f}× slower ({loop:,.0f} vs {floor:,.0f} pairs/s) | ≤ 8× | "
        f"{'met' if slower <= 8 else '**missed**'} |"
    )
    return [
        f"| lint, all default rules, 10k pairs (Moses), 1 process | {loop:,.0f} segs/s (loop CPU; "
        f"{n / lint1['proc_cpu']:,.0f} whole task), {lint1['rss_mb']:.0f} MB, "
        f"{int(lint1.get('findings', 0))} findings | ≤ 8× read+fold+AC | read+fold+AC "
        f"({floor:,.0f} pairs/s) is {slower:.1f}× faster |",
        f"| lint in one process (bench/tasks.py), 2 processes (sharded) vs 1, wall clock | "
        f"{l2w:,.0f} vs {l1w:,.0f} segs/s, {lint2['rss_mb']:.0f} MB | ≥ 1.7× | {l2w / l1w:.2f}× |",
    ]
