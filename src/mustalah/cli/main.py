"""The ``mustalah`` command: one thin module per subcommand, registered here."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import signal
import sys
import threading
from collections.abc import Sequence

from .. import __version__
from ..errors import MustalahError, Terminated

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
    "challenge": "challenge_cmd",
    "eval": "eval_cmd",
    "review": "review_cmd",
    "diff": "diff_cmd",
    "fix": "fix_cmd",
    "formats": "formats_cmd",
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


def _os_error(exc: OSError) -> str:
    """An ``OSError`` no command turned into a message (a file that cannot be read, a folder
    that cannot be listed): the file, the reason and a hint, on one located line."""
    where = f"{exc.filename}: " if exc.filename is not None else ""
    reason = exc.strerror or str(exc)
    if isinstance(exc, PermissionError):
        hint = "check the permissions of that file or folder (or leave it out)"
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        hint = "free some space or write elsewhere"
    else:
        hint = "check the path"
    return f"{where}{reason}\n  hint: {hint}"


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    try:
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        func = getattr(args, "func", None)
        if func is None:
            parser.print_help(sys.stderr)
            return 2
        code: int = func(args)
        return code
    except MustalahError as exc:
        print(f"mustalah: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except Terminated:
        print("mustalah: terminated (SIGTERM); no output written", file=sys.stderr)
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        print("mustalah: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into a program that stopped reading (``| head``).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"mustalah: error: {_os_error(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: one line saying so, not a traceback (unless debugging)
        if os.environ.get("MUSTALAH_DEBUG"):
            raise
        print(
            f"mustalah: internal error: {type(exc).__name__}: {exc}\n"
            "  hint: this is a bug in mustalah, not in your input; please report it with the "
            "command line (MUSTALAH_DEBUG=1 shows where it happened)",
            file=sys.stderr,
        )
        return 2


def install_signals() -> None:
    """SIGTERM is handled as Ctrl-C is (outputs rolled back, workers stopped); a file-size limit
    (``ulimit -f``) is a write error, not a kill; ``mustalah … | head`` ends quietly."""
    if threading.current_thread() is not threading.main_thread():
        return
    signal.signal(signal.SIGTERM, _terminate)
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def entry() -> None:  # pragma: no cover - console script wrapper
    try:
        install_signals()
        code = main()
    except KeyboardInterrupt:  # between main's own handlers (at start-up or exit)
        code = 130
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
