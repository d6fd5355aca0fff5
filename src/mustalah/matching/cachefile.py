"""The on-disk container of the compiled index cache: data that cannot run code when read.

A cache file is::

    MAGIC  (b"MUSTALAH-INDEX-3\\n")
    8 bytes: length of the header, little-endian
    header: UTF-8 JSON — plain values (tagged: see :func:`to_json`) and the table of blobs
            (name → offset, length, CRC-32)
    blobs:  raw bytes (``array`` tables, packed rows of JSON, the automata's node arrays)

Reading it runs ``json.loads`` and byte copies, nothing else: there is no pickle, no
``marshal`` and no object hook, so a file written into the cache folder by someone else can at
worst be a cache miss.  The blobs' checksums make a damaged file a miss too, before any
table is decoded.  The folder itself must be trusted (:func:`trusted_dir`): owned by this user and not
writable by others — else the cache is neither read nor written.
"""

from __future__ import annotations

import json
import os
import stat
import struct
import sys
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

MAGIC = b"MUSTALAH-INDEX-3\n"
_LENGTH = struct.Struct("<Q")
#: A header larger than this is not one we wrote (guards the allocation of a hostile length).
_MAX_HEADER = 1 << 30

_warned: set[str] = set()


class CacheFormatError(ValueError):
    """The file is not a cache file this version wrote (a miss, never shown to the user)."""


# --- plain values as JSON -------------------------------------------------------------------


_PRIMITIVE = (str, int, float, bool, type(None))
#: Containers of primitives only are stored flat (decoded by one C call, not one per item).
_FLAT: dict[type, str] = {list: "L", tuple: "T", frozenset: "F", set: "S"}
_FLAT_TYPES: dict[str, Any] = {"L": list, "T": tuple, "F": frozenset, "S": set}
_NESTED_TYPES: dict[str, Any] = {"t": tuple, "f": frozenset, "s": set}


def to_json(value: Any, blobs: dict[str, bytes]) -> Any:
    """``value`` as JSON with its Python type kept: lists, tuples, sets and frozensets and
    dicts are tagged objects; ``bytes`` go to ``blobs`` (the tag names the blob).  Anything
    else (an object, a function) raises ``TypeError``: the cache holds data only."""
    if isinstance(value, _PRIMITIVE):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        name = str(len(blobs))
        blobs[name] = bytes(value)
        return {"b": name}
    kind = type(value)
    if kind in _FLAT:
        items = sorted(value, key=repr) if kind in (set, frozenset) else list(value)
        if all(type(v) in _PRIMITIVE for v in items):
            return {_FLAT[kind]: items}
        return {_FLAT[kind].lower(): [to_json(v, blobs) for v in items]}
    if kind is dict:
        if all(type(k) is str for k in value) and all(type(v) in _PRIMITIVE for v in value.values()):
            return {"D": value}
        return {"d": [[to_json(k, blobs), to_json(v, blobs)] for k, v in value.items()]}
    raise TypeError(f"the index cache holds plain data only, not {kind.__name__}")


def from_json(value: Any, blobs: Mapping[str, bytes]) -> Any:
    """The inverse of :func:`to_json` (raises ``CacheFormatError`` on anything it did not write)."""
    if isinstance(value, _PRIMITIVE):
        return value
    if not isinstance(value, dict) or len(value) != 1:
        raise CacheFormatError("untagged value")
    ((tag, items),) = value.items()
    if tag == "b":
        if not isinstance(items, str) or items not in blobs:
            raise CacheFormatError("missing blob")
        return blobs[items]
    if tag == "D":
        if not isinstance(items, dict):
            raise CacheFormatError("flat dict")
        return items
    if not isinstance(items, list):
        raise CacheFormatError("tagged value is not a list")
    if tag in _FLAT_TYPES:
        # JSON yields only plain values; a list or dict where a primitive belongs is data all the
        # same (a set of them fails to hash: a miss), so no per-item check (600k items, 0.1 s)
        return _FLAT_TYPES[tag](items)
    if tag == "l":
        return [from_json(v, blobs) for v in items]
    if tag in _NESTED_TYPES:
        return _NESTED_TYPES[tag](from_json(v, blobs) for v in items)
    if tag == "d":
        return {from_json(k, blobs): from_json(v, blobs) for k, v in items}
    raise CacheFormatError(f"unknown tag {tag!r}")


# --- the folder -----------------------------------------------------------------------------


def trusted_dir(folder: Path, create: bool) -> bool:
    """Whether the cache may be read from (and written to) ``folder``: it is a real folder
    (not a link), owned by this user, and neither group- nor world-writable.  A folder that
    fails is not used, and stderr says why once per process; ``create`` makes it (mode 0700)."""
    try:
        if create and not folder.exists():
            folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        st = folder.lstat()
    except OSError:
        return False
    problem = None
    if not stat.S_ISDIR(st.st_mode):
        problem = "is not a folder (a link or a file)"
    elif hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        problem = f"belongs to another user (uid {st.st_uid})"
    elif st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        problem = f"is writable by other users (mode {stat.S_IMODE(st.st_mode):04o})"
    if problem is None:
        return True
    if str(folder) not in _warned:
        _warned.add(str(folder))
        print(
            f"mustalah: warning: cache folder {folder} {problem}; not using it "
            "(its files could have been written by someone else)\n"
            f"  hint: chmod go-w {folder}, or set MUSTALAH_CACHE_DIR to a folder of your own",
            file=sys.stderr,
        )
    return False


def _trusted_file(handle_fd: int) -> bool:
    st = os.fstat(handle_fd)
    if not stat.S_ISREG(st.st_mode):
        return False
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


# --- the container --------------------------------------------------------------------------


def write(file: Path, header: Mapping[str, Any], blobs: Mapping[str, bytes]) -> None:
    """Write the container atomically (temporary file, then rename); raises on failure."""
    table: dict[str, list[int]] = {}
    offset = 0
    for name, blob in blobs.items():
        table[name] = [offset, len(blob), zlib.crc32(blob)]
        offset += len(blob)
    head = json.dumps({**header, "blobs": table}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC)
            handle.write(_LENGTH.pack(len(head)))
            handle.write(head)
            for blob in blobs.values():
                handle.write(blob)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read(file: Path) -> tuple[dict[str, Any], dict[str, bytes]] | None:
    """The header and blobs of a container, or None when the file is missing, not ours, not
    owned by this user, damaged (a blob's CRC-32 or length) or malformed."""
    try:
        with open(file, "rb") as handle:
            if not _trusted_file(handle.fileno()):
                return None
            if handle.read(len(MAGIC)) != MAGIC:
                return None
            raw = handle.read(_LENGTH.size)
            if len(raw) != _LENGTH.size:
                return None
            (length,) = _LENGTH.unpack(raw)
            if length > _MAX_HEADER:
                return None
            header = json.loads(handle.read(length).decode("utf-8"))
            if not isinstance(header, dict) or not isinstance(header.get("blobs"), dict):
                return None
            blobs: dict[str, bytes] = {}
            offset = 0
            for name, place in header["blobs"].items():
                if not (isinstance(place, list) and len(place) == 3 and all(type(x) is int for x in place)):
                    return None
                start, size, crc = place
                if start != offset or size < 0:
                    return None
                blob = handle.read(size)
                if len(blob) != size or zlib.crc32(blob) != crc:
                    return None
                blobs[name] = blob
                offset += size
            if handle.read(1):
                return None  # trailing bytes: not what we wrote
    except (OSError, ValueError):  # missing, unreadable, not UTF-8 / JSON
        return None
    return header, blobs
