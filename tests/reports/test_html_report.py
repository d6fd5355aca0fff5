"""The HTML report as markup: exact spans under overlap, bidi isolation, escaping, self-containment."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

from mustalah.model import Finding, LintResult, LintSummary, Segment
from mustalah.reports.html_report import render_html
from mustalah.reports.html_text import side_html


def parse(fragment: str) -> lxml_html.HtmlElement:
    return lxml_html.fragment_fromstring(f"<div>{fragment}</div>")


def marked_text(fragment: str, fid: str) -> str:
    root = parse(fragment)
    return "".join(m.text_content() for m in root.iter("mark") if fid in m.get("data-f", "").split())


def test_overlapping_and_nested_spans_each_keep_their_text() -> None:
    text = "مكتب الأمم المتحدة المعني بالمخدرات والجريمة (UNODC)"
    spans = [("a", 0, 18), ("b", 5, 30), ("c", 10, 18), ("d", 47, 52), ("e", 45, 53)]
    out = side_html(text, spans, True, {})
    for fid, s, e in spans:
        assert marked_text(out, fid) == text[s:e]
    root = parse(out)
    assert root.text_content() == text
    bdi = [b for b in root.iter("bdi")]
    assert [b.text_content() for b in bdi] == ["UNODC"] and bdi[0].get("dir") == "ltr"


def test_arabic_inside_english_is_isolated() -> None:
    out = side_html("the term الجمعية العامة is used", [("x", 9, 15)], False, {})
    root = parse(out)
    (bdi,) = list(root.iter("bdi"))
    assert bdi.get("dir") == "rtl" and bdi.text_content() == "الجمعية العامة"
    assert marked_text(out, "x") == "الجمعي"


SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=5)


@given(st.text(alphabet="ab ك(UN)\u200f<&\"", max_size=30), SPANS, st.booleans())
def test_any_spans_round_trip(text: str, raw: list[tuple[int, int]], rtl: bool) -> None:
    spans = [(f"f{i}", min(a, b), max(a, b)) for i, (a, b) in enumerate(raw)]
    out = side_html(text, spans, rtl, {})
    root = parse(out)
    assert root.text_content() == text
    for fid, s, e in spans:
        assert marked_text(out, fid) == text[min(s, len(text)):min(e, len(text))]


def test_file_content_cannot_inject_markup() -> None:
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)"> "\' </td>'
    seg = Segment(file="x<b>.tmx", unit='1"><script>', index=0, source=evil, target=evil, source_lang="en",
                  target_lang="ar")
    f = Finding(code="TM002", name="term-deprecated", category="term-deprecated", severity="error",
                file="x<b>.tmx", unit='1"><script>', lang="ar", side="target", start=0, end=8, text=evil[:8],
                message=evil, suggestion=evil, concept=evil)
    buf = io.StringIO()
    summary = LintSummary(1, 1, 1, {"error": 1}, {"term-deprecated": 1}, {"TM002": 1})
    render_html(LintResult((f,), summary, (seg,)), buf)
    page = buf.getvalue()
    assert page.count("<script") == 1  # ours only
    assert "<img" not in page and "onerror=\"" not in page
    doc = lxml_html.document_fromstring(page)
    assert "".join(m.text_content() for m in doc.xpath("//mark[@data-f='f0']")) == evil[:8]


def test_self_contained_and_monolingual_single_column() -> None:
    seg = Segment(file="r.ar.txt", unit="1", index=0, source="نص عربي", target=None, source_lang="ar")
    buf = io.StringIO()
    render_html(LintResult((), LintSummary(1, 1, 0), (seg,)), buf)
    page = buf.getvalue()
    doc = lxml_html.document_fromstring(page)
    assert not doc.xpath("//*[@src] | //link | //*[contains(@href, '//')]")
    assert "@import" not in page and "url(" not in page
    (cell,) = doc.xpath("//td[contains(@class, 'text')]")
    assert cell.get("dir") == "rtl" and cell.get("lang") == "ar"
    heads = [th.text_content() for th in doc.xpath("//table[contains(@class,'units')]//th")]
    assert heads == ["unit", "source (ar)"]
