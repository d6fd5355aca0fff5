"""``skip-state`` in ``[tool.mustalah]``: the states a project never lints, as ``--skip-state``.

On the real Trados SDLXLIFF and memoQ MQXLIFF of tests/formats/real/ (PROVENANCE.md): the
SDLXLIFF has six lintable segments (Draft, Translated, Translated, Draft, ApprovedTranslation =
``final``, no level) beside two locked ones; the memoQ rows are all ``PartiallyEdited``.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.lint.config import load_config

REAL = Path(__file__).parents[1] / "formats" / "real"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _project(tmp_path: Path, name: str, setting: str) -> Path:
    copy = tmp_path / name
    shutil.copyfile(REAL / name, copy)
    (tmp_path / "pyproject.toml").write_text(f"[tool.mustalah]\nskip-state = {setting}\n", encoding="utf-8")
    return copy


def _units(path: Path, *args: str) -> int:
    code, out, err = _run("lint", "--format", "json", "--no-progress", "--fail-on", "never", *args, str(path))
    assert code == 0, err
    return int(json.loads(out)["summary"]["units"])


@pytest.mark.parametrize(
    ("setting", "units"),
    [("[]", 6), ('["final"]', 5), ('["translated", "Draft"]', 2), ('["FINAL", "ApprovedSignOff"]', 5)],
)
def test_skip_state_in_the_config_skips_those_units(tmp_path: Path, setting: str, units: int) -> None:
    sdlxliff = _project(tmp_path, "QuotesSample.docx.sdlxliff", setting)
    assert _units(sdlxliff) == units
    assert _units(sdlxliff, "--no-config") == 6


def test_the_command_line_overrides_the_config(tmp_path: Path) -> None:
    sdlxliff = _project(tmp_path, "QuotesSample.docx.sdlxliff", '["final"]')
    assert load_config(start=tmp_path).get("skip-state") == ["final"]
    assert _units(sdlxliff, "--skip-state", "translated") == 4  # not 3: the file's list is replaced


def test_memoq_status_in_the_config(tmp_path: Path) -> None:
    mqxliff = _project(tmp_path, "ChangeTracking_memoQ_1.mqxliff", '["PartiallyEdited"]')
    assert _units(mqxliff) == 0
    assert _units(mqxliff, "--no-config") == 5


@pytest.mark.parametrize("setting", ['"final"', '[1, "final"]', '[""]', "{final = true}"])
def test_a_value_that_is_not_a_list_of_states_is_a_usage_error(tmp_path: Path, setting: str) -> None:
    sdlxliff = _project(tmp_path, "QuotesSample.docx.sdlxliff", setting)
    code, out, err = _run("lint", str(sdlxliff))
    assert code == 2 and not out and "Traceback" not in err
    assert str(tmp_path / "pyproject.toml") in err and "is not a list of states" in err
    assert 'skip-state = ["final", "signed-off"]' in err
