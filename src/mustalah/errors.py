"""Errors the user can act on.  The CLI prints them as one located message and exits 2."""

from __future__ import annotations


class MustalahError(Exception):
    """Base class: bad input, usage or I/O.  Never shown as a traceback."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        unit: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.unit = unit
        self.hint = hint

    def location(self) -> str:
        parts: list[str] = []
        if self.file:
            loc = self.file
            if self.line is not None:
                loc += f":{self.line}"
                if self.column is not None:
                    loc += f":{self.column}"
            parts.append(loc)
        if self.unit is not None:
            parts.append(f"unit {self.unit}")
        return ", ".join(parts)

    def __str__(self) -> str:
        loc = self.location()
        text = f"{loc}: {self.message}" if loc else self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class InputError(MustalahError):
    """A file could not be read or parsed (format, encoding, structure, hostile XML)."""


class UsageError(MustalahError):
    """The command line or configuration is wrong."""


class TermbaseError(MustalahError):
    """The termbase could not be loaded."""


class OutputError(MustalahError):
    """An output could not be written (no space, read-only folder, permission)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (``timeout``, CI cancellation), handled as Ctrl-C is: outputs rolled back, exit 143."""
