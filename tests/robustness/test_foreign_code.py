"""The compiled index cache is data: a poisoned cache file runs nothing and the run still
succeeds by rebuilding it.  The cache folder and its files are trusted only when this user
owns them and no one else can write them."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from .faults import release

#: What an attacker writes: unpickling or unmarshalling-and-running it creates the marker.
_PAYLOAD = "open({marker!r}, 'w').write('pwned')"


class _Exploit:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (exec, (_PAYLOAD.format(marker=str(self.marker)),))


def _poisons(marker: Path, genuine: bytes) -> dict[str, bytes]:
    code = compile(_PAYLOAD.format(marker=str(marker)), "<poison>", "exec")
    evil = pickle.dumps({"format": 3, "data": _Exploit(marker)})
    return {
        "pickle": evil,
        "old-magic-pickle": b"MUSTALAH-INDEX\n" + evil,
        "new-magic-pickle": b"MUSTALAH-INDEX-3\n" + evil,
        "marshal-code": marshal.dumps(code),
        # our header, a checksum that matches, and a pickle where a table should be
        "container-with-pickle-blob": _container({"format": 3}, evil),
        "truncated": genuine[: len(genuine) // 2],
        "flipped": genuine[:-100] + bytes(b ^ 0xFF for b in genuine[-100:]),
        "json-hook": b'{"__reduce__": "os.system"}',
    }


def _container(header: dict[str, object], blob: bytes) -> bytes:
    """Our magic, our header layout and a blob whose checksum matches: only its content is evil."""
    import struct
    import zlib

    head = json.dumps(
        {**header, "data": {"b": "0"}, "blobs": {"0": [0, len(blob), zlib.crc32(blob)]}}
    ).encode()
    return b"MUSTALAH-INDEX-3\n" + struct.pack("<Q", len(head)) + head + blob


def _lint(rel: Path, cache: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MUSTALAH_CACHE_DIR": str(cache)}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mustalah",
            "lint",
            "--no-config",
            "--no-progress",
            str(rel),
            "--format",
            "json",
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _findings(done: subprocess.CompletedProcess[str]) -> list[object]:
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    findings: list[object] = json.loads(done.stdout)["findings"]
    return findings


def test_poisoned_cache_files_run_nothing_and_are_rebuilt(tmp_path: Path) -> None:
    rel = release(tmp_path)
    cache = tmp_path / "cache"
    marker = tmp_path / "pwned"
    expected = _findings(_lint(rel, cache, tmp_path))
    files = sorted(p for p in cache.iterdir() if p.is_file())
    assert any(p.name.startswith("index-") for p in files), files
    genuine = {p: p.read_bytes() for p in files}
    for kind in _poisons(marker, b"x" * 400):
        for path, original in genuine.items():
            path.write_bytes(_poisons(marker, original)[kind])
            # the old cache name too: a pickle there is never opened
            path.with_suffix(".pickle").write_bytes(_poisons(marker, original)["old-magic-pickle"])
        done = _lint(rel, cache, tmp_path)
        assert not marker.exists(), f"{kind}: the poisoned cache ran code"
        assert _findings(done) == expected, kind
        for path in genuine:  # rebuilt: a cache file this version reads again
            assert path.read_bytes()[:17] == b"MUSTALAH-INDEX-3\n" or path.suffix == ".json", (kind, path)
    assert not marker.exists()


def test_the_loader_never_unpickles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process: the cache module reaches neither pickle nor marshal while loading."""
    from mustalah.matching import cache

    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(tmp_path / "c"))
    cache.clear_memo()
    cache.cached_index(None)
    cache.clear_memo()

    def refuse(*_a: object, **_k: object) -> object:
        raise AssertionError("pickle/marshal used to load the cache")

    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(marshal, "loads", refuse)
    monkeypatch.setattr(marshal, "load", refuse)
    _termbase, index = cache.cached_index(None)
    stats = cache.last_stats()
    assert stats is not None and stats.hit
    assert index.match("مجلس الأمن", "ar")
    cache.clear_memo()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the files to another user")
def test_untrusted_folder_or_file_is_not_read(tmp_path: Path) -> None:
    rel = release(tmp_path)
    cache = tmp_path / "cache"
    expected = _findings(_lint(rel, cache, tmp_path))
    index = next(p for p in cache.iterdir() if p.name.startswith("index-"))
    good = index.read_bytes()
    # a world-writable folder: warned about, neither read nor written
    cache.chmod(0o777)
    index.write_bytes(b"garbage")
    done = _lint(rel, cache, tmp_path)
    assert _findings(done) == expected
    assert "writable by other users" in done.stderr and "chmod go-w" in done.stderr
    assert index.read_bytes() == b"garbage"
    # a trusted folder, but a genuine file that belongs to someone else: not read, replaced
    cache.chmod(0o700)
    index.write_bytes(good)
    os.chown(index, 65534, 65534)
    done = _lint(rel, cache, tmp_path)
    assert _findings(done) == expected
    assert index.stat().st_uid == os.geteuid()
