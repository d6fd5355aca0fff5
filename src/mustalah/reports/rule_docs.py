"""Rule documentation generated from the rules' docstrings (``docs/rules.md``, ``mustalah rules``)."""

from __future__ import annotations

from ..checks.base import DOC_SECTIONS, Rule, rule_doc_sections
from ..checks.registry import ALL_RULES

HEADER = (
    "# mustalah rules\n\n"
    "Generated from the rules' docstrings by `mustalah rules --format markdown` (`make docs`); "
    "a test fails when this file is stale. Do not edit by hand.\n\n"
)


def rule_markdown(rule: type[Rule]) -> str:
    sections = rule_doc_sections(rule)
    out = [
        f"## {rule.code} {rule.name}\n",
        f"*Category:* `{rule.category}` · *Severity:* `{rule.severity}` · *Scope:* {rule.scope}\n",
        f"{sections.get('summary', '')}\n",
    ]
    for name in DOC_SECTIONS:
        body = sections.get(name, "")
        if name == "Example":
            lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
            body = "\n".join(f"    {ln}" for ln in lines)
            out.append(f"**{name}**\n\n{body}\n")
        else:
            out.append(f"**{name}**\n\n{' '.join(ln.strip() for ln in body.splitlines())}\n")
    return "\n".join(out)


def rules_markdown() -> str:
    index = "| code | name | category | severity |\n|---|---|---|---|\n" + "".join(
        f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.category} | {r.severity} |\n"
        for r in ALL_RULES
    )
    return HEADER + index + "\n" + "\n".join(rule_markdown(r) for r in ALL_RULES)


def rule_text(rule: type[Rule]) -> str:
    sections = rule_doc_sections(rule)
    out = [f"{rule.code} {rule.name}  [{rule.category}, {rule.severity}]", "", sections.get("summary", "")]
    for name in DOC_SECTIONS:
        out += ["", f"{name}:"]
        out += [f"  {ln.strip()}" for ln in sections.get(name, "").splitlines() if ln.strip()]
    return "\n".join(out) + "\n"
