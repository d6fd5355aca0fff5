"""Load a termbase from any supported source; the shipped default is cached per process.

``load_termbase(None)`` is the UN termbase shipped inside the package (``mustalah/data/termbase``,
built from the repository's ``termbase/*.yaml``).  Other sources: a folder of YAML files, one
``.yaml`` file, a ``.tbx`` file (2019 or 2008, detected) or a ``.csv``/``.tsv`` file.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

from ..errors import TermbaseError, UsageError
from .csv_io import read_csv
from .layers import TermbaseSpec, merge, normalize, source_path
from .model import Termbase
from .tbx_read import read_tbx
from .yaml_io import YAML_SUFFIXES, LoadResult, read_yaml, yaml_files

TBX_SUFFIXES = (".tbx", ".xml")
CSV_SUFFIXES = (".csv", ".tsv")

_cache: dict[tuple[object, ...], Termbase] = {}
_lock = threading.Lock()


def default_termbase_path() -> Path:
    """The folder of the shipped termbase (a real folder in both editable and normal installs)."""
    packaged = Path(str(resources.files("mustalah").joinpath("data", "termbase")))
    if packaged.is_dir() and any(packaged.glob("*.yaml")):
        # In a source checkout this is a symlink to the repository's termbase/: report problems there.
        return packaged.resolve()
    # A source checkout whose data link is missing: fall back to the repository's termbase/.
    repo = Path(__file__).resolve().parents[3] / "termbase"
    if repo.is_dir() and any(repo.glob("*.yaml")):
        return repo
    raise TermbaseError(
        "the shipped termbase is missing from this installation",
        file=str(packaged),
        hint="reinstall mustalah, or pass --termbase PATH",
    )


def read_termbase(path: str | Path) -> LoadResult:
    """Load any supported source, returning problems instead of raising for them."""
    source = Path(path)
    if not source.exists():
        raise TermbaseError("termbase not found", file=str(source), hint="check the --termbase path")
    if source.is_dir() or source.suffix.lower() in YAML_SUFFIXES:
        return read_yaml(source)
    suffix = source.suffix.lower()
    if suffix in TBX_SUFFIXES:
        return read_tbx(source)
    if suffix in CSV_SUFFIXES:
        return read_csv(source)
    raise UsageError(
        f"unknown termbase format {suffix or '(no extension)'!r}",
        file=str(source),
        hint="use a folder of .yaml files, a .yaml, .tbx, .csv or .tsv file",
    )


def _raise_on_errors(result: LoadResult, source: Path) -> Termbase:
    errors = result.errors
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise TermbaseError(
            f"{first.code} {first.message}{more}",
            file=first.location.file if first.location else str(source),
            line=first.location.line if first.location else None,
            hint=f"run 'mustalah termbase check --termbase {source}' to see every problem",
        )
    from .validate import duplicate_ids  # a concept id twice: which one a match means is unknowable

    for problem in duplicate_ids(result.termbase):
        raise TermbaseError(
            f"{problem.code} {problem.message}",
            file=problem.location.file if problem.location else str(source),
            line=problem.location.line if problem.location else None,
            hint="give each concept its own id (`mustalah termbase check` lists every duplicate)",
        )
    return result.termbase


def _signature(source: Path) -> tuple[object, ...]:
    files = yaml_files(source) if source.is_dir() else [source]
    return (str(source.resolve()), *((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files))


def load_termbase(path: TermbaseSpec = None) -> Termbase:
    """Load a termbase; ``None`` means the shipped default.  Raises TermbaseError on load errors.

    A tuple of sources is a termbase set (``termbase.layers``): later ones override earlier
    ones per concept id and add the rest; ``@shipped`` names the shipped termbase.

    Only errors in the *source* (malformed YAML, bad values) stop loading; terminology problems
    are for ``mustalah termbase check``.  Results are cached per process, keyed on the files'
    modification times, so repeated loads (one per file linted) cost a few ``stat`` calls.
    """
    path = normalize(path)
    if isinstance(path, tuple):
        return merge([load_termbase(source_path(item)) for item in path])
    source = Path(path) if path is not None else default_termbase_path()
    if not source.exists():
        raise TermbaseError("termbase not found", file=str(source), hint="check the --termbase path")
    key = _signature(source)
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    termbase = _raise_on_errors(read_termbase(source), source)
    with _lock:
        _cache[key] = termbase
    return termbase


def load_default() -> Termbase:
    """The shipped UN termbase (cached)."""
    return load_termbase(None)


def clear_cache() -> None:
    with _lock:
        _cache.clear()
