"""TBX import/export: the public entry points (the work is in tbx_read, tbx_write, tbx_codec).

* :func:`read_tbx` detects the edition from the root element (``<tbx>`` = 2019, ``<martif>`` = 2008).
* :func:`write_tbx2019` writes TBX-Basic, DCA style (valid against the TBX core RNG and the
  TBX-Basic 1.2 integrated RNG); :func:`write_tbx2008` writes ``martif`` valid against
  ``TBXcoreStructV02.dtd`` (what OmegaT and older CAT tools read).
"""

from __future__ import annotations

from .tbx_codec import TBX2008, TBX2019, Dialect
from .tbx_read import detect_dialect, read_tbx
from .tbx_write import ExportSummary, write_stream, write_tbx2008, write_tbx2019

__all__ = [
    "TBX2008",
    "TBX2019",
    "Dialect",
    "ExportSummary",
    "detect_dialect",
    "read_tbx",
    "write_stream",
    "write_tbx2008",
    "write_tbx2019",
]
