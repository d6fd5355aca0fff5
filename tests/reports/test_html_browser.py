# ruff: noqa: E501  (JavaScript snippets)
"""The HTML report in a real browser: spans, right-to-left layout, filters, screenshots."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from mustalah.reports.html_report import render_html
from mustalah.reports.json_report import render_json

from ..conftest import REPO, shared_path
from .conftest import lint

pytestmark = pytest.mark.browser

RELEASE = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"


def open_report(browser: Any, paths: list[Path], out: Path) -> list[dict[str, Any]]:
    """Lint once, write the HTML and JSON of that same result, open the HTML; return the JSON findings."""
    result = lint(*paths)
    buf = io.StringIO()
    render_json(result, buf)
    with out.open("w", encoding="utf-8") as fh:
        render_html(result, fh)
    browser.get(out.as_uri())
    assert browser.execute_script("return document.documentElement.dataset.ready") == "1"
    findings: list[dict[str, Any]] = json.loads(buf.getvalue())["findings"]
    assert findings, "the fixture must produce findings"
    return findings


def highlighted(browser: Any, index: int) -> dict[str, Any]:
    script = """
      var marks = Array.prototype.slice.call(document.querySelectorAll('mark[data-f~="f' + arguments[0] + '"]'));
      var cells = marks.map(function (m) { return m.closest('td'); });
      return {text: marks.map(function (m) { return m.textContent; }).join(''), count: marks.length,
              langs: cells.map(function (c) { return c ? c.getAttribute('lang') : null; }),
              dirs: cells.map(function (c) { return c ? getComputedStyle(c).direction : null; })};
    """
    value: dict[str, Any] = browser.execute_script(script, index)
    return value


def test_seed_highlights_rtl_and_filters(browser: Any, artifacts: Path, tmp_path: Path) -> None:
    seed = shared_path("seeds", "seed-release.ar.txt")
    findings = open_report(browser, [seed], tmp_path / "seed.html")
    for i, f in enumerate(findings):
        got = highlighted(browser, i)
        assert got["text"] == f["text"], (f["code"], f["text"], got)
        if f["text"]:
            assert set(got["langs"]) == {"ar"} and set(got["dirs"]) == {"rtl"}
    cells = browser.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('td.text'),"
        " function (td) { return [td.getAttribute('lang'), getComputedStyle(td).direction]; });")
    assert cells and all(c == ["ar", "rtl"] for c in cells)
    # A Latin acronym inside the Arabic text is isolated and laid out left to right.
    latin = browser.execute_script(
        "var b = Array.prototype.filter.call(document.querySelectorAll('td[lang=ar] bdi'),"
        " function (x) { return x.textContent === 'UNODC'; })[0];"
        " return b ? getComputedStyle(b).direction + ' ' + getComputedStyle(b).unicodeBidi : null;")
    assert latin == "ltr isolate"
    browser.save_screenshot(str(artifacts / "report-seed.png"))
    readme_shot = REPO / "docs" / "img" / "report-seed.png"
    if os.environ.get("MUSTALAH_UPDATE_SCREENSHOTS") or not readme_shot.exists():
        browser.execute_script("document.querySelector('.filters').scrollIntoView()")
        browser.save_screenshot(str(readme_shot))
    browser.execute_script("window.scrollTo(0, 0)")

    errors = sum(1 for f in findings if f["severity"] == "error")
    assert 0 < errors < len(findings)
    browser.find_element("css selector", 'button[data-sev="error"]').click()
    visible = browser.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('li.finding'),"
        " function (li) { return li.offsetParent !== null; }).map(function (li) { return li.dataset.sev; });")
    assert visible == ["error"] * errors
    rows = browser.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('tr.unit'),"
        " function (tr) { return tr.offsetParent !== null; }).map(function (tr) { return tr.dataset.unit; });")
    assert sorted(set(rows)) == sorted({f["unit"] for f in findings if f["severity"] == "error"})
    # Highlights of hidden findings are switched off; error highlights stay.
    on = browser.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('mark.hl'),"
        " function (m) { return !m.classList.contains('off'); }).length;")
    assert on > 0
    browser.find_element("css selector", 'button[data-sev="all"]').click()
    shown = browser.find_element("id", "shown").text
    assert shown == str(len(findings))


def test_bilingual_release_side_by_side(browser: Any, artifacts: Path, tmp_path: Path) -> None:
    findings = open_report(browser, [RELEASE], tmp_path / "release.html")
    sides = {"source": "en", "target": "ar"}
    for i, f in enumerate(findings):
        got = highlighted(browser, i)
        assert got["text"] == f["text"], (f["code"], f["text"], got)
        if f["text"]:
            assert set(got["langs"]) == {sides[f["side"]]}
            assert set(got["dirs"]) == {"rtl" if f["side"] == "target" else "ltr"}
    heads = browser.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('table.units th'), function (t) { return t.textContent; });")
    assert heads == ["unit", "source (en)", "target (ar)"]
    # Filter by rule: only that rule's findings remain.
    code = findings[0]["code"]
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "f-code")).select_by_value(code)
    visible = browser.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('li.finding'),"
        " function (li) { return li.offsetParent !== null; }).map(function (li) { return li.dataset.code; });")
    assert visible == [code] * sum(1 for f in findings if f["code"] == code)
    browser.save_screenshot(str(artifacts / "report-release.png"))
