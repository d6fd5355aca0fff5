"""Outputs are atomic: Ctrl-C (SIGINT) in the middle of a run or of a write leaves neither the
output nor a ``*.part`` file; an exception inside the writer leaves the old output untouched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mustalah.fileio import atomic_text

from .helpers import sigint_as_usual

LINE_AR = "أعلن مكتب الأمم المتحدة المعنى بالمخدرات والجريمة اليوم عن برنامج جديد في 12 بلدا."
LINE_EN = "The United Nations Office on Drugs and Crime announced a new programme today."


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def _start(folder: Path, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from mustalah.cli.main import main; sys.exit(main(sys.argv[1:]))",
            *argv,
        ],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=sigint_as_usual,
    )


def _interrupt(process: subprocess.Popen[str], ready: Callable[[], bool]) -> tuple[int, str]:
    deadline = time.monotonic() + 60
    while not ready() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the command finished before it could be interrupted; grow the input"
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    return process.returncode, err


def test_sigint_during_lint_leaves_no_output(tmp_path: Path) -> None:
    big = tmp_path / "big-input.txt"
    big.write_text((LINE_AR + "\n") * 40_000, encoding="utf-8")
    process = _start(
        tmp_path, "lint", "--no-config", "--no-progress", str(big), "--format", "json", "-o", "out.json"
    )
    started = time.monotonic()
    code, err = _interrupt(process, lambda: time.monotonic() - started > 2.5)
    assert code == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert not (tmp_path / "out.json").exists()
    assert _leftovers(tmp_path) == []


def test_sigint_while_export_tmx_is_writing_leaves_no_output(tmp_path: Path) -> None:
    big = tmp_path / "big.tsv"
    big.write_text(f"{LINE_EN}\t{LINE_AR}\n" * 300_000, encoding="utf-8")
    process = _start(tmp_path, "export", "tmx", str(big), "-o", "out.tmx")
    code, err = _interrupt(process, lambda: bool(_leftovers(tmp_path)))  # the temporary file is being written
    assert code == 130, err
    assert "Traceback" not in err
    assert not (tmp_path / "out.tmx").exists()
    assert _leftovers(tmp_path) == []


def test_failed_write_keeps_the_previous_output(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_text(target) as out:
        out.write("half of a new report")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "previous"
    assert _leftovers(tmp_path) == []
    with atomic_text(target) as out:
        out.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    assert os.listdir(tmp_path) == ["report.json"]
