"""Shared inputs for the scoring tests: the en→ar MT test set and the WMT21 sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, shared_path

MT = REPO / "corpora" / "mt"


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def mt_dir() -> Path:
    if not (MT / "reference.ar").exists():
        pytest.skip(f"needs the en→ar MT test set in {MT}")
    return MT


@pytest.fixture
def wmt_dir() -> Path:
    return shared_path("peers", "wmt21-terminology")
