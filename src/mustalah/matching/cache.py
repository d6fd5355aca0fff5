"""A compiled termbase index cached on disk, so big termbases load in well under a second.

Parsing a 100k-term termbase and building its Aho–Corasick automata costs seconds; a
lint run on a cluster pays that once per worker process.  This module pickles the
parsed :class:`Termbase` together with its :class:`TermIndex` (pyahocorasick automata
pickle natively) into one file.

Two keys, because the termbase's content hash is only known after parsing:

* a *source signature* — the resolved path plus every source file's name, mtime and
  size — names the cache file, so a warm run never parses the termbase;
* inside the file, the termbase's :meth:`Termbase.content_hash` and ``MATCHER_VERSION``
  are stored and checked, so a matcher change invalidates every entry.

Location: ``$MUSTALAH_CACHE_DIR``, else ``$XDG_CACHE_HOME/mustalah``, else
``~/.cache/mustalah``.  Writes are atomic (temp file + rename); any failure to read
(a truncated, corrupt or foreign file) is treated as a miss and the entry is rebuilt.
A read-only or missing cache folder never stops a run: the index is simply not saved.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import TermbaseError
from ..termbase.loader import default_termbase_path, load_termbase
from ..termbase.model import Concept, Gender, Location, Status, Term, Termbase, TermType
from ..termbase.yaml_io import yaml_files
from .index import TermIndex, _Entry
from .types import MATCHER_BUILD as MATCHER_VERSION

#: Bump when the layout of a cache file changes.
_FORMAT = 1
_MAGIC = b"MUSTALAH-INDEX\n"

_memo: dict[str, tuple[Termbase, TermIndex]] = {}
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class CacheStats:
    """What the last :func:`cached_index` call in this process did (for tests and benchmarks)."""

    hit: bool
    path: Path | None


_last: list[CacheStats] = []


def cache_dir() -> Path:
    """Where compiled indexes live (see the module docstring)."""
    explicit = os.environ.get("MUSTALAH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "mustalah"


def source_signature(path: str | Path | None) -> str:
    """A hash of the termbase source's location, file names, mtimes and sizes."""
    source = Path(path) if path is not None else default_termbase_path()
    if not source.exists():
        raise TermbaseError(
            "termbase not found",
            file=str(path),
            hint="give a YAML folder, a .yaml, .tbx, .csv or .tsv file, or leave --termbase out",
        )
    source = source.resolve()
    files = yaml_files(source) if source.is_dir() else [source]
    h = hashlib.sha256()
    h.update(str(source).encode())
    for f in files:
        st = f.stat()
        h.update(f"\0{f.name}\0{st.st_mtime_ns}\0{st.st_size}".encode())
    h.update(f"\0{MATCHER_VERSION}\0{_FORMAT}\0{sys.version_info[:2]}".encode())
    return h.hexdigest()[:24]


def cache_file(path: str | Path | None) -> Path:
    return cache_dir() / f"index-{source_signature(path)}.pickle"


# --- a compact, fast-to-unpickle form ---------------------------------------------------
# Pickling frozen slotted dataclasses field by field is slow (5 s for 100k concepts); plain
# tuples load ten times faster, so the cache stores tuples and rebuilds the objects.

_TermRow = tuple[object, ...]


def _flatten(termbase: Termbase, index: TermIndex) -> dict[str, object]:
    term_ids: dict[int, int] = {}
    terms: list[_TermRow] = []
    concepts: list[tuple[object, ...]] = []
    for c in termbase.concepts:
        ids: list[int] = []
        for t in c.terms:
            term_ids[id(t)] = len(terms)
            ids.append(len(terms))
            loc = t.location
            terms.append(
                (
                    t.text,
                    t.lang,
                    t.status.value,
                    t.type.value,
                    t.gender.value if t.gender else None,
                    t.pos,
                    t.usage,
                    t.note,
                    t.exact,
                    t.forms,
                    loc.file if loc else None,
                    loc.line if loc else 0,
                )
            )
        loc = c.location
        concepts.append(
            (
                c.id,
                c.domain,
                tuple(ids),
                c.subject,
                c.definition,
                c.note,
                c.source,
                c.related,
                c.confusable,
                loc.file if loc else None,
                loc.line if loc else 0,
            )
        )
    index_terms = [term_ids[id(t)] for t in index._terms]
    entries = [tuple(getattr(e, f) for f in _Entry.__slots__) for e in index._entries]
    return {
        "name": termbase.name,
        "origin": termbase.origin,
        "terms": terms,
        "concepts": concepts,
        "index_terms": index_terms,
        "entries": entries,
        "automata": index._automata,
        "hash": index.termbase_hash,
    }


