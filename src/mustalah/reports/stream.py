"""Streaming report writers: findings go to the output as the lint produces them.

``lint.run.lint_stream`` hands each finished task's findings to a sink; the writers here
encode them at once into a seekable binary file, so the main process holds a task's
findings, never the corpus's.  The bytes are exactly what the in-memory renderers
(``json_report``, ``sarif_report``, ``github_report``) write for the same findings: the
JSON documents are framed by dumping the renderer's own document with a placeholder where
the findings go, and each finding is dumped with the same encoder settings, its lines
indented to the placeholder's depth (tests check the identity).

The output file is the temporary file of :func:`~mustalah.fileio.atomic_binary` (renamed
over ``-o FILE`` only when the run completes), or, for stdout, an anonymous temporary file
copied to stdout at the end: a failed run never leaves half a report anywhere.  An input
that turns out unreadable half-way (``--keep-going``) is cut back out with
:meth:`StreamWriter.rollback` (seek and truncate).

``--format html`` is not here: its page needs every finding with its unit's text, so it is
rendered in memory (``mustalah.cli.lint_cmd`` warns on large inputs).
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import IO, Any

from ..fileio import atomic_binary
from ..lint.suppress import write_baseline
from ..model import Finding, LintResult, LintSummary, Segment
from .github_report import annotation
from .json_report import JSON_VERSION, summary_json
from .sarif_report import rule_indexes, sarif_log, sarif_result

_SLOT = "\ue000mustalah:findings\ue000"  # a private-use placeholder no finding can contain
CHUNK = 1 << 20


@contextlib.contextmanager
def report_output(path: str | None) -> Iterator[IO[bytes]]:
    """A seekable binary file for the report: ``path``'s atomic temporary file, or (no path)
    an anonymous one whose content is copied to ``sys.stdout`` once the block completes."""
    if path:
        with atomic_binary(path) as handle:
            yield handle
        return
    with tempfile.TemporaryFile(prefix="mustalah-report-") as spool:
        yield spool
        spool.seek(0)
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        try:
            shutil.copyfileobj(text, sys.stdout, CHUNK)
        finally:
            text.detach()


def json_frame(doc: dict[str, Any]) -> tuple[str, str, str]:
    """``(head, indent, tail)`` of ``doc`` dumped as the renderers dump it (``indent=1``),
    where ``doc`` holds the list ``[_SLOT]`` in place of the findings: ``head`` ends with the
    list's ``[``, ``indent`` is an item's indentation, ``tail`` starts with the newline
    before the closing ``]``."""
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    at = text.index(json.dumps(_SLOT, ensure_ascii=False))
    line = text.rindex("\n", 0, at)
    return text[:line], text[line + 1 : at], text[text.index("\n", at) :]


class StreamWriter:
    """The sink protocol (``lint.run.FindingSink``) over a binary file, with rollback."""

    needs_segments = False

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.items = 0  # findings written (for separators)
        self._marks: list[tuple[int, int]] = []

    def write(self, text: str) -> None:
        self.out.write(text.encode("utf-8"))

    def mark(self) -> int:
        self.out.flush()
        self._marks.append((self.out.tell(), self.items))
        return len(self._marks) - 1

    def rollback(self, mark: int) -> None:
        position, self.items = self._marks[mark]
        self.out.seek(position)
        self.out.truncate()

    def add(self, path: str, findings: Sequence[Finding], segments: Sequence[Segment]) -> None:
        if findings:
            self.write("".join(self.encode(f, self.items + i) for i, f in enumerate(findings)))
            self.items += len(findings)

    def conclusions(self, findings: Sequence[Finding]) -> None:
        self.add("", findings, ())

    def encode(self, finding: Finding, number: int) -> str:
        """The bytes of one finding, the ``number``-th (from 0) of the report."""
        raise NotImplementedError

    def finish(self, summary: LintSummary) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Nothing to release: the output file is the caller's."""


