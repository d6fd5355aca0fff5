"""Hunspell's verdicts are kept on disk: a second run judges the same words without loading Hunspell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mustalah.checks import spelling
from mustalah.lint.engine import LintSettings, lint_segments
from mustalah.model import Segment

pytestmark = pytest.mark.spell

TEXTS = [
    ("the orgnizations exchanged best practices", "تبادلت المنظمات الممارسات المثلثى"),
    ("the organizations met", "اجتمعت المنظمات في نيويورك"),
]


@pytest.fixture(autouse=True)
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for lang in ("ar", "en"):
        if not spelling.spelling_available(lang):
            pytest.skip(f"needs the Hunspell binding and the {lang} dictionary")
    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(tmp_path))
    _new_process()
    yield tmp_path
    _new_process()


def _new_process() -> None:
    spelling._speller.cache_clear()
    spelling._STORES.clear()
    spelling._WORDLISTS.clear()


def _lint(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    segments = [Segment("f.po", str(i), i, en, ar, "en", "ar", line=i) for i, (en, ar) in enumerate(texts, 1)]
    result = lint_segments(segments, LintSettings(select=("SP002",)), "f.po")
    return [(f.side, f.text) for f in result.findings]


def test_second_run_needs_no_hunspell(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _lint(TEXTS)
    assert ("source", "orgnizations") in first and ("target", "المثلثى") in first
    assert spelling._speller("ar") is not None and spelling._speller("ar").loaded
    stores = sorted(p.name for p in fresh.glob("hunspell-*.json"))
    assert [n.split("-")[1] for n in stores] == ["ar", "en"]

    import hunspell

    def refuse(*_args: object) -> None:
        raise AssertionError("Hunspell loaded although every word has a stored verdict")

    _new_process()
    monkeypatch.setattr(hunspell, "HunSpell", refuse)
    assert _lint(TEXTS) == first
    # a word never seen before does need Hunspell
    _new_process()
    with pytest.raises(AssertionError, match="Hunspell loaded"):
        _lint([("a brandnewword", "كلمة")])


def test_damaged_store_is_ignored(fresh: Path) -> None:
    first = _lint(TEXTS)
    for store in fresh.glob("hunspell-*.json"):
        store.write_bytes(b"\x00not json")
    _new_process()
    assert _lint(TEXTS) == first
    store = spelling._speller("en")
    assert store is not None and store.loaded  # judged again, and stored again
    assert all(p.stat().st_size > 20 for p in fresh.glob("hunspell-*.json"))
