"""No output ever replaces a file the run reads, a device or FIFO, or survives half-written.

Each case is the fault made real: the same file by another name (hard link, symlink, walked
folder), ``/dev/null`` and a FIFO, a real SIGTERM and SIGKILL to a real process, a ``.part``
left by a process that is gone."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from .faults import assert_located, mustalah_argv, parts, release, run

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
<tu tuid="1"><tuv xml:lang="en"><seg>The Security Council met today.</seg></tuv>
<tuv xml:lang="ar"><seg>اجتمع مجلس الأمن اليوم.</seg></tuv></tu>
</body></tmx>
"""


def _same(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before, f"{path} was changed"


def test_report_over_a_file_in_a_walked_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "b.tmx").write_text(TMX, encoding="utf-8")
    before = (folder / "b.tmx").read_bytes()
    done = run("lint", "--no-config", str(folder), "-o", str(folder / "b.tmx"), cwd=tmp_path)
    assert_located(done, "is also an input", "b.tmx")
    _same(folder / "b.tmx", before)


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_output_over_a_release_side_is_refused(tmp_path: Path, option: str) -> None:
    rel = release(tmp_path)
    before = (rel / "ar.txt").read_bytes()
    done = run("lint", "--no-config", str(rel), option, str(rel / "ar.txt"), cwd=tmp_path)
    assert_located(done, "is also an input", "ar.txt")
    _same(rel / "ar.txt", before)


def test_output_by_another_name_is_refused(tmp_path: Path) -> None:
    rel = release(tmp_path)
    before = (rel / "en.txt").read_bytes()
    os.link(rel / "en.txt", tmp_path / "hard.txt")
    (tmp_path / "soft.json").symlink_to(rel / "en.txt")
    for name in ("hard.txt", "soft.json", "./rel/../rel/en.txt"):
        done = run("lint", "--no-config", "rel", "-o", name, cwd=tmp_path)
        assert_located(done, "is also an input")
    _same(rel / "en.txt", before)


def test_termbase_config_and_baseline_are_inputs_too(tmp_path: Path) -> None:
    rel = release(tmp_path)
    termbase = tmp_path / "tb.tsv"
    termbase.write_text(
        "concept_id\tlang\tterm\nc1\ten\tSecurity Council\nc1\tar\tمجلس الأمن\n", encoding="utf-8"
    )
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.mustalah]\nfail-on = 'never'\n", encoding="utf-8")
    baseline = tmp_path / "base.json"
    assert (
        run("lint", "--no-config", str(rel), "--write-baseline", str(baseline), cwd=tmp_path).returncode == 0
    )
    for extra, target in (
        (["--termbase", str(termbase), "--no-config"], termbase),
        (["--config", str(config)], config),
        (["--baseline", str(baseline), "--no-config"], baseline),
    ):
        before = target.read_bytes()
        done = run("lint", str(rel), *extra, "-o", str(target), cwd=tmp_path)
        assert_located(done, "is also an input", target.name)
        _same(target, before)


def test_export_and_score_refuse_an_input_by_identity(tmp_path: Path) -> None:
    rel = release(tmp_path)
    os.link(rel / "ar.txt", tmp_path / "copy.tmx")
    before = (rel / "ar.txt").read_bytes()
    assert_located(run("export", "tmx", str(rel), "-o", "copy.tmx", cwd=tmp_path), "is also an input")
    done = run(
        "score",
        "-r",
        str(rel / "ar.txt"),
        "--source",
        str(rel / "en.txt"),
        str(rel / "ar.txt"),
        "-o",
        "copy.tmx",
        cwd=tmp_path,
    )
    assert_located(done, "is also an input")
    _same(rel / "ar.txt", before)


def test_termbase_export_and_import_refuse_their_input(tmp_path: Path) -> None:
    tsv = tmp_path / "tb.tsv"
    tsv.write_text("concept_id\tlang\tterm\nSC\ten\tSecurity Council\nSC\tar\tمجلس الأمن\n", encoding="utf-8")
    before = tsv.read_bytes()
    os.link(tsv, tmp_path / "same.tsv")
    done = run("termbase", "export", "--to", "tsv", "--termbase", "tb.tsv", "-o", "same.tsv", cwd=tmp_path)
    assert_located(done, "is also an input")
    done = run("termbase", "import", "tb.tsv", "-o", str(tmp_path), cwd=tmp_path)  # the folder holding it
    assert_located(done, "holds an input", "tb.tsv")
    _same(tsv, before)


