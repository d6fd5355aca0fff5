"""Hunspell's verdicts, kept on disk between runs.

Loading the Arabic and English dictionaries takes Hunspell about 0.17 s, a third of a
one-release lint; a translator lints one file at a time, and the words of UN releases
repeat.  So each word's verdict is kept in the cache folder (``matching.cache.cache_dir``),
in one file per dictionary, named by a hash of the dictionary files' paths, sizes and
modification times and of the binding's version: a new dictionary starts a new file.
Hunspell is loaded only when a word has no stored verdict.  New verdicts are merged
into the file at the end of each lint task (``Rule.finish``), atomically (temp file +
rename); a file that cannot be read or written is ignored, never an error.  The file is
JSON (two word lists), read only from a cache folder this user owns and no one else can
write (``matching.cachefile.trusted_dir``).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..matching.cache import cache_dir
from ..matching.cachefile import trusted_dir

#: Verdicts kept per dictionary file (beyond this, new words are judged but not stored).
MAX_WORDS = 300_000
_FORMAT = 2


class StoredVerdicts:
    """``spell(word)`` as Hunspell answers it, from the disk store when the word is known."""

    def __init__(self, lang: str, dic: str, aff: str) -> None:
        self.lang = lang
        self._paths = (dic, aff)
        self.path = _store_path(lang, dic, aff)
        self.good, self.bad = _read(self.path)
        self._new: dict[str, bool] = {}
        self._hunspell: Any = None

    @property
    def loaded(self) -> bool:
        """Whether Hunspell itself had to be loaded in this process."""
        return self._hunspell is not None

    def spell(self, word: str) -> bool:
        if word in self.good:
            return True
        if word in self.bad:
            return False
        if self._hunspell is None:
            import hunspell

            self._hunspell = hunspell.HunSpell(*self._paths)
        ok = bool(self._hunspell.spell(word))
        (self.good if ok else self.bad).add(word)
        if len(self.good) + len(self.bad) <= MAX_WORDS:
            self._new[word] = ok
        return ok

    def save(self) -> None:
        """Merge this process's new verdicts into the file (other processes may have added theirs)."""
        if not self._new:
            return
        good, bad = _read(self.path)
        for word, ok in self._new.items():
            (good if ok else bad).add(word)
        self._new.clear()
        try:
            if not trusted_dir(self.path.parent, create=True):
                return
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".spell-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump({"format": _FORMAT, "good": sorted(good), "bad": sorted(bad)}, handle)
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:
            return


def _store_path(lang: str, dic: str, aff: str) -> Path:
    h = hashlib.sha256(f"{_FORMAT}\0{_binding_version()}".encode())
    for name in (dic, aff):
        st = os.stat(name)
        h.update(f"\0{os.path.realpath(name)}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return cache_dir() / f"hunspell-{lang}-{h.hexdigest()[:20]}.json"


def _binding_version() -> str:
    try:
        from importlib.metadata import version

        return version("hunspell")
    except Exception:  # any failure: the distribution name is not worth an error
        return "?"


def _read(path: Path) -> tuple[set[str], set[str]]:
    """The stored verdicts, or none when the file is missing, damaged, or not to be trusted."""
    if not trusted_dir(path.parent, create=False):
        return set(), set()
    try:
        with open(path, encoding="utf-8") as handle:
            st = os.fstat(handle.fileno())
            if st.st_uid != os.geteuid() or st.st_mode & 0o022:
                return set(), set()
            data = json.load(handle)
        good, bad = data.get("good"), data.get("bad")
        if (
            data.get("format") == _FORMAT
            and isinstance(good, list)
            and isinstance(bad, list)
            and all(isinstance(w, str) for w in good + bad)
        ):
            return set(good), set(bad)
    except (OSError, ValueError, AttributeError):
        pass
    return set(), set()
