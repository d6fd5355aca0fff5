"""The lint context the commands that re-lint a file share (``fix``, ``diff``): the termbases,
the languages a file may not say, and the project configuration they come from."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lint.engine import LintSettings


def add_context_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--termbase", metavar="PATH", action="append", help="as for lint (repeatable)")
    p.add_argument("--source-lang", metavar="LANG")
    p.add_argument("--target-lang", metavar="LANG")
    p.add_argument("--config", metavar="FILE", help="read [tool.mustalah] from this pyproject.toml")
    p.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")


def context_settings(args: argparse.Namespace, near: str, *, checks: bool = False) -> LintSettings:
    """``LintSettings`` from the arguments above and the project config found near ``near``
    (with the project's own checks when ``checks``)."""
    from ..lint.checkfile import project_checks
    from ..lint.config import ProjectConfig, load_config, termbase_setting
    from ..lint.engine import LintSettings

    config = ProjectConfig() if args.no_config else load_config(args.config, Path(near).parent)
    return LintSettings(
        termbase=termbase_setting(args.termbase, config),
        source_lang=args.source_lang or config.get("source-lang"),
        target_lang=args.target_lang or config.get("target-lang"),
        project_checks=project_checks(config) if checks else (),
    )