def test_dev_stdout_is_written_in_place(tmp_path: Path) -> None:
    rel = release(tmp_path)
    link = os.lstat("/dev/stdout")
    with open(tmp_path / "captured.json", "wb") as captured:
        done = subprocess.run(
            mustalah_argv("lint", "--no-config", str(rel), "--format", "json", "-o", "/dev/stdout"),
            cwd=tmp_path,
            stdout=captured,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode in (0, 1), done.stderr
    after = os.lstat("/dev/stdout")
    assert (after.st_ino, after.st_mode) == (link.st_ino, link.st_mode)  # not replaced
    assert json.loads((tmp_path / "captured.json").read_text(encoding="utf-8"))["version"] == 1


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can replace /dev/null (the CI case)")
def test_dev_null_stays_a_device(tmp_path: Path) -> None:
    rel = release(tmp_path)
    done = run("lint", "--no-config", str(rel), "--format", "json", "-o", "/dev/null", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not [n for n in os.listdir("/dev") if n.startswith(".null.")]


def test_fifo_is_written_in_place_and_dash_is_stdout(tmp_path: Path) -> None:
    rel = release(tmp_path)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    done = run("lint", "--no-config", str(rel), "--format", "json", "-o", str(fifo), cwd=tmp_path)
    reader.join(timeout=60)
    assert done.returncode in (0, 1), done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(got[0])["version"] == 1
    dash = run("lint", "--no-config", str(rel), "--format", "json", "-o", "-", cwd=tmp_path)
    assert json.loads(dash.stdout)["version"] == 1
    assert not (tmp_path / "-").exists()


def test_stale_part_of_our_own_output_is_removed(tmp_path: Path) -> None:
    rel = release(tmp_path)
    gone = subprocess.Popen(["true"])
    gone.wait()
    stale = tmp_path / f".out.json.{gone.pid}.abc123.part"
    alive = tmp_path / f".out.json.{os.getpid()}.def456.part"  # a run still writing
    other = tmp_path / f".other.json.{gone.pid}.abc123.part"  # another output's
    for path in (stale, alive, other):
        path.write_text("half")
    done = run("lint", "--no-config", str(rel), "--format", "json", "-o", "out.json", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert not stale.exists() and alive.exists() and other.exists()
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["version"] == 1


def _big_release(tmp_path: Path) -> Path:
    rel = release(tmp_path)
    en = (rel / "en.txt").read_text(encoding="utf-8")
    ar = (rel / "ar.txt").read_text(encoding="utf-8")
    (rel / "en.txt").write_text(en * 400, encoding="utf-8")
    (rel / "ar.txt").write_text(ar * 400, encoding="utf-8")
    return rel


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(tmp_path: Path, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        mustalah_argv(*argv), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _wait_for(condition: object, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("the condition was never met")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_is_handled_like_ctrl_c(tmp_path: Path, jobs: str) -> None:
    rel = _big_release(tmp_path)
    process = _start(
        tmp_path,
        "lint",
        "--no-config",
        "--no-progress",
        str(rel),
        "-j",
        jobs,
        "--format",
        "json",
        "-o",
        "out.json",
    )
    _wait_for(lambda: parts(tmp_path) or process.poll() is not None)
    if jobs == "2":
        _wait_for(lambda: len(_children(process.pid)) >= 2 or process.poll() is not None)
    workers = _children(process.pid)
    assert process.poll() is None, "the run ended before the signal; grow the input"
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "terminated" in err and "Traceback" not in err
    assert not (tmp_path / "out.json").exists()
    assert parts(tmp_path) == []
    _wait_for(lambda: not any(_alive(w) for w in workers), 20)


def test_workers_die_with_a_killed_parent_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    rel = _big_release(tmp_path)
    process = _start(
        tmp_path,
        "lint",
        "--no-config",
        "--no-progress",
        str(rel),
        "-j",
        "2",
        "--format",
        "json",
        "-o",
        "out.json",
    )
    _wait_for(lambda: (parts(tmp_path) and len(_children(process.pid)) >= 2) or process.poll() is not None)
    workers = _children(process.pid)
    assert process.poll() is None and len(workers) >= 2
    process.kill()
    process.communicate(timeout=60)
    _wait_for(lambda: not any(_alive(w) for w in workers), 20)
    assert parts(tmp_path), "SIGKILL cannot clean up: the .part stays until the next run"
    small = release(tmp_path, "small")
    done = run("lint", "--no-config", str(small), "--format", "json", "-o", "out.json", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert parts(tmp_path) == []


@pytest.mark.parametrize("value", ["0", "-1"])
def test_non_positive_jobs_are_refused(tmp_path: Path, value: str) -> None:
    rel = release(tmp_path)
    assert_located(
        run("lint", "--no-config", str(rel), f"--jobs={value}", cwd=tmp_path), "--jobs", "at least 1"
    )
    done = run(
        "score",
        "-r",
        str(rel / "ar.txt"),
        "--source",
        str(rel / "en.txt"),
        str(rel / "ar.txt"),
        f"--jobs={value}",
        cwd=tmp_path,
    )
    assert_located(done, "--jobs", "at least 1")


def test_huge_jobs_is_bounded_with_a_message(tmp_path: Path) -> None:
    rel = release(tmp_path)
    done = run(
        "lint", "--no-config", "--no-progress", str(rel), "--jobs", "10000", "--format", "json", cwd=tmp_path
    )
    assert done.returncode in (0, 1), done.stderr
    limit = 4 * (os.cpu_count() or 1)
    assert f"using {limit} worker processes" in done.stderr
    assert json.loads(done.stdout)["summary"]["files"] == 1
