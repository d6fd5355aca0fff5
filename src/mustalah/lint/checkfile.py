"""Read project checks (``checks.project``) from ``mustalah-checks.yaml`` or ``[tool.mustalah.checks]``.

```yaml
# mustalah-checks.yaml (beside pyproject.toml, or --checks FILE): one entry per check, keyed by code
X001:
  name: secretary-general
  message: "'Secretary-General' is الأمين العام"
  severity: error                      # error | warning (default) | info
  source: Secretary-General            # a word or phrase, or a list of them …
  target: الأمين العام                  # … the target must have one of them
  suggestion: الأمين العام
  pass: [{en: The Secretary-General spoke., ar: تحدث الأمين العام.}]
  fail: [{en: The Secretary-General spoke., ar: تحدث السكرتير العام.}]
X002:
  name: participants-number
  message: the number of participants differs
  source-regex: '(\\d+) participants'
  target-regex: '\\1 مشارك'             # the source's group 1, escaped
  pass: [{en: 90 participants attended., ar: حضر 90 مشاركا.}]
  fail: [{en: 90 participants attended., ar: حضر 80 مشاركا.}]
```

The same tables may sit in ``pyproject.toml`` as ``[tool.mustalah.checks.X001]``, or
``checks = "path.yaml"`` there names the file.  Every check needs at least one ``pass`` and one
``fail`` case (``en``/``ar``, or ``source``/``target``); they are run when the file is read, and a
case that does not behave is a usage error naming it — a check is never silently wrong.
Anything else wrong (an unknown field, a bad regex, a code that is not ``X`` + 3 digits, the same
code twice) is a usage error located at the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ..checks.project import CODE, Case, CheckSpec, compiled, evaluate
from ..errors import UsageError
from ..model import CATEGORIES, SEVERITIES
from .config import ProjectConfig

CHECKS_FILE = "mustalah-checks.yaml"

_LISTS = ("source", "target", "target-not")
_TEXTS = (
    "name",
    "message",
    "severity",
    "category",
    "source-regex",
    "target-regex",
    "target-not-regex",
    "source-lang",
    "target-lang",
    "suggestion",
    "description",
)
_FIELDS = frozenset((*_LISTS, *_TEXTS, "pass", "fail"))
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _fail(where: str, message: str, hint: str | None = None) -> UsageError:
    return UsageError(
        f"{where}: {message}", hint=hint or f"see README, 'Own checks'; the file format is in {CHECKS_FILE}"
    )


def _words(where: str, key: str, value: object) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
        raise _fail(where, f"{key} must be a word or phrase, or a list of them")
    return tuple(str(v).strip() for v in items)


def _cases(where: str, kind: str, value: object, source_lang: str, target_lang: str) -> list[Case]:
    if not isinstance(value, list) or not value:
        raise _fail(where, f"'{kind}' must be a list of cases", hint="e.g. pass: [{en: …, ar: …}]")
    out = []
    for i, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise _fail(where, f"{kind} case {i} must be a table with en and ar (or source and target)")
        src = item.get("source", item.get(source_lang))
        tgt = item.get("target", item.get(target_lang))
        if not isinstance(src, str) or not isinstance(tgt, str):
            raise _fail(
                where,
                f"{kind} case {i} needs '{source_lang}' and '{target_lang}' (or source and target) text",
            )
        out.append(Case(kind, src, tgt))
    return out


def parse_check(code: str, data: object, where: str) -> CheckSpec:
    """One check from its table (``where``: file:line, for errors); its cases are run."""
    if not CODE.fullmatch(str(code)):
        raise _fail(where, f"check code {code!r} is not X + 3 digits", hint="project checks use X001 … X999")
    if not isinstance(data, dict):
        raise _fail(where, f"check {code} must be a table of fields")
    unknown = sorted(set(map(str, data)) - _FIELDS)
    if unknown:
        raise _fail(
            where,
            f"check {code}: unknown field(s) {', '.join(unknown)}",
            hint="known fields: " + ", ".join(sorted(_FIELDS)),
        )
    for key in _TEXTS:
        if key in data and not isinstance(data[key], str):
            raise _fail(where, f"check {code}: {key} must be a string")
    name = str(data.get("name") or f"project-{str(code).lower()}")
    if not _NAME.fullmatch(name):
        raise _fail(where, f"check {code}: name {name!r} must be lower-case words joined by '-'")
    from ..checks.registry import rules_by_code

    if name in rules_by_code():
        raise _fail(where, f"check {code}: name {name!r} is a built-in rule's", hint="give it its own name")
    message = str(data.get("message") or "").strip()
    if not message:
        raise _fail(where, f"check {code} has no message", hint="message: what is wrong, in one line")
    severity = str(data.get("severity", "warning"))
    if severity not in SEVERITIES:
        raise _fail(where, f"check {code}: severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    category = str(data.get("category", "style"))
    if category not in CATEGORIES:
        raise _fail(where, f"check {code}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    lists = {key: _words(where, key, data[key]) if key in data else () for key in _LISTS}
    source_lang, target_lang = data.get("source-lang"), data.get("target-lang")
    spec = CheckSpec(
        code=str(code),
        name=name,
        message=message,
        severity=severity,  # checked against SEVERITIES above
        category=category,
        source=lists["source"],
        source_regex=data.get("source-regex"),
        target=lists["target"],
        target_regex=data.get("target-regex"),
        target_not=lists["target-not"],
        target_not_regex=data.get("target-not-regex"),
        source_lang=source_lang,
        target_lang=target_lang,
        suggestion=data.get("suggestion"),
        description=str(data.get("description", "")),
        origin=where,
    )
    if not (spec.must or spec.must_not):
        raise _fail(
            where,
            f"check {code} says nothing about the target",
            hint="give target / target-regex (must have) or target-not / target-not-regex (must not)",
        )
    _compile(spec, where)
    cases = [
        *_cases(where, "pass", data.get("pass"), source_lang or "en", target_lang or "ar"),
        *_cases(where, "fail", data.get("fail"), source_lang or "en", target_lang or "ar"),
    ]
    spec = replace(spec, cases=tuple(cases))
    _run_cases(spec, where)
    return spec


def _compile(spec: CheckSpec, where: str) -> None:
    for key, value in (
        ("source-regex", spec.source_regex),
        ("target-regex", spec.target_regex),
        ("target-not-regex", spec.target_not_regex),
    ):
        if value is None:
            continue
        if key == "target-regex":  # the source's groups stand in for \1 … (checked below)
            value = re.sub(r"\\(\d)|\\g<(\w+)>", "(?:)", value)
        try:
            pattern = re.compile(value)
        except re.error as exc:
            raise _fail(
                where,
                f"check {spec.code}: {key} is not a valid regular expression: {exc}",
                hint="Python regular expressions; in YAML, single-quote them",
            ) from None
        if key != "target-regex" and pattern.fullmatch(""):
            raise _fail(
                where,
                f"check {spec.code}: {key} matches the empty string",
                hint="a pattern that matches nothing decides nothing: make it match some text",
            )
    groups = re.compile(spec.source_regex).groups if spec.source_regex else 0
    for m in re.finditer(r"\\(\d)", spec.target_regex or ""):
        if int(m.group(1)) > groups:
            raise _fail(
                where, f"check {spec.code}: target-regex uses group {m.group(1)}, source-regex has {groups}"
            )
    try:
        compiled(spec)
    except re.error as exc:
        raise _fail(where, f"check {spec.code}: the patterns do not compile: {exc}") from None


def _run_cases(spec: CheckSpec, where: str) -> None:
    """Each pass case gives no finding, each fail case at least one (like tests/rules)."""
    source_lang, target_lang = spec.source_lang or "en", spec.target_lang or "ar"
    if not any(c.kind == "pass" for c in spec.cases) or not any(c.kind == "fail" for c in spec.cases):
        raise _fail(where, f"check {spec.code} needs at least one pass and one fail case")
    number = {"pass": 0, "fail": 0}
    for case in spec.cases:
        number[case.kind] += 1
        hits = list(evaluate(spec, case.source, case.target, source_lang, target_lang))
        if case.kind == "pass" and hits:
            spans = ", ".join(
                repr((case.source if h.side == "source" else case.target)[h.start : h.end]) for h in hits
            )
            raise _fail(
                where,
                f"check {spec.code}: pass case {number['pass']} gives a finding on {spans}",
                hint="fix the check's patterns or the case",
            )
        if case.kind == "fail" and not hits:
            raise _fail(
                where,
                f"check {spec.code}: fail case {number['fail']} gives no finding",
                hint="fix the check's patterns or the case",
            )


def _lines(text: str) -> dict[str, int]:
    """The line of each top-level key of a YAML mapping (for located errors)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def read_checks_file(path: str | Path) -> tuple[CheckSpec, ...]:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(
            f"{file}: checks file not found", hint="check the path (--checks, checks = …)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{file}: cannot read the checks file: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{file}:{mark.line + 1}" if mark is not None else str(file)
        raise UsageError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise _fail(str(file), "a checks file is a table of checks keyed by code (X001: …)")
    lines = _lines(text)
    return tuple(
        parse_check(str(code), body, f"{file}:{lines.get(str(code), 1)}") for code, body in data.items()
    )


def checks_from_table(table: Mapping[str, Any], origin: str) -> tuple[CheckSpec, ...]:
    return tuple(
        parse_check(str(code), body, f"{origin} [tool.mustalah.checks.{code}]")
        for code, body in table.items()
    )


def project_checks(config: ProjectConfig, given: list[str] | None = None) -> tuple[CheckSpec, ...]:
    """The project's checks: ``--checks FILE`` (repeatable) if given, else ``checks`` in the config
    (a file name or the tables) and ``mustalah-checks.yaml`` beside the config file."""
    found: list[CheckSpec] = []
    if given:
        for path in given:
            found.extend(read_checks_file(path))
    else:
        value = config.get("checks")
        if isinstance(value, str):
            found.extend(read_checks_file(config.relative(value)))
        elif isinstance(value, dict):
            found.extend(checks_from_table(value, str(config.path)))
        elif value is not None:
            raise UsageError(
                f"{config.path}: checks must be a file name or [tool.mustalah.checks.X001] tables"
            )
        if config.path is not None:
            beside = Path(config.path).parent / CHECKS_FILE
            if beside.is_file() and not (isinstance(value, str) and Path(config.relative(value)) == beside):
                found.extend(read_checks_file(beside))
    seen: dict[str, str] = {}
    for spec in found:
        if spec.code in seen:
            raise UsageError(
                f"{spec.origin}: check {spec.code} is already defined at {seen[spec.code]}",
                hint="give each project check its own code",
            )
        seen[spec.code] = spec.origin
    return tuple(found)
