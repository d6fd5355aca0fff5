# ruff: noqa: E501  (CSS and JavaScript read better one rule per line)
"""Inline CSS and JavaScript of the HTML lint report (no network, no framework).

Kept apart from the page builder so the Python stays readable; both are plain strings
inserted verbatim (they contain no data from the linted files).
"""

from __future__ import annotations

#: Only inline style and script, no fetches of any kind: defence in depth against XSS.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

ARABIC_FONTS = '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Geeza Pro", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif'

CSS = (
    """
:root { --err: #c62828; --warn: #b26a00; --info: #1565c0; --bg: #fff; --fg: #1d1d1f; --mute: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; margin: 0; color: var(--fg); background: #f6f6f8; }
header { background: #0b3d66; color: #fff; padding: 14px 24px; }
header h1 { margin: 0; font-size: 20px; } header p { margin: 4px 0 0; opacity: .85; font-size: 13px; }
main { padding: 16px 24px; max-width: 1500px; margin: auto; }
h2 { font-size: 17px; margin: 24px 0 8px; } h3 { font-size: 15px; margin: 14px 0 6px; }
[lang|=ar], [lang|=fa], [lang|=ur] { font-family: """
    + ARABIC_FONTS
    + """; font-size: 1.12em; line-height: 1.9; }
bdi, .iso { unicode-bidi: isolate; }
.panel { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin-bottom: 16px; }
.overview { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.overview > * { flex: 1 1 360px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: start; }
th { background: #eef1f5; font-weight: 600; font-size: 13px; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
.sev { display: inline-block; min-width: 58px; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; text-align: center; }
.sev.error { background: var(--err); } .sev.warning { background: var(--warn); } .sev.info { background: var(--info); }
.filters { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; }
.filters button { border: 1px solid #999; background: #fff; border-radius: 14px; padding: 2px 12px; cursor: pointer; font: inherit; }
.filters button[aria-pressed=true] { background: #0b3d66; color: #fff; border-color: #0b3d66; }
.filters select, .filters input { font: inherit; padding: 2px 4px; }
.file h2 { border-bottom: 2px solid #0b3d66; padding-bottom: 2px; }
table.units td.uid { width: 64px; color: var(--mute); font-size: 12px; white-space: nowrap; }
table.units { table-layout: fixed; } table.units th:first-child { width: 72px; }
table.units td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
tr.unit.clean td.text { color: #555; }
tr.findings td { padding: 0 8px 6px 80px; border-bottom: 2px solid var(--line); }
ul.flist { list-style: none; margin: 0; padding: 0; }
li.finding { padding: 3px 6px; margin: 2px 0; border-inline-start: 4px solid var(--line); background: #fafafa; }
li.finding.error { border-color: var(--err); } li.finding.warning { border-color: var(--warn); } li.finding.info { border-color: var(--info); }
li.finding.flash { outline: 2px solid #0b3d66; }
li.finding .quote { background: #fff3c4; padding: 0 3px; }
li.finding .sugg { background: #dcf5dc; padding: 0 3px; }
li.finding .meta { color: var(--mute); font-size: 12px; }
a { color: #0b57a0; } a.rule { font-weight: 600; text-decoration: none; }
mark.hl { background: transparent; color: inherit; border-bottom: 3px solid var(--info); cursor: pointer; padding: 1px 0; }
mark.hl.s-error { background: #fde0e0; border-bottom-color: var(--err); }
mark.hl.s-warning { background: #fff0cc; border-bottom-color: var(--warn); }
mark.hl.s-info { background: #e1edfb; border-bottom-color: var(--info); }
mark.hl.multi { border-bottom-style: double; border-bottom-width: 4px; }
mark.hl.off { background: transparent; border-bottom-color: transparent; }
mark.hl.point::before { content: "\\2038"; color: var(--err); font-weight: bold; }
.ctl { font-size: 0; } .ctl::after { content: attr(data-cp); font: 9px/1 monospace; background: #555; color: #fff; padding: 0 2px; border-radius: 2px; vertical-align: super; }
.hidden, .gone { display: none !important; }
svg text { font: 12px system-ui, "DejaVu Sans", sans-serif; }
.rules dt { font-weight: 600; margin-top: 6px; } .rules dd { margin: 0 0 0 16px; }
.rules .ex { margin: 2px 0; padding: 2px 6px; background: #f3f3f3; border-radius: 3px; }
.rules section { border-top: 1px solid var(--line); padding-top: 4px; }
.empty { color: var(--mute); font-style: italic; }
button.dismiss { font: 11px system-ui, sans-serif; border: 1px solid #aaa; background: #fff; border-radius: 3px; padding: 0 6px; cursor: pointer; }
button.dismiss[aria-pressed=true] { background: #555; color: #fff; }
button.dismiss[disabled] { display: none; }
li.finding.dismissed { opacity: .45; } li.finding.dismissed .msg { text-decoration: line-through; }
.dismissals textarea { width: 100%; font: 12px monospace; } .dismissals p { margin: 4px 0; }
"""
)

