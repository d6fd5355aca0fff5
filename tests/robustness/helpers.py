"""Shared helpers for the robustness tests: run the CLI in-process or in a bounded subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from mustalah.cli.main import main

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: Runs a mustalah command in a child process and reports its peak RSS (ru_maxrss of the child).
_CHILD = """
import resource, sys, time
from mustalah.cli.main import main
start = time.perf_counter()
code = main(sys.argv[1:])
elapsed = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"MEASURE exit={code} seconds={elapsed:.2f} peak_kb={peak_kb}", file=sys.stderr)
sys.exit(code)
"""


@dataclass(frozen=True, slots=True)
class Outcome:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Outcome:
    """``mustalah ARGV`` in-process: any exception other than a handled MustalahError fails the test."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def run_measured(*argv: str, cwd: Path, timeout: float = 120) -> tuple[Outcome, dict[str, float]]:
    """``mustalah ARGV`` in a child process (bounded by ``timeout``), with its time and peak RSS."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    measure: dict[str, float] = {}
    for line in done.stderr.splitlines():
        if line.startswith("MEASURE "):
            measure = {k: float(v) for k, v in (item.split("=") for item in line.split()[1:])}
    return Outcome(done.returncode, done.stdout, done.stderr), measure


def assert_user_error(outcome: Outcome, *needles: str) -> None:
    """Exit 2, one ``mustalah: error:`` message containing every needle, a hint, and no traceback."""
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.err
    assert outcome.err.startswith("mustalah: error:"), outcome.err
    assert "hint:" in outcome.err, outcome.err
    for needle in needles:
        assert needle in outcome.err, (needle, outcome.err)


def sigint_as_usual() -> None:
    """In the child, before it runs mustalah: Ctrl-C at its default.  A test suite started as a
    background job of a non-interactive shell (``make test &``) has SIGINT ignored, the child
    inherits that, and Python then leaves SIGINT ignored: the interrupt a test sends would be lost."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
