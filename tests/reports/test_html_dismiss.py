"""Dismiss from the HTML report, in Chromium: the page saves a baseline that ``--baseline`` reads.

The round trip a reviser makes: lint to HTML, dismiss one of two findings a rule has in one unit,
save the baseline the page builds, lint again with it (exactly that finding is gone), open the new
report (it carries the accepted fingerprint), dismiss another, save: the file holds both.
"""

from __future__ import annotations

import contextlib
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest

from mustalah.cli.main import main
from mustalah.lint.suppress import write_baseline
from mustalah.model import Finding

from ..conftest import REPO

pytestmark = pytest.mark.browser

RELEASE = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"


def lint(*argv: str) -> int:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        return main(["lint", str(RELEASE), "--no-config", "--no-progress", "--fail-on", "never", *argv])


def lint_json(*argv: str) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["lint", str(RELEASE), "--no-config", "--format", "json", "--fail-on", "never", *argv])
    assert code == 0
    doc: dict[str, Any] = json.loads(out.getvalue())
    return doc


def open_page(browser: Any, page: Path, downloads: Path) -> None:
    browser.get(page.as_uri())
    assert browser.execute_script("return document.documentElement.dataset.ready") == "1"
    behaviour = {"behavior": "allow", "downloadPath": str(downloads)}
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", behaviour)


def dismiss(browser: Any, fingerprint: str) -> None:
    button = browser.find_element("css selector", f'li.finding[data-fp="{fingerprint}"] button.dismiss')
    button.click()


def save(browser: Any, downloads: Path) -> dict[str, Any]:
    """Click 'save baseline' and read the file Chromium downloads."""
    for old in downloads.glob("*"):
        old.unlink()
    browser.find_element("css selector", "#baseline-link").click()
    target = downloads / "mustalah-baseline.json"
    # Chromium reserves the final name with an empty file, writes into a .crdownload file and
    # renames it over the reservation: the download is done only when no partial file is left
    # and the target holds a whole document.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        partial = list(downloads.glob("*.crdownload"))
        if target.exists() and not partial and target.stat().st_size > 0:
            with contextlib.suppress(json.JSONDecodeError):
                saved: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
                return saved
        time.sleep(0.1)
    raise AssertionError(f"no whole download in {downloads}: {list(downloads.iterdir())}")


def test_dismiss_round_trip(browser: Any, tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    before = lint_json()
    # Unit 3 of the seed release has two SP001 findings (حفلة النقاش twice): told apart.
    pair = [f for f in before["findings"] if (f["unit"], f["code"]) == ("3", "SP001")]
    assert len(pair) == 2 and pair[0]["fingerprint"] != pair[1]["fingerprint"]
    prints = [f["fingerprint"] for f in before["findings"]]
    assert len(set(prints)) == len(prints)  # every finding its own

    page = tmp_path / "report.html"
    assert lint("--format", "html", "-o", str(page)) == 0
    open_page(browser, page, downloads)
    buttons = browser.execute_script("return document.querySelectorAll('li.finding button.dismiss').length")
    assert buttons == len(before["findings"])
    first = pair[0]["fingerprint"]
    dismiss(browser, first)
    state = browser.execute_script(
        "var li = document.querySelector('li.finding[data-fp=\"' + arguments[0] + '\"]');"
        "return [li.classList.contains('dismissed'), document.getElementById('dismissed').textContent,"
        " document.querySelectorAll('li.finding.dismissed').length];",
        first,
    )
    assert state == [True, "1", 1]
    saved = save(browser, downloads)
    assert saved == {"version": 1, "fingerprints": [first]}
    # The page writes what --write-baseline writes for the same fingerprints, byte for byte.
    reference = tmp_path / "reference.json"
    write_baseline(str(reference), [Finding("X", "x", "style", "info", "", "", "", "source", 0, 0, "", "",
                                            fingerprint=first)])
    assert (downloads / "mustalah-baseline.json").read_bytes() == reference.read_bytes()

    # Next run with the saved file: exactly the dismissed finding is gone, its twin stays.
    baseline = tmp_path / "baseline.json"
    baseline.write_bytes((downloads / "mustalah-baseline.json").read_bytes())
    after = lint_json("--baseline", str(baseline))
    assert [f["fingerprint"] for f in after["findings"]] == [p for p in prints if p != first]
    assert after["summary"]["suppressed"] == before["summary"]["suppressed"] + 1
    assert pair[1]["fingerprint"] in [f["fingerprint"] for f in after["findings"]]

    # The report of that run carries the accepted fingerprint: a second dismissal adds to it.
    page2 = tmp_path / "report2.html"
    assert lint("--format", "html", "-o", str(page2), "--baseline", str(baseline)) == 0
    open_page(browser, page2, downloads)
    assert browser.execute_script(f"return document.querySelector('li.finding[data-fp=\"{first}\"]')") is None
    second = pair[1]["fingerprint"]
    dismiss(browser, second)
    assert save(browser, downloads)["fingerprints"] == sorted([first, second])
    # Undo: a second click takes it back out.
    dismiss(browser, second)
    assert save(browser, downloads)["fingerprints"] == [first]
    assert browser.execute_script("return document.getElementById('dismissed').textContent") == "0"


def test_hide_dismissed_and_old_baselines_still_apply(browser: Any, tmp_path: Path) -> None:
    """'show dismissed' off hides them; a baseline of unit fingerprints (written before findings had
    their own) still accepts every finding of its rule in the unit."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    page = tmp_path / "report.html"
    assert lint("--format", "html", "-o", str(page)) == 0
    open_page(browser, page, downloads)
    doc = lint_json()
    fp = doc["findings"][0]["fingerprint"]
    dismiss(browser, fp)
    browser.find_element("css selector", "#f-dismissed").click()
    hidden = browser.execute_script(
        f"return getComputedStyle(document.querySelector('li.finding[data-fp=\"{fp}\"]')).display"
    )
    assert hidden == "none"

    from mustalah.formats.registry import read_segments
    from mustalah.lint.suppress import fingerprint

    seg = next(s for s in read_segments(str(RELEASE), None, None) if s.unit == "3")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"version": 1, "fingerprints": [fingerprint("SP001", seg)]}), encoding="utf-8")
    left = lint_json("--baseline", str(old))
    assert not [f for f in left["findings"] if (f["unit"], f["code"]) == ("3", "SP001")]
    assert len(left["findings"]) == len(doc["findings"]) - 2
