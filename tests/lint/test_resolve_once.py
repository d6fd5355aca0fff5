"""Each input is resolved once per run (issue 18): the paths are walked once and each input's
format detected once — by the command line and the planner together, on any executor, with
the inputs split into shards — and a shard is read by its format's own reader."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import mustalah.cli.lint_cmd  # noqa: F401 - loaded before patching: main imports it lazily
from mustalah.cli.main import main
from mustalah.formats import registry
from mustalah.lint import inputs as lint_inputs
from mustalah.lint import run as lint_run
from tests.scale.unit_files import corpus_lines, po, tmx

RUN = ("--no-config", "--no-progress", "--format", "json", "--fail-on", "never")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A folder (a release folder, a TSV file, an Arabic text file), a TMX and a PO file."""
    root = tmp_path_factory.mktemp("once")
    en, ar = corpus_lines(60)
    folder = root / "corpus"
    (folder / "release").mkdir(parents=True)
    (folder / "release" / "en.txt").write_text("\n".join(en[:12]) + "\n", encoding="utf-8")
    (folder / "release" / "ar.txt").write_text("\n".join(ar[:12]) + "\n", encoding="utf-8")
    tsv = "".join(f"{e}\t{a}\n" for e, a in zip(en, ar, strict=True))
    (folder / "pairs.tsv").write_text(tsv, encoding="utf-8")
    (folder / "arabic.txt").write_text("\n".join(ar[:30]) + "\n", encoding="utf-8")
    (root / "memory.tmx").write_text(tmx(en, ar), encoding="utf-8")
    (root / "catalogue.po").write_text(po(en, ar), encoding="utf-8")
    return [str(folder), str(root / "memory.tmx"), str(root / "catalogue.po")]


def _counted(monkeypatch: pytest.MonkeyPatch, log: Path, name: str, original: Callable[..., Any]) -> None:
    """Replace ``original`` wherever a mustalah module holds it by one that logs each call to
    ``log`` (a file: pool workers, forked after this, log there too)."""

    def counted(*args: Any, **kwargs: Any) -> Any:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{name}\t{args[0]}\n")
        return original(*args, **kwargs)

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("mustalah") and getattr(module, name, None) is original:
            monkeypatch.setattr(module, name, counted)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_input_is_walked_and_detected_once(
    inputs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    log = tmp_path / "calls.log"
    log.touch()
    _counted(monkeypatch, log, "expand_inputs", lint_inputs.expand_inputs)
    _counted(monkeypatch, log, "detect_format", registry.detect_format)
    # small shards, so every input but the release folder is split (lines and units)
    monkeypatch.setattr(
        lint_run, "plan_tasks", functools.partial(lint_run.plan_tasks, lines_per_shard=7, units_per_shard=10)
    )
    planned: list[int] = []
    real_plan = lint_run._plan

    def plan(*args: Any, **kwargs: Any) -> Any:
        tasks = list(real_plan(*args, **kwargs))
        planned.append(len(tasks))
        return iter(tasks)

    monkeypatch.setattr(lint_run, "_plan", plan)
    out = tmp_path / "report.json"
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["lint", *inputs, *RUN, "--jobs", jobs, "-o", str(out)]) == 0
    calls = Counter(tuple(line.split("\t")) for line in log.read_text(encoding="utf-8").splitlines())
    walked = [args for (name, args) in calls if name == "expand_inputs"]
    assert len(walked) == 1 and calls[("expand_inputs", walked[0])] == 1
    detected = {path: n for (name, path), n in calls.items() if name == "detect_format"}
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    assert summary["files"] == 5 and len(detected) == 5, detected  # release, TSV, text, TMX, PO
    assert set(detected.values()) == {1}, detected
    assert planned[0] > 5 + 4  # the shards ran: several tasks for each of four inputs


def test_jobs_1_and_2_write_the_same_report(inputs: list[str], tmp_path: Path) -> None:
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"report-{jobs}.json"
        with contextlib.redirect_stderr(io.StringIO()):
            main(["lint", *inputs, *RUN, "--jobs", jobs, "-o", str(out)])
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]


def test_a_shard_error_names_the_line_and_byte_of_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shard reads with the format's reader told where it starts: a bad byte deep in a TSV
    file is located as the whole-file reader locates it (it was the shard's own line 3 before)."""
    en, ar = corpus_lines(40)
    lines = [f"{e}\t{a}\n".encode() for e, a in zip(en, ar, strict=True)]
    lines[30] = b"bad \xff byte\tx\n"
    path = tmp_path / "pairs.tsv"
    path.write_bytes(b"".join(lines))
    whole = registry.read_segments(str(path))
    with pytest.raises(Exception) as serial:
        list(whole)
    monkeypatch.setattr(lint_run, "plan_tasks", functools.partial(lint_run.plan_tasks, lines_per_shard=7))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["lint", str(path), "--no-config", "--no-progress", "--jobs", "1"]) == 2
    offset = sum(map(len, lines[:30])) + 4
    assert f"{path}:31: invalid UTF-8 byte 0xFF at byte offset {offset}" in err.getvalue()
    assert str(serial.value) in err.getvalue()
