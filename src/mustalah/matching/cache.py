"""A compiled termbase index cached on disk, so big termbases load in well under a second.

Parsing a 100k-term termbase and building its Aho–Corasick automata costs seconds; a
lint run on a cluster pays that once per worker process.  One file holds the automata
(their node arrays, as pyahocorasick exports them), the near-miss tables as arrays, the
concepts and index entries as packed JSON rows decoded on first use (:mod:`mustalah.packed`,
:mod:`mustalah.termbase.lazy`), and the values rules derive from the whole termbase
(:mod:`mustalah.termbase.derived`).

The file is data that cannot run code when read (:mod:`mustalah.matching.cachefile`: a JSON
header and raw byte tables under a checksum — no pickle, no marshal), and it is read only
from a folder owned by this user and writable by no one else, and only if the file is owned
by this user too.

What keys an entry:

* a *source signature* — the resolved path plus every source file's name, mtime and
  size, and the matcher's code identity (``MATCHER_BUILD``: a hash of the matcher,
  folding, packing and termbase-model sources) — names the cache file, so a warm run
  never parses the termbase and a code change never reuses a stale layout;
* the format and matcher identity stored inside are checked again on load, the first
  and last packed rows are decoded at once (a damaged table is a miss, not a traceback
  later), and each derived value carries a hash of its builder's module, so a value whose
  code changed is computed again and the file rewritten.

Location: ``$MUSTALAH_CACHE_DIR``, else ``$XDG_CACHE_HOME/mustalah``, else
``~/.cache/mustalah``.  Writes are atomic (temp file + rename); any failure to read
(a truncated, corrupt or foreign file) is treated as a miss and the entry is rebuilt.
A read-only, missing or untrusted cache folder never stops a run: the index is simply not
read from or saved there.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import threading
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import ahocorasick

from ..errors import TermbaseError
from ..packed import PackedRows
from ..termbase.derived import builders, compute_all
from ..termbase.layers import TermbaseSpec, normalize, source_path
from ..termbase.lazy import LazyConcepts, lazy_termbase, make_concept, pack_concepts
from ..termbase.loader import default_termbase_path, load_termbase
from ..termbase.model import Concept, Term, Termbase
from ..termbase.yaml_io import yaml_files
from . import cachefile
from .entries import IndexEntry
from .index import NEAR_MISS_LANGS, TermIndex
from .nearmiss import NearMissIndex
from .types import MATCHER_BUILD as MATCHER_VERSION

#: Bump when the layout of a cache file changes.
_FORMAT = 3

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


def source_signature(path: TermbaseSpec) -> str:
    """A hash of the termbase source's location, file names, mtimes and sizes.

    A termbase set (a tuple of sources) hashes every source's signature in order, so a
    change to any of them, or to their order, is another index."""
    path = normalize(path)
    if isinstance(path, tuple):
        parts = "\0".join(source_signature(source_path(item)) for item in path)
        return hashlib.sha256(f"set\0{parts}".encode()).hexdigest()[:24]
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


def cache_file(path: TermbaseSpec) -> Path:
    return cache_dir() / f"index-{source_signature(path)}.bin"


# --- a compact, fast-to-load form ------------------------------------------------------
# Unpickling 100k concepts, 230k terms and 280k index entries as objects costs seconds;
# a lint run reads a few hundred of them.  So concepts and entries are stored as packed
# rows (mustalah.packed) decoded on first use, the near-miss tables as sorted arrays, and
# the values rules derive from the whole termbase (termbase.derived) precomputed.


def _flatten(termbase: Termbase, index: TermIndex) -> dict[str, object]:
    concepts = termbase.concepts
    position: dict[int, tuple[int, int]] = {}
    for k, c in enumerate(concepts):
        for j, t in enumerate(c.terms):
            position[id(t)] = (k, j)
    refs = array("q", [(position[id(t)][0] << 16) | position[id(t)][1] for t in index.terms])
    entries = PackedRows.pack(
        (tuple(getattr(e, f) for f in IndexEntry.__slots__) for e in index.entries), IndexEntry
    )
    return {
        "name": termbase.name,
        "origin": termbase.origin,
        "ids": [c.id for c in concepts],
        "concepts": pack_concepts(termbase).state(),
        "term_refs": refs.tobytes(),
        "entries": entries.state(),
        "automata": {lang: _automaton_state(a) for lang, a in index.automata.items()},
        "groups": index.groups.tobytes(),
        "near": {lang: near.state() for lang in index.languages if (near := _near(index, lang)) is not None},
        "derived": compute_all(termbase),
        "hash": index.termbase_hash,
    }


def _automaton_state(automaton: ahocorasick.Automaton) -> tuple[object, ...]:
    """An automaton's node arrays and counters (what it pickles itself as), checked to hold
    only bytes and numbers: an automaton storing Python objects is not cached."""
    rebuild, args = automaton.__reduce__()[:2]
    chunks, *numbers = args
    if rebuild is not ahocorasick.Automaton or not all(isinstance(c, bytes) for c in chunks):
        raise TypeError("unexpected automaton state")
    if not all(n is None or (isinstance(n, int) and not isinstance(n, bool)) for n in numbers):
        raise TypeError("an automaton that stores Python objects is not cached")
    return (tuple(chunks), *numbers)


def _automaton(state: object) -> ahocorasick.Automaton:
    if not isinstance(state, tuple) or not state or not isinstance(state[0], tuple):
        raise cachefile.CacheFormatError("automaton state")
    chunks, *numbers = state
    if not all(isinstance(c, bytes) for c in chunks) or not all(
        n is None or (isinstance(n, int) and not isinstance(n, bool)) for n in numbers
    ):
        raise cachefile.CacheFormatError("automaton state")
    return ahocorasick.Automaton(list(chunks), *numbers)


def _near(index: TermIndex, lang: str) -> NearMissIndex | None:
    return index.near_index(lang) if lang in NEAR_MISS_LANGS else None


class _TermRefs(Sequence[Term]):
    """Index term number → the term object inside its (lazily decoded) concept."""

    def __init__(self, refs: array[int], concepts: Sequence[Concept]) -> None:
        self.refs = refs
        self.concepts = concepts
        self._memo: dict[int, Term] = {}

    @overload
    def __getitem__(self, i: int) -> Term: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Term]: ...
    def __getitem__(self, i: int | slice) -> Term | Sequence[Term]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        term = self._memo.get(i)
        if term is None:
            ref = self.refs[i]
            term = self._memo[i] = self.concepts[ref >> 16].terms[ref & 0xFFFF]
        return term

    def __len__(self) -> int:
        return len(self.refs)


def _unflatten(data: dict[str, Any]) -> tuple[Termbase, TermIndex]:
    termbase = lazy_termbase(
        PackedRows.from_state(data["concepts"], make_concept),
        data["ids"],
        data["name"],
        data["origin"],
        data["derived"],
    )
    refs = array("q")
    refs.frombytes(data["term_refs"])
    groups = array("q")
    groups.frombytes(data["groups"])
    index = TermIndex(
        _TermRefs(refs, termbase.concepts),
        PackedRows.from_state(data["entries"], IndexEntry),
        {str(lang): _automaton(state) for lang, state in data["automata"].items()},
        str(data["hash"]),
        groups,
        termbase,
        {str(lang): NearMissIndex.from_state(state) for lang, state in data["near"].items()},
    )
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
    if not cachefile.trusted_dir(file.parent, create=False):
        return None
    container = cachefile.read(file)
    if container is None:
        return None
    header, blobs = container
    if header.get("format") != _FORMAT or header.get("matcher") != MATCHER_VERSION:
        return None
    try:
        data = cachefile.from_json(header["data"], blobs)
        stored = cachefile.from_json(header.get("builders", {}), blobs)
        current = builder_versions()
        # a value whose builder's code changed since the file was written is computed again
        data["derived"] = {k: v for k, v in data["derived"].items() if stored.get(k) == current.get(k)}
        termbase, index = _unflatten(data)
        _probe(termbase, index)
    except Exception:  # a file that reads but does not hold what we wrote
        return None
    if header.get("content_hash") != index.termbase_hash:
        return None
    return termbase, index


def _probe(termbase: Termbase, index: TermIndex) -> None:
    """Decode the first and last packed rows now: a damaged table fails here (a cache miss),
    not later inside a rule."""
    concepts = termbase.concepts
    if isinstance(concepts, LazyConcepts):
        concepts.rows.probe()
    if isinstance(index.entries, PackedRows):
        index.entries.probe()


def _stored_derived(termbase: Termbase) -> bool:
    """Whether every registered derived value came from the file (else it is written again)."""
    return set(builders()) <= termbase.derived_names()


def builder_versions() -> dict[str, str]:
    """Each derived-value builder's identity: a hash of the source of the module defining it."""
    out: dict[str, str] = {}
    for name, build in builders().items():
        module = sys.modules.get(build.__module__)
        source = getattr(module, "__file__", None)
        try:
            data = Path(source).read_bytes() if source else build.__qualname__.encode()
        except OSError:
            data = build.__qualname__.encode()
        out[name] = hashlib.sha256(data).hexdigest()[:16]
    return out


