"""Which units a linter leaves alone: what the file says is not to be translated, and chosen states.

* **Not to be translated** (always skipped): XLIFF ``translate="no"`` (1.2 and 2), a locked
  Trados segment (``sdl:seg locked="true"``), a locked memoQ row (``mq:locked``) — the readers
  mark them with ``("translate", "no")`` / ``("locked", "true")`` in ``props``.  PO obsolete
  (``#~``) entries are never read at all.
* **States** (``mustalah lint --skip-state final --skip-state signed-off``): a reviser lints only
  what changed.  A state matches the segment's XLIFF state (``final``, ``signed-off``,
  ``translated``, XLIFF 2 ``reviewed`` …; Trados and memoQ levels are mapped to them by the
  reader) or the tool's own raw value kept in ``props`` (``ApprovedSignOff``, ``Proofread``),
  case-insensitively.
"""

from __future__ import annotations

from collections.abc import Collection

from ..model import Segment

LOCKS = frozenset({("translate", "no"), ("locked", "true")})
RAW_STATE_PROPS = ("sdl:conf", "mq:status")


def locked(segment: Segment) -> bool:
    """The file says this unit is not to be translated (or may not be changed)."""
    return any(prop in LOCKS for prop in segment.props)


def in_states(segment: Segment, states: Collection[str]) -> bool:
    """The segment's state (or the CAT tool's raw level) is one of ``states`` (any case)."""
    if not states:
        return False
    wanted = {s.casefold() for s in states}
    if segment.state is not None and segment.state.casefold() in wanted:
        return True
    return any(key in RAW_STATE_PROPS and value.casefold() in wanted for key, value in segment.props)


def skipped_unit(segment: Segment, skip_states: Collection[str] = ()) -> bool:
    """Leave this unit out of a lint run: locked / not to be translated, or in a skipped state."""
    return (bool(segment.props) and locked(segment)) or in_states(segment, skip_states)
