# ruff: noqa: E501  (JavaScript snippets)
"""The browsable termbase page in a real browser: folded, clitic-insensitive search; filters."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from mustalah.reports.termbase_html import render_termbase_html
from mustalah.termbase.loader import load_termbase
from mustalah.termbase.model import Concept, Status, Term, Termbase


def page(termbase: Termbase) -> str:
    buf = io.StringIO()
    render_termbase_html(termbase, buf)
    return buf.getvalue()


def test_page_escapes_and_lays_out_statuses() -> None:
    evil = Concept(id="X<script>", domain="d\"x", terms=(
        Term(text="<img src=x onerror=alert(1)>", lang="en"),
        Term(text="قديم", lang="ar", status=Status.DEPRECATED),
    ), note="</article><script>alert(2)</script>")
    text = page(Termbase((evil,)))
    assert text.count("<script") == 1 and "<img" not in text
    doc = lxml_html.document_fromstring(text)
    rows = doc.xpath("//article//tbody/tr")
    assert [r.get("data-status") for r in rows] == ["preferred", "deprecated"]
    assert doc.xpath("//td[@lang='ar']")[1].get("dir") == "rtl"


@pytest.mark.browser
def test_search_folds_clitics_and_filters_status(browser: Any, artifacts: Path, tmp_path: Path) -> None:
    termbase = load_termbase(None)
    out = tmp_path / "termbase.html"
    out.write_text(page(termbase), encoding="utf-8")
    browser.get(out.as_uri())
    assert browser.execute_script("return document.documentElement.dataset.ready") == "1"
    box = browser.find_element("id", "q")

    def shown() -> list[str]:
        ids: list[str] = browser.execute_script(
            "return Array.prototype.filter.call(document.querySelectorAll('article.concept'),"
            " function (a) { return !a.classList.contains('hidden'); }).map(function (a) { return a.id; });")
        return ids

    assert len(shown()) == len(termbase)
    box.send_keys("للجنة مكافحة")
    hits = shown()
    assert {"c-CTC", "c-CTED"} <= set(hits) and len(hits) < len(termbase)
    # Diacritics and alef/taa-marbuta forms fold as well: لِلَّجْنَةِ with harakat, الارهاب without hamza.
    box.clear()
    box.send_keys("لِلَّجْنَةِ مُكافحة الارهاب")
    assert {"c-CTC", "c-CTED"} <= set(shown())
    box.clear()
    box.send_keys("executive directorate")
    assert "c-CTED" in shown()
    browser.save_screenshot(str(artifacts / "termbase-search.png"))
    box.clear()
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "status")).select_by_value("deprecated")
    with_deprecated = {f"c-{c.id}" for c in termbase if any(t.status is Status.DEPRECATED for t in c.terms)}
    assert set(shown()) == with_deprecated and with_deprecated
    statuses = browser.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('article.concept tbody tr'),"
        " function (tr) { return tr.offsetParent !== null; }).map(function (tr) { return tr.dataset.status; });")
    assert set(statuses) == {"deprecated"}
    domain = termbase.concepts[0].domain
    Select(browser.find_element("id", "status")).select_by_value("all")
    Select(browser.find_element("id", "domain")).select_by_value(domain)
    assert set(shown()) == {f"c-{c.id}" for c in termbase if c.domain == domain}
    box.send_keys("للجنة مكافحة")
    browser.save_screenshot(str(artifacts / "termbase-filtered.png"))
