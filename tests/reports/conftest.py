"""Fixtures for report tests: a real headless Chromium driven by Selenium, and lint runs."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mustalah.lint.engine import LintSettings
from mustalah.lint.run import run_lint
from mustalah.model import LintResult

CHROMIUM = Path(os.environ.get("MUSTALAH_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("MUSTALAH_CHROMEDRIVER", "/usr/bin/chromedriver"))
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    "--window-size=1400,1000", "--force-device-scale-factor=1",
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (the system one), or skip with the reason."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER}: run `bash scripts/install-system-deps.sh`")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="mustalah-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def lint(*paths: Path | str) -> LintResult:
    """Lint with the shipped termbase, keeping the units' text as ``--format html`` does."""
    return run_lint([str(p) for p in paths], LintSettings(), keep_segments=True)
