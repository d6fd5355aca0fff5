"""Project configuration: ``[tool.mustalah]`` in ``pyproject.toml``.

```toml
[tool.mustalah]
termbase = "termbase"                 # a YAML folder, a TBX or CSV file, or a set layered in order:
# termbase = ["@shipped", "dept.tbx", "job/"]   # later ones override earlier ones per concept id
source-lang = "en"
target-lang = "ar"
select = ["TM", "AC", "GN"]           # codes, code prefixes, rule names or categories
ignore = ["TM009"]
fail-on = "error"
min-severity = "warning"              # report errors and warnings only (notes not shown)
baseline = "mustalah-baseline.json"
skip-state = ["final", "signed-off"]  # units in these states are not linted (as --skip-state)

[tool.mustalah.per-file-ignores]
"corpora/legacy/*" = ["style", "PU002"]

[tool.mustalah.rules.TM001]          # rule options, by code or name (term-missing)
count = false

[tool.mustalah.rules.SP002]
words = ["كوفيد", "remdesivir"]       # project words the dictionary lacks
```
Command-line options override the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError

_KNOWN = {
    "termbase",
    "source-lang",
    "target-lang",
    "lang",
    "select",
    "ignore",
    "fail-on",
    "min-severity",
    "baseline",
    "per-file-ignores",
    "rules",
    "format",
    "jobs",
    "checks",
    "skip-state",
}


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    path: str | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def relative(self, value: str) -> str:
        """A path in the config is relative to the config file's folder."""
        if self.path is None or Path(value).is_absolute():
            return value
        return str(Path(self.path).parent / value)


def termbase_setting(given: list[str] | None, config: ProjectConfig) -> str | tuple[str, ...] | None:
    """The termbase (or termbase set, ``termbase.layers``) to lint with: ``--termbase``, repeatable,
    else ``termbase`` in the config (a path or a list of paths, relative to the config file).
    One source is returned as a string, several as a tuple in override order."""
    from ..termbase.layers import SHIPPED

    if given:
        items = list(given)
    else:
        value = config.get("termbase")
        if value is None:
            return None
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
            raise UsageError(
                f"{config.path}: termbase = {value!r} is not a path or a list of paths",
                hint='write termbase = "un.tbx" or termbase = ["un.tbx", "job/"]',
            )
        items = [v if v == SHIPPED else config.relative(v) for v in items]
    return items[0] if len(items) == 1 else tuple(items)


def find_pyproject(start: Path) -> Path | None:
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(explicit: str | None = None, start: Path | None = None) -> ProjectConfig:
    path = Path(explicit) if explicit else find_pyproject(start or Path.cwd())
    if path is None:
        return ProjectConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"config file {path} not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}", hint="fix the file or pass --no-config") from None
    section = data.get("tool", {}).get("mustalah", {})
    if not isinstance(section, dict):
        raise UsageError(f"{path}: [tool.mustalah] must be a table")
    unknown = sorted(set(section) - _KNOWN)
    if unknown:
        raise UsageError(
            f"{path}: unknown key(s) in [tool.mustalah]: {', '.join(unknown)}",
            hint="known keys: " + ", ".join(sorted(_KNOWN)),
        )
    if "rules" in section:
        section = {**section, "rules": _check_rule_options(str(path), section["rules"])}
    if "skip-state" in section:
        section = {**section, "skip-state": _check_states(str(path), section["skip-state"])}
    return ProjectConfig(str(path), section)


def _check_states(path: str, value: object) -> list[str]:
    """``skip-state``: a list of states (a bare string would be read letter by letter elsewhere)."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise UsageError(
            f"{path}: skip-state = {value!r} is not a list of states",
            hint='write skip-state = ["final", "signed-off"] (XLIFF states or the tool\'s own: '
            "ApprovedSignOff, Proofread …)",
        )
    return [v.strip() for v in value]


def skip_states_setting(given: list[str] | None, config: ProjectConfig) -> frozenset[str]:
    """The states lint leaves alone: ``--skip-state`` (repeatable), else ``skip-state`` in the config
    (see :mod:`mustalah.formats.states` for what a state matches)."""
    return frozenset(given or config.get("skip-state") or ())


def _check_rule_options(path: str, rules: object) -> dict[str, dict[str, Any]]:
    """Each ``[tool.mustalah.rules.KEY]`` names a rule (code, name or alias), and each option one
    of its own, with a value of the default's type: a misspelt option silently ignored is a check
    silently off.  Returns the options keyed by rule code, the key rules look them up by."""
    from ..checks.registry import rules_by_code

    if not isinstance(rules, dict):
        raise UsageError(f"{path}: [tool.mustalah.rules] must be a table of rule tables")
    known = rules_by_code()
    by_code: dict[str, dict[str, Any]] = {}
    keys: dict[str, str] = {}
    for code, options in rules.items():
        rule = known.get(str(code))
        if rule is None:
            raise UsageError(
                f"{path}: [tool.mustalah.rules.{code}]: no such rule", hint="see `mustalah rules`"
            )
        if rule.code in keys:
            raise UsageError(
                f"{path}: [tool.mustalah.rules.{keys[rule.code]}] and [tool.mustalah.rules.{code}] "
                f"both set options of {rule.code}",
                hint="keep one table per rule",
            )
        keys[rule.code] = str(code)
        if not isinstance(options, dict):
            raise UsageError(f"{path}: [tool.mustalah.rules.{code}] must be a table of options")
        for name, value in options.items():
            if name not in rule.defaults:
                have = ", ".join(sorted(rule.defaults)) or "none"
                raise UsageError(
                    f"{path}: [tool.mustalah.rules.{code}]: {rule.code} has no option {name!r}",
                    hint=f"its options: {have}",
                )
            default = rule.defaults[name]
            if not _same_kind(value, default):
                kind = "list of strings" if isinstance(default, list | tuple) else type(default).__name__
                raise UsageError(
                    f"{path}: [tool.mustalah.rules.{code}]: {name} = {value!r} is not a {kind}",
                    hint=f"the default is {name} = {default!r}",
                )
        by_code[rule.code] = dict(options)
    return by_code


def _same_kind(value: object, default: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, list | tuple):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))
