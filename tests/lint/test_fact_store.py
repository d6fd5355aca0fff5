"""Corpus-rule facts spilled to disk conclude exactly as the facts held in memory."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from mustalah.checks.base import CorpusRule
from mustalah.checks.registry import ALL_RULES
from mustalah.lint import facts as facts_module
from mustalah.lint import run as lint_run
from mustalah.lint.engine import LintSettings, index_for
from mustalah.lint.facts import FactStore, SpooledFacts
from mustalah.lint.inputs import lint_input
from mustalah.lint.run import run_lint

REPO = Path(__file__).resolve().parents[2]
CORPUS_RULES = [cls() for cls in ALL_RULES if issubclass(cls, CorpusRule)]


def _corpus(folder: Path) -> list[str]:
    """Repeated sources with two or three renderings, repeated targets with two sources, a concept
    written two ways in one file, and many singleton groups that can never report."""
    rows = []
    for k in range(60):
        rows.append(f"Unit {k} of the programme.\tالوحدة {k} من البرنامج.")
        if k % 7 == 0:
            rows.append(
                "The Centre will continue its work.\t"
                + ("وسيواصل المركز عمله." if k % 3 else "وسيستمر المركز في عمله.")
            )
        if k % 11 == 0:
            rows.append(f"The Centre met on day {k}.\tاجتمع المركز.")
    rows += [
        "The Acting Director opened the meeting.\tافتتح المدير بالإنابة الاجتماع.",
        "The Acting Director closed the meeting.\tاختتم المدير بالنيابة الاجتماع.",
    ]
    (folder / "a.tsv").write_text("\n".join(rows[:50]) + "\n", encoding="utf-8")
    (folder / "b.tsv").write_text("\n".join(rows[50:]) + "\n", encoding="utf-8")
    return [str(folder), str(REPO / "corpora")]


def _report(paths: list[str]) -> dict[str, object]:
    result = run_lint(paths, LintSettings())
    return {"findings": [f.to_json() for f in result.findings], "summary": repr(result.summary)}


@pytest.mark.parametrize("spill_after", [0, 3, 40])
def test_spilled_facts_conclude_like_facts_in_memory(
    spill_after: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _corpus(tmp_path)
    expected = _report(paths)
    co = [f for f in expected["findings"] if str(f["code"]).startswith("CO")]  # type: ignore[union-attr,index]
    assert {"CO001", "CO002", "CO003"} <= {f["code"] for f in co}, "every corpus rule reports here"
    monkeypatch.setattr(facts_module, "SPILL_AFTER", spill_after)
    monkeypatch.setattr(lint_run, "plan_tasks", functools.partial(lint_run.plan_tasks, lines_per_shard=7))
    assert json.dumps(_report(paths), sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_only_groups_with_two_renderings_are_read_back(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    result = lint_input(str(tmp_path / "a.tsv"), LintSettings())
    held, spilled = FactStore(CORPUS_RULES), FactStore(CORPUS_RULES, spill_after=0)
    for code, items in result.facts:
        held.add(code, items)
        spilled.add(code, items)
    assert spilled.spilled and not held.spilled
    for rule in CORPUS_RULES:
        everything, candidates = held.facts(rule.code), spilled.facts(rule.code)
        assert list(rule.conclude(candidates)) == list(rule.conclude(everything))
        if rule.code == "CO001":
            assert 0 < len(candidates) < len(everything) // 4  # singletons stay on disk
        kept = [everything.index(f) for f in candidates]
        assert kept == sorted(kept)  # arrival order
    held.close()
    spilled.close()
    assert paths


def _concluded(store: FactStore) -> dict[str, list[object]]:
    return {r.code: list(r.conclude(store.facts(r.code))) for r in CORPUS_RULES}


def test_rollback_forgets_the_facts_of_a_failed_input(tmp_path: Path) -> None:
    _corpus(tmp_path)
    result = lint_input(str(tmp_path / "a.tsv"), LintSettings())
    held = sum(len(items) for _code, items in result.facts)
    # spilled all along; never spilled; held at the mark, spilled by the facts rolled back
    for spill_after in (0, 10 * held, held):
        store = FactStore(CORPUS_RULES, spill_after=spill_after)
        for code, items in result.facts:
            store.add(code, items)
        before = _concluded(store)
        mark = store.mark()
        for code, items in result.facts:
            store.add(code, items)  # the same facts again: every group now has duplicates
        assert store.spilled == (spill_after < 2 * held)
        store.rollback(mark)
        assert _concluded(store) == before
        for code, items in result.facts:  # later facts are still taken after a rollback
            store.add(code, items)
        again = _concluded(store)
        assert sum(map(len, again.values())) > sum(map(len, before.values()))
        store.close()


def test_co003_keeps_no_fact_for_a_concept_with_one_form() -> None:
    """Most term matches can never be 'written two ways': no fact is kept for them."""
    termbase, _ = index_for(None)
    result = lint_input(
        str(REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"), LintSettings()
    )
    co003 = dict(result.facts).get("CO003", ())
    for fact in co003:
        concept = termbase.get(fact.finding.concept or "")
        assert concept is not None
        texts = {t.text for t in concept.terms if t.lang == fact.finding.lang and not t.is_acronym}
        assert len(texts) >= 2


def test_spilled_facts_are_read_back_lazily_and_again(tmp_path: Path) -> None:
    """Once spilled, a rule's facts are read from disk as they are iterated (a 1M-unit run's SP004
    facts would take ~170 MB as objects), and a conclusion may iterate them twice."""
    _corpus(tmp_path)
    result = lint_input(str(tmp_path / "a.tsv"), LintSettings())
    store = FactStore(CORPUS_RULES, spill_after=0)
    for code, items in result.facts:
        store.add(code, items)
    facts = store.facts("CO001")
    assert isinstance(facts, SpooledFacts) and len(facts) > 0
    once, twice = list(facts), list(facts)
    assert once == twice and len(once) == len(facts)
    assert once[0] in facts
    store.close()
