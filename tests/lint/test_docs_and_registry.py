"""Rule docs are generated and fresh; every rule is registered once with complete documentation."""

from __future__ import annotations

from pathlib import Path

from mustalah.checks.base import DOC_SECTIONS, rule_doc_sections
from mustalah.checks.registry import ALL_RULES
from mustalah.model import CATEGORIES
from mustalah.reports.rule_docs import rules_markdown

REPO = Path(__file__).resolve().parents[2]


def test_docs_rules_md_is_fresh() -> None:
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(), "docs/rules.md is stale: run `make docs`"


def test_registry_codes_and_names_are_unique() -> None:
    codes = [r.code for r in ALL_RULES]
    names = [r.name for r in ALL_RULES]
    assert len(codes) == len(set(codes)) and len(names) == len(set(names))


def test_every_rule_is_documented_in_the_fixed_sections() -> None:
    for rule in ALL_RULES:
        sections = rule_doc_sections(rule)
        assert sections.get("summary"), rule.code
        for name in DOC_SECTIONS:
            assert sections.get(name), f"{rule.code} lacks '{name}'"
        assert rule.category in CATEGORIES, rule.code
        assert rule.severity in ("error", "warning", "info"), rule.code
        example = sections["Example"]
        assert "en:" in example or "ar:" in example, f"{rule.code}: the example names no language"