class _ListWriter(StreamWriter):
    """A JSON document with one streamed list (``json_frame``)."""

    def __init__(self, out: IO[bytes], head: str, indent: str) -> None:
        super().__init__(out)
        self.indent = indent
        self.write(head)

    def encode(self, finding: Finding, number: int) -> str:
        item = json.dumps(self.item(finding), ensure_ascii=False, indent=1)
        sep = "," if number else ""
        return f"{sep}\n{self.indent}{item.replace(chr(10), chr(10) + self.indent)}"

    def item(self, finding: Finding) -> dict[str, Any]:
        raise NotImplementedError

    def close_list(self, tail: str) -> None:
        """``tail`` from :func:`json_frame`; an empty list is written ``[]`` as json does."""
        self.write(tail if self.items else tail[tail.index("]") :])


class JsonWriter(_ListWriter):
    """``--format json``: ``json_report.render_json``'s bytes."""

    def __init__(self, out: IO[bytes]) -> None:
        head, indent, _ = json_frame(self._doc(LintSummary(0, 0, 0)))
        super().__init__(out, head, indent)

    @staticmethod
    def _doc(summary: LintSummary) -> dict[str, Any]:
        return {"version": JSON_VERSION, "findings": [_SLOT], "summary": summary_json(summary)}

    def item(self, finding: Finding) -> dict[str, Any]:
        return finding.to_json()

    def finish(self, summary: LintSummary) -> None:
        self.close_list(json_frame(self._doc(summary))[2] + "\n")


class SarifWriter(_ListWriter):
    """``--format sarif``: ``sarif_report.render_sarif``'s bytes."""

    def __init__(self, out: IO[bytes]) -> None:
        doc = sarif_log(LintResult((), LintSummary(0, 0, 0)))
        doc["runs"][0]["results"] = [_SLOT]
        head, indent, self._tail = json_frame(doc)
        self._rules = rule_indexes()
        super().__init__(out, head, indent)

    def item(self, finding: Finding) -> dict[str, Any]:
        return sarif_result(finding, self._rules)

    def finish(self, summary: LintSummary) -> None:
        self.close_list(self._tail + "\n")


class JsonlWriter(StreamWriter):
    """``--format jsonl``: one finding per line, then the summary line."""

    def __init__(self, out: IO[bytes]) -> None:
        super().__init__(out)

    def encode(self, finding: Finding, number: int) -> str:
        return json.dumps({"version": JSON_VERSION, **finding.to_json()}, ensure_ascii=False) + "\n"

    def finish(self, summary: LintSummary) -> None:
        line = json.dumps({"version": JSON_VERSION, "summary": summary_json(summary)}, ensure_ascii=False)
        self.write(line + "\n")


class GithubWriter(StreamWriter):
    """``--format github``: one workflow command per finding, then the totals line."""

    def __init__(self, out: IO[bytes]) -> None:
        super().__init__(out)

    def encode(self, finding: Finding, number: int) -> str:
        return annotation(finding) + "\n"

    def finish(self, summary: LintSummary) -> None:
        s = summary
        self.write(f"mustalah: {s.findings} finding(s) in {s.units} unit(s) of {s.files} file(s)\n")


_BLANK = Finding("", "", "", "info", "", "", "", "source", 0, 0, "", "")


class BaselineWriter:
    """``--write-baseline FILE``: keeps only the fingerprints (a set of 20-character strings)."""

    needs_segments = False

    def __init__(self, path: str) -> None:
        self.path = path
        self.prints: set[str] = set()
        self.written = 0
        self._marks = 0
        self._current: set[str] = set()  # fingerprints first added by the current input

    def mark(self) -> int:
        self._marks += 1
        self._current = set()
        return self._marks - 1

    def rollback(self, mark: int) -> None:
        # Only the current input is ever rolled back (lint_stream marks before each input).
        assert mark == self._marks - 1
        self.prints -= self._current
        self._current = set()

    def add(self, path: str, findings: Sequence[Finding], segments: Sequence[Segment]) -> None:
        new = {f.fingerprint for f in findings if f.fingerprint} - self.prints
        self._current |= new
        self.prints |= new

    def conclusions(self, findings: Sequence[Finding]) -> None:
        self.prints.update(f.fingerprint for f in findings if f.fingerprint)

    def finish(self, summary: LintSummary) -> None:
        # write_baseline owns the file format; it reads only the fingerprints.
        self.written = write_baseline(self.path, (replace(_BLANK, fingerprint=p) for p in self.prints))
