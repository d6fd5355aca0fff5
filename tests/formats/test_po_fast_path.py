"""The streaming PO fast path (formats/po_stream.py) yields exactly what polib yields.

polib stays the reference: each file is read twice, once through the fast path and once with
the fast path disabled (polib only), and the segments must be identical.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mustalah.errors import InputError
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
    segments = list(po_stream.read_segments(str(path), "en", None))
    assert [(s.target_lang, s.target, s.props) for s in segments] == [
        ("ar", "الأمم المتحدة", (("references", "a.c:1"),))
    ]


#: Tails the fast path declines after it has streamed the entries before them (one pass): polib
#: reads the file and read_po skips what was yielded — which must be what polib gives for them.
TAILS = [
    '#~ msgid "old"\n#~ msgstr "قديم"\n',
    '#~ "added to the entry before under polib"\nmsgid "y"\nmsgstr "ص"\n',
    '#| msgid "previous"\nmsgid "y"\nmsgstr "ص"\n',
    'msgid ""\nmsgstr ""\n"Language: fr\\n"\n',  # a second header: polib takes the last one
    'msgctxt "c"\nmsgid ""\nmsgstr "x"\n',
    'msgid "crlf"\r\nmsgstr "x"\r\n',
    'msgid  "two spaces"\nmsgstr "x"\n',
    "#, fuzzy\n#. note\n# tc\nmsgid \"z\"\nmsgid_plural \"zs\"\nmsgstr[0] \"a\"\nmsgstr[1] \"\"\n",
]


@given(po_entries(), st.sampled_from(TAILS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_files_declined_part_way(tmp_path_factory: pytest.TempPathFactory, text: str, tail: str) -> None:
    path = tmp_path_factory.mktemp("po") / "x.po"
    path.write_bytes((text + tail).encode("utf-8"))
    with pytest.MonkeyPatch.context() as mp:
        fast, slow = both_ways(path, mp)
    assert fast == slow


@pytest.mark.parametrize(
    "tail",
    ['msgid "broken\nmsgstr "x"\n', 'msgstr "no msgid"\n', b'msgid "\xff"\nmsgstr ""\n'],
    ids=["unterminated", "msgstr-alone", "bad-utf8"],
)
def test_a_file_polib_rejects_part_way_raises(tmp_path: Path, tail: str | bytes) -> None:
    body = HEADER + '#: a.c:1\nmsgid "a"\nmsgstr "أ"\n\nmsgid "b"\nmsgstr "ب"\n\n'
    path = tmp_path / "x.po"
    path.write_bytes(body.encode("utf-8") + (tail if isinstance(tail, bytes) else tail.encode("utf-8")))
    with pytest.raises(InputError):
        list(read_po(path))


def test_one_pass_only_when_no_other_line_can_be_an_empty_msgid(tmp_path: Path) -> None:
    single = tmp_path / "single.po"
    single.write_text(HEADER + 'msgid "a"\nmsgstr "أ"\n', encoding="utf-8")
    wrapped = tmp_path / "wrapped.po"
    wrapped.write_text(HEADER + 'msgid ""\n"a"\nmsgstr "أ"\n', encoding="utf-8")
    assert po_stream._single_header(str(single)) and not po_stream._single_header(str(wrapped))
