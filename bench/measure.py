"""How bench/run.py measures one command: CPU, wall clock and memory of a separate process.

Each figure comes from its own process run under /usr/bin/time, so CPU time (user + sys,
waited-for pool workers included) and peak RSS belong to that task alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA, OUT = HERE / "data", HERE / "out"
PY = sys.executable
BIN = Path(PY).parent


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants right now, in MB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    pages: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            ppid, rss = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
        children.setdefault(ppid, []).append(int(entry.name))
        pages[int(entry.name)] = rss
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += pages.get(pid, 0)
        todo += children.get(pid, [])
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_timed(cmd: list[str], cwd: Path | None = None) -> tuple[dict[str, Any], str]:
    """Run ``cmd`` under /usr/bin/time: cpu (user+sys, waited-for children included), wall, RSS, stdout.

    ``rss_mb`` is GNU time's ``%M``: the largest single process of the tree; ``tree_rss_mb`` samples
    the whole tree (pool workers summed) every 0.2 s, so it can miss a short peak.
    """
    with (
        tempfile.NamedTemporaryFile("r", suffix=".time") as tf,
        tempfile.TemporaryFile("w+", encoding="utf-8") as out_f,
        tempfile.TemporaryFile("w+", encoding="utf-8") as err_f,
    ):
        t = time.perf_counter()
        proc = subprocess.Popen(
            ["/usr/bin/time", "-f", "%U %S %M", "-o", tf.name, *cmd],
            cwd=cwd,
            stdout=out_f,
            stderr=err_f,
            text=True,
            env={**os.environ, "MUSTALAH_CACHE_DIR": str(OUT / "cache")},
        )
        tree_peak = 0.0
        while True:
            tree_peak = max(tree_peak, tree_rss_mb(proc.pid))
            try:
                proc.wait(timeout=0.2)  # returns as soon as the process ends: wall time is exact
                break
            except subprocess.TimeoutExpired:
                continue
        wall = time.perf_counter() - t
        user, sys_, rss = tf.read().split()[-3:]
        out_f.seek(0)
        err_f.seek(0)
        stdout, stderr = out_f.read(), err_f.read()
    out: dict[str, Any] = {
        "wall": wall,
        "proc_cpu": float(user) + float(sys_),
        "rss_mb": int(rss) / 1024,
        "tree_rss_mb": max(tree_peak, int(rss) / 1024),
        "rc": proc.returncode,
    }
    if proc.returncode not in (0, 1):
        out["error"] = 1.0
        print(" ".join(cmd), stderr[-500:], file=sys.stderr)
    return out, stdout


def timed(cmd: list[str], cwd: Path | None = None) -> dict[str, Any]:
    """Run ``cmd`` under /usr/bin/time: its JSON line (if any) plus cpu/wall/rss of the process."""
    out, stdout = run_timed(cmd, cwd)
    last = stdout.strip().splitlines()[-1:] if stdout.strip() else []
    if last and last[0].startswith("{"):
        out.update(json.loads(last[0]))
        if "n" in out:
            out.pop("error", None)
    return out


def task(*args: str) -> dict[str, Any]:
    return timed([PY, str(HERE / "tasks.py"), *args])


def busy() -> str:
    """Say whether other heavy jobs (fuzzers) shared the machine during the run."""
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout.splitlines()
    fuzzers = sum(1 for line in ps if "atheris" in line or "/fuzz/fuzz_" in line)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return (
        f"Load at the end of the run: {load:.2f} (1 min); {fuzzers} fuzzer process(es) running"
        f"{' — wall-clock figures are pessimistic' if fuzzers else ''}."
    )


def rate(r: dict[str, Any], key: str = "cpu") -> float:
    return r.get("n", 0) / r[key] if r.get(key) else 0.0
