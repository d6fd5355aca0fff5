"""``score`` gets its termbase's index the way ``lint`` does: from ``matching.cache``.

With the disk cache warm, scoring term accuracy builds no index (it used to build one per run,
and per worker); an in-memory termbase (WMT21 annotations, ``challenge``) is built once per
process and content by ``index_of``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.matching import TermIndex
from mustalah.matching.cache import cached_index, clear_memo, index_of
from mustalah.termbase.loader import load_termbase


def _no_build(*args: object, **kwargs: object) -> TermIndex:
    raise AssertionError("an index was built")


def test_score_with_a_warm_cache_builds_no_index(
    mt_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hyp = str(mt_dir / "system-a.ar")
    args = ["score", "--source", str(mt_dir / "source.en"), "-r", str(mt_dir / "reference.ar"), hyp]
    assert main([*args, "--format", "json"]) == 0  # warms the disk cache
    expected = json.loads(capsys.readouterr().out)["systems"][0]
    clear_memo()  # a new process: only the disk cache is left
    monkeypatch.setattr(TermIndex, "build", classmethod(_no_build))
    assert main([*args, "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)["systems"][0]
    assert (got["term_hits"], got["term_total"]) == (expected["term_hits"], expected["term_total"])
    assert got["term_total"] > 0


def test_index_of_reuses_the_cached_index_and_builds_others_once(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_memo()
    _, cached = cached_index(None)
    loaded = load_termbase(None)  # the same content, another object
    assert index_of(loaded) is cached
    clear_memo()
    builds: list[int] = []
    real_build = TermIndex.build.__func__  # type: ignore[attr-defined]

    def counted(cls: type[TermIndex], *args: object, **kwargs: object) -> TermIndex:
        builds.append(1)
        return real_build(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(TermIndex, "build", classmethod(counted))
    first = index_of(loaded, ("en", "ar"))
    assert index_of(load_termbase(None), ("ar", "en")) is first and builds == [1]
    name = "Counter-Terrorism Committee"
    assert first.match(name, "en") == cached.match(name, "en")
    clear_memo()
