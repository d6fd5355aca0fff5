"""Project configuration: ``[tool.mustalah]`` in ``pyproject.toml``.

```toml
[tool.mustalah]
termbase = "termbase"                 # a YAML folder, a TBX or CSV file
source-lang = "en"
target-lang = "ar"
select = ["TM", "AC", "GN"]           # codes, code prefixes, rule names or categories
ignore = ["TM009"]
fail-on = "error"
baseline = "mustalah-baseline.json"

[tool.mustalah.per-file-ignores]
"corpora/legacy/*" = ["style", "PU002"]

[tool.mustalah.rules.ST004]          # rule options
digits = "western"
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
    "baseline",
    "per-file-ignores",
    "rules",
    "format",
    "jobs",
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
    return ProjectConfig(str(path), section)
