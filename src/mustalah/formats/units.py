"""One translation unit as a streaming reader saw it — the seam lint.unitshards splits files on.

The XML readers (TMX, XLIFF 1.2, XLIFF 2) are each a loop over unit elements; their
``*_units`` generators expose that loop one unit at a time, with the two things a planner
needs to cut a file into unit ranges and prove the cut right: the line of the unit's start
tag (what ``sourceline`` reports: the line of its closing ``>``), and the reader state the
unit was read in (the inherited languages).  ``read_*`` is the same loop, flattened.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Segment


class ReadUnit(NamedTuple):
    """A unit element: its start tag's line, its segments (none for a skipped unit), the reader state."""

    line: int | None
    segments: tuple[Segment, ...]
    context: tuple[str | None, ...]
