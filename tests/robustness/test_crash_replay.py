"""Every input the fuzzers crashed on (fixtures/crashes/<target>-<what>.bin) now gives Segments or a
located InputError — never another exception.  The prefix names the fuzz target (fuzz/harness.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mustalah.errors import MustalahError
from mustalah.formats.tmx import read_tmx
from mustalah.formats.xliff2 import read_xliff2
from mustalah.formats.xliff12 import read_xliff12
from mustalah.termbase.tbx_read import read_tbx

from .helpers import FIXTURES, assert_user_error, run_cli

CRASHES = sorted((FIXTURES / "crashes").glob("*.bin"))
SUFFIX = {"tmx": ".tmx", "xliff12": ".xlf", "xliff2": ".xlf", "tbx": ".tbx"}


def test_there_are_regression_inputs() -> None:
    assert {p.name.split("-", 1)[0] for p in CRASHES} >= {"tmx", "xliff12", "xliff2", "tbx"}


@pytest.mark.parametrize("crash", CRASHES, ids=lambda p: p.stem)
def test_crash_input_is_now_a_located_error(tmp_path: Path, crash: Path) -> None:
    target = crash.name.split("-", 1)[0]
    path = tmp_path / f"input{SUFFIX[target]}"
    shutil.copy(crash, path)
    readers: dict[str, Callable[[Path], object]] = {
        "tmx": lambda p: list(read_tmx(p)),
        "xliff12": lambda p: list(read_xliff12(p)),
        "xliff2": lambda p: list(read_xliff2(p)),
        "tbx": read_tbx,
    }
    try:
        readers[target](path)
    except MustalahError as exc:
        assert exc.file == str(path) and exc.hint


@pytest.mark.parametrize(
    ("crash", "needle"),
    [
        ("xliff12-unknown-encoding-ltf8.bin", "unknown encoding 'ltf-8'"),
        ("xliff12-undeclared-prefix-sdl.bin", "Namespace prefix"),
        ("tbx-undeclared-prefix-root.bin", "not a TBX file"),
    ],
)
def test_crash_inputs_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], crash: str, needle: str
) -> None:
    target = crash.split("-", 1)[0]
    path = tmp_path / f"input{SUFFIX[target]}"
    shutil.copy(FIXTURES / "crashes" / crash, path)
    if target == "tbx":
        outcome = run_cli(capsys, "termbase", "check", "--termbase", str(path))
    else:
        outcome = run_cli(capsys, "lint", "--no-config", str(path))
    assert_user_error(outcome, "input", needle)
