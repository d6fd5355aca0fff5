"""What goes into a translation memory, and in which languages (``mustalah export``).

**Languages.**  A file's own language tags win: an en-US → nl-NL SDLXLIFF is exported as
en-US → nl-NL, an ``ar-AE`` target stays ``ar-AE``.  ``--source-lang`` / ``--target-lang``
only fill in what a file does not say (PO has no source language; aligned text says
nothing); when a file says otherwise, the file is kept and a warning names both tags.

**Units.**  A TM entry is a confirmed pair (as ``po2tmx`` and the CAT tools' own TM
exports do), so by default a TMX export leaves out:

* ``empty``       — no target, or only spaces (a PO entry with ``msgstr ""``);
* ``fuzzy``       — a PO fuzzy entry: the translation is of an older source;
* ``untranslated``— XLIFF ``state`` ``new`` / ``needs-translation`` / ``needs-l10n`` /
  ``needs-adaptation``, Trados ``Draft``, memoQ ``NotStarted`` / ``PartiallyEdited`` (the tool
  says no one has translated it yet, whatever the target holds — often a pre-filled copy or raw
  MT).  XLIFF 2 ``initial`` is not among them: it is what a segment without ``state`` reads as,
  and many tools never write one — there only an empty target is left out;
* ``copy``        — the target is the source, unchanged, in a working file whose state does
  not confirm it (a PO ``msgstr`` equal to its ``msgid``; XLIFF ``translated``).  XLIFF
  ``final`` / ``signed-off`` / ``reviewed`` confirms a copy (numbers and names are often
  rightly copied), and so does a unit without any state — a TMX entry is already a TM's.

Each reason has an ``--include-…`` option; the export summary says how many of each were
left out.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from ..model import Segment
from . import lang as langtags

#: XLIFF 1.2 / 2 states (and what Trados Draft maps to) saying nobody translated the unit yet.
UNTRANSLATED_STATES = frozenset({"new", "needs-translation", "needs-l10n", "needs-adaptation"})
#: States a reviewer or translator confirmed: a target equal to its source is then deliberate.
CONFIRMED_STATES = frozenset({"final", "signed-off", "reviewed"})
REASONS = ("empty", "fuzzy", "untranslated", "copy")
_UNSAID = ("", "und", "*all*")


def skip_reason(segment: Segment) -> str | None:
    """Why ``segment`` does not belong in a TM (one of :data:`REASONS`), or ``None``."""
    target = segment.target
    if target is None or not target.strip():
        return "empty"
    state = segment.state
    if state == "fuzzy":
        return "fuzzy"
    if state in UNTRANSLATED_STATES:
        return "untranslated"
    if target == segment.source and state is not None and state not in CONFIRMED_STATES:
        return "copy"
    return None


@dataclass(slots=True)
class TmPolicy:
    """Filters and language fill-in for one export run (counts what it left out)."""

    include: frozenset[str] = frozenset()
    source_lang: str | None = None
    target_lang: str | None = None
    skipped: Counter[str] = field(default_factory=Counter)
    warn: Callable[[str], None] = lambda message: print(f"warning: {message}", file=sys.stderr)
    _warned: set[tuple[str, str, str]] = field(default_factory=set)

    def languages(self, segment: Segment) -> tuple[str, str]:
        """The tags to write for ``segment``: the file's own, else the options, else en / ar."""
        src = segment.source_lang if segment.source_lang not in _UNSAID else None
        tgt = segment.target_lang if segment.target_lang not in (None, *_UNSAID) else None
        self._disagree(segment.file, "source", src, self.source_lang)
        self._disagree(segment.file, "target", tgt, self.target_lang)
        return src or self.source_lang or "en", tgt or self.target_lang or "ar"

    def _disagree(self, file: str, side: str, said: str | None, option: str | None) -> None:
        if said is None or option is None or langtags.same(said, option):
            return
        key = (file, side, said)
        if key not in self._warned:
            self._warned.add(key)
            self.warn(
                f"{file} says the {side} language is {said}; --{side}-lang {option} only fills in "
                f"what a file does not say, so {said} is kept"
            )

    def apply(self, segments: Iterable[Segment], *, filter_units: bool = True) -> Iterator[Segment]:
        """The segments to write, each carrying the language tags to write for it."""
        for segment in segments:
            if filter_units:
                reason = skip_reason(segment)
                if reason is not None and reason not in self.include:
                    self.skipped[reason] += 1
                    continue
            src, tgt = self.languages(segment)
            if src != segment.source_lang or tgt != segment.target_lang:
                segment = replace(segment, source_lang=src, target_lang=tgt)
            yield segment

    def summary(self) -> str:
        """``; left out: 39 empty, 40 fuzzy (--include-empty, --include-fuzzy to keep them)`` or ``""``."""
        if not self.skipped:
            return ""
        counts = ", ".join(f"{self.skipped[r]} {r}" for r in REASONS if self.skipped[r])
        options = ", ".join(f"--include-{r}" for r in REASONS if self.skipped[r])
        return f"; left out {counts} ({options} to keep them)"
