"""The ``mustalah`` command: one thin module per subcommand, registered here."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..errors import MustalahError
from . import eval_cmd, export_cmd, lint_cmd, rules_cmd, score_cmd, termbase_cmd

#: The subcommand registry: each module adds its parser and sets ``func``.
SUBCOMMANDS: tuple[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None], ...] = (
    lint_cmd.register,
    rules_cmd.register,
    termbase_cmd.register,
    export_cmd.register,
    score_cmd.register,
    eval_cmd.register,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mustalah",
        description=(
            "Arabic–English terminology and translation QA for UN press releases: "
            "lint bilingual and Arabic text against the UN termbase, export TMX/XLIFF/TBX, "
            "score machine translation."
        ),
        epilog="Run 'mustalah COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"mustalah {__version__}")
    sub: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser
    )
    for register in SUBCOMMANDS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = func(args)
        return code
    except MustalahError as exc:
        print(f"mustalah: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("mustalah: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into a program that stopped reading (``| head``).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def entry() -> None:  # pragma: no cover - console script wrapper
    if hasattr(signal, "SIGPIPE"):  # `mustalah … | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
