"""Faults made real give a located message and exit 2, never a traceback, never a partial
output: a full disk (a full tmpfs), a file-size limit, files and folders this process may not
read or write (root without its permission override), folders and binary files where a file
is expected, file names that are not UTF-8, and Ctrl-C at start-up."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .faults import assert_located, fill, full_disk, mustalah_argv, parts, release, run, without_dac_override
from .helpers import sigint_as_usual

__all__ = ["full_disk"]  # the fixture, imported for pytest


def _tsv_termbase(tmp_path: Path) -> Path:
    tsv = tmp_path / "tb.tsv"
    tsv.write_text(
        "concept_id\tlang\tterm\tdomain\nSC\ten\tSecurity Council\tentities\nSC\tar\tمجلس الأمن\tentities\n",
        encoding="utf-8",
    )
    return tsv


def _no_space(done: subprocess.CompletedProcess[str], full: Path) -> None:
    assert_located(done, "No space left on device", str(full))
    assert parts(full) == []
    assert sorted(p.name for p in full.iterdir()) == ["filler", "previous.out"]
    assert (full / "previous.out").read_bytes() == b"previous"


def test_full_disk_lint_export_termbase_score(tmp_path: Path, full_disk: Path) -> None:
    rel = release(tmp_path)
    tsv = _tsv_termbase(tmp_path)
    # make room for the earlier output, then fill the disk again
    (full_disk / "filler").write_bytes((full_disk / "filler").read_bytes()[:-8192])
    (full_disk / "previous.out").write_bytes(b"previous")
    fill(full_disk / "filler")
    out = str(full_disk / "previous.out")
    runs = {
        "lint": ["lint", "--no-config", "--no-progress", str(rel), "--format", "json", "-o", out],
        "lint-baseline": ["lint", "--no-config", "--no-progress", str(rel), "--write-baseline", out],
        "lint-html": ["lint", "--no-config", "--no-progress", str(rel), "--format", "html", "-o", out],
        "export-tmx": ["export", "tmx", str(rel), "-o", out],
        "export-xliff": ["export", "xliff", str(rel), "--no-hints", "-o", out],
        "termbase-export": ["termbase", "export", "--to", "tbx2019", "--termbase", str(tsv), "-o", out],
        "termbase-import-file": ["termbase", "import", str(tsv), "-o", str(full_disk / "previous.out.yaml")],
        "score": [
            "score",
            "--source",
            str(rel / "ar.txt"),  # line-aligned with itself (the release sides have blank lines)
            "-r",
            str(rel / "ar.txt"),
            str(rel / "ar.txt"),
            "-o",
            out,
        ],
    }
    for name, argv in runs.items():
        done = run(*argv, cwd=tmp_path)
        assert done.returncode == 2, (name, done.stderr)
        _no_space(done, full_disk)
    for argv in (
        ["termbase", "import", str(tsv), "-o", str(full_disk / "tb")],
        ["termbase", "export", "--to", "yaml", "--termbase", str(tsv), "-o", str(full_disk / "tb")],
    ):
        done = run(*argv, cwd=tmp_path)
        assert_located(done, "No space left on device")
        assert not (full_disk / "tb").exists() and parts(full_disk) == []


def test_termbase_import_writes_the_folder_whole(tmp_path: Path) -> None:
    tsv = _tsv_termbase(tmp_path)
    assert run("termbase", "import", str(tsv), "-o", "tb", cwd=tmp_path).returncode == 0
    manifest = json.loads((tmp_path / "tb" / ".mustalah-termbase.json").read_text(encoding="utf-8"))
    assert manifest["files"] == ["entities.yaml"]
    # termbase export --to yaml into a folder: the same writer
    done = run("termbase", "export", "--to", "yaml", "--termbase", str(tsv), "-o", "exported", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "exported" / ".mustalah-termbase.json").is_file() and parts(tmp_path) == []
    # a file missing from a written folder is detected, not linted as a smaller termbase
    rel = release(tmp_path)
    (tmp_path / "tb" / "entities.yaml").rename(tmp_path / "elsewhere.yaml")
    done = run("lint", "--no-config", str(rel), "--termbase", "tb", cwd=tmp_path)
    assert_located(done, "incomplete termbase folder", "entities.yaml")
    # importing again replaces the folder as a whole; a folder with other files is refused
    assert run("termbase", "import", str(tsv), "-o", "tb", cwd=tmp_path).returncode == 0
    assert (tmp_path / "tb" / "entities.yaml").is_file()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    done = run("termbase", "import", str(tsv), "-o", "mine", cwd=tmp_path)
    assert_located(done, "holds other files", "notes.txt")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    # the unfinished temporary folder of an import is never taken for a termbase
    stale = tmp_path / f".tb.{os.getpid()}.x.part"
    stale.mkdir()
    (stale / "entities.yaml").write_bytes((tmp_path / "tb" / "entities.yaml").read_bytes())
    assert_located(run("lint", "--no-config", str(rel), "--termbase", str(stale), cwd=tmp_path), "unfinished")


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_file_size_limit_is_a_write_error(tmp_path: Path) -> None:
    rel = release(tmp_path)
    done = subprocess.run(
        mustalah_argv("export", "tmx", str(rel), "-o", "out.tmx"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_file_size,
    )
    assert_located(done, "out.tmx", "File too large")
    assert not (tmp_path / "out.tmx").exists() and parts(tmp_path) == []


def test_unreadable_inputs_and_read_only_output_folder(tmp_path: Path) -> None:
    no_dac = without_dac_override(tmp_path)
    rel = release(tmp_path)
    release(tmp_path, "good")
    (rel / "ar.txt").chmod(0)
    secret = tmp_path / "secret.tmx"
    secret.write_text("<tmx/>")
    secret.chmod(0)
    hidden_tb = tmp_path / "secret.tbx"
    hidden_tb.write_text("<tbx/>")
    hidden_tb.chmod(0)
    for argv in (
        ["lint", "--no-config", "--no-progress", "secret.tmx"],
        ["lint", "--no-config", "--no-progress", "rel"],
        ["export", "tmx", "secret.tmx", "-o", "o.tmx"],
        ["export", "tmx", "rel", "-o", "o.tmx"],
        ["termbase", "import", "secret.tbx", "-o", "o.yaml"],
        ["lint", "--no-config", "--no-progress", "good", "--termbase", "secret.tbx"],
    ):
        done = run(*argv, cwd=tmp_path, prefix=no_dac)
        assert_located(done, "Permission denied")
    done = run(
        "lint",
        "--no-config",
        "--no-progress",
        "--keep-going",
        "--format",
        "json",
        "good",
        "rel",
        "secret.tmx",
        cwd=tmp_path,
        prefix=no_dac,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["files"] == 1
    assert sorted(Path(e["file"]).name for e in report["summary"]["errors"]) == ["rel", "secret.tmx"]
    # an unreadable folder inside a walked one
    (tmp_path / "tree" / "locked").mkdir(parents=True)
    (tmp_path / "tree" / "locked").chmod(0)
    assert_located(run("lint", "--no-config", "tree", cwd=tmp_path, prefix=no_dac), "Permission denied")
    # a read-only output folder
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    for argv in (
        ["lint", "--no-config", "--no-progress", "good", "--format", "json", "-o", "ro/r.json"],
        ["export", "tmx", "good", "-o", "ro/o.tmx"],
        ["termbase", "import", str(_tsv_termbase(tmp_path)), "-o", "ro/tb"],
    ):
        done = run(*argv, cwd=tmp_path, prefix=no_dac)
        assert_located(done, "Permission denied", "ro")
    assert list(ro.iterdir()) == []


def test_folder_or_binary_where_a_file_is_expected(tmp_path: Path) -> None:
    rel = release(tmp_path)
    (tmp_path / "dir").mkdir()
    (tmp_path / "binary").write_bytes(bytes(range(256)) * 4)
    for option, needle in (("--baseline", "baseline"), ("--config", "")):
        for target in ("dir", "binary"):
            argv = ["lint", "--no-progress", str(rel), option, target]
            if option == "--baseline":
                argv.insert(1, "--no-config")
            done = run(*argv, cwd=tmp_path)
            assert_located(done, target, needle)


def test_undecodable_file_name_in_a_walked_folder(tmp_path: Path) -> None:
    rel = release(tmp_path)
    tree = tmp_path / "tree"
    tree.mkdir()
    odd = os.fsencode(tree) + b"/caf\xe9-\xff.txt"
    with open(odd, "wb") as handle:
        handle.write((rel / "ar.txt").read_bytes())
    for fmt in ("json", "text", "html"):
        done = run(
            "lint", "--no-config", "--no-progress", "tree", "--format", fmt, "-o", f"r.{fmt}", cwd=tmp_path
        )
        assert_located(done, "caf\\xe9-\\xff.txt", "not UTF-8", "rename")
        assert not (tmp_path / f"r.{fmt}").exists()


@pytest.mark.parametrize("delay", [0.02, 0.08, 0.15, 0.3])
def test_ctrl_c_at_start_up(tmp_path: Path, delay: float) -> None:
    """Ctrl-C while the command starts: exit 130 (or the run had finished), never a traceback
    from mustalah's code.  A signal that lands while the interpreter itself is still starting
    (before the first line of the package runs) gets Python's own report, which no program can
    handle: then no frame may be mustalah's."""
    rel = release(tmp_path)
    process = subprocess.Popen(
        mustalah_argv("lint", "--no-config", "--no-progress", str(rel), "-o", "out.json", "--format", "json"),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=sigint_as_usual,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    if "Traceback" in err:
        assert "mustalah/" not in err and "KeyboardInterrupt" in err, err  # the interpreter's start-up
    else:  # 130 from mustalah's handler; -SIGINT when it lands after the run, while Python exits
        assert process.returncode in (130, -signal.SIGINT, 0, 1), (process.returncode, err)
    if process.returncode == 130:
        assert not (tmp_path / "out.json").exists()
    elif (tmp_path / "out.json").exists():  # the run had finished: the output is whole
        assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["version"] == 1
    assert parts(tmp_path) == []


def test_an_internal_error_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    """A bug (here: a rule that raises, injected through the entry point's module) is reported
    as one 'internal error' line with exit 2; MUSTALAH_DEBUG=1 shows the traceback."""
    rel = release(tmp_path)
    code = (
        "import sys, mustalah.lint.run as run\n"
        "def broken(*a, **k): raise ZeroDivisionError('injected')\n"
        "run.lint_stream = broken\n"
        "import mustalah.cli.lint_cmd as cmd; cmd.lint_stream = broken\n"
        "from mustalah.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "MUSTALAH_DEBUG"}
    argv = ["lint", "--no-config", "--no-progress", str(rel)]
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "internal error: ZeroDivisionError: injected" in done.stderr and "hint:" in done.stderr
    debug = subprocess.run(
        [sys.executable, "-c", code, *argv],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "MUSTALAH_DEBUG": "1"},
    )
    assert "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr
