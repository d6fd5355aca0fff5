"""The streaming PO fast path (formats/po_stream.py) yields exactly what polib yields.

polib stays the reference: each file is read twice, once through the fast path and once with
the fast path disabled (polib only), and the segments must be identical.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mustalah.formats import po_stream
from mustalah.formats.po import read_po
from tests.conftest import SHARED

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n\n'


def both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[object]]:
    fast = list(read_po(path))

    def decline(*_args: object) -> object:
        raise po_stream.NotCanonical("test: polib only")

    with monkeypatch.context() as m:
        m.setattr(po_stream, "read_segments", decline)
        slow = list(read_po(path))
    return fast, slow


@pytest.mark.parametrize("name", ["ar.po", "one.po", "plural.po"])
def test_conformance_po_files(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = SHARED / "conformance" / "po" / name
    if not path.exists():
        pytest.skip(f"needs {path} (the shared folder beside the repository)")
    fast, slow = both_ways(path, monkeypatch)
    assert fast == slow and fast


TEXT = st.text(alphabet=st.sampled_from(list('ab ي م"\\\t\n%{}مركز')), max_size=12)


def quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\t", "\\t") + '"'


@st.composite
def po_entries(draw: st.DrawFn) -> str:
    parts = [HEADER]
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            parts.append(f"# {draw(st.sampled_from(['mustalah: ignore TM002', 'note', '']))}\n")
        if draw(st.booleans()):
            parts.append("#: src/file.c:12\n")
        if draw(st.booleans()):
            parts.append(f"msgctxt {quoted(draw(TEXT))}\n")
        parts.append(f"msgid {quoted(draw(TEXT) or 'x')}\n")
        if draw(st.booleans()):
            parts.append(f"msgid_plural {quoted(draw(TEXT))}\n")
            for k in range(draw(st.integers(1, 3))):
                parts.append(f"msgstr[{k}] {quoted(draw(TEXT))}\n")
        else:
            parts.append(f'msgstr {quoted(draw(TEXT))}\n"{draw(st.sampled_from(["", "more"]))}"\n')
        parts.append("\n" * draw(st.integers(1, 2)))
    return "".join(parts)


@given(po_entries())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_generated_po_files(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("po") / "x.po"
    path.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        fast, slow = both_ways(path, mp)
    assert fast == slow


def test_the_fast_path_is_taken_for_canonical_po(tmp_path: Path) -> None:
    path = tmp_path / "c.po"
    path.write_text(HEADER + '#: a.c:1\nmsgid "United Nations"\nmsgstr "الأمم المتحدة"\n', encoding="utf-8")
    metadata, entries = po_stream.read_entries(str(path))
    assert metadata["Language"] == "ar" and [e.msgstr for e in entries] == ["الأمم المتحدة"]
