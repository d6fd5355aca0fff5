"""Shared fixtures.  Tests that need ../shared skip with a clear reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# A bug in a command shows its traceback in tests (users get one "internal error" line instead).
os.environ.setdefault("MUSTALAH_DEBUG", "1")
SHARED = Path(os.environ.get("MUSTALAH_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared folder beside the repository); CI always has it")
    return path


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"needs {SHARED} (the shared folder beside the repository); CI always has it")
    return SHARED


@pytest.fixture
def seed_text() -> str:
    return shared_path("seeds", "seed-release.ar.txt").read_text(encoding="utf-8")