JS = r"""
(function () {
  'use strict';
  var RANK = {error: 3, warning: 2, info: 1};
  var state = {sev: 'all', cat: 'all', code: 'all', clean: true};
  var items = Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  var byId = {};
  items.forEach(function (li) { byId[li.id] = li; });
  function visible(li) {
    return (state.sev === 'all' || li.dataset.sev === state.sev) &&
           (state.cat === 'all' || li.dataset.cat === state.cat) &&
           (state.code === 'all' || li.dataset.code === state.code);
  }
  function filtering() { return state.sev !== 'all' || state.cat !== 'all' || state.code !== 'all'; }
  function refresh() {
    var shown = 0;
    items.forEach(function (li) { var v = visible(li); li.classList.toggle('hidden', !v); if (v) { shown++; } });
    document.querySelectorAll('tr.findings').forEach(function (tr) {
      var any = tr.querySelector('li.finding:not(.hidden)') !== null;
      tr.classList.toggle('hidden', !any);
      var unit = tr.previousElementSibling;
      if (unit && unit.classList.contains('unit')) { unit.classList.toggle('hidden', !any); }
    });
    document.querySelectorAll('tr.unit.clean').forEach(function (tr) {
      tr.classList.toggle('hidden', filtering() || !state.clean);
    });
    document.querySelectorAll('mark.hl').forEach(function (m) {
      var best = 0, sev = '';
      m.dataset.f.split(' ').forEach(function (id) {
        var li = byId[id];
        if (li && !li.classList.contains('hidden') && RANK[li.dataset.sev] > best) { best = RANK[li.dataset.sev]; sev = li.dataset.sev; }
      });
      m.classList.remove('s-error', 's-warning', 's-info');
      m.classList.toggle('off', best === 0);
      if (sev) { m.classList.add('s-' + sev); }
    });
    document.querySelectorAll('section.file').forEach(function (sec) {
      var any = sec.querySelector('tr.unit:not(.hidden), li.finding:not(.hidden)') !== null;
      sec.classList.toggle('hidden', !any);
    });
    var counter = document.getElementById('shown');
    if (counter) { counter.textContent = String(shown); }
  }
  document.querySelectorAll('button[data-sev]').forEach(function (b) {
    b.addEventListener('click', function () {
      state.sev = b.dataset.sev;
      document.querySelectorAll('button[data-sev]').forEach(function (o) { o.setAttribute('aria-pressed', String(o === b)); });
      refresh();
    });
  });
  var cat = document.getElementById('f-cat'), code = document.getElementById('f-code'), clean = document.getElementById('f-clean');
  if (cat) { cat.addEventListener('change', function () { state.cat = cat.value; refresh(); }); }
  if (code) { code.addEventListener('change', function () { state.code = code.value; refresh(); }); }
  if (clean) { clean.addEventListener('change', function () { state.clean = clean.checked; refresh(); }); }
  document.addEventListener('click', function (ev) {
    var m = ev.target.closest ? ev.target.closest('mark.hl') : null;
    if (!m) { return; }
    m.dataset.f.split(' ').forEach(function (id, i) {
      var li = byId[id];
      if (!li) { return; }
      if (i === 0) { li.scrollIntoView({block: 'nearest'}); }
      li.classList.add('flash');
      setTimeout(function () { li.classList.remove('flash'); }, 1200);
    });
  });
  // Dismiss: the page builds a baseline file ({"version": 1, "fingerprints": [...]}, as
  // --write-baseline writes it) from the run's accepted fingerprints and the dismissed findings.
  var panel = document.getElementById('dismissals');
  var accepted = panel ? JSON.parse(panel.dataset.accepted || '[]') : [];
  var dismissed = {};
  function baseline() {
    var all = {};
    accepted.forEach(function (fp) { all[fp] = true; });
    Object.keys(dismissed).forEach(function (fp) { all[fp] = true; });
    return JSON.stringify({version: 1, fingerprints: Object.keys(all).sort()}, null, 1) + '\n';
  }
  function saveDismissed() {
    var text = baseline();
    var link = document.getElementById('baseline-link'), area = document.getElementById('baseline-json');
    if (link) { link.href = 'data:application/json;charset=utf-8,' + encodeURIComponent(text); }
    if (area) { area.value = text; }
    var n = document.getElementById('dismissed');
    if (n) { n.textContent = String(Object.keys(dismissed).length); }
  }
  var showDismissed = document.getElementById('f-dismissed');
  function hideDismissed() {
    items.forEach(function (li) { li.classList.toggle('gone', !!(showDismissed && !showDismissed.checked && li.classList.contains('dismissed'))); });
  }
  if (showDismissed) { showDismissed.addEventListener('change', hideDismissed); }
  document.addEventListener('click', function (ev) {
    var b = ev.target.closest ? ev.target.closest('button.dismiss') : null;
    if (!b || b.disabled) { return; }
    var li = b.closest('li.finding'), fp = li.dataset.fp;
    var on = b.getAttribute('aria-pressed') !== 'true';
    // one fingerprint may stand for several findings (a baseline accepts them together)
    items.forEach(function (other) {
      if (other.dataset.fp !== fp) { return; }
      other.classList.toggle('dismissed', on);
      var ob = other.querySelector('button.dismiss');
      if (ob) { ob.setAttribute('aria-pressed', String(on)); ob.textContent = on ? 'undo' : 'dismiss'; }
    });
    if (on) { dismissed[fp] = true; } else { delete dismissed[fp]; }
    saveDismissed();
    hideDismissed();
  });
  saveDismissed();
  refresh();
  document.documentElement.dataset.ready = '1';
})();
"""
