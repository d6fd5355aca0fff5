"""SARIF 2.1.0 (validated against the official schema) and GitHub workflow annotations."""

from __future__ import annotations

import io
import json
from typing import Any

import jsonschema  # type: ignore[import-untyped]

from mustalah.checks.base import rule_doc_sections
from mustalah.checks.registry import ALL_RULES
from mustalah.model import Finding, LintResult, LintSummary
from mustalah.reports.github_report import annotation, render_github
from mustalah.reports.rule_docs import rule_text
from mustalah.reports.sarif_report import render_sarif

from ..conftest import REPO, shared_path
from .conftest import lint

RELEASE = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"


def sarif_of(result: LintResult) -> dict[str, Any]:
    buf = io.StringIO()
    render_sarif(result, buf)
    doc: dict[str, Any] = json.loads(buf.getvalue())
    return doc


def test_sarif_validates_against_official_schema() -> None:
    schema_file = shared_path("standards", "sarif", "sarif-schema-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    result = lint(RELEASE, shared_path("seeds", "seed-release.ar.txt"))
    doc = sarif_of(result)
    jsonschema.Draft4Validator(schema).validate(doc)  # raises with the failing path
    run = doc["runs"][0]
    assert len(run["results"]) == len(result.findings) > 0


def test_sarif_rules_carry_the_rule_docs() -> None:
    doc = sarif_of(lint(RELEASE))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in ALL_RULES]
    for meta, rule in zip(rules, ALL_RULES, strict=True):
        sections = rule_doc_sections(rule)
        assert meta["name"] == rule.name
        assert meta["shortDescription"]["text"] == sections["summary"]
        assert meta["help"]["text"] == rule_text(rule)
        assert sections["What it catches"].split()[0] in meta["fullDescription"]["text"]
        level = {"info": "note"}.get(rule.severity, rule.severity)
        assert meta["defaultConfiguration"]["level"] == level


def test_sarif_results_located_by_line_column_and_unit() -> None:
    result = lint(RELEASE)
    doc = sarif_of(result)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    for f, r in zip(result.findings, doc["runs"][0]["results"], strict=True):
        assert r["ruleId"] == f.code and rules[r["ruleIndex"]]["id"] == f.code
        loc = r["locations"][0]
        region = loc["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (f.line, f.column)
        assert region["endColumn"] - region["startColumn"] == len(f.text)
        assert loc["physicalLocation"]["artifactLocation"]["uri"].endswith(f.file.rsplit("/", 1)[-1])
        assert loc["logicalLocations"][0]["name"] == f.unit
        assert r["partialFingerprints"]["mustalah/v1"] == f.fingerprint


def _finding(**kw: Any) -> Finding:
    base: dict[str, Any] = dict(code="TM002", name="term-deprecated", category="term-deprecated",
                                severity="error", file="dir,x/a:b.tmx", unit="7", lang="ar", side="target",
                                start=0, end=3, text="abc", message="50% done\nnext, line: here",
                                line=3, column=5)
    base.update(kw)
    return Finding(**base)


def test_github_annotation_escapes_per_runner_rules() -> None:
    line = annotation(_finding())
    head = "::error file=dir%2Cx/a%3Ab.tmx,line=3,col=5,endColumn=8,title=TM002 term-deprecated::"
    assert line.startswith(head)
    message = line.split("::", 2)[2]
    assert message.startswith("50%25 done%0Anext, line: here")
    assert "\n" not in line
    assert annotation(_finding(severity="info")).startswith("::notice ")


def test_github_report_one_line_per_finding() -> None:
    result = lint(RELEASE)
    buf = io.StringIO()
    render_github(result, buf)
    lines = buf.getvalue().splitlines()
    assert len(lines) == len(result.findings) + 1
    assert all(ln.startswith(("::error ", "::warning ", "::notice ")) for ln in lines[:-1])


def test_sarif_without_line_has_no_region() -> None:
    f = _finding(line=None, column=None, fingerprint=None)
    doc = sarif_of(LintResult((f,), LintSummary(1, 1, 1)))
    physical = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert "region" not in physical
