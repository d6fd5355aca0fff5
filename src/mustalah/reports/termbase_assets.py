# ruff: noqa: E501  (CSS and JavaScript read better one rule per line)
"""Inline CSS and JavaScript of the browsable termbase page.

The search folds text the way :mod:`mustalah.text.normalize` builds matching keys —
harakat, superscript alef, tatweel and bidi/zero-width marks deleted, alef forms → ا,
ى → ي, ة → ه — and, for a forgiving search, strips one leading clitic group
(و/ف, then ال/لل/ب/ل) from every Arabic word of both the query and the terms, so
``للجنة مكافحة`` finds ``لجنة مكافحة الإرهاب``.
"""

from __future__ import annotations

CSS = """
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; margin: 0; background: #f6f6f8; color: #1d1d1f; }
header { background: #0b3d66; color: #fff; padding: 14px 24px; } header h1 { margin: 0; font-size: 20px; }
header p { margin: 4px 0 0; opacity: .85; font-size: 13px; }
main { padding: 16px 24px; max-width: 1400px; margin: auto; }
.bar { position: sticky; top: 0; z-index: 3; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; display: flex; gap: 12px 20px; flex-wrap: wrap; align-items: center; margin-bottom: 14px; }
.bar input[type=search] { font: inherit; padding: 4px 8px; min-width: 320px; unicode-bidi: plaintext; }
.bar select { font: inherit; }
[lang|=ar] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Geeza Pro", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif; font-size: 1.1em; }
bdi { unicode-bidi: isolate; }
article.concept { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; margin-bottom: 10px; }
article.concept h2 { font-size: 15px; margin: 0 0 4px; } article.concept h2 code { color: #0b57a0; }
.domain { font-size: 12px; background: #eef1f5; border-radius: 10px; padding: 0 8px; margin-inline-start: 8px; font-weight: normal; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-top: 1px solid #eee; padding: 4px 8px; vertical-align: top; text-align: start; }
th { width: 110px; font-size: 12px; color: #555; font-weight: 600; }
thead th { width: auto; background: #fafafa; }
thead th:first-child { width: 110px; }
tr.preferred th { color: #1b5e20; } tr.admitted th { color: #0b57a0; } tr.deprecated th, tr.superseded th { color: #c62828; }
tr.deprecated .term, tr.superseded .term { text-decoration: line-through; text-decoration-color: #c62828; }
.term { display: inline-block; margin: 1px 10px 1px 0; }
td[dir=rtl] .term { margin: 1px 0 1px 10px; }
.tag { font-size: 11px; background: #eee; border-radius: 3px; padding: 0 4px; margin: 0 3px; color: #444; font-family: system-ui, sans-serif; }
.tag.acronym { background: #e1edfb; } .tag.gender { background: #fce4ec; }
.notes { font-size: 13px; color: #444; margin: 6px 0 0; } .notes dt { font-weight: 600; display: inline; } .notes dd { display: inline; margin: 0 12px 0 4px; }
.hidden { display: none !important; }
"""

JS = r"""
(function () {
  'use strict';
  var MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\u2060\uFEFF\u00AD]/g;
  var ARABIC = /[\u0600-\u06FF]/;
  function stripClitic(token) {
    if (!ARABIC.test(token)) { return token; }
    var conj = ['و', 'ف', ''], pre = ['لل', 'ال', 'ب', 'ل', ''];
    for (var i = 0; i < conj.length; i++) {
      if (token.indexOf(conj[i]) !== 0) { continue; }
      var rest = token.slice(conj[i].length);
      for (var j = 0; j < pre.length; j++) {
        if (rest.indexOf(pre[j]) === 0 && rest.length - pre[j].length >= 2 && (conj[i] || pre[j])) {
          return rest.slice(pre[j].length);
        }
      }
    }
    return token;
  }
  function fold(text) {
    var s = text.normalize('NFC').replace(MARKS, '')
      .replace(/[أإآٱٲٳٵ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه')
      .replace(/[یېے]/g, 'ي').replace(/[کڪ]/g, 'ك')
      .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    return s ? s.split(' ').map(stripClitic).join(' ') : '';
  }
  window.mustalahFold = fold;
  var concepts = Array.prototype.slice.call(document.querySelectorAll('article.concept'));
  concepts.forEach(function (c) {
    var keys = Array.prototype.map.call(c.querySelectorAll('.term, .forms, code.id'), function (t) { return fold(t.textContent); });
    c.dataset.key = ' ' + keys.join(' | ') + ' ';
  });
  var q = document.getElementById('q'), dom = document.getElementById('domain'), st = document.getElementById('status');
  function refresh() {
    var key = fold(q.value), d = dom.value, s = st.value, shown = 0;
    concepts.forEach(function (c) {
      var ok = (!key || c.dataset.key.indexOf(key) >= 0) && (d === 'all' || c.dataset.domain === d) &&
               (s === 'all' || (' ' + c.dataset.statuses + ' ').indexOf(' ' + s + ' ') >= 0);
      c.classList.toggle('hidden', !ok);
      c.querySelectorAll('tbody tr').forEach(function (tr) { tr.classList.toggle('hidden', s !== 'all' && tr.dataset.status !== s); });
      if (ok) { shown++; }
    });
    document.getElementById('count').textContent = String(shown);
  }
  [q, dom, st].forEach(function (el) { el.addEventListener('input', refresh); el.addEventListener('change', refresh); });
  refresh();
  document.documentElement.dataset.ready = '1';
})();
"""
