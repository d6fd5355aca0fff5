"""One benchmark task per process (so CPU time and peak RSS are the task's own).

``python bench/tasks.py NAME ARGS…`` prints one JSON line: ``{"n": segments, "cpu": seconds}``
where ``cpu`` is the measured loop's CPU time (setup such as loading the index excluded).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _lines(path: str, n: int) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [next(handle).rstrip("\n") for _ in range(n)]


def matcher(ar: str, n: str, termbase: str) -> dict[str, float]:
    from mustalah.matching.cache import cached_index
    from mustalah.text.normalize import fold

    _, index = cached_index(termbase)
    lines = _lines(ar, int(n))
    t = time.process_time()
    hits = 0
    for text in lines:
        hits += len(index.match(text, "ar", fold(text)))
    return {"n": len(lines), "cpu": time.process_time() - t, "hits": hits}


def bare_ac(ar: str, n: str, termbase: str) -> dict[str, float]:
    """Floor: pyahocorasick over pre-folded text, word-boundary checks only."""
    import ahocorasick

    from mustalah.matching.cache import cached_index
    from mustalah.text.normalize import fold

    _, index = cached_index(termbase)
    automaton = index.automata["ar"]
    keys = [fold(text).key for text in _lines(ar, int(n))]
    t = time.process_time()
    hits = 0
    for key in keys:
        size = len(key)
        for last, _value in automaton.iter(key):
            e = last + 1
            if e < size and key[e].isalnum():
                continue
            hits += 1
    assert isinstance(automaton, ahocorasick.Automaton)
    return {"n": len(keys), "cpu": time.process_time() - t, "hits": hits}


def fold_floor(ar: str, n: str) -> dict[str, float]:
    """Floor: read the file and fold every line."""
    from mustalah.text.normalize import fold

    t = time.process_time()
    count = 0
    with open(ar, encoding="utf-8") as handle:
        for count, line in enumerate(handle, start=1):
            fold(line.rstrip("\n"))
            if count >= int(n):
                break
    return {"n": count, "cpu": time.process_time() - t}


def pair_floor(en: str, ar: str) -> dict[str, float]:
    """Floor for lint: one streaming pass over an aligned pair of files — read both lines, fold
    both, scan each with its language's Aho–Corasick automaton of the termbase lint uses (the
    shipped one), word-boundary checks only.  What any term linter must do at the least."""
    from mustalah.matching.cache import cached_index
    from mustalah.text.normalize import fold

    _, index = cached_index(None)
    automata = (index.automata["en"], index.automata["ar"])
    t = time.process_time()
    count = hits = 0
    with open(en, encoding="utf-8") as e_file, open(ar, encoding="utf-8") as a_file:
        for pair in zip(e_file, a_file, strict=True):
            count += 1
            for automaton, line in zip(automata, pair, strict=True):
                key = fold(line.rstrip("\n")).key
                size = len(key)
                for last, _value in automaton.iter(key):
                    if last + 1 < size and key[last + 1].isalnum():
                        continue
                    hits += 1
    return {"n": count, "cpu": time.process_time() - t, "hits": hits}


def build(termbase: str) -> dict[str, float]:
    from mustalah.matching.index import TermIndex
    from mustalah.termbase.loader import load_termbase

    t = time.process_time()
    tb = load_termbase(termbase)
    parsed = time.process_time()
    TermIndex.build(tb)
    return {"n": len(tb), "cpu": time.process_time() - t, "parse": parsed - t}


def cache_load(termbase: str) -> dict[str, float]:
    import mustalah.checks.registry  # noqa: F401  (the rules register the values the cache stores)
    from mustalah.matching import cache

    t = time.perf_counter()
    cache.cached_index(termbase)
    stats = cache.last_stats()
    return {"n": 1, "cpu": time.perf_counter() - t, "hit": float(bool(stats and stats.hit))}


def lint(path: str, jobs: str, lines: str = "2500") -> dict[str, float]:
    """Lint one input with all default rules; jobs>1 shards it over a process pool."""
    from concurrent.futures import ProcessPoolExecutor

    from mustalah.lint.engine import LintSettings, index_for
    from mustalah.lint.shards import merge, plan_tasks, run_task
    from mustalah.parallel import SerialExecutor, ordered_map

    settings = LintSettings()
    t = time.perf_counter()  # wall clock: index load, pool start-up and the run
    if int(jobs) == 1:
        index_for(None)  # loaded before loop_cpu starts, as the floor's index is
    c = time.process_time()
    tasks = plan_tasks([path], settings, int(lines))
    pool = ProcessPoolExecutor(int(jobs)) if int(jobs) > 1 else SerialExecutor()
    with pool:
        results = merge(list(ordered_map(pool, run_task, tasks, settings)))
    return {
        "n": sum(r.units for r in results),
        "cpu": time.perf_counter() - t,
        "loop_cpu": time.process_time() - c,  # this process only: the whole run when serial
        "findings": sum(len(r.findings) for r in results),
    }


def tmx_ours(path: str) -> dict[str, float]:
    from mustalah.formats.tmx import read_tmx

    t = time.process_time()
    n = sum(1 for _ in read_tmx(path))
    return {"n": n, "cpu": time.process_time() - t}


def tmx_toolkit(path: str) -> dict[str, float]:
    from translate.storage import factory

    t = time.process_time()
    store = factory.getobject(path)
    n = sum(1 for u in store.units if u.source)
    return {"n": n, "cpu": time.process_time() - t}


def tmx_lxml(path: str) -> dict[str, float]:
    from lxml import etree

    t = time.process_time()
    n = 0
    for _, elem in etree.iterparse(path, tag="tu"):
        texts = [seg.xpath("string()") for seg in elem.iter("seg")]
        n += bool(texts)
        elem.clear()
        while elem.getprevious() is not None:
            del elem.getparent()[0]
    return {"n": n, "cpu": time.process_time() - t}


def export_ours(po: str, out: str) -> dict[str, float]:
    from mustalah.formats.po import read_po
    from mustalah.formats.tmx_writer import write_tmx

    t = time.process_time()
    n = write_tmx(read_po(po, "en", "ar"), out)
    return {"n": n, "cpu": time.process_time() - t}


_RECALL_CODES = ("TM", "AC", "GN")


def recall(po: str, termbase: str, errors: str) -> dict[str, Any]:
    """Lint ``po`` with ``termbase``; recall of the injected errors listed in ``errors`` (errors.tsv).

    An injected error (seg, term_id, error, side, wrong_form) is *found* when a TM/AC/GN finding
    of that unit, on that side, overlaps an occurrence of ``wrong_form``; *found in unit* when any
    TM/AC/GN finding of that unit exists (either side).  Findings on units without an injected
    error are the false-alarm proxy, counted per code.
    """
    import csv
    from collections import Counter, defaultdict

    from mustalah.lint.engine import LintSettings
    from mustalah.lint.inputs import lint_input

    t = time.process_time()
    result = lint_input(po, LintSettings(termbase=termbase), keep_segments=True)
    cpu = time.process_time() - t
    texts = {s.unit: {"en": s.source, "ar": s.target or ""} for s in result.segments}
    ours = [f for f in result.findings if f.code.startswith(_RECALL_CODES)]
    by_unit: dict[str, list[Any]] = defaultdict(list)
    for f in ours:
        by_unit[f.unit].append(f)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    injected: set[str] = set()
    with open(errors, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            unit, side, form = row["seg"], row["side"], row["wrong_form"]
            injected.add(unit)
            text = texts.get(unit, {}).get(side, "")
            spans = [(i, i + len(form)) for i in _occurrences(text, form)]
            want = "source" if side == "en" else "target"
            hits = by_unit.get(unit, [])
            span_hit = any(f.side == want and f.start < e and s < f.end for f in hits for s, e in spans)
            k = kinds[row["error"]]
            k["n"] += 1
            k["located"] += bool(spans)
            k["found"] += span_hit
            k["found_in_unit"] += bool(hits)
            for code in sorted(
                {f.code for f in hits if f.side == want and any(f.start < e and s < f.end for s, e in spans)}
            ):
                k["by:" + code] += 1
    clean = Counter(f.code for f in ours if f.unit not in injected)
    clean_errors = Counter(
        f.code for f in result.findings if f.unit not in injected and f.severity == "error"
    )
    flagged = len({f.unit for f in ours if f.unit not in injected})
    return {
        "n": result.units,
        "cpu": cpu,
        "findings": len(ours),
        "kinds": {k: dict(v) for k, v in kinds.items()},
        "clean_units": result.units - len(injected),
        "clean_units_flagged": flagged,
        "clean_findings": dict(clean.most_common()),
        "clean_errors": dict(clean_errors.most_common()),
    }


def _occurrences(text: str, form: str) -> list[int]:
    out, i = [], text.find(form)
    while form and i >= 0:
        out.append(i)
        i = text.find(form, i + 1)
    return out


TASKS: dict[str, Callable[..., dict[str, Any]]] = {
    f.__name__: f
    for f in (
        matcher,
        bare_ac,
        fold_floor,
        pair_floor,
        build,
        cache_load,
        lint,
        tmx_ours,
        tmx_toolkit,
        tmx_lxml,
        export_ours,
        recall,
    )
}

if __name__ == "__main__":
    print(json.dumps(TASKS[sys.argv[1]](*sys.argv[2:])))
