"""Rules about the linting itself."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Finding
from .base import Rule, UnitContext


class UnusedSuppression(Rule):
    """A suppression comment that suppressed nothing.

    What it catches:
        A ``mustalah: ignore CODE`` directive in a unit's note (XLIFF ``<note>``, PO
        translator comment, TMX ``<note>``/``<prop type="x-mustalah">``) for which no
        finding of that code was raised in the unit.
    Why it matters:
        Stale suppressions hide future errors: once the text is fixed, the directive
        should go.
    Example:
        en: (note) mustalah: ignore TM002
        ar: the unit no longer has a deprecated form
    Use instead:
        Remove the directive from the note.
    Suppress:
        `ignore = ["MU001"]` in `[tool.mustalah]`.
    """

    code = "MU001"
    name = "unused-suppression"
    category = "style"
    severity = "info"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        return ()  # raised by the suppression stage (mustalah.lint.suppress), not per unit
