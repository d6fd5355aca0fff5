"""The ``mustalah`` command: one thin module per subcommand, registered here."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import MustalahError

#: The subcommand registry, in ``--help`` order: command name → the module (in this package) whose
#: ``register(sub)`` adds its parser and sets ``func``.  Modules are imported on demand (see
#: :func:`build_parser`): importing all of them loads numpy, sacreBLEU, the rule set and the
#: termbase code, start-up time that ``mustalah export`` or ``mustalah rules`` would pay for nothing.
SUBCOMMANDS: dict[str, str] = {
    "lint": "lint_cmd",
    "rules": "rules_cmd",
    "termbase": "termbase_cmd",
    "export": "export_cmd",
    "score": "score_cmd",
    "eval": "eval_cmd",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``mustalah`` parser; with ``argv`` naming a command first, only that command's module is loaded.

    Why that is safe: a command's own parser, usage, help and errors do not depend on the other
    commands; the top-level help and the "invalid choice" error (which list every command) are
    only reached when ``argv`` does not start with a command name, and then all are registered.
    """
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
    names = [argv[0]] if argv and argv[0] in SUBCOMMANDS else list(SUBCOMMANDS)
    for name in names:
        importlib.import_module(f"{__package__}.{SUBCOMMANDS[name]}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
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
