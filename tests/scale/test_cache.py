"""The on-disk compiled index: built once, then loaded; a damaged file is rebuilt, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from mustalah.matching import cache
from mustalah.matching.index import TermIndex
from mustalah.termbase.loader import load_termbase

ARABIC = "وأعلن مكتب الأمم المتحدة لمكافحة الإرهاب عن برنامج جديد."


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(folder))
    cache.clear_memo()
    yield folder
    cache.clear_memo()


def test_location_follows_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MUSTALAH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "mustalah"
    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(tmp_path / "own"))
    assert cache.cache_dir() == tmp_path / "own"


def test_second_load_hits_and_matches_like_a_fresh_build(cache_home: Path) -> None:
    termbase, _index = cache.cached_index(None)
    first = cache.last_stats()
    assert first is not None and not first.hit
    assert first.path is not None and first.path.is_file() and first.path.parent == cache_home
    cache.clear_memo()  # a new process: only the disk copy is left
    termbase2, index2 = cache.cached_index(None)
    second = cache.last_stats()
    assert second is not None and second.hit
    assert termbase2 == termbase
    assert termbase2.content_hash() == termbase.content_hash() == index2.termbase_hash
    fresh = TermIndex.build(load_termbase(None))
    expected = fresh.match(ARABIC, "ar")
    assert expected, "the shipped termbase must know this name"
    assert index2.match(ARABIC, "ar") == expected
    assert index2.near_misses(ARABIC, "ar") == fresh.near_misses(ARABIC, "ar")


@pytest.mark.parametrize("damage", [b"", b"garbage", b"MUSTALAH-INDEX\n\x80\x05truncated"])
def test_corrupt_cache_is_rebuilt(cache_home: Path, damage: bytes) -> None:
    _, index = cache.cached_index(None)
    file = cache.cache_file(None)
    file.write_bytes(damage)
    cache.clear_memo()
    _, rebuilt = cache.cached_index(None)
    stats = cache.last_stats()
    assert stats is not None and not stats.hit
    assert rebuilt.match(ARABIC, "ar") == index.match(ARABIC, "ar")
    cache.clear_memo()
    cache.cached_index(None)
    again = cache.last_stats()
    assert again is not None and again.hit, "the rebuilt entry was written back"


def test_changed_source_gets_a_new_entry(cache_home: Path, tmp_path: Path) -> None:
    tsv = tmp_path / "tb.tsv"
    tsv.write_text("concept_id\tlang\tterm\nc1\ten\tSecurity Council\nc1\tar\tمجلس الأمن\n", encoding="utf-8")
    _, index = cache.cached_index(tsv)
    assert [m.concept_id for m in index.match("the Security Council met", "en")] == ["c1"]
    tsv.write_text(
        "concept_id\tlang\tterm\nc2\ten\tGeneral Assembly\nc2\tar\tالجمعية العامة\nc2\ten\tGA\n",
        encoding="utf-8",
    )
    cache.clear_memo()
    _, index2 = cache.cached_index(tsv)
    assert index2.match("the Security Council met", "en") == ()
    assert [m.concept_id for m in index2.match("the General Assembly met", "en")] == ["c2"]


def test_unwritable_cache_folder_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(blocker / "sub"))
    cache.clear_memo()
    _, index = cache.cached_index(None)
    assert index.match(ARABIC, "ar")
    cache.clear_memo()


def test_warm_load_decodes_nothing_until_asked(cache_home: Path) -> None:
    """A warm load reads packed rows: concepts and entries become objects only when used."""
    import mustalah.checks.registry  # noqa: F401  (registers the rules' derived values)
    from mustalah.termbase.derived import builders
    from mustalah.termbase.lazy import LazyConcepts

    cache.cached_index(None)
    cache.clear_memo()
    termbase, index = cache.cached_index(None)
    assert cache.last_stats() is not None and cache.last_stats().hit  # type: ignore[union-attr]
    concepts = termbase.concepts
    assert isinstance(concepts, LazyConcepts)
    assert len(concepts.rows._memo) == 0
    # the values rules derive from the whole termbase came from the file, not from a walk
    assert set(builders()) >= {"spelling-words", "latin-in-arabic"}
    for name, build in builders().items():
        assert termbase.derived(name, build) == build(load_termbase(None))
    assert len(concepts.rows._memo) == 0
    matches = index.match(ARABIC, "ar")
    assert matches and len(concepts.rows._memo) <= 10  # the candidates of one sentence, of 441
    unoct = termbase.get("UNOCT")
    assert unoct is not None and matches[0].term in unoct.terms
    assert termbase.get("no-such-concept") is None and "UNOCT" in termbase._by_id


def test_a_warm_lint_decodes_only_the_concepts_it_meets(cache_home: Path) -> None:
    """Every value a rule derives from the whole termbase is registered, so it comes from the
    file: a lint on a warm cache walks no termbase (an unregistered one cost a 100k-term
    termbase 4 s a run)."""
    from mustalah.lint import engine
    from mustalah.lint.shards import plan_tasks, run_task
    from mustalah.termbase.lazy import LazyConcepts

    release = sorted((Path(__file__).resolve().parents[2] / "corpora" / "releases").iterdir())[0]
    cache.cached_index(None)
    cache.clear_memo()
    engine._termbase_and_index.cache_clear()
    try:
        termbase, _ = engine.index_for(None)
        concepts = termbase.concepts
        assert isinstance(concepts, LazyConcepts)
        settings = engine.LintSettings()
        results = [run_task(task, settings) for task in plan_tasks([str(release)], settings, 2500)]
        assert sum(len(r.findings) for r in results) > 0
        assert len(concepts.rows._memo) < len(concepts) // 2, (len(concepts.rows._memo), len(concepts))
    finally:
        cache.clear_memo()
        engine._termbase_and_index.cache_clear()


def test_lazy_termbase_equals_the_parsed_one(cache_home: Path) -> None:
    import pickle

    parsed = load_termbase(None)
    cache.cached_index(None)
    cache.clear_memo()
    termbase, index = cache.cached_index(None)
    assert tuple(termbase.concepts) == parsed.concepts
    assert [c.location for c in termbase] == [c.location for c in parsed]
    assert termbase.content_hash() == parsed.content_hash()
    for concept in parsed:
        assert termbase[concept.id] == concept
    clone_tb, clone_index = pickle.loads(pickle.dumps((termbase, index)))
    assert tuple(clone_tb.concepts) == parsed.concepts
    assert clone_index.match(ARABIC, "ar") == index.match(ARABIC, "ar")


def _rewrite(file: Path, change: object) -> None:
    """Decode the cache file, let ``change`` edit it, write it back consistently (a valid
    checksum: a file that reads but does not hold what the index needs)."""
    from mustalah.matching import cachefile

    container = cachefile.read(file)
    assert container is not None
    header, blobs = container
    payload = {
        "builders": cachefile.from_json(header["builders"], blobs),
        "data": cachefile.from_json(header["data"], blobs),
    }
    change(payload)  # type: ignore[operator]
    fresh: dict[str, bytes] = {}
    header["builders"] = cachefile.to_json(payload["builders"], fresh)
    header["data"] = cachefile.to_json(payload["data"], fresh)
    del header["blobs"]
    cachefile.write(file, header, fresh)


def test_damaged_packed_rows_are_a_miss_not_a_traceback_later(cache_home: Path) -> None:
    _, index = cache.cached_index(None)
    file = cache.cache_file(None)

    def damage(payload: dict[str, dict[str, tuple[bytes, bytes]]]) -> None:
        blob, offsets = payload["data"]["concepts"]
        payload["data"]["concepts"] = (b"\x00" * len(blob), offsets)

    _rewrite(file, damage)
    cache.clear_memo()
    termbase, rebuilt = cache.cached_index(None)
    stats = cache.last_stats()
    assert stats is not None and not stats.hit
    assert rebuilt.match(ARABIC, "ar") == index.match(ARABIC, "ar")
    assert len(tuple(termbase.concepts)) == len(load_termbase(None).concepts)


def test_a_derived_value_whose_builder_changed_is_computed_again(cache_home: Path) -> None:
    import mustalah.checks.registry  # noqa: F401  (registers the builders)
    from mustalah.checks.spelling import termbase_words

    cache.cached_index(None)
    file = cache.cache_file(None)

    def stale(payload: dict[str, dict[str, object]]) -> None:
        payload["builders"]["spelling-words"] = "an older spelling.py"
        payload["data"]["derived"]["spelling-words"] = frozenset({"bogus"})  # type: ignore[index]

    _rewrite(file, stale)
    cache.clear_memo()
    termbase, _ = cache.cached_index(None)
    assert termbase.derived("spelling-words", termbase_words) == termbase_words(load_termbase(None))
    cache.clear_memo()
    again, _ = cache.cached_index(None)  # the file was written again with the fresh value
    assert "bogus" not in again._derived["spelling-words"]  # type: ignore[operator]
