"""Terminal output (context, colour rules) and the progress bar."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from mustalah.lint.engine import InputResult
from mustalah.reports.progress import Progress
from mustalah.reports.text_report import context, render_text, use_colour

from ..conftest import REPO
from .conftest import lint

RELEASE = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_context_shows_words_around_the_span() -> None:
    text = "one two three four five SPAN six seven eight nine ten"
    start = text.index("SPAN")
    before, span, after = context(text, start, start + 4, words=2)
    assert (before, span, after) == ("…four five ", "SPAN", " six seven…")


def test_text_report_groups_release_units_and_marks_spans() -> None:
    result = lint(RELEASE)
    buf = io.StringIO()
    render_text(result, buf, colour=False)
    out = buf.getvalue()
    assert out.count(str(RELEASE)) == 1  # one group for en.txt + ar.txt
    for f in result.findings:
        if f.text:
            assert f"⟦{f.text}⟧" in out
    assert "\033[" not in out
    assert out.rstrip().endswith(f"in {result.summary.units} unit(s) of 1 file(s)")


def test_colour_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(_Tty()) and not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not use_colour(_Tty())
    monkeypatch.delenv("NO_COLOR")
    assert use_colour(io.StringIO())


def test_progress_draws_only_on_a_terminal_and_clears() -> None:
    times = iter([0.0, 1.0, 2.0])
    tty = _Tty()
    bar = Progress(2, tty, clock=lambda: next(times))
    bar.update(InputResult(path="a", units=10, findings=()))
    assert "1/2 files · 10 units · 10 units/s · ETA 0:01" in tty.getvalue()
    bar.update(InputResult(path="b", units=30, findings=()))
    assert "2/2 files · 40 units" in tty.getvalue()
    bar.close()
    assert tty.getvalue().endswith("\r")
    pipe = io.StringIO()
    quiet = Progress(2, pipe)
    quiet.update(InputResult(path="a", units=1, findings=()))
    quiet.close()
    assert pipe.getvalue() == ""


def test_cli_stderr_silent_when_not_a_terminal() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "from mustalah.cli.main import entry; entry()",
         "lint", str(RELEASE), "--no-config", "--format", "github"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.startswith("::")