def _unflatten(data: dict[str, object]) -> tuple[Termbase, TermIndex]:
    statuses = {s.value: s for s in Status}
    types = {t.value: t for t in TermType}
    genders = {g.value: g for g in Gender}
    locations: dict[tuple[str, int], Location] = {}

    def location(file: object, line: object) -> Location | None:
        if file is None:
            return None
        key = (str(file), int(line))  # type: ignore[call-overload]
        loc = locations.get(key)
        if loc is None:
            loc = locations[key] = Location(*key)
        return loc

    terms = [
        Term(
            text,
            lang,
            statuses[status],
            types[typ],
            genders[gender] if gender else None,
            pos,
            usage,
            note,
            exact,
            forms,
            location(file, line),
        )
        for (text, lang, status, typ, gender, pos, usage, note, exact, forms, file, line) in data["terms"]  # type: ignore[attr-defined]
    ]
    concepts = tuple(
        Concept(
            cid,
            domain,
            tuple(terms[i] for i in ids),
            subject,
            definition,
            note,
            source,
            related,
            confusable,
            location(file, line),
        )
        for (cid, domain, ids, subject, definition, note, source, related, confusable, file, line) in data[
            "concepts"
        ]  # type: ignore[attr-defined]
    )
    termbase = Termbase(concepts, data["name"], data["origin"])  # type: ignore[arg-type]
    index = TermIndex(
        [terms[i] for i in data["index_terms"]],  # type: ignore[attr-defined]
        [_Entry(*row) for row in data["entries"]],  # type: ignore[attr-defined]
        data["automata"],  # type: ignore[arg-type]
        str(data["hash"]),
    )
    index._termbase = termbase
    return termbase, index


def _load(file: Path) -> tuple[Termbase, TermIndex] | None:
    """The cached pair, or None when the file is missing, stale or unreadable.

    The cyclic garbage collector is paused meanwhile: the load allocates about a million
    objects and no cycles, and a collection every 700 allocations doubles its cost.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_unguarded(file)
    finally:
        if enabled:
            gc.enable()


def _load_unguarded(file: Path) -> tuple[Termbase, TermIndex] | None:
    try:
        with open(file, "rb") as handle:
            if handle.read(len(_MAGIC)) != _MAGIC:
                return None
            payload = pickle.load(handle)  # our own cache folder
    except FileNotFoundError:
        return None
    except Exception:  # corrupt, truncated, or from an incompatible version: rebuild
        return None
    if not (
        isinstance(payload, dict)
        and payload.get("format") == _FORMAT
        and payload.get("matcher") == MATCHER_VERSION
    ):
        return None
    try:
        termbase, index = _unflatten(payload["data"])
    except Exception:  # a file that unpickles but does not hold what we wrote
        return None
    if payload.get("content_hash") != index.termbase_hash:
        return None
    return termbase, index


def _save(file: Path, termbase: Termbase, index: TermIndex) -> None:
    """Write atomically; a cache that cannot be written is silently skipped."""
    payload = {
        "format": _FORMAT,
        "matcher": MATCHER_VERSION,
        "content_hash": index.termbase_hash,
        "data": _flatten(termbase, index),
    }
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=file.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC)
                pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        return


def cached_index(termbase_path: str | Path | None) -> tuple[Termbase, TermIndex]:
    """The termbase and its compiled index, from the disk cache when it is fresh.

    ``None`` means the shipped termbase.  Memoized per process too, so a worker that
    lints many shards loads the file once.
    """
    file = cache_file(termbase_path)
    key = str(file)
    with _lock:
        memo = _memo.get(key)
    if memo is not None:
        _last[:] = [CacheStats(True, file)]
        return memo
    loaded = _load(file)
    hit = loaded is not None
    if loaded is None:
        termbase = load_termbase(termbase_path)
        index = TermIndex.build(termbase)
        _save(file, termbase, index)
        loaded = (termbase, index)
    with _lock:
        _memo[key] = loaded
    _last[:] = [CacheStats(hit, file)]
    return loaded


def last_stats() -> CacheStats | None:
    """Whether the last :func:`cached_index` call hit the cache (None before any call)."""
    return _last[0] if _last else None


def clear_memo() -> None:
    """Forget the in-process copies (the disk cache stays)."""
    with _lock:
        _memo.clear()
