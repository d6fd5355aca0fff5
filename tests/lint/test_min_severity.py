"""``--min-severity`` / ``min-severity``: the report shows findings at or above it, and the
summary counts the others by severity.

On real text: the TICO-19 en–ar memory of ../shared/conformance (3,071 units, professional
translators; most of its findings are notes: words the dictionary lacks) and the seed release.
Every severity's findings must be exactly the full run's findings of that severity.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from mustalah.cli.main import main
from tests.conftest import shared_path

RANK = {"info": 0, "warning": 1, "error": 2}


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _json(path: Path, *args: str) -> dict[str, Any]:
    code, out, err = _run("lint", "--format", "json", "--no-progress", "--no-config", *args, str(path))
    assert code in (0, 1), err
    doc: dict[str, Any] = json.loads(out)
    return doc


def _keys(findings: list[dict[str, Any]]) -> list[tuple[object, ...]]:
    return [(f["unit"], f["code"], f["start"], f["end"], f["side"]) for f in findings]


@pytest.fixture(scope="module")
def tico() -> Path:
    return shared_path("conformance", "tmx", "all.en-ar.tmx")


@pytest.fixture(scope="module")
def full(tico: Path) -> dict[str, Any]:
    return _json(tico)


@pytest.mark.parametrize("level", ["warning", "error"])
def test_only_findings_at_or_above_the_level_are_reported(
    tico: Path, full: dict[str, Any], level: str
) -> None:
    every = full["findings"]
    assert {f["severity"] for f in every} == {"error", "warning", "info"}  # the file has all three
    shown = _json(tico, "--min-severity", level)
    expected = [f for f in every if RANK[f["severity"]] >= RANK[level]]
    assert _keys(shown["findings"]) == _keys(expected)
    below = Counter(f["severity"] for f in every if RANK[f["severity"]] < RANK[level])
    summary = shown["summary"]
    assert summary["not_shown"] == {"below": level, "by_severity": dict(below)}
    assert summary["findings"] == len(expected)
    assert sum(summary["by_severity"].values()) == len(expected)
    assert summary["units"] == full["summary"]["units"]


def test_the_default_shows_everything_and_the_contract_gains_no_key(full: dict[str, Any]) -> None:
    assert "not_shown" not in full["summary"]
    assert full["summary"]["by_severity"]["info"] > 1000  # the notes a reviser may not want


def test_the_text_summary_says_what_it_left_out(tico: Path, full: dict[str, Any]) -> None:
    code, out, _ = _run("lint", "--no-progress", "--no-config", "--min-severity", "warning", str(tico))
    assert code == 1  # the errors are shown, so --fail-on error still fails
    last = out.strip().splitlines()[-1]
    infos = full["summary"]["by_severity"]["info"]
    assert last.endswith(f"; not shown below --min-severity warning: {infos} info"), last
    assert not re.search(r"\binfo +[A-Z]{2}\d{3} ", out)  # no note among the findings
    assert re.search(r"\berror +[A-Z]{2}\d{3} ", out) and re.search(r"\bwarning +[A-Z]{2}\d{3} ", out)


def test_fail_on_sees_only_what_is_shown(tmp_path: Path) -> None:
    seed = shared_path("seeds", "seed-release.ar.txt")
    doc = _json(seed)
    assert doc["summary"]["by_severity"].get("warning")  # the seed has warnings
    code, _, _ = _run("lint", "--no-progress", "--no-config", "--fail-on", "warning", str(seed))
    assert code == 1
    only_errors = _json(seed, "--min-severity", "error")
    assert set(only_errors["summary"]["by_severity"]) == {"error"}
    hidden = only_errors["summary"]["not_shown"]["by_severity"]
    assert hidden["warning"] == doc["summary"]["by_severity"]["warning"]


def test_the_config_sets_it_and_the_command_line_overrides_it(tmp_path: Path) -> None:
    seed = tmp_path / "seed.ar.txt"
    seed.write_bytes(shared_path("seeds", "seed-release.ar.txt").read_bytes())
    (tmp_path / "pyproject.toml").write_text('[tool.mustalah]\nmin-severity = "error"\n', encoding="utf-8")
    _, out, err = _run("lint", "--format", "json", "--no-progress", str(seed))
    assert set(json.loads(out)["summary"]["by_severity"]) == {"error"}, err
    _, out, err = _run("lint", "--format", "json", "--no-progress", "--min-severity", "info", str(seed))
    assert "info" in json.loads(out)["summary"]["by_severity"]
    assert "not_shown" not in json.loads(out)["summary"]


def test_a_wrong_value_in_the_config_is_a_located_usage_error(tmp_path: Path) -> None:
    seed = tmp_path / "seed.ar.txt"
    seed.write_text("مكتب الأمم المتحدة\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.mustalah]\nmin-severity = "notes"\n', encoding="utf-8")
    code, out, err = _run("lint", "--no-progress", str(seed))
    assert code == 2 and out == ""
    assert "pyproject.toml: min-severity = 'notes' is not a severity" in err
    assert "error, warning, info" in err
    assert "Traceback" not in err


def test_html_and_xlsx_say_what_was_left_out(tmp_path: Path) -> None:
    seed = shared_path("seeds", "seed-release.ar.txt")
    page = tmp_path / "r.html"
    code, _, err = _run(
        "lint",
        "--no-progress",
        "--no-config",
        "--min-severity",
        "warning",
        "--format",
        "html",
        "-o",
        str(page),
        str(seed),
    )
    assert code == 1, err
    infos = _json(seed)["summary"]["by_severity"]["info"]
    assert f"not shown below warning: {infos} info" in page.read_text(encoding="utf-8")
    assert 'class="sev info"' not in page.read_text(encoding="utf-8").split("By rule")[1]
