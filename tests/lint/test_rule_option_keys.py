"""Rule options keyed by a rule's name reach the rule, as options keyed by its code do.

The bug: ``[tool.mustalah.rules.term-missing] count = false`` passed validation, but
the options were stored under the key as written and rules look them up by code, so
TM001 still counted.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.lint.config import load_config


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def release(tmp_path: Path) -> Path:
    """Two source mentions of an official name, one target mention: TM001 only when counting."""
    folder = tmp_path / "rel"
    folder.mkdir()
    name = "The Plan of Action to Prevent Violent Extremism"
    (folder / "en.txt").write_text(
        f"{name} was launched on Monday. {name} was discussed on Tuesday.\n", encoding="utf-8"
    )
    (folder / "ar.txt").write_text(
        "أُطلقت خطة العمل لمنع التطرف العنيف يوم الاثنين. ونوقشت يوم الثلاثاء.\n", encoding="utf-8"
    )
    return folder


def _codes(release: Path) -> list[str]:
    code, out, err = _run("lint", str(release), "--format", "json", "--select", "TM001", "--fail-on", "never")
    assert code == 0, err
    return [f["code"] for f in json.loads(out)["findings"]]


def test_counting_is_on_by_default(release: Path) -> None:
    assert _codes(release) == ["TM001"]


@pytest.mark.parametrize("key", ["TM001", "term-missing", '"term-missing"'])
def test_an_option_keyed_by_code_or_name_reaches_the_rule(release: Path, key: str) -> None:
    (release.parent / "pyproject.toml").write_text(
        f"[tool.mustalah.rules.{key}]\ncount = false\n", encoding="utf-8"
    )
    assert load_config(start=release).get("rules") == {"TM001": {"count": False}}
    assert _codes(release) == []


def test_one_rule_in_two_tables_is_a_usage_error(release: Path) -> None:
    config = release.parent / "pyproject.toml"
    config.write_text(
        "[tool.mustalah.rules.TM001]\ncount = false\n[tool.mustalah.rules.term-missing]\ncount = true\n",
        encoding="utf-8",
    )
    code, out, err = _run("lint", str(release))
    assert code == 2 and not out and "Traceback" not in err
    assert str(config) in err and "both set options of TM001" in err
