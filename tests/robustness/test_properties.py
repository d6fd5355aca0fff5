"""Property-based robustness (hypothesis): folding, the matcher and every reader on any input.

tests/matching/test_normalize.py checks folding on Arabic-like text; here the alphabet is all of
Unicode (surrogates excluded: they cannot reach us from a decoded file), the matcher runs over the
whole shipped termbase, and every reader gets arbitrary bytes and XML-shaped noise.
"""

from __future__ import annotations

import functools
import itertools
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mustalah.errors import InputError, MustalahError
from mustalah.formats import plain
from mustalah.formats.po import read_po
from mustalah.formats.registry import read_segments
from mustalah.formats.tmx import read_tmx
from mustalah.formats.xliff2 import read_xliff2
from mustalah.formats.xliff12 import read_xliff12
from mustalah.matching import TermIndex
from mustalah.model import Segment
from mustalah.termbase.loader import load_default
from mustalah.termbase.tbx_read import read_tbx
from mustalah.termbase.yaml_io import read_yaml
from mustalah.text.normalize import fold, fold_key, fold_level0

ANY_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=120)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(ANY_TEXT)
@FAST
def test_fold_on_any_unicode_maps_offsets_back(text: str) -> None:
    folded = fold(text)
    assert fold_key(folded.key) == folded.key  # idempotent
    positions = [folded.original(k) for k in range(len(folded.key))]
    assert positions == sorted(positions)
    assert all(0 <= p < len(text) for p in positions)
    assert folded.original(len(folded.key)) == len(text)
    for a, b in itertools.combinations(range(len(folded.key) + 1), 2):
        start, end = folded.span(a, b)
        assert 0 <= start <= end <= len(text)
    fold_level0(text)


# -- the matcher ---------------------------------------------------------------------------------


@functools.cache
def _index() -> tuple[TermIndex, tuple[str, ...], tuple[str, ...]]:
    termbase = load_default()
    index = TermIndex.build(termbase)
    ar = tuple(t.text for c in termbase.concepts for t in c.terms if t.lang.startswith("ar"))[:400]
    en = tuple(t.text for c in termbase.concepts for t in c.terms if t.lang.startswith("en"))[:400]
    return index, ar, en


NOISE = st.text(
    st.sampled_from(list("وبكلفال ،.()-\u0640\u064b\u200f\u00a0ىيةهأإآ0123456789abc")), max_size=6
)


@st.composite
def _term_text(draw: st.DrawFn, lang: str) -> str:
    _, ar, en = _index()
    terms = ar if lang == "ar" else en
    pieces = draw(
        st.lists(st.one_of(st.sampled_from(terms), NOISE, ANY_TEXT.map(lambda t: t[:8])), max_size=6)
    )
    return "".join(pieces)


def _check_matches(index: TermIndex, text: str, lang: str) -> None:
    matches = index.match(text, lang)
    last_end = -1
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert m.surface == text[m.start : m.end]
        assert m.start >= last_end  # sorted and not overlapping
        last_end = m.end
    for near in index.near_misses(text, lang, matches):
        assert 0 <= near.start <= near.end <= len(text)


@given(st.sampled_from(["ar", "en"]).flatmap(lambda lang: st.tuples(st.just(lang), _term_text(lang))))
@FAST
def test_matcher_spans_are_exact_sorted_and_disjoint(case: tuple[str, str]) -> None:
    lang, text = case
    _check_matches(_index()[0], text, lang)


@given(ANY_TEXT, st.sampled_from(["ar", "en", "fr"]))
@FAST
def test_matcher_never_crashes_on_any_unicode(text: str, lang: str) -> None:
    _check_matches(_index()[0], text, lang)


# -- the readers ---------------------------------------------------------------------------------