def _save(file: Path, termbase: Termbase, index: TermIndex) -> None:
    """Write atomically; a cache that cannot be built or written is silently skipped."""
    try:
        if not cachefile.trusted_dir(file.parent, create=True):
            return
        blobs: dict[str, bytes] = {}
        header = {
            "format": _FORMAT,
            "matcher": MATCHER_VERSION,
            "content_hash": index.termbase_hash,
            "builders": cachefile.to_json(builder_versions(), blobs),
            "data": cachefile.to_json(_flatten(termbase, index), blobs),
        }
        cachefile.write(file, header, blobs)
    except Exception:  # the cache is an optimisation: the run goes on with the index it has
        return


def cached_index(termbase_path: TermbaseSpec) -> tuple[Termbase, TermIndex]:
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
    if loaded is not None and not _stored_derived(loaded[0]):
        _save(file, *loaded)  # a rule registered a derived value since the file was written
    if loaded is None:
        termbase = load_termbase(termbase_path)
        index = TermIndex.build(termbase)
        _save(file, termbase, index)
        loaded = (termbase, index)
    with _lock:
        _memo[key] = loaded
    _last[:] = [CacheStats(hit, file)]
    return loaded


_built: dict[tuple[str, tuple[str, ...] | None], TermIndex] = {}


def index_of(termbase: Termbase, languages: Iterable[str] | None = None) -> TermIndex:
    """The index of a termbase already in memory, once per process and per content.

    The other way to an index besides :func:`cached_index`, for a termbase no file holds as
    it is (WMT21 ``<term>`` annotations) or one a caller loaded (score's workers get the
    termbase pickled).  The index :func:`cached_index` loaded for the same content is reused,
    so ``score --termbase X`` builds nothing when ``X`` is in the disk cache.
    """
    digest = termbase.content_hash()
    key = (digest, tuple(sorted(languages)) if languages is not None else None)
    with _lock:
        for _, loaded in _memo.values():
            if loaded.termbase_hash == digest:
                return loaded
        index = _built.get(key)
    if index is None:
        index = TermIndex.build(termbase, languages)
        with _lock:
            _built[key] = index
    return index


def last_stats() -> CacheStats | None:
    """Whether the last :func:`cached_index` call hit the cache (None before any call)."""
    return _last[0] if _last else None


def clear_memo() -> None:
    """Forget the in-process copies (the disk cache stays)."""
    with _lock:
        _memo.clear()
        _built.clear()
