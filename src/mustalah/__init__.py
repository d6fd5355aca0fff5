"""mustalah (مصطلح, "term"): Arabic–English terminology and translation QA for UN press releases."""

from __future__ import annotations

__version__ = "0.1.0"