_WORK = Path(tempfile.mkdtemp(prefix="mustalah-props-"))
TAGS = [
    "tmx",
    "header",
    "body",
    "tu",
    "tuv",
    "seg",
    "bpt",
    "ept",
    "ph",
    "it",
    "hi",
    "xliff",
    "file",
    "unit",
    "segment",
    "source",
    "target",
    "trans-unit",
    "mrk",
    "g",
    "x",
    "pc",
    "sc",
    "ec",
    "tbx",
    "martif",
    "text",
    "conceptEntry",
    "termEntry",
    "langSec",
    "langSet",
    "termSec",
    "tig",
    "term",
    "descrip",
    "termNote",
]
ATTRS = [
    'xml:lang="ar"',
    'xml:lang="en"',
    'srclang="en"',
    'i="1"',
    'id="u1"',
    'tuid="1"',
    'pos="begin"',
    'xmlns="urn:oasis:names:tc:xliff:document:1.2"',
    'xmlns="urn:oasis:names:tc:xliff:document:2.0"',
    'xmlns="urn:iso:std:iso:30042:ed-2"',
    'type="termType"',
    'version="1.4"',
    'mtype="seg"',
    'mid="1"',
    'srcLang="en"',
    'trgLang="ar"',
    'type="administrativeStatus"',
]


@st.composite
def _xmlish(draw: st.DrawFn) -> bytes:
    """Element soup: real tag and attribute names, random nesting, text, entities and prologs."""
    depth = 0
    parts = [
        draw(
            st.sampled_from(
                [
                    "",
                    '<?xml version="1.0"?>',
                    '<?xml version="1.0" encoding="UTF-16"?>',
                    '<?xml version="1.0" encoding="windows-1256"?>',
                    "\ufeff",
                ]
            )
        )
    ]
    stack: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        choice = draw(st.integers(0, 4))
        if choice <= 1 and depth < 12:
            tag = draw(st.sampled_from(TAGS))
            attrs = " ".join(draw(st.lists(st.sampled_from(ATTRS), max_size=3, unique=True)))
            parts.append(f"<{tag} {attrs}>")
            stack.append(tag)
            depth += 1
        elif choice == 2 and stack:
            parts.append(f"</{stack.pop()}>")
            depth -= 1
        else:
            parts.append(
                draw(st.sampled_from(["الأمم", "UN", "&amp;", "&#x0;", "&bogus;", "<!-- c -->", " ", "]]>"]))
            )
    if draw(st.booleans()):
        parts.extend(f"</{tag}>" for tag in reversed(stack))
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1256"]))
    return "".join(parts).encode(encoding, errors="replace")


INPUTS = st.one_of(st.binary(max_size=400), _xmlish())


def _consume(segments: Iterator[Segment]) -> None:
    for segment in segments:
        assert isinstance(segment, Segment)
        assert isinstance(segment.source, str)


READERS: dict[str, tuple[str, Callable[[Path], object]]] = {
    "tmx": (".tmx", lambda p: _consume(read_tmx(p))),
    "xliff12": (".xlf", lambda p: _consume(read_xliff12(p))),
    "xliff2": (".xlf", lambda p: _consume(read_xliff2(p))),
    "detected-xml": (".xml", lambda p: _consume(read_segments(p))),
    "po": (".po", lambda p: _consume(read_po(p))),
    "text": (".txt", lambda p: _consume(plain.read_text(p))),
    "tsv": (".tsv", lambda p: _consume(plain.read_tsv(p))),
    "tbx": (".tbx", read_tbx),
    "yaml": (".yaml", read_yaml),
}


@given(st.sampled_from(sorted(READERS)), INPUTS)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_reader_yields_segments_or_a_located_error(reader: str, data: bytes) -> None:
    suffix, read = READERS[reader]
    path = _WORK / f"input{suffix}"
    path.write_bytes(data)
    try:
        read(path)
    except InputError as exc:
        assert exc.file and str(path) in str(exc)
    except MustalahError as exc:  # TermbaseError for an unreadable termbase file
        assert exc.file


@given(st.binary(max_size=200), st.binary(max_size=200))
@settings(max_examples=100, deadline=None)
def test_release_folder_on_any_bytes(en: bytes, ar: bytes) -> None:
    folder = _WORK / "release"
    folder.mkdir(exist_ok=True)
    (folder / "en.txt").write_bytes(en)
    (folder / "ar.txt").write_bytes(ar)
    try:
        _consume(plain.read_release(folder))
    except InputError as exc:
        assert exc.file and str(folder) in str(exc)


def test_matcher_property_inputs_do_contain_terms() -> None:
    """The generator above is only useful if term texts really match: check it on plain terms."""
    index, ar, en = _index()
    assert index.match(" و".join(ar[:20]), "ar")
    assert index.match(". ".join(en[:20]), "en")
