"""Long runs a person watches: the progress bar moves as each shard of one large file
finishes, and a unit with a flood of findings reports at most the cap, saying so."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import time
from pathlib import Path

from mustalah.lint.run import MAX_FINDINGS_PER_UNIT
from mustalah.reports.progress import Progress

from .faults import mustalah_argv

LINE_AR = "أعلن مكتب الأمم المتحدة المعني بالمخدرات والجريمة اليوم عن برنامج جديد."


def test_progress_line_moves_within_one_file() -> None:
    now = [0.0]
    out = io.StringIO()
    progress = Progress(1, out, enabled=True, clock=lambda: now[0])
    now[0] = 10.0
    progress.task(5000, 1, 4)
    line = progress.line()
    assert "0/1 files (shard 1/4)" in line and "5000 units" in line and "500 units/s" in line
    assert "ETA 0:30" in line  # a quarter done in 10 s: 30 s to go
    now[0] = 20.0
    progress.task(5000, 2, 4)
    now[0] = 40.0
    progress.task(5000, 3, 4)
    progress.task(2000, 4, 4)
    progress.update(type("Done", (), {"units": 17000})())
    assert progress.units == 17000 and progress.files == 1
    assert "1/1 files ·" in progress.line()


def test_progress_is_drawn_as_shards_finish(tmp_path: Path) -> None:
    """A real run on a terminal (a pty): the bar shows shard 1/3 long before the run ends."""
    big = tmp_path / "big.txt"
    big.write_text((LINE_AR + "\n") * 12_000, encoding="utf-8")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        mustalah_argv("lint", "--no-config", "-j", "1", str(big), "--format", "json", "-o", "out.json"),
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    seen = b""
    first_shard_at = None
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if first_shard_at is None and b"(shard 1/3)" in seen:
                first_shard_at = time.monotonic()
                assert process.poll() is None, "the bar appeared only when the file was done"
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    os.close(leader)
    assert process.returncode in (0, 1)
    text = seen.decode("utf-8", errors="replace")
    assert first_shard_at is not None, text
    assert "units/s" in text and "ETA" in text
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["units"] == 12_000


def test_findings_per_unit_are_capped_and_the_cap_is_said(tmp_path: Path) -> None:
    en = " ".join(f"{i + 1000} people." for i in range(400))
    ar = " ".join(f"{i + 5000} شخص." for i in range(400))
    (tmp_path / "flood.tsv").write_text(
        f"{en}\t{ar}\nThe Security Council met 5 times.\tاجتمع مجلس الأمن 6 مرات.\n", encoding="utf-8"
    )
    done = subprocess.run(
        mustalah_argv("lint", "--no-config", "--no-progress", "flood.tsv", "--format", "json"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    per_unit: dict[str, int] = {}
    for finding in report["findings"]:
        per_unit[finding["unit"]] = per_unit.get(finding["unit"], 0) + 1
    assert per_unit["1"] == MAX_FINDINGS_PER_UNIT
    assert per_unit.get("2", 0) >= 1  # the other unit is untouched
    not_reported = report["summary"]["not_reported"]
    assert not_reported["units"] == 1 and not_reported["findings"] >= 400 - MAX_FINDINGS_PER_UNIT
    assert report["summary"]["findings"] == len(report["findings"])
    assert "were not reported" in done.stderr
    text = subprocess.run(
        mustalah_argv("lint", "--no-config", "--no-progress", "flood.tsv"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "over the per-unit cap not reported" in text.stdout
