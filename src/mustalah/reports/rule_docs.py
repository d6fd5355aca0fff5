"""Rule documentation generated from the rules' docstrings (``docs/rules.md``, ``mustalah rules``)."""

from __future__ import annotations

from ..checks.base import DOC_SECTIONS, SEVERITY_POLICY, Rule, rule_doc_sections
from ..checks.fixes import fix_note
from ..checks.registry import ALL_RULES

HEADER = (
    "# mustalah rules\n\n"
    "Generated from the rules' docstrings by `mustalah rules --format markdown` (`make docs`); "
    "a test fails when this file is stale. Do not edit by hand.\n\n"
    "## Severity policy\n\n"
    + "".join(f"- **{level}**: {text}\n" for level, text in SEVERITY_POLICY)
    + "\nOne slip, one finding: where two rules report one slip, or one rule reports it on both "
    "sides, the lint reports it once; the finding that stays names the other facts in its "
    "message (`…; also GN002 honorific-source-gender: …`).\n\n"
)


def _either(codes: tuple[str, ...]) -> str:
    return codes[0] if len(codes) == 1 else f"{', '.join(codes[:-1])} or {codes[-1]}"


def _one_slip(rule: type[Rule]) -> str:
    """How the rule's findings fold into others' (``yields_to``, ``pairs_sides``, ``pairs_repeats``),
    or ''."""
    parts = []
    if rule.yields_to:
        parts.append(
            f"folded into the finding of {_either(rule.yields_to)} on an overlapping span, "
            "whose message then names it"
        )
    if rule.pairs_sides:
        parts.append("when as many are missing on each side, each pair is one finding, on the target")
    if rule.pairs_repeats:
        parts.append("a number repeated on one side counts once when that pairs the sides")
    return "; ".join(parts)


def rule_markdown(rule: type[Rule]) -> str:
    sections = rule_doc_sections(rule)
    out = [
        f"## {rule.code} {rule.name}\n",
        f"*Category:* `{rule.category}` · *Severity:* `{rule.severity}` · *Scope:* {rule.scope}\n",
        f"{sections.get('summary', '')}\n",
    ]
    slip = _one_slip(rule)
    if slip:
        out.append(f"*One slip, one finding:* {slip}.\n")
    out.append(f"*Fix:* {fix_note(rule.code)}.\n")
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
    slip = _one_slip(rule)
    if slip:
        out += ["", f"One slip, one finding: {slip}."]
    out += ["", f"Fix: {fix_note(rule.code)}."]
    for name in DOC_SECTIONS:
        out += ["", f"{name}:"]
        out += [f"  {ln.strip()}" for ln in sections.get(name, "").splitlines() if ln.strip()]
    return "\n".join(out) + "\n"
