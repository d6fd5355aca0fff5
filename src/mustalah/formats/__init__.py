"""Readers and writers for bilingual and monolingual formats (TMX, XLIFF, PO, text).

Entry point: :func:`read_segments` (format detection in :mod:`.registry`).  Every XML
parse goes through :mod:`mustalah.xmlsafe`, beside ``fileio`` as the termbase's TBX
reader uses it too.
"""

from __future__ import annotations

from .registry import FORMATS, detect_format, get_reader, read_segments

__all__ = ["FORMATS", "detect_format", "get_reader", "read_segments"]
