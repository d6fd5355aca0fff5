"""Where `mustalah lint`'s CPU goes, beside `pofilter` on the same PO file (issue 21's budget).

    .venv/bin/python bench/budget.py bench/data/10k/corpus.po

Runs the CLI's lint in this process (one process, `--jobs 1`) with `lint.engine.build_view` timed:
*views* is the fold, the term matching and the near-miss search of every side; *rest* is reading,
the rules, merging and the JSON report.  `pofilter` (default checks, `--language=ar`) runs as a
whole process on the same file.  The ratio a lint could reach with free views is pofilter's CPU over
(start-up + rest): the speed goals of issue 21 are out of reach while that bound is under them.
Prints one JSON line; nothing is written but a temporary report.  A diagnosis, not a benchmark
goal: `make bench` keeps the measured ratios.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from mustalah.cli.main import main
from mustalah.lint import engine

BIN = Path(sys.executable).parent


def _child_cpu(cmd: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=False, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def budget(po: str) -> dict[str, Any]:
    spent = {"views": 0.0}
    build_view = engine.build_view

    def timed(*args: Any, **kwargs: Any) -> engine.SideView:
        t = time.process_time()
        try:
            return build_view(*args, **kwargs)
        finally:
            spent["views"] += time.process_time() - t

    engine.build_view = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "lint.json")
        t0 = time.process_time()
        main(["lint", po, "--no-config", "--format", "json", "--no-progress", "--jobs", "1", "-o", out])
        total = time.process_time() - t0
        pofilter = _child_cpu([str(BIN / "pofilter"), "--language=ar", po, str(Path(tmp) / "pf.po")])
    engine.build_view = build_view  # type: ignore[assignment]
    startup = _child_cpu([str(BIN / "mustalah"), "--version"])
    rest = total - spent["views"]
    return {
        "lint_cpu_in_process": round(total, 2),
        "views": round(spent["views"], 2),
        "rest": round(rest, 2),
        "startup": round(startup, 2),
        "pofilter_cpu": round(pofilter, 2),
        "ratio_now": round(pofilter / (startup + total), 2),
        "ratio_with_free_views": round(pofilter / (startup + rest), 2),
    }


if __name__ == "__main__":
    print(json.dumps(budget(sys.argv[1])))
