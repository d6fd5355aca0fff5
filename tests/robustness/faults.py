"""Real faults for the robustness tests: a full disk (a small tmpfs), a process without the
permission override root has (``setpriv``), and ``mustalah`` in a real child process that
signals can reach.  Each helper skips with its reason where the machine cannot make the fault."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RELEASES = REPO / "corpora" / "releases"

#: Run a child without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH: root then obeys file modes.
NO_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]


def mustalah_argv(*argv: str) -> list[str]:
    """``python -m mustalah ARGV`` (the console entry point: signal handlers installed)."""
    return [sys.executable, "-m", "mustalah", *argv]


def run(
    *argv: str, cwd: Path, prefix: list[str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(prefix or []), *mustalah_argv(*argv)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def release(tmp_path: Path, name: str = "rel") -> Path:
    """A copy of the first shipped release folder (en.txt + ar.txt)."""
    source = sorted(p for p in RELEASES.iterdir() if (p / "ar.txt").is_file())[0]
    target = tmp_path / name
    shutil.copytree(source, target)
    return target


def without_dac_override(tmp_path: Path) -> list[str]:
    """The ``setpriv`` prefix, or skip (not root, no setpriv, or a kernel that refuses it)."""
    if os.geteuid() != 0:
        pytest.skip("needs root (to drop its permission override; a normal user already obeys file modes)")
    if shutil.which("setpriv") is None:
        pytest.skip("needs setpriv (util-linux)")
    probe = tmp_path / ".probe"
    probe.write_text("x")
    probe.chmod(0)
    done = subprocess.run([*NO_DAC, "cat", str(probe)], capture_output=True)
    probe.chmod(0o600)
    probe.unlink()
    if done.returncode == 0:
        pytest.skip("setpriv could not drop CAP_DAC_OVERRIDE here")
    return NO_DAC


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 256 KiB tmpfs that is already full: every write there fails with ENOSPC."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a tmpfs (the real ENOSPC)")
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0777", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        fill(mount / "filler")
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(path: Path) -> None:
    """Append to ``path`` until the disk is full (unbuffered: nothing is left to flush)."""
    with open(path, "ab", buffering=0) as filler:
        for size in (1 << 16, 4096, 512, 1):
            try:
                while True:
                    filler.write(b"\0" * size)
            except OSError:
                continue


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def assert_located(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit 2, a ``mustalah: error:`` message naming each needle, a hint, no traceback."""
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    assert "mustalah: error:" in done.stderr, done.stderr
    assert "hint:" in done.stderr, done.stderr
    for needle in needles:
        assert needle in done.stderr, (needle, done.stderr)
